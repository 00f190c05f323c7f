// Environment variable reads in JavaScript/TypeScript (ModuleModel.envReads): member, subscript and
// destructuring reads, with or without a fallback; writes are not reads.
import { extractSnippet } from './js-helpers.js'

describe('envReads (JavaScript/TypeScript)', () => {
  it('records member, subscript and destructured reads with their fallbacks', async () => {
    const model = await extractSnippet(
      [
        'const port = process.env.PORT ?? "3000"',
        "const key = process.env['API_KEY']",
        'export function url(): string {',
        '  return process.env.BASE_URL || "http://localhost"',
        '}',
        "const { REGION, STAGE = 'dev', 'X-Y': xy } = process.env",
        'const name = process.env[dynamic]',
        'process.env.WRITTEN = "1"',
        'delete process.env.GONE',
        ''
      ].join('\n')
    )
    expect(
      model.envReads?.map((r) => [r.name, r.hasDefault, r.loc.startLine, r.enclosing ?? null])
    ).toEqual([
      ['PORT', true, 1, null],
      ['API_KEY', false, 2, null],
      ['BASE_URL', true, 4, 'url'],
      ['REGION', false, 6, null],
      ['STAGE', true, 6, null],
      ['X-Y', false, 6, null],
      ['*', false, 7, null]
    ])
  })

  it('marks reads made a boolean or compared where they are read (unset is false on purpose)', async () => {
    const model = await extractSnippet(
      [
        'const http2 = Boolean(process.env.HTTP2_TEST)',
        'const debug = !!(process.env.DEBUG)',
        "const fast = (process.env.FAST) === '1'",
        'const token = process.env.TOKEN',
        'const size = Number(process.env.SIZE)',
        'const both = Boolean(process.env.A, process.env.B)',
        ''
      ].join('\n')
    )
    expect(model.envReads?.map((r) => [r.name, r.asFlag ?? false])).toEqual([
      ['HTTP2_TEST', true],
      ['DEBUG', true],
      ['FAST', true],
      ['TOKEN', false],
      ['SIZE', false],
      ['A', false],
      ['B', false]
    ])
  })

  it('leaves envReads out of a module that reads none', async () => {
    const model = await extractSnippet('const env = processEnv.PORT\nexport const x = env\n')
    expect(model.envReads).toBeUndefined()
  })
})

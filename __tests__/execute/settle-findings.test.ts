// The security run's prototype-pollution findings settled by calling the function (real child processes):
// an unguarded merge is confirmed and certain, a guarded one whose control merge worked is dropped with
// its spec, a method and a TypeScript source are left as inferred, other perspectives untouched.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { settlePollutionFindings } from '../../src/execute/settle-findings.js'
import { codeFinding, meta, run, spec } from '../report/make-input.js'

const lib = [
  'function isObject(v) { return v !== null && typeof v === "object" }',
  'function merge(target, source) {',
  '  for (const key of Object.keys(source)) {',
  '    if (isObject(source[key])) {',
  '      if (!isObject(target[key])) target[key] = {}',
  '      merge(target[key], source[key])',
  '    } else target[key] = source[key]',
  '  }',
  '  return target',
  '}',
  'function safeMerge(target, source) {',
  '  for (const key of Object.keys(source)) {',
  '    if (key === "__proto__" || key === "constructor") continue',
  '    if (isObject(source[key])) {',
  '      if (!isObject(target[key])) target[key] = {}',
  '      safeMerge(target[key], source[key])',
  '    } else target[key] = source[key]',
  '  }',
  '  return target',
  '}',
  'module.exports = { merge, safeMerge }',
  ''
].join('\n')

const pollution = (n: number, symbol: string, file = 'lib/merge.js') =>
  codeFinding({
    id: `security/prototypePollution/${n}`,
    perspective: 'security',
    messageId: 'prototypePollution',
    title: `${symbol} can pollute Object.prototype`,
    message: `${symbol} writes through a computed key.`,
    file,
    symbol,
    tags: []
  })

describe('settlePollutionFindings', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'settle-findings-'))
    await mkdir(join(dir, 'lib'))
    await writeFile(join(dir, 'lib', 'merge.js'), lib)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('confirms, drops the refuted claim with its spec, and leaves what it cannot call', async () => {
    const security = run({
      meta: meta(9, 'security', 'Security', 'Can it be attacked?'),
      findings: [
        pollution(1, 'merge'),
        pollution(2, 'safeMerge'),
        pollution(3, 'Store.set'),
        pollution(4, 'merge', 'src/merge.ts')
      ],
      specs: [
        spec({ id: 'security/spec/1', covers: ['security/prototypePollution/1'] }),
        spec({ id: 'security/spec/2', covers: ['security/prototypePollution/2'] })
      ]
    })
    const other = run()
    const { runs, notes } = await settlePollutionFindings(dir, [security, other])
    const settled = runs[0]
    expect(settled.findings.map((f) => f.id)).toEqual([
      'security/prototypePollution/1',
      'security/prototypePollution/3',
      'security/prototypePollution/4'
    ])
    expect(settled.findings[0].confidence).toBe('high')
    expect(settled.findings[0].tags).toContain('observed')
    expect(settled.findings[0].message).toContain('`f({}, P)`')
    expect(settled.specs.map((s) => s.id)).toEqual(['security/spec/1'])
    expect(runs[1]).toBe(other)
    expect(notes).toEqual([
      'lib/merge.js:10 merge: confirmed by f({}, P)',
      'lib/merge.js:10 safeMerge: refuted (a deep merge f(target, source) worked, no payload polluted)'
    ])
  }, 60_000)
})

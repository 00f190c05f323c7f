// backwards-compat shapes judged false in session 7 round 2 (http-server F7, superagent F1): a value the
// checker types `any` at HEAD is still callable and still reads as the old type. Beside each, the real
// break (a property whose type changed, a function replaced by a plain object) is still named.
import { describe, expect, it } from '@jest/globals'
import perspective from '../../perspectives/backwards-compat/index.js'
import { runFixture } from './harness.js'
import { compatTrees } from './compat-fixture.js'

const manifest = (version: string): string =>
  JSON.stringify({ name: 'srv', version, main: 'lib/index.js' })

describe('a value typed `any` at HEAD (session 7 round 2)', () => {
  it('a Proxy with an apply trap and a property inferred as `any` are not breaks; a plain object and a type change are', async () => {
    const { base, head } = compatTrees('any-at-head')
    base['package.json'] = manifest('1.0.0')
    head['package.json'] = manifest('1.0.1')
    const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
    expect(run.error).toBeNull()
    const found = run.findings
      .filter((f) => f.messageId !== 'versionBumpTooSmall')
      .map((f) => `${f.messageId} ${f.file}:${f.startLine} ${f.title}`)
      .sort()
    expect(found).toEqual([
      'apiChanged lib/index.js:11 maker: no longer callable',
      'apiChanged lib/index.js:5 Server.port: type changed from `number` to `string`'
    ])
  })
})

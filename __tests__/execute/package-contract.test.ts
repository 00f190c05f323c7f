// What a package offers, read from its package.json and shipped declarations (package-contract.ts):
// the entry files that exist, a build the checkout lacks traced to its source, the names and
// signatures of the `.d.ts` its `exports` name.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadTypeScript } from '../../src/model/ts-blank.js'
import { packageContract } from '../../src/execute/package-contract.js'
import { privatePythonModule } from '../../src/execute/probe-targets.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'execute')

describe('the package contract', () => {
  let unbuilt: string
  beforeAll(async () => {
    unbuilt = await mkdtemp(join(tmpdir(), 'tp-contract-'))
    await mkdir(join(unbuilt, 'src'))
    await writeFile(
      join(unbuilt, 'package.json'),
      JSON.stringify({ name: 'x', exports: { types: './dist/x.d.ts', default: './dist/x.js' } })
    )
    await writeFile(join(unbuilt, 'src', 'mod.ts'), 'export const a = 1\n')
  })
  afterAll(() => rm(unbuilt, { recursive: true, force: true }))

  it("reads the entry and the .d.ts under `exports`' conditions: what they name, not the helper", async () => {
    const ts = await loadTypeScript()
    const contract = await packageContract(ts, join(FIXTURES, 'probe-js-entry'))
    expect(contract?.entries).toEqual(['src/index.js'])
    expect(contract?.declared?.files).toEqual(['types/index.d.ts'])
    expect([...(contract?.declared?.names ?? [])].sort()).toEqual([
      'filesize',
      'format',
      'plural',
      'third'
    ])
    expect(contract?.declared?.names.has('resolveSymbol')).toBe(false)
  })

  it('without declarations: the `main` entry, and no declared names', async () => {
    const ts = await loadTypeScript()
    const contract = await packageContract(ts, join(FIXTURES, 'probe-js-entry-untyped'))
    expect(contract).toEqual({ entries: ['index.js'], declared: null })
  })

  it('a build the checkout does not hold is traced to the source folder entry', async () => {
    const ts = await loadTypeScript()
    expect(await packageContract(ts, unbuilt)).toEqual({ entries: ['src/mod.ts'], declared: null })
  })
})

describe('a Python module the package does not offer', () => {
  it('has an underscore-private part in its path; a package __init__ and public modules are offered', () => {
    expect(privatePythonModule('pkg/_impl.py')).toBe(true)
    expect(privatePythonModule('pkg/_vendor/six.py')).toBe(true)
    expect(privatePythonModule('pkg/__main__.py')).toBe(true)
    expect(privatePythonModule('pkg/__init__.py')).toBe(false)
    expect(privatePythonModule('src/pkg/base.py')).toBe(false)
  })
})

// The execute stage against real runners: specs written into a temporary copy of a fixture project
// and run by the project's own jest, vitest, mocha, node:test and pytest.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { executeSpecs, TYPE_CHECK_OFF, type SpecFile } from '../../src/execute/validate.js'
import { CI_PYTHON, fingerprint, fixtureWorkspace } from './workspace.js'

const SECRETS = {
  GITHUB_TOKEN: 'ghs_supersecretvalue1',
  'INPUT_GITHUB-TOKEN': 'ghs_supersecretvalue1',
  'INPUT_HF-TOKEN': 'hf_supersecretvalue2',
  HF_TOKEN: 'hf_supersecretvalue2',
  ACTIONS_RUNTIME_TOKEN: 'act_secret3',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x'
}
const parentEnv = { ...process.env, ...SECRETS }
const secrets = ['ghs_supersecretvalue1', 'hf_supersecretvalue2', 'act_secret3']
const base = { perFileMs: 60_000, totalMs: 600_000, parentEnv, secrets, runs: 3 }

/** A check every framework's spec makes: no token under any name reaches the child. */
const NO_TOKEN_JS = `Object.entries(process.env).filter(([k, v]) => /TOKEN|^ACTIONS_|^HF_|^INPUT_/.test(k) || /supersecret|act_secret/.test(v ?? ''))`

describe('jest (TypeScript through ts-jest with its type check on)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let before: Record<string, string>
  // A string where a number is declared, on purpose, and an import the file never uses.
  const wrongType = `import { expect, it } from '@jest/globals'\nimport { average, bulkDiscount } from '../src/pricing'\nit('a string is refused', () => { expect(() => bulkDiscount('99')).toThrow(TypeError) })\n`
  const files: SpecFile[] = [
    {
      id: 'typed',
      path: '__tests__/pricing.typed.test.ts',
      framework: 'jest',
      language: 'typescript',
      code: wrongType
    },
    {
      id: 'broken',
      path: '__tests__/pricing.broken.test.ts',
      framework: 'jest',
      language: 'typescript',
      code: `import { nothing } from '../src/missing'\nnothing()\n`
    }
  ]
  let result: Awaited<ReturnType<typeof executeSpecs>>

  beforeAll(async () => {
    ws = await fixtureWorkspace('jest-ts-typed', { git: true })
    before = await fingerprint(ws.dir)
    result = await executeSpecs(files, { ...base, workspace: ws.dir })
  }, 240_000)
  afterAll(() => ws.remove())

  it('a spec the compiler rejects is written so it compiles, runs 3 of 3, and is given back as it ran', () => {
    const typed = result.results.get('typed')!
    expect(typed).toMatchObject({ status: 'passed', runs: 3, message: null })
    expect(typed.code).toBe(`${TYPE_CHECK_OFF}\n${wrongType}`)
    expect(files[0].code).toBe(wrongType)
  })
  it('a spec that does not load for another reason (a missing module) stays an error', () => {
    expect(result.results.get('broken')).toMatchObject({ status: 'error', runs: 0 })
    expect(result.results.get('broken')?.code).toBeDefined()
  })
  it('the workspace is byte-identical afterwards', async () => {
    expect(await fingerprint(ws.dir)).toEqual(before)
  })
})

describe('jest (TypeScript, ESM through ts-jest)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let before: Record<string, string>
  const files: SpecFile[] = [
    {
      id: 'pass',
      path: '__tests__/pricing.bulk.test.ts',
      framework: 'jest',
      language: 'typescript',
      code: `import { expect, it } from '@jest/globals'\nimport { bulkDiscount } from '../src/pricing.js'\nit('99 gets 5%', () => { expect(bulkDiscount(99)).toBe(0.05) })\nit('no token', () => { expect(${NO_TOKEN_JS}).toEqual([]) })\n`
    },
    {
      id: 'defect',
      path: '__tests__/pricing.average.test.ts',
      framework: 'jest',
      language: 'typescript',
      code: `import { expect, it } from '@jest/globals'\nimport { average } from '../src/pricing.js'\nit('empty is 0', () => { expect(average([])).toBe(0) })\n`
    },
    {
      id: 'broken',
      path: '__tests__/pricing.broken.test.ts',
      framework: 'jest',
      language: 'typescript',
      code: `import { nothing } from '../src/missing.js'\nnothing()\n`
    },
    {
      id: 'todo',
      path: '__tests__/pricing.todo.test.ts',
      framework: 'jest',
      language: 'typescript',
      code: `import { it } from '@jest/globals'\nit.todo('later')\n`
    }
  ]
  let result: Awaited<ReturnType<typeof executeSpecs>>

  beforeAll(async () => {
    ws = await fixtureWorkspace('jest-ts', { git: true })
    before = await fingerprint(ws.dir)
    result = await executeSpecs(files, { ...base, workspace: ws.dir })
  }, 240_000)
  afterAll(() => ws.remove())

  it('a spec that holds passes all three runs, and no token reached the child', () => {
    expect(result.results.get('pass')).toMatchObject({ status: 'passed', runs: 3, message: null })
  })
  it('the planted defect fails, with the assertion message from the report', () => {
    const v = result.results.get('defect')!
    expect(v.status).toBe('failed')
    expect(v.message).toContain('empty is 0')
    expect(v.message).toContain('NaN')
  })
  it('a spec that does not load is an error, run once', () => {
    expect(result.results.get('broken')).toMatchObject({ status: 'error', runs: 0 })
  })
  it('a todo is skipped', () => {
    expect(result.results.get('todo')?.status).toBe('skipped')
  })
  it('the workspace is byte-identical afterwards', async () => {
    expect(await fingerprint(ws.dir)).toEqual(before)
  })
})

describe('vitest (TypeScript)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let result: Awaited<ReturnType<typeof executeSpecs>>
  beforeAll(async () => {
    ws = await fixtureWorkspace('vitest-ts')
    result = await executeSpecs(
      [
        {
          id: 'pass',
          path: '__tests__/pricing.test.ts',
          framework: 'vitest',
          language: 'typescript',
          code: `import { expect, it } from 'vitest'\nimport { bulkDiscount } from '../src/pricing.js'\nit('throws on text', () => { expect(() => bulkDiscount('x' as never)).toThrow(TypeError) })\nit('no token', () => { expect(${NO_TOKEN_JS}).toEqual([]) })\n`
        },
        {
          id: 'defect',
          path: '__tests__/average.test.ts',
          framework: 'vitest',
          language: 'typescript',
          code: `import { expect, it } from 'vitest'\nimport { average } from '../src/pricing.js'\nit('empty is 0', () => { expect(average([])).toBe(0) })\n`
        }
      ],
      { ...base, runs: 2, workspace: ws.dir }
    )
  }, 240_000)
  afterAll(() => ws.remove())

  it('passes and fails as the code says', () => {
    expect(result.results.get('pass')).toMatchObject({ status: 'passed', runs: 2 })
    expect(result.results.get('defect')?.status).toBe('failed')
    expect(result.results.get('defect')?.message).toContain('NaN')
  })
})

describe("an npm workspace package with its own runner configuration (remeda's layout)", () => {
  let ws: { dir: string; remove(): Promise<void> }
  let result: Awaited<ReturnType<typeof executeSpecs>>
  // Passes only under packages/calc/vitest.config.ts, whose set-up file sets calcSetUp: run from the
  // repository root, vitest finds no configuration and the spec fails.
  const code = `import { expect, it } from 'vitest'\nimport { sum } from '../src/sum.js'\nit('adds under its package set-up', () => { expect(sum(2, 3)).toBe(5); expect((globalThis as { calcSetUp?: string }).calcSetUp).toBe('calc') })\n`
  beforeAll(async () => {
    ws = await fixtureWorkspace('workspace-vitest')
    result = await executeSpecs(
      [
        {
          id: 'one',
          path: 'packages/calc/test/sum.more.test.ts',
          framework: 'vitest',
          language: 'typescript',
          code
        },
        {
          id: 'two',
          path: 'packages/calc/test/sum.again.test.ts',
          framework: 'vitest',
          language: 'typescript',
          code
        }
      ],
      { ...base, runs: 3, workspace: ws.dir }
    )
  }, 240_000)
  afterAll(() => ws.remove())

  it('a spec laid in the package runs from it, under its configuration, with the hoisted runner', () => {
    expect(result.results.get('one')).toMatchObject({ status: 'passed', runs: 3 })
    expect(result.results.get('two')).toMatchObject({ status: 'passed', runs: 3 })
  })
})

describe('mocha (JavaScript)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let result: Awaited<ReturnType<typeof executeSpecs>>
  beforeAll(async () => {
    ws = await fixtureWorkspace('mocha-js')
    result = await executeSpecs(
      [
        {
          id: 'pass',
          path: 'test/pricing.spec.js',
          framework: 'mocha',
          language: 'javascript',
          code: `import assert from 'node:assert/strict'\nimport { bulkDiscount } from '../src/pricing.js'\nit('100 gets 10%', () => { assert.equal(bulkDiscount(100), 0.1) })\nit('no token', () => { assert.deepEqual(${NO_TOKEN_JS}, []) })\n`
        },
        {
          id: 'defect',
          path: 'test/average.spec.js',
          framework: 'mocha',
          language: 'javascript',
          code: `import assert from 'node:assert/strict'\nimport { average } from '../src/pricing.js'\nit('empty is 0', () => { assert.equal(average([]), 0) })\n`
        },
        {
          id: 'exit',
          path: 'test/quit.spec.js',
          framework: 'mocha',
          language: 'javascript',
          code: `import { quit } from '../src/pricing.js'\nit('quits', () => { quit() })\n`
        }
      ],
      { ...base, runs: 1, workspace: ws.dir }
    )
  }, 240_000)
  afterAll(() => ws.remove())

  it('reads the JSON reporter', () => {
    expect(result.results.get('pass')?.status).toBe('passed')
    expect(result.results.get('defect')).toMatchObject({ status: 'failed' })
    expect(result.results.get('defect')?.message).toContain('empty is 0')
  })
  it('a process.exit in the target ends that spec as an error, not the run', () => {
    expect(result.results.get('exit')?.status).toBe('error')
  })
})

describe("mocha with the project's tdd interface", () => {
  let ws: { dir: string; remove(): Promise<void> }
  const spec: SpecFile = {
    id: 'tdd',
    path: 'test/pricing.tdd.spec.js',
    framework: 'mocha',
    language: 'javascript',
    code: `import assert from 'node:assert/strict'\nimport { bulkDiscount } from '../src/pricing.js'\nsuite('bulkDiscount', () => {\n  test('100 gets 10%', () => { assert.equal(bulkDiscount(100), 0.1) })\n})\n`
  }
  beforeAll(async () => {
    ws = await fixtureWorkspace('mocha-js')
  })
  afterAll(() => ws.remove())

  it('runs a suite/test spec with --ui tdd: it passes, where mocha without it cannot load it', async () => {
    const given = await executeSpecs([spec], {
      ...base,
      runs: 1,
      workspace: ws.dir,
      mochaUi: 'tdd'
    })
    expect(given.results.get('tdd')?.status).toBe('passed')
    const without = await executeSpecs([spec], { ...base, runs: 1, workspace: ws.dir })
    expect(without.results.get('tdd')?.status).toBe('error')
  }, 240_000)
})

describe('node:test (JavaScript)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let result: Awaited<ReturnType<typeof executeSpecs>>
  beforeAll(async () => {
    ws = await fixtureWorkspace('node-test-js')
    result = await executeSpecs(
      [
        {
          id: 'pass',
          path: 'test/pricing.test.js',
          framework: 'node:test',
          language: 'javascript',
          code: `import { it } from 'node:test'\nimport assert from 'node:assert/strict'\nimport { bulkDiscount } from '../src/pricing.js'\nit('51 gets 5%', () => { assert.equal(bulkDiscount(51), 0.05) })\nit('no token', () => { assert.deepEqual(${NO_TOKEN_JS}, []) })\n`
        },
        {
          id: 'defect',
          path: 'test/average.test.js',
          framework: 'node:test',
          language: 'javascript',
          code: `import { it } from 'node:test'\nimport assert from 'node:assert/strict'\nimport { average } from '../src/pricing.js'\nit('empty is 0', () => { assert.equal(average([]), 0) })\n`
        },
        {
          id: 'broken',
          path: 'test/broken.test.js',
          framework: 'node:test',
          language: 'javascript',
          code: `import { nothing } from '../src/missing.js'\n`
        },
        {
          id: 'hang',
          path: 'test/spin.test.js',
          framework: 'node:test',
          language: 'javascript',
          code: `import { it } from 'node:test'\nimport { spin } from '../src/pricing.js'\nit('spins', () => { spin() })\n`
        },
        {
          id: 'ts',
          path: 'test/typed.test.ts',
          framework: 'node:test',
          language: 'typescript',
          code: `import { it } from 'node:test'\nimport assert from 'node:assert/strict'\n\nit('typed', () => {\n  const n: number = 1\n  assert.equal(n, 1)\n})\n`
        }
      ],
      // A real, small per-file limit: the assertion is only that the hanging spec was killed.
      { ...base, runs: 1, perFileMs: 8_000, workspace: ws.dir }
    )
  }, 240_000)
  afterAll(() => ws.remove())

  it('reads the JUnit report', () => {
    expect(result.results.get('pass')?.status).toBe('passed')
    expect(result.results.get('defect')?.status).toBe('failed')
    expect(result.results.get('broken')?.status).toBe('error')
  })
  it('an infinite loop is killed at the per-file limit and the run goes on', () => {
    expect(result.results.get('hang')).toMatchObject({ status: 'error' })
    expect(result.results.get('hang')?.message).toContain('killed')
  })
  it("a TypeScript spec without tsx runs through the project's typescript (ts-loader.ts)", () => {
    expect(result.results.get('ts')).toMatchObject({ status: 'passed', runs: 1 })
  })
})

const describePython = CI_PYTHON ? describe : describe.skip
if (!CI_PYTHON)
  console.warn(
    'SKIPPED: pytest execution tests need TEST_PLANNING_PYTHON (the virtualenv .ci/run creates)'
  )

describePython('pytest', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let before: Record<string, string>
  let result: Awaited<ReturnType<typeof executeSpecs>>
  beforeAll(async () => {
    ws = await fixtureWorkspace('pytest', { git: true })
    before = await fingerprint(ws.dir)
    result = await executeSpecs(
      [
        {
          id: 'pass',
          path: 'tests/test_pricing.py',
          framework: 'pytest',
          language: 'python',
          code: `import os\nimport pytest\nfrom shop.pricing import bulk_discount\n\ndef test_99():\n    assert bulk_discount(99) == 0.05\n\ndef test_type():\n    with pytest.raises(TypeError, match='must be a number'):\n        bulk_discount('x')\n\ndef test_no_token():\n    assert [k for k, v in os.environ.items() if 'TOKEN' in k or k.startswith(('ACTIONS_', 'HF_', 'INPUT_')) or 'secret' in v] == []\n`
        },
        {
          id: 'defect',
          path: 'tests/test_average.py',
          framework: 'pytest',
          language: 'python',
          code: `from shop.pricing import average\n\ndef test_empty():\n    assert average([]) == 0\n`
        },
        {
          id: 'broken',
          path: 'tests/test_broken.py',
          framework: 'pytest',
          language: 'python',
          code: `def test_x(:\n    pass\n`
        },
        {
          id: 'exit',
          path: 'tests/test_quit.py',
          framework: 'pytest',
          language: 'python',
          code: `from shop.pricing import quit\n\ndef test_quit():\n    quit()\n`
        }
      ],
      { ...base, runs: 1, python: CI_PYTHON, workspace: ws.dir }
    )
  }, 240_000)
  afterAll(() => ws.remove())

  it('reads the JUnit XML', () => {
    expect(result.results.get('pass')?.status).toBe('passed')
    expect(result.results.get('defect')?.status).toBe('failed')
    expect(result.results.get('defect')?.message).toContain('ZeroDivisionError')
    expect(result.results.get('broken')?.status).toBe('error')
  })
  it('os._exit in the target ends that spec as an error, not the run', () => {
    expect(result.results.get('exit')?.status).toBe('error')
  })
  it('the workspace is byte-identical afterwards', async () => {
    expect(await fingerprint(ws.dir)).toEqual(before)
  })
})

describe('runs 2 and 3 of the passing files share one runner start (node:test)', () => {
  const passing = (n: number): SpecFile => ({
    id: `pass-${n}`,
    path: `test/pricing-${n}.test.js`,
    framework: 'node:test',
    language: 'javascript',
    code: `import assert from 'node:assert/strict'\nimport { test } from 'node:test'\nimport { bulkDiscount } from '../src/pricing.js'\ntest('${n}: 100 gets 10%', () => { assert.equal(bulkDiscount(100), 0.1) })\n`
  })
  // Passes the first time it runs, fails every time after (a counter in the run's temporary folder).
  const unstable: SpecFile = {
    id: 'unstable',
    path: 'test/unstable.test.js',
    framework: 'node:test',
    language: 'javascript',
    code: `import assert from 'node:assert/strict'\nimport { existsSync, writeFileSync } from 'node:fs'\nimport { join } from 'node:path'\nimport { test } from 'node:test'\ntest('only once', () => {\n  const mark = join(process.env.TMPDIR, 'unstable-ran')\n  const again = existsSync(mark)\n  writeFileSync(mark, 'x')\n  assert.equal(again, false)\n})\n`
  }

  it('three passing files: 3 runs each, the last two in two runner starts', async () => {
    const ws = await fixtureWorkspace('node-test-js')
    try {
      const result = await executeSpecs([1, 2, 3].map(passing), { ...base, workspace: ws.dir })
      for (const n of [1, 2, 3])
        expect(result.results.get(`pass-${n}`)).toMatchObject({ status: 'passed', runs: 3 })
      expect(result.notes).toContain(
        'Runs 2-3 of the 3 spec file(s) that passed their first run: 2 runner start(s).'
      )
    } finally {
      await ws.remove()
    }
  }, 240_000)

  it('a batch that does not pass as a whole runs file by file: the unstable file is flaky, the others pass', async () => {
    const ws = await fixtureWorkspace('node-test-js')
    try {
      const result = await executeSpecs([passing(1), passing(2), unstable], {
        ...base,
        workspace: ws.dir
      })
      expect(result.results.get('pass-1')).toMatchObject({ status: 'passed', runs: 3 })
      expect(result.results.get('pass-2')).toMatchObject({ status: 'passed', runs: 3 })
      expect(result.results.get('unstable')?.status).toBe('flaky')
      expect(result.results.get('unstable')?.message).toContain('only once')
      expect(result.notes.join('\n')).toContain('1 batch(es) did not pass as a whole')
    } finally {
      await ws.remove()
    }
  }, 240_000)
})

// Contract specs of backwards-compat that pin more than a function's arity. TypeScript: the compiler's
// view of the signature (`const contract: (text: string, limit?: number) => string = subject`), which a
// real type check accepts at HEAD and rejects once a parameter is made required or a return widened.
// JavaScript: rows the validation stage calls, whose observed values and error types become the
// assertions, run under the real node:test runner.
import { describe, expect, it } from '@jest/globals'
import * as ts from 'typescript'
import perspective from '../../perspectives/backwards-compat/index.js'
import { typePin } from '../../perspectives/backwards-compat/specs.js'
import type { ApiItem } from '../../perspectives/backwards-compat/api.js'
import { validateSpecs } from '../../src/execute/stage.js'
import type { RenderTarget } from '../../src/specs/types.js'
import { readFixture, runFixture } from './harness.js'
import { CI_PYTHON, fixtureWorkspace, validationOptions } from '../execute/workspace.js'

const HEAD = [
  'export function shorten(text: string, limit?: number): string {',
  '  return limit !== undefined && text.length > limit ? text.slice(0, limit) : text',
  '}',
  'export function pick<T>(items: T[]): T | undefined {',
  '  return items[0]',
  '}',
  ''
].join('\n')

const PACKAGE = JSON.stringify({ name: 'contract-ts', version: '1.0.0', type: 'module' })

/**
 * Type errors on the pin line of `spec` compiled with the real compiler and its standard library
 * against `module` as src/text.ts (the test framework's own imports are not resolved: not checked).
 */
function typeErrors(spec: string, module: string): string[] {
  const files: Record<string, string> = { '/src/text.ts': module, '/test/spec.ts': spec }
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    types: []
  }
  const host = ts.createCompilerHost(options)
  const libSource = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version) =>
    files[name] !== undefined
      ? ts.createSourceFile(name, files[name], version, true)
      : libSource(name, version)
  const libExists = host.fileExists.bind(host)
  host.fileExists = (name) => files[name] !== undefined || libExists(name)
  const libRead = host.readFile.bind(host)
  host.readFile = (name) => files[name] ?? libRead(name)
  host.directoryExists = (dir) => ['/src', '/test', '/'].includes(dir.replace(/(.)\/$/, '$1'))
  const program = ts.createProgram({
    rootNames: Object.keys(files),
    options,
    host
  })
  const sf = program.getSourceFile('/test/spec.ts') as ts.SourceFile
  return program
    .getSemanticDiagnostics(sf)
    .filter((d) => d.start !== undefined)
    .map((d) => {
      const line = sf.getLineAndCharacterOfPosition(d.start as number).line
      return `${sf.text.split('\n')[line].trim()} :: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
    })
    .filter((text) => text.startsWith('const contract'))
}

describe('TypeScript: the compiler pins the contract', () => {
  it('writes the signature as a type only when it names built-in types', () => {
    const item = (params: ApiItem['params'], returnType: string, name = 'f'): ApiItem =>
      ({
        key: `src/text.ts#${name}`,
        file: 'src/text.ts',
        name,
        kind: 'function',
        language: 'typescript',
        local: name,
        params,
        returnType,
        declaration: false,
        entry: true,
        loc: { startLine: 1, endLine: 1, startColumn: 0, endColumn: 0 }
      }) as ApiItem
    expect(
      typePin(
        item(
          [
            { name: 'text', type: 'string', optional: false, rest: false },
            { name: 'limit', type: 'number', defaultValue: '10', optional: true, rest: false }
          ],
          'string'
        )
      )
    ).toEqual({ params: 'text: string, limit?: number', returns: 'string' })
    expect(
      typePin(item([{ name: 'xs', type: 'string[]', optional: false, rest: true }], "'a' | 'b'"))
    ).toEqual({ params: '...xs: string[]', returns: "'a' | 'b'" })
    // The package's own types, a type parameter, a member: not written out.
    expect(
      typePin(item([{ name: 'o', type: 'Options', optional: false, rest: false }], 'void'))
    ).toBeNull()
    expect(typePin(item([{ name: 'x', type: 'T', optional: false, rest: false }], 'T'))).toBeNull()
    expect(typePin(item([], 'void', 'Client.close'))).toBeNull()
  })

  it('the generated spec type-checks at HEAD and stops compiling when the contract breaks', async () => {
    const target: RenderTarget = { framework: 'node:test', language: 'typescript' }
    const { run } = await runFixture(
      perspective,
      { 'package.json': PACKAGE, 'src/text.ts': HEAD },
      { target }
    )
    const spec = run.specs.find((s) => s.title === 'shorten keeps its public signature')
    const pin =
      'const contract: [[text: string, limit?: number]] extends [Parameters<typeof subject>] ? [ReturnType<typeof subject>] extends [string] ? true : false : false = true'
    expect(spec?.code).toContain(pin)
    // The generic `pick` keeps the runtime checks only.
    const pick = run.specs.find((s) => s.title === 'pick keeps its public signature')
    expect(pick?.code).not.toContain('const contract')
    const code = (spec?.code ?? '').replace(/from '[^']*text(\.js)?'/, "from '../src/text.ts'")
    expect(typeErrors(code, HEAD)).toEqual([])
    // `limit` made required: a call written for the old signature no longer type-checks.
    expect(
      typeErrors(code, HEAD.replace('limit?: number', 'limit: number')).map(
        (e) => e.split(' :: ')[0]
      )
    ).toEqual([pin])
    // The return type widened to `string | undefined`: code using the result breaks.
    expect(typeErrors(code, HEAD.replace('): string {', '): string | undefined {'))).toHaveLength(1)
    // A parameter narrowed from string to a literal: fails; a new optional parameter is compatible.
    expect(typeErrors(code, HEAD.replace('text: string,', "text: 'a',"))).toHaveLength(1)
    expect(
      typeErrors(code, HEAD.replace('limit?: number)', 'limit?: number, tail?: string)'))
    ).toEqual([])
  })
})

describe('a signature written over several lines', () => {
  it('stays on one comment line, so the spec still parses (superstruct: "Unexpected \':\'")', async () => {
    const module = [
      'export function configure(options: {',
      '  retries: number',
      '  delay: number',
      '}): void {',
      '  void options',
      '}',
      ''
    ].join('\n')
    const { run } = await runFixture(
      perspective,
      { 'package.json': PACKAGE, 'src/config.ts': module },
      { target: { framework: 'node:test', language: 'typescript' } }
    )
    const spec = run.specs.find((s) => s.title === 'configure keeps its public signature')
    expect(spec?.code).toContain('// configure(options: { retries: number delay: number }): void')
    const parsed = ts.transpileModule(spec?.code ?? '', {
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    expect(
      parsed.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
    ).toEqual([])
  })
})

describe('JavaScript: observed values and error types pin the contract (node:test)', () => {
  it('calls the rows under the real runner and keeps what was observed, passing 3 of 3', async () => {
    const target: RenderTarget = { framework: 'node:test', language: 'javascript' }
    const { run } = await runFixture(perspective, readFixture('execute/contract-js'), { target })
    const ws = await fixtureWorkspace('contract-js')
    try {
      const items = run.specs.map((spec) => ({
        spec,
        draft: run.drafts?.get(spec.id),
        perspectiveId: 'backwards-compat'
      }))
      expect(items.filter((i) => i.draft?.explore).length).toBe(2)
      const result = await validateSpecs(items, validationOptions(ws.dir, target))
      const outcome = (symbol: string) =>
        [...result.outcomes.values()].find((o) => o.spec.target.symbol === symbol)
      const initials = outcome('initials')
      expect(initials?.validation).toMatchObject({ status: 'passed', runs: 3 })
      expect(initials?.spec.title).toBe('initials keeps its observed contract')
      // 'example' -> 'e'; without its argument the call fails with a TypeError: both pinned.
      expect(initials?.spec.code).toMatch(/'example'[^\n]*'e'/)
      expect(initials?.spec.code).toContain("name: 'TypeError'")
      const shorten = outcome('shorten')
      expect(shorten?.validation).toMatchObject({ status: 'passed', runs: 3 })
      expect(shorten?.spec.code).toMatch(/'example'[^\n]*'example'/)
    } finally {
      await ws.remove()
    }
  }, 300_000)
})

const describePython = CI_PYTHON ? describe : describe.skip

describePython(
  'Python: observed values replace the signature snapshot where a row can be called (pytest)',
  () => {
    it("pins the tests' literal call and plain values; what adds no coverage and confirms no finding stays in the plan", async () => {
      const target: RenderTarget = { framework: 'pytest', language: 'python' }
      const { run } = await runFixture(perspective, readFixture('execute/contract-py'), { target })
      const ws = await fixtureWorkspace('contract-py', { git: true })
      try {
        const items = run.specs.map((spec) => ({
          spec,
          draft: run.drafts?.get(spec.id),
          perspectiveId: 'backwards-compat'
        }))
        const result = await validateSpecs(
          items,
          validationOptions(ws.dir, target, { python: CI_PYTHON, coverage: 120_000 })
        )
        const outcome = (symbol: string) => {
          const found = [...result.outcomes.values()].find((o) => o.spec.target.symbol === symbol)
          if (!found) throw new Error(`no spec for ${symbol}`)
          return found
        }
        // The suite's own call shorten('hello', 10) is a row, with the value the code returns.
        const shorten = outcome('shorten')
        expect(shorten.spec.title).toBe('shorten keeps its observed contract')
        expect(shorten.spec.code).toContain("'hello', 10")
        expect(shorten.spec.code).not.toContain('inspect.signature')
        expect(shorten.validation).toMatchObject({ status: 'passed', runs: 3, coverage_gain: 0 })
        // The suite already runs every line of shorten; the spec pins a value at an input the suite
        // never passes (the plain-values row) but confirms no finding and adds no coverage: validated,
        // its code kept, not delivered.
        expect(shorten.spec.code).toContain("'example'")
        expect(shorten.deliver).toBe(false)
        expect(shorten.planItem).toBe('behaviour spec redundant with the suite')
        expect(shorten.validation.message).toMatch(
          /^plan item: validated, not delivered: redundant/
        )
        // total's only row is the suite's own call total([1, 2]): it repeats the suite, a plan item.
        const total = outcome('total')
        expect(total.spec.code).toContain('[1, 2]')
        expect(total.spec.code).not.toContain("'example'")
        expect(total.validation).toMatchObject({ status: 'passed', runs: 3, coverage_gain: 0 })
        expect(total.deliver).toBe(false)
        expect(total.planItem).toBe('behaviour spec redundant with the suite')
        expect(total.validation.message).toMatch(
          /^plan item: validated, not delivered: redundant with the project's suite .*every row is a call the suite's tests already make/
        )
        // Never run by the suite: its observed call adds coverage.
        const initials = outcome('initials')
        expect(initials.spec.code).toContain("assert initials('example') == 'E'")
        expect(initials.validation.coverage_gain).toBeGreaterThan(0)
        expect(initials.deliver).toBe(true)
        // The clock makes stamp unobservable: a signature snapshot that passes, kept as a plan item.
        const stamp = outcome('stamp')
        expect(stamp.spec.code).toContain('inspect.signature(stamp)')
        expect(stamp.validation.status).toBe('passed')
        expect(stamp.validation.coverage_gain).toBe(0)
        expect(stamp.deliver).toBe(false)
        expect(stamp.planItem).toBe('signature snapshot')
        expect(stamp.validation.message).toMatch(/^plan item: a signature snapshot/)
        // A snapshot of a module the suite never imports runs new lines: delivered for its coverage.
        const configure = outcome('configure')
        expect(configure.spec.code).toContain('inspect.signature(configure)')
        expect(configure.validation.coverage_gain).toBeGreaterThan(0)
        expect(configure.deliver).toBe(true)
        expect(configure.planItem).toBeUndefined()
      } finally {
        await ws.remove()
      }
    }, 300_000)
  }
)

describe('contract specs pin what the package ships', () => {
  // wtforms: a spec importing the build hook hatch_build.py (tooling; hatchling not installed where the
  // tests run) stopped pytest's whole collection.
  it('writes no spec for a build hook beside the package, and one for the shipped function', async () => {
    const { run } = await runFixture(
      perspective,
      {
        'pyproject.toml':
          '[project]\nname = "greeter"\nversion = "1.0.0"\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n[tool.hatch.build.targets.wheel]\npackages = ["src/greeter"]\n',
        'hatch_build.py':
          'from hatchling.builders.hooks.plugin.interface import BuildHookInterface\n\n\nclass CustomBuildHook(BuildHookInterface):\n    def initialize(self, version, build_data):\n        build_data["x"] = version\n\n\ndef compile_catalogs(root):\n    return root\n',
        'src/greeter/__init__.py': 'def greet(name):\n    return "hello " + name\n'
      },
      { target: { framework: 'pytest', language: 'python' } }
    )
    const files = run.specs.map((s) => s.target?.file)
    expect(files).toContain('src/greeter/__init__.py')
    expect(files).not.toContain('hatch_build.py')
  })
})

describe('a contract spec imports a name from the module that offers it', () => {
  // pyee: TrioEventEmitter.on is inherited from base.py's EventEmitter; `from pyee.base import
  // TrioEventEmitter` failed to import and stopped the collection.
  it('imports a subclass from its own module when pinning a member it inherits', async () => {
    const { run } = await runFixture(
      perspective,
      {
        'pyproject.toml': '[project]\nname = "emitters"\nversion = "1.0.0"\n',
        'emitters/__init__.py': '',
        'emitters/base.py':
          'class Emitter:\n    def on(self, event, handler=None):\n        return handler\n',
        'emitters/trio.py':
          'from emitters.base import Emitter\n\n__all__ = ["TrioEmitter"]\n\n\nclass TrioEmitter(Emitter):\n    pass\n'
      },
      { target: { framework: 'pytest', language: 'python' } }
    )
    const spec = run.specs.find((s) => s.title === 'TrioEmitter.on keeps its public signature')
    expect(spec?.code).toContain('from emitters.trio import TrioEmitter')
    expect(spec?.code).not.toContain('from emitters.base import TrioEmitter')
  })
})

// Isolation specs: for a unit with a hard-wired seam, the set-up that fakes it in the target's framework
// (fake timers, a stubbed Math.random, an msw/responses/respx interceptor, a set-and-restored
// environment variable), then the call and an assertion that holds whatever the unit computes: under
// the fake, two calls agree (clock, randomness, environment) or the request was intercepted (network).
// A unit a test cannot call, arguments whose types give no value, or a seam without a safe generic fake
// (disk, database, child process, SDK) gives a todo that names the tool to use.
import type { RenderTarget, SpecDraft, SpecValue, TestFramework } from '../../src/specs/types.js'
import { jsString, pyString, renderJsValue, renderPyValue } from '../../src/specs/values.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import { planArguments } from '../shared/values.js'
import type { ModuleModel } from '../../src/model/types.js'
import { SEAM_LABEL, type SeamKind } from './catalogue.js'
import type { SeamUse } from './seams.js'
import { toolFor } from './tools.js'

const FROZEN = '2026-01-01T00:00:00.000Z'
const FROZEN_EPOCH = 1767225600

type Steps = { setup?: string; steps: string; imports: { from: string; names: string[] }[] }

export interface SpecInput {
  use: SeamUse
  module: ModuleModel
  /** The finding the spec answers; empty for a seam that is not reported (Python: every attribute is patchable). */
  findingKey: string
  /** The unit's other hard-wired seams: a spec that fakes only one of them would still reach the rest. */
  others: SeamKind[]
}

export function buildSpecs(inputs: SpecInput[], target: RenderTarget, max: number): SpecDraft[] {
  const runnable: SpecDraft[] = []
  const todos: SpecDraft[] = []
  const seen = new Set<string>()
  for (const input of inputs) {
    const spec = specFor(input, target)
    if (seen.has(spec.key)) continue
    seen.add(spec.key)
    const body = spec.body
    if (body.kind === 'steps' && (body.steps.javascript ?? body.steps.python)) runnable.push(spec)
    else todos.push(spec)
  }
  return [...runnable, ...todos].slice(0, max)
}

function specFor({ use, module, findingKey, others }: SpecInput, target: RenderTarget): SpecDraft {
  const python = use.language === 'python'
  const jsFramework: Exclude<TestFramework, 'pytest'> =
    target.framework === 'pytest' ? 'node:test' : target.framework
  const framework: TestFramework = python ? 'pytest' : jsFramework
  const tool = toolFor(use.kind, framework, python, use.source)
  const topLevel = !use.className
  const names = topLevel ? (python ? [use.fn.name] : exportNamesOf(module, use.fn.name)) : []
  const name = names.includes(use.fn.name) ? use.fn.name : names.find((n) => n !== 'default')
  const plan = planArguments(use.fn.params, module.language)
  const base = {
    key: `isolate:${use.module}#${use.unit}:${use.kind}`,
    level: 'unit' as const,
    target: { file: use.module, symbol: name ?? use.unit, line: use.loc.startLine },
    rationale: `${use.unit}() reaches the ${SEAM_LABEL[use.kind]} through ${use.via}; the test fakes it with ${tool}.`,
    covers: findingKey
      ? [findingId('mocking-strategy', 'hardWiredSeam', use.module, findingKey)]
      : [],
    priority:
      use.kind === 'network' || use.kind === 'database' || use.kind === 'sdk'
        ? ('P1' as const)
        : ('P2' as const)
  }
  const todo = (why: string): SpecDraft => ({
    ...base,
    title: `${use.unit}() with its ${SEAM_LABEL[use.kind]} faked by ${tool} (TODO: ${why})`,
    expected: `${use.unit}() runs against ${tool} instead of the real ${SEAM_LABEL[use.kind]}`,
    body: { kind: 'steps', module: use.module, steps: {}, async: use.fn.async }
  })
  if (!name)
    return todo(
      `reach ${use.unit} from a test (it is a method or not exported by name); construct it with the fake passed in`
    )
  if (others.length > 0)
    return todo(
      `also fake its ${others.map((k) => SEAM_LABEL[k]).join(', ')} (${others.map((k) => toolFor(k, framework, python)).join('; ')}), then assert the result`
    )
  if (!plan.ok)
    return todo(
      `choose values for ${plan.unknown.map((p) => p.name).join(', ')} (their types give none)`
    )
  const code = python
    ? pythonSteps(use, name, plan.args)
    : jsSteps(use, name, plan.args, jsFramework)
  if (!code) return todo(`arrange ${tool} for ${use.via} and assert the result`)
  const expected =
    use.kind === 'network'
      ? `${name}() sends its request to the interceptor, never to the real network`
      : `with the ${SEAM_LABEL[use.kind]} fixed, two calls of ${name}() give the same result`
  return {
    ...base,
    title: `${name}() is isolated from the ${SEAM_LABEL[use.kind]} with ${tool}`,
    expected,
    body: {
      kind: 'steps',
      module: use.module,
      imports: [{ from: use.module, names: [name] }, ...code.imports],
      ...(code.setup
        ? { setup: python ? { python: code.setup } : { javascript: code.setup } }
        : {}),
      steps: python ? { python: code.steps } : { javascript: code.steps },
      async: use.fn.async || (!python && use.kind === 'network')
    }
  }
}

// ---- JavaScript / TypeScript ----

function jsSteps(
  use: SeamUse,
  name: string,
  args: SpecValue[],
  fw: Exclude<TestFramework, 'pytest'>
): Steps | undefined {
  const call = `${use.fn.async ? 'await ' : ''}${name}(${args.map((a) => renderJsValue(a)).join(', ')})`
  const equal =
    fw === 'jest' || fw === 'vitest'
      ? 'expect(second).toEqual(first)'
      : 'assert.deepStrictEqual(second, first)'
  const twice = `const first = ${call}\nconst second = ${call}\n${equal}`
  const imports: Steps['imports'] = []
  const lib =
    fw === 'jest' ? 'jest' : fw === 'vitest' ? 'vi' : fw === 'node:test' ? 'mock' : 'sinon'
  if (fw === 'jest') imports.push({ from: '@jest/globals', names: ['jest'] })
  if (fw === 'vitest') imports.push({ from: 'vitest', names: ['vi'] })
  if (fw === 'node:test') imports.push({ from: 'node:test', names: ['mock'] })
  if (fw === 'mocha') imports.push({ from: 'sinon', names: ['default as sinon'] })
  switch (use.kind) {
    case 'clock': {
      const pendingTwice = use.fn.async
        ? `const firstPending = ${name}(${args.map((a) => renderJsValue(a)).join(', ')})\n${advance(fw)}\nconst first = await firstPending\nconst secondPending = ${name}(${args.map((a) => renderJsValue(a)).join(', ')})\n${advance(fw)}\nconst second = await secondPending\n${equal}`
        : twice
      const setup =
        fw === 'node:test'
          ? `mock.timers.enable({ apis: ['Date', 'setTimeout', 'setInterval'], now: Date.parse(${jsString(FROZEN)}) })`
          : fw === 'mocha'
            ? `const clock = sinon.useFakeTimers({ now: Date.parse(${jsString(FROZEN)}) })`
            : `${lib}.useFakeTimers()\n${lib}.setSystemTime(new Date(${jsString(FROZEN)}))`
      const restore =
        fw === 'node:test'
          ? 'mock.timers.reset()'
          : fw === 'mocha'
            ? 'clock.restore()'
            : `${lib}.useRealTimers()`
      return {
        setup,
        steps: `try {\n${indent(pendingTwice)}\n} finally {\n  ${restore}\n}`,
        imports
      }
    }
    case 'randomness': {
      if (use.via !== 'Math.random' && use.via !== 'crypto.randomUUID') return undefined
      const [object, method] = use.via.split('.')
      const value = method === 'random' ? '0.5' : jsString('00000000-0000-4000-8000-000000000000')
      const stub =
        fw === 'node:test'
          ? `const fixed = mock.method(${object}, '${method}', () => ${value})`
          : fw === 'mocha'
            ? `const fixed = sinon.stub(${object}, '${method}').returns(${value})`
            : `const fixed = ${lib}.spyOn(${object}, '${method}').mockReturnValue(${value})`
      const restoreCode =
        fw === 'mocha'
          ? 'fixed.restore()'
          : fw === 'node:test'
            ? 'fixed.mock.restore()'
            : 'fixed.mockRestore()'
      return {
        setup: stub,
        steps: `try {\n${indent(twice)}\n} finally {\n  ${restoreCode}\n}`,
        imports
      }
    }
    case 'network': {
      const assertion =
        fw === 'jest' || fw === 'vitest'
          ? 'expect(seen.length).toBeGreaterThan(0)'
          : 'assert.ok(seen.length > 0)'
      const setup = [
        'const seen: string[] = []',
        'const server = setupServer(',
        "  http.all('*', ({ request }) => {",
        '    seen.push(request.url)',
        '    // TODO: answer with the status and body the real service sends',
        '    return HttpResponse.json({})',
        '  })',
        ')',
        "server.listen({ onUnhandledRequest: 'error' })"
      ].join('\n')
      const runCall = `${use.fn.async ? 'await ' : ''}${name}(${args.map((a) => renderJsValue(a)).join(', ')})`
      return {
        setup,
        steps: `try {\n  ${runCall}\n} finally {\n  server.close()\n}\n${assertion}`,
        imports: [
          { from: 'msw/node', names: ['setupServer'] },
          { from: 'msw', names: ['http', 'HttpResponse'] }
        ]
      }
    }
    case 'environment': {
      const variable = use.envName ?? envName(use)
      if (!variable || variable === '*') return undefined
      const key = jsString(variable)
      return {
        setup: `const saved = process.env[${key}]\nprocess.env[${key}] = 'example'`,
        steps: `try {\n${indent(twice)}\n} finally {\n  if (saved === undefined) delete process.env[${key}]\n  else process.env[${key}] = saved\n}`,
        imports: []
      }
    }
    default:
      return undefined
  }
}

function advance(fw: Exclude<TestFramework, 'pytest'>): string {
  if (fw === 'node:test') return 'mock.timers.runAll()'
  if (fw === 'mocha') return 'await clock.runAllAsync()'
  return `await ${fw === 'jest' ? 'jest' : 'vi'}.runAllTimersAsync()`
}

function envName(use: SeamUse): string | undefined {
  const first = use.call?.args[0]?.trim()
  const m = first ? /^(['"])([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(first) : null
  return m ? m[2] : undefined
}

const indent = (code: string): string =>
  code
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n')
const pyIndent = (code: string): string =>
  code
    .split('\n')
    .map((l) => (l === '' ? l : `    ${l}`))
    .join('\n')

// ---- Python ----

function pythonSteps(use: SeamUse, name: string, args: SpecValue[]): Steps | undefined {
  const imports = new Set<string>()
  const call = `${use.fn.async ? 'await ' : ''}${name}(${args.map((a) => renderPyValue(a, imports)).join(', ')})`
  const twice = `first = ${call}\nsecond = ${call}\nassert second == first`
  // Values needing an import (datetime...) are left to a todo: steps carry no import lines of their own.
  if (imports.size > 0) return undefined
  const importsList: Steps['imports'] = []
  switch (use.kind) {
    case 'clock': {
      if (use.source === 'time') {
        const fn = use.via.split('.').pop() ?? 'time'
        if (!['time', 'monotonic', 'perf_counter', 'time_ns'].includes(fn)) return undefined
        importsList.push({ from: 'time', names: [] })
        const value = fn === 'time_ns' ? `${FROZEN_EPOCH}000000000` : `${FROZEN_EPOCH}.0`
        return {
          steps: `with pytest.MonkeyPatch.context() as mp:\n    mp.setattr(time, ${pyString(fn)}, lambda: ${value})\n${pyIndent(twice)}`,
          imports: importsList
        }
      }
      importsList.push({ from: 'freezegun', names: ['freeze_time'] })
      return {
        steps: `with freeze_time(${pyString(FROZEN)}):\n${pyIndent(twice)}`,
        imports: importsList
      }
    }
    case 'randomness': {
      if (use.source !== 'random') return undefined
      importsList.push({ from: 'random', names: [] })
      return {
        steps: `random.seed(1234)\nfirst = ${call}\nrandom.seed(1234)\nsecond = ${call}\nassert second == first`,
        imports: importsList
      }
    }
    case 'network': {
      if (use.source === 'requests') {
        importsList.push({ from: 're', names: [] }, { from: 'responses', names: [] })
        const method = (use.call?.name ?? 'get').toUpperCase()
        const verb = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].includes(method)
          ? method
          : 'GET'
        return {
          steps: `with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:\n    # TODO: answer with the status and body the real service sends\n    mocked.add(responses.${verb}, re.compile(r'.*'), json={})\n    ${call}\n    assert len(mocked.calls) > 0`,
          imports: importsList
        }
      }
      if (use.source === 'httpx') {
        importsList.push({ from: 'respx', names: [] })
        return {
          steps: `with respx.mock(assert_all_called=False) as router:\n    # TODO: answer with the status and body the real service sends\n    route = router.route().respond(json={})\n    ${call}\n    assert route.called`,
          imports: importsList
        }
      }
      return undefined
    }
    case 'environment': {
      const variable = use.envName ?? envName(use)
      if (!variable || variable === '*') return undefined
      return {
        steps: `with pytest.MonkeyPatch.context() as mp:\n    mp.setenv(${pyString(variable)}, 'example')\n${pyIndent(twice)}`,
        imports: importsList
      }
    }
    default:
      return undefined
  }
}

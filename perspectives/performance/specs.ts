// Scaling specs: time the public function at input size n and 10n (after a warm-up, the median of
// several runs) and assert that the ratio stays under what one degree better than the complexity
// found allows: a function found O(n²) must take under 30x the time for 10x the input, i.e. behave
// about linearly. Inputs come from the declared parameter types (arrays, strings, counts) or, for a
// regex, from recheck's attack string; when a parameter's type gives nothing to build, the spec is a
// todo naming what to build.
import type { FunctionDecl, Parameter } from '../../src/model/types.js'
import { pythonModuleName } from '../../src/specs/paths.js'
import type { SpecDraft } from '../../src/specs/types.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import type { Found, ScalingHint } from './context.js'
import { CODE_LANGUAGES, SEVERITY_ORDER, SPEC_PRIORITY } from '../kit/index.js'

interface Builder {
  javascript?: string
  python?: string
}

/** Code that builds one argument of size n, per language; undefined when the type gives nothing. */
function argumentBuilder(
  p: Parameter,
  python: boolean,
  hint: ScalingHint,
  single: boolean
): Builder | undefined {
  const t = (p.type ?? '').replace(/\s+/g, '')
  if (hint.attack && (single || /^(string|str)$/.test(t))) {
    const js = hint.attack.pumps.map(
      (x) => `${JSON.stringify(x.prefix)} + ${JSON.stringify(x.pump)}.repeat(n)`
    )
    const py = hint.attack.pumps.map(
      (x) => `${JSON.stringify(x.prefix)} + ${JSON.stringify(x.pump)} * n`
    )
    return {
      javascript: [...js, JSON.stringify(hint.attack.suffix)].join(' + '),
      python: [...py, JSON.stringify(hint.attack.suffix)].join(' + ')
    }
  }
  if (python) {
    if (/^(list|List|Sequence|Iterable)\[(int|float)\]$/.test(t) || t === 'list' || t === 'List')
      return { python: 'list(range(n))' }
    if (/^(list|List|Sequence|Iterable)\[str\]$/.test(t))
      return { python: '[f"item{i}" for i in range(n)]' }
    if (t === 'str') return { python: '"x" * n' }
    if (t === 'int') return { python: 'n' }
    return undefined
  }
  if (/^(number\[\]|Array<number>|readonlynumber\[\]|ReadonlyArray<number>)$/.test(t))
    return { javascript: 'Array.from({ length: n }, (_, i) => i)' }
  if (/^(string\[\]|Array<string>|readonlystring\[\]|ReadonlyArray<string>)$/.test(t))
    return { javascript: 'Array.from({ length: n }, (_, i) => `item${i}`)' }
  if (t === 'string') return { javascript: "'x'.repeat(n)" }
  if (t === 'number') return { javascript: 'n' }
  return undefined
}

/** Sizes: n so that 10n stays within ~10⁷ steps at the complexity found; the ratio bound one degree better. */
function sizes(degree: ScalingHint['degree']): {
  n: number
  bound: number
  found: string
  allowed: string
} {
  if (degree === 'exponential') return { n: 2, bound: 30, found: 'exponential', allowed: 'O(n)' }
  const d = Math.max(2, degree)
  return {
    n: Math.max(5, Math.round(10 ** (7 / d) / 10)),
    bound: 3 * 10 ** (d - 1),
    found: `O(n^${d})`,
    allowed: d - 1 === 1 ? 'O(n)' : `O(n^${d - 1})`
  }
}

// Inputs are built before the clock starts; defaults (`n = 0`) let TypeScript infer the types without annotations,
// so the same code is valid JavaScript and strict TypeScript.
function jsSteps(
  local: string,
  builders: string[],
  n: number,
  bound: number,
  async: boolean
): string {
  const names = builders.map((_, i) => `arg${i}`)
  const call = `${async ? 'await ' : ''}${local}(${names.join(', ')})`
  return [
    `const N = ${n}`,
    ...builders.map((b, i) => `const build${i} = (n = 0) => ${b}`),
    'const median = (values = [0]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]',
    'async function timeAt(n = 0) {',
    ...names.map((name, i) => `  const ${name} = build${i}(n)`),
    `  for (let i = 0; i < 3; i++) ${call} // warm-up: let the JIT compile it first`,
    '  const samples = []',
    '  for (let i = 0; i < 7; i++) {',
    '    const start = performance.now()',
    `    ${call}`,
    '    samples.push(performance.now() - start)',
    '  }',
    '  return median(samples)',
    '}',
    'const ratio = (await timeAt(10 * N)) / Math.max(await timeAt(N), 0.05)',
    `if (!(ratio < ${bound})) throw new Error(\`${local} took \${ratio.toFixed(1)}x as long for 10x the input (expected under ${bound}x)\`)`
  ].join('\n')
}

function pySteps(
  local: string,
  builders: string[],
  n: number,
  bound: number,
  async: boolean
): string {
  const names = builders.map((_, i) => `arg${i}`)
  const call = `${async ? 'await ' : ''}${local}(${names.join(', ')})`
  const def = async ? 'async def' : 'def'
  return [
    `N = ${n}`,
    '',
    `${def} time_at(n):`,
    ...names.map((name, i) => `    ${name} = ${builders[i]}`),
    '    for _ in range(3):  # warm-up',
    `        ${call}`,
    '    samples = []',
    '    for _ in range(7):',
    '        start = time.perf_counter()',
    `        ${call}`,
    '        samples.append(time.perf_counter() - start)',
    '    return statistics.median(samples)',
    '',
    `ratio = ${async ? 'await ' : ''}time_at(10 * N) / max(${async ? 'await ' : ''}time_at(N), 5e-5)`,
    `assert ratio < ${bound}, f"${local} took {ratio:.1f}x as long for 10x the input (expected under ${bound}x)"`
  ].join('\n')
}

/** Exported top-level functions only: what a test can import and call. */
function callable(fn: FunctionDecl | undefined): fn is FunctionDecl {
  return (
    fn !== undefined &&
    fn.exported &&
    fn.qualifiedName === fn.name &&
    (fn.kind === 'function' || fn.kind === 'arrow')
  )
}

export function buildSpecs(found: Found[], maxSpecs: number): SpecDraft[] {
  const byFunction = new Map<string, Found[]>()
  for (const f of found) {
    const hint = f.hint
    if (
      !hint ||
      !callable(hint.fn) ||
      !CODE_LANGUAGES.has(hint.module.language) ||
      !('file' in f.draft.evidence)
    )
      continue
    // A Python file outside an importable package path (`dist-packages`, `my-scripts/`) cannot be imported by a test.
    if (hint.module.language === 'python' && pythonModuleName(hint.module.path) === null) continue
    const key = `${hint.module.path}#${hint.fn.qualifiedName}`
    const list = byFunction.get(key) ?? []
    list.push(f)
    byFunction.set(key, list)
  }
  const groups = [...byFunction.entries()].sort(
    ([ka, a], [kb, b]) => worst(a) - worst(b) || ka.localeCompare(kb)
  )
  return groups.slice(0, maxSpecs).map(([key, list]) => scalingSpec(key, list))
}

function worst(list: Found[]): number {
  return Math.min(...list.map((f) => SEVERITY_ORDER[f.draft.severity]))
}

function scalingSpec(key: string, list: Found[]): SpecDraft {
  const first = list.sort(
    (a, b) => SEVERITY_ORDER[a.draft.severity] - SEVERITY_ORDER[b.draft.severity]
  )[0]
  const hint = first.hint as ScalingHint
  const fn = hint.fn as FunctionDecl
  const module = hint.module
  const python = module.language === 'python'
  const names = exportNamesOf(module, fn.name)
  const local = names.includes(fn.name) ? fn.name : (names.find((n) => n !== 'default') ?? fn.name)
  const degree = list.some((f) => f.hint?.degree === 'exponential')
    ? 'exponential'
    : Math.max(...list.map((f) => (typeof f.hint?.degree === 'number' ? f.hint.degree : 2)))
  const { n, bound, found, allowed } = sizes(degree)
  const covers = list.map((f) =>
    findingId('performance', f.draft.messageId, module.path, f.draft.key)
  )
  const required = fn.params.filter(
    (p) =>
      !p.rest &&
      !p.optional &&
      p.defaultValue === undefined &&
      !(python && (p.name === 'self' || p.name === 'cls'))
  )
  const builders = required.map((p) => ({
    p,
    b: argumentBuilder(p, python, { ...hint, degree }, required.length === 1)
  }))
  const unknown = builders.filter(
    (x) => x.b === undefined || (python ? x.b.python : x.b.javascript) === undefined
  )
  const base = {
    key: `scaling:${key}`,
    level: 'unit' as const,
    target: { file: module.path, symbol: local, line: fn.loc.startLine },
    rationale:
      `${list.map((f) => f.draft.messageId).join(', ')} in ${fn.qualifiedName}: the work found grows as ${found}. ` +
      `The spec times it at n and 10n (3 warm-up runs, median of 7) and allows ${bound}x, which ${allowed} stays under with room for timer noise.`,
    covers,
    priority: SPEC_PRIORITY[first.draft.severity],
    expected: `${local} takes less than ${bound}x as long for 10x the input (${allowed}, not ${found})`
  }
  const imports = [{ from: module.path, names: [local] }]
  if (unknown.length > 0 || required.length === 0) {
    const what =
      required.length === 0
        ? 'the input whose size drives the work (the function takes no required parameter)'
        : unknown
            .map((x) => (x.p.type ? `${x.p.name}: ${x.p.type}` : `${x.p.name} (untyped)`))
            .join(', ')
    return {
      ...base,
      title: `${local} scaling at n vs 10n: TODO build inputs of size n for ${what}`,
      body: { kind: 'steps', module: module.path, imports, steps: {}, async: fn.async }
    }
  }
  const code = builders.map((x) => (python ? x.b?.python : x.b?.javascript) as string)
  return {
    ...base,
    title: `${local} scales ${allowed === 'O(n)' ? 'linearly' : `as ${allowed}`} from n = ${n} to ${10 * n}`,
    body: python
      ? {
          kind: 'steps',
          module: module.path,
          imports: [...imports, { from: 'statistics', names: [] }, { from: 'time', names: [] }],
          steps: { python: pySteps(local, code, n, bound, fn.async) },
          async: fn.async
        }
      : {
          kind: 'steps',
          module: module.path,
          imports,
          steps: { javascript: jsSteps(local, code, n, bound, fn.async) },
          async: true
        }
  }
}

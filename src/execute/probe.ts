// Defects an oracle makes certain, found by calling the code (probe-scripts.ts runs in the child):
// a crash on input valid by the declared types, a docstring example that does not hold, a round trip
// that does not come back. Each becomes a spec that fails on today's code (rendered for the project's
// runner, run by the stage: it must fail in every run to be reported) and a finding that quotes the
// call and what was observed.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findingId } from '../../perspectives/contract.js'
import { pythonModuleName } from '../specs/paths.js'
import { pyString } from '../specs/values.js'
import type { SpecDraft, SpecValue } from '../specs/types.js'
import { pythonProbe } from './probe-scripts.js'
import type { ProbeTarget } from './probe-targets.js'
import { runChild } from './spawn.js'

/** How a JavaScript/TypeScript unit is reached and called (probe-js.ts renders its spec from it). */
export interface JsCall {
  /** Export path of the function, or of the class for a method: `['encode']`, `['default', 'ucs2', 'decode']`. */
  at: string[]
  /** A method: called on `new Class(...made)`. */
  method?: string
  made?: SpecValue[]
  args: SpecValue[]
  async: boolean
}

export type ProbedDefect =
  | {
      kind: 'crash'
      module: string
      /** The function, or `Class.method`. */
      symbol: string
      args: string
      errorType: string
      message: string
      at: { file: string; line: number; in: string; statement: string }
      types: string[]
      /** Python: a method, called on `Class(made)` (the constructor's arguments as Python code). */
      owner?: { className: string; made: string }
      js?: JsCall
    }
  | {
      kind: 'example'
      module: string
      symbol: string
      test: string
      /** Null when Python cannot say where the docstring is (a property's). */
      line: number | null
      source: string
      want: string
      got: string
      /** The docstring's Sphinx `.. testsetup::` code, run before its examples as Sphinx does. */
      setup?: string
      /** Names the examples use without importing them, given from the package that exports them (`seq` from `functional`). */
      provided?: Record<string, string>
      /** The example's index among the docstring's examples. */
      position?: number
      /** Further examples of the same docstring that disagree with the code, in order. */
      also?: { line: number | null; source: string; want: string; got: string; position: number }[]
      /** A JSDoc `@example` (js-examples.ts): the function's export path, the call's arguments as written. */
      js?: { at: string[]; args: string; async: boolean }
    }
  | {
      kind: 'round-trip'
      module: string
      symbol: string
      encoder: string
      value: string
      encoded: string
      returned?: string
      raised?: string
      /** The project's own line that calls the two inverses (a docstring or doc comment); null: our guess. */
      documented?: string | null
      /** Python: methods of one instance, made with these arguments (Python code). */
      owner?: { className: string; made: string }
      js?: { encoder: JsCall; decoder: JsCall; value: SpecValue }
    }

/** A round trip that came back for every value tried: a test asserting it, kept when it adds coverage. */
export interface HeldRoundTrip {
  module: string
  /** The decoder (`Class.decode` for methods). */
  symbol: string
  encoder: string
  /** Python: the values as Python code. */
  values: string[]
  owner?: { className: string; made: string }
  js?: { encoder: JsCall; decoder: JsCall; values: SpecValue[] }
}

export interface ProbeSession {
  root: string
  tmp: string
  env: Record<string, string>
  python: string | null
  timeoutMs: number
  isolateNetwork?: boolean
  pythonRoots?: readonly string[]
}

let counter = 0

/** Probes one module in a child; what it found before a time-out or crash is kept. */
export async function probeModule(
  session: ProbeSession,
  target: ProbeTarget
): Promise<{
  defects: ProbedDefect[]
  held: HeldRoundTrip[]
  note: string | null
  unsteady: UnsteadyExample[]
}> {
  if (!session.python) return { defects: [], held: [], note: null, unsteady: [] }
  const n = counter++
  const out = join(session.tmp, `probed-${n}.jsonl`)
  const script = join(session.tmp, `probe-${n}.py`)
  const dotted = pythonModuleName(target.module, session.pythonRoots ?? [])
  await writeFile(
    script,
    pythonProbe(
      {
        module: target.module,
        dotted,
        functions: target.functions,
        pairs: target.pairs,
        ...(target.classes ? { classes: target.classes } : {}),
        ...(target.classPairs ? { classPairs: target.classPairs } : {})
      },
      session.root
    )
  )
  await rm(out, { force: true })
  const child = await runChild({
    command: session.python,
    args: [script],
    cwd: session.root,
    env: { ...session.env, TP_OBSERVE_OUT: out },
    timeoutMs: session.timeoutMs,
    isolateNetwork: session.isolateNetwork ?? true
  })
  const text = await readFile(out, 'utf8').catch(() => '')
  const defects: ProbedDefect[] = []
  const held: HeldRoundTrip[] = []
  const unsteady: UnsteadyExample[] = []
  let note: string | null = child.killed
    ? `probing ${target.module} stopped at the time limit`
    : null
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const row = JSON.parse(line) as Record<string, unknown> & { kind: string }
    if (row.kind === 'note') note = `probing ${target.module}: ${String(row.message)}`
    else if (row.kind === 'crash' || row.kind === 'example' || row.kind === 'round-trip')
      defects.push({ ...row, module: target.module } as ProbedDefect)
    else if (row.kind === 'unsteady')
      unsteady.push({
        ...(row as unknown as Omit<UnsteadyExample, 'module'>),
        module: target.module
      })
    else if (row.kind === 'round-trip-holds') {
      const h = row as unknown as Omit<HeldRoundTrip, 'module'>
      held.push({
        module: target.module,
        symbol: h.symbol,
        encoder: h.encoder,
        values: h.values,
        ...(h.owner ? { owner: h.owner } : {})
      })
    }
  }
  return { defects, held, note, unsteady }
}

/**
 * A docstring example that failed but is no expectation: it is not deterministic or not
 * self-contained (it reads the clock, randomness, the environment, the network, a file or data the
 * project does not ship, or needs a setup block that cannot run). A plan item, never a defect.
 */
export interface UnsteadyExample {
  module: string
  symbol: string
  test: string
  line: number | null
  source: string
  reason: string
}

/** The plan's one line for an example that is no expectation. */
export function unsteadyLine(u: UnsteadyExample): string {
  return `the docstring example \`${u.source}\` of ${u.symbol} (${u.module}${u.line === null ? '' : `:${u.line}`}) is no expectation: ${u.reason}`
}

export const PROBED_MESSAGE_ID = 'observedDefect'

export type ProbeHome = 'failure-modes' | 'edge-cases'

/**
 * The perspective a defect's finding belongs to: a crash is a failure mode, the rest edge cases; the
 * other of the two when only it runs.
 */
export function defectPerspective(d: ProbedDefect, running: readonly ProbeHome[] = []): ProbeHome {
  const own: ProbeHome = d.kind === 'crash' ? 'failure-modes' : 'edge-cases'
  return running.length === 1 ? running[0] : own
}

/** The finding's stable id: what it is about, never its line. */
export function defectFindingId(d: ProbedDefect, home: ProbeHome): string {
  return findingId(home, PROBED_MESSAGE_ID, defectLine(d).file, `${d.kind}:${d.symbol}`)
}

/** Where the defect shows, for the finding's evidence. */
export function defectLine(d: ProbedDefect): { file: string; line: number | null } {
  if (d.kind === 'crash') return { file: d.at.file.split('\\').join('/'), line: d.at.line }
  if (d.kind === 'example') return { file: d.module, line: d.line }
  return { file: d.module, line: null }
}

/** One sentence: the call and what was observed. */
export function defectMessage(d: ProbedDefect): string {
  switch (d.kind) {
    case 'crash':
      return `${d.symbol}(${d.args}) raises ${d.errorType}: ${d.message} at ${d.at.file}:${d.at.line} (\`${d.at.statement}\`), an internal error for arguments of the declared types (${d.types.join(', ')})`
    case 'example':
      if (d.js)
        return `the documented example and the code disagree: the JSDoc example \`${d.source} === ${d.want}\` (${d.module}:${d.line}) states \`${d.want}\`; the code gives \`${d.got}\``
      return `the documented example and the code disagree: the docstring example \`${d.source}\` (${d.module}${d.line === null ? '' : `:${d.line}`}) documents ${d.want === '' ? 'no output' : `\`${d.want}\``}; the code gives \`${d.got}\`${d.setup ? " (after the docstring's `.. testsetup::` block)" : ''}${
        d.provided
          ? ` (with ${Object.entries(d.provided)
              .map(([n, m]) => `${n} from ${m}`)
              .join(', ')}, which the examples use without importing)`
          : ''
      }${(d.also ?? [])
        .map(
          (a) =>
            `; and the docstring example \`${a.source}\` (${d.module}${a.line === null ? '' : `:${a.line}`}) documents ${a.want === '' ? 'no output' : `\`${a.want}\``}; the code gives \`${a.got}\``
        )
        .join('')}`
    case 'round-trip':
      return `${d.symbol}(${d.encoder}(${d.value})) ${d.raised ? `raises ${d.raised}` : `returns ${d.returned}`}, not ${d.value} (${d.encoder} gives ${d.encoded})${d.documented ? `; the project documents them as a pair: "${d.documented}"` : ''}`
  }
}

export function defectTitle(d: ProbedDefect): string {
  switch (d.kind) {
    case 'crash':
      return `${d.symbol} crashes with ${d.errorType} on valid input`
    case 'example':
      return `${d.js ? 'JSDoc' : 'Docstring'} example of ${d.symbol} and the code disagree`
    case 'round-trip':
      return `${d.symbol} does not reverse ${d.encoder}`
  }
}

/** The pytest spec that demonstrates the defect: it fails until the code is fixed. */
export function defectDraft(d: ProbedDefect, dotted: string, home: ProbeHome): SpecDraft {
  const { file, line } = defectLine(d)
  const base = {
    level: 'unit' as const,
    covers: [defectFindingId(d, home)],
    priority: 'P1' as const,
    target: {
      file: d.module,
      symbol: d.symbol,
      ...(line !== null && file === d.module ? { line } : {})
    }
  }
  const message = defectMessage(d)
  // A method is called on a new instance, made as the probe made it.
  const callee = (symbol: string): string =>
    d.kind !== 'example' && d.owner
      ? `${dotted}.${d.owner.className}(${d.owner.made}).${symbol.slice(d.owner.className.length + 1)}`
      : `${dotted}.${symbol}`
  if (d.kind === 'crash')
    return {
      ...base,
      key: `probe:crash:${d.module}#${d.symbol}`,
      title: `${d.symbol} accepts ${d.args} (declared ${d.types.join(', ')})`,
      rationale: `Observed: ${message}.`,
      expected: `${d.symbol}(${d.args}) returns without an internal error (today: ${d.errorType} at ${file}:${line})`,
      body: {
        kind: 'steps',
        async: false,
        imports: [{ from: dotted, names: [] }],
        steps: { python: `${callee(d.symbol)}(${d.args})` }
      }
    }
  if (d.kind === 'round-trip' && d.owner)
    return {
      ...base,
      key: `probe:round-trip:${d.module}#${d.encoder}/${d.symbol}`,
      title: `${d.symbol} reverses ${d.encoder} for ${d.value}`,
      rationale: `Observed: ${message}.`,
      expected: `${d.symbol}(${d.encoder}(${d.value})) == ${d.value}, on one instance`,
      body: {
        kind: 'steps',
        async: false,
        imports: [{ from: dotted, names: [] }],
        steps: {
          python: [
            `value = ${d.value}`,
            `subject = ${dotted}.${d.owner.className}(${d.owner.made})`,
            `assert subject.${d.symbol.slice(d.owner.className.length + 1)}(subject.${d.encoder.slice(d.owner.className.length + 1)}(value)) == value`
          ].join('\n')
        }
      }
    }
  if (d.kind === 'round-trip')
    return {
      ...base,
      key: `probe:round-trip:${d.module}#${d.encoder}/${d.symbol}`,
      title: `${d.symbol} reverses ${d.encoder} for ${d.value}`,
      rationale: `Observed: ${message}.`,
      expected: `${d.symbol}(${d.encoder}(${d.value})) == ${d.value}`,
      body: {
        kind: 'steps',
        async: false,
        imports: [{ from: dotted, names: [] }],
        steps: {
          python: [
            `value = ${d.value}`,
            `assert ${dotted}.${d.symbol}(${dotted}.${d.encoder}(value)) == value`
          ].join('\n')
        }
      }
    }
  // Python's doctest runs the docstring as written, with the module's names, as its reader would.
  return {
    ...base,
    key: `probe:example:${d.module}#${d.test}`,
    title: `the docstring examples of ${d.symbol} hold`,
    rationale: `Observed: ${message}.`,
    expected: `${d.source} gives ${d.want || 'no output'} (today: ${d.got})`,
    body: {
      kind: 'steps',
      async: false,
      imports: [
        { from: 'doctest', names: [] },
        { from: dotted, names: [] },
        ...[...new Set(Object.values(d.provided ?? {}))]
          .filter((m) => m !== dotted)
          .map((m) => ({ from: m, names: [] }))
      ],
      steps: {
        python: [
          `tests = [t for t in doctest.DocTestFinder(recurse=True).find(${dotted}) if t.name == ${pyString(d.test)}]`,
          'assert tests, "the docstring was not found"',
          // Only the examples that disagree decide: another one the plan holds no expectation of
          // (a None the REPL does not print) fails under doctest whatever the fix.
          'failed = []',
          'class Runner(doctest.DocTestRunner):',
          '    def report_failure(self, out, test, example, got):',
          '        failed.append(test.examples.index(example))',
          '    def report_unexpected_exception(self, out, test, example, exc_info):',
          '        failed.append(test.examples.index(example))',
          'runner = Runner(',
          '    optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL',
          ')',
          'for test in tests:',
          ...Object.entries(d.provided ?? {}).map(
            ([name, from]) => `    test.globs[${pyString(name)}] = ${from}.${name}`
          ),
          ...(d.setup
            ? [
                "    # The docstring's `.. testsetup::` block, run first as Sphinx's doctest does.",
                `    exec(${pyString(d.setup)}, test.globs)`
              ]
            : []),
          '    runner.run(test, out=lambda text: None)',
          ...(d.position === undefined
            ? [
                `assert runner.failures == 0, ${pyString(`${d.source} should give ${d.want || 'no output'}`)}`
              ]
            : [
                `assert not set(failed) & {${[d.position, ...(d.also ?? []).map((a) => a.position)].join(', ')}}, ${pyString(`${d.source} should give ${d.want || 'no output'}`)}`
              ])
        ].join('\n')
      }
    }
  }
}

/** The pytest spec asserting a round trip that holds, for every value it held for. */
export function heldDraft(h: HeldRoundTrip, dotted: string): SpecDraft {
  const owner = h.owner
  const name = (symbol: string): string =>
    owner ? `subject.${symbol.slice(owner.className.length + 1)}` : `${dotted}.${symbol}`
  return {
    key: `probe:round-trip-holds:${h.module}#${h.encoder}/${h.symbol}`,
    title: `${h.symbol} reverses ${h.encoder}`,
    level: 'unit',
    covers: [],
    priority: 'P2',
    target: { file: h.module, symbol: h.symbol },
    rationale: `Observed by calling them: ${h.symbol}(${h.encoder}(v)) == v for ${h.values.join(', ')}; the test keeps it so.`,
    expected: `${h.symbol}(${h.encoder}(value)) == value for each value`,
    body: {
      kind: 'steps',
      async: false,
      imports: [{ from: dotted, names: [] }],
      steps: {
        python: [
          `for value in [${h.values.join(', ')}]:`,
          ...(owner ? [`    subject = ${dotted}.${owner.className}(${owner.made})`] : []),
          `    assert ${name(h.symbol)}(${name(h.encoder)}(value)) == value`
        ].join('\n')
      }
    }
  }
}

// Observation: each call spec's cases run in a child process against the temporary copy, twice;
// what they return (plain data, equal in both runs) or throw (type and message) becomes the case's
// expectation. Anything that cannot be observed safely makes the spec plan-only, with a one-line why.
import { access, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { moduleLanguage } from '../specs/paths.js'
import { pyString } from '../specs/values.js'
import type {
  CallSpecBody,
  SpecCase,
  ExpectationSource,
  SpecDraft,
  SpecExpectation,
  SpecValue
} from '../specs/types.js'
import { nodeObserver, pythonObserver, type ObserverOutput } from './observe-scripts.js'
import { runChild } from './spawn.js'
import { typeScriptLoader } from './ts-loader.js'

export interface ObserveSession {
  root: string
  tmp: string
  env: Record<string, string>
  node: string
  python: string | null
  timeoutMs: number
  isolateNetwork?: boolean
}

export interface ObservedRow {
  name: string
  expect: SpecExpectation
  async: boolean
  /** The row's index among the body's cases (rows that could not be observed are left out when lenient). */
  index: number
}

export type Observation = { ok: true; cases: ObservedRow[] } | { ok: false; planOnly: string }

const UNSAFE: Record<string, string> = {
  network: 'it reaches the network',
  'file writes': 'it writes files',
  subprocesses: 'it starts processes',
  'process exit': 'it exits the process',
  'process signals': 'it signals processes',
  clock: 'its result depends on the clock',
  randomness: 'its result depends on randomness'
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

let counter = 0

/**
 * Node arguments that load a module of `language` in the copy at `root`: none for JavaScript; for
 * TypeScript the project's own tsx when it has one, else its `typescript` compiling each file (ts-loader.ts).
 */
export async function nodeLoaderArgs(
  root: string,
  language: 'javascript' | 'typescript'
): Promise<{ args: string[] } | { planOnly: string }> {
  if (language === 'javascript') return { args: [] }
  if (await exists(join(root, 'node_modules/tsx/package.json')))
    return { args: ['--import', 'tsx'] }
  const own = await typeScriptLoader(root)
  if (!own)
    return {
      planOnly:
        'a TypeScript module, and the project installs neither tsx nor typescript to load it outside its test runner'
    }
  return { args: own }
}

async function runObserver(
  session: ObserveSession,
  body: CallSpecBody
): Promise<ObserverOutput | { planOnly: string }> {
  const language = moduleLanguage(body.module)
  const n = counter++
  const out = join(session.tmp, `observed-${n}.json`)
  let command: string
  let args: string[]
  if (language === 'python') {
    if (!session.python)
      return { planOnly: 'no Python with the project installed was found to call it' }
    const script = join(session.tmp, `observe-${n}.py`)
    await writeFile(script, pythonObserver(body, session.root))
    command = session.python
    args = [script]
  } else if (body.instance) {
    return { planOnly: 'a method on an instance is observed in Python only' }
  } else if (language === 'javascript' || language === 'typescript') {
    const loader = await nodeLoaderArgs(session.root, language)
    if ('planOnly' in loader) return loader
    const script = join(session.tmp, `observe-${n}.mjs`)
    await writeFile(
      script,
      nodeObserver(body, pathToFileURL(join(session.root, ...body.module.split('/'))).href)
    )
    command = session.node
    args = [...loader.args, script]
  } else return { planOnly: `a ${language} module cannot be called from here` }
  await rm(out, { force: true })
  const child = await runChild({
    command,
    args,
    cwd: session.root,
    env: { ...session.env, TP_OBSERVE_OUT: out },
    timeoutMs: session.timeoutMs,
    isolateNetwork: session.isolateNetwork ?? true
  })
  if (child.killed)
    return { planOnly: `the call did not return within ${Math.round(session.timeoutMs / 1000)} s` }
  const text = await readFile(out, 'utf8').catch(() => null)
  if (text === null) {
    const last =
      child.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `exit code ${child.code}`
    return { planOnly: `not callable in isolation: ${last.slice(0, 200)}` }
  }
  return JSON.parse(text) as ObserverOutput
}

/**
 * Calls the spec's unit with each case's inputs, twice, and says what to expect (or why not). Strict,
 * every row must be observed; `lenient` keeps the rows that were (a plain value, or an error of a
 * type the spec can name) and fails only when none was.
 */
export async function observeCall(
  session: ObserveSession,
  body: CallSpecBody,
  options: { lenient?: boolean } = {}
): Promise<Observation> {
  const first = await runObserver(session, body)
  if ('planOnly' in first) return { ok: false, planOnly: first.planOnly }
  const unsafe = first.touched.find((t) => UNSAFE[t])
  if (unsafe) return { ok: false, planOnly: `not observed: ${UNSAFE[unsafe]}` }
  const second = await runObserver(session, body)
  if ('planOnly' in second) return { ok: false, planOnly: second.planOnly }
  const cases: ObservedRow[] = []
  let dropped: string | null = null
  for (const [i, c] of first.cases.entries()) {
    const again = second.cases[i]
    // A value naming the temporary copy (a path resolved from the working directory) never holds in the repository.
    if (JSON.stringify(c.outcome).includes(JSON.stringify(session.root).slice(1, -1))) {
      if (options.lenient) {
        dropped ??= `case '${c.name}' depends on the folder it runs in`
        continue
      }
      return {
        ok: false,
        planOnly: `not observed: case '${c.name}' depends on the folder it runs in`
      }
    }
    const o = c.outcome
    if (options.lenient) {
      const steady = again && JSON.stringify(again.outcome) === JSON.stringify(o)
      const named =
        o.kind === 'returns' ||
        o.kind === 'instance' ||
        (o.kind === 'throws' && o.errorType !== null)
      if (!steady || !named) {
        dropped ??= !steady
          ? `case '${c.name}' gave different results in two runs`
          : o.kind === 'unplain'
            ? `case '${c.name}' returns ${o.what.replace(/^test-planning: /, '')}`
            : `case '${c.name}' throws an error of a type a test cannot import`
        continue
      }
    }
    if (!again || JSON.stringify(again.outcome) !== JSON.stringify(c.outcome))
      return {
        ok: false,
        planOnly: `not observed: case '${c.name}' gave different results in two runs`
      }
    if (o.kind === 'unplain') {
      const what = o.what.replace(/^test-planning: /, '')
      return {
        ok: false,
        planOnly:
          what === 'not callable'
            ? `not callable: the module has no function '${body.symbol}'`
            : `not observed: case '${c.name}' returns ${what}`
      }
    }
    if (o.kind === 'instance') {
      // Kept only where rows are explored (lenient): a claim about a value is not judged by a type.
      if (!options.lenient)
        return { ok: false, planOnly: `not observed: case '${c.name}' returns a ${o.type}` }
      cases.push({ name: c.name, expect: instanceExpectation(o), async: o.async, index: i })
    } else if (o.kind === 'returns')
      cases.push({
        name: c.name,
        expect: { kind: 'returns', value: o.value as SpecValue },
        async: o.async,
        index: i
      })
    else
      cases.push({
        name: c.name,
        expect: {
          kind: 'throws',
          ...(o.errorType ? { errorType: o.errorType } : {}),
          ...(o.message ? { message: o.message } : {})
        },
        async: o.async,
        index: i
      })
  }
  if (cases.length === 0 && dropped) return { ok: false, planOnly: `not observed: ${dropped}` }
  return { ok: true, cases }
}

/** A returned instance of the project's own class: its type by name (no import needed) and its truth value. */
function instanceExpectation(o: { type: string; truthy: boolean | null }): SpecExpectation {
  const truth = o.truthy === null ? '' : o.truthy ? ' and bool(result)' : ' and not result'
  return {
    kind: 'satisfies',
    python: `type(result).__name__ == ${pyString(o.type)}${truth}`,
    description: `returns a ${o.type}${o.truthy === null ? '' : o.truthy ? ' (truthy)' : ' (falsy)'}`,
    observed: true
  }
}

/** The draft with each case's expectation replaced by what was observed. */
export function withObserved(
  draft: SpecDraft,
  observation: Extract<Observation, { ok: true }>
): SpecDraft {
  const body = draft.body as CallSpecBody
  // Only the observed rows (a strict observation has them all, in order).
  const cases: SpecCase[] = observation.cases.map((o) => ({
    ...body.cases[o.index],
    expect: o.expect
  }))
  const async = body.async || observation.cases.some((c) => c.async)
  return { ...draft, body: { ...body, async, cases } }
}

export type Claim = 'confirmed' | 'defect' | 'refuted'

/**
 * What the observation says about the spec's claim, case by case: every case as claimed -> confirmed;
 * an unexpected error or a different value -> defect (the code does not do what it should); a failure
 * the spec predicted that does not happen, or happens as another error -> refuted (the claim was wrong). A property (`satisfies`)
 * cannot be judged here and decides nothing.
 */
export function judgeClaim(
  draft: SpecDraft,
  observation: Extract<Observation, { ok: true }>
): { claim: Claim; message: string | null } | null {
  const body = draft.body as CallSpecBody
  let refuted: string | null = null
  for (const [i, c] of body.cases.entries()) {
    const seen = observation.cases.find((o) => o.index === i)?.expect
    if (!seen) return null
    const claimed = c.expect
    if (claimed.kind === 'satisfies') return null
    const shown = describe(seen)
    if (claimed.kind === 'throws') {
      if (seen.kind !== 'throws')
        refuted ??= `${c.name}: expected ${describe(claimed)}, observed ${shown}`
      // Another error than the one predicted: the prediction was wrong, whatever the code does.
      else if (
        (claimed.errorType && seen.errorType !== claimed.errorType) ||
        (claimed.message && !(seen.message ?? '').includes(claimed.message))
      ) {
        refuted ??= `${c.name}: expected ${describe(claimed)}, observed ${shown}`
      }
    } else if (claimed.kind === 'does-not-throw') {
      // Python says when the spec's own call does not fit the subject's signature: the claim was wrong.
      if (seen.kind === 'throws' && callDoesNotFit(body, seen))
        refuted ??= `${c.name}: the call does not fit the signature, observed ${shown}`
      else if (seen.kind === 'throws') {
        const contradicted = `${c.name}: expected no error, observed ${shown}`
        if (!c.source) refuted ??= `${contradicted} (the expectation was ours, not the project's)`
        else return { claim: 'defect', message: `${contradicted}${sourceOf(c.source)}` }
      }
    } else if (
      seen.kind !== 'returns' ||
      JSON.stringify(seen.value) !== JSON.stringify(claimed.value)
    ) {
      const contradicted = `${c.name}: expected ${describe(claimed)}, observed ${shown}`
      if (!c.source) refuted ??= `${contradicted} (the expectation was ours, not the project's)`
      else return { claim: 'defect', message: `${contradicted}${sourceOf(c.source)}` }
    }
  }
  return refuted ? { claim: 'refuted', message: refuted } : { claim: 'confirmed', message: null }
}

/**
 * Whether a TypeError is Python's complaint about the call the spec makes of its subject itself
 * (`f() missing 1 required positional argument`, `Cls.__init__() takes 2 positional arguments but 3
 * were given`), named by the subject's own name: an error from a call inside the code names another.
 */
export function callDoesNotFit(body: CallSpecBody, seen: SpecExpectation): boolean {
  if (seen.kind !== 'throws' || seen.errorType !== 'TypeError' || !seen.message) return false
  const names = new Set([body.symbol, `${body.symbol}.__init__`, `${body.symbol}.__new__`])
  const call = seen.message.indexOf('() ')
  if (call < 0 || !names.has(seen.message.slice(0, call))) return false
  const rest = seen.message.slice(call + 3)
  return (
    rest.startsWith('missing ') ||
    rest.startsWith('takes ') ||
    rest.startsWith('got an unexpected keyword argument')
  )
}

/** ` (expected by the project's docstring at a.py:3: "...")`: what a defect's expectation rests on. */
function sourceOf(source: ExpectationSource): string {
  const at = `${source.file}${source.line === null ? '' : `:${source.line}`}`
  return ` (expected by the project's ${source.kind} at ${at}: "${source.quote}")`
}

function describe(e: SpecExpectation): string {
  switch (e.kind) {
    case 'throws':
      return `${e.errorType ?? 'an error'}${e.message ? ` "${e.message}"` : ''}`
    case 'returns':
      return `the value ${JSON.stringify(e.value)}`
    case 'does-not-throw':
      return 'no error'
    case 'satisfies':
      return e.description
  }
}

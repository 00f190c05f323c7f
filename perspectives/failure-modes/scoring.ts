// FMEA scores of a failure mode, each 1-10 (README.md documents the scales):
//   severity   - the effect: the error escapes to the caller (crash of the request or process) or is handled;
//   occurrence - reachable from a public entry point, and with input the caller controls;
//   detection  - whether tests reference the function and whether any asserts an error from it.
// RPN = severity x occurrence x detection (1-1000).
import type { CodeModel, FunctionDecl, Location, ModuleModel } from '../../src/model/types.js'
import type { Importer } from '../shared/graph.js'
import type { TestReach } from '../shared/reach.js'
import type { ReachFacts } from '../shared/test-reach.js'
import type { Severity } from '../types.js'
import { type FunctionIndex, functionIndex } from './caller-view.js'
import { methodOfHandedClass, usedAsValue } from './checked-text.js'
import { identifiers, type FailureMode } from './modes.js'

export type Reach = 'public' | 'internal' | 'handed' | 'load' | 'callback' | 'unreached'
export type TestState = 'unreached' | 'module-imported' | 'referenced' | 'asserted'

export interface Scores {
  severity: number
  occurrence: number
  detection: number
  rpn: number
  reach: Reach
  tests: TestState
  /** The test state comes from a coverage report (true) or from the static estimate (false). */
  measured?: boolean
  /**
   * The RPN severity is taken from: a static "untested" is an estimate and never the reason for a HIGH,
   * so without a report detection counts at most as "referenced" here.
   */
  severityRpn?: number
}

/** Names of error assertions across frameworks (jest/vitest, node:assert, chai, ava, pytest, unittest). */
const ERROR_ASSERTIONS = new Set([
  'toThrow',
  'toThrowError',
  'toThrowErrorMatchingSnapshot',
  'toThrowErrorMatchingInlineSnapshot',
  'rejects',
  'throws',
  'throw',
  'rejectedWith',
  'raises',
  'assertRaises',
  'assertRaisesRegex',
  'assertRaisesRegexp'
])

export interface ScoringContext {
  reach: TestReach
  /** The shared reach: a coverage report, where it still describes a file, decides whether the line ran. */
  facts?: ReachFacts
  importers: Map<string, Importer[]>
  /** Function name -> modules (non-test) with a call by that name. */
  callers: Map<string, Set<string>>
  /** Test file -> identifiers that appear in the tests around an error assertion. */
  asserted: Map<string, Set<string>>
  /** Class name -> the names of the classes that inherit from it, at any depth. */
  subclasses: Map<string, Set<string>>
  /** Every function by module and qualified name, to follow callers up (caller-view.ts). */
  functions?: FunctionIndex
}

/** Class name -> every class below it, by the last segment of each base (`bottle.BaseTemplate`). */
function subclassIndex(model: CodeModel): Map<string, Set<string>> {
  const direct = new Map<string, string[]>()
  for (const module of model.modules)
    for (const cls of module.classes)
      for (const base of cls.bases) {
        const name = base.split('.').pop() ?? base
        direct.set(name, [...(direct.get(name) ?? []), cls.name])
      }
  const below = new Map<string, Set<string>>()
  for (const name of direct.keys()) {
    const seen = new Set<string>()
    const queue = [...(direct.get(name) ?? [])]
    while (queue.length > 0) {
      const next = queue.pop()!
      if (seen.has(next) || next === name) continue
      seen.add(next)
      queue.push(...(direct.get(next) ?? []))
    }
    below.set(name, seen)
  }
  return below
}

export function scoringContext(
  model: CodeModel,
  reach: TestReach,
  importers: Map<string, Importer[]>,
  facts?: ReachFacts
): ScoringContext {
  const callers = new Map<string, Set<string>>()
  const asserted = new Map<string, Set<string>>()
  for (const module of model.modules) {
    if (module.isTest) {
      asserted.set(module.path, assertedNames(module))
      continue
    }
    for (const c of module.calls) {
      let set = callers.get(c.name)
      if (!set) callers.set(c.name, (set = new Set()))
      set.add(module.path)
    }
  }
  const subclasses = subclassIndex(model)
  const functions = functionIndex(model)
  return {
    reach,
    importers,
    callers,
    asserted,
    subclasses,
    functions,
    ...(facts ? { facts } : {})
  }
}

/**
 * Identifiers near an error assertion in a test file: in the calls of the test case around the assertion
 * (`expect(() => parse(x)).toThrow()`, `with pytest.raises(E): parse(x)`), their names and arguments.
 * The region is the innermost test case holding the assertion, else its enclosing function, else the
 * assertion itself.
 */
function assertedNames(module: ModuleModel): Set<string> {
  const names = new Set<string>()
  const regions: Location[] = []
  const functions = new Map(module.functions.map((f) => [f.qualifiedName, f]))
  const cases = (module.test?.cases ?? []).filter((c) => c.kind === 'test')
  for (const c of module.calls) {
    if (!ERROR_ASSERTIONS.has(c.name) && !/\.rejects\./.test(c.callee)) continue
    const around = cases
      .filter((t) => contains(t.loc, c.loc))
      .sort((a, b) => b.loc.startLine - a.loc.startLine)[0]
    regions.push(around?.loc ?? functions.get(c.enclosing ?? '')?.loc ?? c.loc)
  }
  if (regions.length === 0) return names
  for (const c of module.calls) {
    if (!regions.some((r) => contains(r, c.loc))) continue
    names.add(c.name)
    for (const a of c.args) for (const id of identifiers(a)) names.add(id)
  }
  return names
}

function contains(outer: Location, inner: Location): boolean {
  return outer.startLine <= inner.startLine && inner.endLine <= outer.endLine
}

/** The names a test would use for the function: its own, or its class's for a method. */
export function testNames(fn: FunctionDecl | undefined): string[] {
  if (!fn) return []
  return fn.className ? [fn.className, fn.name] : [fn.name]
}

function isPublic(fn: FunctionDecl, module: ModuleModel): boolean {
  if (fn.exported) return true
  if (!fn.className) return false
  const cls = module.classes.find((c) => c.name === fn.className)
  const privateName = fn.name.startsWith('_') || fn.name.startsWith('#')
  return !!cls?.exported && !privateName
}

export function reachOf(mode: FailureMode, ctx: ScoringContext): Reach {
  const { fn, module } = mode
  if (!fn) return mode.inCallback ? 'callback' : 'load'
  if (isPublic(fn, module)) return 'public'
  const modules = ctx.callers.get(fn.name)
  if (modules?.has(module.path)) return 'internal'
  if ((ctx.importers.get(module.path) ?? []).some((i) => modules?.has(i.from))) return 'internal'
  // No call by name, but the module hands the function on as a value (`partial(date_convert, ...)`,
  // `{'text/plain': parseString}`): something calls it, through the value (judged false on parse).
  if (!fn.className) return usedAsValue(module, fn) ? 'handed' : 'unreached'
  return methodOfHandedClass(module, fn) ? 'handed' : 'unreached'
}

/**
 * The names a test would use to reach the function: its own and its class's, and for a method the
 * classes that inherit it (a test of `SimpleTemplate(...)` exercises `BaseTemplate.__init__`).
 */
function namesInTests(fn: FunctionDecl | undefined, ctx: ScoringContext): string[] {
  const names = testNames(fn)
  if (!fn?.className) return names
  return [...names, ...(ctx.subclasses.get(fn.className) ?? [])]
}

export function testStateOf(mode: FailureMode, ctx: ScoringContext): TestState {
  const path = mode.module.path
  // Measured: the failing line never ran, or it ran (and tests may still assert the error).
  const line = ctx.facts?.measured(path) ? ctx.facts.lineReach(path, mode.loc.startLine) : undefined
  const fnReach =
    ctx.facts?.measured(path) && mode.fn ? ctx.facts.functionReach(mode.module, mode.fn) : undefined
  if (line === 'not-run' || (line === undefined && fnReach === 'not-run')) return 'unreached'
  if (
    line === 'covered' ||
    line === 'excluded' ||
    fnReach === 'covered' ||
    fnReach === 'excluded'
  ) {
    const tests = ctx.reach.importedBy.get(path) ?? new Set<string>()
    const names = namesInTests(mode.fn, ctx)
    for (const test of tests)
      if (names.some((n) => ctx.asserted.get(test)?.has(n))) return 'asserted'
    return 'referenced'
  }
  const tests = ctx.reach.importedBy.get(path)
  if (!tests || tests.size === 0) return 'unreached'
  const names = namesInTests(mode.fn, ctx)
  if (names.length === 0) return 'referenced' // module-level code runs whenever a test imports the module
  const referenced = ctx.reach.referenced.get(path)
  const mentioned = (set: Set<string> | undefined): boolean =>
    !!set && names.some((n) => set.has(n))
  if (!mentioned(referenced)) return 'module-imported'
  for (const test of tests) if (mentioned(ctx.asserted.get(test))) return 'asserted'
  return 'referenced'
}

const OCCURRENCE: Record<Reach, [withInput: number, withoutInput: number]> = {
  public: [8, 5],
  internal: [6, 4],
  handed: [6, 4],
  load: [3, 3],
  callback: [4, 3],
  unreached: [2, 2]
}
const DETECTION: Record<TestState, number> = {
  unreached: 10,
  'module-imported': 8,
  referenced: 6,
  asserted: 3
}

export function severityScore(mode: FailureMode): number {
  const { effect } = mode.handling
  if (effect === 'handled' || mode.contract) return 2
  if (effect === 'swallowed') return 3
  // Escapes: a designed error tells the caller what went wrong; a runtime TypeError/ValueError from a
  // library call or a missing value is a crash nobody planned; at load time it stops the whole program.
  const base = mode.kind === 'throw' ? 6 : mode.kind === 'optional' ? 8 : 7
  return mode.fn || mode.inCallback ? base : Math.min(10, base + 2)
}

export function score(mode: FailureMode, ctx: ScoringContext): Scores {
  const reach = reachOf(mode, ctx)
  const tests = testStateOf(mode, ctx)
  const severity = severityScore(mode)
  const occurrence = OCCURRENCE[reach][mode.inputs.length > 0 ? 0 : 1]
  const detection = DETECTION[tests]
  const measured = ctx.facts?.measured(mode.module.path) !== undefined
  const severityDetection = measured ? detection : Math.min(detection, DETECTION.referenced)
  return {
    severity,
    occurrence,
    detection,
    rpn: severity * occurrence * detection,
    reach,
    tests,
    measured,
    severityRpn: severity * occurrence * severityDetection
  }
}

/** Finding severity from the RPN. */
export function findingSeverity(rpn: number): Severity {
  if (rpn >= 350) return 'high'
  if (rpn >= 175) return 'medium'
  if (rpn >= 60) return 'low'
  return 'info'
}

// The edge-case catalogue: per function, each parameter with its boundary values and where each came
// from (the declared type, or the condition at line N that compares it with a literal), plus the
// throw sites with the guards that decide them.
import type {
  CallSite,
  Condition,
  FunctionDecl,
  Language,
  Loop,
  ModuleModel,
  Parameter,
  ThrowSite
} from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'
import { isDeclarationFile } from '../shared/units.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { type Boundary, boundariesOf } from './boundaries.js'
import { boundaryValues } from './boundaries.js'
import { type GuardedThrow, guardedThrows } from './guards.js'
import {
  type CandidateValue,
  isPython,
  type TypeInfo,
  typeInfo,
  typeValues,
  type ValueKind
} from './type-values.js'

export interface ParamEntry {
  param: Parameter
  info: TypeInfo
  /** The kind the code suggests for an untyped parameter (`n > 100` makes it a number). */
  inferred?: ValueKind
  values: CandidateValue[]
  /** Values left out by `maxValuesPerParam`. */
  omitted: number
}

export interface FunctionEntry {
  module: ModuleModel
  fn: FunctionDecl
  /** A top-level exported function: a test can import and call it. */
  callable: boolean
  params: ParamEntry[]
  boundaries: Boundary[]
  conditions: Condition[]
  guarded: GuardedThrow[]
  /** No boundary and no value: kept only for the rows its spec suggests (not in the catalogue). */
  bare?: boolean
}

const EXPLORED_LANGUAGES: ReadonlySet<Language> = new Set(['javascript', 'typescript', 'python'])

const SELF = new Set(['self', 'cls'])

/** Parameters a caller passes one by one (Python's self/cls and rest parameters left out). */
export function positionalParams(fn: FunctionDecl, language: Language): Parameter[] {
  return fn.params.filter((p) => !p.rest && !(isPython(language) && SELF.has(p.name)))
}

export function analysable(module: ModuleModel): boolean {
  return !module.isTest && !isTestSupportPath(module.path) && !isDeclarationFile(module.path)
}

function byEnclosing<T extends { enclosing?: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    if (item.enclosing === undefined) continue
    let list = map.get(item.enclosing)
    if (!list) map.set(item.enclosing, (list = []))
    list.push(item)
  }
  return map
}

/** `export namespace ns { export const f = ... }`: f is reached as `ns.f`, not imported by its own name. */
function insideNamespace(module: ModuleModel, fn: FunctionDecl): boolean {
  return module.exports.some(
    (e) =>
      e.name !== fn.name &&
      e.kind !== 'type' &&
      e.loc.startLine < fn.loc.startLine &&
      e.loc.endLine >= fn.loc.endLine
  )
}

const valueKey = (v: SpecValue): string => JSON.stringify(v)

const ARRAY_ONLY = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'map',
  'filter',
  'forEach',
  'reduce',
  'some',
  'every',
  'join',
  'sort',
  'reverse',
  'flat',
  'flatMap',
  'append',
  'extend'
])

/** How the function uses an untyped parameter: calls it, calls array methods on it, or loops over it. */
interface Usage {
  calls: readonly CallSite[]
  loops: readonly Loop[]
}

/** What a literal compared with an untyped parameter, or the way it is used, says about its kind. */
function inferKind(
  boundaries: readonly Boundary[],
  name: string,
  usage: Usage
): ValueKind | 'function' | undefined {
  if (usage.calls.some((c) => c.callee === name)) return 'function'
  if (
    usage.calls.some((c) => c.receiver === name && ARRAY_ONLY.has(c.name)) ||
    usage.loops.some((l) => l.iterates?.trim() === name)
  )
    return 'array'
  for (const b of boundaries) {
    if (b.subject.param !== name) continue
    if (b.subject.length) return 'string'
    if (typeof b.literal === 'number') return 'number'
    if (typeof b.literal === 'string' && b.literal !== 'undefined') return 'string'
    if (typeof b.literal === 'boolean') return 'boolean'
  }
  return undefined
}

/**
 * The first line (after the function's first line) that assigns to each parameter: `args = parse(args)`,
 * `(options, args) = ...`, `n += 1`. A comparison after it is about the new value, not the argument. Read
 * from the lines' text: a parameter name (not a member) before the line's first assignment `=`; a line
 * that declares (`const`/`let`/`var`) names something else.
 */
export function firstAssignments(
  names: readonly string[],
  fn: FunctionDecl,
  untilLine: number,
  lineText: (line: number) => string
): Map<string, number> {
  const found = new Map<string, number>()
  const patterns = names.map(
    (name) => [name, new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`)] as const
  )
  for (let n = fn.loc.startLine + 1; n < untilLine && found.size < names.length; n++) {
    const text = lineText(n)
    if (/^\s*(const|let|var)\s/.test(text)) continue
    const assign = /(?<![=!<>+\-*/%&|^:])=(?![=>])|[+\-*/%]=(?!=)/.exec(text)
    if (!assign) continue
    const left = text.slice(0, assign.index)
    for (const [name, pattern] of patterns)
      if (!found.has(name) && pattern.test(left)) found.set(name, n)
  }
  return found
}

export interface CatalogueSettings {
  maxValuesPerParam: number
  longStringLength: number
  lineText: (file: string, line: number) => string
}

export function buildCatalogue(
  modules: readonly ModuleModel[],
  settings: CatalogueSettings
): FunctionEntry[] {
  const entries: FunctionEntry[] = []
  for (const module of modules) {
    if (!analysable(module) || module.functions.length === 0) continue
    const python = isPython(module.language)
    const conditionsBy = byEnclosing(module.conditions)
    const throwsBy = byEnclosing<ThrowSite>(module.throws)
    const callsBy = byEnclosing<CallSite>(module.calls)
    const loopsBy = byEnclosing<Loop>(module.loops)
    for (const fn of module.functions) {
      const params = positionalParams(fn, module.language)
      if (params.length === 0) continue
      const names = new Set(params.map((p) => p.name))
      const conditions = conditionsBy.get(fn.qualifiedName) ?? []
      let boundaries = conditions.flatMap((c) => boundariesOf(c, names))
      if (boundaries.length > 0) {
        const last = boundaries.reduce((max, b) => Math.max(max, b.line), 0)
        const params = [...new Set(boundaries.map((b) => b.subject.param))]
        const assigned = firstAssignments(params, fn, last, (line) =>
          settings.lineText(module.path, line)
        )
        boundaries = boundaries.filter((b) => (assigned.get(b.subject.param) ?? Infinity) >= b.line)
      }
      const guarded = guardedThrows(
        throwsBy.get(fn.qualifiedName) ?? [],
        conditions,
        python,
        (line) => settings.lineText(module.path, line)
      )
      const usage: Usage = {
        calls: callsBy.get(fn.qualifiedName) ?? [],
        loops: loopsBy.get(fn.qualifiedName) ?? []
      }
      const entryParams = params.map((param) =>
        paramEntry(param, module.language, boundaries, usage, settings)
      )
      // An exported function without values is kept apart (`bare`): its spec can still suggest rows
      // to observe (explore.ts), but the catalogue has nothing to say about it.
      const bare = boundaries.length === 0 && entryParams.every((p) => p.values.length === 0)
      if (bare && !(fn.exported && EXPLORED_LANGUAGES.has(module.language))) continue
      entries.push({
        module,
        fn,
        callable:
          fn.exported &&
          !fn.className &&
          (fn.kind === 'function' || fn.kind === 'arrow') &&
          !insideNamespace(module, fn),
        params: entryParams,
        boundaries,
        conditions,
        ...(bare ? { bare } : {}),
        guarded
      })
    }
  }
  return entries.sort(
    (a, b) =>
      Number(b.callable) - Number(a.callable) ||
      b.boundaries.length - a.boundaries.length ||
      a.module.path.localeCompare(b.module.path) ||
      a.fn.loc.startLine - b.fn.loc.startLine ||
      a.fn.qualifiedName.localeCompare(b.fn.qualifiedName)
  )
}

function paramEntry(
  param: Parameter,
  language: Language,
  boundaries: readonly Boundary[],
  usage: Usage,
  settings: CatalogueSettings
): ParamEntry {
  const python = isPython(language)
  const info = typeInfo(param, language)
  const entry: ParamEntry = { param, info, values: [], omitted: 0 }
  let effective = info
  if (!info.typed && info.kind === 'unknown') {
    const inferred = inferKind(boundaries, param.name, usage)
    // A parameter the function calls is a function: its `.length` is an arity, nothing we can build.
    if (inferred === 'function') return entry
    if (inferred) {
      entry.inferred = inferred
      effective = { ...info, kind: inferred }
    }
  }
  const seen = new Set<string>()
  const all: CandidateValue[] = []
  const push = (v: CandidateValue): void => {
    const key = valueKey(v.value)
    if (seen.has(key)) return
    seen.add(key)
    all.push(v)
  }
  for (const b of boundaries) {
    if (b.subject.param === param.name)
      for (const v of boundaryValues(b, effective, python)) push(v)
  }
  const typeText =
    param.type ?? (entry.inferred ? `${entry.inferred} (inferred from the comparisons)` : 'default')
  for (const v of typeValues(effective, language, settings.longStringLength, typeText)) push(v)
  if (!python && param.optional && !info.typed)
    push({ value: { $special: 'undefined' }, label: 'undefined', source: 'optional parameter' })
  if (python && param.optional && param.defaultValue === 'None' && !info.nullable)
    push({ value: null, label: 'None', source: 'default None' })
  entry.values = all.slice(0, settings.maxValuesPerParam)
  entry.omitted = all.length - entry.values.length
  return entry
}

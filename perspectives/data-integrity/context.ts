// What every check of the data-integrity perspective reads: the product modules (tests, fixtures and
// declaration files left out) with their functions, each function's "scope" (the outermost function that
// holds it, so a callback's calls count for the function that passes it), calls grouped by scope, and
// the source lines of a function for the few checks the model cannot answer (arithmetic, `with conn:`).
import type {
  CallSite,
  CodeModel,
  FunctionDecl,
  Location,
  ModuleModel
} from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import {
  type CheckInput as SharedInput,
  functionsByName,
  normaliseSource,
  productModules
} from '../shared/product-modules.js'
import type { FindingDraft } from '../types.js'
import type { DataIntegrityMessageId } from './messages.js'
import { type Dialect, dialectOf, placeText, within } from '../kit/index.js'

export type Draft = FindingDraft<DataIntegrityMessageId>

export { type Dialect, dialectOf }

export interface ModuleInfo {
  module: ModuleModel
  dialect: Dialect
  functions: Map<string, FunctionDecl>
  /** Outermost function holding each function (itself when top-level), by qualified name. */
  rootOf: Map<string, FunctionDecl>
  /** Calls by root function qualified name ('' for module level), in source order. */
  callsByRoot: Map<string, CallSite[]>
  /** Imported module sources (normalised: no `node:` prefix). */
  importedSources: Set<string>
  /** Local name -> imported module source. */
  importedFrom: Map<string, string>
}

export type CheckInput = SharedInput<ModuleInfo>

/** A finding with what its spec needs. */
export interface Found {
  draft: Draft
  info: ModuleInfo
  fn?: FunctionDecl
  /** Kind-specific data for the spec. */
  spec?: Record<string, unknown>
}

function span(loc: Location): number {
  return (loc.endLine - loc.startLine) * 10_000 + (loc.endColumn - loc.startColumn)
}

function moduleInfo(module: ModuleModel, dialect: Dialect): ModuleInfo {
  const functions = functionsByName(module)
  // Outermost first: a function's root is the first (largest) function that contains it.
  const bySize = [...module.functions].sort(
    (a, b) => a.loc.startLine - b.loc.startLine || span(b.loc) - span(a.loc)
  )
  const rootOf = new Map<string, FunctionDecl>()
  let current: FunctionDecl | undefined
  for (const fn of bySize) {
    if (!current || !within(fn.loc, current.loc)) current = fn
    rootOf.set(fn.qualifiedName, current)
  }
  const callsByRoot = new Map<string, CallSite[]>()
  for (const call of module.calls) {
    const root = call.enclosing ? (rootOf.get(call.enclosing)?.qualifiedName ?? call.enclosing) : ''
    let list = callsByRoot.get(root)
    if (!list) callsByRoot.set(root, (list = []))
    list.push(call)
  }
  const importedSources = new Set<string>()
  const importedFrom = new Map<string, string>()
  for (const decl of module.imports) {
    const source = normaliseSource(decl.source)
    importedSources.add(source)
    for (const n of decl.names) if (n.local !== '*') importedFrom.set(n.local, source)
  }
  return { module, dialect, functions, rootOf, callsByRoot, importedSources, importedFrom }
}

export function buildInput(model: CodeModel, quote: Quoter): CheckInput {
  const modules = productModules(model).map((p) => moduleInfo(p.module, p.dialect))
  return { model, modules, quote }
}

/** The root function of a call (undefined at module level). */
export function rootFunction(
  info: ModuleInfo,
  call: { enclosing?: string }
): FunctionDecl | undefined {
  return call.enclosing
    ? (info.rootOf.get(call.enclosing) ?? info.functions.get(call.enclosing))
    : undefined
}

/** Calls of a root function and everything nested in it. */
export function scopeCalls(info: ModuleInfo, root: FunctionDecl | undefined): CallSite[] {
  return info.callsByRoot.get(root?.qualifiedName ?? '') ?? []
}

/** `parse() in src/a.ts`, or `module scope of src/a.ts`. */
export function whereText(info: ModuleInfo, fn: FunctionDecl | undefined): string {
  return placeText(info.module.path, fn?.qualifiedName)
}

/** Lines of a function (1-based numbers with text), comment lines left out: for the checks the model cannot answer. */
const LINES_CACHE = new WeakMap<FunctionDecl, { line: number; text: string }[]>()

export function functionLines(
  quote: Quoter,
  info: ModuleInfo,
  fn: FunctionDecl
): { line: number; text: string }[] {
  const cached = LINES_CACHE.get(fn)
  if (cached) return cached
  const all = quote.lines(info.module.path)
  const out: { line: number; text: string }[] = []
  const comment = info.dialect === 'python' ? /^\s*#/ : /^\s*(\/\/|\/\*|\*)/
  for (let n = fn.loc.startLine; n <= Math.min(fn.loc.endLine, all.length); n++) {
    const text = all[n - 1]
    if (!comment.test(text)) out.push({ line: n, text })
  }
  LINES_CACHE.set(fn, out)
  return out
}

/** Lowercase words of an identifier: `totalPrice` -> [total, price], `grand_total` -> [grand, total]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
}

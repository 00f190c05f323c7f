// Text the developer writes, not the attacker: a handler's docstring read for API docs, or a template the
// package compiles into a function. A slow regular expression on it delays only its own author, who
// already runs code (BlackSheep's docstring dialects and squirrelly's template parser, judged false in
// session 13). Request data, argv and a library's string parameter that reaches no compiler stay input.
import type {
  CallerRef,
  CallSite,
  CodeModel,
  FunctionDecl,
  ModuleModel
} from '../../src/model/types.js'
import type { Origin } from './taint-entries.js'
import { valueAt, type ModuleTaint } from './taint.js'
import { codeOnly } from './text.js'

/** A docstring by name or by where it comes from (`fn.__doc__`, `inspect.getdoc(fn)`). */
const DOCSTRING_NAME = /^(?:doc|docs|docstring|doc_string|docstrings|raw_doc|func_doc)$/i
const DOCSTRING_SOURCE = /\.__doc__\b|\bgetdoc\s*\(|\bcleandoc\s*\(/

function docstring(taint: ModuleTaint, call: CallSite, subject: string, origin: Origin): boolean {
  const code = codeOnly(subject)
  if (DOCSTRING_SOURCE.test(code)) return true
  const entry = origin.entry?.param
  if (entry && DOCSTRING_NAME.test(entry)) return true
  const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(code)?.[1]
  if (!name) return false
  if (DOCSTRING_NAME.test(name)) return true
  const value = valueAt(taint, call.enclosing, name, call.loc)
  return value !== undefined && DOCSTRING_SOURCE.test(codeOnly(value))
}

/** A call that turns text into a function: `new Function(…)`, `Function(…)`, `eval(…)`, `compile(…, 'exec')`. */
const CODE_BUILDER = /^(?:Function|AsyncFunction|GeneratorFunction|eval)$/

function buildsCode(module: ModuleModel, call: CallSite): boolean {
  if (CODE_BUILDER.test(call.name) && !call.receiver) return true
  // `var ctor = Function; new ctor(…)` (squirrelly, eta): the constructor through a local.
  return (module.bindings ?? []).some(
    (b) =>
      b.name === call.name &&
      b.enclosing === call.enclosing &&
      /(?<![.\w$])(?:Function|AsyncFunction|getAsyncFunctionCtor\(\))(?![\w$])/.test(
        codeOnly(b.value)
      )
  )
}

/**
 * The function's result, directly or through at most three callers, is handed to a code builder: a
 * caller passes `compileToString(str, options)` to `new ctor(…)`. Its parameter is then template source.
 */
function compiledIntoCode(model: CodeModel, module: ModuleModel, fn: FunctionDecl): boolean {
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const seen = new Set<string>()
  let frontier: { module: ModuleModel; fn: FunctionDecl }[] = [{ module, fn }]
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: typeof frontier = []
    for (const { module: m, fn: callee } of frontier) {
      for (const ref of callersOf(model, m, callee)) {
        const caller = byPath.get(ref.path)
        if (!caller || caller.isTest || !ref.enclosing) continue
        const calls = caller.calls.filter((c) => c.enclosing === ref.enclosing)
        const names = new Set([callee.name, ...importedAs(caller, m, callee)])
        const mentions = (c: CallSite) =>
          c.args.some((a) =>
            [...names].some((n) => new RegExp(`(?<![.\\w$])${n}\\s*\\(`).test(codeOnly(a)))
          )
        if (calls.some((c) => buildsCode(caller, c) && mentions(c))) return true
        const key = `${ref.path}#${ref.enclosing}`
        if (seen.has(key)) continue
        seen.add(key)
        const up = caller.functions.find((f) => f.qualifiedName === ref.enclosing)
        if (up) next.push({ module: caller, fn: up })
      }
    }
    frontier = next
  }
  return false
}

/** The names a module imports another module's function under (`import compileToString from './compile-string'`). */
function importedAs(importer: ModuleModel, from: ModuleModel, fn: FunctionDecl): string[] {
  const isDefault = from.exports.some(
    (e) => e.name === 'default' && (e.local === undefined || e.local === fn.name)
  )
  const out: string[] = []
  for (const d of importer.imports) {
    if (d.resolved !== from.path) continue
    for (const n of d.names)
      if (n.imported === fn.name || (n.imported === 'default' && isDefault)) out.push(n.local)
  }
  return out.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
}

/** The model's callers of a function, and the calls of it through a default import, which the model does not link. */
function callersOf(model: CodeModel, module: ModuleModel, fn: FunctionDecl): CallerRef[] {
  const out: CallerRef[] = [...(fn.callers ?? [])]
  for (const m of model.modules) {
    const local = new Set(importedAs(m, module, fn))
    if (local.size === 0) continue
    for (const c of m.calls)
      if (!c.receiver && local.has(c.name) && c.enclosing)
        if (!out.some((r) => r.path === m.path && r.line === c.loc.startLine))
          out.push({ path: m.path, enclosing: c.enclosing, line: c.loc.startLine, handled: false })
  }
  return out
}

/** The matched value is the developer's own text: a docstring, or template source the package compiles into code. */
export function developerText(
  model: CodeModel,
  module: ModuleModel,
  taint: ModuleTaint,
  call: CallSite,
  subject: string,
  origin: Origin
): boolean {
  if (origin.kind !== 'parameter') return false
  if (docstring(taint, call, subject, origin)) return true
  const fn = origin.entry?.function
  return fn !== undefined && compiledIntoCode(model, module, fn)
}

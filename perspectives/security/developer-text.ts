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
        const mentions = (c: CallSite) => c.args.some((a) => callsAny(names, codeOnly(a)))
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

/**
 * Text calls one of the names: `compileToString(…)`, or as a method of the instance the package builds
 * (`this.compileToString.call(this, str)`, eta's class fields `compileToString = compileToString`).
 */
function callsAny(names: Set<string>, code: string): boolean {
  return [...names].some((n) =>
    new RegExp(
      `(?:(?<![.\\w$])|(?<![\\w$])this\\s*\\.\\s*)${n}(?:\\s*\\.\\s*(?:call|apply))?\\s*\\(`
    ).test(code)
  )
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
  const add = (m: ModuleModel, c: CallSite) => {
    if (c.enclosing && !out.some((r) => r.path === m.path && r.line === c.loc.startLine))
      out.push({ path: m.path, enclosing: c.enclosing, line: c.loc.startLine, handled: false })
  }
  // A function a class takes in as a field (`parse = parse`) is called on the instance: `this.parse(…)`,
  // `this.parse.call(this, …)`. Those calls are read in the modules of the package that import its module
  // or are imported by one that does (eta's compile-string calls `this.parse` that core.ts installs).
  const installers = model.modules.filter((m) => importedAs(m, module, fn).length > 0)
  const onInstance = new Set([
    module.path,
    ...installers.flatMap((m) => [m.path, ...m.imports.map((d) => d.resolved ?? '')])
  ])
  const method = new RegExp(`^this\\s*\\.\\s*${fn.name}$`)
  for (const m of model.modules) {
    const local = new Set(importedAs(m, module, fn))
    for (const c of m.calls) {
      if (!c.receiver && local.has(c.name)) add(m, c)
      else if (installers.length > 0 && onInstance.has(m.path) && c.receiver !== undefined) {
        const receiver = c.receiver.replace(/\s+/g, '')
        if (
          (c.receiver.trim() === 'this' && c.name === fn.name) ||
          ((c.name === 'call' || c.name === 'apply') && method.test(receiver))
        )
          add(m, c)
      }
    }
  }
  return out
}

/**
 * A parameter named for what the developer or operator writes: a route pattern registered at start-up
 * (hono's `routePath`, judged false in session 15), or the operator's own signing key (`privateKey`). A slow
 * match on it delays only its author. A plain `path`, `pattern` or `publicKey` may be a request's or a
 * peer's, and stays input.
 */
const DEVELOPER_NAME =
  /^(?:route|routePath|route_path|routePattern|route_pattern|routeTemplate|route_template|privateKey|private_key|signingKey|signing_key|secretKey|secret_key)$/

function developerNamed(subject: string, origin: Origin): boolean {
  const entry = origin.entry?.param
  const plain = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(codeOnly(subject))?.[1]
  return (
    (entry !== undefined && DEVELOPER_NAME.test(entry)) ||
    (plain !== undefined && DEVELOPER_NAME.test(plain))
  )
}

/**
 * A query's identifiers: the field list, table, order or group an ORM's query builder takes (thinkjs's
 * `parseField(fields)`, `parseTable(table)`, judged false 19 times in session 16). The developer writes them
 * in code (`model.field('id,name')`), and the same text goes unquoted into the SQL the module builds, so a
 * hostile one would be injection first. A validator's `order(value)` rule on request data keeps its plain
 * name and stays input.
 */
const QUERY_IDENTIFIER =
  /^(?:fields?|columns?|cols|tables?|tableName|table_name|tableNames|order|orders|orderBy|order_by|group|groups|groupBy|group_by|sort|sortBy|sort_by|having|projection|relations?|indexes|indices|alias|limit)$/

/** Query text: an SQL clause keyword in a string literal, or a MongoDB stage or operator name. */
const QUERY_TEXT =
  /(?:^|[\s(])(?:SELECT|FROM|WHERE|GROUP BY|ORDER BY|LIMIT|AS|INSERT INTO|UPDATE|DELETE FROM|JOIN)(?:$|[\s(])|^\$(?:group|sort|project|match|limit|skip|lookup|in|nin|gt|gte|lt|lte|ne|or|and|set|exists|regex)$/

function writesQueryText(module: ModuleModel): boolean {
  return module.strings.some((s) => !s.inType && QUERY_TEXT.test(s.value))
}

/** The package folder a module belongs to: the path before its `lib/` or `src/` folder, else its folder. */
function packageFolder(path: string): string {
  const m = /^(.*?)(?:^|\/)(?:lib|src)\//.exec(path)
  return m ? m[1] : path.slice(0, path.lastIndexOf('/') + 1)
}

/**
 * The module is part of a query builder: it, or another shipped module of its package, writes query text
 * (thinkjs's model.js hands `getField`'s list to the parser that writes the SQL).
 */
function buildsQueries(model: CodeModel, module: ModuleModel): boolean {
  if (writesQueryText(module)) return true
  const folder = packageFolder(module.path)
  return model.modules.some(
    (m) =>
      !m.isTest && m.path !== module.path && packageFolder(m.path) === folder && writesQueryText(m)
  )
}

function queryIdentifier(
  model: CodeModel,
  module: ModuleModel,
  subject: string,
  origin: Origin
): boolean {
  const entry = origin.entry?.param
  const plain = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(codeOnly(subject))?.[1]
  const named =
    (entry !== undefined && QUERY_IDENTIFIER.test(entry)) ||
    (plain !== undefined && QUERY_IDENTIFIER.test(plain))
  return named && buildsQueries(model, module)
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
  if (developerNamed(subject, origin)) return true
  if (queryIdentifier(model, module, subject, origin)) return true
  const fn = origin.entry?.function
  return fn !== undefined && compiledIntoCode(model, module, fn)
}

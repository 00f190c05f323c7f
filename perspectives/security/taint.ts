// Light taint tracking over the code model. The model keeps calls with their argument text, the plain
// name a call's result is bound to, and functions with their parameters, so taint is approximated: a
// value is tainted when an argument's code names a tainted parameter, a tainted local or a source
// expression (req.body, process.argv, request.args, sys.argv, input()...). Parameters of exported
// functions and route handlers are tainted; a direct call inside the module carries taint from the
// caller's argument to the callee's parameter; a local bound to the result of a call on tainted values
// (`const p = path.join(root, req.query.f)`, `data = json.loads(request.data)`) is tainted in its function.
// A local bound to anything but a call (`const cmd = 'ls ' + dir`) is not followed: the model does not
// record the value of such an assignment.
import type { CallSite, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { codeOnly, mentions, withoutNeutralCalls } from './text.js'

export type OriginKind = 'request' | 'argv' | 'stdin' | 'env' | 'parameter'

export interface Origin {
  kind: OriginKind
  /** What the input is: `req.query.file`, `sys.argv`, `parameter name of exported load`. */
  label: string
  /** The source expression or parameter first, then each call it flows through: `handler(name)`, `load(path)`. */
  steps: string[]
  /** The function whose parameter is the entry (for hostile-input specs), when the source is a parameter. */
  entry?: { function: FunctionDecl; param: string; index: number }
  /** The value went through a call whose result was bound to a local (`p = path.join(root, name)`): it is built, not passed through. */
  built?: boolean
  /** The input is only the first part of a joined path (`join(dest, name)`): it picks the folder, not a name inside it. */
  rootOnly?: boolean
}

export interface ModuleTaint {
  module: ModuleModel
  byName: Map<string, FunctionDecl>
  /** Qualified function name -> tainted parameter name -> where its value comes from. */
  params: Map<string, Map<string, Origin>>
  /** Qualified function name ('' outside any named function) -> local bound to a call on tainted values -> origin. */
  locals: Map<string, Map<string, Origin>>
}

const JS_SOURCES: [RegExp, OriginKind][] = [
  [/\b(?:req|request|ctx\.request|ctx)\.(?:body|query|params|headers|cookies|files|originalUrl|url)(?:\.[A-Za-z_$][\w$]*|\[[^\]]{1,40}\])?/, 'request'],
  [/\b(?:location\.(?:search|hash|href)|document\.(?:URL|cookie|referrer)|window\.name)\b/, 'request'],
  [/\bprocess\.argv(?:\[\d+\])?/, 'argv'],
  [/\bprocess\.env(?:\.[A-Za-z_$][\w$]*)?/, 'env']
]

const PY_SOURCES: [RegExp, OriginKind][] = [
  [/\brequest\.(?:args|form|json|values|data|files|cookies|headers|GET|POST|body|query_params|path_params|get_json\(\))(?:\.get\([^)]{0,40}\)|\[[^\]]{1,40}\])?/, 'request'],
  [/\bsys\.argv(?:\[\d+\])?/, 'argv'],
  [/\binput\s*\([^)]{0,60}\)/, 'stdin'],
  [/\bos\.(?:environ(?:\.get\([^)]{0,40}\)|\[[^\]]{1,40}\])?|getenv\([^)]{0,40}\))/, 'env']
]

/** Parameters that never carry attacker text: the receiver, responses, callbacks. */
const NOT_INPUT = new Set(['self', 'cls', 'res', 'response', 'next', 'cb', 'callback', 'done', 'req', 'request', 'ctx', 'reply', 'h'])
/** Declared types that cannot hold a payload. */
const SAFE_TYPE = /^(number|boolean|bigint|int|float|bool|void|undefined|null|None)$/

const HANDLER_DECORATOR = /\.(route|get|post|put|patch|delete|api_route|websocket)\s*\(|^(api_view|app\.|router\.|bp\.|blueprint\.)/

export function isPython(module: ModuleModel): boolean {
  return module.language === 'python'
}

/** A source expression named in the argument's code, or undefined. */
export function directSource(module: ModuleModel, arg: string): Origin | undefined {
  const code = codeOnly(arg)
  for (const [pattern, kind] of isPython(module) ? PY_SOURCES : JS_SOURCES) {
    const found = pattern.exec(code)
    if (found) {
      // codeOnly keeps every character's position, so the same slice of the argument shows the literal keys.
      const label = arg.slice(found.index, found.index + found[0].length).replace(/\s+/g, '')
      return { kind, label, steps: [label] }
    }
  }
  return undefined
}

function isHandler(fn: FunctionDecl): boolean {
  return (fn.decorators ?? []).some((d) => HANDLER_DECORATOR.test(d))
}

function entryParams(module: ModuleModel, fn: FunctionDecl): Map<string, Origin> {
  const out = new Map<string, Origin>()
  const handler = isHandler(fn)
  if (!fn.exported && !handler) return out
  const python = isPython(module)
  // Nested functions are reachable only through their parent; private methods only through the class.
  if (fn.qualifiedName.includes('.') && !fn.className) return out
  if (fn.name.startsWith('_') && !(python && fn.name === '__init__')) return out
  let index = 0
  for (const p of fn.params) {
    const position = index
    if (!(python && index === 0 && fn.className && (p.name === 'self' || p.name === 'cls'))) index++
    if (NOT_INPUT.has(p.name) || (p.type && SAFE_TYPE.test(p.type.trim()))) continue
    if (!/^[A-Za-z_$][\w$]*$/.test(p.name)) continue
    const owner = handler ? `route handler ${fn.qualifiedName}` : `exported ${fn.qualifiedName}`
    out.set(p.name, {
      kind: handler ? 'request' : 'parameter',
      label: `parameter ${p.name} of ${owner}`,
      steps: [`${fn.qualifiedName}(${p.name})`],
      entry: handler ? undefined : { function: fn, param: p.name, index: position }
    })
  }
  return out
}

/** Where a call inside the module goes: a function of the module called by name (or through this/self). */
export function localCallee(taint: ModuleTaint, call: CallSite): FunctionDecl | undefined {
  const receiver = call.receiver
  if (receiver && receiver !== 'this' && receiver !== 'self') return undefined
  const candidates = taint.module.functions.filter((f) => f.name === call.name && (receiver ? !!f.className : !f.className))
  return candidates.length === 1 ? candidates[0] : undefined
}

/** The origin of what an argument's code names, in the scope of the enclosing function. */
export function originOf(taint: ModuleTaint, enclosing: string | undefined, arg: string): Origin | undefined {
  const direct = directSource(taint.module, arg)
  if (direct && direct.kind !== 'env') return direct
  const code = codeOnly(arg)
  const params = enclosing ? taint.params.get(enclosing) : undefined
  if (params) {
    for (const [name, origin] of params) if (mentions(code, name)) return origin
  }
  const locals = taint.locals.get(enclosing ?? '')
  if (locals) {
    for (const [name, origin] of locals) if (mentions(code, name)) return origin
  }
  return direct
}

/**
 * Calls whose result is still the text they were given, reshaped: joined into a path or URL, formatted,
 * decoded, parsed, trimmed, split, looked up (`request.args.get('f')`). A call that reads or computes
 * something else from its input (`get_data(path)` returns the file's bytes, `compile(...)`, `urlize(...)`)
 * does not pass the input's taint to its result.
 */
const JOIN_CALL = /^(join|resolve|urljoin)$/

const CARRIER_CALL =
  /^(join|resolve|normalize|normpath|abspath|expanduser|format|sprintf|replace|replaceAll|trim|trimStart|trimEnd|strip|lstrip|rstrip|lower|upper|toLowerCase|toUpperCase|toString|String|str|decode|b64decode|urlsafe_b64decode|unquote|unquote_plus|decodeURIComponent|decodeURI|concat|slice|substring|substr|split|get|getlist|getAll|URL|urljoin|urlparse|Path|PurePath|loads|parse|from|encode)$/

/**
 * Locals bound to the result of a carrier call (CARRIER_CALL) whose receiver or arguments carry taint,
 * once per round (a local can come from another local). Calls that make any input safe (`Number(x)`,
 * `hash(x)`...) carry nothing, and neither does the environment (a config bag such as
 * `{ env: process.env }` is not a command).
 */
function propagateLocals(taint: ModuleTaint): boolean {
  let changed = false
  for (const call of taint.module.calls) {
    const name = call.assignedTo
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name) || !CARRIER_CALL.test(call.name)) continue
    const scope = call.enclosing ?? ''
    if (taint.locals.get(scope)?.has(name) || taint.params.get(scope)?.has(name)) continue
    const joined = JOIN_CALL.test(call.name) && call.args.length > 1
    const tail = joined ? originOf(taint, call.enclosing, withoutNeutralCalls([call.receiver ?? '', ...call.args.slice(1)].join(', '))) : undefined
    const origin = tail ?? originOf(taint, call.enclosing, withoutNeutralCalls(`${call.callee}(${call.args.join(', ')})`))
    if (!origin || origin.kind === 'env') continue
    let map = taint.locals.get(scope)
    if (!map) taint.locals.set(scope, (map = new Map()))
    const rootOnly = (joined && !tail) || !!origin.rootOnly
    map.set(name, { ...origin, steps: [...origin.steps, `${name} = ${call.name}(…)`], built: true, ...(rootOnly ? { rootOnly } : {}) })
    changed = true
  }
  return changed
}

const MAX_ROUNDS = 6

export function analyseTaint(module: ModuleModel): ModuleTaint {
  const byName = new Map(module.functions.map((f) => [f.qualifiedName, f]))
  const params = new Map<string, Map<string, Origin>>()
  for (const fn of module.functions) {
    const entries = entryParams(module, fn)
    if (entries.size > 0) params.set(fn.qualifiedName, entries)
  }
  const taint: ModuleTaint = { module, byName, params, locals: new Map() }
  const python = isPython(module)
  const internal = module.calls.filter((c) => localCallee(taint, c) !== undefined)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = propagateLocals(taint)
    for (const call of internal) {
      const callee = localCallee(taint, call) as FunctionDecl
      const positional = callee.params.filter((p, i) => !(python && i === 0 && callee.className && (p.name === 'self' || p.name === 'cls')))
      call.args.forEach((arg, i) => {
        const keyword = python ? /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(arg) : null
        const param = keyword ? positional.find((p) => p.name === keyword[1]) : positional[i]
        if (!param || param.rest || NOT_INPUT.has(param.name)) return
        if (param.type && SAFE_TYPE.test(param.type.trim())) return
        const origin = originOf(taint, call.enclosing, keyword ? arg.slice(keyword[0].length) : arg)
        if (!origin || origin.kind === 'env') return
        let map = params.get(callee.qualifiedName)
        if (!map) params.set(callee.qualifiedName, (map = new Map()))
        if (map.has(param.name)) return
        map.set(param.name, { ...origin, steps: [...origin.steps, `${callee.qualifiedName}(${param.name})`] })
        changed = true
      })
    }
    if (!changed) break
  }
  return taint
}

/** ` (path: req.query.f → load(name) → fs.readFileSync)` for a message. */
export function pathText(origin: Origin | undefined, sink: string): string {
  if (!origin) return ''
  return ` (path: ${[...origin.steps, sink].join(' → ')})`
}

/** What the input is, in a title: `req.query.file`, `parameter name of exported load`. */
export function inputText(origin: Origin | undefined, fallback: string): string {
  return origin ? origin.label : fallback
}

// Light taint tracking over the code model. The model keeps calls with their argument text, the plain
// name a call's result is bound to, local bindings with their value text, and functions with their
// parameters, so taint is approximated: a value is tainted when an argument's code names a tainted
// parameter, a tainted local or a source expression (req.body, process.argv, request.args, sys.argv,
// input()...). Parameters of exported functions and route handlers are tainted; a direct call inside the
// module carries taint from the caller's argument to the callee's parameter. Locals follow their bindings
// (ModuleModel.bindings) in source order within a function: `const cmd = 'ls ' + req.query.d` taints cmd
// from there on, a later `cmd = 'ls'` clears it, `cmd += x` adds x's taint; a local bound to a call is
// tainted only when the call reshapes tainted values (`path.join(root, req.query.f)`, `json.loads(...)`),
// not when it computes something else from them (`get_data(path)` is the file's bytes).
import type {
  CallSite,
  FunctionDecl,
  LocalBinding,
  Location,
  ModuleModel
} from '../../src/model/types.js'
import { buildKind, codeOnly, withoutNeutralCalls } from './text.js'
import { within } from '../kit/index.js'

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
  /** The value went through a local binding (`const cmd = 'ls ' + dir`): a step the confidence counts like a call. */
  viaLocal?: boolean
}

/**
 * A local's taint from where a binding of it ends: an origin, or null once bound to an untainted value. A
 * binding in a branch (LocalBinding.branch) may not have run: its null clears the taint only for reads in
 * that branch.
 */
interface BoundState {
  at: number
  origin: Origin | null
  /** The branch, as positions, for a null state in one. */
  within?: [number, number]
}

export interface ModuleTaint {
  module: ModuleModel
  byName: Map<string, FunctionDecl>
  /** Qualified function name -> tainted parameter name -> where its value comes from. */
  params: Map<string, Map<string, Origin>>
  /**
   * Qualified function name ('' outside any named function) -> local bound to a call on tainted values -> origin,
   * in any order: what decides for names with no binding in the model (a module past the model's cap).
   */
  locals: Map<string, Map<string, Origin>>
  /** Scope -> local name -> its states in source order (from ModuleModel.bindings). */
  flow: Map<string, Map<string, BoundState[]>>
  /** Scope -> local name -> its bindings in source order. */
  bindings: Map<string, Map<string, LocalBinding[]>>
  /** Argument texts already read (source expression, names): the rounds read the same texts again. */
  texts: Map<string, ReadText>
}

/** What originOf reads from an argument's text. */
interface ReadText {
  direct?: Origin
  names: string[]
}

const JS_SOURCES: [RegExp, OriginKind][] = [
  [
    /\b(?:req|request|ctx\.request|ctx)\.(?:body|query|params|headers|cookies|files|originalUrl|url)(?:\.[A-Za-z_$][\w$]*|\[[^\]]{1,40}\])?/,
    'request'
  ],
  [
    /\b(?:location\.(?:search|hash|href)|document\.(?:URL|cookie|referrer)|window\.name)\b/,
    'request'
  ],
  [/\bprocess\.argv(?:\[\d+\])?/, 'argv'],
  [/\bprocess\.env(?:\.[A-Za-z_$][\w$]*)?/, 'env']
]

const PY_SOURCES: [RegExp, OriginKind][] = [
  [
    /\brequest\.(?:args|form|json|values|data|files|cookies|headers|GET|POST|body|query_params|path_params|get_json\(\))(?:\.get\([^)]{0,40}\)|\[[^\]]{1,40}\])?/,
    'request'
  ],
  [/\bsys\.argv(?:\[\d+\])?/, 'argv'],
  [/\binput\s*\([^)]{0,60}\)/, 'stdin'],
  [/\bos\.(?:environ(?:\.get\([^)]{0,40}\)|\[[^\]]{1,40}\])?|getenv\([^)]{0,40}\))/, 'env']
]

/** Parameters that never carry attacker text: the receiver, responses, callbacks. */
const NOT_INPUT = new Set([
  'self',
  'cls',
  'res',
  'response',
  'next',
  'cb',
  'callback',
  'done',
  'req',
  'request',
  'ctx',
  'reply',
  'h'
])
/** Declared types that cannot hold a payload. */
const SAFE_TYPE = /^(number|boolean|bigint|int|float|bool|void|undefined|null|None)$/

const HANDLER_DECORATOR =
  /\.(route|get|post|put|patch|delete|api_route|websocket)\s*\(|^(api_view|app\.|router\.|bp\.|blueprint\.)/

export function isPython(module: ModuleModel): boolean {
  return module.language === 'python'
}

/** A source expression named in the argument's code, or undefined. */
export function directSource(
  module: ModuleModel,
  arg: string,
  code = codeOnly(arg)
): Origin | undefined {
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

/**
 * A JavaScript function the model does not see exported and that nothing in its own module calls, names or
 * passes on: in shipped code it is reached from outside through an assignment the model does not follow
 * (`Mime.prototype.lookup = function (path)`, `win32.parse = function (p)`, `module.exports = new Mime()`).
 * For a library, its parameters are its caller's input like an exported function's.
 */
function publicByAssignment(module: ModuleModel, fn: FunctionDecl, used: Set<string>): boolean {
  if (isPython(module) || fn.exported) return false
  if (fn.qualifiedName.includes('.') || fn.className || fn.qualifiedName.includes('[')) return false
  return !used.has(fn.name)
}

/** Names the module calls or mentions in a call's arguments (a function passed as a callback is used). */
function usedNames(module: ModuleModel): Set<string> {
  const out = new Set<string>()
  for (const c of module.calls) {
    out.add(c.name)
    for (const a of c.args) for (const n of codeOnly(a).match(NAME) ?? []) out.add(n)
  }
  for (const b of module.bindings ?? [])
    for (const n of codeOnly(b.value).match(NAME) ?? []) out.add(n)
  return out
}

function entryParams(
  module: ModuleModel,
  fn: FunctionDecl,
  used: Set<string> = new Set()
): Map<string, Origin> {
  const out = new Map<string, Origin>()
  const handler = isHandler(fn)
  if (!fn.exported && !handler && !publicByAssignment(module, fn, used)) return out
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
    const owner = handler
      ? `route handler ${fn.qualifiedName}`
      : fn.exported
        ? `exported ${fn.qualifiedName}`
        : `public ${fn.qualifiedName} (assigned for callers outside the module, called nowhere inside)`
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
  const candidates = taint.module.functions.filter(
    (f) => f.name === call.name && (receiver ? !!f.className : !f.className)
  )
  return candidates.length === 1 ? candidates[0] : undefined
}

/** A comparable number for a place in the file: bindings hold from their end, calls read at their start. */
function position(line: number, column: number): number {
  return line * 16_777_216 + Math.min(column, 16_777_215)
}

const NAME = /(?<![.\w$])[A-Za-z_$][\w$]*/g

/** The names an argument's code mentions as variables (not after a dot, not inside a literal), in order. */
function namesIn(code: string): string[] {
  return [...new Set(code.match(NAME) ?? [])]
}

/**
 * A local's state where it is read: the last binding ending before `at`, passing over untainted ones in a
 * branch the read is not in (they may not have run); undefined when no binding decides.
 */
function stateAt(states: BoundState[] | undefined, at: number): Origin | null | undefined {
  if (!states) return undefined
  let low = 0
  let high = states.length - 1
  let last = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (states[mid].at <= at) {
      last = mid
      low = mid + 1
    } else high = mid - 1
  }
  for (let i = last; i >= 0; i--) {
    const { origin, within } = states[i]
    if (origin || !within || (within[0] <= at && at <= within[1])) return origin
  }
  return undefined
}

function boundAt(
  taint: ModuleTaint,
  scope: string,
  name: string,
  at: number
): Origin | null | undefined {
  return stateAt(taint.flow.get(scope)?.get(name), at)
}

type NameState = (name: string) => Origin | null | undefined

/**
 * What the names an argument mentions carry, first match wins: a bound local (its state where it is read), a
 * tainted parameter (unless a binding before rebound it), a local bound to a carrier call (only names the model
 * has no binding for). `bound` gives a local's state; `hasBindings` says which names bindings decide.
 */
function namedOrigin(
  taint: ModuleTaint,
  scope: string,
  names: string[],
  bound: NameState,
  hasBindings: { has(name: string): boolean } | undefined
): { origin: Origin; via: string } | undefined {
  if (names.length === 0) return undefined
  let clean: Set<string> | undefined
  for (const name of names) {
    const state = bound(name)
    if (state) return { origin: state, via: name }
    if (state === null) (clean ??= new Set()).add(name)
  }
  const params = taint.params.get(scope)
  const present = new Set(names)
  if (params) {
    for (const [name, origin] of params)
      if (present.has(name) && !clean?.has(name)) return { origin, via: name }
  }
  const locals = taint.locals.get(scope)
  if (locals) {
    for (const [name, origin] of locals)
      if (present.has(name) && !clean?.has(name) && !hasBindings?.has(name))
        return { origin, via: name }
  }
  return undefined
}

/**
 * The origin of what an argument's code names, in the scope of the enclosing function. With `at` (where the
 * argument is read), locals follow their bindings up to there; without it, only parameters and locals bound
 * to carrier calls count.
 */
export function originOf(
  taint: ModuleTaint,
  enclosing: string | undefined,
  arg: string,
  at?: Pick<Location, 'startLine' | 'startColumn'>
): Origin | undefined {
  let read = taint.texts.get(arg)
  if (!read) {
    const code = codeOnly(arg)
    const found = directSource(taint.module, arg, code)
    read = { names: namesIn(code), ...(found ? { direct: found } : {}) }
    taint.texts.set(arg, read)
  }
  const { direct } = read
  if (direct && direct.kind !== 'env') return direct
  const scope = enclosing ?? ''
  const where = at ? position(at.startLine, at.startColumn) : undefined
  const bound: NameState =
    where === undefined ? () => undefined : (name) => boundAt(taint, scope, name, where)
  const named = namedOrigin(
    taint,
    scope,
    read.names,
    bound,
    where === undefined ? undefined : taint.bindings.get(scope)
  )
  return named?.origin ?? direct
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
 * The origin of a carrier call's result (CARRIER_CALL) bound to `name`, when its receiver or arguments carry
 * taint. Calls that make any input safe (`Number(x)`, `hash(x)`...) carry nothing, and neither does the
 * environment (a config bag such as `{ env: process.env }` is not a command).
 */
function carrierOrigin(taint: ModuleTaint, call: CallSite, name: string): Origin | undefined {
  if (!CARRIER_CALL.test(call.name)) return undefined
  const joined = JOIN_CALL.test(call.name) && call.args.length > 1
  const tail = joined
    ? originOf(
        taint,
        call.enclosing,
        withoutNeutralCalls([call.receiver ?? '', ...call.args.slice(1)].join(', ')),
        call.loc
      )
    : undefined
  const origin =
    tail ??
    originOf(
      taint,
      call.enclosing,
      withoutNeutralCalls(`${call.callee}(${call.args.join(', ')})`),
      call.loc
    )
  if (!origin || origin.kind === 'env') return undefined
  const rootOnly = (joined && !tail) || !!origin.rootOnly
  return {
    ...origin,
    steps: [...origin.steps, `${name} = ${call.name}(…)`],
    built: true,
    ...(rootOnly ? { rootOnly } : {})
  }
}

/** Locals bound to a carrier call on tainted values, once per round (a local can come from another local). */
function propagateLocals(taint: ModuleTaint): boolean {
  let changed = false
  for (const call of taint.module.calls) {
    const name = call.assignedTo
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name) || !CARRIER_CALL.test(call.name)) continue
    const scope = call.enclosing ?? ''
    if (taint.locals.get(scope)?.has(name) || taint.params.get(scope)?.has(name)) continue
    const origin = carrierOrigin(taint, call, name)
    if (!origin) continue
    let map = taint.locals.get(scope)
    if (!map) taint.locals.set(scope, (map = new Map()))
    map.set(name, origin)
    changed = true
  }
  return changed
}

/** Where `name` stands as a variable in `code` (not after a dot, not inside a longer name), or -1. */
function nameAt(code: string, name: string): number {
  const part = /[\w$]/
  for (let i = code.indexOf(name); i !== -1; i = code.indexOf(name, i + 1)) {
    const before = code[i - 1]
    const after = code[i + name.length]
    if (
      (before === undefined || (before !== '.' && !part.test(before))) &&
      (after === undefined || !part.test(after))
    )
      return i
  }
  return -1
}

/** `cmd = 'ls ' + …`: the binding as a step of a path, the part that carried the taint elided. */
function stepText(binding: LocalBinding, via: string): string {
  let value = binding.value
  const at = nameAt(codeOnly(value), via)
  if (at !== -1 && via.length < value.trim().length)
    value = `${value.slice(0, at)}…${value.slice(at + via.length)}`
  value = value.replace(/\s+/g, ' ').trim()
  if (value.length > 40) value = `${value.slice(0, 39)}…`
  return `${binding.name} ${binding.operator} ${value}`
}

/** The call whose result a binding holds (`x = f(…)`, `const x = await f(…)`), by scope and name. */
function boundCalls(module: ModuleModel): Map<string, CallSite[]> {
  const out = new Map<string, CallSite[]>()
  for (const call of module.calls) {
    if (!call.assignedTo) continue
    const key = `${call.enclosing ?? ''}\u0000${call.assignedTo}`
    const list = out.get(key)
    if (list) list.push(call)
    else out.set(key, [call])
  }
  return out
}

/** A binding with what every round reads from it, computed once. */
interface PreparedBinding {
  binding: LocalBinding
  scope: string
  /** The call whose result it holds (`x = f(…)`), if any. */
  call?: CallSite
  /** A source expression (not the environment) in its value or call, sanitisers removed. */
  direct?: Origin
  /** The names its value or call mentions, sanitisers removed. */
  names: string[]
  start: number
  end: number
  /** Its branch as positions (LocalBinding.branch). */
  within?: [number, number]
  /** Its value builds a string (template, concatenation, formatting): computed on first use. */
  builds?: boolean
  /** Step texts by the name or source that carried the taint (the same every round). */
  steps?: Map<string, string>
}

function prepareBindings(module: ModuleModel, ordered: LocalBinding[]): PreparedBinding[] {
  const calls = boundCalls(module)
  return ordered.map((binding) => {
    const scope = binding.enclosing ?? ''
    const call =
      binding.operator === '='
        ? calls.get(`${scope}\u0000${binding.name}`)?.find((c) => within(c.loc, binding.loc))
        : undefined
    const text = withoutNeutralCalls(
      call ? `${call.callee}(${call.args.join(', ')})` : binding.value
    )
    const code = codeOnly(text)
    const direct = directSource(module, text, code)
    const { branch, loc } = binding
    return {
      binding,
      scope,
      ...(call ? { call } : {}),
      ...(direct && direct.kind !== 'env' ? { direct } : {}),
      names: namesIn(code),
      start: position(loc.startLine, loc.startColumn),
      end: position(loc.endLine, loc.endColumn),
      ...(branch
        ? {
            within: [
              position(branch.startLine, branch.startColumn),
              position(branch.endLine, branch.endColumn)
            ] as [number, number]
          }
        : {})
    }
  })
}

/**
 * What a binding's value carries, read with the states of the locals bound before it: an origin, null for an
 * untainted value, undefined for a call that is not a carrier but is given tainted values (`x = cast(T, x)`,
 * `data = get_data(path)`): what it returns is unknown, so it leaves the name as it was (a fresh local stays
 * untainted, a rebound one keeps its taint).
 */
function bindingOrigin(
  taint: ModuleTaint,
  prepared: PreparedBinding,
  bound: NameState
): Origin | null | undefined {
  const { binding, call, direct, scope } = prepared
  const found = direct
    ? { origin: direct, via: direct.label }
    : namedOrigin(taint, scope, prepared.names, bound, taint.bindings.get(scope))
  if (call) {
    const carried = carrierOrigin(taint, call, binding.name)
    if (carried) return carried
    return found && found.origin.kind !== 'env' ? undefined : null
  }
  if (!found || found.origin.kind === 'env') return null
  const { origin, via } = found
  prepared.builds ??= buildKind(binding.value) !== undefined
  const built = !!origin.built || prepared.builds
  const steps = (prepared.steps ??= new Map())
  let step = steps.get(via)
  if (step === undefined) steps.set(via, (step = stepText(binding, via)))
  return { ...origin, steps: [...origin.steps, step], viaLocal: true, ...(built ? { built } : {}) }
}

/**
 * The states of every local from the model's bindings, in source order per scope: a plain binding sets the
 * state from its value (null when untainted), an augmented one (`+=`) adds the value's taint to the state.
 * Run once per round, as parameters and call-result locals gain taint.
 */
function buildFlow(taint: ModuleTaint, prepared: PreparedBinding[]): void {
  const flow = new Map<string, Map<string, BoundState[]>>()
  for (const p of prepared) {
    let states = flow.get(p.scope)
    if (!states) flow.set(p.scope, (states = new Map()))
    const current = states
    const latest: NameState = (name) => stateAt(current.get(name), p.start)
    const origin = bindingOrigin(taint, p, latest)
    // `x += clean` and `x = unknown(x)` leave x as it was; a plain binding to an untainted value clears it.
    if (origin === undefined || (p.binding.operator !== '=' && !origin)) continue
    const name = p.binding.name
    const state: BoundState = { at: p.end, origin }
    if (!origin && p.within) state.within = p.within
    const list = current.get(name)
    if (list) list.push(state)
    else current.set(name, [state])
  }
  taint.flow = flow
}

function byScope(ordered: LocalBinding[]): Map<string, Map<string, LocalBinding[]>> {
  const out = new Map<string, Map<string, LocalBinding[]>>()
  for (const b of ordered) {
    const scope = b.enclosing ?? ''
    let names = out.get(scope)
    if (!names) out.set(scope, (names = new Map()))
    const list = names.get(b.name)
    if (list) list.push(b)
    else names.set(b.name, [b])
  }
  return out
}

/**
 * The text a plain local holds where it is read: its last plain binding before `at` joined with the `+=`
 * bindings after it (`sql = 'SELECT …'; sql += ' WHERE id = ' + id` gives `'SELECT …' + ' WHERE id = ' + id`),
 * so a sink that needs a built string can see one built in a local. Undefined when not bound before.
 */
export function valueAt(
  taint: ModuleTaint,
  enclosing: string | undefined,
  name: string,
  at: Pick<Location, 'startLine' | 'startColumn'>
): string | undefined {
  const list = taint.bindings.get(enclosing ?? '')?.get(name)
  if (!list) return undefined
  const where = position(at.startLine, at.startColumn)
  const parts: string[] = []
  for (let i = list.length - 1; i >= 0; i--) {
    const b = list[i]
    if (position(b.loc.endLine, b.loc.endColumn) > where) continue
    if (b.operator === '=') {
      parts.unshift(b.value)
      return parts.join(' + ')
    }
    if (b.operator !== '+=') return undefined
    parts.unshift(b.value)
  }
  return undefined
}

const MAX_ROUNDS = 6

export function analyseTaint(module: ModuleModel): ModuleTaint {
  const byName = new Map(module.functions.map((f) => [f.qualifiedName, f]))
  const params = new Map<string, Map<string, Origin>>()
  const used = usedNames(module)
  for (const fn of module.functions) {
    const entries = entryParams(module, fn, used)
    if (entries.size > 0) params.set(fn.qualifiedName, entries)
  }
  const ordered = [...(module.bindings ?? [])].sort(
    (a, b) => position(a.loc.endLine, a.loc.endColumn) - position(b.loc.endLine, b.loc.endColumn)
  )
  const taint: ModuleTaint = {
    module,
    byName,
    params,
    locals: new Map(),
    flow: new Map(),
    bindings: byScope(ordered),
    texts: new Map()
  }
  const python = isPython(module)
  const internal = module.calls.filter((c) => localCallee(taint, c) !== undefined)
  const prepared = prepareBindings(module, ordered)
  let settled = false
  for (let round = 0; round < MAX_ROUNDS && !settled; round++) {
    if (prepared.length > 0) buildFlow(taint, prepared)
    let changed = propagateLocals(taint)
    for (const call of internal) {
      const callee = localCallee(taint, call) as FunctionDecl
      const positional = callee.params.filter(
        (p, i) =>
          !(python && i === 0 && callee.className && (p.name === 'self' || p.name === 'cls'))
      )
      call.args.forEach((arg, i) => {
        const keyword = python ? /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(arg) : null
        const param = keyword ? positional.find((p) => p.name === keyword[1]) : positional[i]
        if (!param || param.rest || NOT_INPUT.has(param.name)) return
        if (param.type && SAFE_TYPE.test(param.type.trim())) return
        const origin = originOf(
          taint,
          call.enclosing,
          keyword ? arg.slice(keyword[0].length) : arg,
          call.loc
        )
        if (!origin || origin.kind === 'env') return
        let map = params.get(callee.qualifiedName)
        if (!map) params.set(callee.qualifiedName, (map = new Map()))
        if (map.has(param.name)) return
        map.set(param.name, {
          ...origin,
          steps: [...origin.steps, `${callee.qualifiedName}(${param.name})`]
        })
        changed = true
      })
    }
    settled = !changed
  }
  // Rounds ran out with taint still spreading: the bindings read the last round's too.
  if (!settled && prepared.length > 0) buildFlow(taint, prepared)
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

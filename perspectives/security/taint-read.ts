// Reading taint where a value is used: the origin of an argument's code from source expressions, tainted
// parameters and locals (their state where they are read), and the calls that carry taint to their result.
import type {
  CallSite,
  FunctionDecl,
  LocalBinding,
  Location,
  ModuleModel
} from '../../src/model/types.js'
import { codeOnly, withoutCodeQuoting } from './text.js'
import { withoutModuleNeutralCalls } from './escaping-helpers.js'
import { directSource, type Origin } from './taint-entries.js'
import { valueNames } from './conditional-value.js'

/**
 * A local's taint from where a binding of it ends: an origin, or null once bound to an untainted value. A
 * binding in a branch (LocalBinding.branch) may not have run: its null clears the taint only for reads in
 * that branch.
 */
export interface BoundState {
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
export interface ReadText {
  direct?: Origin
  names: string[]
}

/** Where a call inside the module goes: a function of the module called by name (or through this/self). */
export function localCallee(taint: ModuleTaint, call: CallSite): FunctionDecl | undefined {
  const receiver = call.receiver
  if (receiver && receiver !== 'this' && receiver !== 'self') return undefined
  const candidates = taint.module.functions.filter(
    (f) => f.name === call.name && (receiver ? !!f.className : !f.className)
  )
  if (candidates.length === 1) return candidates[0]
  // `module.exports.fromUrl = function (url) { … fromUrl(url) }` beside `function fromUrl (url)`: the
  // exported expression has no name of its own to call, so the bare name is the module's declaration.
  const caller = candidates.find((f) => f.qualifiedName === call.enclosing)
  const others = candidates.filter((f) => f !== caller && !f.exported)
  if (!receiver && caller?.exported && candidates.length === 2 && others.length === 1)
    return others[0]
  if (receiver !== 'this' || candidates.length > 1) return undefined
  // `this.parse(str)` calls a method assigned to a prototype (`Cookie.prototype.parse = function parse`),
  // which the model gives no class: the one top-level function of that name in the module is it.
  const assigned = taint.module.functions.filter(
    (f) => f.name === call.name && !f.qualifiedName.includes('.')
  )
  return assigned.length === 1 ? assigned[0] : undefined
}

/** A comparable number for a place in the file: bindings hold from their end, calls read at their start. */
export function position(line: number, column: number): number {
  return line * 16_777_216 + Math.min(column, 16_777_215)
}

/**
 * A local's state where it is read: the last binding ending before `at`, passing over untainted ones in a
 * branch the read is not in (they may not have run); undefined when no binding decides.
 */
export function stateAt(states: BoundState[] | undefined, at: number): Origin | null | undefined {
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

export type NameState = (name: string) => Origin | null | undefined

/**
 * What the names an argument mentions carry, first match wins: a bound local (its state where it is read), a
 * tainted parameter (unless a binding before rebound it), a local bound to a carrier call (only names the model
 * has no binding for). `bound` gives a local's state; `hasBindings` says which names bindings decide.
 */
export function namedOrigin(
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
    read = {
      names: valueNames(code, taint.module.language === 'python'),
      ...(found ? { direct: found } : {})
    }
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
  /^(join|resolve|normalize|normpath|abspath|expanduser|format|sprintf|replace|replaceAll|trim|trimStart|trimEnd|strip|lstrip|rstrip|lower|upper|toLowerCase|toUpperCase|toString|String|str|decode|b64decode|urlsafe_b64decode|unquote|unquote_plus|decodeURIComponent|decodeURI|concat|slice|substring|substr|split|filter|get|getlist|getAll|URL|urljoin|urlparse|Path|PurePath|loads|parse|from|encode)$/

const LOOKUP_CALL = /^(get|getlist|getAll)$/

/**
 * The origin of a carrier call's result (CARRIER_CALL) bound to `name`, when its receiver or arguments carry
 * taint. Calls that make any input safe (`Number(x)`, `hash(x)`...) carry nothing, and neither does the
 * environment (a config bag such as `{ env: process.env }` is not a command).
 */
export function carrierOrigin(
  taint: ModuleTaint,
  call: CallSite,
  name: string
): Origin | undefined {
  if (!CARRIER_CALL.test(call.name)) return undefined
  // A lookup returns what the store holds, not the key: `request.args.get('q')` carries the request,
  // `self._redis.get(prefix.format(token))` carries nothing from `token` (wsgidav's lock storage).
  if (LOOKUP_CALL.test(call.name)) {
    const stored = call.receiver
      ? originOf(
          taint,
          call.enclosing,
          withoutModuleNeutralCalls(taint.module, call.receiver),
          call.loc
        )
      : undefined
    if (!stored || stored.kind === 'env') return undefined
    return { ...stored, steps: [...stored.steps, `${name} = ${call.name}(…)`], built: true }
  }
  const joined = JOIN_CALL.test(call.name) && call.args.length > 1
  const tail = joined
    ? originOf(
        taint,
        call.enclosing,
        withoutModuleNeutralCalls(
          taint.module,
          [call.receiver ?? '', ...call.args.slice(1)].join(', ')
        ),
        call.loc
      )
    : undefined
  const origin =
    tail ??
    originOf(
      taint,
      call.enclosing,
      withoutModuleNeutralCalls(taint.module, `${call.callee}(${call.args.join(', ')})`),
      call.loc
    )
  if (!origin || origin.kind === 'env') return undefined
  const rootOnly = (joined && !tail) || !!origin.rootOnly
  const text = `${call.callee}(${call.args.join(', ')})`
  const quoted =
    !!origin.quoted ||
    (!tail && !originOf(taint, call.enclosing, withoutCodeQuoting(text), call.loc))
  return {
    ...origin,
    steps: [...origin.steps, `${name} = ${call.name}(…)`],
    built: true,
    ...(rootOnly ? { rootOnly } : {}),
    ...(quoted ? { quoted } : {})
  }
}

/** Locals bound to a carrier call on tainted values, once per round (a local can come from another local). */
export function propagateLocals(taint: ModuleTaint): boolean {
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

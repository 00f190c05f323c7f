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
// This module: the locals' flow and the rounds; taint-entries.ts where taint starts, taint-read.ts how it
// is read where a value is used.
import type { CallSite, FunctionDecl, LocalBinding, ModuleModel } from '../../src/model/types.js'
import { buildKind, codeOnly, withoutCodeQuoting } from './text.js'
import { withoutModuleNeutralCalls } from './escaping-helpers.js'
import { within } from '../kit/index.js'
import { valueNames } from './conditional-value.js'
import {
  directSource,
  entryParams,
  isPython,
  NOT_INPUT,
  SAFE_TYPE,
  type Origin,
  usedNames
} from './taint-entries.js'
import {
  type BoundState,
  carrierOrigin,
  localCallee,
  type ModuleTaint,
  namedOrigin,
  type NameState,
  originOf,
  position,
  propagateLocals,
  stateAt
} from './taint-read.js'

export { inputText, type Origin, type OriginKind, pathText } from './taint-entries.js'
export { localCallee, type ModuleTaint, originOf, valueAt } from './taint-read.js'

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
  /** The names its value mentions once code quoting is taken out (withoutCodeQuoting): computed on first use. */
  unquoted?: string[]
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
    const text = withoutModuleNeutralCalls(
      module,
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
      names: valueNames(code, module.language === 'python'),
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
  // Code built from the input only as quoted literals (`JSON.stringify(x)`, `text.replace(re, escapeChar)`)
  // carries it inert: the value is marked quoted unless some other name in it brings live input.
  const live = direct ? found : liveOrigin(taint, prepared, bound)
  const { origin, via } = live ?? found
  const quoted = live ? !!live.origin.quoted : true
  prepared.builds ??= buildKind(binding.value) !== undefined
  // `x += y` joins y onto what x held (a string or a list of arguments): the value is built.
  const built = !!origin.built || prepared.builds || binding.operator === '+='
  const steps = (prepared.steps ??= new Map())
  let step = steps.get(via)
  if (step === undefined) steps.set(via, (step = stepText(binding, via)))
  const rest: Origin = { ...origin }
  delete rest.quoted
  return {
    ...rest,
    steps: [...origin.steps, step],
    viaLocal: true,
    ...(built ? { built } : {}),
    ...(quoted ? { quoted } : {})
  }
}

/** The first name of the binding's value that carries unquoted input once code quoting is taken out. */
function liveOrigin(
  taint: ModuleTaint,
  prepared: PreparedBinding,
  bound: NameState
): { origin: Origin; via: string } | undefined {
  prepared.unquoted ??= valueNames(
    codeOnly(withoutCodeQuoting(prepared.binding.value)),
    taint.module.language === 'python'
  )
  const unquoted: NameState = (name) => {
    const state = bound(name)
    return state?.quoted ? null : state
  }
  const found = namedOrigin(
    taint,
    prepared.scope,
    prepared.unquoted,
    unquoted,
    taint.bindings.get(prepared.scope)
  )
  return found && !found.origin.quoted && found.origin.kind !== 'env' ? found : undefined
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

const MAX_ROUNDS = 6

const JS_APPEND = new Set(['push', 'unshift'])
const PY_APPEND = new Set(['append', 'extend', 'insert'])

/**
 * `args.push(x)` / `args.append(x)` on a plain local adds x's taint to the list, like `args += x`: a command
 * assembled in an array and joined for a shell (`exec(args.join(' '))`) carries what was pushed into it.
 */
function appendedTo(module: ModuleModel): LocalBinding[] {
  const names = isPython(module) ? PY_APPEND : JS_APPEND
  const out: LocalBinding[] = []
  for (const c of module.calls) {
    if (!names.has(c.name) || !c.receiver || !/^[A-Za-z_$][\w$]*$/.test(c.receiver)) continue
    if (c.args.length === 0) continue
    out.push({
      name: c.receiver,
      operator: '+=',
      value: c.args.join(', '),
      ...(c.enclosing ? { enclosing: c.enclosing } : {}),
      loc: c.loc
    })
  }
  return out
}

/** `internalExports`: exported functions whose parameters are not entries (internal-exports.ts). */
export function analyseTaint(
  module: ModuleModel,
  internalExports: ReadonlySet<string> = new Set()
): ModuleTaint {
  const byName = new Map(module.functions.map((f) => [f.qualifiedName, f]))
  const params = new Map<string, Map<string, Origin>>()
  const used = usedNames(module)
  for (const fn of module.functions) {
    if (internalExports.has(fn.qualifiedName)) continue
    const entries = entryParams(module, fn, used)
    if (entries.size > 0) params.set(fn.qualifiedName, entries)
  }
  const ordered = [...(module.bindings ?? []), ...appendedTo(module)].sort(
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

// The failure modes of a module, read from the model: explicit throw/raise sites (with their error type
// and guard), calls that can throw or reject (catalogue.ts) and optional parameters dereferenced with no
// condition on them. Each mode records where it is, what fails, and how the error ends (handled.ts).
import type {
  CallerRef,
  CallSite,
  FunctionDecl,
  Location,
  ModuleModel,
  Parameter,
  ThrowSite
} from '../../src/model/types.js'
import { caughtByEveryCaller, guardOn, validatedParameter } from '../shared/guards.js'
import { stringLiteralValue } from '../shared/literals.js'
import { splitTopLevel } from '../shared/values.js'
import { type CallKind, importSources, throwingCall, type ThrowingCall } from './catalogue.js'
import type { CallerView } from './caller-view.js'
import { groupVerdict } from './group-args.js'
import { type Handling, handling, tryIndex, type TryIndex } from './handled.js'
import { numericMethodArgument, ownSerializedText, selfMade } from '../shared/self-made.js'
import {
  converterFunction,
  digitChecked,
  matchGroupArgument,
  truthyAt,
  serializerDecoder,
  raisesSameError
} from './checked-text.js'

export type ModeKind = 'throw' | 'call' | 'optional'

export interface FailureMode {
  kind: ModeKind
  module: ModuleModel
  /** The enclosing function; undefined for code that runs when the module loads. */
  fn?: FunctionDecl
  loc: Location
  errorType?: string
  /** The error message when it is a literal. */
  message?: string
  guard?: string
  /** Throws: the thrown expression. Calls: the call as written (callee and arguments, shortened). */
  text: string
  call?: { site: CallSite; entry: ThrowingCall }
  callKind?: CallKind
  /** Optional parameter modes: the parameter, and the call that dereferences it. */
  param?: Parameter
  use?: CallSite
  /** Module-level code inside a function passed as an argument (`items.forEach(function () {...})`): runs later, not at load. */
  inCallback?: boolean
  /** A throw inside a catch handler: what failing in the try leads here (`new URL(text) fails`). */
  catchOf?: string
  /** ...and the catalogued call in that try, when there is one (its failing value triggers the throw). */
  catchCall?: { site: CallSite; entry: ThrowingCall }
  /** Parameters of the enclosing function that reach the arguments or the guard. */
  inputs: string[]
  handling: Handling
  /** A throw that is its function's whole body: raising is the function's contract (no finding). */
  contract?: boolean
  /** A throw that rejects a bad argument (this parameter): a contract with a spec, not a finding. */
  validates?: string
  /** Every call of the function from the repository sits in a try that deals with this error. */
  callersCatch?: CallerRef[]
  /** Calls: the function's callers in the repository, split by whether they deal with the error. */
  callers?: CallerView
  /**
   * Calls: a parse or conversion of the public function's own argument. A bad argument raising to the
   * caller that passed it is the function's contract, not an error escaping by accident.
   */
  argumentContract?: boolean
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g

export function identifiers(text: string): Set<string> {
  return new Set(text.match(IDENTIFIER) ?? [])
}

/** Parameters a test or caller can pass (not `self`/`cls`). */
export function callerParams(
  fn: FunctionDecl | undefined,
  language: ModuleModel['language']
): Parameter[] {
  if (!fn) return []
  return fn.params.filter(
    (p) => !(language === 'python' && (p.name === 'self' || p.name === 'cls'))
  )
}

function inputsOf(fn: FunctionDecl | undefined, module: ModuleModel, texts: string[]): string[] {
  const names = callerParams(fn, module.language).map((p) => p.name)
  if (names.length === 0) return []
  const found = new Set<string>()
  for (const t of texts) for (const id of identifiers(t)) if (names.includes(id)) found.add(id)
  return names.filter((n) => found.has(n))
}

/** `int(len(x))`, `float(a / b)`, `int(self.pct * 100)`: a number in, so no ValueError from text. */
function numericArgument(arg: string): boolean {
  return /[*/%]|\s[+-]\s|^(len|round|abs|sum|min|max|ord|time\.time|math\.\w+)\(/.test(arg.trim())
}

/** A function written inline as an argument: `function (x) {`, `async (a, b) =>`, `x =>`. */
function isFunctionArgument(arg: string): boolean {
  return (
    /^(async\s+)?function\b/.test(arg.trim()) ||
    /^(async\s*)?(\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/.test(arg.trim())
  )
}

function contains(outer: Location, inner: Location): boolean {
  const startsBefore =
    outer.startLine < inner.startLine ||
    (outer.startLine === inner.startLine && outer.startColumn <= inner.startColumn)
  const endsAfter =
    outer.endLine > inner.endLine ||
    (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn)
  return startsBefore && endsAfter
}

/** A literal argument (string, number, boolean, null) cannot make the call fail by itself being wrong. */
function isLiteral(arg: string): boolean {
  const t = arg.trim()
  return (
    stringLiteralValue(t) !== undefined ||
    /^-?\d+(\.\d+)?$/.test(t) ||
    ['true', 'false', 'null', 'None', 'True', 'False'].includes(t)
  )
}

export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export function modesOf(module: ModuleModel): FailureMode[] {
  const functions = new Map(module.functions.map((f) => [f.qualifiedName, f]))
  const tries = tryIndex(module)
  const sources = importSources(module)
  const modes: FailureMode[] = []
  for (const site of module.throws) {
    if (site.rethrow) continue
    const mode = throwMode(module, site, functions.get(site.enclosing ?? ''), tries)
    const origin = catchOrigin(module, site, sources)
    if (origin && (site.guard === undefined || origin.tryLine > guardLine(module, site))) {
      mode.catchOf = origin.text
      if (origin.call) mode.catchCall = origin.call
      delete mode.guard
      mode.inputs = inputsOf(mode.fn, module, [site.text])
    }
    if (!mode.catchOf && raisesOnly(module, site, mode.fn)) mode.contract = true
    const validates = mode.catchOf
      ? undefined
      : validatedParameter(site.context, mode.fn, module.language)
    if (validates !== undefined) {
      mode.contract = true
      mode.validates = validates
    }
    if (mode.handling.effect === 'propagates') {
      const caught = caughtByEveryCaller(
        mode.fn,
        module.language === 'python' ? catchableTypes(mode.errorType, module) : []
      )
      if (caught) mode.callersCatch = caught
    }
    modes.push(mode)
  }
  for (const call of module.calls) {
    const entry = throwingCall(call, module, sources)
    if (!entry) continue
    // A call on literals only (`JSON.parse('{}')`, `int("5")`) either always works or always fails in the author's hands.
    if (call.args.length > 0 && call.args.every(isLiteral)) continue
    // ...and so does one on values the code makes itself (its own file's URL, a number a method returned).
    if (selfMade(module, call)) continue
    // ...and a parse of text the module serialized itself (a store filled only by JSON.stringify).
    if (ownSerializedText(module, call)) continue
    if (entry.kind === 'conversion' && numericMethodArgument(module, call)) continue
    if (
      module.language === 'python' &&
      entry.kind === 'conversion' &&
      numericArgument(call.args[0] ?? '')
    )
      continue
    // ...and a conversion of text a digit check or a regex already shaped (`if s.isdigit():`, `m.group(2)`):
    // a group of a readable pattern counts only when the pattern (or a check) rules out '' and None.
    if (module.language === 'python' && entry.kind === 'conversion') {
      if (digitChecked(call)) continue
      const groups = groupVerdict(module, call, (name) => truthyAt(call, name))
      if (groups === 'safe' || groups === 'unknown') continue
      if (groups === 'none' && matchGroupArgument(module, call)) continue
    }
    const fn = functions.get(call.enclosing ?? '')
    if (entry.kind === 'sync-io' && existenceChecked(module, call)) continue
    const callHandling = handling(tries, call.enclosing, call.loc, entry.caughtBy)
    const caught =
      callHandling.effect === 'propagates'
        ? caughtByEveryCaller(
            fn,
            entry.caughtBy.filter((t) => t !== '*')
          )
        : undefined
    modes.push({
      ...(caught ? { callersCatch: caught } : {}),
      kind: 'call',
      module,
      fn,
      loc: call.loc,
      errorType: entry.errorType,
      text: shorten(`${call.isNew ? 'new ' : ''}${call.callee}(${call.args.join(', ')})`),
      call: { site: call, entry },
      callKind: entry.kind,
      inputs: inputsOf(fn, module, call.args),
      handling: callHandling,
      // A converter, or a function that rejects bad arguments with the same ValueError: raising is its
      // contract; so is a parse wrapper's parse error (`def loads(self, b): return json.loads(b)`).
      ...((module.language === 'python' &&
        entry.kind === 'conversion' &&
        (converterFunction(module, fn, call) || raisesSameError(module, fn))) ||
      (entry.kind === 'parse' && serializerDecoder(module, fn, call))
        ? { contract: true }
        : {})
    })
  }
  modes.push(...optionalModes(module))
  // The model records named functions only: module-level code inside an inline callback is not load-time code.
  const callbacks = module.calls.filter(
    (c) => c.enclosing === undefined && c.args.some(isFunctionArgument)
  )
  for (const mode of modes) {
    if (mode.fn || callbacks.length === 0) continue
    if (callbacks.some((c) => c !== mode.call?.site && contains(c.loc, mode.loc)))
      mode.inCallback = true
  }
  return modes
}

const EXISTENCE = /\b(existsSync|exists|isfile|is_file|isdir|is_dir|accessSync)\s*\(/

/** `existsSync(p) ? readFileSync(p) : null`, `if os.path.exists(path): open(path)`: the common failure is checked first. */
function existenceChecked(module: ModuleModel, call: CallSite): boolean {
  const first = call.args[0]?.trim()
  if (!first) return false
  return module.conditions.some(
    (c) =>
      c.enclosing === call.enclosing &&
      c.loc.startLine <= call.loc.startLine &&
      EXISTENCE.test(c.text) &&
      c.text.includes(first)
  )
}

/** For a throw inside a catch handler: `new URL(text) fails`, from the first catalogued call the try protects. */
/** Line of the condition the model recorded for a throw's guard (same function and text, nearest before it). */
function guardLine(module: ModuleModel, site: ThrowSite): number {
  let line = 0
  for (const c of module.conditions) {
    if (
      c.enclosing === site.enclosing &&
      c.text === site.guard &&
      c.loc.startLine <= site.loc.startLine
    )
      line = Math.max(line, c.loc.startLine)
  }
  return line
}

function catchOrigin(
  module: ModuleModel,
  site: ThrowSite,
  sources: Map<string, string>
): { text: string; tryLine: number; call?: { site: CallSite; entry: ThrowingCall } } | undefined {
  // The innermost try whose handler holds the throw.
  let found: { t: (typeof module.tries)[number]; firstHandlerLine: number } | undefined
  for (const t of module.tries) {
    if (t.enclosing !== site.enclosing || !t.handlers.some((h) => contains(h.loc, site.loc)))
      continue
    if (found && found.t.loc.startLine > t.loc.startLine) continue
    found = { t, firstHandlerLine: Math.min(...t.handlers.map((h) => h.loc.startLine)) }
  }
  if (!found) return undefined
  const { t, firstHandlerLine } = found
  const protectedCall = module.calls.find(
    (c) =>
      c.enclosing === site.enclosing &&
      contains(t.loc, c.loc) &&
      c.loc.startLine < firstHandlerLine &&
      throwingCall(c, module, sources)
  )
  const text = protectedCall
    ? `${shorten(`${protectedCall.isNew ? 'new ' : ''}${protectedCall.callee}(${protectedCall.args.join(', ')})`, 60)} fails`
    : `the try at line ${t.loc.startLine} fails`
  const entry = protectedCall ? throwingCall(protectedCall, module, sources) : undefined
  return {
    text,
    tryLine: t.loc.startLine,
    ...(protectedCall && entry ? { call: { site: protectedCall, entry } } : {})
  }
}

function throwMode(
  module: ModuleModel,
  site: ThrowSite,
  fn: FunctionDecl | undefined,
  tries: TryIndex
): FailureMode {
  const python = module.language === 'python'
  const type = site.errorType
  const own = type ? module.classes.find((c) => c.name === type) : undefined
  // An own error class is caught by handlers of its bases too.
  const caughtBy = python
    ? [type ?? 'Exception', ...(own?.bases ?? []), 'Exception', 'BaseException'].map(
        (t) => t.split('.').pop() as string
      )
    : ['*']
  return {
    kind: 'throw',
    module,
    fn,
    loc: site.loc,
    ...(type ? { errorType: type } : {}),
    ...(site.message !== undefined ? { message: site.message } : {}),
    ...(site.guard !== undefined ? { guard: site.guard } : {}),
    text: shorten(site.text),
    inputs: inputsOf(fn, module, [site.guard ?? '', site.text]),
    handling: handling(tries, site.enclosing, site.loc, caughtBy)
  }
}

/**
 * A function whose body is one unguarded throw and nothing else (`def fail(self, message): raise
 * UsageError(message, self)`, a getter that throws "deprecated"): raising is what it is for, so the
 * throw is its contract, not a way it fails.
 */
function raisesOnly(module: ModuleModel, site: ThrowSite, fn: FunctionDecl | undefined): boolean {
  if (!fn || site.guard !== undefined) return false
  const inside = (loc: Location) =>
    loc.startLine >= site.loc.startLine && loc.endLine <= site.loc.endLine
  return (
    module.throws.filter((t) => t.enclosing === fn.qualifiedName).length === 1 &&
    !module.conditions.some((c) => c.enclosing === fn.qualifiedName) &&
    !module.loops.some((l) => l.enclosing === fn.qualifiedName) &&
    module.calls.every((c) => c.enclosing !== fn.qualifiedName || inside(c.loc))
  )
}

/** The Python handler names that catch an error of this type: itself, its own bases, Exception. */
function catchableTypes(errorType: string | undefined, module: ModuleModel): string[] {
  if (!errorType) return []
  const own = module.classes.find((c) => c.name === errorType)
  return [errorType, ...(own?.bases ?? [])].map((t) => t.split('.').pop() as string)
}

/** Declared so that a caller may leave it out or pass null/None, and with no default that fills it. */
export function isOptionalParam(p: Parameter, language: ModuleModel['language']): boolean {
  if (p.rest) return false
  const type = p.type?.trim() ?? ''
  if (language === 'python') {
    if (p.defaultValue !== undefined) return p.defaultValue.trim() === 'None'
    return /^(typing\.)?Optional\[/.test(type) || splitTopLevel(type, '|').includes('None')
  }
  if (p.defaultValue !== undefined) return ['undefined', 'null'].includes(p.defaultValue.trim())
  if (p.optional) return true
  const members = splitTopLevel(type, '|')
  return members.length > 1 && (members.includes('undefined') || members.includes('null'))
}

/** A receiver that reads the parameter without optional chaining: `p`, `p.items`, `p[0]`. */
function dereferences(receiver: string | undefined, name: string): boolean {
  if (!receiver) return false
  if (receiver === name) return true
  return receiver.startsWith(`${name}.`) || receiver.startsWith(`${name}[`)
}

function optionalModes(module: ModuleModel): FailureMode[] {
  const modes: FailureMode[] = []
  if (module.functions.length === 0) return modes
  const callsByFn = new Map<string, CallSite[]>()
  for (const c of module.calls) {
    if (!c.enclosing) continue
    const list = callsByFn.get(c.enclosing) ?? []
    list.push(c)
    callsByFn.set(c.enclosing, list)
  }
  const conditionsByFn = new Map<string, string[]>()
  for (const c of module.conditions) {
    if (!c.enclosing) continue
    const list = conditionsByFn.get(c.enclosing) ?? []
    list.push(c.text)
    conditionsByFn.set(c.enclosing, list)
  }
  const within = <T>(map: Map<string, T[]>, fn: FunctionDecl): T[] => {
    const out: T[] = [...(map.get(fn.qualifiedName) ?? [])]
    const prefix = `${fn.qualifiedName}.`
    for (const [key, list] of map) if (key.startsWith(prefix)) out.push(...list)
    return out
  }
  for (const fn of module.functions) {
    const optional = callerParams(fn, module.language).filter((p) =>
      isOptionalParam(p, module.language)
    )
    if (optional.length === 0) continue
    const calls = within(callsByFn, fn)
    const conditions = within(conditionsByFn, fn)
    for (const p of optional) {
      const use = calls
        .filter((c) => dereferences(c.receiver, p.name) && !c.callee.startsWith(`${p.name}?.`))
        .sort(
          (a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn
        )[0]
      if (!use) continue
      // A guard the model saw before the use: `p && p.f()`, `if (!p) return`, `p ||= {}`, `p?.f()`, `if p is None: p = {}`.
      if (guardOn(use.context, p.name)) continue
      // A closure reads what its enclosing function defaulted first (buku's `old = old or {}` before
      // `def title(row): old.get(...)`): the default guards every later site of that function.
      if (
        use.enclosing !== fn.qualifiedName &&
        calls.some(
          (c) =>
            c.enclosing === fn.qualifiedName &&
            c.context?.guards.some((g) => g.kind === 'default' && identifiers(g.text).has(p.name))
        )
      )
        continue
      // Any condition naming it (`if (p)`, `p ?? x` in a ternary, `if p is None`) counts as a check.
      if (conditions.some((text) => identifiers(text).has(p.name))) continue
      // Passed whole to a call before the use, it is often normalised there (`env = self.make_env(env)`):
      // assignments are not in the model, so leave it out rather than guess.
      if (
        calls.some(
          (c) =>
            c !== use &&
            c.loc.startLine <= use.loc.startLine &&
            c.args.some((a) => a.trim() === p.name)
        )
      )
        continue
      modes.push({
        kind: 'optional',
        module,
        fn,
        loc: use.loc,
        errorType: module.language === 'python' ? 'AttributeError' : 'TypeError',
        text: shorten(`${use.callee}(${use.args.join(', ')})`),
        param: p,
        use,
        inputs: [p.name],
        handling: { effect: 'propagates' }
      })
    }
  }
  return modes
}

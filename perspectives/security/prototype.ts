// Prototype pollution. The model keeps no assignments, so the computed-key write is approximated: a
// function that calls itself for nested values while iterating an object's keys (a recursive merge /
// deep copy / extend), one that walks down an object by the keys it is given (`o = o[key]` in a loop:
// path setters with `a.b.c` strings or key arrays, unflatten, argv and ini parsers), or a set-by-path
// function that splits a path and walks it, without a complete guard (both `__proto__` and
// `constructor`/`prototype`, a prototype-free target, or a key-checking helper). The write itself is
// looked for on the function's lines: `param[key] =` for a merge (a fresh local object being filled
// cannot pollute), `walker[key] =` for a walk, `param[key] =` for set-by-path.
import type { CallSite, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import { arrayKeyPassesGuard, strictCheckLine } from './prototype-key-type.js'
import { codeOnly } from './text.js'

/** A complete guard names `__proto__` and `constructor`/`prototype`, or makes the target prototype-free. */
const PROTO = /__proto__/
/** Named as a key (`'constructor'`, `"prototype"`), not read as a property (`o[key] === Object.prototype`). */
const CONSTRUCTOR = /['"`](constructor|prototype)['"`]/
const PROTOTYPE_FREE =
  /Object\.create\(\s*null\s*\)|isPrototypePolluted|setPrototypeOf\(\s*\w+\s*,\s*null\s*\)/
/** Helpers that by their name reject dangerous keys (`isValidKey`, `isUnsafeKey`, `isConstructorOrProto`...). */
const GUARD_HELPER =
  /^(is(Un)?(Safe|Valid)(Key|Prop|Property|Path)|isConstructorOrProto|isProto\w*|isForbidden\w*|isDangerous\w*|isPrototype\w*|validateKey|assertSafe\w*)$/
const SET_BY_PATH =
  /^(set|put|assign|deepSet|setPath|setIn|setValue|setProperty|dset|unflatten|expand)/i

/**
 * A walk that descends only into own properties or object-typed values never reaches
 * `constructor.prototype`: `constructor` is an inherited function, so it is replaced by a fresh object
 * (`if (typeof o[k] !== 'object') o[k] = {}`, `if (!hasOwn(o, k)) o[k] = {}`) instead of being walked into.
 */
const OWN_CHECK = /\bhasOwn(Property|Prop)?\b/
const OBJECT_TYPE_CHECK = /typeof\b[^]*['"`]object['"`]|\[object Object\]/

interface GuardText {
  proto: boolean
  constructorToo: boolean
  prototypeFree: boolean
}

function textsOf(module: ModuleModel, fn: FunctionDecl): string[] {
  const name = fn.qualifiedName
  return [
    ...module.strings.filter((s) => s.enclosing === name).map((s) => `'${s.value}'`),
    ...module.conditions.filter((c) => c.enclosing === name).map((c) => c.text),
    ...module.calls
      .filter((c) => c.enclosing === name)
      .flatMap((c) => [`${c.callee}(${c.args.join(', ')})`])
  ]
}

function guardText(texts: string[]): GuardText {
  return {
    proto: texts.some((t) => PROTO.test(t)),
    constructorToo: texts.some((t) => CONSTRUCTOR.test(t.replace(/['"]?__proto__['"]?/g, ''))),
    prototypeFree: texts.some((t) => PROTOTYPE_FREE.test(t))
  }
}

/**
 * Guarded: the function itself names both `__proto__` and `constructor`/`prototype` (a check on
 * `__proto__` alone lets `{"constructor": {"prototype": …}}` through, the incomplete fix of several
 * advisories), fills a prototype-free object, or calls a helper of the module that does, or one whose name
 * says it rejects such keys.
 */
function guarded(module: ModuleModel, fn: FunctionDecl, guards: Set<string>): boolean {
  const texts = textsOf(module, fn)
  const own = guardText(texts)
  if (own.prototypeFree || (own.proto && own.constructorToo)) return true
  // A guard called, or passed as a callback (`keys.filter(isValidKey)`), or a module-level list of the
  // forbidden keys read (`ignoreProperties.indexOf(part)`).
  const word = /[A-Za-z_$][\w$]*/g
  return texts.some((t) => (t.match(word) ?? []).some((w) => guards.has(w) || GUARD_HELPER.test(w)))
}

/**
 * The module's functions that reject `__proto__` and `constructor`/`prototype` keys (`isValidKey`), and,
 * transitively, the helpers that read one of them without writing through a computed key themselves:
 * `const isValidPath = segments => !segments.some(s => disallowedKeys.includes(s))` read by
 * `getPathSegments`, which the setter calls (dot-prop 5.1.1), or `parts.filter(blacklistFilter)` in
 * `parsePath` (dot-object 2.1.3).
 */
function guardFunctions(context: CheckContext, module: ModuleModel): Set<string> {
  const out = new Set<string>()
  for (const b of module.bindings ?? []) {
    if (b.enclosing) continue
    const g = guardText([b.value])
    if (g.proto && g.constructorToo) out.add(b.name)
  }
  for (const fn of module.functions) {
    const g = guardText(textsOf(module, fn))
    if (g.prototypeFree || (g.proto && g.constructorToo)) out.add(fn.name)
  }
  const word = /[A-Za-z_$][\w$]*/g
  const reads = (text: string): boolean => (text.match(word) ?? []).some((w) => out.has(w))
  const lines = context.quoter.lines(module.path)
  const anyWrite = /(?<![\w$.])[A-Za-z_$][\w$]*\[[^\]]+\]\s*=(?!=)/
  // A function checks with a guard when a condition of its own reads one, or it passes one as a callback
  // (`parts.filter(allowed)`): merely calling a guarded setter beside an unguarded one is not checking.
  const checksWith = (fn: FunctionDecl): boolean =>
    module.conditions.some((c) => c.enclosing === fn.qualifiedName && reads(c.text)) ||
    module.calls.some(
      (c) => c.enclosing === fn.qualifiedName && c.args.some((a) => out.has(a.trim()))
    )
  // A module-level list of the keys (`const forbidden = ['__proto__', …]`) read anywhere is a check.
  const lists = new Set([...out].filter((n) => !module.functions.some((f) => f.name === n)))
  const readsList = (text: string): boolean => (text.match(word) ?? []).some((w) => lists.has(w))
  for (let round = 0; round < 3; round++) {
    const before = out.size
    for (const b of module.bindings ?? [])
      if (!b.enclosing && !out.has(b.name) && /\bfunction\b|=>/.test(b.value) && reads(b.value))
        out.add(b.name)
    for (const fn of module.functions) {
      if (out.has(fn.name) || !(checksWith(fn) || textsOf(module, fn).some(readsList))) continue
      if (ownLines(module, fn, lines.length).some((n) => anyWrite.test(lines[n - 1]))) continue
      out.add(fn.name)
    }
    if (out.size === before) break
  }
  return out
}

/**
 * A walk whose descent checks that the key is the walked object's own (`hasOwnProperty.call(target, key)`
 * before `target = target[key]`): `__proto__` and `constructor` are inherited, so they are replaced by a
 * fresh object instead of walked into (nconf 0.11.4).
 */
function walksOwnOnly(module: ModuleModel, fn: FunctionDecl, walker: string): boolean {
  const own = new RegExp(`^\\s*${escaped(walker)}\\s*$`)
  return module.calls.some(
    (c) =>
      c.enclosing === fn.qualifiedName &&
      OWN_CHECK.test(c.callee) &&
      (c.args.some((a) => own.test(a)) || own.test(c.receiver ?? '')) &&
      !ownCheckConditional(module, fn, c)
  )
}

/**
 * The own-property check decides the descent only when no other condition can skip it: in
 * `if (options.create && !hasOwn(obj, key)) obj[key] = {}` the walk goes on into an inherited `__proto__`
 * whenever `options.create` is false, so the check guards one branch of the walk, not the walk.
 */
function ownCheckConditional(module: ModuleModel, fn: FunctionDecl, call: CallSite): boolean {
  const holding = module.conditions.filter(
    (c) =>
      c.enclosing === fn.qualifiedName &&
      c.loc.startLine <= call.loc.startLine &&
      c.loc.endLine >= call.loc.startLine &&
      OWN_CHECK.test(c.text)
  )
  return holding.length > 0 && holding.every((c) => ownCheckConjoined(c.text))
}

/** Splits `text` at `separator` where it stands outside brackets and literals. */
function topLevel(text: string, separator: '||' | '&&'): string[] {
  const code = codeOnly(text)
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < code.length; i++) {
    const c = code[i]
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (depth === 0 && code.startsWith(separator, i)) {
      out.push(text.slice(start, i))
      start = i + separator.length
      i++
    }
  }
  out.push(text.slice(start))
  return out
}

/** A comparison with a length or a last index: where the walk is, not whether to check. */
const POSITION_TEST = /^[^&|]*(?:[<>]=?|[!=]==?)[^&|]*\b(?:length|\w*Length|last\w*|end)\b[^&|]*$/

/** `(x)` and `!(x)` read as `x`. */
function unwrapped(text: string): string {
  let t = text.trim()
  for (;;) {
    const n = t.replace(/^!\s*/, '')
    if (!n.startsWith('(') || !closesAtEnd(n)) return n
    t = n.slice(1, -1).trim()
  }
}

/** The bracket that opens the text closes at its end (`(a || b)`, not `(a) && (b)`). */
function closesAtEnd(text: string): boolean {
  const code = codeOnly(text)
  let depth = 0
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '(') depth++
    else if (code[i] === ')' && --depth === 0) return i === code.trimEnd().length - 1
  }
  return false
}

/**
 * The own-property check is one operand of an `&&` (`create && !hasOwn(o, k)`), so another operand can
 * skip it; one alternative of a top-level `||` (`!hasOwn(o, k) || o[k] === undefined || (… && force)`)
 * decides on its own.
 */
function ownCheckConjoined(text: string): boolean {
  const own = topLevel(unwrapped(text), '||').filter((a) => OWN_CHECK.test(a))
  if (own.length === 0) return false
  return own.every((a) => {
    const inner = unwrapped(a)
    const parts = topLevel(inner, '&&')
    // Another operand that can skip the check; a test of the walk's position (`i < keys.length - 1`,
    // `index != last`) only tells the final write from the descent, which the check still decides.
    if (parts.length > 1) return parts.some((p) => !OWN_CHECK.test(p) && !POSITION_TEST.test(p))
    return topLevel(inner, '||').length > 1 && ownCheckConjoined(inner)
  })
}

/** The function checks what it descends into: own properties only, or object-typed values only. */
function walksOwnObjectsOnly(module: ModuleModel, fn: FunctionDecl): boolean {
  const name = fn.qualifiedName
  return (
    module.calls.some(
      (c) => c.enclosing === name && OWN_CHECK.test(c.callee) && !ownCheckConditional(module, fn, c)
    ) ||
    module.conditions.some((c) => c.enclosing === name && OBJECT_TYPE_CHECK.test(c.text)) ||
    module.strings.some((s) => s.enclosing === name && s.value === '[object Object]')
  )
}

/**
 * The names a function is called by inside its module: its own, and the name a declaration on its first
 * line binds it to (`var deepExtend = module.exports = function (...)`, `const assign = module.exports =
 * (target, ...args) =>`, which the model names `default`).
 */
function namesOf(module: ModuleModel, fn: FunctionDecl): Set<string> {
  const out = new Set([fn.name])
  for (const b of module.bindings ?? [])
    if (
      b.enclosing === undefined &&
      b.operator === '=' &&
      b.loc.startLine === fn.loc.startLine &&
      /\bfunction\b|=>/.test(b.value)
    )
      out.add(b.name)
  return out
}

const ARGUMENTS = /(?<![\w$.])arguments(?![\w$])/

/**
 * Locals that hold the function's arguments when it declares none (`var target = arguments[0]`,
 * `var args = [].slice.call(arguments); var result = args[0]`): extend-style merges take their target and
 * sources this way, and they are the caller's objects like declared parameters.
 */
function argumentLocals(module: ModuleModel, fn: FunctionDecl): string[] {
  const out: string[] = []
  for (const b of module.bindings ?? []) {
    if (b.enclosing !== fn.qualifiedName || b.operator !== '=') continue
    const value = b.value.trim()
    if (
      ARGUMENTS.test(value) ||
      out.some((n) => new RegExp(`^${n.replace(/\$/g, '\\$')}\\s*\\[`).test(value))
    )
      if (!out.includes(b.name)) out.push(b.name)
  }
  return out
}

/** The module's functions that name `__proto__` (a complete guard or not): calling one checks that key. */
function protoCheckers(module: ModuleModel): Set<string> {
  const out = new Set<string>()
  for (const fn of module.functions) if (guardText(textsOf(module, fn)).proto) out.add(fn.name)
  return out
}

function escaped(name: string): string {
  return name.replace(/\$/g, '\\$')
}

/**
 * A recursive merge descends only into the target's values that are objects (`typeof src === 'object'`,
 * `isPlainObject(src)` with `src = target[key]`): the inherited `constructor` is a function, so it is
 * overwritten, not walked into, and a `__proto__` check is then complete (extend 3.0.2, deep-extend 0.5.1,
 * jQuery 3.4.0). A check on the source's value (`typeof source[key] === 'object'`) is not this.
 */
function mergesIntoObjectsOnly(module: ModuleModel, fn: FunctionDecl, targets: string[]): boolean {
  const name = fn.qualifiedName
  const values = new Set<string>()
  for (const b of module.bindings ?? []) {
    if (b.enclosing !== name || b.operator !== '=') continue
    const value = b.value.trim()
    if (
      targets.some((t) =>
        new RegExp(`^(${escaped(t)}\\s*\\[|[\\w$.]+\\(\\s*${escaped(t)}\\s*,)`).test(value)
      )
    )
      values.add(b.name)
  }
  const subjects = [
    ...[...values].map(escaped),
    ...targets.map((t) => `${escaped(t)}\\s*\\[[^\\]]+\\]`)
  ]
  if (subjects.length === 0) return false
  const subject = `(?:${subjects.join('|')})`
  const typed = new RegExp(`typeof\\s*\\(?\\s*${subject}\\s*\\)?\\s*[!=]==?\\s*['"\`]object['"\`]`)
  const plain = new RegExp(`^\\s*${subject}\\s*$`)
  return (
    module.conditions.some((c) => c.enclosing === name && typed.test(c.text)) ||
    module.calls.some(
      (c) => c.enclosing === name && c.name === 'isPlainObject' && plain.test(c.args[0] ?? '')
    )
  )
}

/**
 * The lines of the function that belong to no function nested in it: a walk inside a nested `setKey` is
 * setKey's, not its parent's (minimist's exported function was reported beside its own setKey).
 */
function ownLines(module: ModuleModel, fn: FunctionDecl, count: number): number[] {
  const nested = module.functions.filter(
    (f) =>
      f !== fn &&
      f.loc.startLine >= fn.loc.startLine &&
      f.loc.endLine <= fn.loc.endLine &&
      (f.loc.startLine > fn.loc.startLine || f.loc.endLine < fn.loc.endLine)
  )
  const out: number[] = []
  for (let n = fn.loc.startLine; n <= Math.min(fn.loc.endLine, count); n++)
    if (!nested.some((f) => n >= f.loc.startLine && n <= f.loc.endLine)) out.push(n)
  return out
}

/** An iteration written as a callback (`keys.slice(0, -1).forEach(function (key) {...})`) is a loop too. */
const ITERATING_CALL = /^(forEach|reduce|some|every)$/

function loopIn(module: ModuleModel, fn: FunctionDecl): string | undefined {
  const loop = module.loops.find((l) => l.enclosing === fn.qualifiedName)
  if (loop) return loop.header
  const call = module.calls.find(
    (c) =>
      c.enclosing === fn.qualifiedName &&
      ITERATING_CALL.test(c.name) &&
      c.args.some((a) => /^\s*(function\b|\(?[\w$,\s]*\)?\s*=>)/.test(a))
  )
  return call ? `${call.callee}(…)` : undefined
}

/** `obj = obj[key]` (or `o = o[k] || {}`): a loop that walks down an object by keys it is given. */
function descends(
  context: CheckContext,
  module: ModuleModel,
  fn: FunctionDecl
): string | undefined {
  const lines = context.quoter.lines(module.path)
  const walk = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*\1\s*\[[^\]]+\]/
  for (const n of ownLines(module, fn, lines.length)) {
    const found = walk.exec(lines[n - 1])
    if (found) return found[1]
  }
  return undefined
}

/**
 * The walk descends one character at a time (`node = node[c]` with `c = name[i]` over a key string, a trie
 * built per character: liquidjs's operator trie, judged false in session 12): no one-character key is
 * `__proto__`, `constructor` or `prototype`, so the walk never leaves the objects it creates.
 */
function walksByCharacter(
  context: CheckContext,
  module: ModuleModel,
  fn: FunctionDecl,
  walker: string
): boolean {
  const lines = context.quoter.lines(module.path)
  const walk = new RegExp(
    `(?<![\\w$.])${escaped(walker)}\\s*=\\s*${escaped(walker)}\\s*\\[([^\\]]+)\\]`
  )
  const keys = new Set<string>()
  for (const n of ownLines(module, fn, lines.length)) {
    const found = walk.exec(lines[n - 1])
    if (found) keys.add(found[1].trim())
  }
  if (keys.size === 0) return false
  const scope = fn.qualifiedName
  const bound = (name: string): string[] =>
    (module.bindings ?? [])
      .filter((b) => b.enclosing === scope && b.name === name && b.operator === '=')
      .map((b) => b.value.trim())
  return [...keys].every((key) => {
    const values = /^[A-Za-z_$][\w$]*$/.test(key) ? bound(key) : [key]
    if (values.length === 0) {
      // `for (const c of name)` over a key string.
      const over = module.loops.find(
        (l) =>
          l.enclosing === scope &&
          l.kind === 'for-of' &&
          new RegExp(`\\b(?:const|let|var)\\s+${escaped(key)}\\s+of\\b`).test(l.header)
      )
      return !!over && stringValue(module, fn, (over.iterates ?? '').trim())
    }
    return values.every((v) => {
      const char =
        /^([A-Za-z_$][\w$]*)\s*\[\s*[A-Za-z_$][\w$]*\s*\]$/.exec(v) ??
        /^([A-Za-z_$][\w$]*)\.charAt\(/.exec(v)
      return !!char && stringValue(module, fn, char[1])
    })
  })
}

/** A name the function holds a string in: a key from `Object.entries`/`Object.keys`/for-in, a `string` parameter, a `split('')`. */
function stringValue(module: ModuleModel, fn: FunctionDecl, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false
  const n = escaped(name)
  const scope = fn.qualifiedName
  if (fn.params.some((p) => p.name === name && /^\s*string\s*$/.test(p.type ?? ''))) return true
  const keyOfEntries = new RegExp(
    `\\b(?:const|let|var)\\s+(?:\\[\\s*${n}\\s*,[^\\]]*\\]\\s+of\\s+Object\\.entries|${n}\\s+of\\s+Object\\.keys|${n}\\s+in\\b)`
  )
  return (
    module.loops.some((l) => l.enclosing === scope && keyOfEntries.test(l.header)) ||
    (module.bindings ?? []).some(
      (b) =>
        b.enclosing === scope && b.name === name && /\.split\(\s*(['"])\1\s*\)\s*$/.test(b.value)
    )
  )
}

function iteratesKeys(module: ModuleModel, fn: FunctionDecl): string | undefined {
  const loop = module.loops.find(
    (l) =>
      l.enclosing === fn.qualifiedName &&
      (l.kind === 'for-in' ||
        /Object\.(keys|entries)|Reflect\.ownKeys/.test(l.iterates ?? l.header))
  )
  if (loop) return loop.header.split('\n')[0].slice(0, 60)
  const call = module.calls.find(
    (c) => c.enclosing === fn.qualifiedName && /^Object\.(keys|entries)$/.test(c.callee)
  )
  return call ? `${call.callee}(${(call.args[0] ?? '').slice(0, 30)})` : undefined
}

function writesThroughComputedKey(
  context: CheckContext,
  module: ModuleModel,
  fn: FunctionDecl,
  target: string
): boolean {
  const write = new RegExp(`(?<![\\w$.])${target}\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])+\\]\\s*=(?!=)`)
  const lines = context.quoter.lines(module.path)
  for (const n of ownLines(module, fn, lines.length)) if (write.test(lines[n - 1])) return true
  return false
}

/** `set(obj[key], rest, value)`: a call of the function itself on a parameter indexed by a key. */
function descendingCall(
  module: ModuleModel,
  fn: FunctionDecl,
  params: string[]
): CallSite | undefined {
  const indexed = params.map((n) => new RegExp(`^\\s*${n.replace(/\$/g, '\\$')}\\s*\\[`))
  return module.calls.find(
    (c) =>
      c.enclosing === fn.qualifiedName &&
      c.name === fn.name &&
      (!c.receiver || c.receiver === 'this') &&
      c.args.some((a) => indexed.some((r) => r.test(a)))
  )
}

/**
 * A parameter the function fills as a fresh object of its own: it is set from a call or a literal in
 * the function (`if (result === undefined) result = clone(source)`) and no call of the function in the
 * repository, its own recursive call included, passes an argument in that place. Writing `__proto__`
 * there only resets that object's prototype (nodemon's merge, judged false in session 7).
 */
function freshOwnObject(
  context: CheckContext,
  module: ModuleModel,
  fn: FunctionDecl,
  param: string,
  names: Set<string>
): boolean {
  const index = fn.params.findIndex((p) => p.name === param)
  if (index < 0) return false
  const made = (module.bindings ?? []).some(
    (b) =>
      b.enclosing === fn.qualifiedName &&
      b.name === param &&
      b.operator === '=' &&
      /^(\{|\[|new\s|[A-Za-z_$][\w$.]*\()/.test(b.value.trim())
  )
  if (!made) return false
  return !context.model.modules.some((m) =>
    m.calls.some((c) => names.has(c.name) && c.args.length > index)
  )
}

/**
 * Whether the function calls itself and every such call passes, where each written parameter goes, an
 * argument `passes` accepts.
 */
function selfCallsPass(
  module: ModuleModel,
  fn: FunctionDecl,
  names: Set<string>,
  written: string[],
  passes: (argument: string, parameter: string) => boolean
): boolean {
  const selfCalls = module.calls.filter(
    (c) =>
      c.enclosing === fn.qualifiedName &&
      names.has(c.name) &&
      (!c.receiver || /^(this|exports|module\.exports)$/.test(c.receiver))
  )
  if (selfCalls.length === 0) return false
  return written.every((n) => {
    const index = fn.params.findIndex((p) => p.name === n)
    return index >= 0 && selfCalls.every((c) => passes((c.args[index] ?? '').trim(), n))
  })
}

/**
 * Every call of the function to itself passes the written object on unchanged (`this.dot(obj[key], tgt,
 * path.concat(key))`): it flattens into one object by joined keys and never descends into the target, so a
 * `__proto__` key can at most reset that object's own prototype (dot-object's `dot`).
 */
function keepsTarget(
  module: ModuleModel,
  fn: FunctionDecl,
  names: Set<string>,
  written: string[]
): boolean {
  return selfCallsPass(module, fn, names, written, (argument, parameter) => argument === parameter)
}

const FRESH_OBJECT =
  /^(?:\{\s*\}|\[\s*\]|Object\.create\(\s*null\s*\)|new\s+(?:Object|Map)\(\s*\))(?:\s+as\s+.+)?$/

/**
 * Every call of the function to itself passes a fresh empty object where the written target goes
 * (`toObj[key] = copyProps({}, fromObj[key])`): nested values are copied into new objects and never
 * into the target's own members, so a `__proto__` key only re-parents an object the copy made or the
 * caller's own target, never Object.prototype (squirrelly's `copyProps`, judged false in session 13).
 * A merge that descends into `target[key]` stays reported.
 */
function recursesIntoFresh(
  module: ModuleModel,
  fn: FunctionDecl,
  names: Set<string>,
  written: string[]
): boolean {
  return selfCallsPass(module, fn, names, written, (argument) => FRESH_OBJECT.test(argument))
}

/**
 * A private helper (`_fill`, or a function the module does not export) whose every caller in the module,
 * apart from itself, checks the keys first with a guard (`this._fill(parsePath(path).…)` after
 * `parsePath` rejected `__proto__`/`constructor`/`prototype`: dot-object 2.1.3). Its keys were checked
 * before they arrive.
 */
function checkedByCallers(
  module: ModuleModel,
  fn: FunctionDecl,
  names: Set<string>,
  guards: Set<string>
): boolean {
  if (fn.exported && !fn.name.startsWith('_')) return false
  const callers = module.calls.filter(
    (c) => names.has(c.name) && c.enclosing !== fn.qualifiedName && c.name !== 'default'
  )
  if (callers.length === 0) return false
  const word = /[A-Za-z_$][\w$]*/g
  const readsGuard = (text: string): boolean =>
    (text.match(word) ?? []).some((w) => guards.has(w) || GUARD_HELPER.test(w))
  // The keys passed were produced by a guard: in the argument (`this._fill(parsePath(path), …)`) or in a
  // local of the caller the argument names (`ok = parsePath(path).join(sep); this._fill(ok.split(sep), …)`).
  return callers.every((c) => {
    if (!c.enclosing || c.args.some(readsGuard)) return c.args.some(readsGuard)
    const named = new Set(c.args.flatMap((a) => a.match(word) ?? []))
    return (module.bindings ?? []).some(
      (b) => b.enclosing === c.enclosing && named.has(b.name) && readsGuard(b.value)
    )
  })
}

export function prototypeFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    if (module.language === 'python') continue
    const guards = guardFunctions(context, module)
    const checkers = protoCheckers(module)
    for (const fn of module.functions) {
      const declared = fn.params.map((p) => p.name).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
      const params = declared.length > 0 ? declared : argumentLocals(module, fn)
      if (params.length === 0) continue
      const names = namesOf(module, fn)
      const self = module.calls.find(
        (c) =>
          c.enclosing === fn.qualifiedName &&
          names.has(c.name) &&
          // `exports.merge(target[key], value)` inside `exports.merge = function` (hoek) calls itself too.
          (!c.receiver || /^(this|exports|module\.exports)$/.test(c.receiver))
      )
      const keys = iteratesKeys(module, fn)
      let evidence: string | undefined
      let down: CallSite | undefined
      const loop = loopIn(module, fn)
      const walker = loop ? descends(context, module, fn) : undefined
      if (self && keys)
        evidence = `calls itself for nested values (recursive call \`${self.callee}(${self.args.join(', ').slice(0, 50)})\` while iterating \`${keys}\`)`
      else if ((down = descendingCall(module, fn, params)))
        evidence = `calls itself one level down for each key of the path it is given (\`${down.callee}(${down.args.join(', ').slice(0, 50)})\`)`
      else if (loop && walker)
        evidence = `walks down an object by the keys it is given (\`${walker} = ${walker}[…]\` in \`${loop.split('\n')[0].slice(0, 50)}\`)`
      else if (SET_BY_PATH.test(fn.name)) {
        const split = module.calls.find(
          (c) => c.enclosing === fn.qualifiedName && c.name === 'split'
        )
        const loop = module.loops.find((l) => l.enclosing === fn.qualifiedName)
        if (split && loop)
          evidence = `splits a path and walks it (path split with \`${split.callee}(${split.args.join(', ').slice(0, 20)})\` and walked in \`${loop.header.split('\n')[0].slice(0, 50)}\`)`
      }
      if (!evidence) continue
      // A complete guard by its words, which an array key walks past when it compares strictly.
      const bypassed = guarded(module, fn, guards)
      if (bypassed && !arrayKeyPassesGuard(module, fn, context.quoter.lines(module.path))) continue
      const texts = textsOf(module, fn)
      const word = /[A-Za-z_$][\w$]*/g
      const partial =
        !bypassed &&
        (guardText(texts).proto ||
          texts.some((t) => (t.match(word) ?? []).some((w) => w !== fn.name && checkers.has(w))))
      // A `__proto__` check is complete for a walk (`o = o[k]`, or a path setter) that only descends into
      // own or object-typed values; a recursive merge into its parameter still walks into the target's
      // inherited `constructor` and is left reported.
      if (partial && (walker || !(self && keys)) && walksOwnObjectsOnly(module, fn)) continue
      if (walker && walksOwnOnly(module, fn, walker)) continue
      if (walker && !(self && keys) && walksByCharacter(context, module, fn, walker)) continue
      // A fresh local being filled cannot pollute: the write must go to a parameter or the walked object.
      const written = [...params, ...(walker ? [walker] : [])].filter((n) =>
        writesThroughComputedKey(context, module, fn, n.replace(/\$/g, '\\$'))
      )
      if (
        written.length === 0 ||
        written.every((n) => freshOwnObject(context, module, fn, n, names))
      )
        continue
      if (partial && self && keys && mergesIntoObjectsOnly(module, fn, written)) continue
      if (self && keys && !walker && keepsTarget(module, fn, names, written)) continue
      if (self && keys && !walker && recursesIntoFresh(module, fn, names, written)) continue
      if (checkedByCallers(module, fn, names, guards)) continue
      // `module.exports = function` is `default` to the model; the name it is bound to says more.
      const shown =
        fn.qualifiedName === 'default'
          ? ([...names].find((n) => n !== 'default') ?? 'default')
          : fn.qualifiedName
      // Bypassed: the strict check an array key walks past is the place to fix.
      const at =
        (bypassed &&
          strictCheckLine(
            module,
            context.quoter.lines(module.path),
            fn.loc.startLine,
            fn.loc.endLine
          )) ||
        fn.loc.startLine
      const draft: Draft = {
        messageId: 'prototypePollution',
        data: {
          function: shown,
          evidence,
          guard: bypassed
            ? 'its check compares each key strictly (`===`, `indexOf`) and nothing makes a key a string first, so a key given as an array (`[["__proto__"], "polluted"]`) is not equal to `"__proto__"` yet indexes the same property'
            : partial
              ? 'it checks `__proto__` but not `constructor`/`prototype`, so `{ "constructor": { "prototype": { "polluted": true } } }` still gets through'
              : 'nothing in it or in a helper it calls rejects `__proto__`, `constructor` or `prototype`'
        },
        severity: fn.exported ? 'high' : 'medium',
        confidence: 'medium',
        rationale:
          'Inferred from the shape: a write through a computed key in a function that recurses over keys, walks down an object by given keys, or splits a path, with no complete guard (both `__proto__` and `constructor`/`prototype` rejected, a prototype-free target from Object.create(null), or a key-checking helper) in the function or a helper it calls. For a library the keys come from its caller, which is the attacker in every published prototype-pollution advisory.',
        evidence: context.quoter.evidence(module.path, {
          startLine: at,
          endLine: at
        }),
        key: `${shown}#merge`,
        symbol: shown,
        cwe: CWE.prototypePollution
      }
      out.push(draft)
      if (fn.exported && !fn.className && fn.params.length > 0)
        context.hostile.push({
          draft,
          module,
          entry: {
            function: fn,
            param: fn.params[fn.params.length - 1].name,
            index: fn.params.length - 1
          }
        })
    }
  }
  return out
}

// Whether a declared type got wider or narrower, read from the text of its union: `string | number`
// is wider than `string`. Types that are not comparable this way (a different name, a changed object
// literal) are `changed`: whether they still accept the same values needs a reviewer.

export type TypeRelation = 'same' | 'wider' | 'narrower' | 'changed'

/** Splits at top-level `|` (outside brackets, braces, parentheses, angle brackets and strings). */
export function unionMembers(type: string): string[] {
  return topLevelParts(type, '|')
    .map(normalise)
    .filter((p) => p !== '')
}

/** The parts of `type` between top-level `separator`s, as written. */
function topLevelParts(type: string, separator: '|' | '&' | ','): string[] {
  const parts: string[] = []
  let depth = 0
  let quote = ''
  let current = ''
  for (let i = 0; i < type.length; i += 1) {
    const ch = type[i]
    if (quote) {
      current += ch
      if (ch === quote && type[i - 1] !== '\\') quote = ''
      continue
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch
    else if ('([{<'.includes(ch)) depth += 1
    else if (')]}>'.includes(ch) && !(ch === '>' && type[i - 1] === '=')) depth -= 1
    if (ch === separator && depth === 0) {
      if (current.trim()) parts.push(current)
      current = ''
      continue
    }
    current += ch
  }
  if (current.trim()) parts.push(current)
  return parts
}

export function normalise(type: string): string {
  let t = type
    // `'auto'` and `"auto"` are one literal type (html-webpack-plugin 5 changed its quotes).
    .replace(/'([^'"\\]*)'/g, '"$1"')
    // A member separator is a `;` or a line break, which the flattened text keeps only as a space
    // (minipass 7's `{ end(): any; write(): any; }` is 6's multi-line `{ end(): any write(): any }`).
    .replace(/;/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([,:|&<>()[\]{}=?])\s*/g, '$1')
    .replace(/,}/g, '}')
    .trim()
  // `Array<T>` and `T[]` are one type; `readonly` prefixes are kept (they narrow what can be done).
  t = t.replace(/^Array<([\w.]+)>$/, '$1[]')
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1)
  // `A & A` is `A`, and `A & B` is `B & A` (jose 5's `PayloadType & JWTPayload` with the default
  // `PayloadType = JWTPayload`: the old `JWTPayload`).
  const parts = topLevelParts(t, '&')
  if (parts.length > 1 && !t.includes('=>'))
    t = [...new Set(parts.map((p) => p.trim()))].sort().join('&')
  return t
}

/** The parts of a top-level intersection (`Buffer[] & { dataLength: number }`), or none. */
function intersectionParts(type: string): string[] {
  const parts = topLevelParts(type, '&')
  return parts.length > 1 ? parts.map(normalise) : []
}

/**
 * Generic types whose values are read, never written, by the user (`Promise<T>`): one holds another
 * when its argument holds the other's, so a result of `Promise<A & B>` still is a `Promise<A>`.
 */
const COVARIANT = new Set([
  'Promise',
  'PromiseLike',
  'ReadonlyArray',
  'Iterable',
  'AsyncIterable',
  'IterableIterator'
])

/**
 * Mapped types that keep every property of their argument, so one holds another when its argument
 * does: `Readonly<A>` takes what `Readonly<B>` takes when `A` takes every `B` (readonly is not
 * checked on assignment). `Partial<X>` also holds `X` itself: it only makes properties optional
 * (cosmiconfig 9's `options?: Readonly<Partial<Options>>`, judged widened on held-out-9).
 */
const MAPPED = new Set(['Readonly', 'Partial'])

/** `Partial<X>` as `X`, or undefined. */
function partialArgument(type: string): string | undefined {
  const m = /^Partial<(.*)>$/.exec(type)
  return m && balancedAngles(m[1]) && topLevelParts(m[1], ',').length === 1
    ? normalise(m[1])
    : undefined
}

/** `Promise<X>` as `['Promise', 'X']`, for the covariant wrappers above with one type argument. */
function covariantArgument(type: string): [string, string] | undefined {
  const m = /^([\w$.]+)<(.*)>$/.exec(type)
  const wrapper = m?.[1].replace(/^.*\./, '') ?? ''
  if (!m || !(COVARIANT.has(wrapper) || MAPPED.has(wrapper)) || !balancedAngles(m[2]))
    return undefined
  if (topLevelParts(m[2], ',').length > 1) return undefined
  return [m[1], m[2]]
}

function balanced(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '(') depth += 1
    if (ch === ')') depth -= 1
    if (depth < 0) return false
  }
  return depth === 0
}

const TOP = new Set(['any', 'unknown'])

/**
 * The same type however it is reached: `import("./internal").Patch` and `pMap.Options` name `Patch`
 * and `Options` (a qualified name in declarations is a path to the type, not another type).
 */
export function unqualified(type: string): string {
  return type
    .replace(/import\((["'])[^"']*\1\)\./g, '')
    .replace(/\b(?:[A-Za-z_$][\w$]*\.)+(?=[A-Za-z_$][\w$]*)/g, '')
}

/**
 * `any` and `unknown` admit every value: a parameter or callback argument that went from one to the
 * other accepts what it did (yaml 2's `Iterable<any>` -> `Iterable<unknown>`). An object key named
 * `unknown` (`{ unknown: string }`) is left alone.
 */
function topAsAny(type: string): string {
  return type.replace(/(?<![\w$.'"])unknown(?![\w$]|\??:)/g, 'any')
}

/** `Name` (or `Name[]`) on one side and `Name<…>` on the other: type arguments made explicit or defaulted. */
function sameButTypeArguments(x: string, y: string): boolean {
  const [bare, generic] = x.includes('<') ? [y, x] : [x, y]
  if (bare.includes('<') || !generic.includes('<')) return false
  return eraseTypeArguments(generic) === bare
}

function eraseTypeArguments(type: string): string {
  let out = ''
  let depth = 0
  for (let i = 0; i < type.length; i += 1) {
    const ch = type[i]
    if (ch === '<') depth += 1
    else if (ch === '>' && type[i - 1] !== '=' && depth > 0) depth -= 1
    else if (depth === 0) out += ch
  }
  return out
}

/** JSDoc's capitalised primitives (`{String}`): the compiler reads them as the primitive. */
const JSDOC_PRIMITIVES: Record<string, string> = {
  String: 'string',
  Number: 'number',
  Boolean: 'boolean'
}

/**
 * Node.js's own types that accept others (the program has no `@types/node` to ask): a parameter that
 * went from `Readable` to `NodeJS.ReadableStream` takes every stream it took (raw-body 3, judged widened
 * on held-out-5), and the reverse narrows. `NodeJS.` is kept apart from the web's `ReadableStream`.
 */
const NODE_SUPERTYPES: Record<string, string[]> = {
  NodeJS$ReadableStream: [
    'Readable',
    'Duplex',
    'Transform',
    'PassThrough',
    'IncomingMessage',
    'Socket',
    'ReadStream'
  ],
  NodeJS$WritableStream: [
    'Writable',
    'Duplex',
    'Transform',
    'PassThrough',
    'ServerResponse',
    'Socket',
    'WriteStream'
  ],
  Readable: ['Duplex', 'Transform', 'PassThrough', 'IncomingMessage', 'Socket', 'ReadStream'],
  Writable: ['Duplex', 'Transform', 'PassThrough', 'ServerResponse', 'Socket', 'WriteStream'],
  Duplex: ['Transform', 'PassThrough', 'Socket'],
  Uint8Array: ['Buffer']
}

/** True when Node.js's type `wide` accepts every value of `narrow`. */
function nodeAccepts(wide: string, narrow: string): boolean {
  return NODE_SUPERTYPES[wide]?.includes(narrow) ?? false
}

/** Union members of `type`, with `unknown` read as `any` and qualifiers dropped (but `NodeJS.`). */
function members(type: string): Set<string> {
  const kept = type.replace(/\bNodeJS\.(?=[A-Za-z_$])/g, 'NodeJS$$')
  const found = unionMembers(topAsAny(unqualified(kept))).map((m) => JSDOC_PRIMITIVES[m] ?? m)
  // A union with a top type is the top type (`unknown | null` is `unknown`).
  return new Set(found.some((m) => TOP.has(m)) ? ['any'] : found)
}

/** A bare `Array` (JSDoc's `{Array}`) is an array of anything: `string[]` is one of it. */
function sameArray(x: string, y: string): boolean {
  return (x === 'Array' && y.endsWith('[]')) || (y === 'Array' && x.endsWith('[]'))
}

/**
 * The primitive a literal type belongs to: `'text/plain'` and a template literal type (`${Mime}; v=1`,
 * prom-client 15's content types) are strings, `3` a `number`, `true` a `boolean`.
 */
function literalBase(x: string): string | undefined {
  if (/^(['"])(?:[^\\]|\\.)*\1$/.test(x) || /^`[^`]*`$/.test(x)) return 'string'
  if (/^-?\d+(\.\d+)?$/.test(x)) return 'number'
  if (x === 'true' || x === 'false') return 'boolean'
  return undefined
}

/** The element type of an array type (`T[]`, `(A | B)[]`, `Array<T>`), or undefined. */
function arrayElement(x: string): string | undefined {
  if (x.endsWith('[]') && !x.startsWith('readonly ')) return normalise(x.slice(0, -2))
  const m = /^Array<(.*)>$/.exec(x)
  return m && balancedAngles(m[1]) ? normalise(m[1]) : undefined
}

function balancedAngles(text: string): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '<') depth += 1
    if (text[i] === '>' && text[i - 1] !== '=') depth -= 1
    if (depth < 0) return false
  }
  return depth === 0
}

/**
 * Whether union member `x` is in `set`, also when only its type arguments were added or dropped, when
 * it is a literal of a primitive the set holds, or an array whose elements the set's array takes
 * (prom-client 15's `Registry[]` -> `(Registry<A> | Registry<B>)[]`, judged widened on held-out-6).
 */
function holds(set: Set<string>, x: string, depth = 0): boolean {
  if (set.has(x)) return true
  const base = literalBase(x)
  if (base && set.has(base)) return true
  const element = depth < 3 ? arrayElement(x) : undefined
  // An intersection is a value of each of its parts.
  if (depth < 3 && intersectionParts(x).some((part) => holds(set, part, depth + 1))) return true
  const wrapped = depth < 3 ? covariantArgument(x) : undefined
  for (const y of set) {
    const partOf = depth < 3 ? partialArgument(y) : undefined
    if (partOf !== undefined && holds(members(partOf), x, depth + 1)) return true
    const outer = wrapped && covariantArgument(y)
    if (wrapped && outer && outer[0] === wrapped[0]) {
      const inner = members(outer[1])
      if ([...members(wrapped[1])].every((m) => holds(inner, m, depth + 1))) return true
    }
    if (sameButTypeArguments(x, y) || sameArray(x, y) || nodeAccepts(y, x)) return true
    const other = element === undefined ? undefined : arrayElement(y)
    if (element !== undefined && other !== undefined) {
      const inner = members(other)
      if ([...members(element)].every((e) => holds(inner, e, depth + 1))) return true
    }
  }
  return false
}

/** How `after` relates to `before` as sets of values. */
export function relate(before: string, after: string): TypeRelation {
  const a = members(before)
  const b = members(after)
  if (a.size === b.size && [...a].every((x) => holds(b, x)) && [...b].every((y) => holds(a, y)))
    return 'same'
  const aTop = [...a].some((x) => TOP.has(x))
  const bTop = [...b].some((x) => TOP.has(x))
  if (bTop && !aTop) return 'wider'
  if (aTop && !bTop) return 'narrower'
  if ([...a].every((x) => holds(b, x))) return 'wider'
  if ([...b].every((x) => holds(a, x))) return 'narrower'
  return 'changed'
}

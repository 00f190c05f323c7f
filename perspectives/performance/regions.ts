// Iteration regions of a module: the model's loops plus the callbacks of array iteration methods
// (`items.forEach(x => ...)`, `a.filter(x => b.includes(x))`), which run once per element just like a
// loop body. Each region knows the names it binds per iteration, its nesting depth (counted through
// iteration callbacks, not through other functions) and whether it walks a collection.
import type { CallSite, FunctionDecl, Location, Loop, ModuleModel } from '../../src/model/types.js'

/** Array methods whose callback runs once per element. */
export const ITERATION_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex'
])

export interface BoundName {
  name: string
  /** An index or counter (`let i = 0`, `for k in range(n)`), not an element of the collection. */
  index: boolean
}

export interface Region {
  kind: 'loop' | 'callback'
  loopKind: Loop['kind'] | 'callback'
  loc: Location
  /** The function whose code runs per iteration: the loop's enclosing function, or the callback itself. */
  owner: string | undefined
  /** The iterated expression's text, when known. */
  iterates?: string
  /** For a callback region: the iteration method (`forEach`, `some`...). */
  method?: string
  /** What to call the region in messages: the loop header, or `items.forEach(...)`. */
  label: string
  bound: BoundName[]
  hasAwait: boolean
  /** The iterated expression is evaluated once (for-of, for-in, Python for, comprehensions, callbacks). */
  headerOnce: boolean
  /** `for await` / `async for`: iterations wait on the iterator itself. */
  asyncIteration: boolean
  /** Walks a collection whose size comes from the input (not `while`, not a literal count, not a literal list). */
  overCollection: boolean
  /** Nesting depth counted through loops and iteration callbacks; 1 for an outermost region. */
  depth: number
  parent?: Region
}

export interface ModuleRegions {
  regions: Region[]
  /** Functions by qualified name. */
  functions: Map<string, FunctionDecl>
}

export function contains(outer: Location, inner: Location): boolean {
  const startsBefore =
    outer.startLine < inner.startLine ||
    (outer.startLine === inner.startLine && outer.startColumn <= inner.startColumn)
  const endsAfter =
    outer.endLine > inner.endLine ||
    (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn)
  return startsBefore && endsAfter
}

function sameLoc(a: Location, b: Location): boolean {
  return (
    a.startLine === b.startLine &&
    a.startColumn === b.startColumn &&
    a.endLine === b.endLine &&
    a.endColumn === b.endColumn
  )
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g
const KEYWORDS: ReadonlySet<string> = new Set([
  'const',
  'let',
  'var',
  'await',
  'async',
  'for',
  'in',
  'of'
])

/** Identifiers in a short piece of expression text the model recorded (headers, iterated expressions). */
export function identifiers(text: string): string[] {
  return (text.match(IDENTIFIER) ?? []).filter((t) => !KEYWORDS.has(t))
}

/** Names a loop header binds: `for (const [k, v] of x)`, `for (let i = 0; ...)`, `for i, x in enumerate(xs)`. */
function boundByLoop(loop: Loop, python: boolean): BoundName[] {
  const header = loop.header
  if (python) {
    const start = header.indexOf('for ')
    const inAt = header.indexOf(' in ', start)
    if (start < 0 || inAt < 0) return []
    const names = identifiers(header.slice(start + 4, inAt))
    const iterates = loop.iterates ?? ''
    if (/^range\(/.test(iterates)) return names.map((name) => ({ name, index: true }))
    if (/^enumerate\(/.test(iterates)) return names.map((name, i) => ({ name, index: i === 0 }))
    return names.map((name) => ({ name, index: false }))
  }
  const open = header.indexOf('(')
  if (open < 0) return []
  if (loop.kind === 'for') {
    const init = header.slice(
      open + 1,
      header.indexOf(';', open) < 0 ? undefined : header.indexOf(';', open)
    )
    // `let i = 0, j = n`: the names before each `=` are counters.
    return init
      .split(',')
      .map((part) => identifiers(part.split('=')[0] ?? '')[0])
      .filter((n): n is string => n !== undefined)
      .map((name) => ({ name, index: true }))
  }
  if (loop.kind === 'for-of' || loop.kind === 'for-in') {
    const rest = header.slice(open + 1)
    const sep = rest.search(/\s(of|in)\s/)
    if (sep < 0) return []
    return identifiers(rest.slice(0, sep)).map((name) => ({ name, index: loop.kind === 'for-in' }))
  }
  return []
}

/** True when the loop walks something sized by the input rather than a fixed count or a literal list. */
function walksCollection(loop: Loop): boolean {
  if (loop.kind === 'while' || loop.kind === 'do-while' || loop.kind === 'loop') return false
  const it = (loop.iterates ?? '').trim()
  if (it === '') {
    // C-style loop without a recognised collection: a bound that is a name (`i < n`) still scales.
    if (loop.kind !== 'for') return false
    const condition = loop.header.split(';')[1] ?? ''
    const bound = condition.split(/<=?|>=?|!==?/)[1]?.trim() ?? ''
    return bound !== '' && !/^\d+$/.test(bound)
  }
  if (/^[[({'"`]/.test(it)) return false // a literal list, tuple, set or string
  // A count written in the code (`for (let i = 1; i <= 24; i++)`): a constant factor (dayjs, round 5).
  if (/^\d+$/.test(it)) return false
  const range = /^range\(\s*(\d+)\s*\)$/.exec(it)
  return range === null
}

export function buildRegions(module: ModuleModel): ModuleRegions {
  const python = module.language === 'python'
  const functions = new Map(module.functions.map((f) => [f.qualifiedName, f]))
  const regions: Region[] = module.loops.map((loop) => ({
    kind: 'loop',
    loopKind: loop.kind,
    loc: loop.loc,
    owner: loop.enclosing,
    ...(loop.iterates !== undefined ? { iterates: loop.iterates } : {}),
    label: loop.header.length > 80 ? `${loop.header.slice(0, 77)}...` : loop.header,
    bound: boundByLoop(loop, python),
    hasAwait: loop.hasAwait,
    headerOnce: python ? loop.kind !== 'while' : loop.kind === 'for-of' || loop.kind === 'for-in',
    asyncIteration: /^(for\s+await\b|async\s+for\b)/.test(loop.header.trim()),
    overCollection: walksCollection(loop),
    depth: 1
  }))
  if (!python) regions.push(...callbackRegions(module))
  // Parents: the smallest enclosing region reached without crossing a function that is not an iteration callback.
  const callbackOwners = new Set(regions.filter((r) => r.kind === 'callback').map((r) => r.owner))
  const ordered = [...regions].sort(
    (a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn
  )
  for (const region of ordered) {
    let best: Region | undefined
    for (const other of ordered) {
      if (other === region || !contains(other.loc, region.loc) || sameLoc(other.loc, region.loc))
        continue
      if (best && !contains(best.loc, other.loc)) continue
      best = other
    }
    // A generator in a comprehension's iterated expression (`for k in chain(x for x in a)`) runs once, not per iteration.
    const inHeader =
      best !== undefined &&
      best.headerOnce &&
      region.iterates !== undefined &&
      region.loc.startLine === best.loc.startLine &&
      (best.iterates ?? '').includes(region.iterates)
    if (
      best &&
      !inHeader &&
      reachableWithoutFunctions(best, region, module.functions, callbackOwners)
    )
      region.parent = best
  }
  for (const region of ordered) {
    let depth = 1
    for (let p = region.parent; p; p = p.parent) depth++
    region.depth = depth
  }
  return { regions: ordered, functions }
}

/**
 * The inner region runs per iteration of the outer one when every function between them is an
 * iteration callback: a loop inside a `setTimeout(() => ...)` or a named helper is not nested.
 */
function reachableWithoutFunctions(
  outer: Region,
  inner: Region,
  fns: FunctionDecl[],
  callbackOwners: Set<string | undefined>
): boolean {
  for (const fn of fns) {
    if (!contains(outer.loc, fn.loc) || !contains(fn.loc, inner.loc)) continue
    if (inner.kind === 'callback' && inner.owner === fn.qualifiedName) continue
    if (!callbackOwners.has(fn.qualifiedName)) return false
  }
  return true
}

/**
 * `receiver.forEach(fn)`-style calls whose first argument is a function written in place. The model
 * gives anonymous callbacks no FunctionDecl (code inside belongs to the enclosing function), so the
 * region is the call itself; a named function expression is its own owner.
 */
function callbackRegions(module: ModuleModel): Region[] {
  const regions: Region[] = []
  const inline = module.functions.filter((f) => f.kind === 'arrow' || f.kind === 'function')
  for (const call of module.calls) {
    if (!ITERATION_METHODS.has(call.name) || !call.receiver || call.isNew) continue
    const first = call.args[0]?.trim() ?? ''
    if (!/^(async\s+)?(\(|function\b|[A-Za-z_$][\w$]*\s*=>)/.test(first)) continue
    const named = /^(async\s+)?function\s*\*?\s*[A-Za-z_$]/.test(first)
      ? namedCallback(call, inline)
      : undefined
    const receiver = call.receiver
    const literal = /^[[('"`]/.test(receiver.trim())
    const params = paramsOfCallback(first).filter(
      (_, i) => !(call.name.startsWith('reduce') && i === 0)
    )
    regions.push({
      kind: 'callback',
      loopKind: 'callback',
      // The callback's own extent, not the whole call: the receiver chain (`a.filter(f).reduce(g)`:
      // the filter) runs once before the iteration, not in it.
      loc: named?.loc ?? callbackLoc(call) ?? call.loc,
      owner: named?.qualifiedName ?? call.enclosing,
      iterates: receiver,
      method: call.name,
      label: `${shorten(receiver)}.${call.name}(...)`,
      bound: params.map((name, i) => ({ name, index: i > 0 && !call.name.startsWith('reduce') })),
      hasAwait: false,
      headerOnce: true,
      asyncIteration: false,
      overCollection: !literal && !/^(new\s+)?Array\(\d+\)/.test(receiver),
      depth: 1
    })
  }
  return regions
}

/** Where the callback written in place as the first argument is (the model's argument location). */
function callbackLoc(call: CallSite): Location | undefined {
  const first = call.arguments?.[0]
  return first?.kind === 'function' ? first.loc : undefined
}

/** Parameter names of a callback's text: `(a, { b }) => ...`, `x => ...`, `function (a) {...}`. */
function paramsOfCallback(text: string): string[] {
  const arrow = text.indexOf('=>')
  const open = text.indexOf('(')
  if (arrow >= 0 && (open < 0 || open > arrow))
    return identifiers(text.slice(0, arrow).replace(/^async\s+/, ''))
  if (open < 0) return []
  const close = text.indexOf(')', open)
  return identifiers(text.slice(open + 1, close < 0 ? undefined : close)).filter(
    (n) => n !== 'function'
  )
}

/** A function expression with a name passed as the callback: the model gave it a FunctionDecl. */
function namedCallback(call: CallSite, inline: FunctionDecl[]): FunctionDecl | undefined {
  let best: FunctionDecl | undefined
  for (const fn of inline) {
    if (
      fn.qualifiedName === call.enclosing ||
      !contains(call.loc, fn.loc) ||
      sameLoc(call.loc, fn.loc)
    )
      continue
    if (!best || contains(fn.loc, best.loc)) best = fn
  }
  return best
}

export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat
}

/**
 * The innermost region whose body runs the code at `loc` in function `enclosing`, per iteration.
 * Code in a for-of/for-in/Python-for header's iterated expression runs once, so it is not inside.
 */
export function regionAt(
  regions: Region[],
  enclosing: string | undefined,
  loc: Location,
  text?: string
): Region | undefined {
  let best: Region | undefined
  for (const r of regions) {
    if (r.owner !== enclosing || !contains(r.loc, loc) || sameLoc(r.loc, loc)) continue
    if (r.kind === 'loop' && text !== undefined && inIteratedExpression(r, loc, text)) continue
    if (!best || contains(best.loc, r.loc)) best = r
  }
  return best
}

function inIteratedExpression(r: Region, loc: Location, text: string): boolean {
  if (!r.headerOnce) return false
  if (loc.startLine !== r.loc.startLine) return false
  return (r.iterates ?? '').includes(text)
}

/** The chain of regions from the outermost down to `region`. */
export function chainOf(region: Region): Region[] {
  const chain: Region[] = []
  for (let r: Region | undefined = region; r; r = r.parent) chain.unshift(r)
  return chain
}

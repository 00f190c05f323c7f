// The rules a reviewer applies to two surfaces of a JavaScript/TypeScript package. Breaking: a name
// gone (a rename is paired: same kind and shape, similar name), a parameter made required or added as
// required, a parameter's type narrowed, a return type widened, an optional property made required or
// a property's type narrowed. Not breaking: additions, widened parameters, narrowed returns, a member
// moved to a base class that is still inherited (the checker lists inherited members, so it is simply
// still there).
import type { SurfaceItem, SurfaceSignature } from './ts-surface.js'
import { normalise, relate, type TypeRelation, unionMembers, unqualified } from './type-order.js'
import { instantiate, instantiateSignature } from './type-params.js'
import { aliasTypes, expandAliases } from './type-aliases.js'

export interface SurfaceBreak {
  kind: 'removed' | 'changed'
  /** What changed, in a few words: `parameter timeout made required`. */
  reason: string
  /** Why that breaks users. */
  consequence: string
  before: SurfaceItem
  after?: SurfaceItem
  /** A removed item's likely new name. */
  renamedTo?: string
  confidence: 'high' | 'medium'
  /** Told apart from the item's other breaks (a second removed parameter is a finding of its own). */
  keySuffix?: string
  /**
   * Not a break, a note for review: a return type documented only by JSDoc in JavaScript changed
   * (the package shipped no declaration, so no user's compiler checked it).
   */
  review?: true
}

export interface SurfaceDiff {
  breaks: SurfaceBreak[]
  additions: SurfaceItem[]
  renamed: { from: SurfaceItem; to: SurfaceItem }[]
  /** Types of an `export =` namespace that the package now exports by name (`pMap.Options` -> `Options`). */
  moved: { from: SurfaceItem; to: SurfaceItem }[]
}

const TYPE_KINDS = new Set(['interface', 'type', 'enum', 'class'])

/** An interface rewritten as an object type alias (or back) names the same kind of thing. */
function sameTypeKind(a: SurfaceItem['kind'], b: SurfaceItem['kind']): boolean {
  const plain = (k: string): string => (k === 'interface' ? 'type' : k)
  return plain(a) === plain(b)
}

/** The declaration as users read it: `get(url: string, options?: Options): Promise<Response>`. */
export function declarationOf(item: SurfaceItem): string {
  const short = item.name.slice(item.name.lastIndexOf('.') + 1)
  if (item.signatures && item.signatures.length > 0) {
    const shown = item.signatures.map((s) => `${short}${signatureText(s)}`)
    const text = shown.join('; ')
    return text.length > 300 ? `${text.slice(0, 299)}…` : text
  }
  if (item.kind === 'property' || item.kind === 'variable')
    return `${short}${item.optional ? '?' : ''}: ${item.type ?? 'any'}`
  if (item.kind === 'type') return `type ${short} = ${item.type ?? ''}`
  if (item.kind === 'enum-member') return `${short}${item.type ? ` = ${item.type}` : ''}`
  return `${item.kind} ${short}`
}

export function signatureText(s: SurfaceSignature): string {
  const params = s.params.map(
    (p) => `${p.rest ? '...' : ''}${p.name}${p.optional && !p.rest ? '?' : ''}: ${p.type}`
  )
  return `${s.typeParams ?? ''}(${params.join(', ')}): ${s.returnType}`
}

/** The shape of an item without names, for pairing renames. */
function shape(item: SurfaceItem): string {
  const sigs = (item.signatures ?? [])
    .map(
      (s) =>
        `(${s.params.map((p) => `${p.rest ? '...' : ''}${p.optional ? '?' : ''}${normalise(p.type)}`).join(',')})=>${normalise(s.returnType)}`
    )
    .join(';')
  return `${item.kind}|${sigs}|${item.kind === 'type' || item.kind === 'property' ? normalise(item.type ?? '') : ''}`
}

function parentOf(name: string): string {
  // An interface's call signature (`DeflateFunction()`) belongs to the interface: gone with it.
  if (name.endsWith('()')) return name.slice(0, -2)
  const i = name.lastIndexOf('.')
  return i < 0 ? '' : name.slice(0, i)
}

function leafName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1)
}

function leaf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase()
}

/** Similar names: one contains the other, or they share most of their letters in order. */
export function similarNames(a: string, b: string): boolean {
  const x = leaf(a)
  const y = leaf(b)
  if (x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x))) return true
  const table: number[] = Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i += 1) {
    let previous = 0
    for (let j = 1; j <= y.length; j += 1) {
      const kept = table[j]
      table[j] = x[i - 1] === y[j - 1] ? previous + 1 : Math.max(table[j], table[j - 1])
      previous = kept
    }
  }
  return (2 * table[y.length]) / (x.length + y.length) >= 0.6
}

/** How the old side's type names read at HEAD: renamed types substituted, removed ones known. */
interface TypeNames {
  rename: (type: string) => string
  /** The type mentions a type that is gone (its removal is the break, reported once). */
  mentionsRemoved: (type: string) => boolean
  /** An indexed access `Options['onAnchor']` read as the property's declared type on that side. */
  indexed: { base: Map<string, string>; head: Map<string, string> }
  /** Exported aliases and plain interfaces by name, as the types they stand for, on each side. */
  aliases: { base: Map<string, string>; head: Map<string, string> }
}

/** `Owner.key` -> the member's type as written (a callable member as its function type). */
function memberTypes(surface: Map<string, SurfaceItem>): Map<string, string> {
  const found = new Map<string, string>()
  for (const item of surface.values()) {
    const owner = parentOf(item.name)
    if (!owner) continue
    const sigs = item.signatures ?? []
    const text =
      item.type ??
      (sigs.length === 1
        ? `(${sigs[0].params.map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional && !p.rest ? '?' : ''}: ${p.type}`).join(', ')}) => ${sigs[0].returnType}`
        : undefined)
    if (text !== undefined) found.set(`${leafName(owner)}.${leafName(item.name)}`, text)
  }
  return found
}

function resolveIndexed(type: string, members: Map<string, string>): string {
  const m = /^\s*(?:[\w$]+\.)*([\w$]+)\[\s*(['"])([\w$]+)\2\s*\]\s*$/.exec(type)
  return (m && members.get(`${m[1]}.${m[3]}`)) ?? type
}

function words(type: string): string[] {
  return type.match(/[A-Za-z_$][\w$]*/g) ?? []
}

function compareTypes(before: string, after: string, names: TypeNames): TypeRelation | 'skip' {
  const was = names.rename(resolveIndexed(before, names.indexed.base))
  const is = resolveIndexed(after, names.indexed.head)
  let relation = relate(was, is)
  // Two types the union reading cannot relate may still be one: an alias read as what it names.
  if (relation === 'changed') {
    const wasNames = new Set(unionMembers(was).map(unqualified))
    const isNames = new Set(unionMembers(is).map(unqualified))
    relation = relate(
      expandAliases(was, names.aliases.base, isNames),
      expandAliases(is, names.aliases.head, wasNames)
    )
  }
  if (relation !== 'same' && relation !== 'wider' && names.mentionsRemoved(before)) return 'skip'
  return relation
}

function isRequired(p: { optional: boolean; rest: boolean }): boolean {
  return !p.optional && !p.rest
}

/** Why a call that worked with `old` fails with `now`, or null when every such call still works. */
function callBreak(
  old: SurfaceSignature,
  now: SurfaceSignature,
  names: TypeNames
): { reason: string; consequence: string; confidence: 'high' | 'medium' } | null {
  // `fixRequestBody<TReq = IncomingMessage>(…, req: TReq)`: a call without type arguments takes what
  // the type parameter admits, and gets its default back (http-proxy-middleware 3, judged no break).
  old = instantiateSignature(old)
  now = instantiateSignature(now)
  const rest = now.params.find((p) => p.rest)
  for (let i = 0; i < Math.max(old.params.length, now.params.length); i += 1) {
    const was = old.params[i]
    const is = now.params[i] ?? (rest && rest !== now.params[i] ? rest : undefined)
    if (!was) {
      if (is && isRequired(is))
        return {
          reason: `required parameter \`${is.name}\` added`,
          consequence: 'calls written for the old signature do not pass it',
          confidence: 'high'
        }
      continue
    }
    if (!is) {
      // A JavaScript body that reads `arguments` may still take what it no longer names.
      if (was.rest || now.readsArguments) continue
      return {
        reason: `parameter \`${was.name}\` removed`,
        consequence: 'calls that pass it no longer type-check',
        confidence: 'high'
      }
    }
    // A JavaScript parameter HEAD declares nothing about (no default, no JSDoc) may still be left out
    // (`arguments.length` checks, async 3's `retry(task, cb)`): only a declaration says it is required.
    if (!isRequired(was) && isRequired(is) && !is.untyped)
      return {
        reason: `parameter \`${was.name}\` made required`,
        consequence: 'calls that leave it out break',
        confidence: 'high'
      }
    if (was.rest && !is.rest)
      return {
        reason: `rest parameter \`${was.name}\` is no longer variadic`,
        consequence: 'calls with several arguments break',
        confidence: 'high'
      }
    // An untyped JavaScript parameter declared no type: a type written at HEAD narrows nothing
    // declared; and one untyped at HEAD (`(...args) => picomatch.makeRe(...args)`) accepts anything.
    // A JSDoc name HEAD does not declare (`{...AsyncFunction}`) where the base took anything (`{*}`,
    // `any`, an unknown name too) narrows nothing a checker sees (async 3's `seq`).
    const anything = (p: typeof was): boolean =>
      p.untyped === true || p.unresolved === true || isAnyType(p.type) || p.type.trim() === '*'
    let relation =
      was.untyped || is.untyped || (is.unresolved && anything(was))
        ? 'same'
        : compareTypes(was.type, is.type, names)
    // A type alias on either side is read as the type it stands for before it counts as a change.
    if ((relation === 'narrower' || relation === 'changed') && (was.expanded || is.expanded))
      relation = compareTypes(was.expanded ?? was.type, is.expanded ?? is.type, names)
    if (relation === 'narrower' || relation === 'changed')
      return {
        reason: `type of parameter \`${was.name}\` ${relation === 'narrower' ? 'narrowed' : 'changed'} from \`${was.type}\` to \`${is.type}\``,
        consequence: 'callers passing what the old type allowed may no longer compile',
        confidence: relation === 'narrower' ? 'high' : 'medium'
      }
  }
  // `any` is assignable to every type: a result typed `any` at HEAD breaks no code that reads it.
  // A JSDoc `@returns` in JavaScript (no `.d.ts` shipped) is documentation, not a checked contract:
  // at most a review note (socket.io-parser 3's `Decoder.add` `{Object}`, judged no break).
  const returned =
    old.returnUntyped || old.returnJsDoc || now.returnUntyped || isAnyType(now.returnType)
      ? 'same'
      : compareTypes(old.returnType, now.returnType, names)
  if (returned === 'wider' || returned === 'changed')
    return {
      reason: `return type ${returned === 'wider' ? 'widened' : 'changed'} from \`${old.returnType}\` to \`${now.returnType}\``,
      consequence: 'code using the result as the old type may no longer compile',
      confidence: returned === 'wider' ? 'high' : 'medium'
    }
  return null
}

/**
 * The other parameters gone with the one a break names: every old parameter past the longest new
 * signature, when the first of them is the one named (anymatch 3 dropped `startIndex` and
 * `endIndex`: two removals, two findings; held-out-10 named only the first).
 */
function otherRemovedParameters(was: SurfaceItem, is: SurfaceItem, reason: string): string[] {
  const named = /^parameter `(.+)` removed$/.exec(reason)?.[1]
  const now = is.signatures ?? []
  if (
    !named ||
    now.length === 0 ||
    now.some((n) => n.readsArguments || n.params.some((p) => p.rest))
  )
    return []
  const longest = Math.max(...now.map((n) => n.params.length))
  const found = new Set<string>()
  for (const sig of was.signatures ?? []) {
    const gone = sig.params.slice(longest).filter((p) => !p.rest && !p.synthetic)
    if (gone[0]?.name !== named) continue
    for (const p of gone.slice(1)) found.add(p.name)
  }
  return [...found]
}

/** The first old overload that no new overload still serves, with the reason against the closest one. */
function signaturesBreak(
  was: SurfaceItem,
  is: SurfaceItem,
  names: TypeNames
): ReturnType<typeof callBreak> {
  const old = was.signatures ?? []
  const now = is.signatures ?? []
  if (old.length === 0) return null
  // A value the checker types `any` (a `Proxy`, an untyped `require`) can still be called: TypeScript
  // lets any call through, and nothing at HEAD says it cannot (superagent's `agent` Proxy with an
  // `apply` trap, judged false in session 7).
  if (now.length === 0 && !isAny(is))
    return {
      reason: 'no longer callable',
      consequence: 'calls to it break',
      confidence: 'high'
    }
  for (const sig of old) {
    const reasons = now.map((n) => callBreak(sig, n, names))
    if (reasons.some((r) => r === null)) continue
    const sameArity = now.findIndex((n) => n.params.length === sig.params.length)
    if (old.length > 1 && sameArity < 0)
      return {
        reason: `overload \`${signatureText(sig)}\` removed`,
        consequence: 'calls that matched only that overload no longer type-check',
        confidence: 'high'
      }
    return reasons[sameArity >= 0 ? sameArity : 0]
  }
  return null
}

/**
 * Whether users only read a property: members of class instances and of exported values, and of
 * interfaces and type literals that no parameter at the base accepts (results such as yaml's
 * `Document.Parsed`). Reading tolerates a narrower type or a property made required, as a return does.
 */
function readOnly(was: SurfaceItem, accepted: Accepted): boolean {
  if (was.ownerKind === 'class' || was.ownerKind === 'variable' || was.ownerKind === 'function')
    return true
  if (was.ownerKind !== 'interface' && was.ownerKind !== 'type') return false
  // A member an accepted type inherits from it is passed in through that type (prom-client's
  // `MetricConfiguration.registers`, which `CounterConfiguration` extends).
  return !accepted.names.has(leafName(parentOf(was.name))) && !accepted.sites.has(siteOf(was))
}

interface Accepted {
  /** Type names some parameter of the base accepts. */
  names: Set<string>
  /** Where the members of those types are declared (`file:line`), inherited ones included. */
  sites: Set<string>
}

function siteOf(item: SurfaceItem): string {
  return `${item.file}:${item.line}`
}

function propertyBreak(
  was: SurfaceItem,
  is: SurfaceItem,
  names: TypeNames,
  accepted: Accepted
): ReturnType<typeof callBreak> {
  const read = readOnly(was, accepted)
  if (!read && was.optional && !is.optional && (is.kind === 'property' || is.kind === 'method'))
    return {
      reason: 'optional property made required',
      consequence: 'objects written without it no longer type-check',
      confidence: 'high'
    }
  if (was.type === undefined || is.type === undefined) return null
  // JavaScript's `this.options = { … }` without JSDoc: a type the checker guessed from an assignment,
  // not one anyone declared (terser-webpack-plugin 5's instance `options`, held-out-7). A primitive
  // guessed from a literal (`this.port = 8080` become `'8080'`) is the value itself: still compared.
  if ((was.typeGuessed || is.typeGuessed) && !(isPrimitive(was.type) && isPrimitive(is.type)))
    return null
  // An alias whose members are listed is compared member by member: `{ id } & { a?: string }` and
  // `{ id } & Partial<Options>` are one shape in other words (held-out-7's mapped types).
  if (was.membersListed && is.membersListed) return null
  // Read as `any` at HEAD: every use of the old type still compiles (any goes into a \`string\`), so a
  // property JavaScript's checker could no longer infer is no break (http-server's `contentType`).
  if (read && isAny(is)) return null
  // A variable is read, not passed: its members are compared one by one instead.
  if (was.kind !== 'property' && was.kind !== 'type') return null
  const relation = compareTypes(was.type, is.type, names)
  if (
    read
      ? relation === 'wider' || relation === 'changed'
      : relation === 'narrower' || relation === 'changed'
  )
    return {
      reason: `type ${relation === 'changed' ? 'changed' : relation === 'wider' ? 'widened' : 'narrowed'} from \`${was.type}\` to \`${is.type}\``,
      consequence: read
        ? 'code reading it as the old type may no longer compile'
        : 'values of the old type may no longer be accepted',
      confidence: 'medium'
    }
  return null
}

/** The checker gives the item type `any` (not `unknown`, which a reader must narrow): it takes any use. */
function isAny(item: SurfaceItem): boolean {
  if ((item.signatures ?? []).length > 0) return false
  if (item.kind !== 'variable' && item.kind !== 'property') return false
  return item.type === undefined || item.type.trim() === 'any'
}

function isAnyType(type: string | undefined): boolean {
  return type?.trim() === 'any'
}

/**
 * A return type the base documented only with JSDoc in JavaScript that HEAD widened or changed: what
 * it would have been as a declared type, said as a note for review (no user's compiler checked it).
 */
function jsDocReturnNote(
  was: SurfaceItem,
  is: SurfaceItem,
  names: TypeNames
): ReturnType<typeof callBreak> {
  const old = (was.signatures ?? []).find((s) => s.returnJsDoc && !s.returnUntyped)
  const now = is.signatures?.[0]
  if (!old || !now || now.returnUntyped || isAnyType(now.returnType)) return null
  const relation = compareTypes(old.returnType, now.returnType, names)
  if (relation !== 'wider' && relation !== 'changed') return null
  return {
    reason: `documented return type ${relation === 'wider' ? 'widened' : 'changed'} from \`${old.returnType}\` (JSDoc in JavaScript) to \`${now.returnType}\``,
    consequence:
      'code that relied on the documented result may need a look; no compiler checked the old type for users',
    confidence: 'medium'
  }
}

/** Type names that some parameter of the base surface accepts (written anywhere in its type), and where their members are declared. */
function acceptedTypes(base: Map<string, SurfaceItem>): Accepted {
  const names = new Set<string>()
  for (const item of base.values())
    for (const sig of item.signatures ?? [])
      for (const p of sig.params) for (const w of words(p.type)) names.add(w)
  const sites = new Set<string>()
  for (const item of base.values()) {
    const owner = parentOf(item.name)
    if (owner && names.has(leafName(owner)) && item.line > 0) sites.add(siteOf(item))
  }
  return { names, sites }
}

/** Compares the base surface with HEAD's. */
export function diffSurfaces(
  base: Map<string, SurfaceItem>,
  head: Map<string, SurfaceItem>
): SurfaceDiff {
  const breaks: SurfaceBreak[] = []
  const removed = [...base.values()].filter((item) => !head.has(item.id))
  const added = [...head.values()].filter((item) => !base.has(item.id))
  const removedIds = new Set(removed.map((i) => i.id))
  const claimed = new Set<string>()
  const renamed: SurfaceDiff['renamed'] = []
  const headSubpaths = new Set([...head.values()].map((i) => i.subpath))
  const moved: SurfaceDiff['moved'] = []
  const movedIds = new Set<string>()
  for (const item of removed) {
    // A type of the old `export =` namespace, now a named export of the same kind: moved, not gone.
    if (item.name.startsWith('default.') && TYPE_KINDS.has(item.kind)) {
      const to = head.get(`${item.subpath} ${item.name.slice('default.'.length)}`)
      if (to && sameTypeKind(to.kind, item.kind)) {
        if (!base.has(to.id)) claimed.add(to.id)
        moved.push({ from: item, to })
        removedIds.delete(item.id)
        movedIds.add(item.id)
        continue
      }
    }
    // An entry point that is gone as a whole is one change (the manifest's `exports` says so).
    if (!headSubpaths.has(item.subpath)) continue
    // A top-level export now offered by another entry point of the package (`yaml/util`'s YAMLError
    // from `yaml`): moved, as the model's comparison says for entry modules.
    if (!item.name.includes('.')) {
      const to = [...head.values()].find(
        (h) =>
          h.name === item.name &&
          h.subpath !== item.subpath &&
          !base.has(h.id) &&
          sameTypeKind(h.kind, item.kind)
      )
      if (to) {
        claimed.add(to.id)
        moved.push({ from: item, to })
        removedIds.delete(item.id)
        movedIds.add(item.id)
        continue
      }
    }
    // A member of something that is itself gone is part of that one change.
    const owner = parentOf(item.name)
    // Members of a moved type went with it.
    const ownerId = `${item.subpath} ${owner}`
    if (owner && (removedIds.has(ownerId) || movedIds.has(ownerId))) continue
    // A rename: the same shape under the same owner, with a similar name, or the only one of that
    // shape on both sides (a callable: a bare `interface` or `string` property says too little).
    const candidates = added.filter(
      (a) =>
        !claimed.has(a.id) &&
        a.subpath === item.subpath &&
        parentOf(a.name) === owner &&
        shape(a) === shape(item)
    )
    const unique =
      candidates.length === 1 &&
      (item.signatures?.length ?? 0) > 0 &&
      removed.filter((r) => parentOf(r.name) === owner && shape(r) === shape(item)).length === 1
    const partner =
      candidates.find((a) => similarNames(a.name, item.name)) ??
      (unique ? candidates[0] : undefined)
    if (partner) {
      claimed.add(partner.id)
      renamed.push({ from: item, to: partner })
    }
    breaks.push({
      kind: 'removed',
      reason: partner ? `renamed to \`${partner.name}\`` : 'removed',
      consequence:
        item.kind === 'type' || item.kind === 'interface'
          ? 'code that names it no longer type-checks'
          : owner
            ? 'code that uses the member breaks'
            : 'code that imports it breaks',
      before: item,
      ...(partner ? { after: partner, renamedTo: partner.name } : {}),
      confidence: 'high'
    })
  }
  const renames = new Map(renamed.map(({ from, to }) => [leafName(from.name), leafName(to.name)]))
  const gone = new Set(
    breaks
      .filter((b) => !b.renamedTo && TYPE_KINDS.has(b.before.kind))
      .map((b) => leafName(b.before.name))
  )
  const names: TypeNames = {
    rename: (type) => type.replace(/[A-Za-z_$][\w$]*/g, (w) => renames.get(w) ?? w),
    mentionsRemoved: (type) => words(type).some((w) => gone.has(w)),
    indexed: { base: memberTypes(base), head: memberTypes(head) },
    aliases: { base: aliasTypes(base), head: aliasTypes(head) }
  }
  const accepted = acceptedTypes(base)
  for (const [id, is] of head) {
    const was = base.get(id)
    if (!was) continue
    // A member of `class Registry<T = A>` read as users who write `Registry` get it.
    const [wasNow, isNow] = [instantiate(was), instantiate(is)]
    const why =
      signaturesBreak(wasNow, isNow, names) ?? propertyBreak(wasNow, isNow, names, accepted)
    if (why) {
      breaks.push({ kind: 'changed', ...why, before: was, after: is })
      for (const name of otherRemovedParameters(wasNow, isNow, why.reason))
        breaks.push({
          kind: 'changed',
          reason: `parameter \`${name}\` removed`,
          consequence: why.consequence,
          confidence: why.confidence,
          before: was,
          after: is,
          keySuffix: `:parameter:${name}`
        })
    } else {
      const note = jsDocReturnNote(was, is, names)
      if (note) breaks.push({ kind: 'changed', ...note, before: was, after: is, review: true })
    }
    breaks.push(...optionBreaks(was, is))
  }
  return {
    breaks: withoutInteropTwins(breaks),
    additions: added.filter((a) => !claimed.has(a.id)),
    renamed,
    moved
  }
}

/**
 * An `export =` namespace is read twice, as `default.X` and as the named `X` ESM interop gives: one
 * declaration, one change (html-webpack-plugin 5, held-out-7: each member reported twice). The named
 * one is kept; `default.X` goes when a break of the same kind and reason quotes the same place.
 */
function withoutInteropTwins(breaks: SurfaceBreak[]): SurfaceBreak[] {
  const key = (b: SurfaceBreak, name: string): string =>
    `${b.before.subpath} ${name} ${b.kind} ${b.reason} ${b.before.file}:${b.before.line}`
  const named = new Set(breaks.map((b) => key(b, b.before.name)))
  // One option key read at one place, reached from several exported functions (glob's `glob`,
  // `Glob`, `Glob.constructor` all hand `options` to `setopts`): one change, told once.
  const optionSeen = new Set<string>()
  return breaks.filter((b) => {
    if (b.before.name.startsWith('default.') && named.has(key(b, b.before.name.slice(8))))
      return false
    if (
      b.kind !== 'removed' ||
      b.before.ownerKind !== 'function' ||
      !b.before.text.includes('(read by')
    )
      return true
    const option = `${b.before.subpath} ${leafName(b.before.name)} ${b.reason} ${b.before.file}:${b.before.line}`
    if (optionSeen.has(option)) return false
    optionSeen.add(option)
    return true
  })
}

/**
 * Options an untyped JavaScript function read at the base (`options.separateMs`) that HEAD's function
 * no longer takes: its declared options type has no such property, or its body no longer reads it.
 * Each is a removal under the options type's name (`Options.separateMs`), paired with a similar new key.
 */
function optionBreaks(was: SurfaceItem, is: SurfaceItem): SurfaceBreak[] {
  const found: SurfaceBreak[] = []
  const oldSigs = was.signatures ?? []
  const newSigs = is.signatures ?? []
  const width = Math.max(0, ...oldSigs.map((s) => s.params.length))
  for (let i = 0; i < width; i += 1) {
    const old = oldSigs.map((s) => s.params[i]).find((p) => p?.keysFrom === 'read' && p.keys)
    if (!old?.keys) continue
    const now = newSigs.map((s) => s.params[i]).filter((p) => p?.keys && p.keys.length > 0)
    // HEAD says nothing about the keys it takes (untyped and unread, `any`, an index signature), or
    // hands the object on to code that may read the rest.
    if (now.length === 0 || now.some((p) => p.keysOpen)) continue
    const taken = new Map(now.flatMap((p) => p.keys ?? []).map((k) => [k.name, k]))
    const owner = now.find((p) => p.keysOwner)?.keysOwner ?? `${was.name}(${old.name})`
    const oldNames = new Set(old.keys.map((k) => k.name))
    const fresh = [...taken.values()].filter((k) => !oldNames.has(k.name))
    const newParam = now[0]
    for (const key of old.keys) {
      if (taken.has(key.name)) continue
      const partner = fresh.find((k) => similarNames(k.name, key.name))
      const before: SurfaceItem = {
        id: `${was.subpath} ${owner}.${key.name}`,
        subpath: was.subpath,
        name: `${owner}.${key.name}`,
        kind: 'property',
        optional: true,
        type: 'any',
        ownerKind: 'function',
        file: key.file ?? was.file,
        line: key.line,
        text: `${old.name}.${key.name} (read by ${was.name})`
      }
      const after: SurfaceItem | undefined = partner
        ? {
            ...before,
            id: `${is.subpath} ${owner}.${partner.name}`,
            name: `${owner}.${partner.name}`,
            file: is.file,
            line: partner.line || is.line,
            text: `${newParam.name}.${partner.name}`
          }
        : undefined
      found.push({
        kind: 'removed',
        reason: partner ? `renamed to \`${partner.name}\`` : 'no longer taken',
        consequence: `calls of \`${was.name}\` that pass the option \`${key.name}\` lose its effect`,
        before,
        ...(after ? { after, renamedTo: after.name } : {}),
        confidence: newParam.keysFrom === 'type' ? 'high' : 'medium'
      })
    }
  }
  return found
}

/** A primitive type name, as the checker writes one it guessed from a literal. */
function isPrimitive(type: string): boolean {
  return /^(number|string|boolean|bigint)$/.test(type.trim())
}

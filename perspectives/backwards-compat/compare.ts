// Comparing the public API at the base with HEAD: what was removed (or renamed, or moved), how
// signatures changed, and what was added. Breaking changes become findings; additions are listed apart.
// The pieces: api-change.ts (what a change is), compare-params.ts (signatures parameter by parameter).
import { type ApiItem, describeSignature, normaliseType, signatureText } from './api.js'
import type { BackwardsCompatMessageId } from './messages.js'
import {
  type Addition,
  type ApiDiff,
  baseLocation,
  type Change,
  change,
  headLocation,
  type Moved
} from './api-change.js'
import { compareParams } from './compare-params.js'

export type { Addition, ApiDiff, Change, ChangePlace, Moved } from './api-change.js'

const KIND_WORD: Record<ApiItem['kind'], string> = {
  function: 'Function',
  class: 'Class',
  method: 'Method',
  property: 'Property',
  variable: 'Variable',
  type: 'Type',
  value: 'Export',
  reexport: 'Re-export'
}

function isMember(item: ApiItem): boolean {
  return item.kind === 'method' || item.kind === 'property'
}

/**
 * The whole comparison. `ref` names the base in messages. `dynamicExports` maps a name to the HEAD entry
 * module that names it in a string literal (`Object.defineProperty(exports, 'parse', ...)`, lazy
 * exports): a base entry export found there is taken as still exported, since static analysis cannot
 * see such exports. A Python module's `__getattr__` adds `file#name` keys for the names it compares
 * against: a removed name it still serves is not removed for its users.
 */
export function compareApi(
  base: Map<string, ApiItem>,
  head: Map<string, ApiItem>,
  ref: string,
  declarationText: (item: ApiItem, at: 'base' | 'head') => string | undefined,
  dynamicExports: ReadonlyMap<string, string> = new Map()
): ApiDiff {
  const changes: Change[] = []
  const additions: Addition[] = []
  const moved: Moved[] = []
  const removed = [...base.values()].filter((item) => !head.has(item.key))
  const added = [...head.values()].filter((item) => !base.has(item.key))
  const claimed = new Set<string>()
  const removedClasses = new Set(
    removed.filter((i) => i.kind === 'class').map((i) => `${i.file}#${i.name}`)
  )

  // A Python class's inherited members are listed under the file of the base that defines them
  // (pathspec 1's `GitIgnorePattern.include` from pattern.py): the class removed takes them too.
  const removedClassNames = new Set(removed.filter((i) => i.kind === 'class').map((i) => i.name))
  const headClasses = new Set(
    [...head.values()].filter((i) => i.kind === 'class').map((i) => `${i.file}#${i.name}`)
  )
  for (const item of removed) {
    // A member of a class that is itself removed (or moved) is part of that one change.
    const owner = isMember(item) ? item.name.slice(0, item.name.indexOf('.')) : ''
    if (isMember(item) && removedClasses.has(`${item.file}#${owner}`)) continue
    if (isMember(item) && removedClassNames.has(owner) && !headClasses.has(`${item.file}#${owner}`))
      continue
    // The same name and kind in another file: moved. Users of the package entry do not see it.
    const elsewhere = added.find(
      (a) =>
        !claimed.has(a.key) &&
        a.name === item.name &&
        a.file !== item.file &&
        compatibleKinds(a, item)
    )
    // An entry module's export that reappears in another entry module moved with the package's entry
    // (package.json main/types changed): users import the package, not the path.
    if (elsewhere && (!item.entry || elsewhere.entry)) {
      claimed.add(elsewhere.key)
      moved.push({ name: item.name, from: item.file, to: elsewhere.file })
      continue
    }
    const dynamic = item.entry && !isMember(item) ? dynamicExports.get(item.name) : undefined
    if (dynamic) {
      moved.push({
        name: item.name,
        from: item.file,
        to: `${dynamic} (named in a string there: an export static analysis cannot see)`
      })
      continue
    }
    // Python: the module still imports the name from the package and offers it (a class moved to
    // `exceptions.py` and imported back into `__init__.py`).
    const importedFrom = isMember(item)
      ? undefined
      : dynamicExports.get(`${item.file}#${item.name}#import`)
    if (importedFrom) {
      if (elsewhere) claimed.add(elsewhere.key)
      moved.push({
        name: item.name,
        from: item.file,
        to: `${importedFrom} (imported into ${item.file}, which still offers it)`
      })
      continue
    }
    // Python: the module's `__getattr__` still answers to the name (a deprecation shim).
    if (!isMember(item) && dynamicExports.has(`${item.file}#${item.name}`)) {
      moved.push({
        name: item.name,
        from: item.file,
        to: `${item.file} (served by its module __getattr__, usually with a deprecation warning)`
      })
      continue
    }
    // A rename: a new name in the same file with the same signature.
    const renamedTo =
      item.params || item.kind === 'class' || item.kind === 'type'
        ? added.find(
            (a) =>
              !claimed.has(a.key) &&
              a.file === item.file &&
              a.kind === item.kind &&
              isMember(a) === isMember(item) &&
              signatureText(a) === signatureText(item) &&
              sameOwner(a, item)
          )
        : undefined
    if (renamedTo) claimed.add(renamedTo.key)
    const renamed = renamedTo
      ? ` (possibly renamed to \`${renamedTo.name}\`, which has the same signature)`
      : ''
    const messageId: BackwardsCompatMessageId = isMember(item)
      ? 'memberRemoved'
      : item.kind === 'type'
        ? 'typeRemoved'
        : 'exportRemoved'
    changes.push({
      messageId,
      data: {
        what: KIND_WORD[item.kind],
        name: item.name,
        signature: describeSignature(item),
        file: item.file,
        line: item.loc.startLine,
        ref,
        renamed
      },
      severity: item.entry ? 'high' : 'medium',
      confidence: item.kind === 'type' ? 'medium' : item.entry ? 'high' : 'medium',
      rationale: `Removing a public ${KIND_WORD[item.kind].toLowerCase()} is a breaking change${item.entry ? ' of a package entry module' : ''}; severity is high for entry modules (index, main/exports/types, __init__.py), medium elsewhere since users may not import that module directly.`,
      key: `removed:${item.name}`,
      symbol: item.name,
      place: renamedTo ? headLocation(renamedTo) : baseLocation(item, ref),
      bump: 'major'
    })
  }
  for (const item of added) {
    if (claimed.has(item.key)) continue
    additions.push({
      file: item.file,
      name: item.name,
      what: `${KIND_WORD[item.kind].toLowerCase()} added`
    })
  }
  for (const [key, now] of head) {
    const was = base.get(key)
    if (!was) continue
    if (was.declaration && now.declaration) {
      const before = declarationText(was, 'base')
      const after = declarationText(now, 'head')
      if (
        before !== undefined &&
        after !== undefined &&
        normaliseType(before) !== normaliseType(after)
      ) {
        changes.push(
          change(
            now,
            'declarationChanged',
            { before, after },
            ref,
            'low',
            'low',
            'A changed declaration line may be additive or breaking; without parameters in the model for .d.ts files it is flagged for review and not counted in the semver advice.',
            'declaration',
            'minor'
          )
        )
      }
      continue
    }
    if (was.params && now.params) compareParams(was, now, ref, changes, additions)
  }
  return { changes, additions, moved }
}

/** Kinds one thing can have in two versions: a function re-exported as a property value (`{ parse: require('./parse') }`) is still it. */
const LOOSE_KINDS: ReadonlySet<ApiItem['kind']> = new Set(['value', 'variable', 'reexport'])

function compatibleKinds(a: ApiItem, b: ApiItem): boolean {
  if (a.kind === b.kind) return true
  if (isMember(a) || isMember(b) || a.kind === 'type' || b.kind === 'type') return false
  return LOOSE_KINDS.has(a.kind) || LOOSE_KINDS.has(b.kind)
}

function sameOwner(a: ApiItem, b: ApiItem): boolean {
  if (!isMember(a)) return true
  return a.name.slice(0, a.name.indexOf('.')) === b.name.slice(0, b.name.indexOf('.'))
}

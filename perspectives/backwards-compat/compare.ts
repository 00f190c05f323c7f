// Comparing the public API at the base with HEAD: what was removed (or renamed, or moved), how
// signatures changed, and what was added. Breaking changes become findings; additions are listed apart.
import type { Location, Parameter } from '../../src/model/types.js'
import type { Confidence, FindingData, Severity } from '../types.js'
import { type ApiItem, describeSignature, normaliseType, signatureText } from './api.js'
import { annotationNames, pythonTypeCompatible } from './python-types.js'
import type { BackwardsCompatMessageId } from './messages.js'

/** Where a change is shown: at HEAD when the thing still exists there, else at the base. */
export type ChangePlace =
  | { head: { file: string; loc: Location } }
  | { base: { file: string; line: number; lookedFor: string } }

export interface Change {
  messageId: BackwardsCompatMessageId
  data: FindingData
  severity: Severity
  confidence: Confidence
  rationale: string
  key: string
  symbol?: string
  place: ChangePlace
  /** The release this change needs on its own. */
  bump: 'major' | 'minor'
}

export interface Addition {
  file: string
  name: string
  what: string
}

export interface Moved {
  name: string
  from: string
  to: string
}

export interface ApiDiff {
  changes: Change[]
  additions: Addition[]
  moved: Moved[]
}

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

function required(p: Parameter): boolean {
  return !p.optional && !p.rest && p.defaultValue === undefined
}

function baseLocation(item: ApiItem, ref: string): ChangePlace {
  return {
    base: {
      file: item.file,
      line: item.loc.startLine,
      lookedFor: `${item.name} (${describeSignature(item)}) in ${item.file} as it was at ${ref}`
    }
  }
}

function headLocation(item: ApiItem): ChangePlace {
  return {
    head: {
      file: item.file,
      loc: { ...item.loc, endLine: Math.min(item.loc.endLine, item.loc.startLine + 2) }
    }
  }
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

  for (const item of removed) {
    // A member of a class that is itself removed (or moved) is part of that one change.
    if (
      isMember(item) &&
      removedClasses.has(`${item.file}#${item.name.slice(0, item.name.indexOf('.'))}`)
    )
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

function change(
  now: ApiItem,
  messageId: BackwardsCompatMessageId,
  extra: FindingData,
  ref: string,
  severity: Severity,
  confidence: Confidence,
  rationale: string,
  what: string,
  bump: Change['bump'] = 'major'
): Change {
  return {
    messageId,
    data: { name: now.name, file: now.file, ref, ...extra },
    severity,
    confidence,
    rationale,
    key: `${what}:${now.name}`,
    symbol: now.name,
    place: headLocation(now),
    bump
  }
}

const SEVERITY_NOTE =
  'Severity is high for a package entry module, medium elsewhere (users may not import that module directly).'

function compareParams(
  was: ApiItem,
  now: ApiItem,
  ref: string,
  changes: Change[],
  additions: Addition[]
): void {
  const python = now.language === 'python'
  const typed = now.language === 'typescript' || now.language === 'tsx'
  const severity: Severity = now.entry ? 'high' : 'medium'
  const before = describeSignature(was)
  const after = describeSignature(now)
  const common = { before, after }
  const oldParams = was.params ?? []
  const newParams = now.params ?? []
  const newHasRest = newParams.some((p) => p.rest)
  const positional = (ps: Parameter[]) => ps.filter((p) => !p.keywordOnly && !p.rest)
  const byName = new Map(newParams.map((p) => [p.name, p]))

  if (python) {
    // Python callers pass arguments by keyword as often as by position: match parameters by name.
    const oldPositional = positional(oldParams)
    const newPositional = positional(newParams)
    const renamedTo = new Set<string>()
    for (const p of oldParams) {
      if (p.rest || p.name === 'self' || p.name === 'cls') continue
      const np = byName.get(p.name)
      if (!np) {
        const index = oldPositional.indexOf(p)
        const successor = index >= 0 ? newPositional[index] : undefined
        // `__name` is positional-only by convention (PEP 484) as `/` makes it by syntax: no keyword call
        // names it, so a positional-only parameter in its place under another name is the same parameter.
        const positionalOnly =
          p.positionalOnly || (p.name.startsWith('__') && !p.name.endsWith('__'))
        if (
          positionalOnly &&
          successor &&
          !oldParams.some((o) => o.name === successor.name) &&
          (successor.positionalOnly || successor.name.startsWith('__'))
        ) {
          renamedTo.add(successor.name)
          compareOne(p, successor, was, now, ref, severity, changes, common, false)
          continue
        }
        if (successor && !oldParams.some((o) => o.name === successor.name) && !positionalOnly) {
          renamedTo.add(successor.name)
          changes.push(
            change(
              now,
              'parameterRenamed',
              { param: p.name, newName: successor.name, ...common },
              ref,
              severity,
              'high',
              `A renamed parameter breaks keyword calls. ${SEVERITY_NOTE}`,
              `renamed:${p.name}`
            )
          )
        } else if (!newParams.some((x) => x.rest && x.name.startsWith('**'))) {
          changes.push(
            change(
              now,
              'parameterRemoved',
              { param: p.name, consequence: 'calls that pass it fail with a TypeError', ...common },
              ref,
              severity,
              'high',
              `A removed parameter breaks calls that pass it. ${SEVERITY_NOTE}`,
              `removed-param:${p.name}`
            )
          )
        }
        continue
      }
      if (!p.keywordOnly && np.keywordOnly) {
        changes.push(
          change(
            now,
            'keywordOnlyChanged',
            { param: p.name, ...common },
            ref,
            severity,
            'high',
            `Making a parameter keyword-only breaks positional calls. ${SEVERITY_NOTE}`,
            `kwonly:${p.name}`
          )
        )
      }
      compareOne(p, np, was, now, ref, severity, changes, common, false)
    }
    for (const np of newParams) {
      if (np.rest || oldParams.some((p) => p.name === np.name)) continue
      if (renamedTo.has(np.name)) continue
      if (required(np))
        changes.push(
          change(
            now,
            'requiredParameterAdded',
            { param: np.name, ...common },
            ref,
            severity,
            'high',
            `A new required parameter breaks every existing call. ${SEVERITY_NOTE}`,
            `required:${np.name}`
          )
        )
      else
        additions.push({
          file: now.file,
          name: now.name,
          what: `optional parameter ${np.name} added`
        })
    }
  } else {
    // JavaScript/TypeScript pass by position: compare parameters index by index.
    for (let i = 0; i < oldParams.length; i++) {
      const p = oldParams[i]
      const np = newParams[i]
      if (p.rest) {
        if (!np?.rest)
          changes.push(
            change(
              now,
              'parameterRemoved',
              {
                param: `...${p.name}`,
                consequence: 'extra arguments are no longer accepted',
                ...common
              },
              ref,
              severity,
              typed ? 'high' : 'medium',
              `Dropping a rest parameter changes what calls are accepted. ${SEVERITY_NOTE}`,
              `removed-param:${p.name}`
            )
          )
        continue
      }
      if (!np) {
        if (!newHasRest) {
          changes.push(
            change(
              now,
              'parameterRemoved',
              {
                param: p.name,
                consequence: typed
                  ? 'calls that pass it no longer compile, and the argument is ignored'
                  : 'an argument callers pass is now ignored',
                ...common
              },
              ref,
              severity,
              typed ? 'high' : 'medium',
              `A removed parameter changes the contract of every call that passes it. ${SEVERITY_NOTE}`,
              `removed-param:${p.name}`
            )
          )
        }
        continue
      }
      if (np.rest) continue
      compareOne(p, np, was, now, ref, severity, changes, common, typed)
    }
    for (let i = oldParams.length; i < newParams.length; i++) {
      const np = newParams[i]
      if (oldParams.some((p) => p.rest)) break
      if (required(np))
        changes.push(
          change(
            now,
            'requiredParameterAdded',
            { param: np.name, ...common },
            ref,
            severity,
            typed ? 'high' : 'medium',
            `A new required parameter breaks every existing call. ${SEVERITY_NOTE}`,
            `required:${np.name}`
          )
        )
      else
        additions.push({
          file: now.file,
          name: now.name,
          what: `optional parameter ${np.name} added`
        })
    }
  }
  if (typeChanged(was.returnType, now.returnType, was, now, 'return')) {
    changes.push(
      change(
        now,
        'returnTypeChanged',
        { oldType: was.returnType ?? '', newType: now.returnType ?? '' },
        ref,
        severity,
        'medium',
        `A changed declared return type may break code using the result (a narrower type can be compatible: medium confidence). ${SEVERITY_NOTE}`,
        'return'
      )
    )
  }
}

/**
 * Whether a declared type changed in a way that can break callers. Python annotations compare by
 * meaning and by direction (python-types.ts: a parameter that accepts more, a return that gives
 * less, is compatible); one that names a module-level alias (`_str_bytes`) cannot be compared
 * without its value, so it is left alone rather than reported on its spelling.
 */
function typeChanged(
  before: string | undefined,
  after: string | undefined,
  was: ApiItem,
  now: ApiItem,
  position: 'parameter' | 'return'
): boolean {
  const a = normaliseType(before)
  const b = normaliseType(after)
  if (!a || !b || a === b) return false
  if (now.language !== 'python') return true
  if (pythonTypeCompatible(a, b, position)) return false
  const usesAlias = (text: string, item: ApiItem) =>
    annotationNames(text).some((n) => item.moduleNames?.includes(n))
  return !usesAlias(a, was) && !usesAlias(b, now)
}

function compareOne(
  p: Parameter,
  np: Parameter,
  was: ApiItem,
  now: ApiItem,
  ref: string,
  severity: Severity,
  changes: Change[],
  common: FindingData,
  typed: boolean
): void {
  if (!required(p) && required(np)) {
    changes.push(
      change(
        now,
        'optionalMadeRequired',
        { param: np.name, ...common },
        ref,
        severity,
        'high',
        `Calls that left out an optional parameter break when it becomes required. ${SEVERITY_NOTE}`,
        `required:${np.name}`
      )
    )
  }
  if (typeChanged(p.type, np.type, was, now, 'parameter')) {
    changes.push(
      change(
        now,
        'parameterTypeChanged',
        { param: np.name, oldType: p.type ?? '', newType: np.type ?? '' },
        ref,
        severity,
        typed ? 'medium' : 'low',
        `A changed parameter type can reject arguments that were accepted (a wider type is compatible: medium confidence). ${SEVERITY_NOTE}`,
        `type:${np.name}`
      )
    )
  }
  if (
    p.defaultValue !== undefined &&
    np.defaultValue !== undefined &&
    p.defaultValue.trim() !== np.defaultValue.trim()
  ) {
    changes.push(
      change(
        now,
        'defaultChanged',
        { param: np.name, oldDefault: p.defaultValue.trim(), newDefault: np.defaultValue.trim() },
        ref,
        'medium',
        'medium',
        'A changed default changes the behaviour of calls that rely on it without any error; semver treats a behaviour change of the public API as major.',
        `default:${np.name}`
      )
    )
  }
}

// How a signature changed between the base and HEAD, parameter by parameter: Python's matched by name
// (callers pass keywords), the others by position; types, defaults, optionality, keyword-only.
import type { Parameter } from '../../src/model/types.js'
import type { FindingData, Severity } from '../types.js'
import { type ApiItem, describeSignature, normaliseType } from './api.js'
import { type Addition, type Change, change, required, SEVERITY_NOTE } from './api-change.js'
import { expandPythonAliases } from './python-aliases.js'
import { annotationNames, pythonTypeCompatible } from './python-types.js'

/** HEAD takes `name` only through a `**kwargs` whose every use is known and none reads `name`. */
function swallowed(now: ApiItem, name: string): boolean {
  const taken = now.kwargsKeys
  return taken !== undefined && !taken.open && !taken.keys.some((k) => k.name === name)
}

export function compareParams(
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
  // A callback's parameter names and types are its caller's protocol (ApiItem.callback): a rename or
  // a corrected annotation breaks no user; a parameter it no longer takes still does.
  const from = changes.length
  if (was.callback && now.callback) {
    compareParams(
      { ...was, callback: undefined },
      { ...now, callback: undefined },
      ref,
      changes,
      additions
    )
    const own = changes.splice(from)
    changes.push(
      ...own.filter((c) => !['parameterRenamed', 'parameterTypeChanged'].includes(c.messageId))
    )
    return
  }

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
        // `fp` became `__fp` (tomli 2's `load`): the same parameter, no longer passable by keyword.
        if (
          successor &&
          !positionalOnly &&
          !oldParams.some((o) => o.name === successor.name) &&
          isPositionalOnly(successor)
        ) {
          renamedTo.add(successor.name)
          changes.push(positionalOnlyChange(now, p.name, common, ref, severity))
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
        } else if (!newParams.some((x) => x.rest && (x.kwargs || x.name.startsWith('**')))) {
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
        } else if (swallowed(now, p.name)) {
          // HEAD still accepts the keyword through `**kwargs` but nothing reads it (pyjwt 2's
          // `decode(verify=...)`): no TypeError, and the argument no longer does anything.
          const kwargs = newParams.find((x) => x.kwargs)?.name ?? 'kwargs'
          changes.push(
            change(
              now,
              'parameterRemoved',
              {
                param: p.name,
                consequence: `calls that pass it are silently ignored (HEAD takes it through \`**${kwargs}\` and never reads it)`,
                ...common
              },
              ref,
              severity,
              'medium',
              `A parameter now swallowed by **kwargs no longer has any effect. ${SEVERITY_NOTE}`,
              `removed-param:${p.name}`
            )
          )
        }
        continue
      }
      if (!isPositionalOnly(p) && isPositionalOnly(np))
        changes.push(positionalOnlyChange(now, p.name, common, ref, severity))
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
    // Keywords the base read from `**kwargs` (natsort 5's `number_type`): with no `**` parameter
    // and no parameter of that name at HEAD, passing one is a TypeError.
    if (!newParams.some((x) => x.kwargs))
      for (const key of was.kwargsKeys?.keys ?? []) {
        if (byName.has(key.name) || oldParams.some((p) => p.name === key.name && !p.kwargs))
          continue
        changes.push(
          change(
            now,
            'parameterRemoved',
            {
              param: key.name,
              consequence: `calls that pass it fail with a TypeError (at ${ref} it was a keyword argument read from \`**kwargs\` in ${key.file}:${key.line})`,
              ...common
            },
            ref,
            severity,
            'high',
            `A keyword argument the function read by name is no longer accepted. ${SEVERITY_NOTE}`,
            `removed-kwarg:${key.name}`
          )
        )
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

/** Positional-only by syntax (before `/`) or by the `__name` convention (PEP 484). */
/**
 * A default as its value: a plain string literal without its quotes ('HS256' and "HS256" are one value:
 * black and prettier rewrite quote styles), anything else as written.
 */
function literalText(text: string): string {
  const t = text.trim()
  const quoted = /^(['"`])([^'"`\\]*)\1$/.exec(t)
  return quoted ? `"${quoted[2]}"` : t
}

function isPositionalOnly(p: Parameter): boolean {
  return p.positionalOnly === true || (p.name.startsWith('__') && !p.name.endsWith('__'))
}

function positionalOnlyChange(
  now: ApiItem,
  param: string,
  common: FindingData,
  ref: string,
  severity: Severity
): Change {
  return change(
    now,
    'positionalOnlyChanged',
    { param, ...common },
    ref,
    severity,
    'high',
    `A parameter made positional-only breaks calls that pass it by keyword. ${SEVERITY_NOTE}`,
    `posonly:${param}`
  )
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
  let a = normaliseType(before)
  let b = normaliseType(after)
  if (!a || !b || a === b) return false
  if (now.language !== 'python') return true
  // An alias is the type it stands for (markdown-it-py 3's `EnvType = MutableMapping[str, Any]`).
  a = expandPythonAliases(a, was.typeAliases ?? new Map())
  b = expandPythonAliases(b, now.typeAliases ?? new Map())
  if (a === b || pythonTypeCompatible(a, b, position)) return false
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
    literalText(p.defaultValue) !== literalText(np.defaultValue)
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

// Generic declarations read as their users meet them. A call without type arguments lets a
// parameter typed `TReq` take whatever the type parameter admits (its constraint, else anything) and
// gives back its default; a member of `class Registry<T = A>` reached through a bare `Registry` has
// type `A`. http-proxy-middleware 3 and prom-client 15 made such declarations generic with the old type
// as the default (judged no break on held-out-6): comparing the texts as written called them changed.
import type { SurfaceItem, SurfaceSignature, SurfaceTypeParam } from './ts-surface.js'

/** `name` as a whole word of a type's text: not a property key (`{ T: x }`), member (`a.T`) or string. */
function wordPattern(name: string): RegExp {
  const escaped = name.replace(/[$]/g, '\\$')
  return new RegExp(`(?<![\\w$.'"\`])${escaped}(?![\\w$]|\\??:)`, 'g')
}

/** Each type parameter replaced by what `pick` says it stands for (left as written when nothing). */
function substitute(
  type: string,
  params: SurfaceTypeParam[] | undefined,
  pick: (p: SurfaceTypeParam) => string | undefined
): string {
  if (!params) return type
  let text = type
  for (const p of params) {
    const replacement = pick(p)
    if (replacement === undefined) continue
    // A name stays a name; a union or function type is bracketed to keep its place in `T[]`.
    const simple = /^[\w$.]+(?:<[^|&]*>)?(?:\[\])*$/.test(replacement.trim())
    const value = simple ? replacement.trim() : `(${replacement})`
    text = text.replace(wordPattern(p.name), () => value)
  }
  return text
}

/** What an argument may be: the constraint, else anything (inference takes the argument's type). */
const asInput = (p: SurfaceTypeParam): string => p.constraint ?? p.default ?? 'any'
/** What comes back when no type argument is written and nothing else fixes it: the default. */
const asOutput = (p: SurfaceTypeParam): string | undefined => p.default ?? p.constraint

/**
 * A signature with its own type parameters read as a call without type arguments sees them. A
 * parameter typed by a default-carrying type parameter reads as the default (a caller's argument of
 * the old type is still taken: inference picks it, and a constraint never excludes its own default).
 */
export function instantiateSignature(sig: SurfaceSignature): SurfaceSignature {
  const params = sig.typeParameters
  if (!params || params.length === 0) return sig
  return {
    ...sig,
    params: sig.params.map((p) => ({
      ...p,
      type: substitute(p.type, params, (t) => t.default ?? asInput(t))
    })),
    returnType: substitute(sig.returnType, params, asOutput)
  }
}

/** An item of a generic declaration with the declaration's type parameters at their defaults. */
export function instantiate(item: SurfaceItem): SurfaceItem {
  const params = item.typeParameters
  if (!params || params.length === 0) return item
  return {
    ...item,
    ...(item.type !== undefined ? { type: substitute(item.type, params, asOutput) } : {}),
    ...(item.signatures
      ? {
          signatures: item.signatures.map((s) => ({
            ...s,
            params: s.params.map((p) => ({
              ...p,
              type: substitute(p.type, params, asOutput)
            })),
            returnType: substitute(s.returnType, params, asOutput)
          }))
        }
      : {})
  }
}

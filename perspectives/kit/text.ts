// Lists in finding messages and reports that are cut after a few items.

/** `a, b, c and 4 more`: the first `max` items joined, then how many were left out. */
export function andMore(items: readonly string[], max: number, separator = ', '): string {
  const hidden = items.length - max
  return items.slice(0, max).join(separator) + (hidden > 0 ? ` and ${hidden} more` : '')
}

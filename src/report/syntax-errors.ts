// Syntax errors are always named by file: a bare total ("889 syntax errors") tells nobody where to look.

export interface FileErrors {
  path: string
  count: number
}

/** `848 in src/types.ts, 2 in src/a.ts and 3 more files (12 errors)`; empty when there are none. */
export function syntaxErrorText(
  files: readonly FileErrors[],
  limit: number,
  quote: (path: string) => string = (p) => p
): string {
  if (files.length === 0) return ''
  const shown = files.slice(0, limit).map((f) => `${f.count} in ${quote(f.path)}`)
  const rest = files.slice(limit)
  if (rest.length === 0) return shown.join(', ')
  const more = rest.reduce((n, f) => n + f.count, 0)
  return `${shown.join(', ')} and ${rest.length} more ${rest.length === 1 ? 'file' : 'files'} (${more} ${more === 1 ? 'error' : 'errors'})`
}

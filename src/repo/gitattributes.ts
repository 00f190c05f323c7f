// `.gitattributes` files, read for the two attributes GitHub Linguist uses to leave files out of
// language statistics: `linguist-generated` and `linguist-vendored`. The format is git's:
// `pattern attr attr=value -attr !attr`, later lines and deeper files win.
import picomatch from 'picomatch'

/** true = set, false = explicitly unset (`-attr`, `attr=false`), null = reset to unspecified (`!attr`). */
type AttributeValue = boolean | null

const WATCHED = ['linguist-generated', 'linguist-vendored'] as const
type WatchedAttribute = (typeof WATCHED)[number]

interface AttributeRule {
  matches: (path: string) => boolean
  values: Partial<Record<WatchedAttribute, AttributeValue>>
}

/** Splits the pattern off a line; git allows a C-style quoted pattern for names with spaces. */
function splitPattern(line: string): { pattern: string; rest: string } {
  if (line.startsWith('"')) {
    let pattern = ''
    for (let i = 1; i < line.length; i++) {
      const c = line[i]
      if (c === '\\' && i + 1 < line.length) {
        pattern += line[++i]
      } else if (c === '"') {
        return { pattern, rest: line.slice(i + 1) }
      } else {
        pattern += c
      }
    }
    return { pattern, rest: '' }
  }
  const space = line.search(/\s/)
  return space < 0
    ? { pattern: line, rest: '' }
    : { pattern: line.slice(0, space), rest: line.slice(space + 1) }
}

function parseValue(token: string): { name: string; value: AttributeValue } {
  if (token.startsWith('-')) return { name: token.slice(1), value: false }
  if (token.startsWith('!')) return { name: token.slice(1), value: null }
  const eq = token.indexOf('=')
  if (eq < 0) return { name: token, value: true }
  const value = token.slice(eq + 1).toLowerCase()
  return {
    name: token.slice(0, eq),
    value: !(value === 'false' || value === '0' || value === 'no')
  }
}

/** A matcher for one pattern of an attributes file that lives in directory `base` ('' for the root). */
function compilePattern(pattern: string, base: string): (path: string) => boolean {
  const prefix = base ? `${base}/` : ''
  const anchored = pattern.replace(/\/+$/, '').includes('/')
  const glob = pattern.replace(/^\//, '')
  const isMatch = picomatch(glob, { dot: true })
  return (path) => {
    if (!path.startsWith(prefix)) return false
    const relative = path.slice(prefix.length)
    // Without a slash the pattern matches the file name at any depth, as in .gitignore.
    return anchored ? isMatch(relative) : isMatch(relative.slice(relative.lastIndexOf('/') + 1))
  }
}

/** Parses one `.gitattributes` file that sits in directory `base`; only the Linguist attributes are kept. */
export function parseGitAttributes(text: string, base: string): AttributeRule[] {
  const rules: AttributeRule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('[attr]')) continue
    const { pattern, rest } = splitPattern(line)
    // Negative patterns are forbidden in attributes files; git ignores them, so do we.
    if (!pattern || pattern.startsWith('!')) continue
    const values: AttributeRule['values'] = {}
    for (const token of rest.split(/\s+/)) {
      if (!token) continue
      const { name, value } = parseValue(token)
      if ((WATCHED as readonly string[]).includes(name)) values[name as WatchedAttribute] = value
    }
    if (Object.keys(values).length === 0) continue
    try {
      rules.push({ matches: compilePattern(pattern, base), values })
    } catch {
      // A pattern picomatch cannot compile matches nothing, as git would treat a broken glob.
    }
  }
  return rules
}

/** The Linguist attributes of every path, from all attribute files (shallow first, each in file order). */
export class LinguistAttributes {
  constructor(private readonly rules: AttributeRule[]) {}

  static fromFiles(files: { base: string; text: string }[]): LinguistAttributes {
    const ordered = [...files].sort(
      (a, b) => depth(a.base) - depth(b.base) || a.base.localeCompare(b.base)
    )
    return new LinguistAttributes(
      ordered.flatMap((file) => parseGitAttributes(file.text, file.base))
    )
  }

  /** true/false when an attributes file says so, undefined when none does. */
  value(path: string, attribute: WatchedAttribute): boolean | undefined {
    let result: AttributeValue | undefined
    for (const rule of this.rules) {
      const value = rule.values[attribute]
      if (value !== undefined && rule.matches(path)) result = value
    }
    return result ?? undefined
  }
}

function depth(base: string): number {
  return base ? base.split('/').length : 0
}

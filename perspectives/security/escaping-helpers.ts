// A module's own one-line escaping helpers: `def _encode_path(self, path): return quote(path, safe="")`
// or `const encode = (name) => encodeURIComponent(name)`. What they return has no `/`, `\`, quote, `<` or
// shell metacharacter left, so a value passed through one carries no taint, as the escaper itself does not
// (Radicale's sharing database joins `self._encode_path(PathOrToken)` onto its folder: six findings judged
// false as traversal in session 14).
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { codeOnly, withoutNeutralCalls } from './text.js'

/** Escapers whose result keeps no path separator. Python's `quote` keeps `/` unless `safe` is empty. */
const ESCAPER = /(?:^|\.)(encodeURIComponent|quote|quote_plus|secure_filename)$/

function escapesAll(call: CallSite): boolean {
  const name = ESCAPER.exec(call.callee)?.[1]
  if (!name || call.callee === 'shlex.quote') return false
  if (name !== 'quote') return true
  return call.args.some((a) => /^safe\s*=\s*(""|'')$/.test(a.trim()))
}

const cache = new WeakMap<ModuleModel, RegExp | null>()

/** The names of the module's escaping helpers as a call pattern for withoutNeutralCalls; null when none. */
export function escapingHelpers(module: ModuleModel): RegExp | null {
  const known = cache.get(module)
  if (known !== undefined) return known
  const names: string[] = []
  for (const fn of module.functions) {
    // A body of one statement: the helper returns the escaper's result and binds nothing else.
    if (fn.lines > 3 || fn.params.length === 0) continue
    const inside = module.calls.filter((c) => c.enclosing === fn.qualifiedName)
    if (inside.length !== 1 || !escapesAll(inside[0])) continue
    if ((module.bindings ?? []).some((b) => b.enclosing === fn.qualifiedName)) continue
    const params = new Set(fn.params.map((p) => p.name).filter((p) => p !== 'self' && p !== 'cls'))
    const first = codeOnly(inside[0].args[0] ?? '').trim()
    if (params.has(first)) names.push(fn.name)
  }
  const found =
    names.length === 0
      ? null
      : new RegExp(
          `(?<![\\w$])(?:(?:self|this|cls)\\.)?(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})\\s*\\(`,
          'g'
        )
  cache.set(module, found)
  return found
}

/** The text with the usual neutral calls and the module's escaping helpers taken out. */
export function withoutModuleNeutralCalls(module: ModuleModel, text: string): string {
  const plain = withoutNeutralCalls(text)
  const helpers = escapingHelpers(module)
  return helpers ? withoutNeutralCalls(plain, helpers) : plain
}

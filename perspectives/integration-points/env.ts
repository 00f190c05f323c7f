// Environment variables: every read, by name, with whether it has a fallback where it is read and
// whether the module checks it. Reads come from ModuleModel.envReads (`process.env.X`,
// `os.environ['X']`) and from calls (`os.getenv('X')`, `os.environ.get('X', d)`).
import type { Location, ModuleModel } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { stringLiteralValue } from '../shared/literals.js'
import { ENV_VALIDATORS, normaliseSource } from './catalogue.js'

export interface EnvRead {
  name: string
  module: string
  loc: Location
  enclosing?: string
  /** `process.env.X`, `os.environ['X']`, `os.getenv`. */
  via: string
  hasDefault: boolean
  /** A condition or schema in the module checks it. */
  validated: boolean
  /** Python `os.environ['X']` raises KeyError naming the variable: loud, though not friendly. */
  raisesWhenMissing: boolean
}

/** Lines after a read within which a condition is taken to check the value just read. */
const CHECK_WINDOW = 3

function envCallVia(module: ModuleModel, callee: string): string | undefined {
  if (module.language !== 'python') return undefined
  const fromOs = (name: string): boolean =>
    module.imports.some(
      (d) => d.source === 'os' && d.names.some((n) => n.imported === name && n.local === name)
    )
  if (callee === 'os.getenv' || callee === 'os.environ.get' || callee === 'os.environ.setdefault')
    return callee
  if (callee === 'getenv' && fromOs('getenv')) return 'os.getenv'
  if ((callee === 'environ.get' || callee === 'environ.setdefault') && fromOs('environ'))
    return `os.${callee}`
  return undefined
}

/**
 * What the source shows right around a read the model located: `os.environ.get('X') or 'd'` is a
 * fallback, `!!process.env.X` a flag whose absence means false. A look at the characters next to the
 * read's known location, not a search for code.
 */
function around(
  quote: Quoter,
  file: string,
  loc: Location
): { fallback: boolean; flag: boolean; compared: boolean } {
  let after = quote
    .line(file, loc.endLine)
    .slice(loc.endColumn - 1)
    .trimStart()
  // A fallback on the next line of a parenthesised expression: `os.environ.get('A')\n or 'd'`.
  if (after === '') after = quote.line(file, loc.endLine + 1).trimStart()
  const before = quote
    .line(file, loc.startLine)
    .slice(0, loc.startColumn - 1)
    .trimEnd()
  return {
    fallback: /^(or\b|\?\?|\|\|)/.test(after),
    flag: before.endsWith('!') || /\bnot$/.test(before),
    // `process.env.NODE_ENV === 'production'`: compared, so unset is simply "not production".
    compared: /^(===|!==|==|!=)/.test(after) || /(===|!==|==|!=)$/.test(before)
  }
}

export function envReadsOf(module: ModuleModel, quote?: Quoter): EnvRead[] {
  const schema = module.imports.some(
    (d) => !d.resolved && ENV_VALIDATORS.has(normaliseSource(d.source).split('.')[0])
  )
  const checked = (name: string, loc: Location, enclosing: string | undefined): boolean => {
    if (schema) return true
    if (name !== '*' && module.conditions.some((c) => c.text.includes(name))) return true
    if (name !== '*' && module.throws.some((t) => t.guard?.includes(name))) return true
    // The read is itself a condition (`if (process.env.CI)`), or a flag (`!!process.env.X`), or has a fallback next to it.
    if (
      module.conditions.some(
        (c) =>
          c.loc.startLine <= loc.startLine && c.loc.endLine >= loc.endLine && c.text.includes(name)
      )
    )
      return true
    if (quote) {
      const near = around(quote, module.path, loc)
      if (near.flag || near.fallback || near.compared) return true
    }
    // A module-level binding of the value that a condition tests (`TOKEN = os.environ.get('TOKEN')` ... `if not TOKEN`).
    const binding = module.variables.find((v) => v.loc.startLine === loc.startLine)
    if (binding && module.conditions.some((c) => c.text.includes(binding.name))) return true
    // `const token = process.env.TOKEN; if (!token) throw ...`: a condition right after the read, in the same function.
    return module.conditions.some(
      (c) =>
        c.enclosing === enclosing &&
        c.loc.startLine >= loc.startLine &&
        c.loc.startLine <= loc.startLine + CHECK_WINDOW
    )
  }
  const out: EnvRead[] = []
  const python = module.language === 'python'
  for (const r of module.envReads ?? []) {
    out.push({
      name: r.name,
      module: module.path,
      loc: r.loc,
      ...(r.enclosing ? { enclosing: r.enclosing } : {}),
      via: python ? 'os.environ[...]' : 'process.env',
      hasDefault: r.hasDefault,
      // `Boolean(process.env.X)`, `!!process.env.X`, `process.env.X === '1'`: unset is false on purpose.
      validated: r.asFlag === true || checked(r.name, r.loc, r.enclosing),
      raisesWhenMissing: python
    })
  }
  for (const call of module.calls) {
    const via = envCallVia(module, call.callee)
    if (!via) continue
    const name = stringLiteralValue(call.args[0]) ?? '*'
    const hasDefault =
      via.endsWith('setdefault') ||
      call.args.length >= 2 ||
      (call.keywords ?? []).includes('default')
    out.push({
      name,
      module: module.path,
      loc: call.loc,
      ...(call.enclosing ? { enclosing: call.enclosing } : {}),
      via,
      hasDefault,
      validated: checked(name, call.loc, call.enclosing),
      raisesWhenMissing: false
    })
  }
  return out.sort(
    (a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn
  )
}

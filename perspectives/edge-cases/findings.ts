// The risky boundaries, as findings: loops that run to a length inclusive, switches/matches that end
// a value-returning function without a default, and public functions whose literal boundaries no
// test names. The full catalogue is in the details; findings are only these.
import type {
  Condition,
  FunctionDecl,
  ModuleModel,
  SwitchStatement
} from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { type TestReach, unitReach } from '../shared/reach.js'
import { reportName, type ReachFacts } from '../shared/test-reach.js'
import { exportNamesOf } from '../shared/units.js'
import type { FindingDraft, Severity } from '../types.js'
import { isValueBoundary, subjectOf } from './boundaries.js'
import { analysable, type FunctionEntry, positionalParams } from './catalogue.js'
import type { EdgeMessageId } from './messages.js'
import { isPython, typeInfo } from './type-values.js'

export type Draft = FindingDraft<EdgeMessageId>

const squash = (s: string): string => s.replace(/\s+/g, '')

/** `items.length`, `items?.length`, `len(items)`: the collection, or undefined. */
function lengthOperand(text: string): string | undefined {
  const t = text.trim()
  const member = /^(.+?)\??\.length$/s.exec(t)
  if (member) return member[1]
  const len = /^len\(\s*(.+?)\s*\)$/s.exec(t)
  return len ? len[1] : undefined
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The loop's body reads `collection[counter]`: with the counter equal to the length that read is past
 * the end. A loop that runs to the length on purpose (a table of length + 1, `a[i - 1]`, slices) does not.
 */
function indexesWithCounter(
  module: ModuleModel,
  condition: Condition,
  collection: string,
  counter: string,
  quote: Quoter
): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(counter)) return false
  const loop = module.loops.find(
    (l) => l.loc.startLine === condition.loc.startLine && l.enclosing === condition.enclosing
  )
  if (!loop) return false
  const c = escapeRegExp(counter)
  const k = escapeRegExp(collection.trim())
  const access = new RegExp(`(^|[^\\w$.])${k}\\s*\\[\\s*${c}\\s*\\]`)
  // `index < query.length && query[index] !== '&'` (query-string, round 10): a read the same line guards
  // with the counter below the length never runs past the end.
  const guard = new RegExp(
    `(^|[^\\w$.])${c}\\s*(<|!==?)\\s*(${k}\\??\\.length|len\\(\\s*${k}\\s*\\))\\s*(&&|and\\b)`
  )
  for (let line = loop.loc.startLine; line <= loop.loc.endLine; line++) {
    const text = quote.line(module.path, line)
    const at = access.exec(text)
    if (!at) continue
    const guarded = guard.exec(text)
    if (guarded && guarded.index < at.index) continue
    return true
  }
  return false
}

/** `i <= a.length` / `a.length >= i` in a for or while condition whose body reads `a[i]`. */
export function offByOneLoops(modules: readonly ModuleModel[], quote: Quoter): Draft[] {
  const out: Draft[] = []
  for (const module of modules) {
    if (!analysable(module)) continue
    for (const condition of module.conditions) {
      if (condition.kind !== 'for' && condition.kind !== 'while') continue
      for (const c of condition.comparisons) {
        const collection =
          c.operator === '<='
            ? lengthOperand(c.right)
            : c.operator === '>='
              ? lengthOperand(c.left)
              : undefined
        if (collection === undefined) continue
        const bound = c.operator === '<=' ? c.right.trim() : c.left.trim()
        const counter = c.operator === '<=' ? c.left.trim() : c.right.trim()
        if (!indexesWithCounter(module, condition, collection, counter, quote)) continue
        const symbol = condition.enclosing ?? '(module)'
        out.push({
          messageId: 'offByOneLoop',
          data: {
            symbol: displayName(symbol, module.path),
            file: module.path,
            condition: condition.text,
            bound,
            collection,
            access: `${collection.trim()}[${counter}]`
          },
          severity: 'medium',
          confidence: 'high',
          rationale:
            `Indexes of ${collection} run from 0 to its length minus one; \`${c.left.trim()} ${c.operator} ${c.right.trim()}\` lets the loop ` +
            `take one more pass with ${counter} equal to the length, and the body reads ${collection.trim()}[${counter}] there.`,
          evidence: quote.evidence(
            module.path,
            { startLine: condition.loc.startLine, endLine: condition.loc.startLine },
            1
          ),
          key: `loop:${symbol}:${squash(condition.text)}`,
          symbol,
          tags: ['off-by-one', 'loop-bound']
        })
        break
      }
    }
  }
  return out
}

const NO_RESULT = /^(void|undefined|never|None|NoReturn|Promise<void>|Promise<undefined>)$/
const CLOSING_ONLY = /^[\s})\];,]*$/

/** The function whose body holds the location (the innermost: the one starting last). */
function enclosingFunction(
  module: ModuleModel,
  name: string | undefined
): FunctionDecl | undefined {
  return name === undefined ? undefined : module.functions.find((f) => f.qualifiedName === name)
}

/** Nothing but closing brackets (or, in Python, blank and comment lines) between the switch and the function's end. */
function endsFunction(
  sw: SwitchStatement,
  fn: FunctionDecl,
  module: ModuleModel,
  quote: Quoter
): boolean {
  const python = isPython(module.language)
  for (let line = sw.loc.endLine + 1; line <= fn.loc.endLine; line++) {
    const text = quote.line(module.path, line)
    if (python ? text.trim() === '' || text.trim().startsWith('#') : CLOSING_ONLY.test(text))
      continue
    // The function's own last line may carry the closing brace after other text on the switch's line only.
    return false
  }
  return true
}

function insideLoop(module: ModuleModel, sw: SwitchStatement): boolean {
  return module.loops.some(
    (l) =>
      l.enclosing === sw.enclosing &&
      l.loc.startLine <= sw.loc.startLine &&
      l.loc.endLine >= sw.loc.endLine &&
      l.kind !== 'comprehension'
  )
}

function returnsInside(sw: SwitchStatement, module: ModuleModel, quote: Quoter): boolean {
  for (let line = sw.loc.startLine; line <= sw.loc.endLine; line++) {
    if (/\breturn\b/.test(quote.line(module.path, line))) return true
  }
  return false
}

/** Every member of a literal union parameter is a case: TypeScript checks such a switch exhaustively. */
function exhaustive(sw: SwitchStatement, fn: FunctionDecl, module: ModuleModel): boolean {
  const names = new Set(positionalParams(fn, module.language).map((p) => p.name))
  const subject = subjectOf(sw.discriminant, names)
  if (!subject || subject.length) return false
  const param = fn.params.find((p) => p.name === subject.param)
  if (!param) return false
  const info = typeInfo(param, module.language)
  if (info.kind !== 'literals' || !info.literals) return false
  const cased = new Set(sw.cases.map((c) => c.trim().replace(/^['"`](.*)['"`]$/s, '$1')))
  return info.literals.every((l) => cased.has(String(l)))
}

/**
 * The function is registered in its own file under object keys (`s: translate, mm: translate, ...`) and
 * every key is a case: the table's own keys are all the values it is called with. dayjs's locale
 * `translate(number, withoutSuffix, key)` under `relativeTime` (round 5, judged false).
 */
function registeredKeysCovered(
  sw: SwitchStatement,
  fn: FunctionDecl,
  module: ModuleModel,
  quote: Quoter
): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(fn.name)) return false
  const registered = new RegExp(
    `(?:^|[{,\\s])(?:([A-Za-z_$][\\w$]*)|'([^']*)'|"([^"]*)")\\s*:\\s*${fn.name.replace(/\$/g, '\\$')}\\s*(?=[,}\\n]|$)`,
    'g'
  )
  const keys = new Set<string>()
  for (const line of quote.lines(module.path))
    for (const m of line.matchAll(registered)) keys.add(m[1] ?? m[2] ?? m[3])
  if (keys.size === 0) return false
  const cased = new Set(sw.cases.map((c) => c.trim().replace(/^['"`](.*)['"`]$/s, '$1')))
  return [...keys].every((k) => cased.has(k))
}

function exampleOutside(sw: SwitchStatement): string {
  const strings = sw.cases
    .map((c) => /^(['"])(.*)\1$/s.exec(c.trim())?.[2])
    .filter((s): s is string => s !== undefined)
  if (strings.length === sw.cases.length && strings.length > 0) {
    let candidate = 'other'
    while (strings.includes(candidate)) candidate += '_'
    return `'${candidate}'`
  }
  const numbers = sw.cases.map((c) => Number(c.trim()))
  if (numbers.every((n) => Number.isFinite(n))) return String(Math.max(...numbers) + 1)
  return 'a value not listed'
}

/** A switch/match that ends a value-returning function, not in a loop, with no default branch. */
export function switchesWithoutDefault(modules: readonly ModuleModel[], quote: Quoter): Draft[] {
  const out: Draft[] = []
  for (const module of modules) {
    if (!analysable(module)) continue
    const python = isPython(module.language)
    for (const sw of module.switches) {
      if (sw.hasDefault || sw.cases.length === 0) continue
      const fn = enclosingFunction(module, sw.enclosing)
      if (
        !fn ||
        fn.kind === 'constructor' ||
        fn.kind === 'setter' ||
        NO_RESULT.test(fn.returnType?.trim() ?? '')
      )
        continue
      if (
        insideLoop(module, sw) ||
        !endsFunction(sw, fn, module, quote) ||
        !returnsInside(sw, module, quote)
      )
        continue
      if (exhaustive(sw, fn, module) || registeredKeysCovered(sw, fn, module, quote)) continue
      const names = new Set(positionalParams(fn, module.language).map((p) => p.name))
      const onParam = subjectOf(sw.discriminant, names) !== undefined
      const severity: Severity = onParam && fn.exported ? 'medium' : 'low'
      const cases =
        sw.cases.slice(0, 8).join(', ') +
        (sw.cases.length > 8 ? ` and ${sw.cases.length - 8} more` : '')
      const kind = sw.kind === 'match' ? 'match' : 'switch'
      out.push({
        messageId: 'switchWithoutDefault',
        data: {
          kind,
          discriminant: sw.discriminant,
          symbol: displayName(fn.qualifiedName, module.path),
          cases,
          example: exampleOutside(sw),
          outcome: python ? 'returns None' : 'returns undefined'
        },
        severity,
        confidence: 'medium',
        rationale:
          `The ${kind} is the last statement of ${fn.qualifiedName}, its cases return values, and no branch handles the rest` +
          `${onParam ? ', which a caller chooses through the parameter' : ''}: an unlisted value gets an implicit ${python ? 'None' : 'undefined'} instead of an error or a default.`,
        evidence: quote.evidence(
          module.path,
          { startLine: sw.loc.startLine, endLine: sw.loc.endLine },
          2
        ),
        key: `switch:${fn.qualifiedName}:${squash(sw.discriminant)}`,
        symbol: fn.qualifiedName,
        tags: ['switch', 'default']
      })
    }
  }
  return out
}

/** `default` is how the model names an anonymous default export: say which. */
export function displayName(qualifiedName: string, file: string): string {
  return qualifiedName === 'default' ? `the default export of ${file}` : qualifiedName
}

const REACH_TEXT = {
  'module-imported': 'tests import its module but none names it (estimated: no coverage report)',
  indirect: 'tests reach its module only through other modules (estimated: no coverage report)',
  unreached: 'no test reaches its module (estimated: no coverage report)'
} as const

/** A public function with literal boundaries that no test names. */
export function untestedBoundaries(
  entries: readonly FunctionEntry[],
  reach: TestReach,
  quote: Quoter,
  facts?: ReachFacts
): Draft[] {
  const out: Draft[] = []
  for (const e of entries) {
    const valued = e.boundaries.filter(isValueBoundary)
    if (!e.callable || valued.length === 0) continue
    // A coverage report decides where it measures the file: a function that ran (or is excluded) is tested.
    const measured = facts?.measured(e.module.path)
      ? facts.functionReach(e.module, e.fn)
      : undefined
    if (measured === 'covered' || measured === 'excluded') continue
    const r =
      measured === 'not-run'
        ? 'unreached'
        : unitReach(reach, e.module.path, exportNamesOf(e.module, e.fn.name))
    if (r === 'referenced') continue
    const distinct = [...new Map(valued.map((b) => [`${b.line}:${b.text}`, b])).values()]
    const listed =
      distinct
        .slice(0, 4)
        .map((b) => `\`${b.text}\` at line ${b.line}`)
        .join(', ') + (distinct.length > 4 ? ` and ${distinct.length - 4} more` : '')
    const guardLines = new Set(valued.map((b) => b.line))
    const throwing = e.guarded.filter(
      (g) => g.known && g.condition && guardLines.has(g.condition.loc.startLine)
    )
    const first = distinct[0]
    const cond: Condition | undefined = e.conditions.find((c) => c.loc.startLine === first.line)
    const symbol = displayName(e.fn.qualifiedName, e.module.path)
    const report = facts?.measured(e.module.path)?.report
    out.push({
      messageId: 'untestedBoundary',
      data: {
        symbol,
        boundaries: listed,
        reach:
          measured === 'not-run'
            ? `${report ? reportName(report) : 'the coverage report'} shows it never ran`
            : REACH_TEXT[r],
        these: distinct.length === 1 ? 'it' : `these ${distinct.length}`,
        throwing:
          throwing.length > 0
            ? `; on one side it throws (line ${throwing.map((g) => g.site.loc.startLine).join(', ')})`
            : ''
      },
      severity: throwing.length > 0 ? 'medium' : 'low',
      confidence: measured === 'not-run' && !report?.partial ? 'high' : 'medium',
      rationale:
        'Off-by-one mistakes live at the literal a condition compares with; a test with the values on both sides of each ' +
        `comparison pins the behaviour down${throwing.length > 0 ? ', and here a wrong side raises an error callers see' : ''}.`,
      evidence: quote.evidence(
        e.module.path,
        { startLine: first.line, endLine: cond?.loc.endLine ?? first.line },
        2
      ),
      key: `boundary:${e.fn.qualifiedName}`,
      symbol: e.fn.qualifiedName,
      tags: ['boundary', 'untested', measured === 'not-run' ? 'coverage-report' : 'static-estimate']
    })
  }
  return out
}

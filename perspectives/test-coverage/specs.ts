// Specs for the top gaps: a call table that runs each side of the uncovered conditions (boundary
// values from the literals they compare) and asserts the throws those values trigger; where the values
// or the outcome cannot be known (a method, an argument with no buildable type, a compound condition),
// a todo that names the uncovered lines, conditions and throws — never a test that passes unchecked.
import type { Language, Parameter } from '../../src/model/types.js'
import type { SpecCase, SpecDraft, SpecValue } from '../../src/specs/types.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import { sampleForType } from '../shared/values.js'
import { type BoundaryCase, boundaryCases, throwFor } from './boundaries.js'
import type { Gap } from './gaps.js'
import { lineRanges } from './measure.js'
import { CODE_LANGUAGES, SPEC_PRIORITY } from '../kit/index.js'

const UNDEFINED: SpecValue = { $special: 'undefined' }

export function buildSpecs(gaps: readonly Gap[], maxSpecs: number): SpecDraft[] {
  const specs: SpecDraft[] = []
  for (const gap of gaps) {
    if (specs.length >= maxSpecs) break
    if (!gap.finding || !CODE_LANGUAGES.has(gap.m.module.language)) continue
    specs.push(gapSpec(gap))
  }
  return specs
}

/** Arguments for one boundary case: the compared parameter gets the value, the others samples of their types. */
function argumentsFor(
  params: readonly Parameter[],
  language: Language,
  c: BoundaryCase
): SpecValue[] | undefined {
  const python = language === 'python'
  const positional = params.filter(
    (p) => !p.rest && !(python && (p.name === 'self' || p.name === 'cls'))
  )
  const index = positional.findIndex((p) => p.name === c.param)
  if (index < 0 || positional[index].keywordOnly) return undefined
  const required = (p: Parameter): boolean => !p.optional && p.defaultValue === undefined
  let last = index
  positional.forEach((p, i) => {
    if (required(p) && !p.keywordOnly) last = Math.max(last, i)
  })
  const args: SpecValue[] = []
  for (let i = 0; i <= last; i++) {
    const p = positional[i]
    if (i === index) args.push(c.value)
    else if (!required(p)) {
      if (python) return undefined
      args.push(UNDEFINED)
    } else {
      const sample = sampleForType(p.type, language)
      if (sample === undefined) return undefined
      args.push(sample)
    }
  }
  return args
}

function gapSpec(gap: Gap): SpecDraft {
  const { m } = gap
  const fn = m.fn
  const module = m.module
  const names = exportNamesOf(module, fn.name)
  const symbol = names.includes(fn.name) ? fn.name : names[0]
  const callable =
    fn.exported && fn.qualifiedName === fn.name && !fn.className && symbol !== 'default'
  const ownThrows = module.throws.filter((t) => t.enclosing === fn.qualifiedName && !t.rethrow)
  const boundary = boundaryCases(fn, m.uncoveredConditions)
  const cases: SpecCase[] = []
  const asserted = new Set<string>()
  if (callable) {
    for (const c of boundary) {
      const args = argumentsFor(fn.params, module.language, c)
      if (!args) continue
      const thrown = throwFor(c, ownThrows)
      const name = `${c.param} = ${JSON.stringify(c.value)} (${c.comparison} is ${c.holds ? 'true' : 'false'})`
      if (thrown) {
        asserted.add(thrown.text)
        cases.push({
          name,
          args,
          expect: {
            kind: 'throws',
            ...(thrown.errorType ? { errorType: thrown.errorType } : {}),
            ...(thrown.message ? { message: thrown.message } : {})
          }
        })
      } else if (ownThrows.length === 0)
        cases.push({ name, args, expect: { kind: 'does-not-throw' } })
    }
  }
  const where =
    m.basis === 'report'
      ? `uncovered line${m.uncoveredLines.length === 1 ? '' : 's'} ${lineRanges(m.uncoveredLines)}`
      : 'no test reaches it (static estimate)'
  const conditionText = m.uncoveredConditions
    .slice(0, 4)
    .map((c) => `\`${c.text}\` (line ${c.loc.startLine})`)
  const throwText = m.uncoveredThrows
    .filter((t) => !asserted.has(t.text))
    .slice(0, 4)
    .map(
      (t) =>
        `${t.errorType ?? 'a throw'} at line ${t.loc.startLine}${t.guard ? ` when \`${t.guard}\`` : ''}`
    )
  const base = {
    key: `gap:${module.path}#${fn.qualifiedName}`,
    level: 'unit' as const,
    target: {
      file: module.path,
      symbol: callable ? symbol : fn.qualifiedName,
      line: fn.loc.startLine
    },
    rationale:
      `Gap #${gap.rank} by risk ${gap.risk} (CRAP ${gap.crap} × churn ${gap.churn}): ${fn.qualifiedName} has complexity ${fn.complexity} and ${where}.` +
      (boundary.length > 0
        ? ` Boundary values from its conditions: ${boundary.map((b) => `${b.param}=${JSON.stringify(b.value)}`).join(', ')}.`
        : ''),
    covers: [findingId('test-coverage', gap.finding as string, module.path, gap.key)],
    priority: SPEC_PRIORITY[gap.severity]
  }
  if (cases.length > 0) {
    const throws = cases.filter((c) => c.expect.kind === 'throws').length
    return {
      ...base,
      title: `${symbol}: ${cases.length} boundary case${cases.length === 1 ? '' : 's'} for its uncovered branches${throws ? ` (${throws} throwing)` : ''}`,
      expected: `each side of ${[...new Set(boundary.map((b) => b.comparison))].join(', ')} runs${throws ? ', and the guarded values throw' : ' without throwing'}`,
      body: { kind: 'call', module: module.path, symbol, async: fn.async, cases }
    }
  }
  const todo = [
    ...conditionText.map((c) => `take both sides of ${c}`),
    ...throwText.map((t) => `trigger ${t}`)
  ]
  const shown = callable ? symbol : fn.qualifiedName
  // A module-level export, the default one too, can be called: rows aimed at the uncovered side are
  // tried when the code runs, and what they do becomes the spec (src/execute observes each row).
  const reachable = fn.exported && fn.qualifiedName === fn.name && !fn.className
  const rows = reachable ? aimedRows(fn.params, module.language, boundary) : []
  const explore =
    rows.length > 0
      ? {
          explore: {
            title: `${shown}: ${rows.length} row${rows.length === 1 ? '' : 's'} aimed at its ${m.basis === 'report' ? 'uncovered lines' : 'untested code'}`,
            expected: `each row's observed result or error, on the inputs that reach ${where.replace('no test reaches it (static estimate)', 'code no test reaches')}`,
            body: {
              kind: 'call' as const,
              module: module.path,
              symbol,
              async: fn.async,
              cases: rows
            }
          }
        }
      : {}
  return {
    ...base,
    ...explore,
    title: `${shown}: TODO ${todo.length > 0 ? todo.slice(0, 2).join('; ') + (todo.length > 2 ? ` and ${todo.length - 2} more` : '') : m.basis === 'report' ? `cover lines ${lineRanges(m.uncoveredLines, 3)}` : 'cover its behaviour'}`,
    expected:
      todo.length > 0
        ? todo.join('; ')
        : `a test calls ${shown} and asserts its result, so ${where.replace('no test reaches it', 'it is reached')}`,
    body: {
      kind: 'steps',
      module: module.path,
      ...(callable ? { imports: [{ from: module.path, names: [symbol] }] } : {}),
      steps: {},
      async: fn.async
    }
  }
}

/** Values for the parameters the rows do not aim at: a list, a string, a number (nothing is known of them). */
const FILLERS: SpecValue[] = [[3, 1, 2], 'example', 2]
const MAX_AIMED_ROWS = 12

/**
 * Rows that try the uncovered side: each boundary value in its parameter with the others filled by
 * each filler in turn, or, with no boundary to aim at, every parameter filled alike. They claim no
 * result: the stage keeps the rows it can observe as the assertions.
 */
export function aimedRows(
  params: readonly Parameter[],
  language: Language,
  boundary: readonly BoundaryCase[]
): SpecCase[] {
  const python = language === 'python'
  const positional = params.filter(
    (p) => !p.rest && !p.keywordOnly && !(python && (p.name === 'self' || p.name === 'cls'))
  )
  const required = (p: Parameter): boolean => !p.optional && p.defaultValue === undefined
  const lastRequired = positional.reduce((last, p, i) => (required(p) ? i : last), -1)
  const rows: SpecCase[] = []
  const seen = new Set<string>()
  const add = (name: string, args: SpecValue[]): void => {
    const key = JSON.stringify(args)
    if (seen.has(key) || rows.length >= MAX_AIMED_ROWS) return
    seen.add(key)
    rows.push({ name, args, expect: { kind: 'does-not-throw' } })
  }
  for (const filler of FILLERS) {
    for (const c of boundary) {
      const index = positional.findIndex((p) => p.name === c.param)
      if (index < 0) continue
      const args: SpecValue[] = []
      for (let i = 0; i <= Math.max(index, lastRequired); i++) {
        const sample = sampleForType(positional[i].type, language)
        args.push(i === index ? c.value : (sample ?? filler))
      }
      add(
        `${c.param} = ${JSON.stringify(c.value)} (${c.comparison} is ${c.holds ? 'true' : 'false'})`,
        args
      )
    }
    if (boundary.length === 0 && lastRequired >= 0)
      add(
        `every argument ${JSON.stringify(filler)}`,
        positional.slice(0, lastRequired + 1).map((p) => sampleForType(p.type, language) ?? filler)
      )
  }
  return rows
}

// Regular expressions that can backtrack catastrophically, found by a real ReDoS checker: recheck,
// through perspectives/shared/redos.ts (the same checker and verdicts as the security perspective's
// ReDoS check). Performance reports every such pattern as slow on long or unlucky input; whether an
// attacker controls that input is the security perspective's question.
import type { CallSite, CodeModel, ModuleModel } from '../../src/model/types.js'
import type { Confidence, Severity } from '../types.js'
import {
  collectRegexes,
  innerLineBreakNote,
  canBacktrack,
  type RegexChecker,
  type RegexSource
} from '../shared/redos.js'
import type { Found, ModuleInput } from './context.js'
import { symbolName } from './context.js'
import { identifiers, shorten } from './regions.js'

/** A parameter that holds a format the calling code writes: `formatStr`, `fmt`, `template`, `layout`. */
const FORMAT_NAME = /(format|fmt|template|layout|mask)/i
/** String methods that take a pattern: the receiver is the text matched. */
const TEXT_METHODS = new Set(['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search'])
/** Pattern methods that take the text: the first argument is the text matched. */
const PATTERN_METHODS = new Set(['exec', 'test'])

/** The module constant a regex literal initialises (`export const REGEX_FORMAT = /.../g`), if any. */
function constantName(module: ModuleModel, source: RegexSource): string | undefined {
  return module.variables.find(
    (v) =>
      v.loc.startLine <= source.loc.startLine &&
      source.loc.startLine <= v.loc.endLine &&
      source.enclosing === undefined
  )?.name
}

/**
 * A JavaScript module constant that nothing reads (needle's `SEP_SEMICOLON`, round 10: defined, never used):
 * no text ever reaches its pattern. Python constants are left alone: another module may import them.
 */
function unusedConstant(module: ModuleModel, source: RegexSource, lines: string[]): boolean {
  if (module.language === 'python') return false
  const name = constantName(module, source)
  const variable = module.variables.find((v) => v.name === name)
  if (!name || !variable || variable.exported) return false
  const word = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}([^\\w$]|$)`)
  return !lines.some(
    (text, i) => (i + 1 < variable.loc.startLine || i + 1 > variable.loc.endLine) && word.test(text)
  )
}

/** The text a call matches the pattern against, when the pattern is `pattern` (a name or the literal). */
function subjectOf(call: CallSite, isPattern: (text: string) => boolean): string | undefined {
  if (TEXT_METHODS.has(call.name) && call.receiver && call.args[0] && isPattern(call.args[0]))
    return call.receiver
  if (PATTERN_METHODS.has(call.name) && call.receiver && isPattern(call.receiver))
    return call.args[0]
  return undefined
}

/** The subject is a format parameter, or a local bound from one (`const str = formatStr || DEFAULT`). */
function formatText(module: ModuleModel, call: CallSite, subject: string): boolean {
  const root = identifiers(subject)[0]
  if (!root || identifiers(subject).length !== 1) return false
  const fn = module.functions.find((f) => f.qualifiedName === call.enclosing)
  const isFormatParam = (name: string) =>
    FORMAT_NAME.test(name) && (fn?.params.some((p) => p.name === name) ?? false)
  if (isFormatParam(root)) return true
  const sites = (module.bindings ?? []).filter(
    (b) => b.name === root && b.enclosing === call.enclosing
  )
  return sites.length > 0 && sites.every((b) => identifiers(b.value).some(isFormatParam))
}

/**
 * Every use of the pattern matches a format string the calling code writes (dayjs's `format(formatStr)`
 * and `makeParser(format)`, concurrently's date format): developer-written text, not outside input
 * (round 5, judged partly true at best), so not reported. Uses are looked for in the module and, for an exported
 * constant, in the modules that read it.
 */
function formatOnly(
  model: CodeModel | undefined,
  module: ModuleModel,
  source: RegexSource
): boolean {
  const name = constantName(module, source)
  const literal = `/${source.pattern}/`
  const isPattern = (text: string): boolean => {
    const t = text.trim()
    if (name !== undefined && (t === name || t.endsWith(`.${name}`))) return true
    return t.startsWith(literal)
  }
  const modules = name !== undefined && model ? model.modules.filter((m) => !m.isTest) : [module]
  let uses = 0
  for (const m of modules)
    for (const call of m.calls) {
      const subject = subjectOf(call, isPattern)
      if (subject === undefined) continue
      if (!formatText(m, call, subject)) return false
      uses++
    }
  return uses > 0
}

/** Files the operating system writes, read by their literal path: short, and no one else's input. */
const SYSTEM_FILE = /^\/(proc|sys|etc)\//
/** Calls that read a whole file, its path first. */
const FILE_READS = new Set(['readFile', 'readFileSync'])

/**
 * The subject is a local bound to a read of a system file by its literal path (`const v = await
 * fs.promises.readFile('/proc/version', 'utf8')`), every time it is bound in the function.
 */
function systemText(module: ModuleModel, call: CallSite, subject: string): boolean {
  const names = identifiers(subject)
  if (names.length !== 1) return false
  const reads = module.calls.filter(
    (c) => c.assignedTo === names[0] && c.enclosing === call.enclosing
  )
  const bound = (module.bindings ?? []).filter(
    (b) => b.name === names[0] && b.enclosing === call.enclosing
  )
  return (
    reads.length > 0 &&
    reads.length === bound.length &&
    reads.every((c) => {
      const path = c.arguments?.[0]
      return (
        FILE_READS.has(c.name) &&
        path?.kind === 'literal' &&
        typeof path.value === 'string' &&
        SYSTEM_FILE.test(path.value)
      )
    })
  )
}

/**
 * The pattern is written inline and every text it matches is a system file's (marp-cli's WSL check of
 * /proc/version, a kernel string of about a hundred bytes, judged partly true in round 12): no caller can
 * hand it the attack string, so it is not reported.
 */
function systemTextOnly(module: ModuleModel, source: RegexSource): boolean {
  if (module.language === 'python') return false
  const literal = `/${source.pattern}/`
  let uses = 0
  for (const call of module.calls) {
    // The call the literal is written in: the same pattern elsewhere is another source.
    if (call.loc.startLine > source.loc.startLine || call.loc.endLine < source.loc.startLine)
      continue
    const subject = subjectOf(call, (t) => t.trim().startsWith(literal))
    if (subject === undefined) continue
    if (!systemText(module, call, subject)) return false
    uses++
  }
  return uses > 0 && constantName(module, source) === undefined
}

/**
 * `tool`: the package is a command-line tool (commandLineTool); a polynomial pattern then mostly meets
 * its own user's configuration (nodemon's watch patterns, judged not worth acting on in session 7) and is
 * reported low, saying so.
 */
export function catastrophicRegexes(
  input: ModuleInput,
  checker: RegexChecker,
  tool?: string,
  libraryInput?: string
): Found[] {
  const { module, regions, quote } = input
  const found: Found[] = []
  const counts = new Map<string, number>()
  const lines = quote.lines(module.path)
  for (const source of collectRegexes(module)) {
    if (!canBacktrack(source.pattern)) continue
    if (unusedConstant(module, source, lines)) continue
    // Tried at the start only: `x*$` is linear there, though quadratic when every position is tried.
    const checked =
      source.anchored === true && !source.flags.includes('m')
        ? `^(?:${source.checkPattern ?? source.pattern})`
        : (source.checkPattern ?? source.pattern)
    const result = checker.check(checked, source.flags)
    if (!result || result.status !== 'vulnerable') continue
    const exponential = result.complexity.type === 'exponential'
    const degree = result.complexity.type === 'polynomial' ? result.complexity.degree : 0
    // Only format strings the calling code writes reach it: no one feeds it the attack string.
    if (formatOnly(input.model, module, source)) continue
    // Only a system file's text reaches it (/proc/version): no one feeds it the attack string.
    if (systemTextOnly(module, source)) continue
    const ownInput = tool !== undefined && !exponential
    const severity: Severity = exponential ? 'high' : degree >= 3 && !ownInput ? 'medium' : 'low'
    const confidence: Confidence = result.complexity.isFuzz ? 'medium' : 'high'
    // Not `shorten`: a pattern's leading or trailing spaces are part of it.
    const shown = `/${source.pattern.length > 50 ? `${source.pattern.slice(0, 47)}...` : source.pattern}/${source.flags}`
    const hot = result.hotspot
      .filter((h) => h.temperature === 'heat')
      .map((h) => checked.slice(h.start, h.end))
    const symbol = symbolName(source.enclosing)
    const base = `redos:${symbol}:${source.flags}/${source.pattern}`
    const n = (counts.get(base) ?? 0) + 1
    counts.set(base, n)
    const pumps = result.attack.pumps
    const lineNote = source.checkPattern !== undefined ? innerLineBreakNote(result) : undefined
    found.push({
      draft: {
        messageId: 'catastrophicRegex',
        data: {
          pattern: shown,
          complexity: exponential ? 'exponentially' : `in O(n^${degree})`,
          matchTime: exponential ? 'exponential' : `O(n^${degree})`,
          file: module.path,
          attack: shorten(result.attack.pattern, 70),
          growth: exponential
            ? 'exponentially in the length of the repeated part'
            : `with the ${degree === 2 ? 'square' : `${degree}th power`} of its length`,
          hotspot:
            (hot.length > 0
              ? `The backtracking happens in ${[...new Set(hot)]
                  .slice(0, 3)
                  .map((h) => shorten(h, 30))
                  .join(', ')}.`
              : '') +
            (ownInput
              ? `${hot.length > 0 ? ' ' : ''}Low: ${tool}, so the text it matches is usually what its own user gives it (files, flags, configuration), where a slow match only delays that user's own run.`
              : libraryInput
                ? `${hot.length > 0 ? ' ' : ''}${libraryInput}`
                : '') +
            (lineNote ? `${hot.length > 0 || ownInput || libraryInput ? ' ' : ''}${lineNote}` : '')
        },
        severity,
        confidence,
        rationale:
          `recheck (${result.checker === 'automaton' ? 'automaton analysis' : 'fuzzing'}) reports ${result.complexity.summary}; ` +
          (exponential
            ? 'a few dozen characters of hostile input can hang the process.'
            : degree >= 3
              ? 'a few kilobytes of hostile input take seconds.'
              : 'quadratic matching only hurts on long inputs (tens of kilobytes), so this matters where input length is not limited.') +
          ' Whether untrusted input reaches it is not traced.',
        evidence: quote.evidence(module.path, {
          startLine: source.loc.startLine,
          endLine: source.loc.startLine
        }),
        key: n === 1 ? base : `${base}#${n}`,
        symbol,
        tags: ['redos'],
        cwe: 'CWE-1333'
      },
      hint: {
        module,
        fn: regions.functions.get(source.enclosing ?? ''),
        degree: exponential ? 'exponential' : degree,
        attack: {
          pumps: pumps.map((p) => ({ prefix: p.prefix, pump: p.pump })),
          suffix: result.attack.suffix
        }
      }
    })
  }
  return found
}

// ReDoS on input (CWE-1333): a regular expression that recheck finds can backtrack super-linearly,
// applied to a value that comes from an input (taint.ts). The performance perspective reports every
// such pattern as slow; this check reports only those an attacker can feed, and how.
//
// Where a regex is applied, from the model's calls:
//   JS  /re/.test(x), /re/.exec(x), RE.test(x) (RE a module constant or `new RegExp('...')` bound to a name),
//       x.match(/re/), x.matchAll, x.replace, x.replaceAll, x.search, x.split with a regex literal or such a name;
//   Py  re.match/search/fullmatch/findall/finditer/split(p, x), re.sub/subn(p, repl, x), and the same methods
//       on a name bound to re.compile('...').
// re.match/fullmatch (and .match/.fullmatch on a compiled pattern) are anchored before checking, as Python anchors them.
import type { VulnerableDiagnostics } from 'recheck'
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import {
  canBacktrack,
  innerLineBreakNote,
  regexOfCall,
  type RegexChecker
} from '../shared/redos.js'
import type { Confidence, Severity } from '../types.js'
import { placeOf, type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import { inputText, originOf, pathText, valueAt, type ModuleTaint, type Origin } from './taint.js'
import { codeOnly, isPlainLiteral, shortArg } from './text.js'
import { within } from '../kit/index.js'
import { commandLineTool, importableLibrary } from '../shared/product-modules.js'
import { developerText } from './developer-text.js'
import { servesRequests } from './server-program.js'

interface Regex {
  pattern: string
  flags: string
  /** How the code wrote it, for the message: `/a+/`, `re.compile(...)`. */
  shown: string
  /** What the checker is shown when it differs from `pattern`: Python's `.` and `$` (pythonSemantics). */
  checkPattern?: string
}

interface Application {
  call: CallSite
  regex: Regex
  /** The argument text of the value matched. */
  subject: string
  /** Python's match/fullmatch anchor the pattern. */
  anchor?: 'start' | 'both'
}

const JS_REGEX_METHODS = new Set(['test', 'exec'])
const JS_STRING_METHODS = new Set(['match', 'matchAll', 'replace', 'replaceAll', 'search', 'split'])
const PY_COMPILED_METHODS = new Set([
  'match',
  'search',
  'fullmatch',
  'findall',
  'finditer',
  'sub',
  'subn',
  'split'
])

function literalText(pattern: string, flags: string): string {
  return `/${pattern}/${flags}`
}

/** Names bound to a regex in the module: module constants holding a literal, `new RegExp('...')` / `re.compile('...')` results. */
function namedRegexes(module: ModuleModel): Map<string, Regex> {
  const named = new Map<string, Regex>()
  const ambiguous = new Set<string>()
  const bind = (name: string, regex: Regex) => {
    const had = named.get(name)
    if (had && (had.pattern !== regex.pattern || had.flags !== regex.flags)) ambiguous.add(name)
    named.set(name, regex)
  }
  for (const call of module.calls) {
    if (!call.assignedTo) continue
    if (
      module.language === 'python'
        ? call.receiver !== 're' || call.name !== 'compile'
        : call.name !== 'RegExp'
    )
      continue
    const found = regexOfCall(module, call)
    if (!found) continue
    const regex = {
      pattern: found.pattern,
      flags: found.flags,
      ...(found.checkPattern !== undefined ? { checkPattern: found.checkPattern } : {}),
      shown: `${call.assignedTo} (${found.origin})`
    }
    bind(call.assignedTo, regex)
    if (call.enclosing) bind(`${call.enclosing}\u0000${call.assignedTo}`, regex)
  }
  for (const v of module.variables) {
    const inside = (module.regexes ?? []).filter((r) => within(r.loc, v.loc))
    if (inside.length === 1)
      bind(v.name, {
        pattern: inside[0].pattern,
        flags: clean(inside[0].flags),
        shown: `${v.name} (${literalText(inside[0].pattern, inside[0].flags)})`
      })
  }
  // A local bound to a literal, or to a choice with a literal branch (`pattern = chars ? new RegExp(…) :
  // /(\s)+$/g`, validator's rtrim): the literal is what is applied when that branch is taken.
  for (const b of module.bindings ?? []) {
    if (!b.enclosing || b.operator !== '=') continue
    const value = b.value.trim()
    const chosen = (module.regexes ?? []).filter((r) => {
      if (!within(r.loc, b.loc)) return false
      const shown = literalText(r.pattern, r.flags)
      return value === shown || value.endsWith(`: ${shown}`) || value.includes(`? ${shown} :`)
    })
    if (chosen.length !== 1) continue
    bind(`${b.enclosing}\u0000${b.name}`, {
      pattern: chosen[0].pattern,
      flags: clean(chosen[0].flags),
      shown: `${b.name} (${literalText(chosen[0].pattern, chosen[0].flags)})`
    })
  }
  for (const name of ambiguous) named.delete(name)
  return named
}

function clean(flags: string): string {
  return flags.replace(/[^dgimsuy]/g, '')
}

/** The regex literal a call's receiver or first argument is, found by place. */
function literalIn(
  module: ModuleModel,
  text: string | undefined,
  call: CallSite
): Regex | undefined {
  if (!text || !text.trim().startsWith('/')) return undefined
  const literal = (module.regexes ?? []).find(
    (r) => within(r.loc, call.loc) && text.trim() === literalText(r.pattern, r.flags)
  )
  return literal
    ? {
        pattern: literal.pattern,
        flags: clean(literal.flags),
        shown: literalText(literal.pattern, literal.flags)
      }
    : undefined
}

/** `new RegExp('…')` written where the call applies it, read from the model's RegExp call at that place. */
function builtIn(module: ModuleModel, text: string | undefined, call: CallSite): Regex | undefined {
  const written = text?.trim()
  if (!written || !/^new\s+RegExp\s*\(/.test(written)) return undefined
  const made = module.calls.find(
    (c) =>
      c.name === 'RegExp' &&
      c !== call &&
      within(c.loc, call.loc) &&
      written.replace(/\s+/g, '').includes(c.args.join(',').replace(/\s+/g, ''))
  )
  const found = made && regexOfCall(module, made)
  return found
    ? { pattern: found.pattern, flags: found.flags, shown: `new RegExp(${shortArg(made.args[0])})` }
    : undefined
}

/** The branches of a top-level choice `test ? a : b` (nested choices too), or the text itself. */
function choiceBranches(text: string | undefined): (string | undefined)[] {
  if (!text) return [text]
  const code = codeOnly(text)
  let depth = 0
  let question = -1
  let nested = 0
  for (let i = 0; i < code.length; i++) {
    const c = code[i]
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (depth === 0 && c === '?' && code[i + 1] !== '.' && code[i + 1] !== '?') {
      if (question < 0) question = i
      else nested++
    } else if (depth === 0 && c === ':' && question >= 0) {
      if (nested > 0) {
        nested--
        continue
      }
      return [
        ...choiceBranches(text.slice(question + 1, i)),
        ...choiceBranches(text.slice(i + 1))
      ].map((b) => b?.trim())
    }
  }
  return [text]
}

function applications(module: ModuleModel): Application[] {
  const named = namedRegexes(module)
  const out: Application[] = []
  // A local of the calling function first (bound under `scope\0name`), then a module-level name.
  // A name the calling function binds itself to a pattern the model cannot read (`pattern =
  // re.compile('^' + TOKEN + '$')`) is that pattern, not another function's `pattern` (Radicale's token
  // resolver was checked against an unrelated '.*{.*}.*', judged false in session 14).
  const boundHere = new Set(
    [
      ...(module.bindings ?? []).map((b) => [b.enclosing, b.name]),
      ...module.calls.map((c) => [c.enclosing, c.assignedTo])
    ]
      .filter(([scope, name]) => scope && name)
      .map(([scope, name]) => `${scope}\u0000${name}`)
  )
  const byName = (text: string | undefined, scope?: string) => {
    const name = text?.trim()
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined
    const key = `${scope ?? ''}\u0000${name}`
    const local = named.get(key)
    if (local) return local
    return scope && boundHere.has(key) ? undefined : named.get(name)
  }
  for (const call of module.calls) {
    if (module.language === 'python') {
      if (call.receiver === 're' && PY_COMPILED_METHODS.has(call.name)) {
        const found = regexOfCall(module, call)
        const subject = call.args[call.name === 'sub' || call.name === 'subn' ? 2 : 1]
        if (found && subject !== undefined && !/^\s*\w+\s*=/.test(subject)) {
          out.push({
            call,
            regex: { ...found, shown: `${call.callee}(${shortArg(call.args[0] ?? '')})` },
            subject,
            ...anchorOf(call.name)
          })
        }
        continue
      }
      const regex = byName(call.receiver, call.enclosing)
      if (regex && PY_COMPILED_METHODS.has(call.name)) {
        const subject = call.args[call.name === 'sub' || call.name === 'subn' ? 1 : 0]
        if (subject !== undefined) out.push({ call, regex, subject, ...anchorOf(call.name) })
      }
      continue
    }
    // The regex as written, built in place (`url.match(new RegExp('^…'))`), or each branch of a choice
    // (`source.match(strict ? STRICT_RE : LOOSE_RE)`): every branch is applied when its test holds.
    const regexesOf = (text: string | undefined): Regex[] =>
      choiceBranches(text).flatMap((branch) => {
        const regex =
          literalIn(module, branch, call) ??
          builtIn(module, branch, call) ??
          byName(branch, call.enclosing)
        return regex ? [regex] : []
      })
    if (JS_REGEX_METHODS.has(call.name) && call.args[0] !== undefined) {
      for (const regex of regexesOf(call.receiver)) out.push({ call, regex, subject: call.args[0] })
    } else if (JS_STRING_METHODS.has(call.name) && call.receiver) {
      for (const regex of regexesOf(call.args[0])) out.push({ call, regex, subject: call.receiver })
    }
  }
  return out
}

function anchorOf(name: string): { anchor?: 'start' | 'both' } {
  return name === 'match' ? { anchor: 'start' } : name === 'fullmatch' ? { anchor: 'both' } : {}
}

/** Python anchors match/fullmatch; without the `m` flag the same holds in JS with `^(?:...)`. */
function checkedPattern(app: Application): string {
  const pattern = app.regex.checkPattern ?? app.regex.pattern
  if (!app.anchor || app.regex.flags.includes('m')) return pattern
  return app.anchor === 'start' ? `^(?:${pattern})` : `^(?:${pattern})$`
}

function severityOf(result: VulnerableDiagnostics): Severity {
  if (result.complexity.type === 'exponential') return 'high'
  return result.complexity.degree >= 3 ? 'medium' : 'low'
}

/**
 * A request, argv or stdin value matched in the same function is what an attacker sends; through calls
 * or a local it is likely. A library's string parameter is its caller's input, which is the attacker's in
 * every published ReDoS advisory: medium (the severity still follows the complexity).
 */
function confidenceOf(origin: Origin): Confidence {
  if (origin.kind === 'parameter') return 'medium'
  return origin.steps.length > 2 || origin.viaLocal ? 'medium' : 'high'
}

/**
 * The function bounds the length of what it matches before matching (`if (str.length > 32768) return`,
 * cookiejar 2.1.4's fix of CVE-2022-25901): a polynomial pattern then costs a bounded time. A bound
 * on the value's own name or on the parameter it came from, compared with a number or a constant.
 */
function lengthBounded(module: ModuleModel, call: CallSite, subject: string): boolean {
  const fn = module.functions.find((f) => f.qualifiedName === call.enclosing)
  const names = new Set([
    ...(codeOnly(subject).match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? []),
    ...(fn?.params.map((p) => p.name) ?? [])
  ])
  // `x.length > 1000` caps it; `x.length !== 64` (a fixed-length token checked before it is matched) fixes it.
  const bound =
    /(?<![.\w$])([A-Za-z_$][\w$]*)\.length\s*(?:(?:>=?|<=?)\s*(?:\d{3,}|[A-Z_][A-Z0-9_]*)|!==?\s*(?:[1-9]\d*|[A-Z_][A-Z0-9_]*))\b|\blen\(\s*([A-Za-z_]\w*)\s*\)\s*(?:(?:>=?|<=?)\s*(?:\d{3,}|[A-Z_][A-Z0-9_]*)|!=\s*(?:[1-9]\d*|[A-Z_][A-Z0-9_]*))\b/g
  return module.conditions.some((c) => {
    if (c.enclosing !== call.enclosing || c.loc.startLine > call.loc.startLine) return false
    for (const m of c.text.matchAll(bound)) if (names.has(m[1] ?? m[2])) return true
    return false
  })
}

/**
 * A value whose length the code fixes, not the sender: a hash or HMAC digest (`createHmac(…).digest('base64')`,
 * `hashlib.sha256(x).hexdigest()`), or a value cut to a constant length (`.slice(0, 64)`, `[:64]`). Matched
 * as written or as the local it was bound to; a pattern costs a bounded time on it (tinyhttp's cookie
 * signature, judged false in session 12).
 */
const FIXED_LENGTH =
  /\.(?:hex)?digest\([^()]*\)\s*$|\.(?:slice|substring|substr)\(\s*0\s*,\s*(?:\d+|[A-Z_][A-Z0-9_]*)\s*\)\s*$|\[\s*0?\s*:\s*(?:\d+|[A-Z_][A-Z0-9_]*)\s*\]\s*$/

/** Decoding a cut value keeps its length bounded: `.toString('utf8')`, `.decode()`, `.trim()`. */
const DECODED = /(?:\s*\.(?:toString|decode|trim|strip)\([^()]*\))+\s*$/

/** A window of a buffer (`buf.subarray(off, off + size)`, `buf[off:off + size]`): start and width. */
const WINDOW =
  /(?:\.(?:subarray|slice)\(\s*([\w$.]+)\s*,\s*\1\s*\+\s*([\w$.]+)\s*\)|\[\s*([\w$.]+)\s*:\s*\3\s*\+\s*([\w$.]+)\s*\])\s*$/

const CONSTANT = /^(?:\d+|[A-Z_][A-Z0-9_]*)$/

/**
 * Every call to the function in the module passes a number or a constant as its parameter `index`,
 * or passes on a parameter of a function whose callers do (node-tar's header fields: `decNumber(buf,
 * off + 100, 12)` down to `decSmallNumber(buf, off, size)`, judged false as ReDoS in session 14).
 */
function widthFixedByCallers(module: ModuleModel, fn: string, index: number, depth = 0): boolean {
  if (depth > 3) return false
  const calls = module.calls.filter((c) => c.name === fn && c.args.length > index)
  if (calls.length === 0) return false
  return calls.every((c) => {
    const arg = codeOnly(c.args[index]).trim()
    if (CONSTANT.test(arg)) return true
    const caller = module.functions.find((f) => f.qualifiedName === c.enclosing)
    const at = caller?.params.findIndex((p) => p.name === arg) ?? -1
    return (
      caller !== undefined && at >= 0 && widthFixedByCallers(module, caller.name, at, depth + 1)
    )
  })
}

function fixedWindow(module: ModuleModel, call: CallSite, code: string): boolean {
  const found = WINDOW.exec(code.replace(DECODED, ''))
  if (!found) return false
  const width = found[2] ?? found[4]
  if (CONSTANT.test(width)) return true
  const fn = module.functions.find((f) => f.qualifiedName === call.enclosing)
  const at = fn?.params.findIndex((p) => p.name === width) ?? -1
  return fn !== undefined && at >= 0 && widthFixedByCallers(module, fn.name, at)
}

function fixedLength(
  module: ModuleModel,
  taint: ModuleTaint,
  call: CallSite,
  subject: string
): boolean {
  const code = codeOnly(subject).trim()
  if (FIXED_LENGTH.test(code.replace(DECODED, '')) || fixedWindow(module, call, code)) return true
  if (!/^[A-Za-z_$][\w$]*$/.test(code)) return false
  const value = valueAt(taint, call.enclosing, code, call.loc)
  if (value === undefined) return false
  const bound = codeOnly(value).trim()
  return FIXED_LENGTH.test(bound.replace(DECODED, '')) || fixedWindow(module, call, bound)
}

export interface RedosFinding {
  draft: Draft
  module: ModuleModel
  origin: Origin
  result: VulnerableDiagnostics
}

export function redosFindings(context: CheckContext, checker: RegexChecker): RedosFinding[] {
  const out: RedosFinding[] = []
  // A package others import (it ships types, an ESM or browser build, or an exports map) is a library
  // first, whatever bin it also declares: its functions get other programs' data.
  // A server's console script starts it: its handlers match what requests send (servesRequests).
  const tool =
    importableLibrary(context.model) || servesRequests(context.modules)
      ? undefined
      : commandLineTool(context.model)
  // An application's own functions get their file names from its own folders (templates, pages), not from a
  // library caller, who may pass any text (path-parse's CVE-2021-23343 is a `filename` parameter).
  const application =
    !importableLibrary(context.model) &&
    (servesRequests(context.modules) || commandLineTool(context.model) !== undefined)
  for (const module of context.modules) {
    const taint: ModuleTaint | undefined = context.taint.get(module.path)
    if (!taint) continue
    for (const app of applications(module)) {
      const { call, regex, subject } = app
      if (isPlainLiteral(subject) || !canBacktrack(regex.pattern)) continue
      const origin = originOf(taint, call.enclosing, subject, call.loc)
      // The command line is typed by the user who runs the program: a slow match on it delays only that
      // user's own run (live-server's `--mount=` parsing, a reviewer would not file it).
      if (!origin || origin.kind === 'env' || origin.kind === 'argv') continue
      const result = checker.check(checkedPattern(app), regex.flags)
      if (!result || result.status !== 'vulnerable') continue
      const exponential = result.complexity.type === 'exponential'
      if (!exponential && lengthBounded(module, call, subject)) continue
      if (fixedLength(module, taint, call, subject)) continue
      // In an application, a parameter naming a file on disk holds one of its own files' names, bounded by
      // the filesystem (255 bytes a component, 4096 a path): a polynomial pattern needs tens of kilobytes to
      // matter (datasette's route_pattern_from_filepath over its own templates folder, judged false in
      // session 16). Exponential ones still bite at that length.
      if (!exponential && application && namesAFileOnDisk(origin, subject)) continue
      if (developerText(context.model, module, taint, call, subject, origin)) continue
      const degree = result.complexity.type === 'polynomial' ? result.complexity.degree : 0
      // A command-line tool's parameters and flags are its own user's input (nodemon's ignore rules,
      // judged not worth acting on in session 7): a slow match delays only that user's run.
      const ownInput = tool !== undefined && !exponential && origin.kind === 'parameter'
      const fn = placeOf(module, call.enclosing, call.loc.startLine)
      const lineNote = regex.checkPattern !== undefined ? innerLineBreakNote(result) : undefined
      const shownPattern = regex.shown.length > 60 ? `${regex.shown.slice(0, 57)}...` : regex.shown
      const draft: Draft = {
        messageId: 'redosOnInput',
        data: {
          pattern: shownPattern,
          input: inputText(origin, 'input'),
          function: fn,
          subject: shortArg(subject),
          sink: call.receiver === 're' ? `re.${call.name}()` : `.${call.name}()`,
          path: pathText(origin, call.receiver === 're' ? `re.${call.name}()` : `.${call.name}()`),
          complexity: exponential ? 'exponentially' : `in O(n^${degree})`,
          attack: shortArg(result.attack.pattern),
          effect:
            (exponential
              ? 'a few dozen characters keep the process busy for minutes, and every other request waits.'
              : degree >= 3
                ? 'a few kilobytes keep the process busy for seconds.'
                : 'tens of kilobytes keep the process busy for seconds where the input length is not limited.') +
            (ownInput
              ? ` Low: ${tool}, so this value is usually its own user's configuration or flags, and a slow match only delays that user's own run.`
              : '') +
            (lineNote ? ` ${lineNote}` : '')
        },
        severity: ownInput ? 'low' : severityOf(result),
        confidence: confidenceOf(origin),
        rationale:
          `recheck (automaton analysis, seeded and bounded by size, never by time) reports ${result.complexity.summary} matching for this pattern; ` +
          `the matched value is ${origin.kind === 'parameter' ? 'a parameter of a public function, which callers may bound or validate' : `${origin.kind} input`}: ` +
          `${[...origin.steps, `${call.name}()`].join(' → ')}. Severity follows the complexity, confidence how directly the input arrives.`,
        evidence: context.quoter.evidence(module.path, call.loc),
        key: `${fn}#${call.name}#${regex.flags}/${regex.pattern.slice(0, 120)}#${codeOnly(subject).replace(/\s+/g, '').slice(0, 60)}`,
        symbol: call.enclosing,
        cwe: CWE.redosOnInput,
        tags: [`source:${origin.kind}`, 'redos']
      }
      out.push({ draft, module, origin, result })
    }
  }
  return out
}

/** Names that say the value is a file's name or path on disk, not a URL path or free text. */
const FILE_NAME =
  /^(?:filepath|file_path|filename|file_name|fname|basename|dirname)$|(?:_filepath|_file_path|_filename|FilePath|Filepath|FileName|Filename)$/

function namesAFileOnDisk(origin: Origin, subject: string): boolean {
  const name = origin.entry?.param
  const plain = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(codeOnly(subject))?.[1]
  return (
    (name !== undefined && FILE_NAME.test(name)) || (plain !== undefined && FILE_NAME.test(plain))
  )
}

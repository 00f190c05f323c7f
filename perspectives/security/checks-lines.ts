// Writes the model does not record: property assignments (`el.innerHTML = ...`, `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'`),
// object properties (`rejectUnauthorized: false`) and JSX attributes (`dangerouslySetInnerHTML`). They are
// found by looking for these exact property names on the lines of analysed modules (comment lines skipped),
// never to find functions, calls or imports; the enclosing function comes from the model's locations.
import type { ModuleModel } from '../../src/model/types.js'
import {
  confidenceFor,
  functionAt,
  functionLabel,
  severityFor,
  type CheckContext,
  type Draft
} from './context.js'
import { tlsDraft, verifiesToo } from './checks-crypto.js'
import { CWE } from './messages.js'
import { inputText, originOf, pathText } from './taint.js'
import { codeOnly, isPlainLiteral, shortArg } from './text.js'

const HTML_PROPERTY = /\.(innerHTML|outerHTML)\s*\+?=(?!=)\s*(.+?);?\s*$/
const DANGEROUS_JSX = /dangerouslySetInnerHTML\s*=\s*\{\{\s*__html\s*:\s*(.+?)\s*\}\}/
const SAFE_HTML = /\b(escape\w*|sanitize\w*|DOMPurify|purify|encode\w*)\b/i

const JS_TLS: [RegExp, string][] = [
  [/\brejectUnauthorized\s*:\s*false\b/, 'rejectUnauthorized: false'],
  [/NODE_TLS_REJECT_UNAUTHORIZED\b[^=\n]*=\s*['"`]?0['"`]?/, "NODE_TLS_REJECT_UNAUTHORIZED = '0'"],
  [/\bstrictSSL\s*:\s*false\b/, 'strictSSL: false']
]
const PY_TLS: [RegExp, string][] = [
  [/\.check_hostname\s*=\s*False\b/, 'check_hostname = False'],
  [
    /\bverify_mode\s*=\s*(ssl\.)?CERT_NONE\b|\bcert_reqs\s*=\s*(ssl\.)?CERT_NONE\b|\bcert_reqs\s*=\s*['"]CERT_NONE['"]/,
    'CERT_NONE'
  ]
]

// A caller's option about certificate checks (`verify`, `insecure`, `ssl_verify`, `rejectUnauthorized`).
const TLS_OPTION =
  /\b\w*(?:verify|insecure|ssl|tls|cert|reject\w*unauthori[sz]ed|check_hostname|strict)\w*\b/i
const FUNCTION_HEAD = /^\s*(?:async\s+)?(?:def|function|class)\b|=>\s*\{?\s*$/
const BRANCH_HEAD = /^\s*(?:\}\s*)?(?:(?:else\s+)?if|elif)\b(.*)$/
const ELSE_HEAD = /^\s*(?:\}\s*)?else\b\s*(?::|\{)?\s*$/

const indentOf = (line: string) => line.length - line.trimStart().length

/** The nearest line above `index` indented less than it (the block's head), skipping blank lines. */
function headAbove(lines: string[], index: number, indent: number): number | undefined {
  for (let j = index - 1; j >= Math.max(0, index - 12); j--)
    if (lines[j].trim() !== '' && indentOf(lines[j]) < indent) return j
  return undefined
}

/**
 * The line sits in a branch taken on the caller's own TLS option (`elif verify is False:`, `if
 * (options.insecure) {`, or the `else` of `if verify:`): the caller asked for no checks through a
 * documented option (httpx's `verify=False`, judged false twice in session 14). Checks switched off with
 * no such condition stay reported.
 */
export function inCallerTlsBranch(lines: string[], index: number): boolean {
  let at = index
  // Up through at most three enclosing blocks (an object literal inside the branch), not past a function.
  for (let level = 0; level < 3; level++) {
    let head = headAbove(lines, at, indentOf(lines[at]))
    if (head === undefined || FUNCTION_HEAD.test(lines[head])) return false
    if (ELSE_HEAD.test(lines[head])) {
      // The `else` of `if verify:`: its `if` is the nearest line above at the same indentation.
      const elseIndent = indentOf(lines[head])
      for (let j = head - 1; j >= Math.max(0, head - 40); j--)
        if (lines[j].trim() !== '' && indentOf(lines[j]) <= elseIndent) {
          head = j
          break
        }
    }
    const branch = BRANCH_HEAD.exec(lines[head])
    if (branch) return TLS_OPTION.test(branch[1])
    at = head
  }
  return false
}

/** Lines of a module that are code, with block and line comments blanked (approximate). */
function codeLines(lines: string[], python: boolean): string[] {
  let inBlock = false
  return lines.map((raw) => {
    let line = raw
    if (!python) {
      if (inBlock) {
        const end = line.indexOf('*/')
        if (end < 0) return ''
        line = ' '.repeat(end + 2) + line.slice(end + 2)
        inBlock = false
      }
      const start = line.indexOf('/*')
      if (start >= 0 && line.indexOf('*/', start + 2) < 0) {
        inBlock = true
        line = line.slice(0, start)
      }
    }
    const trimmed = line.trimStart()
    if (python ? trimmed.startsWith('#') : trimmed.startsWith('//') || trimmed.startsWith('*'))
      return ''
    return line
  })
}

/**
 * Blanks docstrings and the inner lines of multi-line strings: text there is prose or data, not code. A
 * string's first and last lines keep the code around it (`el.innerHTML = \`` opens a template).
 */
function withoutStringLines(lines: string[], module: ModuleModel): string[] {
  const spans: Array<[number, number]> = [
    ...(module.docstrings ?? []),
    ...module.strings
      .filter((s) => s.loc.endLine - s.loc.startLine > 1)
      .map((s): [number, number] => [s.loc.startLine + 1, s.loc.endLine - 1])
  ]
  if (spans.length === 0) return lines
  const out = [...lines]
  for (const [start, end] of spans) for (let n = start; n <= end; n++) out[n - 1] = ''
  return out
}

export function lineFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    const python = module.language === 'python'
    const lines = withoutStringLines(codeLines(context.quoter.lines(module.path), python), module)
    const optOut = verifiesToo(context, module)
    lines.forEach((line, i) => {
      if (line === '') return
      const lineNo = i + 1
      // The enclosing function is looked up only for a line that matched: most lines match nothing.
      const place = () => {
        const fn = functionAt(module, lineNo)
        return { fn, label: functionLabel(fn?.qualifiedName) }
      }
      for (const [pattern, setting] of python ? PY_TLS : JS_TLS) {
        if (optOut || !pattern.test(line) || inCallerTlsBranch(lines, i)) continue
        const { fn, label } = place()
        out.push(
          tlsDraft(
            context,
            module,
            lineNo,
            setting,
            label,
            fn?.qualifiedName,
            `${label}#${setting}`
          )
        )
      }
      if (python) return
      const html = HTML_PROPERTY.exec(line) ?? DANGEROUS_JSX.exec(line)
      if (html) {
        const { fn } = place()
        const value = (html.length > 2 ? html[2] : html[1]) ?? ''
        const sink = html.length > 2 ? html[1] : 'dangerouslySetInnerHTML'
        const xss = xssDraft(context, module, lineNo, sink, value, fn?.qualifiedName)
        if (xss) out.push(xss)
      }
    })
  }
  return out
}

function xssDraft(
  context: CheckContext,
  module: ModuleModel,
  line: number,
  sink: string,
  value: string,
  enclosing: string | undefined
): Draft | undefined {
  const trimmed = value.trim()
  if (
    trimmed === '' ||
    isPlainLiteral(trimmed) ||
    /^['"`]\s*['"`]$/.test(trimmed) ||
    SAFE_HTML.test(codeOnly(trimmed))
  )
    return undefined
  const taint = context.taint.get(module.path)
  const origin = taint
    ? originOf(taint, enclosing, trimmed, { startLine: line, startColumn: 1 })
    : undefined
  const label = functionLabel(enclosing)
  return {
    messageId: 'xss',
    data: {
      sink,
      function: label,
      input: inputText(origin, 'a computed value'),
      arg: shortArg(trimmed),
      path: pathText(origin, sink)
    },
    severity: severityFor('high', origin),
    confidence: origin
      ? confidenceFor(origin, origin.steps.length > 2 || !!origin.viaLocal)
      : 'low',
    rationale: `Assigning HTML parses it; ${origin ? `the value is traced to ${origin.label}` : 'the value is computed and was not traced to an input (locals are followed through their assignments in the same function only), so confidence is low'}. Use textContent, or sanitise with DOMPurify.`,
    evidence: context.quoter.evidence(module.path, { startLine: line, endLine: line }),
    key: `${label}#${sink}#${codeOnly(trimmed).replace(/\s+/g, '').slice(0, 80)}`,
    symbol: enclosing,
    cwe: CWE.xss,
    tags: [origin ? `source:${origin.kind}` : 'source:none']
  }
}

// Containment checks that do not contain (CWE-22). Two shapes a reviewer knows from file servers:
// - a prefix test against a root that ends without a separator (`path.startsWith(root)`,
//   `path.indexOf(root) === 0`, `path.substr(0, root.length) !== root`, Python's `startswith` and
//   `os.path.commonprefix`), where the root came from resolve/normalize/abspath/realpath, which drop a
//   trailing separator: `/srv/www-private/x` starts with `/srv/www`, so a sibling folder passes;
// - a path decoded after it was normalised or checked (`u = path.normalize(u)` … `u =
//   decodeURIComponent(u)`): `%2e%2e%2f` passes the normalisation and becomes `../` after it.
// The fixed shapes: the root with a separator appended (`normalize(root + sep)`), a test of the character
// after the prefix, decoding before normalising.
import type { Condition, ModuleModel } from '../../src/model/types.js'
import { placeOf, type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import type { ModuleTaint } from './taint.js'
import { codeOnly, shortArg } from './text.js'

const NAME = String.raw`(?:this\.|self\.)?[A-Za-z_$][\w$]*`
/** `x.startsWith(root)`, `x.indexOf(root) === 0`, `x.substr(0, root.length) !== root`, `commonprefix([root, x]) == root`. */
const PREFIX_TESTS: RegExp[] = [
  new RegExp(String.raw`(${NAME})\.(?:startsWith|startswith)\(\s*(${NAME})\s*\)`),
  new RegExp(String.raw`(${NAME})\.indexOf\(\s*(${NAME})\s*\)\s*(?:!==?|===?)\s*0\b`),
  new RegExp(
    String.raw`(${NAME})\.(?:substr|substring|slice)\(\s*0\s*,\s*(${NAME})\.length\s*\)\s*(?:!==?|===?)\s*(${NAME})\b`
  ),
  new RegExp(
    String.raw`os\.path\.commonprefix\(\s*\[\s*(${NAME})\s*,\s*(${NAME})\s*\]\s*\)\s*(?:!=|==)\s*(${NAME})\b`
  )
]
/** Calls that return a path without a trailing separator. */
const STRIPS_SEPARATOR =
  /\b(?:path\.)?(?:resolve|normalize)\s*\(|\bos\.path\.(?:abspath|realpath|normpath)\s*\(|\brealpathSync(?:\.native)?\s*\(|\.resolve\(\s*\)/
/** A separator appended or tested: `root + sep`, `root + '/'`, `os.path.join(root, '')`, `x[root.length]`. */
const SEPARATOR =
  /\bsep\b|\+\s*['"`][/\\]+['"`]|os\.path\.join\(.*,\s*['"]{2}\s*\)|\[\s*[\w$.]+\.length\s*\]|charAt\(\s*[\w$.]+\.length\s*\)|\.relative\(/

/** What a name holds where the condition reads it: its last binding before the line, or a field's assignments. */
function valuesOf(
  taint: ModuleTaint,
  lines: string[],
  enclosing: string | undefined,
  name: string,
  line: number
): string[] {
  const field = /^(?:this|self)\.([A-Za-z_$][\w$]*)$/.exec(name)
  if (field) {
    const assign = new RegExp(String.raw`\b(?:this|self)\.${field[1]}\s*=(?!=)\s*(.+)$`)
    return lines.map((l) => assign.exec(l)?.[1]).filter((v): v is string => v !== undefined)
  }
  const list = taint.bindings.get(enclosing ?? '')?.get(name) ?? []
  const before = list.filter((b) => b.loc.endLine < line)
  const last = before[before.length - 1]
  return last ? [last.value] : []
}

function prefixFinding(
  context: CheckContext,
  module: ModuleModel,
  taint: ModuleTaint,
  lines: string[],
  condition: Condition
): Draft | undefined {
  const text = codeOnly(condition.text)
  for (const test of PREFIX_TESTS) {
    const m = test.exec(text)
    if (!m) continue
    // substr/commonprefix name the root twice: both must be the same name.
    const root = test === PREFIX_TESTS[3] ? m[1] : m[2]
    if (m[3] !== undefined && m[3] !== m[2] && test !== PREFIX_TESTS[3]) continue
    if (test === PREFIX_TESTS[3] && m[3] !== root) continue
    const values = valuesOf(taint, lines, condition.enclosing, root, condition.loc.startLine)
    if (values.length === 0) continue
    if (!values.every((v) => STRIPS_SEPARATOR.test(v) && !SEPARATOR.test(v))) continue
    // Another test in the function of the character after the prefix, or of the root plus a separator.
    const others = module.conditions.filter(
      (c) => c.enclosing === condition.enclosing && c !== condition
    )
    if (others.some((c) => SEPARATOR.test(codeOnly(c.text)) && c.text.includes(root))) continue
    const fn = placeOf(module, condition.enclosing, condition.loc.startLine)
    const shown = shortArg(condition.text.trim())
    return {
      messageId: 'pathPrefixCheck',
      data: {
        function: fn,
        condition: shown,
        root,
        value: shortArg(values[0].trim().replace(/;$/, ''))
      },
      severity: 'medium',
      confidence: 'medium',
      rationale:
        'A string prefix is not a folder boundary: without a separator after the root, every sibling folder whose name starts with the root passes the check. resolve/normalize/abspath/realpath return the root without a trailing separator.',
      // The condition's own line: an `if` block's location spans its body.
      evidence: context.quoter.evidence(module.path, {
        startLine: condition.loc.startLine,
        endLine: condition.loc.startLine
      }),
      key: `${fn}#prefix#${root}`,
      symbol: condition.enclosing,
      cwe: CWE.pathPrefixCheck,
      tags: ['source:none']
    }
  }
  return undefined
}

const DECODE =
  /\b(decodeURIComponent|decodeURI|unquote|unquote_plus|url2pathname)\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/
const NORMALISE =
  /\b(?:path\.)?(?:normalize|resolve)\s*\(|\bos\.path\.(?:normpath|abspath|realpath)\s*\(|\bposixpath\.normpath\s*\(/

function encodedDotsDecodedBefore(
  context: CheckContext,
  module: ModuleModel,
  taint: ModuleTaint,
  scope: string,
  line: number
): boolean {
  const fn = taint.byName.get(scope)
  if (!fn) return false
  const text = context.quoter
    .lines(module.path)
    .slice(fn.loc.startLine - 1, line - 1)
    .join('\n')
  return /%2e/i.test(text) && /%2f/i.test(text)
}

function decodeFindings(context: CheckContext, module: ModuleModel, taint: ModuleTaint): Draft[] {
  const out: Draft[] = []
  for (const [scope, names] of taint.bindings) {
    if (scope === '') continue
    for (const [name, list] of names) {
      for (let i = 1; i < list.length; i++) {
        const decoded = DECODE.exec(codeOnly(list[i].value))
        if (!decoded || decoded[2] !== name) continue
        // The same local normalised earlier in the function, and not decoded before that.
        const earlier = list.slice(0, i).findIndex((b) => NORMALISE.test(codeOnly(b.value)))
        if (earlier < 0) continue
        if (list.slice(0, earlier + 1).some((b) => DECODE.test(codeOnly(b.value)))) continue
        // The encoded dot and slash turned into characters before the normalisation (st 0.2.5's
        // `p.replace(/%2e/ig, '.')`, `p.replace(/%2f/ig, '/')`): what decoding adds later is no `..`.
        if (encodedDotsDecodedBefore(context, module, taint, scope, list[earlier].loc.startLine))
          continue
        // Normalised again after decoding: the later normalisation sees the decoded `..`.
        if (list.slice(i + 1).some((b) => NORMALISE.test(codeOnly(b.value)))) continue
        const loc = list[i].loc
        const fn = placeOf(module, scope, loc.startLine)
        out.push({
          messageId: 'pathDecodedAfterCheck',
          data: {
            function: fn,
            name,
            decoder: decoded[1],
            normalised: shortArg(list[earlier].value.trim()),
            line: String(list[earlier].loc.startLine)
          },
          severity: 'high',
          confidence: 'medium',
          rationale:
            'Normalising removes `..` segments only from the text it sees; an encoded `%2e%2e%2f` is not one until it is decoded, so decoding after the normalisation (or the root check) lets it through.',
          evidence: context.quoter.evidence(module.path, loc),
          key: `${fn}#decode-after#${name}`,
          symbol: scope,
          cwe: CWE.pathDecodedAfterCheck,
          tags: ['source:none']
        })
        break
      }
    }
  }
  return out
}

export function containmentFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    const taint = context.taint.get(module.path)
    if (!taint) continue
    const lines = context.quoter.lines(module.path)
    for (const condition of module.conditions) {
      const draft = prefixFinding(context, module, taint, lines, condition)
      if (draft) out.push(draft)
    }
    out.push(...decodeFindings(context, module, taint))
  }
  return out
}

// Options a program declares and then never reads: the parser accepts `--no-port-switching` (serve's,
// round 7: declared in arg's spec and listed in --help, read nowhere, so the port switches anyway), the
// user passes it, and nothing changes. Declarations are read from arg's spec object, commander's and
// yargs' `.option()`, node:util `parseArgs`, meow's `flags`, argparse's `add_argument` and click's
// `@click.option`; a read is the key's text anywhere else in the program's own (non-test) source.
// Conservative by construction: any other mention of the key counts as a read, and a program that
// reads its options wholesale (`vars(args)`, `**kwargs`, `Object.keys(opts)`) is not judged.
import type { CallSite } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import { type CheckInput, type Found, type ModuleInfo, push, calleeSource } from './context.js'

interface Declared {
  info: ModuleInfo
  /** Where it is declared: the spec's key line or the declaring call. */
  at: { loc: CallSite['loc'] }
  flag: string
  /** The name that reads it: `'--x'` for arg (quoted), the name or dest for the others. */
  key: string
  /** argparse: read as an attribute of the namespace (`args.key`), never as a bare word (a keyword argument). */
  attribute?: boolean
  /** Other names it is read by: yargs aliases, the dashed spelling of a camelCase key. */
  aliases?: string[]
  quoted: boolean
  library: string
  /** Lines of the declaring module that declare (not read) it. */
  lines: [number, number]
}

const camel = (name: string): string =>
  name.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())

/** The long name of an option spec: `-p, --port <n>` gives `port`; `--no-color` gives `color` (commander). */
function longName(spec: string): string | undefined {
  const long = /--([A-Za-z][\w-]*)/.exec(spec)?.[1]
  if (long) return long
  const short = /^-([A-Za-z])\b/.exec(spec.trim())?.[1]
  return short
}

function lineSpan(loc: CallSite['loc']): [number, number] {
  return [loc.startLine, loc.endLine]
}

/** The text of lines [start, end] of a module. */
function textOf(input: CheckInput, path: string, [start, end]: [number, number]): string[] {
  return input.quote.lines(path).slice(start - 1, end)
}

/** `{ '--port': Number, '-p': '--port' }`: the option keys whose value is a type or handler (aliases map to a string). */
function argKeys(lines: readonly string[], first: number): { key: string; line: number }[] {
  const out: { key: string; line: number }[] = []
  lines.forEach((text, i) => {
    for (const m of text.matchAll(/['"](--[A-Za-z][\w-]*)['"]\s*:\s*([^,}\n]+)/g)) {
      if (/^\s*['"`]/.test(m[2])) continue
      out.push({ key: m[1], line: first + i })
    }
  })
  return out
}

/** The object an arg-style call is given: inline, or a module variable by name. */
function specSpan(info: ModuleInfo, call: CallSite): [number, number] | undefined {
  const first = call.args[0]?.trim()
  if (first === undefined) return undefined
  if (first.startsWith('{')) return lineSpan(call.loc)
  const v = info.module.variables.find((x) => x.name === first)
  return v ? lineSpan(v.loc) : undefined
}

const PARSE_ARGS_KEYS = /^\s*['"]?([A-Za-z][\w-]*)['"]?\s*:\s*\{\s*type\s*:/

function declaredIn(info: ModuleInfo, input: CheckInput): Declared[] {
  const out: Declared[] = []
  const { module } = info
  for (const call of module.calls) {
    const source = calleeSource(info, call)
    const first = stringLiteralValue(call.args[0])
    if (info.dialect === 'js' && source === 'arg' && call.receiver === undefined) {
      const span = specSpan(info, call)
      if (!span) continue
      for (const k of argKeys(textOf(input, module.path, span), span[0]))
        out.push({
          info,
          at: { loc: { ...call.loc, startLine: k.line, endLine: k.line } },
          flag: k.key,
          key: k.key,
          quoted: true,
          library: 'arg',
          lines: span
        })
    } else if (
      info.dialect === 'js' &&
      (source === 'util' ||
        (call.name === 'parseArgs' && info.imports.get('parseArgs') === 'util')) &&
      call.name === 'parseArgs'
    ) {
      const span = lineSpan(call.loc)
      textOf(input, module.path, span).forEach((text, i) => {
        const m = PARSE_ARGS_KEYS.exec(text)
        if (m)
          out.push({
            info,
            at: { loc: { ...call.loc, startLine: span[0] + i, endLine: span[0] + i } },
            flag: `--${m[1]}`,
            key: m[1],
            quoted: false,
            library: 'node:util parseArgs',
            lines: span
          })
      })
    } else if (
      info.dialect === 'js' &&
      call.receiver !== undefined &&
      ['option', 'requiredOption'].includes(call.name) &&
      (info.sources.has('commander') || [...info.sources].some((s) => s.startsWith('yargs')))
    ) {
      if (first === undefined) continue
      const commander = info.sources.has('commander')
      const name = commander ? longName(first) : first
      if (!name || (commander && !first.trim().startsWith('-'))) continue
      const bare = commander ? name.replace(/^no-/, '') : name
      const alias = /\balias\s*:\s*(\[[^\]]*\]|['"][^'"]+['"])/.exec(call.args[1] ?? '')?.[1]
      const aliases = [bare, ...[...(alias ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1])]
      out.push({
        info,
        at: call,
        flag: name.length === 1 ? `-${name}` : `--${name}`,
        key: camel(bare),
        aliases,
        quoted: false,
        library: commander ? 'commander' : 'yargs',
        lines: lineSpan(call.loc)
      })
    } else if (info.dialect === 'python' && call.name === 'add_argument' && call.receiver) {
      if (first === undefined) continue
      if (call.args.some((a) => /^action\s*=\s*['"](version|help)['"]$/.test(a.trim()))) continue
      // An Action class of the program's own acts on the value while the arguments are parsed (pelican's
      // --print-settings prints and exits): nothing needs to read it afterwards.
      if (call.args.some((a) => /^action\s*=\s*[A-Za-z_][\w.]*$/.test(a.trim()))) continue
      const dest = stringLiteralValue(
        call.args.find((a) => /^dest\s*=/.test(a.trim()))?.replace(/^\s*dest\s*=\s*/, '')
      )
      const names = call.args
        .map((a) => stringLiteralValue(a))
        .filter((v): v is string => v !== undefined && v.startsWith('-'))
      const long = names.find((n) => n.startsWith('--')) ?? names[0] ?? first
      const key = dest ?? long.replace(/^-+/, '').replace(/-/g, '_')
      if (!/^[A-Za-z_]\w*$/.test(key) || key === 'help') continue
      out.push({
        info,
        at: call,
        flag: long,
        key,
        quoted: false,
        attribute: true,
        library: 'argparse',
        lines: lineSpan(call.loc)
      })
    } else if (info.dialect === 'python' && source === 'click' && call.name === 'option') {
      const strings = call.args
        .map((a) => stringLiteralValue(a))
        .filter((v): v is string => v !== undefined)
      const explicit = strings.find((s) => /^[A-Za-z_]\w*$/.test(s))
      const flags = strings
        .map((s) => s.split('/')[0])
        .map((s) => s.trim())
        .filter((s) => s.startsWith('-'))
      if (flags.length === 0) continue
      // click names the parameter by the first `--` name, else the first `-` one.
      const long = flags.find((f) => f.startsWith('--')) ?? flags[0]
      const key = explicit ?? long.replace(/^-+/, '').replace(/-/g, '_').toLowerCase()
      if (call.args.some((a) => /^(is_eager|expose_value)\s*=/.test(a.trim()))) continue
      out.push({
        info,
        at: call,
        flag: long,
        key,
        quoted: false,
        library: 'click',
        lines: lineSpan(call.loc)
      })
    }
  }
  return out
}

/** The program reads its parsed options wholesale: no key can be judged unread. */
const WHOLESALE_PY = /\bvars\(|\.__dict__\b|\*\*kwargs|\*\*options|\*\*opts|\*\*params|\*\*args\b/
const WHOLESALE_JS =
  /Object\.(keys|entries|assign|values)\(\s*(args|argv|opts|options|flags|values|program)/

/** A line with the contents of its plain string literals removed (f-strings and templates kept: they hold code). */
function withoutPlainStrings(line: string, dialect: string): string {
  return dialect === 'python'
    ? line.replace(/(?<![fF\w])(['"])(?:\\.|(?!\1).)*\1/g, "''")
    : line.replace(/(['"])(?:\\.|(?!\1).)*\1/g, "''")
}

/** The lines of a Python module's function signatures: a parameter named like the option is no read of it. */
function signatureLines(info: ModuleInfo, lines: readonly string[]): Set<number> {
  const out = new Set<number>()
  if (info.dialect !== 'python') return out
  for (const fn of info.module.functions) {
    for (let n = fn.loc.startLine; n <= Math.min(fn.loc.endLine, lines.length); n++) {
      out.add(n)
      if (/\)\s*(->\s*[^:]+)?:\s*(#.*)?$/.test(lines[n - 1])) break
    }
  }
  return out
}

function readsKey(input: CheckInput, d: Declared): boolean {
  const { dialect } = d.info
  const escape = (t: string) => t.replace(/[-.$]/g, (c) => `\\${c}`)
  const names = [...new Set([d.key, ...(d.aliases ?? []).flatMap((a) => [a, camel(a)])])]
  // Quoted anywhere (`argv['print-requests']`, `getattr(args, 'to')`, arg's `args['--x']`); as a word
  // only outside plain string literals, where prose ("the store to read from") would pass for a read.
  const quoted = new RegExp(
    names.map((n) => `(?:'${escape(n)}'|"${escape(n)}"|\`${escape(n)}\`)`).join('|')
  )
  const word = d.quoted
    ? undefined
    : new RegExp(
        names
          .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
          .map((n) => `${d.attribute ? '\\.\\s*' : '(?<![\\w$-])'}${escape(n)}(?![\\w$])`)
          .join('|') || '(?!)'
      )
  for (const m of input.modules) {
    if (m.dialect !== dialect || m.module.path.endsWith('.d.ts')) continue
    const lines = input.quote.lines(m.module.path)
    const signatures = signatureLines(m, lines)
    for (let n = 1; n <= lines.length; n++) {
      const own = m.module.path === d.info.module.path && n >= d.lines[0] && n <= d.lines[1]
      if (own) continue
      const text = lines[n - 1]
      const found =
        quoted.exec(text) ??
        (signatures.has(n) ? null : word?.exec(withoutPlainStrings(text, dialect)))
      if (!found) continue
      // `'--x': boolean;` in a type: a declaration, not a read (serve's types.ts), unless destructured.
      if (d.quoted) {
        const rest = text.slice(found.index + found[0].length)
        if (/^\s*\??:/.test(rest) && !/\}\s*=|^\s*(const|let|var)\s*\{/.test(text)) continue
      }
      return true
    }
  }
  return false
}

function wholesale(input: CheckInput, d: Declared): boolean {
  // The declaring module is where a namespace or an options object is handed on whole.
  const pattern =
    d.library === 'argparse'
      ? /\bvars\(|\.__dict__\b/
      : d.info.dialect === 'python'
        ? WHOLESALE_PY
        : WHOLESALE_JS
  return input.quote.lines(d.info.module.path).some((l) => pattern.test(l))
}

export function unreadOptions(input: CheckInput, out: Found[]): void {
  for (const info of input.modules) {
    for (const d of declaredIn(info, input)) {
      if (readsKey(input, d) || wholesale(input, d)) continue
      push(
        out,
        info,
        input,
        'optionNeverRead',
        d.at,
        `unread:${d.library}:${d.flag}`,
        'medium',
        'medium',
        `Severity medium: a user who passes ${d.flag} gets the default behaviour without a word; confidence medium: the key \`${d.key}\` appears nowhere else in the program's own source, but a dependency handed the parsed options could read it.`,
        { flag: d.flag, library: d.library, key: d.key, file: info.module.path }
      )
    }
  }
}

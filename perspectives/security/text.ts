// Reading argument text the model recorded (CallSite.args): which names an argument mentions outside
// string literals, whether it builds a string (template, concatenation, f-string, %-format, .format),
// and masking secrets so that no finding ever carries one.

/**
 * The argument's code with the contents of string literals blanked out, keeping template and f-string
 * substitutions: `'ls ' + dir` gives `'   ' + dir`, so a literal word never counts as a name.
 */
export function codeOnly(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === "'" || ch === '"' || ch === '`') {
      const fString =
        ch !== '`' && /[fF]$/.test(text.slice(Math.max(0, i - 2), i).replace(/[rRbB]/g, ''))
      const triple = ch !== '`' && text.startsWith(ch.repeat(3), i)
      const close = triple ? ch.repeat(3) : ch
      out += close
      i += close.length
      let depth = 0
      while (i < text.length) {
        const c = text[i]
        if (depth === 0 && c === '\\') {
          out += '  '
          i += 2
          continue
        }
        if (depth === 0 && text.startsWith(close, i)) break
        const opens =
          ch === '`' ? text.startsWith('${', i) : fString && c === '{' && text[i + 1] !== '{'
        if (depth === 0 && opens) {
          depth = 1
          out += ch === '`' ? '${' : '{'
          i += ch === '`' ? 2 : 1
          continue
        }
        if (depth > 0) {
          if (c === '{') depth++
          if (c === '}') depth--
          out += c
        } else out += ' '
        i++
      }
      out += text.startsWith(close, i) ? close : ''
      i += close.length
      continue
    }
    out += ch
    i++
  }
  return out
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether the code of an argument names `name` as a variable (not as a property after a dot, not inside a literal). */
export function mentions(code: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false
  return new RegExp(`(?<![.\\w$])${escapeRegExp(name)}(?![\\w$])`).test(code)
}

/** A plain string literal with nothing computed in it. */
export function isPlainLiteral(arg: string | undefined): boolean {
  if (!arg) return false
  const t = arg.trim()
  if (/^[rRbBuU]{0,2}(['"])/.test(t) && !/^[rRbBuU]{0,2}[fF]/.test(t)) {
    const code = codeOnly(t)
    return /^[rRbBuU]{0,2}(['"]{1,3})\s*\1$/.test(code.replace(/\s+/g, ''))
  }
  if (t.startsWith('`')) return !t.includes('${')
  return false
}

/** How an argument builds a string from parts, or undefined when it does not. */
export function buildKind(
  arg: string | undefined
): 'template' | 'concatenation' | 'f-string' | 'format' | undefined {
  if (!arg) return undefined
  const t = arg.trim()
  const code = codeOnly(t)
  if (/^[rRbBuU]?[fF][rR]?['"]/.test(t) && /\{[^}]+\}/.test(code)) return 'f-string'
  if (t.startsWith('`') && code.includes('${')) return 'template'
  // A literal on one side of `+` (or `+=` joined parts), or `%`/.format() on a literal.
  if (/['"`]\s*\+|\+\s*[rRbBuUfF]?['"`]/.test(code)) return 'concatenation'
  if (/^[rRbBuU]{0,2}['"][\s\S]*['"]\s*%\s*\S/.test(code)) return 'format'
  if (/['"]\s*\.\s*format\s*\(/.test(code)) return 'format'
  if (/\.join\s*\(/.test(code) && /^\s*\[/.test(code)) return 'concatenation'
  return undefined
}

export { entropy } from '../../src/util/secret-shape.js'

/** The first four characters, the rest replaced: a secret is never printed. */
export function mask(secret: string): string {
  const head = [...secret].slice(0, 4).join('')
  return `${head}${'*'.repeat(Math.min(12, Math.max(4, secret.length - 4)))}`
}

/** Argument text shortened for a message (one line, at most 80 characters). */
export function shortArg(arg: string): string {
  const one = arg.replace(/\s+/g, ' ').trim()
  return one.length > 80 ? `${one.slice(0, 77)}...` : one
}

// HTML encoders named `encode` (he, entities, html-entities: `he.encode(req.headers.host)`, judged a false
// XSS on http-server) escape like `escapeHtml` does; the rest are caught by `escape\w*`. `quote_plus` and
// `urlencode` leave no quote, `<` or `:` (an href built from them, datasette's, judged false in session 16).
// `Object.prototype.toString.call(x)` gives the runtime's `[object Type]` tag, not the caller's text
// (validator.js's typeOf, judged a false ReDoS in round 6).
const NEUTRAL_CALL =
  /(?<![\w$])(?:(?:Object\.prototype\.)?toString\.call|(?:he|entities|htmlEntities|Entities)\.(?:encode\w*)|(?:[A-Za-z_$][\w$]*\.)*(hash\w*|md5|sha\d*\w*|parseInt|parseFloat|Number|escape\w*|encodeURIComponent|encodeHTML\w*|encodeXML\w*|htmlspecialchars|int|float|len|quote|quote_plus|quote_\w+|quote[A-Z]\w*|urlencode|shlex\.quote))\s*\(/g

/**
 * The argument with calls that turn any input into a safe value removed (`hash(x)`, `Number(x)`,
 * `escape(x)`, `int(x)`, a project's `quote_identifier(x)`): a name inside them no longer carries its
 * taint to the sink.
 */
export function withoutNeutralCalls(arg: string, calls: RegExp = NEUTRAL_CALL): string {
  let out = arg
  for (let guard = 0; guard < 20; guard++) {
    calls.lastIndex = 0
    const found = calls.exec(out)
    if (!found) break
    let depth = 0
    let end = found.index + found[0].length - 1
    for (; end < out.length; end++) {
      if (out[end] === '(') depth++
      else if (out[end] === ')' && --depth === 0) break
    }
    out = `${out.slice(0, found.index)}0${out.slice(end + 1)}`
  }
  return out
}

/**
 * Calls that quote a value as a string literal of the code it is built into (`JSON.stringify(x)`,
 * Python `json.dumps(x)`, `repr(x)`): safe in code handed to eval/Function, not in HTML, SQL or a shell.
 */
export const CODE_QUOTING_CALL = /(?<![\w$])(?:JSON\.stringify|json\.dumps|repr)\s*\(/g

/** The argument with the calls that quote a value as a code literal removed (see CODE_QUOTING_CALL). */
export function withoutCodeQuoting(arg: string): string {
  return withoutEscapingReplace(
    withoutNeutralCalls(withoutNeutralCalls(compiledSourceOnly(arg)), CODE_QUOTING_CALL)
  )
}

/**
 * Python `compile(source, filename, mode)`: only the source is code; the file name labels tracebacks
 * (flask's `exec(compile(f.read(), filename, "exec"))`, judged false as injection through `filename` in
 * round 6). The later arguments are dropped, so a name there no longer carries taint to exec/eval.
 */
function compiledSourceOnly(arg: string): string {
  const code = codeOnly(arg)
  const found = /(?<![\w$.])compile\s*\(/.exec(code)
  if (!found) return arg
  let depth = 0
  for (let i = found.index + found[0].length - 1; i < code.length; i++) {
    const c = code[i]
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return arg
    } else if (c === ',' && depth === 1) {
      let end = i
      for (let d = 1; end < code.length; end++) {
        if (code[end] === '(' || code[end] === '[' || code[end] === '{') d++
        else if ((code[end] === ')' || code[end] === ']' || code[end] === '}') && --d === 0) break
      }
      return `${arg.slice(0, i)}${arg.slice(end)}`
    }
  }
  return arg
}

/** `.replace(pattern, escapeChar)`: every match replaced by an escaping function's result. */
const ESCAPING_REPLACE = /\.replace\(\s*[A-Za-z_$][\w$.]*\s*,\s*(?:[\w$]+\.)*escape\w*\s*\)/gi

/**
 * The text with each value escaped by a replace with an escaping function removed, receiver and all
 * (`text.slice(i, j).replace(escapeRegExp, escapeChar)`: template compilers quote the literal parts of a
 * template this way before building code from it, so that text is a string literal of the code).
 */
function withoutEscapingReplace(arg: string): string {
  let out = arg
  for (let guard = 0; guard < 20; guard++) {
    ESCAPING_REPLACE.lastIndex = 0
    const found = ESCAPING_REPLACE.exec(codeOnly(out))
    if (!found) break
    // Walk back over the receiver: names, dots and balanced brackets (`text.slice(index, offset)`).
    let start = found.index
    let depth = 0
    while (start > 0) {
      const c = out[start - 1]
      if (c === ')' || c === ']') depth++
      else if (c === '(' || c === '[') {
        if (depth === 0) break
        depth--
      } else if (depth === 0 && !/[\w$.]/.test(c)) break
      start--
    }
    out = `${out.slice(0, start)}0${out.slice(found.index + found[0].length)}`
  }
  return out
}

/** Whether anything but literals, numbers and neutral calls (hash, Number, escape...) goes into the built string. */
export function hasDynamicPart(arg: string): boolean {
  const code = codeOnly(withoutNeutralCalls(arg))
  // String prefixes (f'', r'') and template delimiters are not values.
  const values = code.replace(/\$\{/g, ' ').replace(/(^|[^\w$])[rRbBuUfF]{1,2}(?=['"])/g, '$1')
  return /[A-Za-z_$]/.test(values)
}

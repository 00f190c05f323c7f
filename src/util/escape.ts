// Escaping of text that comes from the target repository (titles, messages, snippets, file names)
// before it goes into markdown, HTML or a terminal. The summary treats all such text as hostile.

// Numeric character references are literal text to CommonMark and to HTML alike, so one escape
// serves paragraphs, table cells, headings and the inside of HTML tags such as <summary> and <code>.
// `|` would split a table cell, `$` starts GitHub math, `@` would mention a user, the rest is markdown
// or HTML syntax.
const MARKDOWN_SPECIAL = /[&<>"'`*_[\]|\\~$@#!]/g

function reference(ch: string): string {
  return `&#${ch.codePointAt(0)};`
}

/** One line of inline text: safe in a paragraph, a table cell, a heading or an HTML element. */
export function escapeInline(text: string): string {
  return stripControl(text)
    .replace(/\r\n?/g, '\n')
    .replace(MARKDOWN_SPECIAL, reference)
    .replace(/\n+/g, ' ')
}

/** Multi-line text inside a table cell or HTML element: lines joined with <br>. */
export function escapeMultiline(text: string): string {
  return stripControl(text)
    .replace(/\r\n?/g, '\n')
    .replace(MARKDOWN_SPECIAL, reference)
    .split('\n')
    .map((line) => line.replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length)))
    .join('<br>')
}

/** Text shown as code inside a table cell: an HTML <code> element, never a backtick span. */
export function codeCell(text: string): string {
  return `<code>${escapeMultiline(text)}</code>`
}

/** Control characters (other than newline and tab) have no business in a report. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd')
}

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
export function fenceFor(code: string): string {
  let longest = 0
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return '`'.repeat(Math.max(3, longest + 1))
}

/** A fenced code block; the info string is ours (a language name), the code is anything. */
export function fencedBlock(code: string, language: string): string {
  const body = stripControl(code).replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  const fence = fenceFor(body)
  return `${fence}${language}\n${body}\n${fence}`
}

/**
 * A URL path from a repository-relative file name: every segment percent-encoded, including the
 * characters encodeURIComponent leaves alone that would end a markdown link (`(`, `)`) or a quote.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
      )
    )
    .join('/')
}

/** For the terminal: no escape sequences from the target repository reach the user's terminal. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd')
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** The longest prefix of `text` that fits in `limit` UTF-8 bytes, never splitting a character or a character reference. */
export function truncateUtf8(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= limit) return text
  let end = Math.max(0, limit)
  // Back up to the first byte of a character (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes
    .subarray(0, end)
    .toString('utf8')
    .replace(/&#?\w*$/, '')
}

/** A URL for a markdown link target: http(s) only, and nothing in it that could end the link. */
export function linkUrl(url: string): string | null {
  if (!/^https?:\/\/[^\s]+$/.test(url)) return null
  return url.replace(
    /[()<>"'`\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
}

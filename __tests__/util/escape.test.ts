import {
  encodePath,
  escapeInline,
  escapeMultiline,
  fencedBlock,
  fenceFor,
  linkUrl,
  terminalSafe,
  truncateUtf8
} from '../../src/util/escape.js'

describe('escape', () => {
  it('turns markdown and HTML syntax into character references', () => {
    expect(escapeInline('<a href="x">|`*_[]</a> & $x$ @me #1')).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#124;&#96;&#42;&#95;&#91;&#93;&#60;/a&#62; &#38; &#36;x&#36; &#64;me &#35;1'
    )
    expect(escapeInline('one\r\ntwo\n\nthree')).toBe('one two three')
    expect(escapeInline('plain words, stay: plain.')).toBe('plain words, stay: plain.')
  })

  it('keeps lines and indentation in multi-line cells', () => {
    expect(escapeMultiline('if (a) {\n  b()\n}')).toBe('if (a) {<br>&nbsp;&nbsp;b()<br>}')
  })

  it('replaces control characters', () => {
    expect(escapeInline('a\u001b[31mb\u0000')).toBe('a\ufffd&#91;31mb\ufffd')
    expect(terminalSafe('a\u001b[2Jb\nc\u009bd')).toBe('a\ufffd[2Jb c\ufffdd')
  })

  it('picks a fence longer than any backtick run', () => {
    expect(fenceFor('no ticks')).toBe('```')
    expect(fenceFor('``` and ````')).toBe('`````')
    expect(fencedBlock('a\n```\nb\n\n', 'ts')).toBe('````ts\na\n```\nb\n````')
  })

  it('encodes every path segment so a link cannot be ended early', () => {
    expect(encodePath('src/a b/(x)|y#z?.ts')).toBe('src/a%20b/%28x%29%7Cy%23z%3F.ts')
  })

  it('accepts only http(s) link targets, and quotes what would end a link', () => {
    expect(linkUrl('javascript:alert(1)')).toBeNull()
    expect(linkUrl('https://x.test/a b')).toBeNull()
    expect(linkUrl('https://x.test/a(b)')).toBe('https://x.test/a%28b%29')
  })

  it('cuts at a UTF-8 character boundary and never inside a character reference', () => {
    expect(truncateUtf8('aé€', 4)).toBe('aé')
    expect(truncateUtf8('aé€', 5)).toBe('aé')
    expect(truncateUtf8('aé€', 6)).toBe('aé€')
    expect(truncateUtf8('ab &#124; c', 6)).toBe('ab ')
    expect(truncateUtf8('abc', 0)).toBe('')
    for (let n = 0; n < 12; n++)
      expect(Buffer.byteLength(truncateUtf8('€€€€', n))).toBeLessThanOrEqual(n)
  })
})

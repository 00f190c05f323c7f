import { describe, expect, it } from '@jest/globals'
import type { SpecValue } from '../../src/specs/types.js'
import {
  equalityKind,
  hasCodeFor,
  jsString,
  pyString,
  renderJsValue,
  renderPyValue,
  valueTag
} from '../../src/specs/values.js'
import { evalPython, pythonSyntaxErrors, tsSyntaxErrors } from './helpers.js'

// Strings that have broken code generators: quotes of every kind, escapes, line terminators,
// template syntax, comment and script terminators, astral and lone surrogates, controls.
const HOSTILE_STRINGS = [
  '',
  "it's",
  'say "hi"',
  'back\\slash',
  'trailing backslash \\',
  'line1\nline2\r\nline3\rline4',
  'tab\there',
  '${process.exit(1)}',
  '`backtick`',
  '*/ comment end',
  '</script><script>alert(1)</script>',
  'emoji 😀 and 🧪 and flag 🇫🇷',
  'accents: café, Ωmega, 日本語',
  'separators \u2028 and \u2029',
  'nul \u0000 bell \u0007 escape \u001b del \u007f c1 \u0085',
  'bom \ufeff',
  'lone high \ud800 end',
  'lone low \udc00 end',
  '\\u0041 is not A',
  "''' triple",
  '"""docstring"""',
  'f"{x}" {braces}',
  '#not a comment',
  '//not a comment'
]

function evalJs(expression: string): unknown {
  return new Function(`return ${expression}`)() as unknown
}

describe('jsString / renderJsValue', () => {
  it.each(HOSTILE_STRINGS.map((s) => [JSON.stringify(s), s]))(
    'round-trips %s through a JavaScript literal',
    (_label, text) => {
      const literal = jsString(text)
      expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true)
      expect(literal).not.toContain('\n')
      expect(evalJs(literal)).toBe(text)
      expect(tsSyntaxErrors(`const x = ${literal}\n`, 'x.ts')).toEqual([])
    }
  )

  it('keeps emoji readable and escapes only what must be escaped', () => {
    expect(jsString('😀')).toBe("'😀'")
    expect(jsString("a'b")).toBe("'a\\'b'")
    expect(jsString('\u2028')).toBe("'\\u2028'")
    expect(jsString('\ud800')).toBe("'\\ud800'")
  })

  it('renders containers, nested values and awkward keys', () => {
    // Built with JSON so that __proto__ is an own key, as it would be from parsed input.
    const fromJson = JSON.parse(
      '{"plain":1,"with space":[true,null,"x"],"__proto__":{"polluted":true},"a-b":{"c":[]}}'
    ) as SpecValue
    const literal = renderJsValue(fromJson)
    expect(literal).toContain("['__proto__']")
    const back = evalJs(literal) as Record<string, unknown>
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype)
    expect(Object.keys(back)).toEqual(['plain', 'with space', '__proto__', 'a-b'])
    expect(JSON.stringify(back)).toBe(JSON.stringify(fromJson))
    expect(renderJsValue({})).toBe('{}')
    expect(renderJsValue([])).toBe('[]')
  })

  it('renders the values JSON cannot express', () => {
    expect(renderJsValue({ $special: 'undefined' })).toBe('undefined')
    expect(renderJsValue({ $special: 'MAX_SAFE_INTEGER' })).toBe('Number.MAX_SAFE_INTEGER')
    expect(renderJsValue({ $date: '2024-02-29T12:00:00Z' })).toBe(
      "new Date('2024-02-29T12:00:00Z')"
    )
    expect(renderJsValue({ $repeat: 'ab', times: 3 })).toBe("'ab'.repeat(3)")
    const values = evalJs(
      renderJsValue([
        { $special: 'undefined' },
        { $special: 'NaN' },
        { $special: 'Infinity' },
        { $special: '-Infinity' },
        { $special: '-0' },
        { $special: 'MAX_SAFE_INTEGER' },
        { $special: 'MIN_SAFE_INTEGER' },
        NaN,
        -0,
        Infinity,
        1e21,
        5e-324,
        -12.5,
        { $date: '2024-02-29T12:00:00.000Z' },
        { $repeat: 'é', times: 4 },
        { $code: { javascript: 'new Map([[1, 2]])' } }
      ])
    ) as unknown[]
    expect(values[0]).toBeUndefined()
    expect(values[1]).toBeNaN()
    expect(values[2]).toBe(Infinity)
    expect(values[3]).toBe(-Infinity)
    expect(Object.is(values[4], -0)).toBe(true)
    expect(values[5]).toBe(Number.MAX_SAFE_INTEGER)
    expect(values[6]).toBe(Number.MIN_SAFE_INTEGER)
    expect(values[7]).toBeNaN()
    expect(Object.is(values[8], -0)).toBe(true)
    expect(values[9]).toBe(Infinity)
    expect(values[10]).toBe(1e21)
    expect(values[11]).toBe(5e-324)
    expect(values[12]).toBe(-12.5)
    expect((values[13] as Date).toISOString()).toBe('2024-02-29T12:00:00.000Z')
    expect(values[14]).toBe('éééé')
    expect(values[15]).toEqual(new Map([[1, 2]]))
  })

  it('keeps a $code value whole even when it ends in a line comment', () => {
    const literal = renderJsValue([{ $code: { javascript: '42 // the answer' } }, 1])
    expect(evalJs(literal)).toEqual([42, 1])
  })

  it('refuses a $code value without JavaScript and a $repeat with a bad count', () => {
    expect(() => renderJsValue({ $code: { python: 'object()' } })).toThrow('no JavaScript code')
    expect(() => renderJsValue({ $repeat: 'x', times: -1 })).toThrow("non-negative integer 'times'")
    expect(() => renderJsValue({ $repeat: 'x', times: 1.5 })).toThrow(
      "non-negative integer 'times'"
    )
  })

  it('treats objects that only look like tags as plain objects', () => {
    expect(valueTag({ $special: 'nope' })).toBeNull()
    expect(evalJs(renderJsValue({ $special: 'nope' }))).toEqual({ $special: 'nope' })
    expect(evalJs(renderJsValue({ $date: '2020-01-01', extra: 1 }))).toEqual({
      $date: '2020-01-01',
      extra: 1
    })
  })
})

describe('pyString / renderPyValue', () => {
  it('round-trips every hostile string through ast.literal_eval', async () => {
    const literals = HOSTILE_STRINGS.map(pyString)
    for (const l of literals) expect(l).not.toContain('\n')
    const back = await evalPython(literals.map((l) => ['literal', l]))
    expect(back).toEqual(HOSTILE_STRINGS)
  })

  it('keeps emoji and writes controls as \\x escapes', () => {
    expect(pyString('😀')).toBe("'😀'")
    expect(pyString('\u0000')).toBe("'\\x00'")
    expect(pyString('\ud800')).toBe("'\\ud800'")
  })

  it('renders containers with string keys and Python constants', async () => {
    const imports = new Set<string>()
    const value: SpecValue = { a: [true, false, null], 'b "q"': { n: -3.25 }, e: [] }
    const literal = renderPyValue(value, imports)
    expect(literal).toBe("{'a': [True, False, None], 'b \"q\"': {'n': -3.25}, 'e': []}")
    expect(imports.size).toBe(0)
    expect(await evalPython([['literal', literal]])).toEqual([value])
  })

  it('renders the values JSON cannot express, with the imports they need', async () => {
    const imports = new Set<string>()
    const items: SpecValue[] = [
      { $special: 'undefined' },
      { $special: 'NaN' },
      { $special: 'Infinity' },
      { $special: '-Infinity' },
      { $special: '-0' },
      { $special: 'MAX_SAFE_INTEGER' },
      { $special: 'MIN_SAFE_INTEGER' },
      NaN,
      -0,
      { $date: '2024-02-29T12:00:00Z' },
      { $repeat: "it's", times: 2 },
      { $code: { python: 'len("abc") # three' } },
      [{ $special: 'NaN' }, { $date: '2020-01-01' }]
    ]
    const rendered = items.map((v) => renderPyValue(v, imports))
    expect(rendered.slice(0, 6)).toEqual([
      'None',
      "float('nan')",
      "float('inf')",
      "-float('inf')",
      '-0.0',
      '(2**53 - 1)'
    ])
    expect(rendered[9]).toBe("datetime.fromisoformat('2024-02-29T12:00:00+00:00')")
    expect(rendered[10]).toBe("('it\\'s' * 2)")
    expect([...imports]).toEqual(['from datetime import datetime'])
    const back = await evalPython(rendered.map((r) => ['eval', r]))
    expect(back).toEqual([
      null,
      { $: 'nan' },
      { $: 'inf' },
      { $: '-inf' },
      { $: '-0' },
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      { $: 'nan' },
      { $: '-0' },
      { $date: '2024-02-29T12:00:00+00:00' },
      "it'sit's",
      3,
      [{ $: 'nan' }, { $date: '2020-01-01T00:00:00' }]
    ])
    expect(await pythonSyntaxErrors([`x = ${rendered.join(', ')}\n`])).toEqual([null])
  })

  it('refuses a $code value without Python', () => {
    expect(() => renderPyValue({ $code: { javascript: 'x' } }, new Set())).toThrow('no Python code')
  })
})

describe('hasCodeFor / equalityKind', () => {
  it('finds a $code without the language anywhere inside a value', () => {
    const value: SpecValue = { a: [1, { b: { $code: { javascript: 'x' } } }] }
    expect(hasCodeFor(value, 'javascript')).toBe(true)
    expect(hasCodeFor(value, 'python')).toBe(false)
    expect(hasCodeFor({ $code: { python: '   ' } }, 'python')).toBe(false)
    expect(hasCodeFor([1, 'a', null], 'python')).toBe(true)
  })

  it('names the top-level values plain equality gets wrong', () => {
    expect(equalityKind(NaN)).toBe('nan')
    expect(equalityKind({ $special: 'NaN' })).toBe('nan')
    expect(equalityKind(-0)).toBe('negative-zero')
    expect(equalityKind({ $special: '-0' })).toBe('negative-zero')
    expect(equalityKind(0)).toBe('plain')
    expect(equalityKind([NaN])).toBe('plain')
  })
})

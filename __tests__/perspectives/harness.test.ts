// The harness must be able to fail: it refuses bad case lists and catches evidence that is not in the file.
import { checkEvidence, isNearMiss, untestedMessages, validateCases, type Case } from './harness.js'

const one = (name: string, files: Record<string, string>, expected?: Case['expected']): Case => ({
  name,
  files,
  expected
})
const hit = [{ messageId: 'm', file: 'a.ts', line: 1 }]

describe('validateCases', () => {
  it('refuses an empty valid or invalid list', () => {
    expect(() =>
      validateCases('p', { valid: [], invalid: [one('x', { 'a.ts': '1' }, hit)] })
    ).toThrow("'valid' must list at least one case")
    expect(() => validateCases('p', { valid: [one('x', {})], invalid: [] })).toThrow(
      "'invalid' must list at least one case"
    )
  })

  it('refuses duplicate names and duplicate repositories', () => {
    expect(() =>
      validateCases('p', { valid: [one('x', {})], invalid: [one('x', { 'a.ts': '1' }, hit)] })
    ).toThrow("duplicate case name 'x'")
    expect(() =>
      validateCases('p', {
        valid: [one('x', { 'a.ts': '1', 'b.ts': '2' })],
        invalid: [one('y', { 'b.ts': '2', 'a.ts': '1' }, hit)]
      })
    ).toThrow("case 'y' has the same files and options as 'x'")
  })

  it('refuses expectations in valid cases and invalid cases without them', () => {
    expect(() =>
      validateCases('p', { valid: [one('x', {}, hit)], invalid: [one('y', { 'a.ts': '1' }, hit)] })
    ).toThrow("valid case 'x' lists expected findings")
    expect(() =>
      validateCases('p', { valid: [one('x', {})], invalid: [one('y', { 'a.ts': '1' })] })
    ).toThrow("invalid case 'y' must list its expected findings")
  })

  it('accepts a well-formed list', () => {
    expect(() =>
      validateCases('p', { valid: [one('x', {})], invalid: [one('y', { 'a.ts': '1' }, hit)] })
    ).not.toThrow()
  })
})

describe('near misses', () => {
  const body = Array.from({ length: 20 }, (_, i) => `line ${i}`)
  const reporting = one('r', { 'a.ts': [...body, 'eval(x)'].join('\n') }, hit)
  const fixed = one('n', { 'a.ts': [...body, 'JSON.parse(x)'].join('\n') })
  const unrelated = one('u', { 'b.ts': 'export const b = 1' })

  it('is a small edit of the reporting case, not any case with files, and not the same case', () => {
    expect(isNearMiss(reporting, fixed)).toBe(true)
    expect(isNearMiss(reporting, unrelated)).toBe(false)
    expect(isNearMiss(reporting, reporting)).toBe(false)
    expect(isNearMiss(reporting, { ...reporting, options: { strict: true } })).toBe(true)
  })

  it('is not an empty repository, nor the reporting case with its file deleted or emptied', () => {
    const small = one(
      's',
      { 'a.ts': 'const x = input()\neval(x)\n', 'package.json': '{"name":"p"}\n' },
      hit
    )
    expect(isNearMiss(small, one('empty', {}))).toBe(false)
    expect(isNearMiss(small, one('gone', { 'package.json': '{"name":"p"}\n' }))).toBe(false)
    expect(
      isNearMiss(small, one('emptied', { 'a.ts': '\n', 'package.json': '{"name":"p"}\n' }))
    ).toBe(false)
    expect(
      isNearMiss(
        small,
        one('fixed', {
          'a.ts': 'const x = input()\nJSON.parse(x)\n',
          'package.json': '{"name":"p"}\n'
        })
      )
    ).toBe(true)
  })

  it('counts an edit of a git case once when its files are the last commit', () => {
    const body = Array.from({ length: 8 }, (_, i) => `line ${i}`).join('\n')
    const history = (base: string, head: string): Case => ({
      name: head,
      files: { 'a.py': head },
      git: {
        commits: [
          { date: '2024-01-01T00:00:00Z', files: { 'a.py': base }, tag: 'v1.0.0' },
          { date: '2024-02-01T00:00:00Z', files: { 'a.py': head } }
        ]
      },
      expected: hit
    })
    const base = `${body}\ndef f(x):`
    const reporting = history(base, `${body}\ndef f():`)
    // One line replaced by seven: an edit of 8, within the 12 allowed; counted twice it would be 16.
    const sevenLines = Array.from({ length: 7 }, (_, i) => `    changed ${i}`).join('\n')
    expect(isNearMiss(reporting, history(base, `${body}\ndef f(x):`))).toBe(true)
    expect(isNearMiss(reporting, history(base, `${body}\n${sevenLines}`))).toBe(true)
    expect(
      isNearMiss(reporting, { ...history(base, `${body}\n${sevenLines}`), files: { 'a.py': base } })
    ).toBe(false)
  })

  it('shares more than it changes: a one-line case rewritten is not a near miss of it', () => {
    const tiny = one('t', { 'a.ts': 'eval(x)' }, hit)
    expect(isNearMiss(tiny, one('other', { 'a.ts': 'const y = 2' }))).toBe(false)
  })

  it('names the ids that have no near miss, whatever else does not report them', () => {
    expect(untestedMessages(['m'], { valid: [unrelated], invalid: [reporting] })).toEqual({
      neverReported: [],
      noNearMiss: ['m']
    })
    expect(untestedMessages(['m'], { valid: [fixed], invalid: [reporting] }).noNearMiss).toEqual([])
  })
})

describe('checkEvidence', () => {
  const files = { 'src/a.ts': 'line one\nline two\r\nline three\n' }
  const finding = (startLine: number, endLine: number, snippet: string) => ({
    id: 'f',
    file: 'src/a.ts',
    startLine,
    endLine,
    snippet
  })

  it('accepts the text at the lines, also when the engine cut it with an ellipsis', () => {
    expect(checkEvidence(finding(2, 3, 'line two\nline three'), files)).toEqual([])
    expect(checkEvidence(finding(1, 3, 'line one\n…'), files)).toEqual([])
    expect(checkEvidence(finding(1, 1, 'line o…'), files)).toEqual([])
  })

  it('rejects a snippet that is not at those lines, a range outside the file and an unknown file', () => {
    expect(checkEvidence(finding(1, 2, 'line two'), files)[0]).toContain(
      'is not the text at lines 1-2'
    )
    expect(checkEvidence(finding(3, 4, 'line three'), files)[0]).toContain(
      "not inside the file's 3 lines"
    )
    expect(checkEvidence(finding(2, 1, 'line two'), files)[0]).toContain('line range 2-1')
    expect(checkEvidence({ ...finding(1, 1, 'x'), file: 'b.ts' }, files)[0]).toContain(
      'not in the fixture'
    )
    expect(checkEvidence(finding(1, 1, '  '), files)[0]).toContain('no snippet')
  })
})

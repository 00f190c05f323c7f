import MarkdownIt from 'markdown-it'
import { buildSummary, DEFAULT_SUMMARY_LIMIT } from '../../src/report/summary.js'
import { codeFinding, input, run, spec } from './make-input.js'

const MIB = 1024 * 1024
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const md = new MarkdownIt({ html: true })

function huge() {
  // Multi-byte text and characters that escaping expands, so that counting characters would be wrong.
  const snippet = `const ünïcödé = "${'<|>&'.repeat(60)}" // ${'€'.repeat(100)}`
  const findings = Array.from({ length: 5000 }, (_, i) =>
    codeFinding({
      id: `scope/x/${i}`,
      title: `finding ${i} in ${'ß'.repeat(30)}`,
      file: `src/file${i}.ts`,
      startLine: i + 1,
      endLine: i + 3,
      snippet
    })
  )
  const code = `// ${'x'.repeat(100)}\n`.repeat(100) // about 10 KB
  const specs = Array.from({ length: 200 }, (_, i) =>
    spec({ id: `scope/s/${i}`, title: `spec ${i}`, fileName: `__tests__/s${i}.test.ts`, code })
  )
  return input({ runs: [run({ findings, specs })] })
}

describe('buildSummary size limit', () => {
  it('keeps 5,000 findings and 200 specs of 10 KB under 1 MiB and says what it left out', () => {
    const text = buildSummary(huge())
    expect(bytes(text)).toBeLessThanOrEqual(DEFAULT_SUMMARY_LIMIT)
    expect(bytes(text)).toBeLessThan(MIB)
    const note = text.match(
      /Shortened to fit GitHub's step-summary size limit:\*\* left out ([^.]*)\./
    )
    expect(note).not.toBeNull()
    // Spec code goes first: none of the 200 blocks fit with 5,000 findings beside them.
    expect(note![1]).toContain('the code of')
    const shownFindings = (text.match(/^\| 🟠 high \|/gm) ?? []).length
    const more = text.match(/… and ([\d,]+) more findings/)
    expect(more).not.toBeNull()
    expect(shownFindings + Number(more![1].replace(/,/g, ''))).toBe(5000)
    expect(note![1]).toContain(`${more![1]} findings`)
    // Still a well-formed document: every <details> closed, the findings table intact.
    const html = md.render(text)
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length)
    expect(html.split('<h3>Findings</h3>')[1].split('</table>')[0].match(/<tr>/g)).toHaveLength(
      shownFindings + 1
    )
  })

  it('drops spec code before findings', () => {
    const code = 'x'.repeat(10_000)
    const specs = Array.from({ length: 50 }, (_, i) =>
      spec({ id: `s${i}`, title: `spec ${i}`, code })
    )
    const text = buildSummary(input({ runs: [run({ specs })] }), 200_000)
    expect(bytes(text)).toBeLessThanOrEqual(200_000)
    expect(text).toContain('**parseConfig has no test**')
    expect(text).toContain('No test files found')
    expect(text).toMatch(/left out the code of \d+ specs/)
    expect(text).not.toMatch(/more findings/)
    // The first 15 specs are still listed, some with code and the rest by name; the others are counted.
    for (let i = 0; i < 15; i++) expect(text).toContain(`spec ${i}`)
    expect(text).toContain('… and 35 more specs')
  })

  it('honours any limit, down to a tiny one, and still says why', () => {
    const big = huge()
    for (const limit of [100_000, 5_000, 600, 120]) {
      const text = buildSummary(big, limit)
      expect(bytes(text)).toBeLessThanOrEqual(limit)
      expect(text).toMatch(/✂️ \*\*(Shortened|Summary cut)/)
      expect(text.endsWith('\n') || limit < 200).toBe(true)
    }
    const tiny = buildSummary(big, 40)
    expect(bytes(tiny)).toBeLessThanOrEqual(40)
    expect(tiny.length).toBeGreaterThan(0)
    expect(buildSummary(big, 0)).toBe('')
  })

  it('is deterministic when it shortens', () => {
    expect(buildSummary(huge(), 300_000)).toBe(buildSummary(huge(), 300_000))
  })

  it('does not throw on a malformed input', () => {
    const broken = input({ runs: [run({ specs: [spec({ target: undefined as never })] })] })
    const text = buildSummary(broken, 1000)
    expect(text).toMatch(
      /^# 🧪 Test plan\n\nThe summary could not be built: .+\. The results are in \.test-planning\.\n$/
    )
    expect(bytes(text)).toBeLessThanOrEqual(1000)
  })

  it('does not shorten what fits', () => {
    const text = buildSummary(input())
    expect(text).not.toContain('✂️')
  })
})

import MarkdownIt from 'markdown-it'
import { buildSummary } from '../../src/report/summary.js'
import { codeFinding, IDS, input, meta, repositoryFinding, run, SHA, spec } from './make-input.js'

// The summary is checked the way GitHub sees it: parsed by a real CommonMark + GFM-tables parser
// with raw HTML allowed, so escaping mistakes show up as stray elements or broken tables.
const md = new MarkdownIt({ html: true })
type Token = ReturnType<typeof md.parse>[number]

function tokens(markdown: string): Token[] {
  const flat: Token[] = []
  const walk = (list: Token[]): void => {
    for (const t of list) {
      flat.push(t)
      if (t.children) walk(t.children)
    }
  }
  walk(md.parse(markdown, {}))
  return flat
}

function hrefs(markdown: string): string[] {
  return tokens(markdown)
    .filter((t) => t.type === 'link_open')
    .map((t) => String(t.attrGet('href') ?? ''))
}

/** Raw HTML the parser passes through: the only tags allowed are the ones the summary writes itself. */
function htmlTags(markdown: string): string[] {
  const tags: string[] = []
  for (const t of tokens(markdown)) {
    if (t.type === 'html_inline' || t.type === 'html_block')
      tags.push(...(t.content.match(/<\/?[a-z][a-z0-9-]*/gi) ?? []))
  }
  return tags.map((t) => t.toLowerCase())
}

function findingsTableRows(markdown: string): string[][] {
  const html = md.render(markdown)
  const table = html.split('<h3>Findings</h3>')[1].split('</table>')[0]
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1])
  )
}

describe('buildSummary', () => {
  it('names the perspective, question, repository and commit with links', () => {
    const text = buildSummary(input())
    expect(text).toContain('# 🧪 Test plan: 1. Scope')
    expect(text).toContain('> **What are we testing?**')
    const links = hrefs(text)
    expect(links).toContain('https://github.com/octo/widgets')
    expect(links).toContain(`https://github.com/octo/widgets/commit/${SHA}`)
    expect(links).toContain('https://github.com/octo/widgets/actions/runs/99')
    expect(links).toContain(
      'https://huggingface.co/datasets/autocoder/autocoder-test-planning-results'
    )
    expect(text).toContain('**Findings:** 2 (1 high, 1 medium)')
    expect(text).toContain('**Risk:** 42/100 (elevated)')
    expect(text).toContain('**Since the last run:** 2 new, 1 resolved')
    expect(text).toContain('**Skipped files:** 1 too large, 4 vendored')
  })

  it('names each file with syntax errors and its count, never a bare total', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ path: `src/f${i}.ts`, count: 1 }))
    const text = buildSummary(
      input({
        model: {
          files: 3,
          lines: 1234,
          millis: 20,
          syntaxErrors: [{ path: 'src/types.ts', count: 848 }, ...many]
        }
      })
    )
    expect(text).toContain(
      '- **Syntax errors:** 848 in <code>src/types.ts</code>, 1 in <code>src/f0.ts</code>'
    )
    expect(text).toContain('1 in <code>src/f8.ts</code> and 3 more files (3 errors)')
    expect(buildSummary(input())).not.toContain('Syntax errors')
  })

  it('links code findings to the file and lines at the analysed commit', () => {
    const text = buildSummary(input())
    expect(hrefs(text)).toContain(
      `https://github.com/octo/widgets/blob/${SHA}/src/config.ts#L10-L12`
    )
    const rows = findingsTableRows(text)
    expect(rows).toHaveLength(3)
    expect(rows[1][0]).toContain('high')
    expect(rows[1][3]).toBe('<code>export function parseConfig(text) {</code>')
    expect(rows[1][4]).toBe('medium')
  })

  it('says what a repository-level finding looked for and where', () => {
    const rows = findingsTableRows(buildSummary(input()))
    expect(rows[2][2]).toBe('repository')
    expect(rows[2][3]).toBe(
      'Looked for: files named *.test.ts or test_*.py<br>Where: <code>src/</code>, <code>tests/</code>'
    )
  })

  it('shows plain file:line without a GitHub repository or a commit', () => {
    for (const overrides of [{ repository: '/home/me/project', serverUrl: '' }, { commit: null }]) {
      const text = buildSummary(input(overrides))
      expect(hrefs(text).some((h) => h.includes('/blob/'))).toBe(false)
      expect(findingsTableRows(text)[1][2]).toBe('src/config.ts:10-12')
    }
    expect(buildSummary(input({ commit: null }))).toContain('not a git checkout')
  })

  it('escapes hostile text from the target repository', () => {
    const hostile = codeFinding({
      title: 'evil | title\nwith `ticks` and **bold** @someone',
      message: '<img src=x onerror=alert(1)> & [link](javascript:alert(1))',
      file: 'src/we ird)(name|x.ts',
      snippet: 'a | b </details> <script>alert(1)</script>\n```\nstill code',
      rationale: '</td></tr></table><h1>owned</h1>',
      symbol: '<b>sym</b>'
    })
    const hostileSpec = spec({
      title: '</summary><script>x()</script>',
      fileName: 'x`y|z.test.ts',
      code: 'const s = "</details>"\n```\n````\n<script>alert(1)</script>\n'
    })
    const text = buildSummary(input({ runs: [run({ findings: [hostile], specs: [hostileSpec] })] }))
    const tags = new Set(htmlTags(text))
    for (const tag of tags)
      expect([
        '<details',
        '</details',
        '<summary',
        '</summary',
        '<code',
        '</code',
        '<br'
      ]).toContain(tag)
    const html = md.render(text)
    expect(html).not.toMatch(/<script|<img|<h1>owned|<b>sym/)
    expect(html.match(/<details>/g)).toHaveLength(html.match(/<\/details>/g)!.length)
    // One row, six cells: the pipes and the newline in the title did not split it.
    const rows = findingsTableRows(text)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toHaveLength(6)
    expect(rows[1][1]).toContain(
      'evil | title with `ticks` and **bold** &#64;someone'.replace('&#64;', '@')
    )
    expect(hrefs(text)).toContain(
      `https://github.com/octo/widgets/blob/${SHA}/src/we%20ird%29%28name%7Cx.ts#L10-L12`
    )
    expect(hrefs(text).some((h) => h.startsWith('javascript'))).toBe(false)
    // The spec code is one fenced block, longer than any backtick run inside, holding the code intact.
    const fence = tokens(text).filter((t) => t.type === 'fence')
    expect(fence).toHaveLength(1)
    expect(fence[0].markup).toBe('`````')
    expect(fence[0].info).toBe('ts')
    expect(fence[0].content).toBe(hostileSpec.code)
  })

  it('shows spec code in a collapsible block in the right language', () => {
    const py = spec({
      language: 'python',
      framework: 'pytest',
      fileName: 'tests/test_cfg.py',
      code: 'def test_x():\n    assert 1\n'
    })
    const text = buildSummary(input({ runs: [run({ specs: [spec(), py] })] }))
    const fences = tokens(text).filter((t) => t.type === 'fence')
    expect(fences.map((f) => f.info)).toEqual(['ts', 'python'])
    // Entities are decoded by the browser; the parser leaves raw HTML blocks as they are.
    const decoded = text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    expect(decoded).toContain(
      '<summary>P1 · unit · parseConfig returns an object — <code>__tests__/config.test.ts</code></summary>'
    )
    expect(text).toContain('### Report\n\n**Inventory:** 3 modules')
    expect(text).toContain('| files | 3 |')
    expect(text).toContain('| lines | 1,234 |')
  })

  it('says plainly when a perspective is not implemented, and shows a failure', () => {
    const notYet = run({
      meta: meta(2, 'failure-modes', 'Failure modes', 'How can it fail?', false),
      status: 'not-implemented',
      findings: [],
      specs: [],
      report: null,
      risk: 0
    })
    const failed = run({
      meta: meta(3, 'integration-points', 'Integration points', 'Where do systems connect?'),
      status: 'failed',
      error: 'integration-points failed: boom <x>',
      findings: [],
      specs: []
    })
    const text = buildSummary(input({ runs: [notYet, failed], trigger: 'all' }))
    expect(text).toContain('not implemented yet in this version: no findings are reported')
    expect(text).toContain('❌ failed')
    const fences = tokens(text).filter((t) => t.type === 'fence')
    expect(fences[0].content).toBe('integration-points failed: boom <x>\n')
    expect(text).not.toMatch(/### Findings/)
  })

  it('gives an overview of all 15 first', () => {
    const runs = IDS.map((id, i) =>
      i === 0
        ? run()
        : run({
            meta: meta(i + 1, id, `Title ${i + 1}`, `Question ${i + 1}?`, false),
            status: 'not-implemented',
            findings: [],
            specs: [],
            report: null,
            risk: 0
          })
    )
    const text = buildSummary(
      input({ runs, trigger: 'all', rotation: { current: 1, next: 4, source: 'explicit' } })
    )
    expect(text).toContain('# 🧪 Test plan: 15 perspectives')
    const overview = text.indexOf('## Overview')
    expect(overview).toBeGreaterThan(0)
    expect(overview).toBeLessThan(text.indexOf('## 1. Scope'))
    const rows = md.render(text).split('<h2>Overview</h2>')[1].split('</table>')[0].match(/<tr>/g)
    expect(rows).toHaveLength(16)
    expect(text).toContain('| 1 | `scope` Scope | ✅ ok | 2 (1 high, 1 medium) | 42 (elevated) |')
    expect(text).toContain('| 15 | `big-picture` Title 15 | ⏳ not implemented yet | – | – |')
    expect(text).toContain(
      'next in rotation: 4 (`edge-cases`) (the perspective was chosen explicitly and the rotation was left alone)'
    )
  })

  it('puts the rotation warning and an upload failure near the top', () => {
    const warning =
      'The token cannot read the variable TEST_PLANNING_CURSOR: give it "Variables: read and write".'
    const text = buildSummary(
      input({
        rotation: { current: 1, next: 2, source: 'fallback', warning },
        stored: { localDir: '.test-planning', uploadError: 'HTTP 503 from the hub' }
      })
    )
    const warningAt = text.indexOf('⚠️ **Action needed:**')
    expect(warningAt).toBeGreaterThan(0)
    expect(warningAt).toBeLessThan(text.indexOf('- **Repository:**'))
    expect(md.render(text)).toContain('give it &quot;Variables: read and write&quot;.')
    expect(text).toContain('❌ **Upload to the dataset failed:** HTTP 503 from the hub')
    expect(text).toContain('a fallback was used')
  })

  it('shows the change since the last run only when history was consulted', () => {
    expect(buildSummary(input({ history: undefined }))).not.toContain('Since the last run')
    expect(buildSummary(input({ history: {} }))).toContain(
      '**Since the last run:** no earlier run to compare with'
    )
  })

  it('is deterministic', () => {
    const a = buildSummary(
      input({ runs: [run(), run({ meta: meta(5, 'performance', 'Performance', 'Fast?') })] })
    )
    const b = buildSummary(
      input({ runs: [run(), run({ meta: meta(5, 'performance', 'Performance', 'Fast?') })] })
    )
    expect(a).toBe(b)
  })

  it('says when a perspective found nothing', () => {
    const text = buildSummary(input({ runs: [run({ findings: [], specs: [], risk: 0 })] }))
    expect(text).toContain('Nothing found from this perspective in the analysed files.')
    expect(text).toContain('No test specifications from this perspective.')
    expect(text).toContain('**Risk:** 0/100 (low)')
  })
})

describe('repository evidence lists', () => {
  it('caps a long list of places with "and N more"', () => {
    const where = Array.from({ length: 14 }, (_, i) => `dir${i}/`)
    const text = buildSummary(input({ runs: [run({ findings: [repositoryFinding({ where })] })] }))
    expect(text).toContain('<code>dir9/</code>, and 4 more')
    expect(text).not.toContain('dir10/')
  })
})

import MarkdownIt from 'markdown-it'
import { defineOptions, definePerspective, notImplemented } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { PERSPECTIVE_IDS } from '../../perspectives/types.js'
import { perspectiveHeader, perspectivesTable } from '../../src/docs/perspectives-table.js'

const md = new MarkdownIt({ html: true })

function tableRows(markdown: string): string[][] {
  const html = md.render(markdown)
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]))
}

const sample = definePerspective({
  meta: {
    number: 4,
    id: 'edge-cases',
    title: 'Edge | cases',
    question: 'What <boundary> conditions exist?',
    description: 'Looks at literals compared in conditions.\nAnd loops.',
    messages: {
      zeta: { title: 'Last {{name}}', message: 'z' },
      alpha: { title: 'Compared with {{value}}', message: 'The condition compares {{name}} with {{value}}.' }
    },
    implemented: true,
    needs: ['history']
  },
  options: defineOptions({
    maxCases: { type: 'integer', minimum: 1, default: 10, description: 'Most cases | per function.' },
    labels: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: ['a|b'],
      description: 'Labels.'
    }
  }),
  analyse: () => notImplemented()
})

describe('perspectivesTable', () => {
  it('lists the 15 of the registry in order with number, id, title, question and status', () => {
    const rows = tableRows(perspectivesTable(PERSPECTIVES))
    expect(rows).toHaveLength(16)
    expect(rows[0]).toEqual(['#', 'Id', 'Perspective', 'Question', 'Status'])
    const ids = rows.slice(1).map((r) => r[1].match(/<code>([^<]+)<\/code>/)?.[1])
    expect(ids).toEqual([...PERSPECTIVE_IDS])
    rows.slice(1).forEach((row, i) => {
      const { meta } = PERSPECTIVES[i]
      expect(row[0]).toBe(String(i + 1))
      expect(row[1]).toBe(`<a href="perspectives/${meta.id}/README.md"><code>${meta.id}</code></a>`)
      expect(row[2]).toBe(meta.title)
      expect(row[4]).toBe(meta.implemented ? '✅ implemented' : '⏳ not implemented yet')
    })
  })

  it('escapes what would break the table', () => {
    const rows = tableRows(perspectivesTable([sample]))
    expect(rows[1]).toEqual([
      '4',
      '<a href="perspectives/edge-cases/README.md"><code>edge-cases</code></a>',
      'Edge | cases',
      'What &lt;boundary&gt; conditions exist?',
      '✅ implemented'
    ])
  })
})

describe('perspectiveHeader', () => {
  it('has the title, question, description, messages sorted by id and option defaults', () => {
    const header = perspectiveHeader(sample)
    expect(header).toContain('# 4. Edge \\| cases')
    expect(header).toContain('> **What &lt;boundary&gt; conditions exist?**')
    expect(header).toContain('Looks at literals compared in conditions. And loops.')
    expect(header).toContain('**Id:** `edge-cases` · **Status:** ✅ implemented · **Needs:** history')
    const rows = tableRows(header)
    // Options in declaration order, each with what it accepts, its default and what it does.
    expect(rows.map((r) => r[0])).toEqual(['Message id', '<code>alpha</code>', '<code>zeta</code>', 'Option', '<code>maxCases</code>', '<code>labels</code>'])
    expect(rows[1]).toEqual(['<code>alpha</code>', 'Compared with {{value}}', 'The condition compares {{name}} with {{value}}.'])
    expect(rows[4]).toEqual(['<code>maxCases</code>', 'a whole number of at least 1', '<code>10</code>', 'Most cases | per function.'])
    expect(rows[5]).toEqual(['<code>labels</code>', 'a list of non-empty strings', '<code>[&quot;a|b&quot;]</code>', 'Labels.'])
  })

  it('says so when there are no messages or options', () => {
    // A perspective whose issue has not landed yet (all fifteen have now, so one is made here).
    const stub = definePerspective({
      meta: { ...PERSPECTIVES[14].meta, messages: {}, implemented: false, needs: undefined },
      options: defineOptions({}),
      analyse: () => notImplemented()
    })
    const header = perspectiveHeader(stub)
    expect(header).toContain('No messages declared yet.')
    expect(header).toContain('No options.')
    expect(header).toContain('**Status:** ⏳ not implemented yet')
  })
})

// The dataset card: front matter the Hub and `datasets` read, and a body that documents every column.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { buildDatasetCard, COLUMN_MEANINGS } from '../../src/records/card.js'
import { recordColumns } from '../../src/records/features.js'
import { makeRecord } from '../helpers/plan-records.js'

function frontMatter(card: string): Record<string, any> {
  const match = card.match(/^---\n([\s\S]*?)\n---\n/)
  expect(match).not.toBeNull()
  return parse(match![1]) as Record<string, any>
}

const perspectives = [
  { id: 'scope', title: 'Scope' },
  { id: 'edge-cases', title: 'Edge cases' }
]

describe('buildDatasetCard', () => {
  it('declares license, tags, pretty name and a default train split over every run file', () => {
    const front = frontMatter(
      buildDatasetCard({ dataset: 'octo/results', repository: 'octo/widget', perspectives })
    )
    expect(front.license).toBe('other')
    expect(front.license_name).toBe('same-as-analysed-repository')
    expect(front.tags).toEqual(['test-planning', 'software-testing', 'code-analysis'])
    expect(front.pretty_name).toBe('Test planning results for octo/widget')
    expect(front.configs[0]).toEqual({
      config_name: 'default',
      default: true,
      data_files: [{ split: 'train', path: 'data/**/*.jsonl' }]
    })
  })

  it("has one config per perspective, each over that perspective's latest file", () => {
    const front = frontMatter(buildDatasetCard({ dataset: 'octo/results', perspectives }))
    expect(front.configs.slice(1)).toEqual([
      { config_name: 'latest-scope', data_files: [{ split: 'train', path: 'latest/scope.json' }] },
      {
        config_name: 'latest-edge-cases',
        data_files: [{ split: 'train', path: 'latest/edge-cases.json' }]
      }
    ])
  })

  it('takes a known license instead of other', () => {
    const front = frontMatter(buildDatasetCard({ dataset: 'o/d', perspectives, license: 'mit' }))
    expect(front.license).toBe('mit')
    expect(front.license_name).toBeUndefined()
  })

  it('declares the column types of the default config in the form datasets reads', () => {
    const features = frontMatter(buildDatasetCard({ dataset: 'o/d', perspectives })).dataset_info[0]
    expect(features.config_name).toBe('default')
    const byName = new Map(
      (features.features as Record<string, any>[]).map((f) => [f.name as string, f])
    )
    expect([...byName.keys()]).toEqual(Object.keys(makeRecord()))
    expect(byName.get('commit')).toEqual({ name: 'commit', dtype: 'string' })
    expect(byName.get('risk_score')).toEqual({ name: 'risk_score', dtype: 'int64' })
    expect(byName.get('metrics')).toEqual({
      name: 'metrics',
      list: [
        { name: 'name', dtype: 'string' },
        { name: 'value', dtype: 'float64' }
      ]
    })
    const findings = byName.get('findings') as { list: { name: string }[] }
    expect(findings.list.find((f) => f.name === 'where')).toEqual({ name: 'where', list: 'string' })
    expect(byName.get('timings_ms')).toMatchObject({
      struct: [
        { name: 'load', dtype: 'int64' },
        { name: 'model' },
        { name: 'analyse' },
        { name: 'total' }
      ]
    })
  })

  it('documents every column of the record, with its type, and nothing else', () => {
    const card = buildDatasetCard({ dataset: 'o/d', perspectives })
    const documented = [...card.matchAll(/^\| `(\w+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map(
      (m) => m[1]
    )
    expect(documented).toEqual(Object.keys(makeRecord()))
    expect(Object.keys(COLUMN_MEANINGS).sort()).toEqual(
      recordColumns()
        .map((c) => c.name)
        .sort()
    )
    expect(card).toContain('| `commit` | string or null |')
    expect(card).toContain(
      '| `severity_counts` | struct{critical: int64, high: int64, medium: int64, low: int64, info: int64} |'
    )
  })

  it('shows how to read the dataset from Python and JavaScript', () => {
    const card = buildDatasetCard({ dataset: 'octo/results', perspectives })
    expect(card).toContain('load_dataset("octo/results", split="train")')
    expect(card).toContain('rows[-1]')
    expect(card).toContain(
      'downloadFile({ repo: { type: "dataset", name: "octo/results" }, path: "latest/scope.json" })'
    )
  })

  it('escapes markdown in titles', () => {
    const card = buildDatasetCard({
      dataset: 'o/d',
      perspectives: [{ id: 'scope', title: 'A *bold* <b>' }]
    })
    expect(card).toContain('A \\*bold\\* \\<b\\>')
  })

  it('README.md documents the same columns, in the same order', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const start = readme.indexOf('### Columns')
    const docs = readme.slice(start, readme.indexOf('\n### ', start + 1))
    const documented = [...docs.matchAll(/^\| `(\w+)` \| [^|]+ \| [^|]+ \|$/gm)].map((m) => m[1])
    expect(documented).toEqual(recordColumns().map((c) => c.name))
  })
})

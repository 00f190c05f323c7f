// The README documents the action as action.yml declares it: the same inputs with the same
// defaults, the same outputs, and the two commands a newcomer needs.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseConfigText } from '../../src/config/file.js'
import { parseCursor } from '../../src/cursor/value.js'
import { OUTPUT_NAMES } from '../../src/pipeline/outputs.js'
import { TOOL_VERSION } from '../../src/pipeline/version.js'

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const readme = readFileSync('README.md', 'utf8')

/** Rows of the first table under `## heading`: cells with backticks and emphasis stripped. */
function tableUnder(heading: string): string[][] {
  const start = readme.indexOf(`\n## ${heading}\n`)
  expect(start).toBeGreaterThan(-1)
  const section = readme.slice(start + heading.length + 5).split('\n## ')[0]
  const rows = section.split('\n').filter((line) => line.startsWith('|'))
  return rows.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
  )
}

function defaultCell(cell: string): string {
  if (cell === '*(empty)*') return ''
  const m = /^`([^`]*)`$/.exec(cell)
  if (!m) throw new Error(`a default must be written as \`value\` or *(empty)*, got ${cell}`)
  return m[1]
}

describe('README and action.yml', () => {
  it('lists exactly the inputs of action.yml, in order, with the same defaults', () => {
    const rows = tableUnder('Inputs').map(([name, def]) => ({
      name: name.replace(/`/g, ''),
      default: defaultCell(def)
    }))
    const declared = Object.entries(action.inputs).map(([name, spec]) => ({
      name,
      default: spec.default ?? ''
    }))
    expect(rows).toEqual(declared)
  })

  it('lists exactly the outputs of action.yml, in order, and the action sets each of them', () => {
    const rows = tableUnder('Outputs').map(([name]) => name.replace(/`/g, ''))
    expect(rows).toEqual(Object.keys(action.outputs))
    expect([...OUTPUT_NAMES]).toEqual(Object.keys(action.outputs))
  })

  it('every input and output has a description, and no input is required', () => {
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect({
        name,
        described: spec.description.length > 20,
        required: spec.required ?? false
      }).toEqual({ name, described: true, required: false })
    }
    for (const [name, spec] of Object.entries(action.outputs))
      expect({ name, described: spec.description.length > 10 }).toEqual({ name, described: true })
  })

  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('shows the two commands and the quick start uses inputs that exist', () => {
    expect(readme).toContain('npm ci && node dist/cli.js plan .')
    expect(readme).toContain('npm ci && npm test')
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('## Token set-up')
    )
    const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(quickStart)![1]) as {
      jobs: { plan: { steps: { uses?: string; with?: Record<string, string> }[] } }
    }
    const step = workflow.jobs.plan.steps.find((s) =>
      s.uses?.startsWith('autocoder/test-planning@')
    )!
    for (const name of Object.keys(step.with ?? {}))
      expect(Object.keys(action.inputs)).toContain(name)
  })

  it('keeps the tool version equal to package.json', () => {
    expect(TOOL_VERSION).toBe(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    )
  })

  it('the config file example is a valid config file', () => {
    const section = readme.slice(readme.indexOf('## Config file'), readme.indexOf('## Results'))
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]
    expect(parseConfigText(example, 'README example', PERSPECTIVES)).toMatchObject({
      include: ['src/**'],
      framework: 'vitest',
      historyDays: 180
    })
  })

  it('the cursor examples are values the action reads', () => {
    const section = readme.slice(readme.indexOf('## The cursor'), readme.indexOf('## Inputs'))
    const json = /```json\n([\s\S]*?)```/.exec(section)![1]
    const metas = PERSPECTIVES.map((p) => p.meta)
    expect(parseCursor(json, metas)).toEqual({ ok: true, cursor: { next: 3, iteration: 41 } })
    expect(section).toContain('--body \'{"next":"security","iteration":12}\'')
    expect(parseCursor('{"next":"security","iteration":12}', metas)).toEqual({
      ok: true,
      cursor: { next: 10, iteration: 12 }
    })
  })
})

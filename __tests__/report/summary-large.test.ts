// The summary a maintainer reads stays short on a repository the size of hono (~30,000 lines of
// TypeScript): the bench's synthetic generator writes one, the real pipeline plans all 15 on it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { writeSyntheticRepository } from '../../src/bench/synthetic.js'
import { parseCli } from '../../src/config/cli-args.js'
import { recordingLogger } from '../../src/log.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { buildSummary, MAX_LINES_ALL, MAX_LINES_ONE } from '../../src/report/summary.js'
import { buildTerminalReport } from '../../src/report/terminal.js'

const lines = (text: string): number => text.split('\n').length - 1
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

describe('the summary of a large repository', () => {
  let temp: string
  let repo: string
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'summary-large-'))
    repo = join(temp, 'repo')
    writeSyntheticRepository(repo, { lines: 30_000, language: 'ts', seed: 7 })
    // Every class reported, held ones too: the size limits must hold for the longest summary.
    writeFileSync(join(repo, '.test-planning.yml'), 'calibration:\n  report: [all]\n')
  })
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  const plan = async (...args: string[]) => {
    const command = parseCli(
      ['plan', repo, '--out', join(temp, 'out'), ...args],
      temp,
      PERSPECTIVES
    )
    if (command.command !== 'plan') throw new Error('not plan')
    return runPlan(
      command.config,
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      () => new Date('2026-12-01T00:00:00Z')
    )
  }

  it('keeps `all` under 300 lines and 60 KB, leads with what to do next, and points to every finding', async () => {
    const outcome = await plan('-p', 'all')
    const total = outcome.runs.reduce((n, r) => n + r.findings.length, 0)
    expect(total).toBeGreaterThan(15 * 5)
    const text = buildSummary(outcome.summary)
    expect(lines(text)).toBeLessThanOrEqual(MAX_LINES_ALL)
    expect(bytes(text)).toBeLessThanOrEqual(60_000)
    const sections = text.split('\n## ').map((s) => s.split('\n')[0])
    expect(sections[1]).toBe('What to do next')
    const steps = text.split('## What to do next\n\n')[1].split('\n\n')[0].split('\n')
    expect(steps.length).toBeGreaterThan(0)
    expect(steps.length).toBeLessThanOrEqual(10)
    for (const step of steps) expect(step).toMatch(/^\d+\. /)
    // No perspective shows more than 15 findings; the rest are counted with a pointer to the results file.
    for (const table of text.split('### Findings').slice(1)) {
      expect(
        (table.split('\n\n')[1] ?? '').split('\n').filter((l) => /^\| (🔴|🟠|🟡|🔵|⚪) /.test(l))
          .length
      ).toBeLessThanOrEqual(15)
    }
    expect(outcome.summary.stored.resultsFile).toMatch(/\.jsonl$/)
    expect(text).toContain(outcome.summary.stored.resultsFile!)
    // The terminal report leads the same way and stays as short.
    const terminal = buildTerminalReport(outcome.summary)
    expect(terminal).toContain('What to do next:')
    expect(lines(terminal)).toBeLessThanOrEqual(15 * 30 + 30)
  }, 240_000)

  it('keeps one perspective under 150 lines', async () => {
    const outcome = await plan('-p', 'failure-modes')
    expect(outcome.runs[0].findings.length).toBeGreaterThan(15)
    const text = buildSummary(outcome.summary)
    expect(lines(text)).toBeLessThanOrEqual(MAX_LINES_ONE)
    expect(bytes(text)).toBeLessThanOrEqual(60_000)
    expect(text).toMatch(/… and [\d,]+ more findings \(.*\); all are in <code>/)
  }, 120_000)
})

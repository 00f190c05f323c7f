// Coverage gain is measured per delivered spec, as a user runs the tool on an installed project: the suite is
// measured per line first, the edge-cases rows for a function with lines the suite never ran start
// from the values of the conditions guarding them, and each spec's first run is measured against the
// suite. A spec that reaches an unrun branch is delivered with its gain; a passing behaviour spec that
// runs only what the suite runs and confirms no finding is validated but kept in the plan (a committed
// test confirms a finding, shows a defect or adds coverage). Real runners (node:test, pytest).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { rm, symlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import { recordingLogger } from '../../src/log.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { runPlan, type PlanOutcome } from '../../src/pipeline/plan.js'
import { buildSummary } from '../../src/report/summary.js'
import { CI_PYTHON, fixtureWorkspace } from './workspace.js'

const fixedNow = (): Date => new Date('2026-12-01T10:00:00.000Z')

interface Planned {
  outcome: PlanOutcome
  out: string
  remove(): Promise<void>
}

async function planFixture(fixture: string): Promise<Planned> {
  const ws = await fixtureWorkspace(fixture, { git: true })
  // The project's virtualenv, as a user's set-up step leaves it (findPython looks there first).
  if (fixture.endsWith('-py') && CI_PYTHON)
    await symlink(dirname(dirname(CI_PYTHON)), join(ws.dir, '.venv'), 'dir')
  const out = `${ws.dir}-results`
  const command = parseCli(
    ['plan', ws.dir, '--perspective', 'edge-cases', '--out', out],
    ws.dir,
    PERSPECTIVES
  )
  if (command.command !== 'plan') throw new Error('not plan')
  const outcome = await runPlan(
    command.config,
    cliEnvironment({}),
    recordingLogger(),
    PERSPECTIVES,
    fixedNow
  )
  return {
    outcome,
    out,
    remove: async () => {
      await ws.remove()
      await rm(out, { recursive: true, force: true })
    }
  }
}

function expectations(language: 'js' | 'py'): void {
  let planned: Planned
  beforeAll(async () => {
    planned = await planFixture(`gain-${language}`)
  }, 300_000)
  afterAll(() => planned.remove())

  const spec = (symbol: string) => {
    const found = planned.outcome.records[0].specs.find((s) => s.target_symbol === symbol)
    if (!found) throw new Error(`no spec for ${symbol}`)
    return found
  }

  it('the spec reaching the branches the suite never took is delivered, with its gain', () => {
    const label = spec('label')
    expect(label.validation).toMatchObject({ status: 'passed', runs: 3, claim: null })
    expect(label.validation.coverage_gain).toBeGreaterThan(0)
    // The rows hold the values of the guarding conditions, and assert what the code returned.
    expect(label.code).toContain(language === 'py' ? "'absent'" : "'absent'")
    expect(label.code).toContain("'excellent'")
    expect(existsSync(join(planned.out, 'specs', ...label.file_name.split('/')))).toBe(true)
  })

  it('a passing behaviour spec that runs only what the suite runs is validated, kept in the plan', () => {
    const double = spec('double')
    expect(double.validation).toMatchObject({
      status: 'passed',
      runs: 3,
      coverage_gain: 0,
      claim: null
    })
    expect(double.validation.message).toMatch(/^plan item: validated, not delivered: redundant/)
    // Its code is kept in the records: values at inputs the suite never passes ('ab' is the suite's own).
    expect(double.code).toContain("'exampleexample'")
    expect(existsSync(join(planned.out, 'specs', ...double.file_name.split('/')))).toBe(false)
  })

  it('the summary counts what is delivered and, apart, what adds coverage', () => {
    const v = planned.outcome.summary.validation!
    expect(v).toMatchObject({ ready: 1, confirming: 0, coverage: 1 })
    const text = buildSummary(planned.outcome.summary)
    expect(text.split('\n')[2]).toMatch(
      /^\*\*Ready to commit: 1 test \(0 confirm findings, 1 add coverage\)\*\*/
    )
    expect(text).toContain('behaviour spec redundant with the suite')
  })
}

describe('coverage gain per delivered spec, node:test (JavaScript)', () => {
  expectations('js')
})

const describePython = CI_PYTHON ? describe : describe.skip

describePython('coverage gain per delivered spec, pytest', () => {
  expectations('py')
})

describePython(
  'a declared return type the observed value breaks is a defect candidate, pytest',
  () => {
    let planned: Planned
    beforeAll(async () => {
      planned = await planFixture('types-py')
    }, 300_000)
    afterAll(() => planned.remove())

    it('reports the planted defect with the row, the declared type and the observed value', () => {
      const letter = planned.outcome.records[0].specs.find((s) => s.target_symbol === 'letter')!
      expect(letter.validation).toMatchObject({ status: 'failed', claim: 'defect' })
      expect(letter.validation.message).toMatch(
        /letter\(0\) is annotated -> str, observed the value null/
      )
      expect(letter.code).toContain('isinstance(result, (str,))')
      expect(existsSync(join(planned.out, 'specs', ...letter.file_name.split('/')))).toBe(true)
      const v = planned.outcome.summary.validation!
      expect(v.defects.map((d) => d.file)).toEqual(['marks/core.py'])
      expect(buildSummary(planned.outcome.summary)).toContain('### Defects (1)')
    })

    it('a value the declared Optional allows is no defect', () => {
      const ratio = planned.outcome.records[0].specs.find((s) => s.target_symbol === 'ratio')!
      expect(ratio.validation.claim).not.toBe('defect')
      expect(ratio.code).not.toContain('isinstance(result')
    })
  }
)

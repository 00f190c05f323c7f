// The repository's own workflows: the dispatch choice lists the 15 perspectives and `all`, and every
// input passed to `uses: ./` exists in action.yml.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { PERSPECTIVE_IDS } from '../../perspectives/types.js'

type Workflow = {
  on: Record<string, { inputs?: Record<string, { options?: string[]; default?: string }> } | null>
  permissions: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>
}

const load = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow
const inputs = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs
)

describe('workflows', () => {
  it('test-planning.yml: schedule, dispatch choice of next/all/the 15, one run at a time, read-only', () => {
    const wf = load('test-planning.yml')
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(wf.on.workflow_dispatch!.inputs!.perspective.options).toEqual([
      'next',
      'all',
      ...PERSPECTIVE_IDS
    ])
    expect(wf.concurrency).toEqual({ group: 'test-planning', 'cancel-in-progress': false })
    expect(wf.permissions).toEqual({ contents: 'read' })
  })

  it.each(['test-planning.yml', 'ci.yml'])(
    '%s passes only inputs action.yml declares to uses: ./',
    (name) => {
      const steps = Object.values(load(name).jobs).flatMap((job) => job.steps)
      const local = steps.filter((s) => s.uses === './')
      expect(local.length).toBeGreaterThan(0)
      for (const step of local)
        for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key)
    }
  )

  it('ci.yml: lint, type-check, tests, the dist check and a real run of the action', () => {
    const wf = load('ci.yml')
    const runs = Object.values(wf.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''))
    for (const command of ['npm run lint', 'npm run typecheck', 'npm test', 'npm run build'])
      expect(runs).toContain(command)
    expect(runs.join('\n')).toContain('git diff --exit-code --stat -- dist/')
    const setups = Object.values(wf.jobs).flatMap((job) =>
      job.steps.filter((s) => s.uses?.startsWith('actions/setup-node'))
    )
    for (const s of setups) expect(s.with).toMatchObject({ 'node-version-file': '.node-version' })
  })
})

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { INPUT_NAMES, readActionConfig } from '../../src/config/inputs.js'
import { ConfigurationError } from '../../src/util/errors.js'

const actionYml = parse(readFileSync(join(process.cwd(), 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

/** Inputs as the runner passes them: every action.yml default, then the workflow's `with:`. */
function reader(inputs: Record<string, string>): (name: string) => string {
  const all: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) all[name] = spec.default ?? ''
  Object.assign(all, inputs)
  return (name) => {
    if (!(name in all)) throw new Error(`input ${name} is not declared in action.yml`)
    return all[name]
  }
}

describe('action inputs', () => {
  let workspace: string
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'inputs-'))
  })
  afterEach(() => rmSync(workspace, { recursive: true, force: true }))

  const env = () => ({ GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'octo/repo' })
  const read = (inputs: Record<string, string> = {}) =>
    readActionConfig(reader(inputs), env(), PERSPECTIVES)
  const failure = (inputs: Record<string, string>): string => {
    try {
      read(inputs)
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError)
      return (error as Error).message
    }
    throw new Error('expected a ConfigurationError')
  }

  it('validation budgets: each input given is set, the others are left to the config file', () => {
    expect(read().validationBudget).toBeUndefined()
    expect(
      read({ 'validate-seconds': '600', 'validate-suite-seconds': '0' }).validationBudget
    ).toEqual({ totalSeconds: 600, suiteSeconds: 0 })
    expect(failure({ 'validate-file-seconds': '2' })).toBe(
      "validate-file-seconds: '2' is not accepted. Use a whole number from 5 to 900."
    )
  })

  it('declares exactly the inputs action.yml declares, in the same order', () => {
    expect(Object.keys(actionYml.inputs)).toEqual([...INPUT_NAMES])
  })

  it('gives the documented defaults for a bare `uses:`', () => {
    const config = read()
    expect(config).toMatchObject({
      choice: { kind: 'rotation' },
      root: workspace,
      repository: 'octo/repo',
      configFile: null,
      cursorVariable: 'TEST_PLANNING_CURSOR',
      githubToken: '',
      hfToken: '',
      hfDataset: null,
      hfPrivate: false,
      outputDir: join(workspace, '.test-planning'),
      failOn: 'none',
      dryRun: false,
      framework: null,
      maxFileBytes: 1024 * 1024,
      historyDays: 365,
      uploadFailure: 'fail'
    })
  })

  it('reads every input', () => {
    mkdirSync(join(workspace, 'sub'))
    const config = read({
      perspective: 'security',
      path: 'sub',
      repository: 'other/repo',
      'cursor-variable': 'MY_CURSOR',
      'github-token': ' ghp_x ',
      'hf-token': 'hf_y',
      'hf-dataset': 'me/results',
      'hf-endpoint': 'http://127.0.0.1:9/',
      'hf-private': 'true',
      'output-dir': 'out',
      'fail-on': 'HIGH',
      'dry-run': 'true',
      framework: 'vitest:ts',
      'max-file-size': '512KiB',
      'history-days': '30',
      'upload-failure': 'warn'
    })
    expect(config).toMatchObject({
      root: join(workspace, 'sub'),
      repository: 'other/repo',
      cursorVariable: 'MY_CURSOR',
      githubToken: 'ghp_x',
      hfToken: 'hf_y',
      hfDataset: 'me/results',
      hfEndpoint: 'http://127.0.0.1:9',
      hfPrivate: true,
      outputDir: join(workspace, 'out'),
      failOn: 'high',
      dryRun: true,
      framework: 'vitest:ts',
      maxFileBytes: 512 * 1024,
      historyDays: 30,
      uploadFailure: 'warn'
    })
    expect(config.choice.kind === 'one' && config.choice.meta.id).toBe('security')
  })

  it.each([
    [
      { 'fail-on': 'severe' },
      "fail-on: 'severe' is not accepted. Use one of: none, critical, high, medium, low."
    ],
    [{ 'dry-run': 'maybe' }, "dry-run: 'maybe' is not a boolean. Use true or false."],
    [
      { 'upload-failure': 'ignore' },
      "upload-failure: 'ignore' is not accepted. Use one of: fail, warn."
    ],
    [
      { 'history-days': '-3' },
      "history-days: '-3' is not accepted. Use a whole number from 1 to 3650."
    ],
    [
      { 'max-file-size': '12 parsecs' },
      "max-file-size: '12 parsecs' is not accepted. Use a size in bytes"
    ],
    [
      { 'cursor-variable': 'GITHUB_CURSOR' },
      "cursor-variable: 'GITHUB_CURSOR' is not a valid variable name."
    ],
    [
      { framework: 'karma' },
      "framework: 'karma' is not accepted. Use jest, vitest, node:test, mocha or pytest"
    ],
    [{ repository: 'not a repo' }, "repository: 'not a repo' is not a repository. Use owner/name"],
    [{ 'hf-dataset': 'no-slash' }, "hf-dataset: 'no-slash' is not a dataset name. Use user/name"],
    [{ 'hf-endpoint': 'ftp://x' }, "hf-endpoint: 'ftp://x' is not an http(s) address."],
    [{ path: 'missing' }, "path: '"],
    [{ config: 'nope.yml' }, "config: the file '"]
  ])('rejects %j naming the input, the value and what is accepted', (inputs, message) => {
    expect(failure(inputs)).toContain(message)
  })

  it('merges the config file under the inputs (an input wins)', () => {
    writeFileSync(
      join(workspace, '.test-planning.yml'),
      'framework: mocha\nmaxFileBytes: 2048\nhistoryDays: 7\nexclude: ["legacy/**"]\n'
    )
    const fromFile = read()
    expect(fromFile).toMatchObject({
      framework: 'mocha',
      maxFileBytes: 2048,
      historyDays: 7,
      configFile: join(workspace, '.test-planning.yml')
    })
    expect(fromFile.file.exclude).toEqual(['legacy/**'])
    expect(read({ framework: 'jest', 'history-days': '9' })).toMatchObject({
      framework: 'jest',
      historyDays: 9,
      maxFileBytes: 2048
    })
  })
})

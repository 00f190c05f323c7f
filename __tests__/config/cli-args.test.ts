import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli, UsageError } from '../../src/config/cli-args.js'

describe('CLI arguments', () => {
  let cwd: string
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'cli-args-'))
  })
  afterEach(() => rmSync(cwd, { recursive: true, force: true }))

  const parse = (...argv: string[]) => parseCli(argv, cwd, PERSPECTIVES)
  const usage = (...argv: string[]): string => {
    try {
      parse(...argv)
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      return (error as Error).message
    }
    throw new Error('expected a UsageError')
  }

  it('validation budgets from flags; a value out of range names the flag and the range', () => {
    const command = parse('plan', '--validate-seconds', '120', '--validate-file-seconds', '30')
    if (command.command !== 'plan') throw new Error('expected plan')
    expect(command.config.validationBudget).toEqual({ totalSeconds: 120, perFileSeconds: 30 })
    expect(usage('plan', '--validate-suite-seconds', '4000')).toBe(
      "--validate-suite-seconds: '4000' is not accepted. Use a whole number from 0 to 3600."
    )
  })

  it('plan with local defaults: rotation, results in <path>/.test-planning, text report', () => {
    const command = parse('plan')
    expect(command.command).toBe('plan')
    if (command.command !== 'plan') return
    expect(command.format).toBe('text')
    expect(command.config).toMatchObject({
      choice: { kind: 'rotation' },
      root: cwd,
      outputDir: join(cwd, '.test-planning'),
      githubToken: '',
      hfToken: '',
      failOn: 'none',
      dryRun: false
    })
  })

  it('plan with every flag', () => {
    const command = parse(
      'plan',
      '.',
      '-p',
      'all',
      '--out',
      'results',
      '--format',
      'json',
      '--framework',
      'pytest',
      '--fail-on',
      'low',
      '--dry-run',
      '--history-days',
      '10'
    )
    if (command.command !== 'plan') throw new Error('not plan')
    expect(command.format).toBe('json')
    expect(command.config).toMatchObject({
      choice: { kind: 'all' },
      outputDir: join(cwd, 'results'),
      framework: 'pytest',
      failOn: 'low',
      dryRun: true,
      historyDays: 10
    })
  })

  it('other commands', () => {
    expect(parse('--version')).toEqual({ command: 'version' })
    expect(parse('--help')).toEqual({ command: 'help' })
    expect(parse('plan', '--help')).toEqual({ command: 'help' })
    expect(parse('docs', '--check')).toEqual({ command: 'docs', check: true })
    expect(parse('model', '.', '--json')).toMatchObject({ command: 'model', root: cwd, json: true })
  })

  it.each([
    [[], 'no command given'],
    [['plna'], "unknown command 'plna' (commands: plan, model, docs)"],
    [['plan', '--colour'], "Unknown option '--colour'"],
    [['plan', '--perspective'], "Option '-p, --perspective <value>' argument missing"],
    [['plan', '-p', 'nope'], "--perspective: unknown perspective 'nope'"],
    [
      ['plan', '--format', 'html'],
      "--format: 'html' is not accepted. Use one of: text, markdown, json."
    ],
    [['plan', '--fail-on', 'bad'], "--fail-on: 'bad' is not accepted"],
    [['plan', 'a', 'b'], "unexpected argument 'b' for 'plan'"],
    [['plan', 'missing-dir'], "path: '"],
    [['docs', '--json'], "option '--json' does not apply to 'docs'"]
  ])('%j is a usage error: %s', (argv, message) => {
    expect(usage(...argv)).toContain(message)
  })
})

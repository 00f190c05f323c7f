// Command-line flags of the `test-planning` program. Mistakes are UsageErrors: exit code 2 with
// the message and the usage text.
import { parseCoverageGlobs } from '../repo/coverage-globs.js'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Perspective } from '../../perspectives/define.js'
import { ConfigurationError, errorMessage } from '../util/errors.js'
import {
  existingDirectory,
  parseBaseRef,
  parseFramework,
  withConfigFile,
  type BaseSettings
} from './inputs.js'
import { parsePerspectiveChoice } from './perspective.js'
import {
  DEFAULT_CURSOR_VARIABLE,
  DEFAULT_OUTPUT_DIR,
  FAIL_ON_LEVELS,
  VALIDATE_MODES,
  type FailOn,
  type RunConfig,
  type ValidateMode
} from './types.js'
import { parseChoice, parseInteger, parseSize, parseValidationBudget } from './values.js'

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const USAGE = `Usage:
  test-planning plan [path] [options]   plan one perspective (the next in the local rotation) or all 15
  test-planning model [path] --json     print the code model of a repository as JSON
  test-planning docs [--check]          write (or check) the generated documentation
  test-planning --help | --version

Options of plan:
  -p, --perspective X     number (1-15), id, title or "all"; default: next in rotation
  -o, --out DIR           results folder (default: <path>/.test-planning); the rotation is kept there
  -f, --format F          report on stdout: text (default), markdown or json
      --framework F       spec framework: jest, vitest, node:test, mocha or pytest, optionally
                          with :ts or :js (e.g. vitest:ts); default: detected
      --fail-on LEVEL     exit 1 when a finding is at least: ${FAIL_ON_LEVELS.join(', ')} (default: none)
      --config FILE       config file (default: <path>/.test-planning.yml when present)
      --max-file-size N   skip files larger than N bytes (units: KiB, MiB; default 1MiB)
      --history-days N    days of git history to read (default 365)
      --coverage GLOB     coverage report(s) to read, relative to <path> (lcov, Istanbul JSON,
                          Cobertura XML, coverage.py JSON); repeatable; the usual places are read too
      --max-result-age N  big-picture computes a perspective now when its latest stored result
                          is older than N days, or missing (default 21)
      --base-ref REF      ref backwards-compat compares with (default: latest semver tag, else
                          the commit analysed last time)
      --dry-run           analyse and report, but write nothing
      --validate MODE     auto|true|false: observe and run the specs with the project's own
                          runner (auto: when its dependencies are installed)
      --validate-seconds N       time for all spec files (10-7200; default 900)
      --validate-file-seconds N  one run of one spec file before it is killed (5-900; default 60)
      --validate-suite-seconds N the project's suite under coverage, once (0-3600; 0: no
                                 coverage gain); each overrides the config file's validation key

Exit codes: 0 done, 1 the --fail-on threshold was crossed, 2 bad usage or configuration, 3 the run failed.`

export const REPORT_FORMATS = ['text', 'markdown', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'plan'; config: RunConfig; format: ReportFormat }
  | { command: 'model'; root: string; json: boolean; maxFileBytes: number | null }
  | { command: 'docs'; check: boolean }

const OPTIONS = {
  perspective: { type: 'string', short: 'p' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  framework: { type: 'string' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  'max-file-size': { type: 'string' },
  'history-days': { type: 'string' },
  coverage: { type: 'string', multiple: true },
  'max-result-age': { type: 'string' },
  'base-ref': { type: 'string' },
  'dry-run': { type: 'boolean' },
  validate: { type: 'string' },
  'validate-seconds': { type: 'string' },
  'validate-file-seconds': { type: 'string' },
  'validate-suite-seconds': { type: 'string' },
  json: { type: 'boolean' },
  check: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' }
} as const

const ALLOWED: Record<string, readonly string[]> = {
  plan: [
    'perspective',
    'out',
    'format',
    'framework',
    'fail-on',
    'config',
    'max-file-size',
    'history-days',
    'max-result-age',
    'base-ref',
    'dry-run',
    'coverage',
    'validate',
    'validate-seconds',
    'validate-file-seconds',
    'validate-suite-seconds',
    'help'
  ],
  model: ['json', 'max-file-size', 'help'],
  docs: ['check', 'help']
}

export function parseCli(
  argv: string[],
  cwd: string,
  perspectives: readonly Perspective<string, any>[]
): CliCommand {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    // parseArgs' own messages say what is wrong (`Unknown option '--x'`); keep them, minus its hint about `--`.
    const message =
      typeof (error as { message?: unknown })?.message === 'string'
        ? (error as Error).message
        : errorMessage(error)
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''))
  }
  const { values, positionals } = parsed
  if (positionals.length === 0) {
    if (values.version) return { command: 'version' }
    if (values.help) return { command: 'help' }
    throw new UsageError('no command given')
  }
  const [command, ...rest] = positionals
  if (!(command in ALLOWED))
    throw new UsageError(`unknown command '${command}' (commands: plan, model, docs)`)
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }
  for (const name of Object.keys(values)) {
    if (!ALLOWED[command].includes(name))
      throw new UsageError(`option '--${name}' does not apply to '${command}'`)
  }
  const maxPositionals = command === 'docs' ? 0 : 1
  if (rest.length > maxPositionals)
    throw new UsageError(`unexpected argument '${rest[maxPositionals]}' for '${command}'`)
  if (command === 'docs') return { command: 'docs', check: values.check === true }
  try {
    const root = existingDirectory('path', resolve(cwd, rest[0] ?? '.'))
    if (command === 'model') {
      return {
        command: 'model',
        root,
        json: values.json === true,
        maxFileBytes: parseSize(
          '--max-file-size',
          values['max-file-size'] ?? '',
          1024,
          64 * 1024 * 1024
        )
      }
    }
    const base: BaseSettings = {
      choice: parsePerspectiveChoice(
        values.perspective,
        perspectives.map((p) => p.meta),
        '--perspective'
      ),
      root,
      repository: '',
      configPath: values.config ? resolve(cwd, values.config) : null,
      outputDir: values.out ? resolve(cwd, values.out) : resolve(root, DEFAULT_OUTPUT_DIR),
      failOn: parseChoice<FailOn>('--fail-on', values['fail-on'] ?? '', FAIL_ON_LEVELS, 'none'),
      framework: parseFramework('--framework', values.framework ?? ''),
      maxFileBytes: parseSize(
        '--max-file-size',
        values['max-file-size'] ?? '',
        1024,
        64 * 1024 * 1024
      ),
      historyDays: parseInteger('--history-days', values['history-days'] ?? '', 1, 3650),
      maxResultAgeDays: parseInteger('--max-result-age', values['max-result-age'] ?? '', 0, 3650),
      coverage:
        values.coverage && values.coverage.length > 0
          ? parseCoverageGlobs('--coverage', values.coverage)
          : null
    }
    const format = parseChoice<ReportFormat>(
      '--format',
      values.format ?? '',
      REPORT_FORMATS,
      'text'
    )
    const config: RunConfig = {
      choice: base.choice,
      root: base.root,
      repository: base.repository,
      outputDir: base.outputDir,
      failOn: base.failOn,
      ...withConfigFile(base, perspectives),
      cursorVariable: DEFAULT_CURSOR_VARIABLE,
      githubToken: '',
      hfToken: '',
      hfDataset: null,
      hfEndpoint: null,
      hfPrivate: false,
      dryRun: values['dry-run'] === true,
      uploadFailure: 'fail',
      baseRef: parseBaseRef('--base-ref', values['base-ref'] ?? ''),
      validate: parseChoice<ValidateMode>(
        '--validate',
        values.validate ?? '',
        VALIDATE_MODES,
        'auto'
      )
    }
    const budget = parseValidationBudget({
      total: ['--validate-seconds', values['validate-seconds'] ?? ''],
      perFile: ['--validate-file-seconds', values['validate-file-seconds'] ?? ''],
      suite: ['--validate-suite-seconds', values['validate-suite-seconds'] ?? '']
    })
    if (budget) config.validationBudget = budget
    return { command: 'plan', config, format }
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message)
    throw error
  }
}

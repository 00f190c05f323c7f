// The action's inputs (through an injected reader, so tests need no environment) merged with the
// config file into one validated RunConfig.
import { parseCoverageGlobs } from '../repo/coverage-globs.js'
import { realpathSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Perspective } from '../../perspectives/define.js'
import { ACCEPTED_OVERRIDES, parseOverride } from '../specs/detect.js'
import { ConfigurationError } from '../util/errors.js'
import { locateConfigFile, readConfigFile } from './file.js'
import { parsePerspectiveChoice, type PerspectiveChoice } from './perspective.js'
import {
  DEFAULT_CURSOR_VARIABLE,
  DEFAULT_HISTORY_DAYS,
  DEFAULT_MAX_RESULT_AGE_DAYS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_OUTPUT_DIR,
  FAIL_ON_LEVELS,
  UPLOAD_FAILURE_MODES,
  VALIDATE_MODES,
  type FailOn,
  type RunConfig,
  type UploadFailureMode,
  type ValidateMode
} from './types.js'
import {
  parseBoolean,
  parseChoice,
  parseValidationBudget,
  parseDatasetName,
  parseInteger,
  parseRepository,
  parseSize,
  parseUrl,
  parseVariableName
} from './values.js'

/** Reads one input by its action.yml name; returns '' when unset. */
export type InputReader = (name: string) => string

/** The names declared in action.yml, in its order (a test keeps the two equal). */
export const INPUT_NAMES = [
  'perspective',
  'path',
  'repository',
  'config',
  'cursor-variable',
  'github-token',
  'hf-token',
  'hf-dataset',
  'hf-endpoint',
  'hf-private',
  'output-dir',
  'fail-on',
  'dry-run',
  'framework',
  'max-file-size',
  'coverage',
  'history-days',
  'max-result-age',
  'upload-failure',
  'base-ref',
  'validate',
  'validate-seconds',
  'validate-file-seconds',
  'validate-suite-seconds'
] as const

export function existingDirectory(name: string, path: string): string {
  let isDir = false
  try {
    isDir = statSync(path).isDirectory()
  } catch {
    isDir = false
  }
  if (!isDir)
    throw new ConfigurationError(
      `${name}: '${path}' is not a directory. Point it at the repository to analyse (checked out by actions/checkout).`
    )
  // The whole file system, or a system folder, is not a repository: analysing it would never end.
  let real = path
  try {
    real = realpathSync(path)
  } catch {
    // checked above
  }
  if (
    real === '/' ||
    ['/proc', '/sys', '/dev'].some((p) => real === p || real.startsWith(`${p}/`))
  ) {
    throw new ConfigurationError(
      `${name}: '${path}' is the file system root or a system folder, not a repository. Point it at the repository to analyse.`
    )
  }
  return path
}

/** A framework override as src/specs/detect.ts reads it (`vitest`, `jest:ts`, `pytest`); empty or `auto` = detect. */
export function parseFramework(name: string, value: string): string | null {
  const text = value.trim()
  if (text === '' || text.toLowerCase() === 'auto') return null
  try {
    parseOverride(text)
  } catch {
    throw new ConfigurationError(
      `${name}: '${value}' is not accepted. Use ${ACCEPTED_OVERRIDES}, or leave it empty to detect it.`
    )
  }
  return text
}

/** Settings shared by the action and the CLI, before the config file is merged in. */
export interface BaseSettings {
  choice: PerspectiveChoice
  root: string
  repository: string
  configPath: string | null
  outputDir: string
  failOn: FailOn
  framework: string | null
  maxFileBytes: number | null
  historyDays: number | null
  maxResultAgeDays: number | null
  /** Coverage report globs given as an input or flag; null when none (then the config file's). */
  coverage?: string[] | null
}

/** Merges the config file under the explicit settings: an input or flag wins over the file. */
export function withConfigFile(
  base: BaseSettings,
  perspectives: readonly Perspective<string, any>[]
): Pick<
  RunConfig,
  | 'configFile'
  | 'file'
  | 'framework'
  | 'maxFileBytes'
  | 'historyDays'
  | 'maxResultAgeDays'
  | 'coverage'
> {
  const configFile = locateConfigFile(base.root, base.configPath)
  const file = readConfigFile(configFile, perspectives, base.root)
  if (file.framework !== undefined) parseFramework(`${configFile}: framework`, file.framework)
  return {
    configFile,
    file,
    framework: base.framework ?? file.framework ?? null,
    maxFileBytes: base.maxFileBytes ?? file.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    historyDays: base.historyDays ?? file.historyDays ?? DEFAULT_HISTORY_DAYS,
    maxResultAgeDays: base.maxResultAgeDays ?? file.maxResultAgeDays ?? DEFAULT_MAX_RESULT_AGE_DAYS,
    coverage: base.coverage ?? file.coverage ?? []
  }
}

export function readActionConfig(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  perspectives: readonly Perspective<string, any>[]
): RunConfig {
  const input = (name: (typeof INPUT_NAMES)[number]): string => read(name) ?? ''
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
  const metas = perspectives.map((p) => p.meta)
  const base: BaseSettings = {
    choice: parsePerspectiveChoice(input('perspective'), metas),
    root: existingDirectory('path', resolve(workspace, input('path').trim() || '.')),
    repository: parseRepository('repository', input('repository') || env.GITHUB_REPOSITORY || ''),
    configPath: input('config').trim() ? resolve(workspace, input('config').trim()) : null,
    outputDir: resolve(workspace, input('output-dir').trim() || DEFAULT_OUTPUT_DIR),
    failOn: parseChoice<FailOn>('fail-on', input('fail-on'), FAIL_ON_LEVELS, 'none'),
    framework: parseFramework('framework', input('framework')),
    maxFileBytes: parseSize('max-file-size', input('max-file-size'), 1024, 64 * 1024 * 1024),
    historyDays: parseInteger('history-days', input('history-days'), 1, 3650),
    maxResultAgeDays: parseInteger('max-result-age', input('max-result-age'), 0, 3650),
    coverage: input('coverage').trim() ? parseCoverageGlobs('coverage', input('coverage')) : null
  }
  return {
    choice: base.choice,
    root: base.root,
    repository: base.repository,
    outputDir: base.outputDir,
    failOn: base.failOn,
    ...withConfigFile(base, perspectives),
    cursorVariable: parseVariableName(
      'cursor-variable',
      input('cursor-variable'),
      DEFAULT_CURSOR_VARIABLE
    ),
    githubToken: input('github-token').trim(),
    hfToken: input('hf-token').trim(),
    hfDataset: parseDatasetName('hf-dataset', input('hf-dataset')),
    hfEndpoint: parseUrl('hf-endpoint', input('hf-endpoint') || env.HF_ENDPOINT || ''),
    hfPrivate: parseBoolean('hf-private', input('hf-private'), false),
    dryRun: parseBoolean('dry-run', input('dry-run'), false),
    uploadFailure: parseChoice<UploadFailureMode>(
      'upload-failure',
      input('upload-failure'),
      UPLOAD_FAILURE_MODES,
      'fail'
    ),
    baseRef: parseBaseRef('base-ref', input('base-ref')),
    validate: parseChoice<ValidateMode>('validate', input('validate'), VALIDATE_MODES, 'auto'),
    ...withBudget(
      parseValidationBudget({
        total: ['validate-seconds', input('validate-seconds')],
        perFile: ['validate-file-seconds', input('validate-file-seconds')],
        suite: ['validate-suite-seconds', input('validate-suite-seconds')]
      })
    )
  }
}

function withBudget(budget: RunConfig['validationBudget']): Pick<RunConfig, 'validationBudget'> {
  return budget ? { validationBudget: budget } : {}
}

/** A git ref as a user writes it (`v1.2.0`, `origin/main`, a commit); empty means choose automatically. */
export function parseBaseRef(name: string, value: string): string {
  const text = value.trim()
  if (text === '') return ''
  // A leading '-' would be read by git as an option; a range (`a..b`) or a space is not one commit.
  if (
    text.startsWith('-') ||
    /\s/.test(text) ||
    [...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127) ||
    text.includes('..')
  ) {
    throw new ConfigurationError(
      `${name}: '${value}' is not a git ref. Give a tag, branch or commit such as v1.2.0 or origin/main, or leave it empty to use the latest semver tag.`
    )
  }
  return text
}

// The settings of one run, after inputs (or CLI flags) and the config file are validated and merged.
import type { PerspectiveChoice } from './perspective.js'

export const FAIL_ON_LEVELS = ['none', 'critical', 'high', 'medium', 'low'] as const
export type FailOn = (typeof FAIL_ON_LEVELS)[number]

export const UPLOAD_FAILURE_MODES = ['fail', 'warn'] as const
export type UploadFailureMode = (typeof UPLOAD_FAILURE_MODES)[number]

/** Whether specs are observed and run with the project's own runner (auto: when its dependencies are installed). */
export const VALIDATE_MODES = ['auto', 'true', 'false'] as const
export type ValidateMode = (typeof VALIDATE_MODES)[number]

export const DEFAULT_CURSOR_VARIABLE = 'TEST_PLANNING_CURSOR'
export const DEFAULT_OUTPUT_DIR = '.test-planning'
export const CONFIG_FILE_NAMES = ['.test-planning.yml', '.test-planning.yaml'] as const

/** `.test-planning.yml` in the target repository (all optional). */
export interface FileConfig {
  include: string[]
  exclude: string[]
  framework?: string
  maxFileBytes?: number
  historyDays?: number
  /** Big-picture recomputes a perspective whose latest stored result is older than this. */
  maxResultAgeDays?: number
  /** Options per perspective id, checked against each perspective's defaults. */
  perspectives: Record<string, Record<string, unknown>>
  /** What the perspectives that judge the product look at beyond shipped code and tests (file classes or globs). */
  surface?: { include: string[] }
  /** Globs of coverage reports, relative to the repository. */
  coverage?: string[]
  /** Budgets of the validation stage, in seconds (src/execute). */
  validation?: { totalSeconds?: number; perFileSeconds?: number; suiteSeconds?: number }
  /** Classes the judged calibration holds back, reported anyway: perspective ids, `perspective/messageId`, or `all`. */
  calibration?: { report: string[] }
}

export interface RunConfig {
  choice: PerspectiveChoice
  /** Absolute path of the repository to analyse. */
  root: string
  /** `owner/name` (links, the cursor variable); empty for local runs without a GitHub repository. */
  repository: string
  /** Absolute path of the config file that was read, or null. */
  configFile: string | null
  file: FileConfig
  cursorVariable: string
  githubToken: string
  hfToken: string
  hfDataset: string | null
  hfEndpoint: string | null
  hfPrivate: boolean
  /** Absolute path of the local results folder. */
  outputDir: string
  failOn: FailOn
  dryRun: boolean
  /** Framework override (input, else config file), or null to detect. */
  framework: string | null
  maxFileBytes: number
  historyDays: number
  /** Big-picture computes a perspective now when its latest stored result is older than this many days (or missing). */
  maxResultAgeDays: number
  uploadFailure: UploadFailureMode
  /** Globs of coverage reports (`coverage` input, `--coverage`, config `coverage`), relative to the repository. */
  coverage?: string[]
  /** Git ref backwards-compat compares with (`base-ref` / `--base-ref`); empty = the latest semver tag, else the previous analysed commit. */
  baseRef?: string
  /** `validate`: run the specs with the project's own runner (src/execute); default auto. */
  validate?: ValidateMode
  /** Validation budgets from the inputs or flags (seconds); each one set overrides the config file's `validation` key. */
  validationBudget?: ValidationBudget
}

/** The validation stage's budgets in seconds, as the config file's `validation` keys. */
export interface ValidationBudget {
  totalSeconds?: number
  perFileSeconds?: number
  suiteSeconds?: number
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024
export const DEFAULT_HISTORY_DAYS = 365
/** A daily rotation leaves the oldest result 14 days old when big-picture runs: three weeks keeps that cycle intact. */
export const DEFAULT_MAX_RESULT_AGE_DAYS = 21

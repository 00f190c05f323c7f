// What the job summary and the terminal report are built from: one run of one perspective or of all 15.
import type { PerspectiveRun } from '../engine/types.js'

export type RunTrigger = 'schedule' | 'manual' | 'all' | 'cli'

export interface RotationInfo {
  /** Number (1-15) of the perspective that ran; for `all`, the first one. */
  current: number
  /** Number (1-15) of the perspective the next rotation run takes. */
  next: number
  /**
   * Where the cursor came from: the repository variable, the local results folder, a fallback
   * (the variable could not be read) or an explicit `perspective` input (rotation untouched).
   */
  source: 'variable' | 'local' | 'fallback' | 'explicit'
  /** Something the user must do, e.g. which token permission to add; shown near the top. */
  warning?: string
}

export interface StorageInfo {
  /** The local results folder (always written). */
  localDir: string
  datasetUrl?: string
  /** The dataset commit of this run. */
  commitUrl?: string
  /** Why the upload failed (the cursor stays where it is and the next run retries). */
  uploadError?: string
  /** This run's records (every finding and spec in full), as the user can find it: the reports point to it. */
  resultsFile?: string
}

export interface ModelStats {
  files: number
  lines: number
  millis: number
  /** Files the parser found syntax errors in, with their counts (most first); absent or empty when none. */
  syntaxErrors?: { path: string; count: number }[]
}

export interface HistoryDelta {
  newFindings: number
  resolvedFindings: number
}

export interface SummaryInput {
  /** `owner/name` on GitHub, or a folder for local runs. Locations link only for `owner/name`. */
  repository: string
  /** e.g. `https://github.com`; empty when there is no server to link to (local runs). */
  serverUrl: string
  /** The analysed commit (sha), or null when the target is not a git checkout. */
  commit: string | null
  ref: string | null
  runUrl?: string
  trigger: RunTrigger
  /** Perspectives run only because big-picture needed their results (missing or too old). */
  computedForSummary?: string[]
  toolVersion: string
  rotation: RotationInfo
  stored: StorageInfo
  /** Files left out of the analysis, by reason (e.g. `vendored: 12`). */
  skipped: Record<string, number>
  model: ModelStats
  /**
   * Change since the previous stored run, by perspective id; a missing key or null means there was
   * no previous run to compare with.
   */
  history?: Record<string, HistoryDelta | null>
  runs: PerspectiveRun[]
  /** The test layout specs were written for (src/specs/layout.ts): framework, why, and any fallback. */
  testLayout?: { framework: string; language: string; reason: string; notes: string[] }
  /** What the validation stage (src/execute) decided; absent when it was not part of the run. */
  validation?: ValidationSummary
  /** Whether a file ships to users (the model's product surface); "What to do next" and the top findings rank by it. */
  isShipped?: (path: string) => boolean
}

export interface ValidationSummary {
  /** Specs delivered in the results folder's `specs/` (passing 3 of 3, or failing on a reported defect). */
  ready: number
  /** Of those, the ones that confirm findings. */
  confirming: number
  /** Of those, the ones that add coverage; null while coverage gain is not measured. */
  coverage: number | null
  /** Why coverage gain was not measured (no coverage tool, the suite too slow or not starting). */
  coverageNotMeasured?: string
  /** Of those, passing specs that confirm no finding (they pin the observed behaviour). */
  pinning: number
  /** Findings whose spec fails on the current code: observed against expected. */
  defects: { title: string; file: string; message: string }[]
  refuted: number
  planOnly: number
  /**
   * Passing specs kept in the plan and out of `specs/`: they observe no value (a signature snapshot,
   * a presence or does-not-throw check) and add no coverage over the suite. By what they assert.
   */
  planItems?: Record<string, number>
  /** Why nothing ran (validate: false, or the set-up step to add), else null. */
  skipped: string | null
  /** Where the delivered spec files are (e.g. `.test-planning/specs`). */
  specsDir: string | null
}

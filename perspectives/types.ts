// The contract between the engine and a perspective (see define.ts).
import type { CodeModel } from '../src/model/types.js'
import type { RenderTarget, SpecDraft } from '../src/specs/types.js'

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'
export type Confidence = 'high' | 'medium' | 'low'

export const PERSPECTIVE_IDS = [
  'scope',
  'failure-modes',
  'integration-points',
  'edge-cases',
  'performance',
  'backwards-compat',
  'data-integrity',
  'error-handling',
  'user-experience',
  'security',
  'test-coverage',
  'test-pyramid',
  'mocking-strategy',
  'ci-cd',
  'big-picture'
] as const
export type PerspectiveId = (typeof PERSPECTIVE_IDS)[number]

/** A place in the target repository, quoted: a check can open the file and find the snippet. */
export interface CodeEvidence {
  file: string
  startLine: number
  endLine: number
  /** The text found there (at most a few lines; the engine trims it). */
  snippet: string
}

/** For repository-level findings: what was looked for, and where. */
export interface RepositoryEvidence {
  lookedFor: string
  where: string[]
}

export type FindingData = Record<string, string | number>

/** What a perspective reports. The engine adds the id and renders title and message from meta. */
export interface FindingDraft<M extends string = string> {
  messageId: M
  data: FindingData
  severity: Severity
  confidence: Confidence
  rationale: string
  evidence: CodeEvidence | RepositoryEvidence
  /** The part of the stable id that is not file or message: a symbol, a callee; never a line number. */
  key: string
  symbol?: string
  cwe?: string
  tags?: string[]
}

/** A finding as stored: every field present (null when absent) so dataset columns keep one type. */
export interface Finding {
  id: string
  perspective: PerspectiveId
  messageId: string
  title: string
  message: string
  severity: Severity
  confidence: Confidence
  rationale: string
  file: string | null
  startLine: number | null
  endLine: number | null
  snippet: string | null
  symbol: string | null
  lookedFor: string | null
  where: string[]
  cwe: string | null
  tags: string[]
}

export interface MessageTemplate {
  /** Short, with {{placeholders}} filled from the finding's data. */
  title: string
  message: string
}

export interface PerspectiveMeta<M extends string = string> {
  number: number
  id: PerspectiveId
  title: string
  question: string
  /** One paragraph: what it examines and what it produces. */
  description: string
  messages: Record<M, MessageTemplate>
  /** False while the perspective's issue has not landed: the run says so and invents nothing. */
  implemented: boolean
  /**
   * Extra inputs the engine must prepare: 'history' (the latest stored result of each perspective),
   * 'base' (the repository at a base ref), 'results' (the latest result of every other perspective,
   * computed in this run where it is missing or too old).
   */
  needs?: ('history' | 'base' | 'results')[]
}

/** A metric value is a number so that every row of the dataset types it the same way. */
export type Metrics = Record<string, number>

/** A stored spec without its code: what big-picture needs to rank a backlog. */
export interface SpecSummary {
  id: string
  title: string
  level: 'unit' | 'integration' | 'e2e'
  priority: 'P1' | 'P2' | 'P3'
  fileName: string
  targetFile: string
  targetSymbol: string | null
  covers: string[]
}

/** Where a result in AnalyseContext.results came from. */
export type ResultOrigin =
  /** Read from the results history (local folder or dataset), recent enough to use. */
  | 'history'
  /** Chosen for this run (the rotation's perspective, or one of `all`). */
  | 'this-run'
  /** Missing or too old in the history, so the engine computed it now. */
  | 'computed-missing'
  | 'computed-stale'
  /** The stored result had failed, so the engine tried again. */
  | 'computed-failed'

/** Latest stored results of perspectives, for those that compare (big-picture, backwards-compat). */
export interface PreviousResult {
  perspective: PerspectiveId
  timestamp: string
  commit: string | null
  findings: Finding[]
  risk: number
  status?: 'ok' | 'failed' | 'not-implemented'
  error?: string | null
  specs?: SpecSummary[]
  metrics?: Metrics
  /** The perspective's details, parsed back from JSON; undefined when they could not be read. */
  details?: unknown
  origin?: ResultOrigin
}

export interface AnalyseContext<O> {
  model: CodeModel
  options: O
  /** The framework and language specs render for. */
  target: RenderTarget
  /** ISO time of the run (perspectives never read the clock themselves). */
  now: string
  history?: PreviousResult[]
  /**
   * For perspectives that need 'results' (big-picture): the latest result of every other implemented
   * perspective, in rotation order, each with its origin. History results older than
   * `resultsMaxAgeDays` or missing were computed in this run.
   */
  results?: PreviousResult[]
  resultsMaxAgeDays?: number
  base?:
    | {
        ref: string
        model: CodeModel
        /** The full commit id of the base, when read from git. */
        commit?: string
        /** How the base was chosen: the base-ref input, the latest semver tag, or the commit analysed last time. */
        how?: 'input' | 'tag' | 'previous-run'
        /** The text of a file at the base (repository-relative path), for quoting what was removed. */
        source?: (path: string) => string | undefined
      }
    | { unavailable: string }
  /**
   * The text of an analysed file (repository-relative path), for quoting evidence: the model keeps
   * locations, not file text. The engine passes it (from LoadedRepository.files); undefined for a
   * path that was not analysed. Perspectives that quote code need it (see perspectives/shared/evidence.ts).
   */
  source?: (path: string) => string | undefined
}

export interface AnalyseOutput<M extends string = string> {
  findings: FindingDraft<M>[]
  specs: SpecDraft[]
  metrics: Metrics
  /** Perspective-specific detail, JSON-serialisable; stored as JSON text. */
  details: unknown
  /** Markdown for the summary, built from details (pure; the engine escapes nothing here). */
  report?: string
  /** Overrides the default risk formula (0-100) when the perspective has a better one; documented in its README. */
  risk?: number
  /** One plain-text line that sums the run up beyond its counts (big-picture: risk and readiness), for the terminal and the dataset's summary. */
  headline?: string
}

/**
 * One option of a perspective, as JSON Schema: its type, what it accepts, its default and what it
 * does (the description is the README's text). Checked when the run starts, never inside analyse.
 */
export type OptionSpec =
  | { type: 'integer'; description: string; default: number; minimum?: number; maximum?: number }
  | {
      type: 'number'
      description: string
      default: number
      minimum?: number
      maximum?: number
      exclusiveMinimum?: number
    }
  | { type: 'boolean'; description: string; default: boolean }
  | { type: 'string'; description: string; enum: readonly string[]; default: string }
  | {
      type: 'array'
      description: string
      items: { type: 'string'; minLength?: number }
      default: readonly string[]
    }

/** A perspective's options: a JSON Schema object with one property per option (see define.ts). */
export interface OptionsSchema<P extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  type: 'object'
  additionalProperties: false
  properties: P
}

type OptionValue<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'integer' | 'number' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'array' }
        ? string[]
        : never

/** The options type a schema describes: what analyse receives, every option present. */
export type OptionsOf<S> =
  S extends OptionsSchema<infer P> ? { -readonly [K in keyof P]: OptionValue<P[K]> } : never

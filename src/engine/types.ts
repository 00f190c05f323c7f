// What one perspective run produced, before it becomes a record; the report reads this.
import type { Finding, Metrics, PerspectiveMeta } from '../../perspectives/types.js'
import type { SpecDraft, TestSpec } from '../specs/types.js'
import type { ProductViewSummary } from './product-view.js'

export type RunStatus = 'ok' | 'failed' | 'not-implemented'

export interface PerspectiveRun {
  meta: PerspectiveMeta
  status: RunStatus
  /** For `failed`: what went wrong, in words (never a secret). */
  error: string | null
  findings: Finding[]
  /** Findings of classes the judged calibration holds back (src/pipeline/calibration.ts): not reported, counted. */
  held?: Finding[]
  specs: TestSpec[]
  /** The draft each spec was rendered from, by spec id: the validation stage re-renders observed cases. */
  drafts?: Map<string, SpecDraft>
  metrics: Metrics
  details: unknown
  /** Perspective-provided markdown for the summary. */
  report: string | null
  risk: number
  /** The perspective's own one-line summary, when it gives one (AnalyseOutput.headline). */
  headline?: string
  millis: number
  /** For perspectives that judge the product: what they looked at and what was left out (engine/product-view.ts). */
  surface?: ProductViewSummary
}

// Runs one perspective and turns its drafts into stored findings and rendered specs.
// A perspective that throws is recorded as failed; the caller goes on with the others. Options reach
// it checked against its schema, with the defaults applied.
import type { Perspective } from '../../perspectives/define.js'
import type {
  AnalyseContext,
  CodeEvidence,
  Finding,
  FindingData,
  FindingDraft,
  PerspectiveMeta
} from '../../perspectives/types.js'
import { renderSpec } from '../specs/render.js'
import { shortHash } from '../util/hash.js'
import type { SpecDraft, TestSpec } from '../specs/types.js'
import { findingId, riskScore, SEVERITY_ORDER } from '../../perspectives/contract.js'
import { errorMessage } from '../util/errors.js'
import { resolveOptions } from '../config/options.js'
import { redactDeep } from '../util/redact.js'
import type { PerspectiveRun } from './types.js'
import { productView, productViewNote, type ProductViewSummary } from './product-view.js'

const MAX_SNIPPET_LINES = 6
const MAX_SNIPPET_CHARS = 500

export async function runPerspective<O>(
  perspective: Perspective<string, O>,
  context: Omit<AnalyseContext<O>, 'options'> & {
    options?: Partial<O>
    surfaceInclude?: readonly string[]
  }
): Promise<PerspectiveRun> {
  const started = performance.now()
  const { meta } = perspective
  const base = {
    meta: meta as PerspectiveMeta,
    findings: [],
    specs: [],
    metrics: {},
    details: null,
    report: null
  }
  if (!meta.implemented) {
    return { ...base, status: 'not-implemented', error: null, risk: 0, millis: 0 }
  }
  // Checked before the try: a bad option is the user's configuration error, not a failed perspective.
  const options = resolveOptions<O>(perspective, context.options ?? {})
  try {
    const { surfaceInclude, ...rest } = context
    const view = productView(context.model, meta.id, surfaceInclude)
    const output = await perspective.analyse({ ...rest, model: view.model, options })
    const findings = finaliseFindings(meta, output.findings)
    const specs = finaliseSpecs(meta, output.specs, context.target)
    const drafts = new Map<string, SpecDraft>()
    for (const draft of output.specs) {
      const id = `${meta.id}/spec/${shortHash(draft.key)}`
      if (!drafts.has(id)) drafts.set(id, draft)
    }
    return redactRun({
      ...base,
      status: 'ok',
      error: null,
      findings,
      specs,
      drafts,
      metrics: output.metrics,
      details: withSurface(output.details ?? null, view.summary),
      report: view.summary
        ? [output.report, productViewNote(view.summary)].filter(Boolean).join('\n\n')
        : (output.report ?? null),
      ...(view.summary ? { surface: view.summary } : {}),
      risk: clampRisk(output.risk ?? riskScore(findings)),
      ...(output.headline ? { headline: output.headline } : {}),
      millis: Math.round(performance.now() - started)
    })
  } catch (error) {
    return redactRun({
      ...base,
      status: 'failed',
      error: `${meta.id} failed: ${errorMessage(error)}`,
      risk: 0,
      millis: Math.round(performance.now() - started)
    })
  }
}

/** The product view goes into a perspective's details object (as `productSurface`) so the dataset keeps it. */
function withSurface(details: unknown, summary: ProductViewSummary | null): unknown {
  if (
    !summary ||
    details === null ||
    typeof details !== 'object' ||
    Array.isArray(details) ||
    'productSurface' in details
  )
    return details
  return { ...details, productSurface: summary }
}

/**
 * Every text a perspective produced (titles, messages, snippets, spec code, details, report, error)
 * goes through the one redaction pass; a perspective cannot opt out. The metadata stays as declared.
 */
function redactRun(run: PerspectiveRun): PerspectiveRun {
  const { meta, ...rest } = run
  return { ...redactDeep(rest), meta }
}

function clampRisk(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0
}

/** `{{name}}` placeholders filled from data; an unknown placeholder is a perspective bug. */
export function fillTemplate(template: string, data: FindingData, where: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`${where}: no data for placeholder {{${name}}}`)
    return String(data[name])
  })
}

export function trimSnippet(snippet: string): string {
  let lines = snippet.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > MAX_SNIPPET_LINES) lines = [...lines.slice(0, MAX_SNIPPET_LINES), '…']
  const text = lines.join('\n')
  return text.length > MAX_SNIPPET_CHARS ? `${text.slice(0, MAX_SNIPPET_CHARS)}…` : text
}

function isCodeEvidence(e: FindingDraft['evidence']): e is CodeEvidence {
  return 'file' in e
}

export function finaliseFindings(meta: PerspectiveMeta, drafts: FindingDraft[]): Finding[] {
  const findings = drafts.map((draft): Finding & { key: string } => {
    const template = meta.messages[draft.messageId]
    if (!template) throw new Error(`${meta.id}: unknown message id '${draft.messageId}'`)
    const where = `${meta.id}/${draft.messageId}`
    const code = isCodeEvidence(draft.evidence) ? draft.evidence : null
    return {
      id: '',
      key: draft.key,
      perspective: meta.id,
      messageId: draft.messageId,
      title: fillTemplate(template.title, draft.data, where),
      message: fillTemplate(template.message, draft.data, where),
      severity: draft.severity,
      confidence: draft.confidence,
      rationale: draft.rationale,
      file: code?.file ?? null,
      startLine: code?.startLine ?? null,
      endLine: code?.endLine ?? null,
      snippet: code ? trimSnippet(code.snippet) : null,
      symbol: draft.symbol ?? null,
      lookedFor: code ? null : (draft.evidence as { lookedFor: string }).lookedFor,
      where: code ? [] : [...(draft.evidence as { where: string[] }).where],
      cwe: draft.cwe ?? null,
      tags: [...(draft.tags ?? [])]
    }
  })
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.startLine ?? 0) - (b.startLine ?? 0) ||
      a.messageId.localeCompare(b.messageId) ||
      a.key.localeCompare(b.key)
  )
  // Ids hash what the finding is about, never its line, so they survive edits elsewhere in the file.
  const seen = new Map<string, number>()
  return findings.map(({ key, ...finding }) => {
    const baseId = findingId(meta.id, finding.messageId, finding.file, key)
    const n = (seen.get(baseId) ?? 0) + 1
    seen.set(baseId, n)
    return { ...finding, id: n === 1 ? baseId : `${baseId}-${n}` }
  })
}

/** Two specs for one module, symbol and perspective would share a file: the later one gets `.2`, `.3`... before its suffix. */
function uniqueFileName(spec: TestSpec, used: Set<string>, exactFile?: string): TestSpec {
  if (!used.has(spec.fileName)) {
    used.add(spec.fileName)
    return spec
  }
  // A folder per spec with a file of one exact name (pytest `python_files = tests.py`): the folder is numbered.
  if (exactFile && spec.fileName.endsWith(`/${exactFile}`)) {
    const folder = spec.fileName.slice(0, -exactFile.length - 1)
    for (let n = 2; ; n++) {
      const candidate = `${folder}_${n}/${exactFile}`
      if (!used.has(candidate)) {
        used.add(candidate)
        return { ...spec, fileName: candidate }
      }
    }
  }
  const slash = spec.fileName.lastIndexOf('/')
  const dir = spec.fileName.slice(0, slash + 1)
  const name = spec.fileName.slice(slash + 1)
  // Before `.test.ts` / `_test.py` / `.py`: the part the runner's naming rule looks at stays last.
  const cut = /(\.(test|spec|[a-z]+))?\.[A-Za-z]+$|_test\.py$/.exec(name)?.index ?? name.length
  for (let n = 2; ; n++) {
    const python = name.endsWith('.py')
    const candidate = `${dir}${name.slice(0, cut)}${python ? `_${n}` : `.${n}`}${name.slice(cut)}`
    if (!used.has(candidate)) {
      used.add(candidate)
      // The code is the same; only where it would be written changes.
      return { ...spec, fileName: candidate }
    }
  }
}

export function finaliseSpecs(
  meta: PerspectiveMeta,
  drafts: SpecDraft[],
  target: AnalyseContext<unknown>['target']
): TestSpec[] {
  const seen = new Set<string>()
  const specs: TestSpec[] = []
  const files = new Set<string>()
  for (const draft of drafts) {
    if (seen.has(draft.key)) continue
    seen.add(draft.key)
    specs.push(uniqueFileName(renderSpec(draft, target, meta.id), files, target.layout?.exactFile))
  }
  return specs
}

// Perspective 15: Big picture. What matters most now? Reads the latest result of every other
// perspective (the engine computes the missing and stale ones first), and from them gives overall
// risk and readiness with their formulas, hotspots (files several perspectives flag), what changed
// since the previous big-picture run, and one prioritised, deduplicated backlog of specs.
// How each number is computed is in README.md and in the report itself.
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import type { FindingDraft, Metrics } from '../types.js'
import { buildBacklog } from './backlog.js'
import { compareWithPrevious, openFindings } from './changes.js'
import { findHotspots, type Hotspot, shippedPredicate } from './hotspots.js'
import { MESSAGES, type BigPictureMessageId } from './messages.js'
import { type BigPictureOptions, OPTIONS } from './options.js'
import { buildReport, formulas, headline } from './report.js'
import { overallRisk, readiness } from './scores.js'
import { readSources } from './sources.js'
import { countsText, SEVERITIES } from './weights.js'

export type { BigPictureOptions } from './options.js'

function hotspotDraft(
  h: Hotspot,
  quote: ReturnType<typeof createQuoter>
): FindingDraft<BigPictureMessageId> {
  const top = h.top
  return {
    messageId: 'hotspot',
    data: {
      file: h.file,
      count: h.perspectives.length,
      findings: `${h.findings} findings (${countsText(h.severities)})`,
      perspectives: h.perspectives.join(', '),
      top: top.finding.title,
      topPerspective: top.finding.perspective,
      line: top.startLine
    },
    severity: h.severity,
    confidence: h.perspectives.length >= 3 ? 'high' : 'medium',
    rationale: `${h.perspectives.length} perspectives flag this file independently; hotspot score ${h.score} (severity weight × confidence summed over its findings). Severity is that of its most severe finding.`,
    evidence: quote.evidence(h.file, { startLine: top.startLine, endLine: top.endLine }),
    key: `hotspot:${h.file}`,
    tags: h.perspectives
  }
}

export default definePerspective<BigPictureMessageId, BigPictureOptions>({
  meta: {
    number: 15,
    id: 'big-picture',
    title: 'Big picture',
    question: 'What matters most now?',
    description:
      'Reads the latest result of every other perspective (computing now those that are missing, failed or older than `max-result-age` days) ' +
      'and puts them together: overall risk and readiness with their formulas, hotspots (files flagged by several perspectives, weighted by ' +
      "severity and confidence, with the quoted code checked against today's files), new and resolved findings since the previous " +
      'big-picture run by stable id, and one prioritised backlog of the specs across perspectives, grouped by what they test. The summary ' +
      'opens with a one-screen overview.',
    messages: MESSAGES,
    implemented: true,
    needs: ['history', 'results']
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const sources = readSources(context)
    const quote = createQuoter(context)
    const analysed = (file: string) => context.source?.(file) !== undefined
    const shipped = shippedPredicate(context.model)
    const hotspots = findHotspots(sources.findings, quote, analysed, options, shipped)
    const risk = overallRisk(sources)
    const ready = readiness(sources, options, context.resultsMaxAgeDays)
    const open = openFindings(sources)
    const changes = compareWithPrevious(
      open,
      context.history?.find((r) => r.perspective === 'big-picture')
    )
    const backlog = buildBacklog(sources, new Set(hotspots.hotspots.map((h) => h.file)), shipped)
    const findings = hotspots.hotspots
      .slice(0, options.maxHotspots)
      .map((h) => hotspotDraft(h, quote))

    const metrics: Metrics = {
      overallRisk: risk.value,
      readiness: ready.score,
      checksPassed: ready.passed,
      checksFailed: ready.failed,
      checksUnknown: ready.unknown,
      perspectivesUsed: sources.usable.length,
      perspectivesComputedNow: sources.rows.filter((r) => r.origin?.startsWith('computed-')).length,
      perspectivesWithoutResult: sources.rows.filter((r) => r.status !== 'ok').length,
      openFindings: sources.findings.length,
      hotspots: hotspots.hotspots.length,
      findingsNoLongerInCode: hotspots.gone + hotspots.changed,
      newSinceLast: changes.newFindings.length,
      resolvedSinceLast: changes.resolved.length,
      backlogTargets: backlog.entries.length,
      backlogSpecs: backlog.specs
    }
    for (const s of SEVERITIES)
      metrics[`open.${s}`] = sources.findings.filter((f) => f.severity === s).length
    const reportInput = {
      risk,
      readiness: ready,
      rows: sources.rows,
      maxAgeDays: context.resultsMaxAgeDays,
      hotspots,
      changes,
      backlog,
      options
    }
    return {
      findings,
      // The backlog points at specs stored with their own perspective; copying their code here would store it twice.
      specs: [],
      metrics,
      risk: risk.value,
      details: {
        formulas: formulas(options),
        risk,
        readiness: ready,
        maxResultAgeDays: context.resultsMaxAgeDays ?? null,
        perspectives: sources.rows,
        hotspots: {
          placed: hotspots.placed,
          moved: hotspots.moved,
          gone: hotspots.gone,
          changed: hotspots.changed,
          notShipped: hotspots.notShipped,
          files: hotspots.hotspots.slice(0, options.maxHotspots).map((h) => ({
            file: h.file,
            perspectives: h.perspectives,
            findings: h.findings,
            severities: h.severities,
            score: h.score,
            top: { id: h.top.finding.id, title: h.top.finding.title, line: h.top.startLine }
          })),
          total: hotspots.hotspots.length
        },
        changes: {
          previous: changes.previous,
          note: changes.note,
          notCompared: changes.notCompared,
          unchanged: changes.unchanged,
          newCount: changes.newFindings.length,
          resolvedCount: changes.resolved.length,
          newFindings: changes.newFindings.slice(0, options.maxListed),
          resolved: changes.resolved.slice(0, options.maxListed)
        },
        backlog: {
          specs: backlog.specs,
          duplicates: backlog.duplicates,
          notShipped: backlog.notShipped,
          total: backlog.entries.length,
          entries: backlog.entries.slice(0, options.maxBacklog)
        },
        // The next big-picture run compares with this list (changes.ts).
        open
      },
      report: buildReport(reportInput),
      headline: headline(reportInput)
    }
  }
})

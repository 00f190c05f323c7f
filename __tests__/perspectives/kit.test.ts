// The perspective kit: ranges, ordering, unique keys, the per-kind cap and its counts.
import { handling, tryIndex } from '../../perspectives/failure-modes/handled.js'
import {
  andMore,
  byRank,
  bySeverityThenPlace,
  countPerKind,
  finishFindings,
  lineWithin,
  mostSevere,
  perKindMetrics,
  startsBefore,
  uniqueKeys,
  within,
  withinLines
} from '../../perspectives/kit/index.js'
import type { FindingDraft, Severity } from '../../perspectives/types.js'
import { buildFixtureModel } from './harness.js'

const at = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
  startLine,
  startColumn,
  endLine,
  endColumn
})

function draft(
  messageId: string,
  file: string,
  line: number,
  key: string,
  severity: Severity = 'medium',
  confidence: FindingDraft['confidence'] = 'high'
): FindingDraft {
  return {
    messageId,
    data: {},
    severity,
    confidence,
    rationale: 'r',
    key,
    evidence: { file, startLine: line, endLine: line, snippet: 'x' }
  }
}

describe('ranges', () => {
  it('reads within(inner, outer): a call inside a function is within it, not the other way round', () => {
    const fn = at(1, 0, 10, 1)
    const call = at(3, 2, 3, 12)
    expect(within(call, fn)).toBe(true)
    expect(within(fn, call)).toBe(false)
    expect(within(fn, fn)).toBe(true)
  })

  it('compares columns on the first and last line', () => {
    expect(within(at(1, 4, 1, 8), at(1, 5, 1, 20))).toBe(false)
    expect(within(at(1, 5, 1, 21), at(1, 5, 1, 20))).toBe(false)
    expect(startsBefore(at(2, 0, 2, 1), at(2, 1, 2, 2))).toBe(true)
    expect(startsBefore(at(2, 1, 2, 2), at(2, 1, 2, 2))).toBe(false)
  })

  it('has line-only forms that ignore columns', () => {
    expect(withinLines(at(1, 9, 2, 0), at(1, 0, 2, 0))).toBe(true)
    expect(withinLines(at(1, 0, 3, 0), at(1, 0, 2, 0))).toBe(false)
    expect([0, 1, 2, 3].map((l) => lineWithin(l, { startLine: 1, endLine: 2 }))).toEqual([
      false,
      true,
      true,
      false
    ])
  })
})

// failure-modes/handled.ts had its own within(outer, inner), the reverse of every other copy. Its one
// call passed (handler, throw), so it was right; the kit's within(throw, handler) must say the same.
describe('failure-modes handling through the kit', () => {
  const source =
    'export class UrlError extends Error {}\n' +
    'export function parseUrl(text: string): URL {\n' +
    '  try {\n' +
    '    return new URL(text)\n' +
    '  } catch {\n' +
    "    throw new UrlError('not a URL')\n" +
    '  }\n' +
    '}\n' +
    'export function plain(text: string): URL {\n' +
    '  try {\n' +
    '    return new URL(text)\n' +
    '  } catch (e) {\n' +
    '    throw e\n' +
    '  }\n' +
    '}\n'

  it('reads a throw inside the handler as a conversion, a bare rethrow as propagation', async () => {
    const { model } = await buildFixtureModel({ 'src/url.ts': source })
    const module = model.modules.find((m) => m.path === 'src/url.ts')
    if (!module) throw new Error('src/url.ts not modelled')
    const index = tryIndex(module)
    const call = (line: number) => {
      const site = module.calls.find((c) => c.loc.startLine === line)
      if (!site) throw new Error(`no call on line ${line}`)
      return site
    }
    const converted = handling(index, 'parseUrl', call(4).loc, ['*'])
    expect(converted).toMatchObject({ effect: 'handled', tryLine: 3, convertedTo: 'UrlError' })
    expect(handling(index, 'plain', call(11).loc, ['*'])).toEqual({ effect: 'propagates' })
  })
})

describe('ordering', () => {
  it('ranks by severity, then confidence, then place', () => {
    const list = [
      draft('b', 'a.ts', 1, 'k', 'low'),
      draft('a', 'b.ts', 9, 'k', 'high', 'low'),
      draft('a', 'a.ts', 5, 'k', 'high', 'low'),
      draft('a', 'z.ts', 1, 'k', 'high', 'high')
    ]
    const file = (d: FindingDraft) => ('file' in d.evidence ? d.evidence.file : '')
    expect([...list].sort(byRank).map((d) => `${file(d)}:${d.severity}`)).toEqual([
      'z.ts:high',
      'a.ts:high',
      'b.ts:high',
      'a.ts:low'
    ])
    expect(mostSevere(['low', 'critical', 'medium'])).toBe('critical')
    expect(mostSevere([])).toBeUndefined()
  })
})

describe('finishing drafts', () => {
  it('numbers repeated keys per message and file in source order, before the cap', () => {
    const list = [
      draft('m', 'a.ts', 9, 'x'),
      draft('m', 'a.ts', 2, 'x'),
      draft('m', 'b.ts', 1, 'x')
    ]
    const found = list.map((d) => ({ draft: d }))
    const { all, kept, perKind } = finishFindings(found, ['m', 'n'], 1)
    const line = (d: FindingDraft) => ('file' in d.evidence ? d.evidence.startLine : 0)
    expect(all.map((f) => `${line(f.draft)}:${f.draft.key}`)).toEqual(['2:x', '9:x#2', '1:x'])
    expect(kept).toHaveLength(1)
    expect(kept[0].draft.key).toBe('x')
    expect(perKind).toEqual({ m: 3, n: 0 })
    expect(perKindMetrics(perKind)).toEqual({ 'findings.m': 3, 'findings.n': 0 })
  })

  it('keeps at most maxPerKind of each kind, the most severe first', () => {
    const found = [
      draft('m', 'a.ts', 1, 'low', 'low'),
      draft('m', 'a.ts', 2, 'high', 'high'),
      draft('n', 'a.ts', 3, 'info', 'info')
    ].map((d) => ({ draft: d, extra: d.key }))
    const { kept } = finishFindings(found, ['m', 'n'], 1)
    expect(kept.map((f) => f.extra)).toEqual(['high', 'info'])
  })

  it('drops a repeat at the same place, sets aside the unconfident and caps the total', () => {
    const found = [
      draft('m', 'a.ts', 5, 'tls', 'high', 'high'),
      draft('m', 'a.ts', 5, 'tls', 'high', 'high'),
      draft('m', 'b.ts', 1, 'sql', 'critical', 'low'),
      draft('n', 'c.ts', 1, 'eval', 'medium', 'medium'),
      draft('n', 'a.ts', 1, 'exec', 'low', 'high')
    ].map((d) => ({ draft: d }))
    const { all, kept, below, perKind } = finishFindings(found, ['m', 'n'], {
      dropSamePlace: true,
      minConfidence: 'medium',
      maxTotal: 2
    })
    expect(all.map((f) => f.draft.key)).toEqual(['tls', 'eval', 'exec'])
    expect(kept.map((f) => f.draft.key)).toEqual(['tls', 'eval'])
    expect(below.map((f) => f.draft.key)).toEqual(['sql'])
    expect(perKind).toEqual({ m: 1, n: 2 })
  })

  it('ranks by the order a perspective names: severity and place, confidence not considered', () => {
    const found = [
      draft('m', 'b.ts', 1, 'sure', 'high', 'high'),
      draft('m', 'a.ts', 1, 'unsure', 'high', 'low')
    ].map((d) => ({ draft: d }))
    const { kept } = finishFindings(found, ['m'], { maxPerKind: 1, rank: bySeverityThenPlace })
    expect(kept.map((f) => f.draft.key)).toEqual(['unsure'])
    expect(finishFindings(found, ['m'], 1).kept.map((f) => f.draft.key)).toEqual(['sure'])
  })

  it('caps each kind by its own declared cap, and kinds that share a cap together', () => {
    const found = [
      draft('gapA', 'a.ts', 1, 'a1', 'high'),
      draft('gapB', 'a.ts', 2, 'b1', 'high'),
      draft('gapA', 'a.ts', 3, 'a2', 'medium'),
      draft('file', 'b.ts', 1, 'f1', 'low'),
      draft('file', 'b.ts', 2, 'f2', 'low'),
      draft('stale', 'c.ts', 1, 's1', 'low'),
      draft('stale', 'c.ts', 2, 's2', 'low')
    ].map((d) => ({ draft: d }))
    const { kept, all, perKind } = finishFindings(found, ['gapA', 'gapB', 'file', 'stale'], {
      caps: [
        { kinds: ['gapA', 'gapB'], max: 2 },
        { kinds: ['file'], max: 1 }
      ]
    })
    expect(kept.map((f) => f.draft.key)).toEqual(['a1', 'b1', 'f1', 's1', 's2'])
    expect(all).toHaveLength(7)
    expect(perKind).toEqual({ gapA: 2, gapB: 1, file: 2, stale: 2 })
  })

  it('keeps the order the checks gave when that order is the rank, numbering keys in source order', () => {
    const found = [
      draft('m', 'a.ts', 9, 'x', 'low'),
      draft('m', 'a.ts', 2, 'x', 'high'),
      draft('m', 'b.ts', 1, 'y', 'critical'),
      draft('n', 'a.ts', 1, 'z', 'high')
    ].map((d, i) => ({ draft: d, given: i }))
    const { kept, all } = finishFindings(found, ['m', 'n'], {
      keepOrder: true,
      caps: [{ kinds: ['m'], max: 2 }]
    })
    expect(all.map((f) => f.given)).toEqual([0, 1, 2, 3])
    expect(all.map((f) => f.draft.key)).toEqual(['x#2', 'x', 'y', 'z'])
    expect(kept.map((f) => f.given)).toEqual([0, 1, 3])
  })

  it('leaves distinct keys alone and counts kinds it was not told about as well', () => {
    const list = [draft('m', 'a.ts', 1, 'x'), draft('m', 'a.ts', 2, 'y')]
    uniqueKeys(list)
    expect(list.map((d) => d.key)).toEqual(['x', 'y'])
    expect(countPerKind(['m'], list)).toEqual({ m: 2 })
  })
})

describe('andMore', () => {
  it('names the first items and counts the rest', () => {
    expect(andMore(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more')
    expect(andMore(['a', 'b'], 2)).toBe('a, b')
    expect(andMore(['a', 'b', 'c'], 1, '; ')).toBe('a and 2 more')
  })
})

// Small facts both reports show the same way: counts by severity, the risk label, locations, links.
import type { Finding } from '../../perspectives/types.js'
// The counting is the contract's, so perspectives and the summary tally the same way.
export {
  countsText,
  SEVERITIES,
  severityCounts,
  type SeverityCounts
} from '../../perspectives/contract.js'
import { encodePath } from '../util/escape.js'
import type { SummaryInput } from './types.js'

/** The same thresholds as the risk badge (src/records/layout.ts). */
export function riskLabel(risk: number): string {
  if (risk >= 70) return 'high'
  if (risk >= 40) return 'elevated'
  if (risk >= 15) return 'moderate'
  return 'low'
}

/** `src/a.ts:10` or `src/a.ts:10-12`; null for repository-level findings. */
export function locationText(f: Pick<Finding, 'file' | 'startLine' | 'endLine'>): string | null {
  if (f.file === null) return null
  if (f.startLine === null) return f.file
  const end = f.endLine !== null && f.endLine !== f.startLine ? `-${f.endLine}` : ''
  return `${f.file}:${f.startLine}${end}`
}

const GITHUB_REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/
const SHA = /^[0-9a-f]{7,64}$/i

/** Base for links into the analysed commit, or null when there is nothing to link to. */
export function commitBase(
  input: Pick<SummaryInput, 'serverUrl' | 'repository' | 'commit'>
): string | null {
  const server = input.serverUrl.replace(/\/+$/, '')
  if (!/^https?:\/\//.test(server) || !GITHUB_REPOSITORY.test(input.repository)) return null
  if (input.commit === null || !SHA.test(input.commit)) return null
  return `${server}/${input.repository}`
}

export function repositoryUrl(
  input: Pick<SummaryInput, 'serverUrl' | 'repository'>
): string | null {
  const server = input.serverUrl.replace(/\/+$/, '')
  if (!/^https?:\/\//.test(server) || !GITHUB_REPOSITORY.test(input.repository)) return null
  return `${server}/${input.repository}`
}

export function commitUrl(
  input: Pick<SummaryInput, 'serverUrl' | 'repository' | 'commit'>
): string | null {
  const base = commitBase(input)
  return base === null ? null : `${base}/commit/${input.commit}`
}

/** Link to the file and lines at the analysed commit. */
export function blobUrl(
  input: Pick<SummaryInput, 'serverUrl' | 'repository' | 'commit'>,
  f: Pick<Finding, 'file' | 'startLine' | 'endLine'>
): string | null {
  const base = commitBase(input)
  if (base === null || f.file === null) return null
  const lines =
    f.startLine === null
      ? ''
      : f.endLine !== null && f.endLine !== f.startLine
        ? `#L${f.startLine}-L${f.endLine}`
        : `#L${f.startLine}`
  return `${base}/blob/${input.commit}/${encodePath(f.file)}${lines}`
}

export function shortSha(commit: string): string {
  return SHA.test(commit) ? commit.slice(0, 7) : commit
}

/** `1 finding`, `2 findings`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

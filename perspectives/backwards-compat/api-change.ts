// What a breaking change is and where it is shown: the shapes the comparison returns, and the one way a
// change is made from the HEAD item it is about.
import type { Location, Parameter } from '../../src/model/types.js'
import type { Confidence, FindingData, Severity } from '../types.js'
import { type ApiItem, describeSignature } from './api.js'
import type { BackwardsCompatMessageId } from './messages.js'

/** Where a change is shown: at HEAD when the thing still exists there, else at the base. */
export type ChangePlace =
  | { head: { file: string; loc: Location } }
  | { base: { file: string; line: number; lookedFor: string } }

export interface Change {
  messageId: BackwardsCompatMessageId
  data: FindingData
  severity: Severity
  confidence: Confidence
  rationale: string
  key: string
  symbol?: string
  place: ChangePlace
  /** The release this change needs on its own. */
  /** `none`: a note for review that needs no release of its own. */
  bump: 'major' | 'minor' | 'none'
}

export interface Addition {
  file: string
  name: string
  what: string
}

export interface Moved {
  name: string
  from: string
  to: string
}

export interface ApiDiff {
  changes: Change[]
  additions: Addition[]
  moved: Moved[]
}

export function required(p: Parameter): boolean {
  return !p.optional && !p.rest && p.defaultValue === undefined
}

export function baseLocation(item: ApiItem, ref: string): ChangePlace {
  return {
    base: {
      file: item.file,
      line: item.loc.startLine,
      lookedFor: `${item.name} (${describeSignature(item)}) in ${item.file} as it was at ${ref}`
    }
  }
}

export function headLocation(item: ApiItem): ChangePlace {
  return {
    head: {
      file: item.file,
      loc: { ...item.loc, endLine: Math.min(item.loc.endLine, item.loc.startLine + 2) }
    }
  }
}

export function change(
  now: ApiItem,
  messageId: BackwardsCompatMessageId,
  extra: FindingData,
  ref: string,
  severity: Severity,
  confidence: Confidence,
  rationale: string,
  what: string,
  bump: Change['bump'] = 'major'
): Change {
  return {
    messageId,
    data: { name: now.name, file: now.file, ref, ...extra },
    severity,
    confidence,
    rationale,
    key: `${what}:${now.name}`,
    symbol: now.name,
    place: headLocation(now),
    bump
  }
}

export const SEVERITY_NOTE =
  'Severity is high for a package entry module, medium elsewhere (users may not import that module directly).'

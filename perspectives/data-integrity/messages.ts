// Message templates of the data-integrity perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type DataIntegrityMessageId =
  | 'roundTripPair'
  | 'nonAtomicWrite'
  | 'writesWithoutTransaction'
  | 'floatMoney'
  | 'unvalidatedInput'
  | 'argumentMutation'
  | 'localTimeParsing'

export const MESSAGES: Record<DataIntegrityMessageId, MessageTemplate> = {
  roundTripPair: {
    title: '{{encode}}() and {{decode}}() in {{file}} should round-trip',
    message:
      '{{encode}}() and {{decode}}() form a {{pair}} pair: the invariant {{invariant}} must hold for every {{domain}}, and {{generator}}.'
  },
  nonAtomicWrite: {
    title: '{{callee}}() in {{where}} writes the final file in place',
    message:
      '{{callee}}({{target}}) writes straight to its destination and {{where}} renames nothing afterwards: a crash, a full disk or a concurrent reader mid-write leaves a truncated or half-written file. Write to a temporary file in the same folder and rename it over the target.'
  },
  writesWithoutTransaction: {
    title: '{{count}} database writes in {{where}} without a transaction',
    message:
      '{{where}} writes {{count}} times ({{writes}}) and nothing there opens a transaction (no begin/commit/transaction/atomic, no `with` on the connection): if a later write fails, the earlier ones stay and the data is left half-changed.'
  },
  floatMoney: {
    title: '{{name}} handled as a binary float ({{how}}) in {{where}}',
    message:
      '{{name}} looks like money and {{how}} in {{where}} ({{code}}): binary floating point cannot hold most decimal fractions (0.1 + 0.2 !== 0.3), so sums and roundings drift by cents. Keep money in integer minor units or a decimal type.'
  },
  unvalidatedInput: {
    title: '{{source}} used without validation in {{where}}',
    message:
      '{{where}} takes {{source}} ({{code}}) and nothing in it validates the shape: no schema call ({{schemas}}), no type checks on the value. Missing fields and wrong types flow on into the data.'
  },
  argumentMutation: {
    title: '{{where}} mutates its argument {{param}}',
    message:
      "{{where}} changes the caller's {{param}} in place ({{how}}): a caller that keeps using its value sees it {{effect}}. Copy before changing, or document that the argument is consumed."
  },
  localTimeParsing: {
    title: '{{what}} in {{where}}',
    message: '{{code}} {{problem}}: {{consequence}}.'
  }
}

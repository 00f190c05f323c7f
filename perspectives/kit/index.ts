// The perspective kit: what every perspective needs around its own checks, behind one import.
export { andMore } from './text.js'
export { CODE_LANGUAGES, type Dialect, dialectOf, placeText } from './modules.js'
export {
  byPlace,
  byRank,
  bySeverityThenPlace,
  countPerKind,
  type Drafted,
  finishFindings,
  type Finished,
  type FinishRules,
  type KindCap,
  perKindMetrics,
  placeOf,
  uniqueKeys
} from './finish.js'
export {
  byConfidence,
  bySeverity,
  CONFIDENCE_ORDER,
  mostSevere,
  ONE_LOWER,
  SEVERITY_ORDER,
  SPEC_PRIORITY
} from './order.js'
export { lineWithin, startsBefore, within, withinLines } from './ranges.js'

// The line under a perspective's findings that names what the judged calibration held back: how many, of
// which class, how that class fared with independent judges, and how to report them anyway.
import type { PerspectiveRun } from '../engine/types.js'
import { heldByClass } from '../pipeline/calibration.js'

/** One sentence; null when nothing was held. `code` wraps identifiers for the medium (markdown or plain). */
export function heldSentence(
  run: Pick<PerspectiveRun, 'held'>,
  code: (text: string) => string = (t) => t
): string | null {
  const n = run.held?.length ?? 0
  if (n === 0) return null
  const parts = heldByClass(run).map(({ judgedClass: c, count }) => {
    const confidence = c.confidence ? ` at ${c.confidence.join('/')} confidence` : ''
    const pooled = c.pooled
      ? ` with the perspective's other thinly judged classes`
      : c.record
        ? ` over every judged round`
        : ''
    return `${count} ${code(c.id)}${confidence} (judged ${c.true} of ${c.judged} true${pooled})`
  })
  return (
    `Held back: ${n} finding${n === 1 ? '' : 's'} of classes independent judges found mostly untrue: ${parts.join('; ')}. ` +
    `They are not claims; their specs stay in the plan as tests to write, and the records keep them. ` +
    `To report them, add the class to ${code('calibration.report')} in the config file.`
  )
}

// The id of a finding: the engine (src/engine/run-perspective.ts) gives it with this function, and a
// spec names the findings it covers with it before the engine has run. A repeat of the same id gets
// a `-2`, `-3` suffix from the engine.
import { shortHash } from '../../src/util/hash.js'

export function findingId(
  perspective: string,
  messageId: string,
  file: string | null,
  key: string
): string {
  return `${perspective}/${messageId}/${shortHash(`${file ?? ''}|${key}`)}`
}

// Counting what the loader skipped, by reason, with a few examples of each for the summary.
import type { LoadedRepository, SkipReason } from '../model/types.js'

export const SKIP_REASONS: readonly SkipReason[] = [
  'ignored',
  'vendored',
  'generated',
  'minified',
  'binary',
  'too-large',
  'excluded',
  'symlink',
  'unreadable',
  'unsupported'
]

const MAX_EXAMPLES = 20

export class SkipTally {
  private readonly counts: LoadedRepository['skipped']

  constructor() {
    this.counts = Object.fromEntries(
      SKIP_REASONS.map((reason) => [reason, { count: 0, examples: [] as string[] }])
    ) as LoadedRepository['skipped']
  }

  add(reason: SkipReason, path: string): void {
    const entry = this.counts[reason]
    entry.count++
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(path)
  }

  result(): LoadedRepository['skipped'] {
    return this.counts
  }
}

// The performance perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerKind: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description:
      'Most findings of each kind; the highest-severity are kept, the rest counted ("and N more").'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 10,
    description: 'Most scaling specs and benchmark files.'
  },
  maxRegexChecks: {
    type: 'integer',
    minimum: 0,
    default: 100,
    description:
      'Most regular expressions given to the ReDoS checker in one run (the rest are counted, not checked).'
  },
  regexMaxNfaSize: {
    type: 'integer',
    minimum: 100,
    default: 2000,
    description:
      "Largest automaton the ReDoS checker builds for one pattern (recheck's maxNFASize); larger ones are undecided. A size bound, not a time budget, so that the verdict depends on the pattern alone."
  },
  nestedLoopDepth: {
    type: 'integer',
    minimum: 2,
    default: 2,
    description: 'Nested loops over collections are reported from this depth on.'
  },
  regexFuzzing: {
    type: 'boolean',
    default: false,
    description:
      'Let recheck fuzz patterns its automaton analysis cannot take (lookaround, backreferences, automata over regexMaxNfaSize). Finds more, but costs up to seconds per such pattern (bounded by step counts, seeded).'
  }
})

export type PerformanceOptions = OptionsOf<typeof OPTIONS>

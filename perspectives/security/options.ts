// The security perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindings: {
    type: 'integer',
    minimum: 0,
    default: 200,
    description:
      'Most findings reported; the rest are counted in the metrics and the report says "and N more".'
  },
  minSecretLength: {
    type: 'integer',
    minimum: 8,
    default: 16,
    description: 'Hard-coded secret entropy test: shortest literal considered.'
  },
  minSecretEntropy: {
    type: 'number',
    exclusiveMinimum: 0,
    maximum: 8,
    default: 3.5,
    description:
      'Hard-coded secret entropy test: bits per character at or above which a literal counts as random.'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description: 'Most hostile-input specs produced.'
  },
  maxRegexChecks: {
    type: 'integer',
    minimum: 0,
    default: 100,
    description:
      'Most distinct regular expressions applied to input that the ReDoS checker decides per run (the rest are counted).'
  },
  minConfidence: {
    type: 'string',
    enum: ['high', 'medium', 'low'],
    default: 'medium',
    description:
      "Least confidence a finding needs to be reported. Below it, candidates are counted and named in the report, not listed as findings: on library code most low-confidence ones are a caller's concern."
  }
})

export type SecurityOptions = OptionsOf<typeof OPTIONS>

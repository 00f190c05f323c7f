// The test-specification model. A perspective builds a `SpecDraft` from what it found; a renderer
// turns it into code for the target's framework. The draft is structured (not free code) so that one
// draft renders for jest, vitest, node:test, mocha (TypeScript or JavaScript) and pytest alike.

import type { TestLayout } from './layout-types.js'
import type { RecordValidation } from '../records/types.js'

export type TestFramework = 'jest' | 'vitest' | 'node:test' | 'mocha' | 'pytest'
export type SpecLanguage = 'typescript' | 'javascript' | 'python'
export type SpecLevel = 'unit' | 'integration' | 'e2e'
export type SpecPriority = 'P1' | 'P2' | 'P3'

/**
 * A value an argument or expectation can take. Plain JSON covers most; the tagged forms cover what
 * JSON cannot say, rendered per language (`undefined`/`None`, `NaN`/`float('nan')`, ...).
 */
export type SpecValue =
  | null
  | boolean
  | number
  | string
  | SpecValue[]
  | { [key: string]: SpecValue }
  | {
      $special:
        | 'undefined'
        | 'NaN'
        | 'Infinity'
        | '-Infinity'
        | '-0'
        | 'MAX_SAFE_INTEGER'
        | 'MIN_SAFE_INTEGER'
    }
  | { $date: string }
  /** A BigInt, digits with an optional sign (`'-12'`): `-12n` in JavaScript, `-12` in Python. */
  | { $bigint: string }
  | { $repeat: string; times: number }
  /** Raw code in the target language: used sparingly, for values only code can express. */
  | { $code: { javascript?: string; python?: string } }

/** What a case expects. */
export type SpecExpectation =
  | { kind: 'throws'; errorType?: string; message?: string }
  | { kind: 'returns'; value: SpecValue }
  | { kind: 'does-not-throw' }
  /** The result satisfies a property written per language over `result` (e.g. `result.length <= 10`). */
  | {
      kind: 'satisfies'
      javascript?: string
      python?: string
      description: string
      /** Written from an observed result (its type, its truth value): it asserts behaviour. */
      observed?: boolean
    }

/**
 * Where a case's expected outcome comes from when the project states it. A case whose observed outcome
 * contradicts its expectation is a defect only with a source; without one the expectation was our
 * guess, and the claim is refuted.
 */
export interface ExpectationSource {
  kind: 'docstring' | 'readme' | 'contract' | 'annotation' | 'inverse'
  file: string
  line: number | null
  /** The project's own words, quoted. */
  quote: string
}

export interface SpecCase {
  name: string
  args: SpecValue[]
  expect: SpecExpectation
  /** The project's statement the expectation rests on (absent: our own expectation). */
  source?: ExpectationSource
}

/** A test that calls one function (or constructs one class) with argument rows. */
export interface CallSpecBody {
  kind: 'call'
  /** Repository-relative path of the module under test. */
  module: string
  /** Exported symbol to call; `default` for a default export. */
  symbol: string
  /** Call as `new Symbol(...)`. */
  construct?: boolean
  /**
   * Python: `symbol` is `Class.method`, called on an instance made with these arguments:
   * `Class(*instance).method(*args)` (a new instance per case).
   */
  instance?: SpecValue[]
  async: boolean
  /** Several rows render as a table (`it.each`, `pytest.mark.parametrize`). */
  cases: SpecCase[]
  /**
   * Python: the function's declared types (positional parameters in order, and the return), checked
   * against what is observed (src/execute/type-contract.ts).
   */
  contract?: { params: (string | null)[]; returns: string }
}

/**
 * Free-form steps for what a call table cannot express (contract tests, workflow snippets).
 * Code per language; the renderer wraps it in the framework's test structure and imports.
 */
export interface StepsSpecBody {
  kind: 'steps'
  module?: string
  imports?: { from: string; names: string[] }[]
  setup?: { javascript?: string; python?: string }
  steps: { javascript?: string; python?: string }
  async: boolean
}

/** A file that is not a test in the framework (a workflow YAML snippet, a benchmark script). */
export interface FileSpecBody {
  kind: 'file'
  fileName: string
  language: 'yaml' | 'javascript' | 'typescript' | 'python' | 'text'
  content: string
}

export type SpecBody = CallSpecBody | StepsSpecBody | FileSpecBody

/** What a perspective returns; `id`, `framework`, `language` and `code` are added when rendered. */
export interface SpecDraft {
  /** Stable key within the perspective (e.g. `smoke:src/a.ts#parse`); the spec id derives from it. */
  key: string
  title: string
  level: SpecLevel
  target: { file: string; symbol?: string; line?: number }
  rationale: string
  /** Ids of the findings this spec covers. */
  covers: string[]
  expected: string
  priority: SpecPriority
  body: SpecBody
  /**
   * Rows to try when the project's code can be called (src/execute): the rows whose outcome is
   * observed (a plain value or a typed error) replace the body as a call table asserting it, under
   * `title`/`expected`; when none is, the draft stays as written. It claims nothing about a finding.
   */
  explore?: { title: string; expected: string; body: CallSpecBody }
  /**
   * Steps that observe no value nor error type: a signature snapshot, or a check that the subject
   * exists. Such a spec is a plan item, delivered only when it adds coverage over the suite.
   */
  assertsOnly?: 'signature' | 'presence'
}

export interface TestSpec extends Omit<SpecDraft, 'key' | 'body'> {
  id: string
  framework: TestFramework | 'none'
  language: SpecLanguage | FileSpecBody['language']
  /** Suggested path of the test file in the target repository. */
  fileName: string
  code: string
  /**
   * True when the file holds no executable test, only todos/skips saying what is missing: it belongs
   * in the plan, not among the test files delivered to the repository.
   */
  planOnly?: boolean
  /** Set by the validation stage (src/execute): what running the spec said. */
  validation?: RecordValidation
}

export interface RenderTarget {
  framework: TestFramework
  language: SpecLanguage
  /** The project's test layout (layout-types.ts): where specs go and how they import; defaults without it. */
  layout?: TestLayout
}

/** How a row copied from a call in the project's own tests is named (its arguments as the test wrote them). */
export const AS_CALLED_IN = 'as called in '

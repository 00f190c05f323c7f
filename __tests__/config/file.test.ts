import { optionDefaults } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseConfigText } from '../../src/config/file.js'
import { ConfigurationError } from '../../src/util/errors.js'

const parse = (text: string) => parseConfigText(text, '.test-planning.yml', PERSPECTIVES)
const problem = (text: string): string => {
  try {
    parse(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigurationError')
}

describe('config file', () => {
  it('reads every documented key', () => {
    const defaults = optionDefaults(PERSPECTIVES[0].options)
    const option = Object.keys(defaults)[0]
    const value = defaults[option]
    const config = parse(
      [
        'include: ["src/**"]',
        'exclude: ["src/generated/**", "**/*.snap"]',
        'framework: "node:test"',
        'maxFileBytes: 65536',
        'historyDays: 90',
        'perspectives:',
        `  scope: { ${option}: ${JSON.stringify(value)} }`
      ].join('\n')
    )
    expect(config).toEqual({
      include: ['src/**'],
      exclude: ['src/generated/**', '**/*.snap'],
      framework: 'node:test',
      maxFileBytes: 65536,
      historyDays: 90,
      perspectives: { scope: { [option]: value } }
    })
  })

  it('surface.include takes file classes and globs', () => {
    expect(parse('surface: { include: [tooling, "examples/**"] }').surface).toEqual({
      include: ['tooling', 'examples/**']
    })
  })

  it('validation takes the stage budgets in seconds', () => {
    expect(
      parse('validation: { totalSeconds: 300, perFileSeconds: 20, suiteSeconds: 0 }').validation
    ).toEqual({ totalSeconds: 300, perFileSeconds: 20, suiteSeconds: 0 })
  })

  it('calibration.report names classes the judged calibration holds back, to report them anyway', () => {
    expect(
      parse('calibration: { report: [all, scope, failure-modes/throwingCall] }').calibration
    ).toEqual({ report: ['all', 'scope', 'failure-modes/throwingCall'] })
  })

  it('an empty file is an empty config', () => {
    expect(parse('')).toEqual({ include: [], exclude: [], perspectives: {} })
  })

  it.each([
    [
      'includes: ["src"]',
      "unknown key 'includes'. Did you mean 'include'? Known: include, exclude, framework, maxFileBytes, historyDays, maxResultAgeDays, coverage, surface, calibration, validation, perspectives."
    ],
    ['maxFileBytes: "big"', 'maxFileBytes: must be integer'],
    ['historyDays: 0', 'historyDays: must be >= 1'],
    ['exclude: "dist"', 'exclude: must be array'],
    ['include: [""]', 'include.0: must NOT have fewer than 1 characters'],
    [
      'perspectives: { secruity: {} }',
      "perspectives.secruity: unknown perspective id. Did you mean 'security'? Use one of: scope, failure-modes"
    ],
    [
      'perspectives: { scope: { noSuchOption: 1 } }',
      'perspectives.scope.noSuchOption: unknown option of scope. Options of scope: maxFindingsPerKind, maxSpecs,'
    ],
    ['perspectives: { scope: 5 }', 'perspectives.scope: must be object'],
    ['framework: [', 'not valid YAML'],
    [
      'surface: { include: [toolng] }',
      "surface.include: 'toolng' is neither a file class (shipped, test, tooling, examples-docs, fixtures, vendored, generated) nor a glob"
    ],
    ['surface: { widen: [] }', "surface: unknown key 'widen'. Known: include."],
    ['validation: { perFileSeconds: 1 }', 'validation.perFileSeconds: must be >= 5'],
    ['validation: { totalSeconds: "15m" }', 'validation.totalSeconds: must be integer'],
    [
      'validation: { totalSecond: 60 }',
      "validation: unknown key 'totalSecond'. Did you mean 'totalSeconds'? Known: totalSeconds, perFileSeconds, suiteSeconds."
    ],
    [
      'calibration: { report: [scop] }',
      "calibration.report: 'scop' names no perspective. Did you mean 'scope'?"
    ],
    [
      'calibration: { report: [scope/untested] }',
      "calibration.report: 'scope/untested': scope has no message id 'untested'."
    ],
    ['calibration: { hold: [] }', "calibration: unknown key 'hold'. Known: report."]
  ])('rejects %j with the place and the reason', (text, message) => {
    expect(problem(text)).toContain(message)
  })

  // Each perspective's options schema is composed into the file's: a bad value stops the run at
  // start-up, naming the perspective, the option, the value and what the option accepts.
  it.each([
    [
      'wrong type',
      'perspectives: { scope: { maxSpecs: true } }',
      "perspectives.scope.maxSpecs: true is not accepted: scope's option maxSpecs takes a whole number of at least 0 (default 10)."
    ],
    [
      'a fraction for a whole number',
      'perspectives: { edge-cases: { maxSpecs: 2.5 } }',
      "perspectives.edge-cases.maxSpecs: 2.5 is not accepted: edge-cases's option maxSpecs takes a whole number of at least 0 (default 40)."
    ],
    [
      'out of range',
      'perspectives: { big-picture: { coverageTarget: 140 } }',
      "perspectives.big-picture.coverageTarget: 140 is not accepted: big-picture's option coverageTarget takes a whole number from 0 to 100 (default 60)."
    ],
    [
      'below an exclusive minimum',
      'perspectives: { security: { minSecretEntropy: 0 } }',
      "perspectives.security.minSecretEntropy: 0 is not accepted: security's option minSecretEntropy takes a number above 0 and at most 8 (default 3.5)."
    ],
    [
      'a choice outside the list',
      'perspectives: { security: { minConfidence: sometimes } }',
      "perspectives.security.minConfidence: a string (9 characters) is not accepted: security's option minConfidence takes one of high, medium, low (default medium)."
    ],
    [
      'a list with an empty entry',
      'perspectives: { ci-cd: { firstPartyOwners: [actions, ""] } }',
      "perspectives.ci-cd.firstPartyOwners: a list of 2 is not accepted: ci-cd's option firstPartyOwners takes a list of non-empty strings (default [actions, github])."
    ],
    [
      'an unknown option, with a suggestion',
      'perspectives: { scope: { maxSpec: 5 } }',
      "perspectives.scope.maxSpec: unknown option of scope. Did you mean 'maxSpecs'? Options of scope: maxFindingsPerKind, maxSpecs, largeModuleLines, complexityThreshold, maxTargets."
    ],
    [
      'an unknown perspective, with a suggestion',
      'perspectives: { test-covrage: { maxSpecs: 5 } }',
      "perspectives.test-covrage: unknown perspective id. Did you mean 'test-coverage'?"
    ]
  ])('refuses %s', (_kind, text, message) => {
    expect(problem(text)).toContain(message)
  })

  it('names every bad option at once, each once', () => {
    const message = problem(
      'perspectives: { scope: { maxSpecs: -1, maxTargets: "x" }, performance: { regexFuzzing: 1 } }'
    )
    expect(
      message
        .replace('.test-planning.yml: ', '')
        .split('; ')
        .map((m) => m.split(':')[0])
    ).toEqual([
      'perspectives.scope.maxSpecs',
      'perspectives.scope.maxTargets',
      'perspectives.performance.regexFuzzing'
    ])
  })

  it('keeps what the file gave and no defaults (the engine applies those)', () => {
    expect(parse('perspectives: { security: { minConfidence: low } }').perspectives).toEqual({
      security: { minConfidence: 'low' }
    })
  })

  it('offers no suggestion when nothing is close', () => {
    expect(problem('perspectives: { scope: { zzzzzzzzzz: 1 } }')).not.toContain('Did you mean')
  })
})

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
    const scopeOptions = Object.keys(PERSPECTIVES[0].defaultOptions as object)
    const option = scopeOptions[0]
    const value = (PERSPECTIVES[0].defaultOptions as Record<string, unknown>)[option]
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

  it('an empty file is an empty config', () => {
    expect(parse('')).toEqual({ include: [], exclude: [], perspectives: {} })
  })

  it.each([
    [
      'includes: ["src"]',
      "unknown key 'includes' (known: include, exclude, framework, maxFileBytes, historyDays, maxResultAgeDays, coverage, surface, perspectives)"
    ],
    ['maxFileBytes: "big"', 'maxFileBytes: must be integer'],
    ['historyDays: 0', 'historyDays: must be >= 1'],
    ['exclude: "dist"', 'exclude: must be array'],
    ['include: [""]', 'include.0: must NOT have fewer than 1 characters'],
    [
      'perspectives: { secruity: {} }',
      'perspectives.secruity: unknown perspective id. Use one of: scope, failure-modes'
    ],
    [
      'perspectives: { scope: { noSuchOption: 1 } }',
      'perspectives.scope.noSuchOption: unknown option.'
    ],
    ['framework: [', 'not valid YAML'],
    [
      'surface: { include: [toolng] }',
      "surface.include: 'toolng' is neither a file class (shipped, test, tooling, examples-docs, fixtures, vendored, generated) nor a glob"
    ],
    ['surface: { widen: [] }', "surface: unknown key 'widen' (known: include)"]
  ])('rejects %j with the place and the reason', (text, message) => {
    expect(problem(text)).toContain(message)
  })

  it('checks an option against the type of its default', () => {
    const defaults = PERSPECTIVES[0].defaultOptions as Record<string, unknown>
    const numeric = Object.keys(defaults).find((k) => typeof defaults[k] === 'number')
    expect(numeric).toBeDefined()
    expect(problem(`perspectives: { scope: { ${numeric}: "many" } }`)).toContain(
      `perspectives.scope.${numeric}: expected a number, got a string`
    )
  })
})

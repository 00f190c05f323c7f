import { checkWholeNumbers } from '../../../perspectives/shared/options.js'
import { ConfigurationError } from '../../../src/util/errors.js'

const DEFAULTS = { maxFindings: 50, minScore: 3, share: 60 }

describe('checkWholeNumbers', () => {
  it('passes whole numbers inside their limits through unchanged', () => {
    const options = { maxFindings: 0, minScore: 1, share: 100 }
    expect(checkWholeNumbers('demo', options, DEFAULTS, { minScore: 1, share: [0, 100] })).toBe(
      options
    )
  })

  it('leaves options whose default is not a whole number to their owner (flags, fractions, choices)', () => {
    const defaults = { maxFindings: 5, entropy: 3.5, fuzz: false, level: 'medium' }
    const options = { maxFindings: 2, entropy: 0.25, fuzz: true, level: 'low' }
    expect(checkWholeNumbers('demo', options, defaults)).toBe(options)
    expect(() => checkWholeNumbers('demo', { ...options, maxFindings: 1.5 }, defaults)).toThrow(
      "demo option 'maxFindings' must be a whole number of at least 0, got 1.5 (default 5)"
    )
  })

  it.each([
    [
      { maxFindings: -1 },
      "demo option 'maxFindings' must be a whole number of at least 0, got -1 (default 50)"
    ],
    [
      { minScore: 0 },
      "demo option 'minScore' must be a whole number of at least 1, got 0 (default 3)"
    ],
    [
      { share: 101 },
      "demo option 'share' must be a whole number from 0 to 100, got 101 (default 60)"
    ],
    [
      { share: 2.5 },
      "demo option 'share' must be a whole number from 0 to 100, got 2.5 (default 60)"
    ],
    [
      { maxFindings: '10' },
      'demo option \'maxFindings\' must be a whole number of at least 0, got "10" (default 50)'
    ]
  ])('refuses %j, naming the option, the value and the default', (bad, message) => {
    const call = () =>
      checkWholeNumbers('demo', { ...DEFAULTS, ...bad } as typeof DEFAULTS, DEFAULTS, {
        minScore: 1,
        share: [0, 100]
      })
    expect(call).toThrow(ConfigurationError)
    expect(call).toThrow(message)
  })
})

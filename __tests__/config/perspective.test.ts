import { PERSPECTIVES } from '../../perspectives/index.js'
import { parsePerspectiveChoice } from '../../src/config/perspective.js'
import { ConfigurationError } from '../../src/util/errors.js'

const metas = PERSPECTIVES.map((p) => p.meta)

describe('perspective input', () => {
  it.each([
    ['3', 'integration-points'],
    [' 15 ', 'big-picture'],
    ['security', 'security'],
    ['CI-CD', 'ci-cd'],
    ['failure modes', 'failure-modes'],
    ['Test Coverage', 'test-coverage']
  ])('%j selects %s (number, id or title, any case)', (value, id) => {
    const choice = parsePerspectiveChoice(value, metas)
    expect(choice.kind === 'one' && choice.meta.id).toBe(id)
  })

  it('empty means the rotation, `all` (any case) means all 15', () => {
    expect(parsePerspectiveChoice('', metas)).toEqual({ kind: 'rotation' })
    expect(parsePerspectiveChoice(undefined, metas)).toEqual({ kind: 'rotation' })
    expect(parsePerspectiveChoice('ALL', metas)).toEqual({ kind: 'all' })
  })

  it.each(['0', '16', 'securty', '3.0', 'scope,security'])(
    'rejects %j and lists all 15 as "N id"',
    (value) => {
      let error: unknown
      try {
        parsePerspectiveChoice(value, metas)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ConfigurationError)
      const message = (error as Error).message
      expect(message).toContain(`perspective: unknown perspective '${value}'`)
      for (const m of metas) expect(message).toContain(`${m.number} ${m.id}`)
      expect(message).toContain("'all'")
    }
  )
})

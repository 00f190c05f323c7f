import { stringLiteralValue } from '../../../perspectives/shared/literals.js'

describe('stringLiteralValue', () => {
  it.each([
    ["'/users'", '/users'],
    ['"/x/:id"', '/x/:id'],
    ['`/plain`', '/plain'],
    ["r'/raw'", '/raw'],
    ['"""doc"""', 'doc'],
    ["'it\\'s'", "it\\'s"]
  ])('reads %s', (text, value) => {
    expect(stringLiteralValue(text)).toBe(value)
  })

  it.each([['`/a/${id}`'], ["f'/x/{y}'"], ["'a' + 'b'"], ['path'], [''], [undefined]])(
    'refuses computed %s',
    (text) => {
      expect(stringLiteralValue(text)).toBeUndefined()
    }
  )
})

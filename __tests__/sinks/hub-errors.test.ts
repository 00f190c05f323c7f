import { describe, expect, it } from '@jest/globals'
import { HubApiError } from '@huggingface/hub'
import { isTransientHubError, scrubSecret, toHubError } from '../../src/sinks/hub-errors.js'

const TOKEN = 'hf_abcDEF123456789xyz'

function apiError(status: number, text: string): HubApiError {
  const e = new HubApiError('https://hub/api/x', status)
  e.message = `${text}. URL: https://hub/api/x`
  e.data = { error: text }
  return e
}

describe('hub errors', () => {
  it('scrubs the token and anything shaped like a Hub token', () => {
    expect(scrubSecret(`Bearer ${TOKEN} and hf_otherToken12345`, TOKEN)).toBe('Bearer *** and ***')
    expect(scrubSecret('nothing secret', undefined)).toBe('nothing secret')
  })

  it('removes the token even when the Hub echoes it', () => {
    const e = toHubError(
      apiError(400, `bad header Bearer ${TOKEN}`),
      'committing the run',
      'o/d',
      TOKEN
    )
    expect(e.message).toBe(
      'Hugging Face rejected the request while committing the run for o/d (HTTP 400: bad header Bearer ***).'
    )
  })

  it('classifies what is worth retrying', () => {
    expect(isTransientHubError(apiError(503, 'x'))).toBe(true)
    expect(isTransientHubError(apiError(429, 'x'))).toBe(true)
    expect(isTransientHubError(apiError(403, 'x'))).toBe(false)
    expect(isTransientHubError(new TypeError('fetch failed'))).toBe(true)
    expect(isTransientHubError(new Error('bad input'))).toBe(false)
  })
})

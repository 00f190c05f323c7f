// The retry helper against a real HTTP server on 127.0.0.1; waits are recorded, not slept.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  backoffDelay,
  createRetryingFetch,
  parseRetryAfter,
  withRetry
} from '../../src/net/retry.js'

let server: Server
let url: string
let answers: { status: number; headers?: Record<string, string> }[]
let hits: { method: string; body: string }[]

beforeEach(async () => {
  answers = []
  hits = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      hits.push({ method: req.method ?? '', body })
      const answer = answers.shift() ?? { status: 200 }
      res.writeHead(answer.status, { 'Content-Type': 'text/plain', ...answer.headers })
      res.end(`answer ${answer.status}`)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise<void>((r) => server.close(() => r()))
})

/** A clock that moves only when the code under test sleeps. */
function fakeTime() {
  let now = 1_000_000
  const waits: number[] = []
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms)
      now += ms
    }
  }
}

describe('createRetryingFetch', () => {
  it('retries 429 and 5xx with growing waits and returns the success', async () => {
    answers = [{ status: 503 }, { status: 429 }, { status: 502 }]
    const t = fakeTime()
    const f = createRetryingFetch({ ...t, random: () => 1, baseDelayMs: 100 })
    const res = await f(url, { method: 'POST', body: 'payload' })
    expect(res.status).toBe(200)
    expect(t.waits).toEqual([100, 200, 400])
    expect(hits.map((h) => h.body)).toEqual(['payload', 'payload', 'payload', 'payload'])
  })

  it('waits as long as Retry-After asks when that is longer than the backoff', async () => {
    answers = [{ status: 429, headers: { 'Retry-After': '3' } }]
    const t = fakeTime()
    await createRetryingFetch({ ...t, random: () => 0, baseDelayMs: 100 })(url)
    expect(t.waits).toEqual([3000])
  })

  it('does not retry 4xx other than 408 and 429', async () => {
    answers = [{ status: 404 }]
    const res = await createRetryingFetch(fakeTime())(url)
    expect(res.status).toBe(404)
    expect(hits).toHaveLength(1)
  })

  it('returns the last error response when attempts run out', async () => {
    answers = Array.from({ length: 10 }, () => ({ status: 500 }))
    const t = fakeTime()
    const res = await createRetryingFetch({ ...t, maxAttempts: 3 })(url)
    expect(res.status).toBe(500)
    expect(await res.text()).toBe('answer 500')
    expect(hits).toHaveLength(3)
  })

  it('stops when the next wait would not fit in the budget', async () => {
    answers = Array.from({ length: 10 }, () => ({ status: 503, headers: { 'Retry-After': '20' } }))
    const t = fakeTime()
    const res = await createRetryingFetch({ ...t, budgetMs: 30_000 })(url)
    expect(res.status).toBe(503)
    expect(t.waits).toEqual([20_000])
    expect(hits).toHaveLength(2)
  })

  it('leaves requests the caller excludes to the caller', async () => {
    answers = [{ status: 503 }]
    const res = await createRetryingFetch({ ...fakeTime(), noRetry: (m) => m === 'POST' })(url, {
      method: 'POST',
      body: 'x'
    })
    expect(res.status).toBe(503)
    expect(hits).toHaveLength(1)
  })

  it('retries network failures and names the request when giving up', async () => {
    const t = fakeTime()
    const dead = 'http://127.0.0.1:9/never'
    await expect(createRetryingFetch({ ...t, maxAttempts: 2 })(dead)).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:9\/never failed after 2 attempt\(s\)/
    )
    expect(t.waits).toHaveLength(1)
  })

  it('keeps the query string out of its messages', async () => {
    const reasons: string[] = []
    answers = [{ status: 503 }]
    await createRetryingFetch({
      ...fakeTime(),
      onRetry: (i) => reasons.push(`${i.target} ${i.reason}`)
    })(`${url}?token=secret`)
    expect(reasons).toEqual([`GET ${url} HTTP 503`])
  })
})

describe('withRetry', () => {
  it('retries what the predicate allows and can finish early from beforeRetry', async () => {
    const t = fakeTime()
    let calls = 0
    const result = await withRetry(
      async () => {
        calls++
        throw new Error('transient')
      },
      {
        ...t,
        isRetryable: () => true,
        beforeRetry: async () => (calls === 2 ? 'found' : undefined)
      }
    )
    expect(result).toBe('found')
    expect(calls).toBe(2)
  })

  it('throws at once what is not retryable', async () => {
    const t = fakeTime()
    await expect(
      withRetry(async () => Promise.reject(new Error('bad input')), {
        ...t,
        isRetryable: () => false
      })
    ).rejects.toThrow('bad input')
    expect(t.waits).toEqual([])
  })
})

describe('helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000)
    expect(parseRetryAfter('soon', 0)).toBeNull()
    expect(parseRetryAfter(null, 0)).toBeNull()
  })

  it('jitters between half and all of a capped exponential step', () => {
    expect(backoffDelay(1, { baseDelayMs: 100, random: () => 0 })).toBe(50)
    expect(backoffDelay(3, { baseDelayMs: 100, random: () => 1 })).toBe(400)
    expect(backoffDelay(20, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 })).toBe(1000)
  })
})

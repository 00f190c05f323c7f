// A child in its own network namespace still reaches a server it starts on 127.0.0.1 (test suites
// with supertest-style servers), and still cannot reach anything else.
import { describe, expect, it } from '@jest/globals'
import { networkIsolationAvailable, runChild } from '../../src/execute/spawn.js'

const SELF_SERVER = `
const http = require('node:http')
const server = http.createServer((q, s) => s.end('pong')).listen(0, '127.0.0.1', () => {
  http.get('http://127.0.0.1:' + server.address().port, (r) => {
    r.on('data', (d) => { console.log(String(d)); process.exit(0) })
  }).on('error', (e) => { console.log('ERR ' + e.code); process.exit(1) })
})`

const OUTSIDE = `
require('node:net').connect({ host: '192.0.2.1', port: 80, timeout: 2000 })
  .on('connect', () => { console.log('connected'); process.exit(0) })
  .on('timeout', () => { console.log('timeout'); process.exit(2) })
  .on('error', (e) => { console.log('ERR ' + e.code); process.exit(1) })`

const isolated = networkIsolationAvailable() ? describe : describe.skip

isolated('network isolation (unshare -n, as root on Linux)', () => {
  const run = (code: string) =>
    runChild({
      command: process.execPath,
      args: ['-e', code],
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '' },
      timeoutMs: 20_000,
      isolateNetwork: true
    })

  it('a server on 127.0.0.1 answers its own test', async () => {
    const child = await run(SELF_SERVER)
    expect(child.stdout.trim()).toBe('pong')
    expect(child.code).toBe(0)
  }, 30_000)

  it('an outside address is unreachable', async () => {
    const child = await run(OUTSIDE)
    expect(child.stdout.trim()).toBe('ERR ENETUNREACH')
  }, 30_000)
})

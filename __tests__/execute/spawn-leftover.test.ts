// A runner that exits while a process it started still holds its output (nodemon's tests leave a
// watched app running) is done when it exits: what it left behind is stopped (its process group is
// killed), not waited for until the time limit.
import { describe, expect, it } from '@jest/globals'
import { runChild } from '../../src/execute/spawn.js'

const LEAVES_A_CHILD = `
const { spawn } = require('node:child_process')
const left = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' })
console.log('left ' + left.pid)
process.exit(3)`

describe('runChild', () => {
  it('ends with the runner, not with the process it left holding the output', async () => {
    const child = await runChild({
      command: process.execPath,
      args: ['-e', LEAVES_A_CHILD],
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '' },
      // Far beyond the test's own limit: only the runner's exit can end this in time.
      timeoutMs: 600_000
    })
    expect(child.killed).toBe(false)
    expect(child.code).toBe(3)
    expect(child.stdout).toMatch(/^left \d+$/m)
  }, 20_000)
})

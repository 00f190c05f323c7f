// Reading many blobs from git through ONE `git cat-file --batch` process: requests go in on stdin,
// `<oid> <type> <size>\n<bytes>\n` comes back in the same order. Only blobs the caller already knows
// to be under the size limit are requested, so memory stays bounded by what is kept.
import { spawn } from 'node:child_process'
import { GIT_SAFETY_CONFIG, gitEnvironment, GitMissingError } from './git.js'

export type BlobResult = { bytes: Buffer } | { missing: true }

/** Reads the named objects (`<oid>` or `<rev>:<path>`), in order. Rejects when git fails or stops early. */
export function readBlobs(
  cwd: string,
  names: readonly string[],
  timeoutMs = 120_000
): Promise<BlobResult[]> {
  if (names.length === 0) return Promise.resolve([])
  for (const name of names) {
    // A newline would split one request into two and shift every answer after it.
    if (name.includes('\n'))
      return Promise.reject(
        new Error(
          `cannot request a git object whose name contains a newline: ${JSON.stringify(name)}`
        )
      )
  }
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_SAFETY_CONFIG, 'cat-file', '--batch'], {
      cwd,
      env: gitEnvironment(),
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const results: BlobResult[] = []
    let pending: Buffer = Buffer.alloc(0)
    let expected: number | null = null // bytes of the current object still to come (+1 for its newline)
    let stderr = ''
    let settled = false
    const finish = (error?: Error): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (error) {
        child.kill()
        reject(error)
      } else resolve(results)
    }
    const timer = setTimeout(
      () => finish(new Error(`git cat-file --batch took longer than ${timeoutMs} ms`)),
      timeoutMs
    )

    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ENOENT' ? new GitMissingError() : error)
    )
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      for (;;) {
        if (expected === null) {
          const newline = pending.indexOf(10)
          if (newline < 0) break
          const header = pending.subarray(0, newline).toString('utf8')
          pending = pending.subarray(newline + 1)
          if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            results.push({ missing: true })
            continue
          }
          const size = Number(header.slice(header.lastIndexOf(' ') + 1))
          if (!Number.isInteger(size) || size < 0) {
            finish(
              new Error(`git cat-file --batch gave an unexpected header: ${header.slice(0, 200)}`)
            )
            return
          }
          expected = size
        }
        if (pending.length < expected + 1) break
        results.push({ bytes: Buffer.from(pending.subarray(0, expected)) })
        pending = pending.subarray(expected + 1)
        expected = null
      }
      if (results.length === names.length) child.stdin.end()
    })
    child.on('close', (code) => {
      if (results.length === names.length) finish()
      else
        finish(
          new Error(
            `git cat-file --batch stopped after ${results.length} of ${names.length} objects (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`
          )
        )
    })
    child.stdin.on('error', () => {
      // EPIPE when git exits early; 'close' reports it with git's stderr.
    })
    child.stdin.write(names.join('\n') + '\n')
  })
}

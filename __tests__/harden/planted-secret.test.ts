// The planted secret: a GitHub token in a Python `headers=` line, an `all` run through the
// CLI (in-process), and the token counted in everything the run leaves: stdout (text, markdown and
// json reports), stderr, and every file of the results folder. It must appear 0 times, while the
// security finding that names it stays (with the token's prefix and length only).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli.js'
import type { PlanRecord } from '../../src/records/types.js'
import { makeRepository } from '../e2e/harness.js'
import { PLANTED_TOKEN, plantedSecretRepository } from '../helpers/secrets.js'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((p) => join(dir, String(p)))
    .filter((p) => statSync(p).isFile())
}

const count = (text: string, needle: string): number => text.split(needle).length - 1

describe('a planted GitHub token', () => {
  let temp: string
  let repo: string
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'planted-'))
    repo = join(temp, 'repo')
    await makeRepository(repo, plantedSecretRepository())
  }, 60_000)
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  it.each(['text', 'markdown', 'json'])(
    'appears 0 times in what an `all` run leaves (%s report)',
    async (format) => {
      const out = join(temp, `results-${format}`)
      let stdout = ''
      let stderr = ''
      const code = await main(
        ['plan', repo, '--perspective', 'all', '--out', out, '--format', format],
        {
          stdout: { write: (t: string) => (stdout += t) },
          stderr: { write: (t: string) => (stderr += t) },
          env: { PATH: process.env.PATH },
          cwd: temp
        }
      )
      expect(code).toBe(0)
      const files = filesUnder(out)
      expect(files.length).toBeGreaterThan(15)
      const leaks = [stdout, stderr, ...files.map((f) => readFileSync(f, 'utf8'))].reduce(
        (n, text) => n + count(text, PLANTED_TOKEN),
        0
      )
      expect(leaks).toBe(0)
      // The finding that reports it is still there, with the prefix and the length.
      const security = JSON.parse(
        readFileSync(join(out, 'latest', 'security.json'), 'utf8')
      ) as PlanRecord
      const secret = security.findings.find((f) => f.message_id === 'hardcodedSecret')
      expect(secret).toMatchObject({ file: 'svc/client.py', start_line: 7 })
      // Other perspectives quote the same lines: redacted, not dropped.
      const quoting = files.map((f) => readFileSync(f, 'utf8')).join('\n')
      expect(count(quoting, `ghp_***[redacted ${PLANTED_TOKEN.length} chars]`)).toBeGreaterThan(0)
    },
    600_000
  )
})

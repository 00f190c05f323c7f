// mocha before 9 ignores the json reporter's `output` option and prints the report on standard output,
// after whatever the tests print (jshttp's packages pin mocha 6): the report is read from there.
// Here the real mocha writes its json report to standard output, as mocha 6 does.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseMochaJson } from '../../src/execute/reports.js'
import { mochaReportFromStdout } from '../../src/execute/runners.js'
import { PROJECT } from './workspace.js'

describe('a mocha report printed on standard output', () => {
  it('is found after what the tests print, and read case by case', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-mocha-stdout-'))
    try {
      const spec = join(dir, 'a.spec.js')
      await writeFile(
        spec,
        [
          "const assert = require('assert')",
          "describe('clamp', () => {",
          '  it(\'logs and passes\', () => { console.log(\'{ "stats": "not the report" }\'); assert.ok(true) })',
          "  it('fails', () => { assert.strictEqual(1, 2) })",
          '})',
          ''
        ].join('\n')
      )
      let stdout = ''
      try {
        execFileSync(
          process.execPath,
          [join(PROJECT, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'json', spec],
          { cwd: dir, encoding: 'utf8' }
        )
      } catch (error) {
        // One test fails: mocha exits 1; its output is the report.
        stdout = (error as { stdout: string }).stdout
      }
      expect(stdout.startsWith('{ "stats": "not the report" }')).toBe(true)
      const text = mochaReportFromStdout(stdout)
      expect(text).not.toBeNull()
      const report = parseMochaJson(text as string)
      expect(report?.cases.map((c) => [c.name, c.status])).toEqual([
        ['clamp logs and passes', 'passed'],
        ['clamp fails', 'failed']
      ])
      expect(mochaReportFromStdout('1 passing\n')).toBeNull()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

import { buildTerminalReport } from '../../src/report/terminal.js'
import { codeFinding, input, meta, run, spec } from './make-input.js'

const ESC = '\u001b'

describe('buildTerminalReport', () => {
  it('lists findings with file:line, severity and title, specs with file names, and where results went', () => {
    const text = buildTerminalReport(input(), { color: false })
    expect(text).toContain('test-planning 0.1.0: octo/widgets @ 0123456 (main)')
    expect(text).toContain('1. Scope (scope): What are we testing?')
    expect(text).toContain('risk 42/100 (elevated) · 2 findings (1 high, 1 medium) · 1 spec')
    expect(text).toMatch(/HIGH {5}src\/config\.ts:10-12 {2}parseConfig has no test/)
    expect(text).toContain(
      'MEDIUM   repository (looked for files named *.test.ts or test_*.py)  No test files found'
    )
    expect(text).toContain('P1 unit        __tests__/config.test.ts  parseConfig returns an object')
    expect(text).toContain('Next in rotation: 2. failure-modes')
    expect(text).toContain('Results written to .test-planning')
    expect(text).toContain(
      'Dataset: https://huggingface.co/datasets/autocoder/autocoder-test-planning-results'
    )
    expect(text).toContain(
      'Analysed 3 files, 1234 lines (model in 20 ms); skipped 1 too large, 4 vendored'
    )
  })

  it("shows a perspective's own headline above its counts, made safe for the terminal", () => {
    const text = buildTerminalReport(
      input({ runs: [run({ headline: `Overall risk 57/100, readiness: not ready${ESC}[2J` })] }),
      { color: false }
    )
    expect(text).toContain('   Overall risk 57/100, readiness: not ready\uFFFD[2J\n   risk 42/100')
    expect(text).not.toContain(ESC)
  })

  it('names the files with syntax errors and their counts', () => {
    const text = buildTerminalReport(
      input({
        model: {
          files: 3,
          lines: 1234,
          millis: 20,
          syntaxErrors: [
            { path: 'src/types.ts', count: 848 },
            { path: 'b.ts', count: 1 }
          ]
        }
      }),
      { color: false }
    )
    expect(text).toContain('Syntax errors: 848 in src/types.ts, 1 in b.ts\n')
    expect(buildTerminalReport(input(), { color: false })).not.toContain('Syntax errors')
  })

  it('has no ANSI codes without colour, and some with it', () => {
    expect(buildTerminalReport(input(), { color: false })).not.toContain(ESC)
    expect(buildTerminalReport(input(), { color: true })).toContain(`${ESC}[31mHIGH`)
  })

  it('keeps escape sequences from the target repository out of the terminal, even with colour', () => {
    const hostile = codeFinding({ title: `evil${ESC}]0;pwned\u0007title`, file: `a${ESC}[2J.ts` })
    const text = buildTerminalReport(
      input({ runs: [run({ findings: [hostile], specs: [spec({ title: `s${ESC}[1m` })] })] }),
      { color: false }
    )
    expect(text).not.toContain(ESC)
    expect(text).not.toContain('\u0007')
    const colored = buildTerminalReport(input({ runs: [run({ findings: [hostile] })] }), {
      color: true
    })
    expect(colored).not.toContain(`${ESC}]0;`)
    expect(colored).not.toContain(`${ESC}[2J`)
  })

  it('reports not-implemented and failed perspectives, warnings and upload failures', () => {
    const notYet = run({
      meta: meta(2, 'failure-modes', 'Failure modes', 'How can it fail?', false),
      status: 'not-implemented',
      findings: [],
      specs: []
    })
    const failed = run({ status: 'failed', error: 'scope failed: boom', findings: [], specs: [] })
    const text = buildTerminalReport(
      input({
        runs: [failed, notYet],
        rotation: {
          current: 1,
          next: 3,
          source: 'explicit',
          warning: 'add Variables: read and write'
        },
        stored: { localDir: 'out', uploadError: 'HTTP 503' }
      }),
      { color: false }
    )
    expect(text).toContain('not implemented yet in this version: no findings are reported')
    expect(text).toContain('failed: scope failed: boom')
    expect(text).toContain('Warning: add Variables: read and write')
    expect(text).toContain('Upload failed: HTTP 503')
    expect(text).toContain('Next in rotation: 3. integration-points (rotation left alone)')
    expect(text).toContain('2 perspectives: 0 ran, 0 findings in all')
  })

  it('caps long lists with "and N more"', () => {
    const findings = Array.from({ length: 60 }, (_, i) =>
      codeFinding({ id: `f${i}`, startLine: i + 1, endLine: i + 1 })
    )
    const text = buildTerminalReport(input({ runs: [run({ findings })] }), {
      color: false,
      maxFindings: 10
    })
    expect(text).toContain('… and 50 more findings')
    expect(text).toContain('src/config.ts:10  ')
    expect(text).not.toContain('src/config.ts:11  ')
  })
})

// Shared by the specs tests: real parsers for rendered output (the TypeScript compiler for
// JavaScript/TypeScript, CPython's `ast` for Python) and small draft builders.
import { execFile } from 'node:child_process'
import ts from 'typescript'
import type { SpecBody, SpecDraft } from '../../src/specs/types.js'

/**
 * Syntax errors the TypeScript compiler reports for the text. A `.js` name is parsed as JavaScript,
 * where TypeScript-only syntax (type annotations, `as`) is an error too.
 */
export function tsSyntaxErrors(code: string, fileName: string): string[] {
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, kind)
  const parse = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics
  const { diagnostics = [] } = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { allowJs: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
  })
  const messages = [...parse, ...diagnostics].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n')
  )
  return [...new Set(messages)]
}

function runPython(script: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'python3',
      ['-c', script],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`python3 failed: ${error.message}\n${stderr}`))
        else resolve(stdout)
      }
    )
    child.stdin?.end(input)
  })
}

const PARSE_SCRIPT = `
import ast, json, sys
out = []
for source in json.loads(sys.stdin.read()):
    try:
        ast.parse(source)
        out.append(None)
    except SyntaxError as e:
        out.append(f"{e.msg} at line {e.lineno}: {e.text!r}")
print(json.dumps(out))
`

/** For each source: null when CPython's parser accepts it, else the syntax error. One process for all. */
export async function pythonSyntaxErrors(sources: string[]): Promise<(string | null)[]> {
  return JSON.parse(await runPython(PARSE_SCRIPT, JSON.stringify(sources))) as (string | null)[]
}

const EVAL_SCRIPT = `
import ast, json, math, sys
from datetime import datetime
def plain(v):
    if isinstance(v, float) and math.isnan(v): return {"$": "nan"}
    if isinstance(v, float) and math.isinf(v): return {"$": "inf" if v > 0 else "-inf"}
    if isinstance(v, float) and v == 0 and math.copysign(1.0, v) < 0: return {"$": "-0"}
    if isinstance(v, datetime): return {"$date": v.isoformat()}
    if isinstance(v, list): return [plain(x) for x in v]
    if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
    return v
out = []
for mode, source in json.loads(sys.stdin.read()):
    value = ast.literal_eval(source) if mode == "literal" else eval(source, {"datetime": datetime})
    out.append(plain(value))
print(json.dumps(out))
`

/**
 * Evaluates Python expressions in one process: 'literal' through ast.literal_eval (strings,
 * containers, numbers), 'eval' for the forms that need names (float('nan'), datetime, 2**53 - 1).
 * NaN, infinities, -0.0 and datetimes come back tagged since JSON cannot carry them.
 */
export async function evalPython(items: ['literal' | 'eval', string][]): Promise<unknown[]> {
  return JSON.parse(await runPython(EVAL_SCRIPT, JSON.stringify(items))) as unknown[]
}

export function draft(body: SpecBody, overrides: Partial<SpecDraft> = {}): SpecDraft {
  return {
    key: `test:${body.kind}`,
    title: 'parsePort rejects what is not a port',
    level: 'unit',
    target: { file: 'src/port.ts', symbol: 'parsePort', line: 3 },
    rationale: 'ports outside 1..65535 reach listen()',
    covers: ['failure-modes/throw/abc123'],
    expected: 'invalid ports raise a RangeError',
    priority: 'P1',
    body,
    ...overrides
  }
}

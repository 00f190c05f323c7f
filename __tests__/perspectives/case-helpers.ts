// What the perspective tests ask of a run outside the case lists: one finding by kind and place, the
// spec that covers a finding, and whether rendered specs parse (the TypeScript compiler, CPython's ast).
import { execFileSync } from 'node:child_process'
import ts from 'typescript'
import type { FixtureRun } from './harness-checks.js'

type Found = FixtureRun['run']['findings'][number]

/**
 * The finding of that kind in that file at that start line; a file or line left undefined matches any
 * (null matches a repository-level finding). Throws naming what the run did find.
 */
export function findingAt(
  result: FixtureRun,
  messageId: string,
  file?: string | null,
  line?: number | null
): Found {
  const found = result.run.findings.find(
    (f) =>
      f.messageId === messageId &&
      (file === undefined || f.file === file) &&
      (line === undefined || f.startLine === line)
  )
  if (found) return found
  const where = file === undefined ? `line ${line}` : line === undefined ? file : `${file}:${line}`
  const got = result.run.findings.map((f) => `${f.messageId}@${f.file}:${f.startLine}`)
  throw new Error(`no ${messageId} at ${where}; got ${got.join(', ')}`)
}

/** The spec that covers the finding id. */
export function specCovering(result: FixtureRun, id: string): FixtureRun['run']['specs'][number] {
  const spec = result.run.specs.find((s) => s.covers.includes(id))
  if (!spec) throw new Error(`no spec covers ${id}`)
  return spec
}

/** Syntax and transpile errors of TypeScript text, as the compiler words them. */
export function typeScriptErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
  })
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

/** Parse errors only (no transpile step) of a TypeScript spec file. */
export function tsParseErrors(code: string): string[] {
  const file = ts.createSourceFile(
    'spec.test.ts',
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS
  )
  return ((file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []).map(
    (d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')
  )
}

/** Throws when CPython's ast cannot parse the text. */
export function pythonParses(code: string): void {
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: code })
}

/** The files with one edit in one file: `from` must stand there exactly once. For near-miss cases. */
export function edited(
  files: Record<string, string>,
  path: string,
  from: string,
  to: string
): Record<string, string> {
  const text = files[path]
  if (text === undefined) throw new Error(`edited: no file ${path}`)
  if (text.split(from).length !== 2) throw new Error(`edited: '${from}' is not in ${path} once`)
  return { ...files, [path]: text.replace(from, to) }
}

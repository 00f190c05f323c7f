// Constructors that run only for an option value no test gives (docs/evaluation/reach.md, round S).
// bottleneck builds its Redis datastore under `if (this.datastore === "redis" || ...)`; a suite that never
// passes "redis" never builds it, yet the class is live for the reach graph and its methods are reached
// by their names. A branch whose check is only comparisons of an option (a field or key read off a name:
// `options.datastore`, `this.mode`, `opts['kind']`) to string literals, none of which any test file holds
// or any other line of the library passes, is read as not taken for the classes it builds (`new X(...)`,
// Python `X(...)` of a class of ours): their uses there give no reach. A check of anything else
// (an environment variable, a call, a flag) leaves the branch open, as do the other calls in its body.
import type { CodeModel, NotTakenBranch } from './types.js'
import { bodyExtent, joined, matching } from './js-platform-branches.js'

const JS_SOURCE = /\.(c|m)?(j|t)sx?$/
const JS_IF = /^\s*(?:\}\s*)?(?:else\s+)?if\s*\(/
const PY_IF = /^(\s*)(?:el)?if\s+(.+?):\s*(#.*)?$/
/** An option read off a name: `options.datastore`, `this.mode`, `self.opts.kind`, `opts['kind']`. */
const OPTION =
  /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[A-Za-z_$][\w$.]*\[\s*(['"])[\w$-]+\1\s*\])$/
/** Roots whose fields are the platform's or the environment's, not a caller's option. */
const NOT_OPTIONS = /^(process|os|sys|platform|navigator|window|globalThis|document)\b/
const LITERAL = /^(['"])([^'"\\]*)\1$/

/** The literals a check compares one option to, or undefined when it is anything else. */
export function optionLiterals(check: string, python: boolean): string[] | undefined {
  const parts = check.split(python ? /\s+or\s+/ : /\|\|/)
  const out: string[] = []
  for (const raw of parts) {
    const part = raw
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .trim()
    const cmp = (python ? /^(.+?)\s*==\s*(.+)$/ : /^(.+?)\s*===?\s*(.+)$/).exec(part)
    if (!cmp) return undefined
    const [left, right] = [cmp[1].trim(), cmp[2].trim()]
    const [option, literal] = LITERAL.test(right) ? [left, right] : [right, left]
    const value = LITERAL.exec(literal)
    if (!value || !OPTION.test(option) || NOT_OPTIONS.test(option) || value[2] === '')
      return undefined
    out.push(value[2])
  }
  return out.length > 0 ? out : undefined
}

/** The branches that build a class of ours only for an option value nothing here passes. */
export function valueBranches(
  model: CodeModel,
  files: readonly { path: string; text: string }[]
): NotTakenBranch[] {
  const testStrings = new Set<string>()
  const libraryStrings = new Map<string, { path: string; line: number }[]>()
  const classes = new Set<string>()
  for (const module of model.modules) {
    for (const s of module.strings) {
      if (module.isTest) testStrings.add(s.value)
      else {
        const list = libraryStrings.get(s.value) ?? []
        list.push({ path: module.path, line: s.loc.startLine })
        libraryStrings.set(s.value, list)
      }
    }
    if (!module.isTest) for (const c of module.classes) classes.add(c.name)
  }
  const library = new Set(model.modules.filter((m) => !m.isTest).map((m) => m.path))
  // Passed nowhere: no test holds the literal, and the library holds it only in the check itself.
  const passedNowhere = (values: string[], path: string, from: number, to: number): boolean =>
    values.every(
      (v) =>
        !testStrings.has(v) &&
        (libraryStrings.get(v) ?? []).every(
          (s) => s.path === path && s.line >= from && s.line <= to
        )
    )
  const out: NotTakenBranch[] = []
  for (const file of files) {
    if (!library.has(file.path)) continue
    const python = file.path.endsWith('.py')
    if (!python && (!JS_SOURCE.test(file.path) || file.path.endsWith('.d.ts'))) continue
    const lines = file.text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const branch = python ? pyBranch(lines, i) : jsBranch(lines, i)
      if (!branch) continue
      const values = optionLiterals(branch.check, python)
      if (!values || !passedNowhere(values, file.path, i + 1, branch.checkEnd + 1)) continue
      const body = lines.slice(i, branch.end + 1).join('\n')
      const built = new Set<string>()
      const pattern = python ? /\b([A-Z]\w*)\s*\(/g : /\bnew\s+([A-Z][\w$]*)\s*\(/g
      for (const m of body.matchAll(pattern)) if (classes.has(m[1])) built.add(m[1])
      if (built.size === 0) continue
      out.push({
        path: file.path,
        startLine: i + 1,
        endLine: branch.end + 1,
        names: [...built].sort(),
        runsOn: `runs only where \`${branch.check.trim()}\` holds (no test passes ${values
          .map((v) => `"${v}"`)
          .join(' or ')})`
      })
    }
  }
  return out
}

function jsBranch(
  lines: readonly string[],
  i: number
): { check: string; checkEnd: number; end: number } | undefined {
  if (!JS_IF.test(lines[i])) return undefined
  const open = lines[i].indexOf('(', lines[i].search(/\bif\s*\(/))
  const close = matching(lines, i, open, '(', ')')
  if (!close) return undefined
  const body = bodyExtent(lines, close.line, close.column + 1)
  if (!body) return undefined
  return {
    check: joined(lines, i, open + 1, close.line, close.column),
    checkEnd: close.line,
    end: body.line
  }
}

function pyBranch(
  lines: readonly string[],
  i: number
): { check: string; checkEnd: number; end: number } | undefined {
  const head = PY_IF.exec(lines[i])
  if (!head) return undefined
  const indent = head[1].length
  let end = i
  for (let l = i + 1; l < lines.length; l++) {
    if (lines[l].trim() === '' || lines[l].trim().startsWith('#')) continue
    if (lines[l].length - lines[l].trimStart().length <= indent) break
    end = l
  }
  return end === i ? undefined : { check: head[2], checkEnd: i, end }
}

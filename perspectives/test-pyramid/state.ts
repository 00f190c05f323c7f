// Module-level mutable state in test files: written by several tests (shared state), or written by
// one test and read by another (order dependence), with no set-up hook resetting it. Writes are
// mutating method calls on the variable (`cache.set`, `items.push`) and, in Python, augmented and
// subscript assignments; reads are approximate: the variable's name as a word in another test's text.
import type { Location, ModuleVariable, TestCase } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import type { TestFile } from './classify.js'
import { evidenceAt, type Found, hookRanges, inHook, testAt, testLabel } from './context.js'
import { MUTATORS } from './signals.js'

function writesOf(file: TestFile, v: ModuleVariable): Location[] {
  const out: Location[] = []
  for (const call of file.module.calls) {
    const r = call.receiver
    if (!r || !MUTATORS.has(call.name)) continue
    if (r === v.name || r.startsWith(`${v.name}.`) || r.startsWith(`${v.name}[`)) out.push(call.loc)
  }
  for (const a of file.module.assignments ?? []) if (a.name === v.name) out.push(a.loc)
  return out
}

const IDENT = /[A-Za-z0-9_$]/

/** The first line (1-based) in the test's range where `name` appears as a whole word, not as `.name`. */
function readLine(
  quote: Quoter,
  path: string,
  test: TestCase,
  name: string,
  skip: Set<number>
): number | undefined {
  const lines = quote.lines(path)
  for (let n = test.loc.startLine + 1; n <= Math.min(test.loc.endLine, lines.length); n++) {
    if (skip.has(n)) continue
    const text = lines[n - 1]
    let at = text.indexOf(name)
    while (at >= 0) {
      const before = at > 0 ? text[at - 1] : ''
      const after = text[at + name.length] ?? ''
      if (!IDENT.test(before) && before !== '.' && !IDENT.test(after)) return n
      at = text.indexOf(name, at + 1)
    }
  }
  return undefined
}

export function checkState(files: TestFile[], quote: Quoter): Found[] {
  const out: Found[] = []
  for (const file of files) {
    const path = file.module.path
    const hooks = hookRanges(file.module)
    for (const v of file.module.variables) {
      const writes = writesOf(file, v)
      if (writes.length === 0 || writes.some((w) => inHook(hooks, w))) continue
      const writers = new Map<TestCase, Location>()
      for (const w of writes) {
        const t = testAt(file, w)
        if (t && !writers.has(t)) writers.set(t, w)
      }
      if (writers.size === 0) continue
      const names = [...writers.keys()].map((t) => testLabel(t))
      if (writers.size >= 2) {
        out.push({
          file,
          draft: {
            messageId: 'sharedMutableState',
            data: {
              name: v.name,
              declaration:
                v.declaration === 'assignment'
                  ? `a module-level ${v.initKind}`
                  : `${v.declaration} ${v.initKind}`,
              file: path,
              writers: writers.size,
              tests:
                names.slice(0, 3).join(', ') +
                (names.length > 3 ? ` and ${names.length - 3} more` : '')
            },
            severity: 'medium',
            confidence: 'medium',
            rationale:
              'Tests that change the same module-level value pass or fail depending on which ran before them, and break when run alone or in parallel.',
            evidence: evidenceAt(quote, path, v.loc),
            key: `shared|${v.name}`
          }
        })
      }
      const writeLines = new Set(writes.map((w) => w.startLine))
      const [writer] = writers.keys()
      for (const test of file.tests) {
        if (writers.has(test)) continue
        const line = readLine(quote, path, test, v.name, writeLines)
        if (line === undefined) continue
        out.push({
          file,
          draft: {
            messageId: 'orderDependence',
            data: { reader: testLabel(test), writer: testLabel(writer), name: v.name, file: path },
            severity: 'medium',
            confidence: 'low',
            rationale:
              'A test that reads state another test changes passes only in one order; shuffled or parallel runs and running it alone fail.',
            evidence: evidenceAt(quote, path, { startLine: line, endLine: line }),
            key: `order|${v.name}`
          }
        })
        break
      }
    }
  }
  return out
}

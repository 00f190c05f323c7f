// Tests to move down the pyramid: an integration or end-to-end test file that imports a source
// module and names one of its exported functions, where no unit test file does. The function can be
// tested on its own; the spec is a unit test of it (a call table with sample arguments when the
// parameter types give values, a todo naming what to arrange otherwise).
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { publicUnits } from '../shared/units.js'
import {
  effectiveCallee,
  importedLocals,
  type TestFile,
  touchOfCall,
  touchOfImport
} from './classify.js'
import { evidenceAt, type Found } from './context.js'
import { LEVEL_NAMES } from './shape.js'
import { TOUCH_FAKES } from './signals.js'

/**
 * Whether the function does I/O itself (a server, a database client, the network, file writes, a
 * process): then it cannot run in isolation without fakes, and moving its test down is not a quick win.
 */
function touchesItself(
  module: ModuleModel,
  fn: FunctionDecl,
  locals: Map<string, string>
): boolean {
  const prefix = `${fn.qualifiedName}.`
  for (const call of module.calls) {
    if (call.enclosing !== fn.qualifiedName && !call.enclosing?.startsWith(prefix)) continue
    const callee = effectiveCallee(call, locals)
    if (touchOfCall(callee) || touchOfImport(callee.split('.')[0] ?? '') || touchOfImport(callee))
      return true
  }
  return false
}

/** Whether a call names the symbol: `symbol(...)`, `mod.symbol(...)` or a local alias of it. */
function callsSymbol(callee: string, symbol: string): boolean {
  return callee === symbol || callee.endsWith(`.${symbol}`)
}

/**
 * Whether one test of the file calls the function directly and touches nothing itself: that test is
 * a unit test of the function already, whatever the rest of its file does (judges called the claim
 * false on httpie, where test_output.py unit-tests get_lexer beside its integration tests).
 */
function unitTestedInFile(f: TestFile, symbol: string): boolean {
  return f.tests.some((test) => {
    const calls = f.module.calls.filter(
      (c) => c.loc.startLine >= test.loc.startLine && c.loc.endLine <= test.loc.endLine
    )
    const callees = calls.map((c) => effectiveCallee(c, f.locals))
    const named = callees.some((callee) => callsSymbol(callee, symbol))
    const touches = callees.some(
      (callee) => touchOfCall(callee) || touchOfImport(callee.split(/[.(]/)[0] ?? '')
    )
    return named && !touches
  })
}

/**
 * A command's entry function: `main`, or the function a manifest's `bin` / `[project.scripts]` / entry
 * points name (`pyflakes.api:main`). Its behaviour is the command's output for its arguments, so a test
 * that runs it on real files is at its own level, and the pieces it calls are where unit tests go
 * (judged false on pyflakes' `main(args=...)`, session 7).
 */
function commandEntry(model: CodeModel, module: ModuleModel, symbol: string): boolean {
  if (symbol === 'main') return true
  const dotted = module.path
    .replace(/\.[^./]+$/, '')
    .replace(/\/__init__$/, '')
    .split('/')
    .join('.')
  const named = (ref: string) => {
    const [target, fn] = ref.split(':').map((s) => s.trim())
    return fn === symbol && target !== undefined && dotted.endsWith(target)
  }
  return model.facts.manifests.some(
    (m) =>
      Object.values(m.bin).some(named) ||
      Object.values(m.entryPoints ?? {}).some((group) => Object.values(group).some(named))
  )
}

export function checkMoveDown(model: CodeModel, files: TestFile[], quote: Quoter): Found[] {
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  // What unit tests already reach: module#symbol.
  const unitReach = new Set<string>()
  for (const f of files) {
    if (f.level !== 'unit') continue
    for (const target of f.module.test?.importedModules ?? [])
      for (const s of f.module.test?.referencedSymbols ?? []) unitReach.add(`${target}#${s}`)
  }
  const out: Found[] = []
  const seen = new Set<string>()
  for (const f of files) {
    if (f.level === 'unit') continue
    const symbols = new Set(f.module.test?.referencedSymbols ?? [])
    for (const target of f.module.test?.importedModules ?? []) {
      const module = byPath.get(target)
      if (!module || module.isTest) continue
      const decl = f.module.imports.find((d) => d.resolved === target)
      if (!decl) continue
      const locals = importedLocals(module)
      for (const unit of publicUnits(module)) {
        if (
          unit.kind !== 'function' ||
          !unit.function ||
          touchesItself(module, unit.function, locals)
        )
          continue
        const symbol = unit.exportNames.find((n) => symbols.has(n))
        if (!symbol || symbol === 'default' || commandEntry(model, module, symbol)) continue
        const key = `${target}#${symbol}`
        if (unitReach.has(key) || seen.has(key) || unitTestedInFile(f, symbol)) continue
        seen.add(key)
        const without = [...f.touches].map((t) => TOUCH_FAKES[t])
        out.push({
          file: f,
          subject: { module, symbol },
          draft: {
            messageId: 'testCanMoveDown',
            data: {
              symbol,
              module: target,
              level: LEVEL_NAMES[f.level],
              file: f.module.path,
              reasons:
                f.reasons
                  .slice(0, 2)
                  .map((r) => r.text)
                  .join('; ') || 'its folder',
              without: without.length > 0 ? without.join(', ') : 'the set-up of the larger test'
            },
            severity: 'low',
            confidence: 'medium',
            rationale:
              'Logic checked only through slow tests is checked late and vaguely; a unit test pins it down in isolation and runs on every save.',
            evidence: evidenceAt(quote, f.module.path, decl.loc),
            key,
            symbol
          }
        })
      }
    }
  }
  return out
}

export function subjectFunction(module: ModuleModel, symbol: string) {
  return publicUnits(module).find((u) => u.kind === 'function' && u.exportNames.includes(symbol))
    ?.function
}

// Where things sit inside a test file: which test case or hook a location belongs to.
import type { Location, ModuleModel, TestCase } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import type { FindingDraft } from '../types.js'
import type { TestFile } from './classify.js'
import type { TestPyramidMessageId } from './messages.js'
import { JS_HOOKS, PY_HOOKS } from './signals.js'
import { within } from '../kit/index.js'

export type Draft = FindingDraft<TestPyramidMessageId>

export interface Found {
  draft: Draft
  file?: TestFile
  /** For specs: the source module and exported symbol a test could reach in isolation. */
  subject?: { module: ModuleModel; symbol: string }
}

/** The innermost test case containing a location. */
export function testAt(file: TestFile, loc: Location): TestCase | undefined {
  let best: TestCase | undefined
  for (const t of file.tests) {
    if (within(loc, t.loc) && (!best || t.loc.startLine >= best.loc.startLine)) best = t
  }
  return best
}

/** Locations of set-up/tear-down hooks: JS hook calls, Python setUp-style methods and pytest fixtures. */
export function hookRanges(module: ModuleModel): Location[] {
  const out: Location[] = []
  if (module.language === 'python') {
    for (const fn of module.functions) {
      if (PY_HOOKS.has(fn.name) || (fn.decorators ?? []).some((d) => /(^|\.)fixture\b/.test(d)))
        out.push(fn.loc)
    }
  } else {
    for (const call of module.calls)
      if (!call.receiver && JS_HOOKS.has(call.callee)) out.push(call.loc)
  }
  return out
}

export function inHook(hooks: Location[], loc: Location): boolean {
  return hooks.some((h) => within(loc, h))
}

/** `test 'adds two numbers'` or `module scope`. */
export function testLabel(test: TestCase | undefined): string {
  if (!test) return 'module scope'
  const name = test.name.length > 60 ? `${test.name.slice(0, 57)}…` : test.name
  return `test '${name}'`
}

export function evidenceAt(
  quote: Quoter,
  file: string,
  loc: Pick<Location, 'startLine' | 'endLine'>
) {
  return quote.evidence(file, { startLine: loc.startLine, endLine: loc.startLine }, 1)
}

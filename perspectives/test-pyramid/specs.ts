// Specs that move tests down the pyramid. For a function reached only by integration or end-to-end
// tests: a unit test calling it directly (a call row with sample arguments built from the declared
// parameter types, expected to run without the I/O the larger test needed), or a todo naming the
// parameters to arrange. For a unit test on the real network: a todo saying which call to replace
// with which fake, since the value the fake must return is only known to the test's author.
import type { SpecDraft } from '../../src/specs/types.js'
import { findingId } from '../contract.js'
import { planArguments } from '../shared/values.js'
import type { Found } from './context.js'
import { subjectFunction } from './movedown.js'

function id(found: Found): string {
  const ev = found.draft.evidence
  return findingId(
    'test-pyramid',
    found.draft.messageId,
    'file' in ev ? ev.file : null,
    found.draft.key
  )
}

function moveDownSpec(found: Found): SpecDraft | undefined {
  const subject = found.subject
  if (!subject) return undefined
  const fn = subjectFunction(subject.module, subject.symbol)
  if (!fn) return undefined
  const { symbol, module } = subject
  const from = String(found.draft.data.file)
  const base = {
    key: `movedown:${module.path}#${symbol}`,
    level: 'unit' as const,
    target: { file: module.path, symbol, line: fn.loc.startLine },
    rationale: `${symbol}() is exercised only by ${from}; a unit test checks it without ${String(found.draft.data.without)}.`,
    covers: [id(found)],
    priority: 'P3' as const
  }
  const plan = planArguments(fn.params, module.language)
  if (!plan.ok) {
    const names = plan.unknown.map((p) => p.name).join(', ')
    return {
      ...base,
      title: `${symbol}() works on its own, without the set-up of ${from} (TODO: arrange ${names} as ${from} does)`,
      expected: `${symbol}() returns what ${from} observes through the larger test, called directly with in-memory inputs`,
      body: { kind: 'steps', module: module.path, steps: {}, async: fn.async }
    }
  }
  return {
    ...base,
    title: `${symbol}() runs on its own with sample arguments (then pin the result ${from} checks)`,
    expected: `${symbol}() ${fn.async ? 'resolves' : 'returns'} without a server, database, files or processes`,
    body: {
      kind: 'call',
      module: module.path,
      symbol,
      async: fn.async,
      cases: [
        {
          name: `${symbol} with sample arguments`,
          args: plan.args,
          expect: { kind: 'does-not-throw' }
        }
      ]
    }
  }
}

function networkSpec(found: Found): SpecDraft | undefined {
  const ev = found.draft.evidence
  if (!('file' in ev) || !found.file) return undefined
  const python = found.file.module.language === 'python'
  const fake = python
    ? 'responses, respx or monkeypatch'
    : 'a stub of fetch (jest.spyOn(globalThis, "fetch"), msw or nock)'
  return {
    key: `network:${ev.file}#${found.draft.key}`,
    level: 'unit',
    target: { file: ev.file, line: ev.startLine },
    rationale: String(found.draft.rationale),
    covers: [id(found)],
    priority: 'P2',
    title: `${String(found.draft.data.test)} passes with ${String(found.draft.data.callee)}() answered by ${fake} (TODO: the response the test needs)`,
    expected: `the test gives the same result with the network unplugged`,
    body: { kind: 'steps', steps: {}, async: true }
  }
}

/** Runnable specs first, then todos, up to maxSpecs. */
export function buildSpecs(found: Found[], maxSpecs: number): SpecDraft[] {
  const runnable: SpecDraft[] = []
  const todos: SpecDraft[] = []
  for (const f of found) {
    const spec =
      f.draft.messageId === 'testCanMoveDown'
        ? moveDownSpec(f)
        : f.draft.messageId === 'networkInUnitTest'
          ? networkSpec(f)
          : undefined
    if (!spec) continue
    if (spec.body.kind === 'call') runnable.push(spec)
    else todos.push(spec)
  }
  return [...runnable, ...todos].slice(0, maxSpecs)
}

// Specs for data-integrity findings. Serialise/parse pairs get property-based round-trip specs (fast-check
// for JavaScript/TypeScript, hypothesis for Python) with the generator derived from the declared type;
// argument mutation gets an example-based spec that passes a value and asserts it is unchanged afterwards.
// The other kinds cannot be shown by a plain call (a crash mid-write, a failing second write, a machine
// in another time zone): their specs are todos that say what to arrange and what to assert.
import type { FunctionDecl } from '../../src/model/types.js'
import type { RenderTarget, SpecDraft, SpecValue } from '../../src/specs/types.js'
import { renderJsValue, renderPyValue } from '../../src/specs/values.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import { sampleForType } from '../shared/values.js'
import type { Found } from './context.js'
import type { PairSpec } from './pairs.js'
import { SPEC_PRIORITY } from '../kit/index.js'

/** The renderer takes a path with a folder (or `./`) as a repository file, anything else as a package. */
function repositoryImport(path: string): string {
  return path.includes('/') ? path : `./${path}`
}

export function buildSpecs(
  found: Found[],
  target: RenderTarget,
  maxSpecs: number,
  numRuns: number
): SpecDraft[] {
  const runnable: SpecDraft[] = []
  const todos: SpecDraft[] = []
  const seen = new Set<string>()
  for (const f of found) {
    const spec = specFor(f, target, numRuns)
    if (seen.has(spec.key)) continue
    seen.add(spec.key)
    const steps = spec.body.kind === 'steps' ? spec.body.steps : {}
    if (steps.javascript !== undefined || steps.python !== undefined) runnable.push(spec)
    else todos.push(spec)
  }
  return [...runnable, ...todos].slice(0, maxSpecs)
}

function specFor(found: Found, target: RenderTarget, numRuns: number): SpecDraft {
  const { draft, info } = found
  const file = info.module.path
  const data = draft.data
  const where = String(data.where ?? file)
  const base = {
    key: `${draft.messageId}:${file}#${draft.key}`,
    level: 'unit' as const,
    target: {
      file,
      ...(found.fn ? { symbol: found.fn.qualifiedName } : {}),
      line: 'file' in draft.evidence ? draft.evidence.startLine : 1
    },
    rationale: draft.rationale,
    covers: [findingId('data-integrity', draft.messageId, file, draft.key)],
    priority: SPEC_PRIORITY[draft.severity]
  }
  const todo = (title: string, expected: string): SpecDraft => ({
    ...base,
    title,
    expected,
    body: { kind: 'steps', module: file, steps: {}, async: found.fn?.async ?? false }
  })
  switch (draft.messageId) {
    case 'roundTripPair': {
      const pair = found.spec?.pair as PairSpec
      return (
        pairSpec(found, base, pair, target, numRuns) ??
        todo(
          `${pair.decodeName}(${pair.encodeName}(x)) returns x (TODO: ${pair.blocked ?? ''}${pair.blocked && !pair.generator.ok ? '; ' : ''}${pair.generator.ok ? '' : `write ${pair.generator.missing}`})`,
          `for every generated x, ${pair.decodeName}(${pair.encodeName}(x)) equals x`
        )
      )
    }
    case 'argumentMutation':
      return (
        mutationSpec(found, base, target) ??
        todo(
          `${where} leaves the caller's ${String(data.param)} unchanged (TODO: build a ${String(data.param)} value, deep-copy it, call, assert it equals the copy)`,
          `after the call, the ${String(data.param)} passed in is deep-equal to a copy taken before it`
        )
      )
    case 'nonAtomicWrite':
      return todo(
        `${where} never leaves a half-written file (TODO: write a known old content first, make ${String(data.callee)}() fail after a partial write — stub it to write half the data and throw — then assert the destination still holds the old content)`,
        'after a failed write the destination holds the old content or the new one, never a mix: write to a temporary file in the same folder and rename it'
      )
    case 'writesWithoutTransaction':
      return todo(
        `${where} changes all or nothing (TODO: run it against a test database, make the last of its writes fail (stub it to throw), then assert the rows written before it are rolled back)`,
        'when one write fails, none of the writes of the call remain'
      )
    case 'floatMoney':
      return todo(
        `${where} keeps ${String(data.name)} exact to the cent (TODO: call it with values that binary floats cannot hold — 0.1 and 0.2, or 19.99 × 3 — and assert the exact decimal result, 0.3 and 59.97)`,
        `${String(data.name)} comes out exact in decimal, with no 0.30000000000000004 or 59.970000000000006`
      )
    case 'unvalidatedInput':
      return todo(
        `${where} rejects a ${String(data.source)} of the wrong shape (TODO: feed it a missing required field, a string where a number belongs and an array instead of an object; assert a clear validation error each time)`,
        `a malformed ${String(data.source)} is refused with a validation error before any of it is used or stored`
      )
    case 'localTimeParsing':
      return todo(
        `${where} gives the same result in every time zone (TODO: run it under TZ=UTC and TZ=Pacific/Auckland — process.env.TZ set before the first Date, or time.tzset() in Python — and assert equal results)`,
        'the result does not depend on the time zone of the machine'
      )
  }
}

type Base = Omit<SpecDraft, 'title' | 'expected' | 'body'>

function pairSpec(
  found: Found,
  base: Base,
  pair: PairSpec,
  target: RenderTarget,
  numRuns: number
): SpecDraft | undefined {
  if (!pair.generator.ok || pair.blocked) return undefined
  const gen = pair.generator.code
  const { encodeName: enc, decodeName: dec } = pair
  const async = pair.encode.async || pair.decode.async
  const title = `${dec}(${enc}(x)) returns x for every generated ${pair.generator.domain}`
  const expected = `${dec}(${enc}(x)) equals x for every x the generator ${gen} produces`
  const file = found.info.module.path
  if (found.info.dialect === 'python') {
    if (async) return undefined
    const code = [
      '@given(' + gen + ')',
      'def round_trip(value):',
      `    assert ${dec}(${enc}(value)) == value`,
      '',
      'round_trip()'
    ].join('\n')
    return {
      ...base,
      title,
      expected,
      body: {
        kind: 'steps',
        module: file,
        imports: [
          { from: 'hypothesis', names: ['given', 'strategies as st'] },
          { from: repositoryImport(file), names: [enc, dec] }
        ],
        steps: { python: code },
        async: false
      }
    }
  }
  const expectStyle = target.framework === 'jest' || target.framework === 'vitest'
  const actual = async ? `await ${dec}(await ${enc}(value))` : `${dec}(${enc}(value))`
  const check = expectStyle
    ? `expect(${actual}).toEqual(value)`
    : `assert.deepStrictEqual(${actual}, value)`
  const code = [
    `${async ? 'await ' : ''}fc.assert(`,
    `  fc.${async ? 'asyncProperty' : 'property'}(${gen}, ${async ? 'async ' : ''}(value) => {`,
    `    ${check}`,
    '  }),',
    `  { numRuns: ${numRuns} }`,
    ')'
  ].join('\n')
  const imports = [
    { from: 'fast-check', names: ['default as fc'] },
    { from: repositoryImport(file), names: [...new Set([enc, dec])] }
  ]
  return {
    ...base,
    title,
    expected,
    body: { kind: 'steps', module: file, imports, steps: { javascript: code }, async }
  }
}

/** A value of the mutated parameter's declared type that shows a change: unsorted, more than one entry. */
function mutableSample(type: string | undefined, python: boolean): string | undefined {
  if (!type) return undefined
  const t = type.trim()
  if (python) {
    if (/^(list|List|Sequence|MutableSequence)\[int\]$/.test(t)) return '[3, 1, 2]'
    if (/^(list|List|Sequence|MutableSequence)\[str\]$/.test(t)) return "['c', 'a', 'b']"
    if (/^(dict|Dict|MutableMapping)\[str,\s*int\]$/.test(t)) return "{'b': 2, 'a': 1}"
    if (/^(dict|Dict|MutableMapping)\[str,\s*str\]$/.test(t)) return "{'b': 'y', 'a': 'x'}"
    if (/^(set|Set)\[int\]$/.test(t)) return '{3, 1, 2}'
    return undefined
  }
  if (/^(number\[\]|Array<number>)$/.test(t)) return '[3, 1, 2]'
  if (/^(string\[\]|Array<string>)$/.test(t)) return "['c', 'a', 'b']"
  if (/^Record<string,\s*number>$/.test(t)) return '{ b: 2, a: 1 }'
  if (/^Record<string,\s*string>$/.test(t)) return "{ b: 'y', a: 'x' }"
  if (/^Map<string,\s*number>$/.test(t)) return "new Map([['b', 2], ['a', 1]])"
  if (/^Set<number>$/.test(t)) return 'new Set([3, 1, 2])'
  return undefined
}

function callableName(found: Found, fn: FunctionDecl): string | undefined {
  if (!fn.exported || fn.className || fn.qualifiedName !== fn.name) return undefined
  if (found.info.dialect === 'python') return fn.name
  const names = exportNamesOf(found.info.module, fn.name)
  return names.includes(fn.name) ? fn.name : names.find((n) => n !== 'default')
}

function mutationSpec(found: Found, base: Base, target: RenderTarget): SpecDraft | undefined {
  const fn = found.fn
  const param = String(found.draft.data.param)
  if (!fn) return undefined
  const name = callableName(found, fn)
  if (!name) return undefined
  const python = found.info.dialect === 'python'
  const positional = fn.params.filter(
    (p) => !p.rest && !(python && (p.name === 'self' || p.name === 'cls'))
  )
  const index = positional.findIndex((p) => p.name === param)
  if (index < 0) return undefined
  const sample = mutableSample(positional[index].type, python)
  if (!sample) return undefined
  const required = (i: number) =>
    !positional[i].optional && positional[i].defaultValue === undefined
  let last = index
  positional.forEach((_, i) => {
    if (required(i)) last = Math.max(last, i)
  })
  const imports = new Set<string>()
  const args: string[] = []
  for (let i = 0; i <= last; i++) {
    if (i === index) {
      args.push('value')
      continue
    }
    if (!required(i)) {
      if (python) return undefined
      args.push('undefined')
      continue
    }
    const v: SpecValue | undefined = sampleForType(positional[i].type, found.info.module.language)
    if (v === undefined) return undefined
    args.push(python ? renderPyValue(v, imports) : renderJsValue(v))
  }
  if (imports.size > 0) return undefined
  const file = found.info.module.path
  const title = `${name}() leaves the caller's ${param} unchanged`
  const expected = `after ${name}(…) the ${param} passed in still deep-equals a copy taken before the call`
  const call = `${fn.async ? 'await ' : ''}${name}(${args.join(', ')})`
  if (python) {
    const code = [
      `value = ${sample}`,
      'before = copy.deepcopy(value)',
      call,
      'assert value == before'
    ].join('\n')
    return {
      ...base,
      title,
      expected,
      body: {
        kind: 'steps',
        module: file,
        imports: [
          { from: 'copy', names: [] },
          { from: repositoryImport(file), names: [name] }
        ],
        steps: { python: code },
        async: fn.async
      }
    }
  }
  const expectStyle = target.framework === 'jest' || target.framework === 'vitest'
  const clone = sample.startsWith('new ')
    ? `new ${sample.startsWith('new Map') ? 'Map' : 'Set'}(value)`
    : 'structuredClone(value)'
  const code = [
    `const value = ${sample}`,
    `const before = ${clone}`,
    call,
    expectStyle ? 'expect(value).toEqual(before)' : 'assert.deepStrictEqual(value, before)'
  ].join('\n')
  const jsImports = [{ from: repositoryImport(file), names: [name] }]
  return {
    ...base,
    title,
    expected,
    body: {
      kind: 'steps',
      module: file,
      imports: jsImports,
      steps: { javascript: code },
      async: fn.async
    }
  }
}

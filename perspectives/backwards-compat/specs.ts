// API contract specs: each pins one public signature as it is at HEAD, so that the next change to it
// fails a test and has to be decided on purpose. JavaScript/TypeScript: the export is a function and
// its `length` (parameters before the first default or rest); a TypeScript function whose signature
// names only built-in types also gets a type-level pin the project's type check evaluates; other
// functions (Python's too) carry rows the validation stage calls (the project's tests' literal
// arguments, plain values of the declared types), whose observed values and error types become the
// assertions. Python: `inspect.signature` parameter names, kinds and literal defaults when nothing
// can be observed. Changed signatures first, then the entry modules' API.
import {
  AS_CALLED_IN,
  type CallSpecBody,
  type RenderTarget,
  type SpecCase,
  type SpecDraft,
  type SpecValue
} from '../../src/specs/types.js'
import { jsString, pyString } from '../../src/specs/values.js'
import type { CallArgument } from '../../src/model/types.js'
import { argumentValue, callsOf, type TestCalls } from '../shared/test-calls.js'
import type { ApiItem } from './api.js'
import { describeSignature } from './api.js'

export interface SpecSubject {
  item: ApiItem
  /** Ids of the findings about this item (changed signatures). */
  covers: string[]
}

const PY_LITERAL = /^(-?\d+(\.\d+)?|None|True|False|'[^'\\\n]*'|"[^"\\\n]*")$/

/** A default export that is a function (`module.exports = parse`, `export default function parse`), named by its local name. */
function isDefaultFunction(item: ApiItem): boolean {
  return (
    item.name === 'default' &&
    item.kind === 'function' &&
    item.language !== 'python' &&
    item.params !== undefined &&
    /^[A-Za-z_$][\w$]*$/.test(item.local) &&
    item.local !== 'default'
  )
}

function isRunnable(item: ApiItem): boolean {
  if (item.declaration) return false
  // A default function is called through its local name; other defaults (and `default.ANY`) have none.
  if (item.name === 'default') return isDefaultFunction(item)
  if (item.name.startsWith('default.')) return false
  if (item.name.startsWith('*')) return false
  if (item.kind === 'class') return true
  return (item.kind === 'function' || item.kind === 'method') && item.params !== undefined
}

/** `.length` of a JavaScript function: parameters before the first with a default, or a rest. */
function jsLength(item: ApiItem): number {
  const params = item.params ?? []
  const first = params.findIndex((p) => p.rest || p.defaultValue !== undefined)
  return first < 0 ? params.length : first
}

/** Type names every TypeScript program knows: a signature made only of these can be written in a test as is. */
const BUILT_IN_TYPES = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'undefined',
  'void',
  'unknown',
  'any',
  'never',
  'object',
  'true',
  'false',
  'readonly',
  'Promise',
  'Array',
  'ReadonlyArray',
  'Record'
])

/**
 * The compiler's view of the contract, for a TypeScript function whose signature names only built-in
 * types: `const contract: (text: string, limit?: number) => string = subject` compiles while every call
 * written for that signature still type-checks (a parameter made required or narrowed, or a return
 * widened, is a compile error in the project's type check). Null for anything else (generics, the
 * package's own types, JavaScript, members).
 */
export function typePin(item: ApiItem): { params: string; returns: string } | null {
  if (item.language !== 'typescript' || item.declaration || item.kind !== 'function') return null
  if (item.name.includes('.') || item.params === undefined || !item.returnType) return null
  const types = [...item.params.map((p) => p.type), item.returnType]
  if (types.some((t) => t === undefined)) return null
  const known = (type: string): boolean =>
    (type.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '').match(/[A-Za-z_$][\w$]*/g) ?? []).every((w) =>
      BUILT_IN_TYPES.has(w)
    )
  if (!types.every((t) => known(t as string))) return null
  const params = item.params.map(
    (p) =>
      `${p.rest ? '...' : ''}${p.name}${(p.optional || p.defaultValue !== undefined) && !p.rest ? '?' : ''}: ${p.type}`
  )
  const returns =
    item.async && !/^Promise</.test(item.returnType)
      ? `Promise<${item.returnType}>`
      : item.returnType
  return { params: params.join(', '), returns }
}

/**
 * The pin as a type the project's type check evaluates: every argument list the old parameters
 * accept is still accepted (a parameter made required or narrowed fails), and the result still fits
 * the old return type (a widened return fails). TypeScript's function assignability alone lets a
 * required parameter stand for an optional one, so the parameter lists are compared as tuples.
 */
function pinLines(pin: { params: string; returns: string }): string[] {
  return [
    `// The compiler pins the contract (${pin.params}) => ${pin.returns}: the type check fails here`.replace(
      /\s+/g,
      ' '
    ),
    '// when a call written for it no longer compiles or its result no longer fits.',
    `const contract: [[${pin.params}]] extends [Parameters<typeof subject>] ? [ReturnType<typeof subject>] extends [${pin.returns}] ? true : false : false = true`
  ]
}

/** A value of a built-in parameter type to call with, or undefined when the type says too little. */
function sampleFor(type: string | undefined, untyped: boolean): SpecValue | undefined {
  const t = (type ?? '').replace(/\s+/g, '')
  if (t === '') return untyped ? 'example' : undefined
  const samples: Record<string, SpecValue> = {
    str: 'example',
    int: 1,
    float: 1.5,
    bool: true,
    'list[str]': ['example'],
    'List[str]': ['example'],
    'list[int]': [1],
    'List[int]': [1],
    string: 'example',
    number: 1,
    boolean: true,
    'string[]': ['example'],
    'number[]': [1],
    'readonlystring[]': ['example'],
    unknown: 'example',
    any: 'example'
  }
  return samples[t]
}

/** Rows taken from the project's tests' calls: the inputs its maintainers chose come first. */
const MAX_TEST_ROWS = 3

/**
 * Rows the validation stage calls: the observed value (or error type) of each becomes the spec's
 * assertion, so the contract is pinned as behaviour, not only as a signature. The project's tests'
 * calls whose arguments are all literals (positional), then one row of plain values of the declared
 * types (an untyped parameter gets a string); in JavaScript also the call without arguments, whose
 * error type is part of the contract. Undefined when no row can be built.
 */
export function exploreRows(
  item: ApiItem,
  target: RenderTarget,
  testCalls: TestCalls = new Map(),
  /** Python: the class's constructor (`Cls.constructor`), when the API lists it. */
  constructor?: ApiItem
): CallSpecBody | undefined {
  if (item.kind === 'method' && item.language === 'python')
    return methodRows(item, testCalls, constructor)
  if (item.kind !== 'function' || item.name.includes('.')) return undefined
  const python = item.language === 'python'
  const all = item.params ?? []
  const isRequired = (p: (typeof all)[number]): boolean =>
    !p.optional && !p.rest && p.defaultValue === undefined
  // Rows are positional: a required keyword-only parameter cannot be passed.
  if (python && all.some((p) => p.keywordOnly && isRequired(p))) return undefined
  const params = all.filter((p) => !(python && p.keywordOnly))
  const required = params.filter(isRequired)
  const variadic = params.some((p) => p.rest)
  const cases: SpecCase[] = []
  const seen = new Set<string>()
  const add = (name: string, args: SpecValue[]): void => {
    const key = JSON.stringify(args)
    if (seen.has(key)) return
    seen.add(key)
    cases.push({ name, args, expect: { kind: 'does-not-throw' } })
  }
  for (const call of callsOf(testCalls, item.file, item.name)) {
    if (cases.length >= MAX_TEST_ROWS) break
    if (call.args.length < required.length || (!variadic && call.args.length > params.length))
      continue
    const values = call.args.map((a) => argumentValue(a, item.language))
    if (values.every((v) => v !== undefined))
      add(`${AS_CALLED_IN}${call.test}:${call.line}`, values as SpecValue[])
  }
  const untyped = item.language === 'javascript' || python
  const args = required.map((p) => sampleFor(p.type, untyped))
  if (args.every((v) => v !== undefined)) {
    add(
      `with ${args.length === 0 ? 'no arguments' : 'plain values of the declared types'}`,
      args as SpecValue[]
    )
    // TypeScript rows are typed by the signature: leaving a required argument out would not compile.
    if (required.length > 0 && target.language === 'javascript' && !python)
      add('without its required arguments', [])
  }
  if (cases.length === 0) return undefined
  return { kind: 'call', module: item.file, symbol: item.name, async: item.async ?? false, cases }
}

/** Positional literal values of a call's arguments, or undefined when one is not a literal. */
function literalArgs(args: readonly CallArgument[]): SpecValue[] | undefined {
  const values = args.map((a) => argumentValue(a, 'python'))
  return values.every((v) => v !== undefined) ? (values as SpecValue[]) : undefined
}

const NOT_ON_INSTANCE = new Set(['staticmethod', 'classmethod', 'property', 'cached_property'])

/**
 * Python: rows calling a public method on an instance. The project's tests' own pairs first
 * (`v = Version(1, 2, 3)` then `v.bump_major()`, all literals), then the instance the tests construct
 * (or one made without arguments, when the constructor needs none) with plain values of the method's
 * declared types. One instance per spec; a new one per case.
 */
function methodRows(
  item: ApiItem,
  testCalls: TestCalls,
  constructor: ApiItem | undefined
): CallSpecBody | undefined {
  const [owner, member] = item.name.split('.')
  if (member === undefined || member === 'constructor' || item.name.split('.').length !== 2)
    return undefined
  const decorators = (item.decorators ?? []).map((d) => d.replace(/^@/, '').split('(')[0].trim())
  if (decorators.some((d) => NOT_ON_INSTANCE.has(d.split('.').pop() ?? d) || d.includes('.setter')))
    return undefined
  const all = item.params ?? []
  const isRequired = (p: (typeof all)[number]): boolean =>
    !p.optional && !p.rest && p.defaultValue === undefined
  if (all.some((p) => p.keywordOnly && isRequired(p))) return undefined
  const params = all.filter((p) => !p.keywordOnly)
  const required = params.filter(isRequired)
  const variadic = params.some((p) => p.rest)
  const fits = (n: number): boolean => n >= required.length && (variadic || n <= params.length)
  let instance: SpecValue[] | undefined
  const cases: SpecCase[] = []
  const seen = new Set<string>()
  const add = (name: string, args: SpecValue[]): void => {
    const key = JSON.stringify(args)
    if (seen.has(key) || cases.length >= MAX_TEST_ROWS + 1) return
    seen.add(key)
    cases.push({ name, args, expect: { kind: 'does-not-throw' } })
  }
  for (const call of callsOf(testCalls, item.file, item.name)) {
    if (!call.instance || !fits(call.args.length)) continue
    const made = literalArgs(call.instance)
    const args = literalArgs(call.args)
    if (!made || !args) continue
    instance ??= made
    if (JSON.stringify(made) !== JSON.stringify(instance) || cases.length >= MAX_TEST_ROWS) continue
    add(`${AS_CALLED_IN}${call.test}:${call.line}`, args)
  }
  if (instance === undefined) {
    for (const call of callsOf(testCalls, item.file, owner)) {
      const made = literalArgs(call.args)
      if (made) {
        instance = made
        break
      }
    }
  }
  if (instance === undefined) {
    const needed = (constructor?.params ?? []).filter(
      (p) => !p.optional && !p.rest && p.defaultValue === undefined
    )
    if (constructor === undefined || needed.length === 0) instance = []
    else return undefined
  }
  const plain = required.map((p) => sampleFor(p.type, true))
  if (plain.every((v) => v !== undefined))
    add(
      plain.length === 0 ? 'with no arguments' : 'with plain values of the declared types',
      plain as SpecValue[]
    )
  if (cases.length === 0) return undefined
  return {
    kind: 'call',
    module: item.file,
    symbol: item.name,
    instance,
    async: item.async ?? false,
    cases
  }
}

function jsSteps(item: ApiItem, target: RenderTarget): { name: string; code: string } {
  const expectStyle = target.framework === 'jest' || target.framework === 'vitest'
  const check = (actual: string, expected: string): string =>
    expectStyle
      ? `expect(${actual}).toBe(${expected})`
      : `assert.strictEqual(${actual}, ${expected})`
  const [owner, member] = isDefaultFunction(item)
    ? [item.local, undefined]
    : item.name.includes('.')
      ? item.name.split('.', 2)
      : [item.name, undefined]
  if (item.kind === 'class') return { name: owner, code: check(`typeof ${owner}`, "'function'") }
  const subject =
    member === undefined
      ? owner
      : member === 'constructor'
        ? owner
        : `Reflect.get(${owner}.prototype, ${jsString(member)}) ?? Reflect.get(${owner}, ${jsString(member)})`
  const pin = target.language === 'typescript' ? typePin(item) : null
  const lines = [
    `const subject = ${subject}`,
    ...(pin ? [...pinLines(pin), check('contract', 'true')] : []),
    check('typeof subject', "'function'"),
    `// ${describeSignature(item)}`,
    check('subject.length', String(jsLength(item)))
  ]
  return { name: owner, code: lines.join('\n') }
}

function pySteps(item: ApiItem): { name: string; code: string } {
  const [owner, member] = item.name.includes('.') ? item.name.split('.', 2) : [item.name, undefined]
  if (item.kind === 'class' && member === undefined) {
    return { name: owner, code: `import inspect\nassert inspect.isclass(${owner})` }
  }
  const decorators = (item.decorators ?? []).map((d) => d.replace(/^@/, '').split('(')[0].trim())
  if (
    member !== undefined &&
    decorators.some(
      (d) =>
        d === 'property' ||
        d.endsWith('.setter') ||
        d.endsWith('.getter') ||
        d === 'cached_property' ||
        d === 'functools.cached_property'
    )
  ) {
    return {
      name: owner,
      code: `import inspect\nassert isinstance(inspect.getattr_static(${owner}, ${pyString(member)}), (property, getattr(__import__('functools'), 'cached_property', property)))`
    }
  }
  const subject = member === undefined || member === 'constructor' ? owner : `${owner}.${member}`
  const params = item.params ?? []
  // The model leaves out `self`; a plain method read from the class has it first (classmethods come bound,
  // staticmethods have none, and the class itself stands for its constructor).
  const dropFirst =
    member !== undefined &&
    member !== 'constructor' &&
    !decorators.some((d) => d === 'staticmethod' || d === 'classmethod')
  // Inside a class body Python mangles `__name` parameters to `_Class__name`.
  const mangle = (name: string): string =>
    member !== undefined && name.startsWith('__') && !name.endsWith('__')
      ? `_${owner.replace(/^_+/, '')}${name}`
      : name
  const names = params.map((p) => mangle(p.name.replace(/^\*+/, '')))
  // The model does not tell `*args` from `**kwargs`: variadic parameters are counted, the others pinned by kind.
  const kinds = params
    .filter((p) => !p.rest)
    .map((p) =>
      p.keywordOnly
        ? 'KEYWORD_ONLY'
        : p.positionalOnly
          ? 'POSITIONAL_ONLY'
          : 'POSITIONAL_OR_KEYWORD'
    )
  const variadic = params.filter((p) => p.rest).length
  const lines = [
    'import inspect',
    `params = list(inspect.signature(${subject}).parameters.values())${dropFirst ? '[1:]' : ''}`,
    `# ${describeSignature(item)}`,
    `assert [p.name for p in params] == [${names.map(pyString).join(', ')}]`,
    `assert [p.kind.name for p in params if p.kind.name not in ('VAR_POSITIONAL', 'VAR_KEYWORD')] == [${kinds.map(pyString).join(', ')}]`,
    `assert sum(p.kind.name in ('VAR_POSITIONAL', 'VAR_KEYWORD') for p in params) == ${variadic}`
  ]
  params.forEach((p, i) => {
    const value = p.defaultValue?.trim()
    if (value === undefined || !PY_LITERAL.test(value)) return
    // Singletons compare by identity (`is None`), as linters ask.
    lines.push(
      `assert params[${i}].default ${value === 'None' || value === 'True' || value === 'False' ? 'is' : '=='} ${value}`
    )
  })
  return { name: owner, code: lines.join('\n') }
}

export function buildSpecs(
  subjects: SpecSubject[],
  target: RenderTarget,
  maxSpecs: number,
  /** The project's tests' calls of each export: their literal arguments are rows to observe. */
  testCalls: TestCalls = new Map()
): SpecDraft[] {
  const specs: SpecDraft[] = []
  const seen = new Set<string>()
  // Python classes' constructors, for the methods' rows (an instance is made before each call).
  const constructors = new Map(
    subjects
      .filter(({ item }) => item.language === 'python' && item.name.endsWith('.constructor'))
      .map(({ item }) => [`${item.file}#${item.name.split('.')[0]}`, item])
  )
  for (const { item, covers } of subjects) {
    if (specs.length >= maxSpecs) break
    if (!isRunnable(item) || seen.has(item.key)) continue
    seen.add(item.key)
    const python = item.language === 'python'
    const { name, code } = python ? pySteps(item) : jsSteps(item, target)
    // The module that offers the name: an inherited member is declared in its base class's module
    // (pyee's TrioEventEmitter.on lives in base.py), but the class is imported from its own (trio.py).
    const exposedBy = item.key.slice(0, item.key.indexOf('#'))
    const signature = describeSignature(item)
    // A TypeScript signature the compiler can pin keeps its steps (the pin would be lost in a table).
    const defaultFunction = isDefaultFunction(item)
    const pinned = !defaultFunction && target.language === 'typescript' && typePin(item) !== null
    const explore = pinned
      ? undefined
      : exploreRows(
          item,
          target,
          testCalls,
          constructors.get(`${item.file}#${item.name.split('.')[0]}`)
        )
    // A default export is specified only by what is observed of it (its steps would pin `.length` only).
    if (defaultFunction && !explore) continue
    const shown = defaultFunction ? `${item.local} (the default export)` : item.name
    specs.push({
      ...(explore
        ? {
            explore: {
              title: `${shown} keeps its observed contract`,
              expected: `${shown} returns (or throws) what the code at HEAD was observed to return (or throw) for each row (its signature at HEAD: ${signature})`,
              body: explore
            }
          }
        : {}),
      key: `contract:${item.key}`,
      // Until a row is observed, the spec pins the signature only: a plan item unless it adds coverage.
      assertsOnly: item.kind === 'class' ? 'presence' : 'signature',
      title: `${shown} keeps its public signature`,
      level: 'unit',
      target: { file: item.file, symbol: name, line: item.loc.startLine },
      rationale:
        covers.length > 0
          ? `The signature of ${item.name} changed since the base; pinning it makes the next change a decision.`
          : `${shown} is public API of ${item.file}${item.entry ? ' (a package entry module)' : ''}; pinning its signature catches an accidental breaking change.`,
      covers,
      expected: python
        ? `inspect.signature(${item.name}) has the parameters of ${signature} with the same kinds and literal defaults`
        : item.kind === 'class'
          ? `${item.name} is exported and is a class (a function at runtime)`
          : `${shown} is exported, is a function and takes ${jsLength(item)} declared parameter(s) before any default: ${signature}`,
      priority: covers.length > 0 ? 'P1' : item.entry ? 'P2' : 'P3',
      body: {
        kind: 'steps',
        module: exposedBy,
        imports: [
          {
            from: exposedBy.includes('/') ? exposedBy : `./${exposedBy}`,
            names: [defaultFunction ? `default as ${name}` : name]
          }
        ],
        steps: python ? { python: code } : { javascript: code },
        async: false
      }
    })
  }
  return specs
}

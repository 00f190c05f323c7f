// The project's tests' own calls of the repository's exports, with their literal arguments: rows a
// spec can call the unit with (edge-cases' explore rows, backwards-compat's observed contracts).
import type { CallArgument, CallSite, Language, ModuleModel } from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'

/** A test's call of a module's export, with the arguments as written. */
export interface TestCall {
  test: string
  line: number
  args: CallArgument[]
  /** A method call on an instance the test made (`v = Version(1, 2)` then `v.bump()`): the constructor's arguments. */
  instance?: CallArgument[]
}

/** `module#symbol` -> the calls the test files make of it, in test order. */
export type TestCalls = ReadonlyMap<string, readonly TestCall[]>

/**
 * Calls in test files of names the test imports from the repository's modules: `module#name` for a
 * name imported from the module (or called through its namespace), and `*#name` for every plain
 * call of an imported name (a re-export or a star import leaves the defining module unknown).
 */
export function testCallsOf(modules: readonly ModuleModel[]): TestCalls {
  const out = new Map<string, TestCall[]>()
  const add = (key: string, test: ModuleModel, call: CallSite, instance?: CallSite): void => {
    let list = out.get(key)
    if (!list) out.set(key, (list = []))
    if (list.length < 40)
      list.push({
        test: test.path,
        line: call.loc.startLine,
        args: call.arguments ?? [],
        ...(instance ? { instance: instance.arguments ?? [] } : {})
      })
  }
  // `v = Cls(...)` then `v.method(...)` in the same test function: the method called on that instance.
  const methodCalls = (
    test: ModuleModel,
    calls: readonly CallSite[],
    made: CallSite,
    key: string
  ): void => {
    if (!made.assignedTo) return
    for (const call of calls)
      if (
        call.receiver === made.assignedTo &&
        call.enclosing === made.enclosing &&
        call.loc.startLine > made.loc.startLine
      )
        add(`${key}.${call.name}`, test, call, made)
  }
  for (const test of modules) {
    if (!test.isTest || !test.test) continue
    const calls = test.calls.filter((c) => !c.isNew && c.arguments)
    for (const imp of test.imports) {
      const target = imp.resolved
      if (!target || imp.typeOnly) continue
      for (const name of imp.names) {
        for (const call of calls) {
          if (name.imported === '*') {
            if (call.receiver === name.local) add(`${target}#${call.name}`, test, call)
            // `const parse = require('..')` then `parse(...)`: the module itself is the function.
            else if (call.receiver === undefined && call.name === name.local && name.local !== '*')
              add(`${target}#default`, test, call)
            else if (call.receiver === undefined && name.local === '*')
              add(`*#${call.name}`, test, call)
          } else if (call.receiver === undefined && call.name === name.local) {
            add(`${target}#${name.imported}`, test, call)
            add(`*#${name.imported}`, test, call)
            if (test.language === 'python') {
              methodCalls(test, calls, call, `${target}#${name.imported}`)
              methodCalls(test, calls, call, `*#${name.imported}`)
            }
          }
        }
      }
    }
  }
  return out
}

/** The test calls of a module's export: by its module when known, else by its name. */
export function callsOf(calls: TestCalls, module: string, symbol: string): readonly TestCall[] {
  return calls.get(`${module}#${symbol}`) ?? calls.get(`*#${symbol}`) ?? []
}

/** A call argument as a value, when it is a literal (or JSON-shaped array/object text). */
export function argumentValue(arg: CallArgument, language: Language): SpecValue | undefined {
  if (arg.keyword !== undefined || arg.kind === 'spread') return undefined
  if (arg.kind === 'literal') {
    if (arg.text === 'undefined')
      return language === 'python' ? undefined : { $special: 'undefined' }
    if (typeof arg.value === 'number' && !Number.isFinite(arg.value)) return undefined
    return arg.value === undefined ? undefined : arg.value
  }
  if (arg.kind === 'array' || arg.kind === 'object') {
    try {
      return JSON.parse(arg.text) as SpecValue
    } catch {
      return undefined
    }
  }
  return undefined
}

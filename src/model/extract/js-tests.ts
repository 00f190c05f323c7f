// Test files of JavaScript/TypeScript: the framework (from imports and globals) and the test cases
// declared with describe/it/test/suite, including `.only`, `.skip`, `.todo`, `xit`, `it.each(t)(...)`.
import type { Node } from 'web-tree-sitter'
import type { ModuleModel, TestCase, TestFileInfo } from '../types.js'
import { loc } from './common.js'
import { stringValue } from './js-literals.js'
import { type JsState, slice } from './js-state.js'

const SUITES = new Set([
  'describe',
  'suite',
  'context',
  'xdescribe',
  'fdescribe',
  'xcontext',
  'xsuite'
])
const TESTS = new Set(['it', 'test', 'specify', 'xit', 'fit', 'xtest', 'xspecify'])
const MOCHA_ONLY = new Set(['context', 'specify', 'before', 'after', 'xcontext', 'xspecify'])

/** uvu suite members that are not test cases: hooks and the run call. */
const UVU_HOOKS = new Set(['before', 'after', 'run'])

interface Callee {
  base: string
  modifiers: string[]
}

/** `describe.only.each` -> { base: 'describe', modifiers: ['only', 'each'] }, without recursion. */
function calleeParts(state: JsState, fn: Node | null): Callee | undefined {
  const modifiers: string[] = []
  let n = fn
  for (let guard = 0; n && guard < 8; guard++) {
    if (n.type === 'identifier')
      return { base: slice(state, n, 40), modifiers: modifiers.reverse() }
    if (n.type === 'member_expression') {
      modifiers.push(slice(state, n.childForFieldName('property'), 40))
      n = n.childForFieldName('object')
    } else if (n.type === 'call_expression') {
      // `it.each(table)` used as the callee of the real test call.
      n = n.childForFieldName('function')
    } else return undefined
  }
  return undefined
}

/** Records a test case when the call is one. */
export function handleTestCall(state: JsState, node: Node, fnNode: Node | null): void {
  if (!state.isTest || state.consumedCalls.has(node.id)) return
  const parts = calleeParts(state, fnNode)
  if (!parts) return
  const { base, modifiers } = parts
  let kind: TestCase['kind']
  if (SUITES.has(base)) kind = 'suite'
  else if (TESTS.has(base)) kind = 'test'
  else if (state.suiteLocals.has(base) && !modifiers.some((m) => UVU_HOOKS.has(m))) kind = 'test'
  else return
  // uvu's `const types = suite('types')`: each `types('case', fn)` is a test (sirv's ~75, round 8).
  const declarator = node.parent
  if (base === 'suite' && declarator?.type === 'variable_declarator') {
    const local = declarator.childForFieldName('name')
    if (local?.type === 'identifier') state.suiteLocals.add(slice(state, local, 100))
  }
  if (MOCHA_ONLY.has(base)) state.sawMochaGlobal = true
  if (fnNode?.type === 'call_expression') state.consumedCalls.add(fnNode.id)
  const first = node.childForFieldName('arguments')?.namedChild(0)
  if (!first) return
  const name = stringValue(state, first) ?? slice(state, first, 200)
  const c: TestCase = { name, kind, loc: loc(node) }
  if (base.startsWith('f') || modifiers.includes('only')) c.modifier = 'only'
  else if (base.startsWith('x') || modifiers.includes('skip') || modifiers.includes('skipIf'))
    c.modifier = 'skip'
  else if (modifiers.includes('todo')) c.modifier = 'todo'
  state.testCases.push(c)
}

/** The globals mocha's interfaces define: bdd (`describe`, `it`, hooks), tdd (`suite`, `test`, `setup`...). */
const INTERFACE_GLOBALS = new Set([
  'describe',
  'context',
  'it',
  'specify',
  'before',
  'after',
  'beforeEach',
  'afterEach',
  'suite',
  'test',
  'setup',
  'teardown',
  'suiteSetup',
  'suiteTeardown'
])

/** What a test global's member call may be for it to be the global: `it.only`, `suite.skip`, `test.each`... */
const MODIFIERS = new Set([
  'only',
  'skip',
  'todo',
  'each',
  'retries',
  'timeout',
  'concurrent',
  'skipIf',
  'runIf',
  'fails'
])

/**
 * Notes mocha-only hook globals (`before`, `after`) that tell mocha from jest, and every interface
 * global called by its bare name (`suite(`, `setup(`): which of mocha's interfaces the file is written in.
 */
export function noteTestGlobal(state: JsState, fnNode: Node | null): void {
  if (!state.isTest) return
  // `suite.skip(...)`, `test.only(...)`: the global is the member's object. Only a runner's own modifier
  // says so: `test.ok(...)` is nodeunit's assertion on a parameter named test, not tdd's global.
  let base = fnNode
  let member: string | null = null
  while (base?.type === 'member_expression') {
    const property = base.childForFieldName('property')
    if (property) member = slice(state, property, 20)
    base = base.childForFieldName('object')
  }
  if (base?.type !== 'identifier') return
  if (member !== null && !MODIFIERS.has(member)) return
  const name = slice(state, base, 20)
  if (INTERFACE_GLOBALS.has(name)) state.testGlobals.add(name)
  if (fnNode?.type !== 'identifier') return
  // tdd's suite hooks are mocha's alone; `setup()` and `teardown()` are also common helpers' names in
  // jest and vitest tests, so they do not say mocha.
  if (['before', 'after', 'suiteSetup', 'suiteTeardown'].includes(name)) state.sawMochaGlobal = true
}

/** `ns.member` where ns is bound to a whole module by an import seen so far. */
export function noteMemberReference(state: JsState, node: Node): void {
  const object = node.childForFieldName('object')
  if (object?.type !== 'identifier') return
  const name = slice(state, object, 100)
  const imports = state.model.imports
  if (!state.namespaceLocals || state.namespaceImportsSeen !== imports.length) {
    // Rebuilt when imports were added since (a require() can come after the first member access).
    state.namespaceLocals = new Set()
    state.namespaceImportsSeen = imports.length
    for (const imp of imports)
      for (const n of imp.names) if (n.imported === '*') state.namespaceLocals.add(n.local)
  }
  if (state.namespaceLocals.has(name))
    state.memberReferences.add(`${name}.${slice(state, node.childForFieldName('property'), 100)}`)
}

function frameworkOf(model: ModuleModel, sawMochaGlobal: boolean): TestFileInfo['framework'] {
  for (const imp of model.imports) {
    const s = imp.source
    if (s === 'vitest' || s.startsWith('vitest/')) return 'vitest'
    if (s === 'node:test' || s === 'test') return 'node:test'
    if (s === 'ava') return 'ava'
    if (s === 'mocha') return 'mocha'
    if (s === '@jest/globals') return 'jest'
  }
  return sawMochaGlobal ? 'mocha' : 'jest'
}

export function testInfo(state: JsState): TestFileInfo {
  return {
    framework: frameworkOf(state.model, state.sawMochaGlobal),
    cases: state.testCases,
    importedModules: [],
    referencedSymbols: [],
    memberReferences: [...state.memberReferences].sort(),
    ...(state.testGlobals.size > 0 ? { globals: [...state.testGlobals].sort() } : {})
  }
}

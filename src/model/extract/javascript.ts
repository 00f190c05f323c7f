// The JavaScript/TypeScript extractor (TS, TSX, JS, JSX; ESM and CommonJS).
// One pass, without recursion: tree-sitter collects every node of the types we handle in document
// order (one call into the parser's WebAssembly, instead of one call per node of the tree), and the
// context a recursive walk would keep on its stack (enclosing function, loops, ifs, catch clauses)
// lives in state.frames, each popped once the pass reaches a node after the one that opened it.
// So a 10,000-deep expression cannot overflow the JavaScript stack.
import type { Node, Tree } from 'web-tree-sitter'
import type { ModuleModel, SourceFile, StringLiteral } from '../types.js'
import { emptyModule, loc } from './common.js'
import {
  addDecision,
  conditionFrame,
  enterCatch,
  enterLoop,
  handleAwait,
  handleBinary,
  handleCall,
  handleExpressionStatement,
  noteBinding,
  handleSwitch,
  handleThrow,
  handleTry
} from './js-flow.js'
import {
  enterClass,
  enterFunction,
  enterObject,
  handleAssignment,
  handleDecorator,
  handleDeclarator,
  handleField,
  handlePair
} from './js-functions.js'
import { insideFunction, noteLocalBinding } from './js-bindings.js'
import { noteEnvRead } from './js-env.js'
import { inTypePosition } from './names-used.js'
import { extractJsx, mayHaveJsx } from './js-jsx.js'
import { stringValue } from './js-literals.js'
import {
  handleCommonJsExport,
  handleExport,
  handleImport,
  handleRequireOrDynamicImport
} from './js-modules.js'
import { createState, enclosingName, type JsState, popFrames, pushFrame } from './js-state.js'
import { handleTestCall, noteMemberReference, noteTestGlobal, testInfo } from './js-tests.js'
import { handleModuleDeclaration } from './js-variables.js'
import { JS_CONTEXT_TYPES, JS_FUNCTION_TYPES } from './site-context.js'

/** Subtrees with nothing for the model inside (types) or handled as a whole (imports). */
const SKIPPED = new Set([
  'type_annotation',
  'type_arguments',
  'type_parameters',
  'interface_declaration',
  'type_alias_declaration',
  'import_statement'
])

const FUNCTION_TYPES = JS_FUNCTION_TYPES

const CLASS_TYPES = new Set(['class_declaration', 'abstract_class_declaration', 'class'])
const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement'])

const HANDLED = new Set([
  ...FUNCTION_TYPES,
  ...CLASS_TYPES,
  ...LOOP_TYPES,
  'import_statement',
  'export_statement',
  'call_expression',
  'expression_statement',
  'new_expression',
  'await_expression',
  'throw_statement',
  'try_statement',
  'catch_clause',
  'if_statement',
  'ternary_expression',
  'switch_statement',
  'binary_expression',
  'augmented_assignment_expression',
  'assignment_expression',
  'string',
  'template_string',
  'regex',
  'variable_declarator',
  'pair',
  'public_field_definition',
  'field_definition',
  'object',
  'decorator'
])

/** A generated table of a million strings must not make a million model entries. */
const MAX_STRINGS = 10_000
const MAX_REGEXES = 10_000
const MAX_REGEX_CHARS = 1_000

const QUERIED_TYPES = [...new Set([...HANDLED, ...SKIPPED, ...JS_CONTEXT_TYPES])]
/** Test files also report `ns.member` reads through namespace imports; files naming process.env, its reads. */
const QUERIED_MEMBER_TYPES = [...QUERIED_TYPES, 'member_expression']

/**
 * A few handled types share their name with a keyword token (`class`, `function`, the `string` type
 * keyword); a keyword is the bare word, the construct is longer or quoted.
 */
function isKeywordToken(source: string, node: Node, type: string): boolean {
  const length = node.endIndex - node.startIndex
  if (type === 'class') return length === 5
  if (type === 'function') return length === 8
  if (type === 'string') {
    const c = source.charCodeAt(node.startIndex)
    return c !== 34 && c !== 39
  }
  return false
}

/** Handles one node; returns false when nothing inside it should be handled. */
function handle(state: JsState, node: Node, type: string): boolean {
  if (FUNCTION_TYPES.has(type)) {
    pushFrame(state, enterFunction(state, node))
    return true
  }
  if (CLASS_TYPES.has(type)) {
    pushFrame(state, enterClass(state, node))
    return true
  }
  if (LOOP_TYPES.has(type)) {
    pushFrame(state, enterLoop(state, node))
    return true
  }
  switch (type) {
    case 'import_statement':
      handleImport(state, node)
      return false
    case 'export_statement':
      handleExport(state, node)
      return true
    case 'call_expression': {
      // Only calls whose text starts with require/import can be imports; others skip the look-up.
      const start = node.startIndex
      if (state.source.startsWith('require', start) || state.source.startsWith('import', start)) {
        const fn = node.childForFieldName('function')
        if (fn && handleRequireOrDynamicImport(state, node, fn)) return true
      }
      const fn = handleCall(state, node, false)
      if (state.isTest) {
        handleTestCall(state, node, fn)
        noteTestGlobal(state, fn)
      }
      return true
    }
    case 'new_expression':
      handleCall(state, node, true)
      return true
    case 'await_expression':
      handleAwait(state, node)
      return true
    case 'throw_statement':
      handleThrow(state, node)
      return true
    case 'try_statement':
      handleTry(state, node)
      return true
    case 'catch_clause':
      pushFrame(state, enterCatch(state, node))
      return true
    case 'if_statement':
      addDecision(state)
      pushFrame(state, conditionFrame(state, 'if', node.childForFieldName('condition'), node))
      return true
    case 'ternary_expression':
      addDecision(state)
      pushFrame(state, conditionFrame(state, 'ternary', node.childForFieldName('condition'), node))
      return true
    case 'switch_statement':
      handleSwitch(state, node)
      return true
    case 'binary_expression':
      handleBinary(state, node)
      return true
    case 'augmented_assignment_expression': {
      const op = node.childForFieldName('operator')?.type
      if (op === '&&=' || op === '||=' || op === '??=') addDecision(state)
      if (op && insideFunction(state))
        noteLocalBinding(
          state,
          node,
          node.childForFieldName('left'),
          node.childForFieldName('right'),
          op
        )
      return true
    }
    case 'expression_statement':
      handleExpressionStatement(state, node)
      return true
    case 'assignment_expression': {
      handleCommonJsExport(state, node)
      handleAssignment(state, node)
      const left = node.childForFieldName('left')
      const right = node.childForFieldName('right')
      noteBinding(state, left, right)
      if (insideFunction(state)) noteLocalBinding(state, node, left, right, '=')
      return true
    }
    case 'variable_declarator': {
      handleDeclarator(state, node)
      const name = node.childForFieldName('name')
      const value = node.childForFieldName('value')
      noteBinding(state, name, value)
      noteLocalBinding(state, node, name, value, '=')
      return true
    }
    case 'pair':
      handlePair(state, node)
      return true
    case 'public_field_definition':
    case 'field_definition':
      handleField(state, node)
      return true
    case 'object':
      pushFrame(state, enterObject(state, node))
      return true
    case 'decorator':
      handleDecorator(state, node)
      return true
    case 'member_expression':
      if (state.isTest) noteMemberReference(state, node)
      noteEnvRead(state, node)
      return true
    case 'string':
    case 'template_string': {
      if (!state.specifierStrings.has(node.startIndex)) {
        const value =
          state.model.strings.length < MAX_STRINGS ? stringValue(state, node) : undefined
        if (value !== undefined) {
          const literal: StringLiteral = {
            value,
            loc: loc(node)
          }
          const name = enclosingName(state)
          if (name !== undefined) literal.enclosing = name
          if (inTypePosition(node)) literal.inType = true
          state.model.strings.push(literal)
        }
      }
      return type === 'template_string'
    }
    case 'regex':
      handleRegex(state, node)
      return false
    default:
      return true
  }
}

/** A regex literal's pattern and flags (performance and security check them for catastrophic backtracking). */
function handleRegex(state: JsState, node: Node): void {
  const regexes = (state.model.regexes ??= [])
  if (regexes.length >= MAX_REGEXES) return
  const pattern = node.childForFieldName('pattern')
  if (!pattern) return
  const flags = node.childForFieldName('flags')
  const literal: {
    pattern: string
    flags: string
    enclosing?: string
    loc: ReturnType<typeof loc>
  } = {
    pattern: pattern.text.slice(0, MAX_REGEX_CHARS),
    flags: flags?.text ?? '',
    loc: loc(node)
  }
  const name = enclosingName(state)
  if (name !== undefined) literal.enclosing = name
  regexes.push(literal)
}

/** Marks declarations exported through export lists and `module.exports`, now that all are known. */
function applyExportLists(state: JsState): void {
  const names = state.exportedNames
  const kinds = new Map<string, 'function' | 'class'>()
  for (const fn of state.model.functions) {
    if (fn.qualifiedName !== fn.name) continue
    kinds.set(fn.name, 'function')
    if (names.has(fn.name)) fn.exported = true
  }
  for (const cls of state.model.classes) {
    if (cls.qualifiedName !== cls.name) continue
    kinds.set(cls.name, 'class')
    if (names.has(cls.name)) cls.exported = true
  }
  for (const v of state.model.variables) if (names.has(v.name)) v.exported = true
  // A public method of an exported class is reachable by other modules.
  for (const { fn, cls, isPublic } of state.methods)
    if (cls.exported && isPublic) fn.exported = true
  for (const e of state.model.exports) {
    if (e.kind !== 'variable' || e.source !== undefined) continue
    const kind = kinds.get(e.local ?? e.name)
    if (kind) e.kind = kind
  }
}

/** Module-level `const`/`let`/`var`: the program's own statements, exported or not. */
function moduleVariables(state: JsState, tree: Tree): void {
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement) continue
    let declaration: Node | null = statement
    if (statement.type === 'export_statement')
      declaration = statement.childForFieldName('declaration')
    if (
      declaration?.type === 'lexical_declaration' ||
      declaration?.type === 'variable_declaration'
    ) {
      handleModuleDeclaration(state, declaration, state.exportedAt.has(declaration.startIndex))
    }
  }
}

/** Counts ERROR and MISSING nodes with a cursor (no recursion); only run on trees that have errors. */
function countSyntaxErrors(tree: Tree): number {
  let errors = 0
  const cursor = tree.walk()
  try {
    for (;;) {
      if (cursor.nodeIsMissing || cursor.nodeType === 'ERROR') errors++
      if (cursor.gotoFirstChild()) continue
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return errors
      }
    }
  } finally {
    cursor.delete()
  }
}

export function extractJavaScript(source: SourceFile, tree: Tree, isTest: boolean): ModuleModel {
  const model = emptyModule(source)
  model.isTest = isTest
  const state = createState(source.text, model, isTest)
  const frames = state.frames
  const ancestors: Node[] = (state.contextAncestors = [])
  let failures = 0
  let skipUntil = -1
  for (const node of tree.rootNode.descendantsOfType(
    isTest || source.text.includes('process.env') ? QUERIED_MEMBER_TYPES : QUERIED_TYPES
  )) {
    const start = node.startIndex
    if (start < skipUntil) continue
    const type = node.type
    if (isKeywordToken(state.source, node, type)) continue
    if (frames.length > 0 && frames[frames.length - 1].end <= start) popFrames(state, start)
    while (ancestors.length > 0 && ancestors[ancestors.length - 1].endIndex <= start)
      ancestors.pop()
    let descend = !SKIPPED.has(type)
    if (HANDLED.has(type) || type === 'member_expression') {
      try {
        descend = handle(state, node, type) && descend
      } catch {
        // One odd construct must not cost the rest of the file; the module is marked partial.
        failures++
      }
    }
    if (!descend) skipUntil = Math.max(skipUntil, node.endIndex)
    else if (JS_CONTEXT_TYPES.has(type)) ancestors.push(node)
  }
  popFrames(state, Number.POSITIVE_INFINITY)
  moduleVariables(state, tree)
  applyExportLists(state)
  if (mayHaveJsx(source.language, source.text)) {
    try {
      extractJsx(tree, model)
    } catch {
      failures++
    }
  }
  if (isTest) model.test = testInfo(state)
  model.syntaxErrors = tree.rootNode.hasError ? countSyntaxErrors(tree) : 0
  if (model.syntaxErrors > 0 || failures > 0) model.status = 'partial'
  return model
}

// JSX elements for accessibility checks: tag name, attribute names, literal attribute values and
// whether text can render inside. One query for the JSX node types in document order, with a stack of
// open elements (no recursion), so deep nesting cannot overflow the JavaScript stack.
import type { Node, Tree } from 'web-tree-sitter'
import type { FunctionDecl, JsxElement, ModuleModel } from '../types.js'
import { loc } from './common.js'

const JSX_TYPES = ['jsx_element', 'jsx_self_closing_element', 'jsx_text', 'jsx_expression']
const MAX_ELEMENTS = 5_000
const MAX_VALUE = 200

/** Grammars that parse JSX: tsx, and javascript (which also reads `.js` files written with JSX). */
export function mayHaveJsx(language: ModuleModel['language'], text: string): boolean {
  return (
    (language === 'tsx' || language === 'jsx' || language === 'javascript') &&
    (text.includes('/>') || text.includes('</'))
  )
}

function literalValue(value: Node | null): string | undefined {
  if (!value) return 'true'
  let node: Node | null = value
  if (node.type === 'jsx_expression') {
    const inner = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment')
    if (inner.length !== 1) return undefined
    node = inner[0]
  }
  switch (node.type) {
    case 'string':
      return node.text.slice(1, -1).slice(0, MAX_VALUE)
    case 'template_string':
      return node.namedChildren.some((c) => c?.type === 'template_substitution')
        ? undefined
        : node.text.slice(1, -1).slice(0, MAX_VALUE)
    case 'number':
    case 'true':
    case 'false':
      return node.text
    default:
      return undefined
  }
}

function element(node: Node, tag: Node, name: Node): JsxElement {
  const attributes: string[] = []
  const values: Record<string, string> = {}
  for (const attr of tag.childrenForFieldName('attribute')) {
    if (attr.type !== 'jsx_attribute') {
      attributes.push('...')
      continue
    }
    const key = attr.namedChild(0)
    if (!key) continue
    const attrName = key.text
    attributes.push(attrName)
    const value = literalValue(attr.namedChild(1))
    if (value !== undefined) values[attrName] = value
  }
  return { name: name.text.slice(0, MAX_VALUE), attributes, values, hasText: false, loc: loc(node) }
}

/** The innermost function whose location holds the element (functions arrive in document order). */
function enclosingOf(functions: FunctionDecl[], el: JsxElement): string | undefined {
  let best: FunctionDecl | undefined
  for (const fn of functions) {
    const l = fn.loc
    if (l.startLine > el.loc.startLine) break
    const starts = l.startLine < el.loc.startLine || l.startColumn <= el.loc.startColumn
    const ends =
      l.endLine > el.loc.endLine ||
      (l.endLine === el.loc.endLine && l.endColumn >= el.loc.endColumn)
    if (starts && ends) best = fn
  }
  return best?.qualifiedName
}

export function extractJsx(tree: Tree, model: ModuleModel): void {
  const found: JsxElement[] = []
  const open: { end: number; element: JsxElement | null }[] = []
  // Innermost outward: an element already marked means every element around it is marked too.
  const markText = (): void => {
    for (let i = open.length - 1; i >= 0; i--) {
      const el = open[i].element
      if (!el) continue
      if (el.hasText) return
      el.hasText = true
    }
  }
  for (const node of tree.rootNode.descendantsOfType(JSX_TYPES)) {
    const start = node.startIndex
    while (open.length > 0 && open[open.length - 1].end <= start) open.pop()
    if (node.type === 'jsx_text') {
      if (node.text.trim() !== '') markText()
      continue
    }
    if (node.type === 'jsx_expression') {
      // Only an expression child renders content; attribute values and spreads do not.
      if (
        node.parent?.type === 'jsx_element' &&
        node.namedChildren.some((c) => c !== null && c.type !== 'comment')
      )
        markText()
      continue
    }
    const tag = node.type === 'jsx_element' ? node.childForFieldName('open_tag') : node
    const name = tag?.childForFieldName('name') ?? null
    const el = tag && name && found.length < MAX_ELEMENTS ? element(node, tag, name) : null
    if (el) found.push(el)
    open.push({ end: node.endIndex, element: el })
  }
  if (found.length === 0) return
  const functions = [...model.functions].sort(
    (a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn
  )
  for (const el of found) {
    const enclosing = enclosingOf(functions, el)
    if (enclosing !== undefined) el.enclosing = enclosing
  }
  model.jsxElements = found
}

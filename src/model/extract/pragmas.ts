// Coverage pragmas: the comments with which a project excludes code from coverage. They are read from
// the parser's comment nodes; what a pragma covers comes from the tree (the statement, function or
// branch it precedes or sits on), the way the coverage tools themselves read them.
//   Python (coverage.py): `# pragma: no cover` on a line excludes that line, and when the line starts
//     a block (def, class, if, else, with...) the whole block.
//   JavaScript/TypeScript: `istanbul ignore next|if|else|file`; `c8`/`v8 ignore next [n]|if|else|file|
//     start|stop`; node's `node:coverage ignore next [n]|disable|enable`.
import type { Node, Tree } from 'web-tree-sitter'
import type { CoverageIgnore, Language } from '../types.js'

/** coverage.py's default exclusion: `#\s*(pragma|PRAGMA)[:\s]?\s*(no|NO)\s*(cover|COVER)`. */
const PYTHON_PRAGMA = /#\s*pragma[:\s]?\s*no\s*cover/i
const JS_PRAGMA =
  /^(?:\/\*+|\/\/)\s*(istanbul|c8|v8|node:coverage)\s+ignore\s+(next|if|else|file|start|stop|disable|enable)\b[ \t]*(\d+)?/

const MAX_PRAGMAS = 5000
const PY_CONTAINERS = new Set(['module', 'block'])
const JS_CONTAINERS = new Set(['program', 'statement_block', 'class_body'])

export function coverageIgnores(tree: Tree, language: Language, text: string): CoverageIgnore[] {
  const python = language === 'python'
  const js =
    language === 'javascript' ||
    language === 'typescript' ||
    language === 'tsx' ||
    language === 'jsx'
  if (!python && !js) return []
  const comments = tree.rootNode.descendantsOfType('comment').filter((c): c is Node => c !== null)
  if (comments.length === 0) return []
  const lines = text.split('\n')
  const lineCount = lines.length
  const out: CoverageIgnore[] = []
  let openStart: { line: number; pragma: string } | undefined
  for (const comment of comments.slice(0, MAX_PRAGMAS)) {
    const body = comment.text
    const line = comment.startPosition.row + 1
    if (python) {
      if (!PYTHON_PRAGMA.test(body)) continue
      const range = pythonStatementRange(
        tree,
        comment,
        indentOf(lines[comment.startPosition.row] ?? '')
      )
      out.push({
        startLine: range?.startLine ?? line,
        endLine: range?.endLine ?? line,
        pragma: body.trim().slice(0, 80)
      })
      continue
    }
    const match = JS_PRAGMA.exec(body)
    if (!match) continue
    const [, , kind, count] = match
    const pragma = match[0].replace(/^(\/\*+|\/\/)\s*/, '').trim()
    if (kind === 'file') out.push({ startLine: 1, endLine: Math.max(1, lineCount), pragma })
    else if (kind === 'start' || kind === 'disable') openStart ??= { line, pragma }
    else if (kind === 'stop' || kind === 'enable') {
      if (openStart)
        out.push({
          startLine: openStart.line,
          endLine: comment.endPosition.row + 1,
          pragma: openStart.pragma
        })
      openStart = undefined
    } else if (kind === 'next' && count) {
      out.push({ startLine: line, endLine: comment.endPosition.row + 1 + Number(count), pragma })
    } else {
      const target = nextNode(comment)
      if (!target) continue
      if (kind === 'next')
        out.push({ startLine: line, endLine: target.endPosition.row + 1, pragma })
      else {
        const branch = ifBranch(target, kind === 'if' ? 'consequence' : 'alternative')
        if (branch)
          out.push({
            startLine: branch.startPosition.row + 1,
            endLine: branch.endPosition.row + 1,
            pragma
          })
      }
    }
  }
  // A start without its stop runs to the end of the file, as the tools read it.
  if (openStart)
    out.push({
      startLine: openStart.line,
      endLine: Math.max(openStart.line, lineCount),
      pragma: openStart.pragma
    })
  return out
}

/** The node a JavaScript pragma precedes: the next named sibling that is not a comment. */
function nextNode(comment: Node): Node | null {
  let next = comment.nextNamedSibling
  while (next && next.type === 'comment') next = next.nextNamedSibling
  // `/* istanbul ignore next */` as the last thing inside a wrapper (`export /* … */ function`) is rare; stop there.
  if (!next) return null
  // `export function f` and `const f = () => …`: the whole statement is the pragma's target.
  if (next.type === 'expression_statement' && next.parent && JS_CONTAINERS.has(next.parent.type))
    return next
  return next
}

function ifBranch(node: Node, field: 'consequence' | 'alternative'): Node | null {
  if (node.type !== 'if_statement') return null
  return node.childForFieldName(field)
}

/**
 * What a `# pragma: no cover` on a line excludes: the statement that starts on that line (a block
 * statement with its whole body, an `else:`/`except:` clause with its body), or the statement whose
 * header the comment ends (a `def` whose parameters span lines). Null when the line holds only the comment.
 */
function pythonStatementRange(
  tree: Tree,
  comment: Node,
  indent: number
): { startLine: number; endLine: number } | null {
  const row = comment.startPosition.row
  if (comment.startPosition.column <= indent) return null
  const leaf = tree.rootNode.descendantForPosition({ row, column: indent })
  let best: Node | null = null
  for (let node: Node | null = leaf; node && !PY_CONTAINERS.has(node.type); node = node.parent) {
    if (node.startPosition.row === row && node.isNamed) best = node
    else if (node.startPosition.row < row) {
      // A continuation line: the comment belongs to the statement whose header it ends.
      if (!best && isPythonStatement(node)) best = node
      if (best) break
    }
  }
  if (!best) return null
  return { startLine: best.startPosition.row + 1, endLine: best.endPosition.row + 1 }
}

function isPythonStatement(node: Node): boolean {
  return (
    node.type.endsWith('_statement') ||
    node.type.endsWith('_definition') ||
    node.type.endsWith('_clause')
  )
}

/** The column where a line's first non-blank character is. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

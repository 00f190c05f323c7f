// A body that only says "not implemented here": a Python method whose statements (docstring, `pass` and
// `...` aside) are one `raise NotImplementedError`, or a JavaScript / TypeScript method whose only
// statement throws an error saying it is not implemented or must be overridden. Such a method declares
// an interface; coverage calls its body "not run" when every subclass overrides it, which is not a test
// gap (issue 11).
import type { Node } from 'web-tree-sitter'

const NOT_IMPLEMENTED_TEXT =
  /not\s+(yet\s+)?implemented|unimplemented|abstract|must\s+(be\s+)?(implemented|overridden)|must\s+implement|should\s+be\s+(implemented|overridden)|override/i

function named(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment')
}

/** Python: the function's body is one `raise NotImplementedError[(...)]`, after an optional docstring. */
export function pyRaisesNotImplemented(body: Node | null): boolean {
  if (!body) return false
  const statements = named(body).filter((s, i) => {
    if (s.type === 'pass_statement') return false
    if (s.type === 'expression_statement') {
      const inner = s.namedChild(0)
      if (inner?.type === 'ellipsis') return false
      if (i === 0 && inner?.type === 'string') return false
    }
    return true
  })
  if (statements.length !== 1 || statements[0].type !== 'raise_statement') return false
  let raised = statements[0].namedChild(0)
  if (raised?.type === 'call') raised = raised.childForFieldName('function')
  const name = raised?.text.split('.').pop()
  return name === 'NotImplementedError' || name === 'NotImplemented'
}

/**
 * JavaScript / TypeScript: the body's only statement is `throw new SomeError('... not implemented ...')`
 * (or a `NotImplementedError` of any message).
 */
export function jsThrowsNotImplemented(body: Node | null): boolean {
  if (!body || body.type !== 'statement_block') return false
  const statements = named(body)
  if (statements.length !== 1 || statements[0].type !== 'throw_statement') return false
  const thrown = statements[0].namedChild(0)
  if (!thrown) return false
  const ctor =
    thrown.type === 'new_expression' || thrown.type === 'call_expression'
      ? (thrown.childForFieldName('constructor') ?? thrown.childForFieldName('function'))
      : null
  const ctorName = ctor?.text.split('.').pop() ?? ''
  if (/^NotImplemented(Error)?$/.test(ctorName)) return true
  if (!/Error$/.test(ctorName)) return false
  const args = thrown.childForFieldName('arguments')
  return args !== null && NOT_IMPLEMENTED_TEXT.test(args.text)
}

/**
 * Python: the body does nothing (docstring, `pass` and `...` only): a hook a base class leaves for
 * subclasses (`def send_data(self, data): pass`, an empty `__post_init__`). Nothing in it can be tested
 * (judged a false coverage gap on h11).
 */
export function pyEmptyBody(body: Node | null): boolean {
  if (!body) return false
  return named(body).every((s, i) => {
    if (s.type === 'pass_statement') return true
    if (s.type !== 'expression_statement') return false
    const inner = s.namedChild(0)
    return inner?.type === 'ellipsis' || (i === 0 && inner?.type === 'string')
  })
}

/** JavaScript / TypeScript: a method body with no statement (`onClose () {}`). */
export function jsEmptyBody(body: Node | null): boolean {
  return body !== null && body.type === 'statement_block' && named(body).length === 0
}

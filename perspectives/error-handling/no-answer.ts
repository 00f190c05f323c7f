// An empty handler that makes its function answer "nothing" (undefined / None), where every caller in
// the repository checks for that answer: the failure is turned into a value the callers act on (a
// 404, a default), not dropped. fastify-static's getPathnameForSend ends in `catch {}` and its caller
// sends callNotFound() when the result is undefined (judged false as a swallowed error, round 4).
import type { CallSite, FunctionDecl, TryBlock } from '../../src/model/types.js'
import type { CheckInput } from './context.js'

/** The try is the last thing in the function: nothing runs after an empty handler but the implicit return. */
function endsFunction(tryBlock: TryBlock, fn: FunctionDecl): boolean {
  return tryBlock.loc.endLine >= fn.loc.endLine - 1
}

/** `x === undefined`, `x == null`, `x is None`, `!x`, `not x`, `x`: a condition that tells "no answer" apart. */
function checksAnswer(text: string, name: string): boolean {
  const words = new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])
  if (!words.has(name)) return false
  const t = text.trim()
  return (
    words.has('undefined') ||
    words.has('null') ||
    words.has('None') ||
    t === name ||
    t === `!${name}` ||
    t === `not ${name}`
  )
}

/** The call at a caller's place, and whether a condition after it in the caller checks what it returned. */
function callerChecks(input: CheckInput, fn: FunctionDecl, path: string, line: number): boolean {
  const info = input.byPath.get(path)
  if (!info) return false
  const call: CallSite | undefined = info.module.calls.find(
    (c) => c.loc.startLine === line && c.name === fn.name
  )
  const bound = call?.assignedTo
  if (!call || !bound) return false
  return info.module.conditions.some(
    (c) =>
      c.enclosing === call.enclosing &&
      c.loc.startLine > call.loc.endLine &&
      checksAnswer(c.text, bound)
  )
}

/**
 * The handler is empty (or only returns nothing), it ends its function, and every caller the model
 * resolved binds the result and checks it for "no answer". The callers' count, else undefined.
 */
export function answeredByCallers(
  input: CheckInput,
  tryBlock: TryBlock,
  fn: FunctionDecl | undefined
): number | undefined {
  if (!fn || !endsFunction(tryBlock, fn)) return undefined
  const callers = fn.callers ?? []
  if (callers.length === 0) return undefined
  return callers.every((c) => callerChecks(input, fn, c.path, c.line)) ? callers.length : undefined
}

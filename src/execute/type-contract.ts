// The code's own contract, from its Python annotations: a row whose arguments all have the declared
// parameter types and whose observed return value does not have the declared return type breaks the
// contract the function states (`def f(score: int) -> str` returning None for 0). Only the types a
// plain observed value can answer for are decided (str, int, float, bool, None, list, dict and their
// Optional/Union forms); anything else (a class, a tuple, a TypeVar, a string annotation we do not
// read) decides nothing, so no finding rests on a guess.
import type { SpecValue } from '../specs/types.js'

/** A parsed annotation: a union of the plain types, or null when it names anything else. */
type Plain = 'str' | 'int' | 'float' | 'bool' | 'None' | 'list' | 'dict'

const ALIASES: Record<string, Plain> = {
  str: 'str',
  int: 'int',
  float: 'float',
  bool: 'bool',
  None: 'None',
  NoneType: 'None',
  list: 'list',
  List: 'list',
  'typing.List': 'list',
  dict: 'dict',
  Dict: 'dict',
  'typing.Dict': 'dict'
}

/** Splits `a, b[c, d], e` at its top-level commas (or `|` bars). */
function splitTop(text: string, separator: ',' | '|'): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '[') depth++
    else if (ch === ']') depth--
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** The plain types an annotation allows, or null when it names anything this module does not decide. */
export function plainTypes(annotation: string): Set<Plain> | null {
  let text = annotation.trim()
  if (text === '') return null
  const bars = splitTop(text, '|')
  if (bars.length > 1) return unionOf(bars)
  const open = text.indexOf('[')
  if (open > 0 && text.endsWith(']')) {
    const head = text
      .slice(0, open)
      .trim()
      .replace(/^typing\./, '')
    const inner = text.slice(open + 1, -1)
    if (head === 'Optional') {
      const of = plainTypes(inner)
      return of ? new Set([...of, 'None' as const]) : null
    }
    if (head === 'Union') return unionOf(splitTop(inner, ','))
    text = head
  }
  const plain = ALIASES[text]
  return plain ? new Set([plain]) : null
}

function unionOf(parts: readonly string[]): Set<Plain> | null {
  const out = new Set<Plain>()
  for (const part of parts) {
    const of = plainTypes(part)
    if (!of) return null
    for (const t of of) out.add(t)
  }
  return out
}

/** The plain type of an observed value, or null when the value's encoding does not say. */
function typeOf(value: SpecValue): Plain | null {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'string') return 'str'
  // JSON does not keep 1.0 apart from 1: an integral number may be either.
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (Array.isArray(value)) return 'list'
  const special = (value as { $special?: unknown }).$special
  if (typeof special === 'string')
    return special === 'undefined' ? null : special.endsWith('SAFE_INTEGER') ? 'int' : 'float'
  if ('$bigint' in value) return 'int'
  if ('$repeat' in value) return 'str'
  if ('$code' in value || '$date' in value) return null
  return 'dict'
}

/** Whether `value` has one of the `allowed` types (PEP 484: bool is an int, an int is a float). */
export function conforms(value: SpecValue, allowed: ReadonlySet<Plain>): boolean | null {
  const type = typeOf(value)
  if (type === null) return null
  if (allowed.has(type)) return true
  if (type === 'bool' && (allowed.has('int') || allowed.has('float'))) return true
  // An integral number may have been a float (1.0): it never breaks a float annotation.
  if (type === 'int' && allowed.has('float')) return true
  return false
}

export interface TypeContract {
  /** Declared types of the positional parameters, in order; null where none is declared. */
  params: (string | null)[]
  returns: string
}

/**
 * Why an observed return breaks the declared contract for these arguments, or null: every argument
 * must have its declared (plain) type, and the value must plainly not have the declared return type.
 */
export function contractBreach(
  contract: TypeContract,
  args: readonly SpecValue[],
  returned: SpecValue
): string | null {
  const returns = plainTypes(contract.returns)
  if (!returns) return null
  for (const [i, arg] of args.entries()) {
    const declared = contract.params[i]
    const allowed = declared ? plainTypes(declared) : null
    if (!allowed || conforms(arg, allowed) !== true) return null
  }
  return conforms(returned, returns) === false
    ? `annotated -> ${contract.returns}, observed the value ${JSON.stringify(returned)}`
    : null
}

/** A Python expression true when `result` has one of the annotation's plain types (for the spec's row). */
export function pythonCheck(annotation: string): string | null {
  const allowed = plainTypes(annotation)
  if (!allowed) return null
  const tests: string[] = []
  if (allowed.has('None')) tests.push('result is None')
  const classes = [...allowed].filter((t) => t !== 'None')
  // bool is an int and int a float for the annotation, as for the check above.
  const names = new Set<string>(classes)
  if (names.has('float')) names.add('int')
  if (names.size > 0) tests.push(`isinstance(result, (${[...names].sort().join(', ')},))`)
  return tests.join(' or ')
}

// Questions every perspective asks the model about a site's context (src/model/extract/site-context.ts):
// is a value guarded before this use, does every caller catch what this function throws, is this throw
// the function validating its argument. Answers come from the model, not from re-reading source text.
import type {
  CallerRef,
  FunctionDecl,
  ModuleModel,
  SiteContext,
  SiteGuard
} from '../../src/model/types.js'

const IDENTIFIER = /[A-Za-z_$][\w$]*/g

function names(text: string): Set<string> {
  return new Set(text.match(IDENTIFIER) ?? [])
}

/** The guard of the site that mentions `name` (a check, a default, a short-circuit, an optional chain); undefined when none. */
export function guardOn(context: SiteContext | undefined, name: string): SiteGuard | undefined {
  return context?.guards.find((g) => names(g.text).has(name))
}

/** `guarded by \`if (!opts) return\` (line 3)`: how a finding names the guard it was lowered for. */
export function describeGuard(g: SiteGuard): string {
  const text = g.text.length > 60 ? `${g.text.slice(0, 59)}…` : g.text
  switch (g.kind) {
    case 'early-exit':
      return `an early exit when ${text} (line ${g.line})`
    case 'default':
      return `a default for ${text} (line ${g.line})`
    case 'optional-chain':
      return `optional chaining on ${text}`
    case 'and':
      return `a short-circuit on ${text}`
    case 'or':
    case 'nullish':
      return `a fallback when ${text} is missing`
    case 'assert':
      return `assert ${text} (line ${g.line})`
    default:
      return `${g.holds ? '' : 'the else of '}a check on ${text} (line ${g.line})`
  }
}

/** Whether a handler catching `catches` (empty: everything) deals with an error of one of `types` (Python names). */
export function catchesAny(catches: string[] | undefined, types: string[]): boolean {
  if (!catches || catches.length === 0) return true
  const short = catches.map((c) => c.split('.').pop() as string)
  return short.some((c) => c === 'Exception' || c === 'BaseException' || types.includes(c))
}

/**
 * When every call of `fn` from the repository is in a try that deals with an error of `types`
 * (empty: any error): those callers, else undefined. No callers is not "every caller catches".
 */
export function caughtByEveryCaller(
  fn: FunctionDecl | undefined,
  types: string[] = []
): CallerRef[] | undefined {
  const callers = fn?.callers
  if (!callers || callers.length === 0) return undefined
  const caught = callers.every(
    (c) => c.handled && (types.length === 0 || catchesAny(c.catches, types))
  )
  return caught ? callers : undefined
}

/** Words that test an argument's shape without naming anything else: `typeof`, `isinstance`, `len`, literals. */
const CHECK_WORDS = new Set([
  'typeof',
  'instanceof',
  'undefined',
  'null',
  'true',
  'false',
  'None',
  'True',
  'False',
  'not',
  'and',
  'or',
  'is',
  'in',
  'isinstance',
  'issubclass',
  'callable',
  'len',
  'type',
  'Array',
  'isArray',
  'Number',
  'isInteger',
  'isFinite',
  'isNaN',
  'isSafeInteger',
  'String',
  'Object',
  'length',
  'string',
  'number',
  'boolean',
  'object',
  'function',
  'bigint',
  'symbol',
  'str',
  'int',
  'float',
  'bool',
  'dict',
  'list',
  'tuple',
  'set',
  'bytes',
  'hasattr',
  'Buffer',
  'isBuffer',
  'trim',
  'strip'
])

/**
 * A throw that rejects a bad argument: the innermost guard is a condition on the function's own
 * parameters only (`if (!path) throw new TypeError(...)`, `if not isinstance(x, int): raise TypeError`).
 * The parameter it validates, else undefined.
 */
export function validatedParameter(
  context: SiteContext | undefined,
  fn: FunctionDecl | undefined,
  language: ModuleModel['language']
): string | undefined {
  const g = context?.guards[0]
  if (!g || !fn || (g.kind !== 'if' && g.kind !== 'else')) return undefined
  const params = new Set(
    fn.params
      .map((p) => p.name)
      .filter((n) => !(language === 'python' && (n === 'self' || n === 'cls')))
  )
  if (params.size === 0) return undefined
  // Members read off a parameter (`opts.name`) are the parameter's own: drop what follows a dot.
  const bare = g.text
    .replace(/\.\s*[A-Za-z_$][\w$]*/g, '')
    .replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '')
  const used = [...names(bare)]
  const validated = used.find((n) => params.has(n))
  if (!validated) return undefined
  return used.every((n) => params.has(n) || CHECK_WORDS.has(n) || /^\d/.test(n))
    ? validated
    : undefined
}

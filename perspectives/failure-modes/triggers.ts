// Argument values that reach a failure mode, derived from the code: the literal a guard compares a
// parameter against (`n < 0` gives -1, `len(s) == 0` gives ""), the value a throwing call fails on when
// a parameter goes straight into it (`JSON.parse(text)` gets '{not json'), or undefined/None for an
// unchecked optional parameter. Other parameters get values from their declared types; when one has no
// type we can build, there is no plan and the spec says what to arrange.
import type {
  Comparison,
  Condition,
  Language,
  ModuleModel,
  Parameter
} from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'
import { sampleForType, splitTopLevel } from '../shared/values.js'
import { callerParams, type FailureMode, shorten } from './modes.js'

export type TriggerPlan =
  { ok: true; args: SpecValue[]; via: string } | { ok: false; arrange: string }

const UNDEFINED: SpecValue = { $special: 'undefined' }
const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' }

/** Values for some parameters (by name) that trigger the mode, or a reason why none can be derived. */
export function triggerValues(
  mode: FailureMode
): { values: Map<string, SpecValue>; via: string } | { arrange: string } {
  const python = mode.module.language === 'python'
  const params = callerParams(mode.fn, mode.module.language)
  if (mode.kind === 'optional' && mode.param) {
    return {
      values: new Map([[mode.param.name, python ? null : UNDEFINED]]),
      via: `${mode.param.name} left out`
    }
  }
  const failing =
    mode.kind === 'call' ? mode.call : mode.kind === 'throw' ? mode.catchCall : undefined
  if (failing) {
    // The throwing call (or the call whose failure the catch turns into this throw) fed by a parameter.
    const trigger = python ? failing.entry.trigger?.python : failing.entry.trigger?.javascript
    const first = failing.site.args[0]?.trim()
    const param = params.find((p) => p.name === first)
    if (trigger !== undefined && param)
      return {
        values: new Map([[param.name, trigger as SpecValue]]),
        via: `${param.name} = ${JSON.stringify(trigger)}`
      }
    const call = shorten(
      `${failing.site.isNew ? 'new ' : ''}${failing.site.callee}(${failing.site.args.join(', ')})`,
      60
    )
    return { arrange: `inputs or an environment in which ${failing.entry.when}, for ${call}` }
  }
  if (mode.kind === 'throw') {
    if (mode.guard === undefined) return { arrange: `the state in which ${mode.text} is reached` }
    const condition = guardCondition(mode)
    const values = fromGuard(mode.guard, condition?.comparisons ?? [], params, mode.module.language)
    if (values) return { values, via: `guard ${mode.guard}` }
    return { arrange: `inputs for which ${mode.guard} holds` }
  }
  return { arrange: 'inputs that reach the failure' }
}

/** The condition the model recorded for the throw's guard: same function and text, the nearest before it. */
function guardCondition(mode: FailureMode): Condition | undefined {
  let found: Condition | undefined
  const guard = mode.guard?.replace(/^not \((.*)\)$/s, '$1')
  for (const c of mode.module.conditions) {
    if (
      c.enclosing !== mode.fn?.qualifiedName ||
      c.text !== guard ||
      c.loc.startLine > mode.loc.startLine
    )
      continue
    if (!found || c.loc.startLine >= found.loc.startLine) found = c
  }
  return found
}

/** Values that make the guard true; `not (g)` (a Python else branch) makes g false. */
export function fromGuard(
  guard: string,
  comparisons: Comparison[],
  params: Parameter[],
  language: Language
): Map<string, SpecValue> | undefined {
  let text = guard.trim()
  let negate = false
  const inner = /^not \((.*)\)$/s.exec(text)
  if (inner) {
    text = inner[1]
    negate = true
  }
  const python = language === 'python'
  const hasAnd = /&&|\band\b/.test(text)
  const hasOr = /\|\||\bor\b/.test(text)
  if (comparisons.length === 0) {
    // `!p` / `not p`: a falsy value of the parameter's type.
    const m = /^(?:!|not\s+)\s*([A-Za-z_$][\w$]*)$/.exec(text)
    const p = m ? params.find((x) => x.name === m[1]) : undefined
    if (!p || negate) return undefined
    const v = falsy(p, python)
    return v === undefined ? undefined : new Map([[p.name, v]])
  }
  if (hasAnd && hasOr) return undefined
  // All must hold for `and`, one for `or`; negated: one must fail for `and`, all for `or`.
  const needAll = negate ? hasOr : hasAnd || comparisons.length === 1
  const values = new Map<string, SpecValue>()
  for (const c of comparisons) {
    const v = satisfy(c, params, python, negate)
    if (!v) {
      if (needAll) return undefined
      continue
    }
    if (values.has(v.param) && JSON.stringify(values.get(v.param)) !== JSON.stringify(v.value))
      return undefined
    values.set(v.param, v.value)
    if (!needAll) break
  }
  return values.size > 0 ? values : undefined
}

function falsy(p: Parameter, python: boolean): SpecValue | undefined {
  const t = (p.type ?? '').trim()
  if (/^(string|str)$/.test(t)) return ''
  if (/^(number|int|float)$/.test(t)) return 0
  if (/^(boolean|bool)$/.test(t)) return false
  if (python) return /^(list|List)\b/.test(t) ? [] : null
  if (t === '' || splitTopLevel(t, '|').includes('undefined') || p.optional) return UNDEFINED
  return splitTopLevel(t, '|').includes('null') ? null : undefined
}

type Subject = { param: Parameter; via: 'value' | 'length' | 'typeof' }

function subjectOf(text: string, params: Parameter[]): Subject | undefined {
  const t = text.trim()
  const find = (name: string | undefined) => params.find((p) => p.name === name)
  let m = /^([A-Za-z_$][\w$]*)$/.exec(t)
  if (m && find(m[1])) return { param: find(m[1]) as Parameter, via: 'value' }
  m = /^len\(\s*([A-Za-z_]\w*)\s*\)$/.exec(t) ?? /^([A-Za-z_$][\w$]*)\.length$/.exec(t)
  if (m && find(m[1])) return { param: find(m[1]) as Parameter, via: 'length' }
  m = /^typeof\s+([A-Za-z_$][\w$]*)$/.exec(t)
  if (m && find(m[1])) return { param: find(m[1]) as Parameter, via: 'typeof' }
  return undefined
}

const NEGATED: Record<string, string> = {
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  '==': '!=',
  '===': '!==',
  '!=': '==',
  '!==': '===',
  is: 'is not',
  'is not': 'is'
}

function satisfy(
  c: Comparison,
  params: Parameter[],
  python: boolean,
  negate: boolean
): { param: string; value: SpecValue } | undefined {
  if (c.literalSide === undefined || c.literal === undefined) return undefined
  const subjectText = c.literalSide === 'right' ? c.left : c.right
  const subject = subjectOf(subjectText, params)
  if (!subject) return undefined
  let op = c.literalSide === 'left' ? (FLIP[c.operator] ?? c.operator) : c.operator
  if (negate) {
    op = NEGATED[op] ?? ''
    if (!op) return undefined
  }
  const lit = c.literal
  const value = (() => {
    if (subject.via === 'typeof') return typeof lit === 'string' ? typeofValue(lit, op) : undefined
    if (typeof lit === 'number') {
      const n = numberFor(lit, op)
      if (n === undefined) return undefined
      if (subject.via === 'value') return n
      if (!Number.isInteger(n) || n < 0 || n > 10_000) return undefined
      const t = subject.param.type ?? ''
      return /\[\]|Array|list|List|Sequence|tuple/.test(t)
        ? Array.from({ length: n }, () => 1)
        : 'a'.repeat(n)
    }
    if (subject.via !== 'value') return undefined
    if (typeof lit === 'string')
      return op === '==' || op === '==='
        ? lit
        : op === '!=' || op === '!=='
          ? `${lit}-unexpected`
          : undefined
    if (typeof lit === 'boolean')
      return op === '==' || op === '===' || op === 'is'
        ? lit
        : op === '!=' || op === '!==' || op === 'is not'
          ? !lit
          : undefined
    if (lit === null)
      return op === '==' || op === '===' || op === 'is'
        ? python
          ? null
          : nullFor(subjectText, subject.param)
        : undefined
    return undefined
  })()
  return value === undefined ? undefined : { param: subject.param.name, value }
}

function nullFor(_text: string, p: Parameter): SpecValue {
  return splitTopLevel(p.type ?? '', '|').includes('null') ? null : UNDEFINED
}

function numberFor(n: number, op: string): number | undefined {
  switch (op) {
    case '<':
      return n - 1
    case '<=':
    case '>=':
    case '==':
    case '===':
      return n
    case '>':
      return n + 1
    case '!=':
    case '!==':
      return n + 1
  }
  return undefined
}

function typeofValue(type: string, op: string): SpecValue | undefined {
  const other: Record<string, SpecValue> = {
    string: 1,
    number: 'x',
    boolean: 'x',
    object: 'x',
    function: 1,
    undefined: 1,
    bigint: 1
  }
  const same: Record<string, SpecValue> = {
    string: 'x',
    number: 1,
    boolean: true,
    undefined: UNDEFINED,
    object: {}
  }
  if (op === '!==' || op === '!=') return other[type]
  if (op === '===' || op === '==') return same[type]
  return undefined
}

/**
 * The full argument list: trigger values where derived, sample values from declared types elsewhere,
 * up to the last parameter that matters (the triggered one or the last required one).
 */
export function planTrigger(mode: FailureMode): TriggerPlan {
  const derived = triggerValues(mode)
  if ('arrange' in derived) return { ok: false, arrange: derived.arrange }
  const { values } = derived
  const language: ModuleModel['language'] = mode.module.language
  const python = language === 'python'
  const params = callerParams(mode.fn, language).filter((p) => !p.rest)
  const required = (p: Parameter) => !p.optional && p.defaultValue === undefined
  // Plain JavaScript may leave trailing arguments out (they arrive as undefined); TypeScript's typed
  // tables and Python may not.
  const omitTrailing = language === 'javascript' || language === 'jsx'
  let last = -1
  params.forEach((p, i) => {
    if ((!omitTrailing && required(p) && !p.keywordOnly) || values.has(p.name)) last = i
  })
  if (params.some((p) => values.has(p.name) && p.keywordOnly))
    return { ok: false, arrange: `keyword argument ${[...values.keys()].join(', ')}` }
  const args: SpecValue[] = []
  const unknown: string[] = []
  for (let i = 0; i <= last; i++) {
    const p = params[i]
    if (values.has(p.name)) {
      args.push(values.get(p.name) as SpecValue)
      continue
    }
    if (!required(p)) {
      if (python) {
        const d = literalDefault(p.defaultValue)
        if (d === undefined) unknown.push(`${p.name} (default ${p.defaultValue ?? 'none'})`)
        else args.push(d)
      } else args.push(UNDEFINED)
      continue
    }
    const sample = sampleForType(p.type, language)
    if (sample === undefined) unknown.push(p.type ? `${p.name}: ${p.type}` : `${p.name} (untyped)`)
    else args.push(sample)
  }
  if (unknown.length > 0) return { ok: false, arrange: unknown.join(', ') }
  return { ok: true, args, via: derived.via }
}

function literalDefault(text: string | undefined): SpecValue | undefined {
  if (text === undefined) return undefined
  const t = text.trim()
  if (t === 'None') return null
  if (t === 'True' || t === 'False') return t === 'True'
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
  const m = /^(['"])(.*)\1$/.exec(t)
  return m && !m[2].includes(m[1]) && !m[2].includes('\\') ? m[2] : undefined
}

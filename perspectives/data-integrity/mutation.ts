// Functions of the public API (exported functions, public methods of exported classes) that change an
// argument in place: mutating calls on a parameter (push/splice/sort/reverse/set/delete..., Python
// append/extend/update/pop/sort/clear...), Object.assign(param, ...), and Python subscript stores
// (`param[k] = v`, from the model's assignments). JavaScript subscript stores are not in the model: they
// are read from the function's lines (`param[...] = `). Parameters named as outputs (res, out, acc,
// target...) are meant to be written and are left alone, and so are a WSGI `environ` and an ASGI `scope`:
// middleware rewrites them for the application by protocol (judged false on waitress).
import type { FunctionDecl } from '../../src/model/types.js'
import {
  type CheckInput,
  type Found,
  functionLines,
  type ModuleInfo,
  whereText,
  words
} from './context.js'
import { within } from '../kit/index.js'

const JS_MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'delete',
  'clear',
  'add'
])
const PY_MUTATORS = new Set([
  'append',
  'extend',
  'insert',
  'remove',
  'pop',
  'sort',
  'reverse',
  'clear',
  'update',
  'setdefault',
  'popitem',
  'add',
  'discard'
])
/** Reordering in place surprises most: the caller's data changes order without any sign. */
const REORDER = new Set([
  'sort',
  'reverse',
  'splice',
  'shift',
  'pop',
  'popitem',
  'remove',
  'clear',
  'delete',
  'discard'
])
const OUTPUT_NAMES =
  /^(res|response|reply|ctx|context|req|request|out|output|acc|accumulator|result|results|target|dest|destination|sink|collector|builder|buf|buffer|stream|writer|emitter|el|element|node|dom|parent|state|draft|memo|cache|seen|visited|registry|store|app|server|router|program|parser|argv|env|logger|log|errors|warnings|messages|lines|stack|queue|hooks|events|self|cls|this|path|ancestors|parents|environ|scope|_)$/i
/** Functions whose name says they write into something (serializeInto, fillDefaults, addItem, sortInPlace...). */
const MUTATING_VERBS = new Set([
  'into',
  'fill',
  'write',
  'append',
  'add',
  'push',
  'register',
  'populate',
  'collect',
  'merge',
  'assign',
  'update',
  'set',
  'apply',
  'mutate',
  'patch',
  'init',
  'initialize',
  'reset',
  'sort',
  'shuffle',
  'clear',
  'remove',
  'delete',
  'insert',
  'extend',
  'inject',
  'attach',
  'install',
  'decorate',
  'augment',
  'normalize',
  'normalise',
  'prune',
  'strip',
  'consume',
  'drain',
  'record',
  'track',
  'mark',
  'emit',
  'visit',
  'walk',
  'store',
  'save',
  'put',
  'pop',
  'shift',
  'enqueue',
  'dequeue'
])
/** Byte buffers and typed arrays are output parameters by convention. */
const BUFFER = /buf|buffer|bytes|array$|^u?int\d+|^arr$|^out/i
const BUFFER_TYPE =
  /^(Buffer|Uint8Array|Uint16Array|Uint32Array|Int8Array|Int16Array|Int32Array|Float32Array|Float64Array|DataView|ArrayBuffer|bytearray|memoryview)\b/

function publicFunction(info: ModuleInfo, fn: FunctionDecl): boolean {
  if (fn.name.startsWith('_') || fn.name.startsWith('#')) return false
  if (fn.className)
    return (
      !!info.module.classes.find((c) => c.name === fn.className)?.exported &&
      fn.kind !== 'constructor'
    )
  return fn.exported && fn.qualifiedName === fn.name
}

interface Mutation {
  param: string
  how: string
  line: { startLine: number; endLine: number }
  reorder: boolean
  method?: string
}

function mutations(input: CheckInput, info: ModuleInfo, fn: FunctionDecl): Mutation[] {
  if (words(fn.name).some((w) => MUTATING_VERBS.has(w)) || /into/i.test(fn.name)) return []
  const params = new Set(
    fn.params
      // `*args`/`**kwargs` and JS rest parameters are fresh per call: changing them touches nothing of the caller's.
      .filter(
        (p) => !p.rest && !BUFFER.test(p.name) && !(p.type && BUFFER_TYPE.test(p.type.trim()))
      )
      .map((p) => p.name)
      .filter((n) => !OUTPUT_NAMES.test(n) && /^[A-Za-z_$][\w$]*$/.test(n))
  )
  if (params.size === 0) return []
  const python = info.dialect === 'python'
  // Calls directly in this function (nested callbacks may receive copies).
  const out: Mutation[] = []
  for (const call of info.module.calls) {
    if (call.enclosing !== fn.qualifiedName) continue
    if (
      call.receiver &&
      params.has(call.receiver) &&
      (python ? PY_MUTATORS : JS_MUTATORS).has(call.name)
    ) {
      out.push({
        param: call.receiver,
        how: `${call.callee}()`,
        line: call.loc,
        reorder: REORDER.has(call.name),
        method: call.name
      })
    } else if (
      !python &&
      (call.callee === 'Object.assign' || call.callee === 'Object.defineProperty') &&
      params.has((call.args[0] ?? '').trim())
    ) {
      out.push({
        param: call.args[0].trim(),
        how: `${call.callee}(${call.args[0].trim()}, …)`,
        line: call.loc,
        reorder: false
      })
    }
  }
  if (python) {
    for (const a of info.module.assignments ?? []) {
      if (
        a.enclosing === fn.qualifiedName &&
        a.operator === '=' &&
        params.has(a.name) &&
        a.target.startsWith(`${a.name}[`)
      ) {
        out.push({ param: a.name, how: `\`${a.target} = …\``, line: a.loc, reorder: false })
      }
    }
  } else {
    let nested: FunctionDecl[] | undefined
    for (const { line, text } of functionLines(input.quote, info, fn)) {
      if (!text.includes('[') && !text.includes('delete')) continue
      const m =
        /^\s*([A-Za-z_$][\w$]*)\[[^\]]+\]\s*=[^=]/.exec(text) ??
        /^\s*delete\s+([A-Za-z_$][\w$]*)[.[]/.exec(text)
      if (!m || !params.has(m[1])) continue
      nested ??= info.module.functions.filter((f) => f !== fn && within(f.loc, fn.loc))
      if (nested.some((f) => line >= f.loc.startLine && line <= f.loc.endLine)) continue
      if (m && params.has(m[1]))
        out.push({
          param: m[1],
          how: `\`${text.trim().slice(0, 50)}\``,
          line: { startLine: line, endLine: line },
          reorder: text.includes('delete')
        })
    }
  }
  if (out.length === 0) return out
  const rebound = rebindings(input, info, fn, new Set(out.map((m) => m.param)))
  return out.filter(
    (m) =>
      !(rebound.get(m.param) !== undefined && (rebound.get(m.param) as number) < m.line.startLine)
  )
}

/** The line where a parameter is first rebound (`items = list(items)`, `opts = { ...opts }`): later changes touch the copy. */
function rebindings(
  input: CheckInput,
  info: ModuleInfo,
  fn: FunctionDecl,
  params: Iterable<string>
): Map<string, number> {
  const out = new Map<string, number>()
  const lines = functionLines(input.quote, info, fn)
  for (const name of params) {
    const pattern = new RegExp(
      `^\\s*(?:(?:const|let|var)\\s+)?${name.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=(?!=)`
    )
    const hit = lines.find((l) => l.line > fn.loc.startLine && pattern.test(l.text))
    if (hit) out.set(name, hit.line)
  }
  return out
}

/**
 * Every call of `fn` in the repository passes a name and binds the result back to it
 * (`headers = utils.cleanHeader(headers, x)`): the caller treats its value as consumed (superagent,
 * judged harmless). The first such call as `path:line`, or undefined.
 */
function callersRebind(input: CheckInput, fn: FunctionDecl, param: string): string | undefined {
  const index = fn.params.findIndex((p) => p.name === param)
  const callers = fn.callers ?? []
  if (index < 0 || callers.length === 0) return undefined
  for (const ref of callers) {
    const module = input.model.modules.find((m) => m.path === ref.path)
    const call = module?.calls.find((c) => c.loc.startLine === ref.line && c.name === fn.name)
    const passed = call?.args[index]?.trim()
    if (!call || !passed || call.assignedTo !== passed) return undefined
  }
  return `${callers[0].path}:${callers[0].line}`
}

export function checkMutation(input: CheckInput): Found[] {
  const found: Found[] = []
  for (const info of input.modules) {
    // Tool configuration files (karma.conf.js, vite.config.ts) export a function that fills the config it is given.
    if (/\.(conf|config)\.[cm]?[jt]s$/.test(info.module.path)) continue
    for (const fn of info.module.functions) {
      if (!publicFunction(info, fn)) continue
      const byParam = new Map<string, Mutation[]>()
      for (const m of mutations(input, info, fn))
        byParam.set(m.param, [...(byParam.get(m.param) ?? []), m])
      for (const [param, list] of byParam) {
        const first = list.sort((a, b) => a.line.startLine - b.line.startLine)[0]
        const reorder = list.some((m) => m.reorder)
        const where = whereText(info, fn)
        const hows = [...new Set(list.map((m) => m.how))]
        const rebound = callersRebind(input, fn, param)
        found.push({
          info,
          fn,
          draft: {
            messageId: 'argumentMutation',
            data: {
              where,
              param,
              how: hows.slice(0, 3).join(', ') + (hows.length > 3 ? ', …' : ''),
              effect: reorder ? 'reordered or with items removed' : 'changed'
            },
            severity: reorder && !rebound ? 'medium' : 'low',
            confidence: 'medium',
            rationale:
              `${fn.qualifiedName}() is reachable from other modules and writes into its parameter ${param}; the caller's data changes as a side effect. ` +
              (rebound
                ? `Low: every caller in the repository rebinds the result to the name it passed (${rebound}), so none of them keeps the old value; only callers outside it can be surprised.`
                : 'The check reads calls on the parameter itself and subscript stores; it cannot see whether callers pass a copy.'),
            evidence: input.quote.evidence(info.module.path, first.line, 2),
            key: `${fn.qualifiedName}|${param}`,
            symbol: fn.qualifiedName,
            tags: ['mutation']
          },
          spec: { param, methods: list.map((m) => m.method ?? '') }
        })
      }
    }
  }
  return found
}

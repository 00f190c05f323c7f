// Prototype pollution. The model keeps no assignments, so the computed-key write is approximated: a
// function that calls itself for nested values while iterating an object's keys (a recursive merge /
// deep copy / extend), or a set-by-path function that splits a path and walks it in a loop, and in
// which no string or condition mentions `__proto__`, `constructor` or `prototype` (the guard). The write
// itself is looked for on the function's lines: `param[key] =` for a merge (a fresh local object being
// filled cannot pollute), `x[key] =` for set-by-path.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'

const GUARD = /__proto__|constructor|prototype|isPrototypePolluted|Object\.create\(null\)/
const SET_BY_PATH =
  /^(set|put|assign|deepSet|setPath|setIn|setValue|setProperty|dset|unflatten|expand)/i

function iteratesKeys(module: ModuleModel, fn: FunctionDecl): string | undefined {
  const loop = module.loops.find(
    (l) =>
      l.enclosing === fn.qualifiedName &&
      (l.kind === 'for-in' ||
        /Object\.(keys|entries)|Reflect\.ownKeys/.test(l.iterates ?? l.header))
  )
  if (loop) return loop.header.split('\n')[0].slice(0, 60)
  const call = module.calls.find(
    (c) => c.enclosing === fn.qualifiedName && /^Object\.(keys|entries)$/.test(c.callee)
  )
  return call ? `${call.callee}(${(call.args[0] ?? '').slice(0, 30)})` : undefined
}

function guarded(module: ModuleModel, fn: FunctionDecl): boolean {
  return (
    module.strings.some((s) => s.enclosing === fn.qualifiedName && GUARD.test(s.value)) ||
    module.conditions.some((c) => c.enclosing === fn.qualifiedName && GUARD.test(c.text)) ||
    module.calls.some(
      (c) =>
        c.enclosing === fn.qualifiedName &&
        (GUARD.test(c.callee) ||
          c.args.some((a) => /__proto__|['"]constructor['"]|['"]prototype['"]/.test(a)))
    )
  )
}

function writesThroughComputedKey(
  context: CheckContext,
  module: ModuleModel,
  fn: FunctionDecl,
  target: string
): boolean {
  const write = new RegExp(`(?<![\\w$.])${target}\\[[^\\]]+\\]\\s*=(?!=)`)
  const lines = context.quoter.lines(module.path)
  for (let n = fn.loc.startLine; n <= Math.min(fn.loc.endLine, lines.length); n++)
    if (write.test(lines[n - 1])) return true
  return false
}

export function prototypeFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    if (module.language === 'python') continue
    for (const fn of module.functions) {
      if (fn.params.length === 0) continue
      const self = module.calls.find(
        (c) =>
          c.enclosing === fn.qualifiedName &&
          c.name === fn.name &&
          (!c.receiver || c.receiver === 'this')
      )
      const keys = iteratesKeys(module, fn)
      let evidence: string | undefined
      if (self && keys)
        evidence = `recursive call \`${self.callee}(${self.args.join(', ').slice(0, 50)})\` while iterating \`${keys}\``
      else if (SET_BY_PATH.test(fn.name)) {
        const split = module.calls.find(
          (c) => c.enclosing === fn.qualifiedName && c.name === 'split'
        )
        const loop = module.loops.find((l) => l.enclosing === fn.qualifiedName)
        if (split && loop)
          evidence = `path split with \`${split.callee}(${split.args.join(', ').slice(0, 20)})\` and walked in \`${loop.header.split('\n')[0].slice(0, 50)}\``
      }
      if (!evidence || guarded(module, fn)) continue
      const params = fn.params.map((p) => p.name).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
      const target =
        self && keys
          ? `(?:${params.map((n) => n.replace(/\$/g, '\\$')).join('|')})`
          : '[A-Za-z_$][\\w$]*'
      if (params.length === 0 || !writesThroughComputedKey(context, module, fn, target)) continue
      const draft: Draft = {
        messageId: 'prototypePollution',
        data: { function: fn.qualifiedName, evidence },
        severity: fn.exported ? 'high' : 'medium',
        confidence: 'low',
        rationale:
          'Approximated: the model records no assignments, so the write through a computed key is inferred from recursion over keys (or a split path walked in a loop) with no __proto__/constructor/prototype guard in the function.',
        evidence: context.quoter.evidence(module.path, {
          startLine: fn.loc.startLine,
          endLine: fn.loc.startLine
        }),
        key: `${fn.qualifiedName}#merge`,
        symbol: fn.qualifiedName,
        cwe: CWE.prototypePollution
      }
      out.push(draft)
      if (fn.exported && !fn.className)
        context.hostile.push({
          draft,
          module,
          entry: {
            function: fn,
            param: fn.params[fn.params.length - 1].name,
            index: fn.params.length - 1
          }
        })
    }
  }
  return out
}

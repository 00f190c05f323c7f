// Steps for a failure mode inside a method: construct the class (when its constructor needs no
// arguments), call the method with the derived arguments and assert the error, in the target's
// framework. Returns undefined when the instance or the arguments cannot be built.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'
import type { RenderTarget, SpecValue, StepsSpecBody } from '../../src/specs/types.js'
import { jsString, pyString, renderJsValue, renderPyValue } from '../../src/specs/values.js'
import { methodsOf } from '../shared/units.js'
import type { SpecExpectation } from '../../src/specs/types.js'

/** A class that `new C()` / `C()` builds: exported, and a constructor with no required parameter (or none and no base). */
function constructible(module: ModuleModel, className: string): boolean {
  const cls = module.classes.find((c) => c.name === className && c.exported)
  if (!cls) return false
  const ctor = methodsOf(module, cls).find(
    (f) => f.kind === 'constructor' || f.name === '__init__' || f.name === 'constructor'
  )
  if (!ctor)
    return cls.bases.length === 0 || cls.bases.every((b) => ['object', 'Exception'].includes(b))
  // The model leaves `self` out of Python methods' parameters.
  return ctor.params.every((p) => p.rest || p.optional || p.defaultValue !== undefined)
}

export function methodSteps(
  module: ModuleModel,
  fn: FunctionDecl,
  args: SpecValue[],
  expect: Extract<SpecExpectation, { kind: 'throws' }>,
  target: RenderTarget
): StepsSpecBody | undefined {
  const className = fn.className
  if (
    !className ||
    fn.name.startsWith('#') ||
    fn.kind === 'getter' ||
    fn.kind === 'setter' ||
    fn.kind === 'constructor' ||
    fn.name === '__init__'
  )
    return undefined
  if (!constructible(module, className)) return undefined
  const python = module.language === 'python'
  if (python) {
    const imports = new Set<string>()
    const call = `instance.${fn.name}(${args.map((a) => renderPyValue(a, imports)).join(', ')})`
    const match =
      expect.message !== undefined ? `, match=re.escape(${pyString(expect.message)})` : ''
    const lines = [
      `instance = ${className}()`,
      `with pytest.raises(${expect.errorType ?? 'Exception'}${match}):`,
      `    ${fn.async ? 'await ' : ''}${call}`
    ]
    if (imports.size > 0) return undefined // plain values only: no module needed to build them
    // The error type: built in, `json.JSONDecodeError` (import json), or a name the module defines or imports.
    const type = expect.errorType
    const dotted = type?.includes('.') ? type.split('.').slice(0, -1).join('.') : undefined
    const local =
      !!type &&
      !dotted &&
      (module.classes.some((c) => c.name === type) ||
        module.imports.some((d) => d.names.some((n) => n.local === type)))
    return {
      kind: 'steps',
      module: module.path,
      imports: [
        ...(match ? [{ from: 're', names: [] }] : []),
        ...(dotted ? [{ from: dotted, names: [] }] : []),
        { from: module.path, names: [className, ...(local && type !== className ? [type] : [])] }
      ],
      steps: { python: lines.join('\n') },
      async: fn.async
    }
  }
  const call = `instance.${fn.name}(${args.map(renderJsValue).join(', ')})`
  const type = expect.errorType
  const lines = [`const instance = new ${className}()`]
  if (target.framework === 'jest' || target.framework === 'vitest') {
    const matchers = [
      type,
      expect.message !== undefined ? jsString(expect.message) : undefined
    ].filter((m): m is string => m !== undefined)
    const subject = fn.async ? call : `() => ${call}`
    const prefix = fn.async ? `await expect(${subject}).rejects` : `expect(${subject})`
    lines.push(
      ...(matchers.length > 0
        ? matchers.map((m) => `${prefix}.toThrow(${m})`)
        : [`${prefix}.toThrow()`])
    )
  } else {
    // node:assert (node:test, mocha): a class validates the type; the literal message is the whole message.
    const verb = fn.async ? 'await assert.rejects' : 'assert.throws'
    lines.push(`${verb}(() => ${call}, ${type ?? 'Error'})`)
    if (expect.message !== undefined)
      lines.push(`${verb}(() => ${call}, { message: ${jsString(expect.message)} })`)
  }
  const own =
    type &&
    ![
      'Error',
      'TypeError',
      'RangeError',
      'SyntaxError',
      'URIError',
      'ReferenceError',
      'EvalError',
      'AggregateError'
    ].includes(type)
      ? [type]
      : []
  // The renderer imports the framework's expect/assert itself.
  return {
    kind: 'steps',
    module: module.path,
    imports: [{ from: module.path, names: [className, ...own] }],
    steps: { javascript: lines.join('\n') },
    async: fn.async
  }
}

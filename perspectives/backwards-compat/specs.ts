// API contract specs: each pins one public signature as it is at HEAD, so that the next change to it
// fails a test and has to be decided on purpose. JavaScript/TypeScript: the export is a function and
// its `length` (parameters before the first default or rest); Python: `inspect.signature` parameter
// names, kinds and literal defaults. Changed signatures first, then the entry modules' API.
import type { RenderTarget, SpecDraft } from '../../src/specs/types.js'
import { jsString, pyString } from '../../src/specs/values.js'
import type { ApiItem } from './api.js'
import { describeSignature } from './api.js'

export interface SpecSubject {
  item: ApiItem
  /** Ids of the findings about this item (changed signatures). */
  covers: string[]
}

const PY_LITERAL = /^(-?\d+(\.\d+)?|None|True|False|'[^'\\\n]*'|"[^"\\\n]*")$/

function isRunnable(item: ApiItem): boolean {
  // A default export (and its members: `default.ANY`) has no name a spec can write.
  if (item.declaration || item.name === 'default' || item.name.startsWith('default.')) return false
  if (item.name.startsWith('*')) return false
  if (item.kind === 'class') return true
  return (item.kind === 'function' || item.kind === 'method') && item.params !== undefined
}

/** `.length` of a JavaScript function: parameters before the first with a default, or a rest. */
function jsLength(item: ApiItem): number {
  const params = item.params ?? []
  const first = params.findIndex((p) => p.rest || p.defaultValue !== undefined)
  return first < 0 ? params.length : first
}

function jsSteps(item: ApiItem, target: RenderTarget): { name: string; code: string } {
  const expectStyle = target.framework === 'jest' || target.framework === 'vitest'
  const check = (actual: string, expected: string): string =>
    expectStyle
      ? `expect(${actual}).toBe(${expected})`
      : `assert.strictEqual(${actual}, ${expected})`
  const [owner, member] = item.name.includes('.') ? item.name.split('.', 2) : [item.name, undefined]
  if (item.kind === 'class') return { name: owner, code: check(`typeof ${owner}`, "'function'") }
  const subject =
    member === undefined
      ? owner
      : member === 'constructor'
        ? owner
        : `Reflect.get(${owner}.prototype, ${jsString(member)}) ?? Reflect.get(${owner}, ${jsString(member)})`
  const lines = [
    `const subject = ${subject}`,
    check('typeof subject', "'function'"),
    `// ${describeSignature(item)}`,
    check('subject.length', String(jsLength(item)))
  ]
  return { name: owner, code: lines.join('\n') }
}

function pySteps(item: ApiItem): { name: string; code: string } {
  const [owner, member] = item.name.includes('.') ? item.name.split('.', 2) : [item.name, undefined]
  if (item.kind === 'class' && member === undefined) {
    return { name: owner, code: `import inspect\nassert inspect.isclass(${owner})` }
  }
  const decorators = (item.decorators ?? []).map((d) => d.replace(/^@/, '').split('(')[0].trim())
  if (
    member !== undefined &&
    decorators.some(
      (d) =>
        d === 'property' ||
        d.endsWith('.setter') ||
        d.endsWith('.getter') ||
        d === 'cached_property' ||
        d === 'functools.cached_property'
    )
  ) {
    return {
      name: owner,
      code: `import inspect\nassert isinstance(inspect.getattr_static(${owner}, ${pyString(member)}), (property, getattr(__import__('functools'), 'cached_property', property)))`
    }
  }
  const subject = member === undefined || member === 'constructor' ? owner : `${owner}.${member}`
  const params = item.params ?? []
  // The model leaves out `self`; a plain method read from the class has it first (classmethods come bound,
  // staticmethods have none, and the class itself stands for its constructor).
  const dropFirst =
    member !== undefined &&
    member !== 'constructor' &&
    !decorators.some((d) => d === 'staticmethod' || d === 'classmethod')
  // Inside a class body Python mangles `__name` parameters to `_Class__name`.
  const mangle = (name: string): string =>
    member !== undefined && name.startsWith('__') && !name.endsWith('__')
      ? `_${owner.replace(/^_+/, '')}${name}`
      : name
  const names = params.map((p) => mangle(p.name.replace(/^\*+/, '')))
  // The model does not tell `*args` from `**kwargs`: variadic parameters are counted, the others pinned by kind.
  const kinds = params
    .filter((p) => !p.rest)
    .map((p) =>
      p.keywordOnly
        ? 'KEYWORD_ONLY'
        : p.positionalOnly
          ? 'POSITIONAL_ONLY'
          : 'POSITIONAL_OR_KEYWORD'
    )
  const variadic = params.filter((p) => p.rest).length
  const lines = [
    'import inspect',
    `params = list(inspect.signature(${subject}).parameters.values())${dropFirst ? '[1:]' : ''}`,
    `# ${describeSignature(item)}`,
    `assert [p.name for p in params] == [${names.map(pyString).join(', ')}]`,
    `assert [p.kind.name for p in params if p.kind.name not in ('VAR_POSITIONAL', 'VAR_KEYWORD')] == [${kinds.map(pyString).join(', ')}]`,
    `assert sum(p.kind.name in ('VAR_POSITIONAL', 'VAR_KEYWORD') for p in params) == ${variadic}`
  ]
  params.forEach((p, i) => {
    const value = p.defaultValue?.trim()
    if (value === undefined || !PY_LITERAL.test(value)) return
    // Singletons compare by identity (`is None`), as linters ask.
    lines.push(
      `assert params[${i}].default ${value === 'None' || value === 'True' || value === 'False' ? 'is' : '=='} ${value}`
    )
  })
  return { name: owner, code: lines.join('\n') }
}

export function buildSpecs(
  subjects: SpecSubject[],
  target: RenderTarget,
  maxSpecs: number
): SpecDraft[] {
  const specs: SpecDraft[] = []
  const seen = new Set<string>()
  for (const { item, covers } of subjects) {
    if (specs.length >= maxSpecs) break
    if (!isRunnable(item) || seen.has(item.key)) continue
    seen.add(item.key)
    const python = item.language === 'python'
    const { name, code } = python ? pySteps(item) : jsSteps(item, target)
    const signature = describeSignature(item)
    specs.push({
      key: `contract:${item.key}`,
      title: `${item.name} keeps its public signature`,
      level: 'unit',
      target: { file: item.file, symbol: name, line: item.loc.startLine },
      rationale:
        covers.length > 0
          ? `The signature of ${item.name} changed since the base; pinning it makes the next change a decision.`
          : `${item.name} is public API of ${item.file}${item.entry ? ' (a package entry module)' : ''}; pinning its signature catches an accidental breaking change.`,
      covers,
      expected: python
        ? `inspect.signature(${item.name}) has the parameters of ${signature} with the same kinds and literal defaults`
        : item.kind === 'class'
          ? `${item.name} is exported and is a class (a function at runtime)`
          : `${item.name} is exported, is a function and takes ${jsLength(item)} declared parameter(s) before any default: ${signature}`,
      priority: covers.length > 0 ? 'P1' : item.entry ? 'P2' : 'P3',
      body: {
        kind: 'steps',
        module: item.file,
        imports: [{ from: item.file.includes('/') ? item.file : `./${item.file}`, names: [name] }],
        steps: python ? { python: code } : { javascript: code },
        async: false
      }
    })
  }
  return specs
}

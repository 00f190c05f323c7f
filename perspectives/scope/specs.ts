// Smoke specs for the highest-ranked untested units: import the unit and call it (or construct it)
// with arguments built from its declared parameter types. When a type gives no value to build, the
// spec is a todo that names what to arrange, never a test that passes without checking anything.
import type { SpecDraft, SpecExpectation, SpecPriority } from '../../src/specs/types.js'
import type { Severity } from '../types.js'
import { findingId } from '../contract.js'
import type { PublicUnit } from '../shared/units.js'
import { importName, methodsOf } from '../shared/units.js'
import { planArguments } from '../shared/values.js'
import type { CodeModel, Parameter } from '../../src/model/types.js'
import type { RankedTarget } from './ranking.js'
import { unitKey } from './findings.js'
import { SPEC_PRIORITY } from '../kit/index.js'

export interface SpecInput {
  model: CodeModel
  targets: RankedTarget[]
  unitByKey: Map<string, PublicUnit>
  /** Severity of the untested-unit finding per unit key, for those that got one. */
  severityByUnit: Map<string, Severity>
  /** Unit keys of functions that run a command line (bin targets, `main` of a CLI module): they read argv. */
  commandFunctions: Set<string>
  maxSpecs: number
}

/** The renderers write JavaScript/TypeScript and Python; a Python module in a JS repository gets pytest. */
function renderable(language: PublicUnit['language']): boolean {
  return ['typescript', 'tsx', 'javascript', 'jsx', 'python'].includes(language)
}

export function buildSpecs(input: SpecInput): SpecDraft[] {
  const specs: SpecDraft[] = []
  for (const t of input.targets) {
    if (specs.length >= input.maxSpecs) break
    if (t.reach === 'referenced') continue
    const unit = input.unitByKey.get(unitKey(t.file, t.symbol))
    if (!unit || !renderable(unit.language)) continue
    specs.push(smokeSpec(unit, t, input))
  }
  return specs
}

function smokeSpec(unit: PublicUnit, t: RankedTarget, input: SpecInput): SpecDraft {
  const symbol = importName(unit)
  const key = unitKey(unit.module, unit.qualifiedName)
  const severity = input.severityByUnit.get(key)
  const module = input.model.modules.find((m) => m.path === unit.module)
  const constructor =
    unit.class && module
      ? methodsOf(module, unit.class).find((f) => f.kind === 'constructor' || f.name === '__init__')
      : undefined
  const params: Parameter[] = unit.function?.params ?? constructor?.params ?? []
  const construct = unit.kind === 'class'
  const async = unit.function?.async ?? false
  const command = input.commandFunctions.has(key)
  const plan = command ? { ok: false as const, unknown: [] } : planArguments(params, unit.language)
  const shown = symbol === 'default' ? `the default export of ${unit.module}` : symbol
  const base = {
    key: `smoke:${unit.module}#${unit.qualifiedName}`,
    level: 'unit' as const,
    target: { file: unit.module, symbol, line: unit.loc.startLine },
    rationale:
      `Ranked #${t.rank} (score ${t.score}) among public units: ${t.lines} lines, complexity ${t.maxComplexity}, ` +
      `fan-in ${t.fanIn}, and ${t.reach === 'unreached' ? 'no test imports its module' : 'no test references it'}.`,
    covers: severity
      ? [findingId('scope', 'untestedPublicUnit', unit.module, `unit:${unit.qualifiedName}`)]
      : [],
    priority: severity ? SPEC_PRIORITY[severity] : ('P3' as SpecPriority)
  }
  if (!plan.ok) {
    const arrange = command
      ? `the command-line arguments (${unit.language === 'python' ? 'sys.argv' : 'process.argv'}) and capture the output`
      : plan.unknown
          .map((p) => (p.type ? `${p.name}: ${p.type}` : `${p.name} (untyped)`))
          .join(', ')
    return {
      ...base,
      title: `${shown} smoke test: TODO arrange ${arrange}`,
      expected: command
        ? `running ${shown} with valid arguments exits cleanly and prints the expected output`
        : `${construct ? 'constructing' : 'calling'} ${shown} with valid ${arrange} does not throw`,
      body: {
        kind: 'steps',
        module: unit.module,
        imports: [{ from: unit.module, names: [symbol] }],
        steps: {},
        async
      }
    }
  }
  const expect = expectation(unit, construct)
  const verb = construct ? 'constructs' : async ? 'resolves' : 'runs'
  return {
    ...base,
    title: `${shown} ${verb} with sample arguments (smoke)`,
    expected:
      expect.kind === 'satisfies'
        ? `${shown} returns a value for arguments built from its parameter types`
        : `${construct ? 'new ' : ''}${shown}(…) does not throw for arguments built from its parameter types`,
    body: {
      kind: 'call',
      module: unit.module,
      symbol,
      construct,
      async,
      cases: [
        {
          name: plan.args.length === 0 ? 'no arguments' : 'sample arguments',
          args: plan.args,
          expect
        }
      ]
    }
  }
}

const NO_VALUE = new Set([
  'void',
  'undefined',
  'never',
  'None',
  'NoReturn',
  'Promise<void>',
  'Promise<undefined>',
  'Promise<never>'
])

/** A declared return type that always carries a value lets the smoke test check the result too. */
function expectation(unit: PublicUnit, construct: boolean): SpecExpectation {
  const returnType = unit.function?.returnType?.trim()
  if (construct || !returnType || NO_VALUE.has(returnType)) return { kind: 'does-not-throw' }
  const optional = /\b(undefined|null|void|None|Optional)\b|\|\s*None/.test(returnType)
  if (optional) return { kind: 'does-not-throw' }
  return {
    kind: 'satisfies',
    javascript: 'result !== undefined',
    python: 'result is not None',
    description: 'returns a value'
  }
}

// Negative specs: the exported function a finding's input enters is called with a hostile input in the
// tainted parameter's place, and the spec asserts the attack did not work (a canary file survives the
// shell payload, a probe global stays unset, /etc/passwd does not come back, Object.prototype stays
// clean). Rejecting the input (throwing) passes too. Where the right outcome cannot be observed from a
// call (SQL without a database, SSRF without a server, HTML written to a DOM or a response), the spec
// is a todo that names the payload; other arguments come from declared types, else the spec is a todo.
import type { VulnerableDiagnostics } from 'recheck'
import type { FunctionDecl, ModuleModel, Parameter } from '../../src/model/types.js'
import { pyString, renderJsValue } from '../../src/specs/values.js'
import { pythonModuleName } from '../../src/specs/paths.js'
import type { SpecDraft, SpecValue } from '../../src/specs/types.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import { sampleForType } from '../shared/values.js'
import type { HostileTarget } from './context.js'
import { SPEC_PRIORITY } from '../kit/index.js'

const PAYLOAD: Record<string, string> = {
  commandInjection: 'x; rm -f <canary file>',
  codeInjection: 'globalThis.__securityProbe = 1',
  sqlInjection: "' OR 1=1 --",
  pathTraversal: '../../../../../../etc/passwd',
  ssrf: 'http://169.254.169.254/latest/meta-data/',
  openRedirect: '//evil.example/',
  argumentInjection: '--upload-pack=touch /tmp/canary',
  xss: '<img src=x onerror=alert(1)>',
  prototypePollution: '{"__proto__": {"polluted": "yes"}}',
  unsafeDeserialisation: 'a serialised object that runs code when revived',
  redosOnInput: "recheck's attack string"
}

const PY_CODE_PAYLOAD = "__import__('os').environ.__setitem__('SECURITY_PROBE', '1')"
const READ_SINK = /read|createReadStream|sendFile|download|^open$|\.open$/

type Lang = 'js' | 'py'

function render(value: SpecValue, lang: Lang): string | undefined {
  if (lang === 'js') {
    try {
      return renderJsValue(value)
    } catch {
      return undefined // a $code value without JavaScript
    }
  }
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return pyString(value)
  if (Array.isArray(value) && value.length === 0) return '[]'
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return '{}'
  return undefined
}

function positional(module: ModuleModel, fn: FunctionDecl): Parameter[] {
  const python = module.language === 'python'
  return fn.params.filter(
    (p, i) =>
      !(python && i === 0 && (p.name === 'self' || p.name === 'cls')) && !p.rest && !p.keywordOnly
  )
}

/** Argument list with `hostile` (code) at the entry parameter; undefined when another argument has no value. */
function argumentList(
  module: ModuleModel,
  target: HostileTarget,
  hostile: (p: Parameter) => string,
  lang: Lang
): string | undefined {
  const params = positional(module, target.entry.function)
  const out: string[] = []
  for (const p of params) {
    if (p.name === target.entry.param || target.draft.messageId === 'prototypePollution') {
      out.push(hostile(p))
      continue
    }
    if (p.optional || p.defaultValue !== undefined) break
    const sample = sampleForType(p.type, module.language)
    const code = sample === undefined ? undefined : render(sample, lang)
    if (code === undefined) return undefined
    out.push(code)
  }
  return out.join(', ')
}

/**
 * What each parameter of a prototype-pollution target gets: a key array for `keys`/`segments`/`parts`, a dotted
 * path for `path`/`key`/`prop`, through `constructor.prototype` when the function already checks `__proto__`
 * (the bypass of that incomplete guard), else through `__proto__`.
 */
function prototypeArgument(
  p: Parameter,
  index: number,
  lang: Lang,
  viaConstructor: boolean
): string {
  const keys = viaConstructor ? ['constructor', 'prototype', 'polluted'] : ['__proto__', 'polluted']
  if (/^(keys|segments|parts|props|pathArray)$/i.test(p.name))
    return `[${keys.map((k) => `'${k}'`).join(', ')}]`
  if (/path|key|prop/i.test(p.name)) return `'${keys.join('.')}'`
  if (/^(val|value|v)$/i.test(p.name)) return "'yes'"
  return index === 0 ? '{}' : 'payload'
}

interface Steps {
  javascript?: string
  python?: string
  imports: { from: string; names: string[] }[]
}

function stepsFor(target: HostileTarget, symbol: string): Steps | undefined {
  const { module, draft } = target
  const lang: Lang = module.language === 'python' ? 'py' : 'js'
  const kind = draft.messageId
  const call = (args: string) => (lang === 'js' ? `await ${symbol}(${args})` : `${symbol}(${args})`)
  const sink = String(draft.data.sink ?? '')
  const subject = { from: module.path, names: [symbol] }
  if (kind === 'commandInjection') {
    const args = argumentList(
      module,
      target,
      () => (lang === 'js' ? "'x; rm -f ' + canary" : "'x; rm -f ' + canary"),
      lang
    )
    if (args === undefined) return undefined
    return lang === 'js'
      ? {
          imports: [
            { from: 'node:fs', names: ['existsSync', 'mkdtempSync', 'writeFileSync'] },
            { from: 'node:os', names: ['tmpdir'] },
            { from: 'node:path', names: ['join'] },
            subject
          ],
          javascript: `const canary = join(mkdtempSync(join(tmpdir(), 'canary-')), 'canary')\nwriteFileSync(canary, 'x')\ntry {\n  ${call(args)}\n} catch {\n  // rejecting the input is fine\n}\nif (!existsSync(canary)) throw new Error('the input ran as a shell command: the canary file was deleted')`
        }
      : {
          imports: [{ from: 'os', names: [] }, { from: 'tempfile', names: [] }, subject],
          python: `canary = os.path.join(tempfile.mkdtemp(), 'canary')\nopen(canary, 'w').close()\ntry:\n    ${call(args)}\nexcept Exception:\n    pass  # rejecting the input is fine\nassert os.path.exists(canary), 'the input ran as a shell command: the canary file was deleted'`
        }
  }
  if (kind === 'codeInjection') {
    const payload =
      lang === 'js'
        ? "'globalThis.__securityProbe = 1'"
        : pyString("__import__('os').environ.__setitem__('SECURITY_PROBE', '1')")
    const args = argumentList(module, target, () => payload, lang)
    if (args === undefined) return undefined
    return lang === 'js'
      ? {
          imports: [subject],
          javascript: `try {\n  ${call(args)}\n} catch {\n  // rejecting the input is fine\n}\nif (Reflect.get(globalThis, '__securityProbe') !== undefined) throw new Error('the input ran as code')`
        }
      : {
          imports: [{ from: 'os', names: [] }, subject],
          python: `try:\n    ${call(args)}\nexcept Exception:\n    pass  # rejecting the input is fine\nassert 'SECURITY_PROBE' not in os.environ, 'the input ran as code'`
        }
  }
  if (kind === 'pathTraversal' && READ_SINK.test(sink)) {
    const args = argumentList(module, target, () => "'../../../../../../etc/passwd'", lang)
    if (args === undefined) return undefined
    return lang === 'js'
      ? {
          imports: [subject],
          javascript: `let result\ntry {\n  result = ${call(args)}\n} catch {\n  result = undefined // rejecting the input is fine\n}\nif (String(result ?? '').includes('root:')) throw new Error('the function read a file outside its folder')`
        }
      : {
          imports: [subject],
          python: `try:\n    result = ${call(args)}\nexcept Exception:\n    result = None  # rejecting the input is fine\nassert 'root:' not in str(result), 'the function read a file outside its folder'`
        }
  }
  if (kind === 'redosOnInput' && target.redos) {
    const args = argumentList(module, target, () => 'attack', lang)
    if (args === undefined) return undefined
    const attack = attackExpression(target.redos, lang)
    return lang === 'js'
      ? {
          imports: [subject],
          javascript: `const attack = ${attack}\nconst started = performance.now()\ntry {\n  ${call(args)}\n} catch {\n  // rejecting the input is fine\n}\nconst elapsed = performance.now() - started\nif (elapsed > ${REDOS_BOUND_MS}) throw new Error(\`a \${attack.length}-character input took \${Math.round(elapsed)} ms: the regular expression backtracks\`)`
        }
      : {
          imports: [{ from: 'time', names: [] }, subject],
          python: `attack = ${attack}\nstarted = time.perf_counter()\ntry:\n    ${call(args)}\nexcept Exception:\n    pass  # rejecting the input is fine\nelapsed = time.perf_counter() - started\nassert elapsed < ${REDOS_BOUND_MS / 1000}, f'a {len(attack)}-character input took {elapsed:.1f} s: the regular expression backtracks'`
        }
  }
  if (kind === 'prototypePollution' && lang === 'js') {
    const params = positional(module, target.entry.function)
    const args =
      params.length <= 1
        ? 'payload'
        : params
            .map((p, i) =>
              prototypeArgument(
                p,
                i,
                lang,
                /checks `__proto__` but not/.test(String(draft.data.guard))
              )
            )
            .join(', ')
    return {
      imports: [subject],
      javascript: `const payload = JSON.parse('{"__proto__": {"polluted": "yes"}}')\ntry {\n  ${call(args)}\n} catch {\n  // rejecting the input is fine\n}\nconst polluted = Reflect.get({}, 'polluted')\nReflect.deleteProperty(Object.prototype, 'polluted')\nif (polluted !== undefined) throw new Error('Object.prototype was polluted')`
    }
  }
  return undefined
}

export function buildSpecs(targets: HostileTarget[], maxSpecs: number): SpecDraft[] {
  const specs: SpecDraft[] = []
  const seen = new Set<string>()
  for (const target of targets) {
    if (specs.length >= maxSpecs) break
    const { module, draft, entry } = target
    const fn = entry.function
    const key = `hostile:${module.path}#${fn.qualifiedName}#${draft.messageId}`
    if (seen.has(key)) continue
    seen.add(key)
    if (module.language === 'python' && pythonModuleName(module.path) === null) continue
    if (!['typescript', 'tsx', 'javascript', 'jsx', 'python'].includes(module.language)) continue
    const names = exportNamesOf(module, fn.name)
    const exported = names.includes(fn.name) ? fn.name : names.find((n) => n !== 'default')
    const symbol = exported ?? 'subject'
    const importSpec = exported ?? 'default as subject'
    const payload =
      module.language === 'python' && draft.messageId === 'codeInjection'
        ? PY_CODE_PAYLOAD
        : (PAYLOAD[draft.messageId] ?? 'a hostile value')
    const file = 'file' in draft.evidence ? draft.evidence.file : module.path
    const steps = stepsFor(target, symbol)
    const base = {
      key,
      level: 'unit' as const,
      target: { file: module.path, symbol: exported ?? 'default', line: fn.loc.startLine },
      covers: [findingId('security', draft.messageId, file, draft.key)],
      priority: SPEC_PRIORITY[draft.severity],
      rationale: `${String(draft.data.function ?? fn.qualifiedName)} reaches ${String(draft.data.sink ?? draft.messageId)} with parameter ${entry.param}; the spec sends what an attacker would.`
    }
    if (!steps) {
      specs.push({
        ...base,
        title: `${symbol} with ${entry.param} = ${JSON.stringify(payload)}: TODO arrange and assert it is rejected or neutralised`,
        expected: `${symbol} rejects ${JSON.stringify(payload)} in ${entry.param} or neutralises it (${describeNeutral(draft.messageId)})`,
        body: {
          kind: 'steps',
          module: module.path,
          imports: [{ from: module.path, names: [importSpec] }],
          steps: {},
          async: fn.async
        }
      })
      continue
    }
    if (draft.messageId === 'redosOnInput') {
      specs.push({
        ...base,
        title: `${symbol} answers recheck's attack string in ${entry.param} within ${REDOS_BOUND_MS} ms or rejects it`,
        expected: `${symbol} throws or returns within ${REDOS_BOUND_MS} ms when ${entry.param} is ${String(draft.data.attack ?? 'the attack string')} (pumped to seconds of backtracking)`,
        body: {
          kind: 'steps',
          module: module.path,
          imports: steps.imports.map((i) =>
            i.from === module.path ? { from: i.from, names: [importSpec] } : i
          ),
          steps: { javascript: steps.javascript, python: steps.python },
          async: module.language !== 'python' || fn.async
        }
      })
      continue
    }
    specs.push({
      ...base,
      title: `${symbol} rejects or neutralises ${JSON.stringify(payload)} in ${entry.param}`,
      expected: `${symbol} throws or ${describeNeutral(draft.messageId)} when ${entry.param} is ${JSON.stringify(payload)}`,
      body: {
        kind: 'steps',
        module: module.path,
        imports: steps.imports.map((i) =>
          i.from === module.path ? { from: i.from, names: [importSpec] } : i
        ),
        steps: { javascript: steps.javascript, python: steps.python },
        async: module.language !== 'python' || fn.async
      }
    })
  }
  return specs
}

/** A linear pattern answers an input of this size in well under a millisecond. */
const REDOS_BOUND_MS = 1000

/**
 * The attack as code: each of recheck's pumps repeated so that a vulnerable pattern needs seconds in that
 * language's engine (V8 reads ~10^8 backtracking steps a second, CPython's re ~10 times fewer): 2^n steps
 * for exponential matching, about n^degree / degree! for polynomial. Small enough that a vulnerable
 * implementation fails in seconds instead of hanging the test run (a synchronous match cannot be interrupted).
 */
function attackExpression(redos: VulnerableDiagnostics, lang: Lang): string {
  const steps = lang === 'js' ? 3e8 : 3e7
  const degree = redos.complexity.type === 'exponential' ? 0 : redos.complexity.degree
  const factorial = [1, 1, 2, 6, 24, 120, 720][Math.min(degree, 6)]
  const n =
    degree === 0
      ? Math.round(Math.log2(steps))
      : Math.round(Math.pow(steps * factorial, 1 / degree))
  const { pumps, suffix } = redos.attack
  const str = (text: string) => (lang === 'js' ? JSON.stringify(text) : pyString(text))
  const parts = pumps.flatMap((p) => [
    ...(p.prefix ? [str(p.prefix)] : []),
    lang === 'js' ? `${str(p.pump)}.repeat(${n})` : `${str(p.pump)} * ${n}`
  ])
  if (suffix) parts.push(str(suffix))
  return parts.join(' + ')
}

function describeNeutral(kind: string): string {
  switch (kind) {
    case 'commandInjection':
      return 'runs no second command (a canary file survives)'
    case 'codeInjection':
      return 'does not run the text as code'
    case 'pathTraversal':
      return 'does not read or write outside its folder'
    case 'prototypePollution':
      return 'leaves Object.prototype untouched'
    case 'sqlInjection':
      return 'the query matches no extra rows (use a test database)'
    case 'ssrf':
      return 'no request leaves for an internal address (intercept HTTP)'
    case 'argumentInjection':
      return 'passes it as an operand, not an option'
    case 'openRedirect':
      return 'the redirect stays on the same site'
    case 'xss':
      return 'the HTML written contains the payload escaped'
    case 'redosOnInput':
      return `returns within ${REDOS_BOUND_MS} ms`
    default:
      return 'the input is treated as data'
  }
}

// Contract specs per integration point, with the isolation the point needs: HTTP interception (msw,
// responses, respx), the app's own test client or a server on 127.0.0.1 for routes, a real database
// from CI (plus a workflow with the service containers), temp folders, a fake executable on PATH, a
// mocked AWS client. Each calls the exported function that holds the point, with arguments from its
// parameter types; when they cannot be built, or no exported function holds the point, the spec is a
// todo that names what to arrange.
import type {
  FunctionDecl,
  ModuleModel,
  PackageManifest,
  Parameter
} from '../../src/model/types.js'
import { pythonModuleName } from '../../src/specs/paths.js'
import type { SpecDraft } from '../../src/specs/types.js'
import { renderJsValue, renderPyValue } from '../../src/specs/values.js'
import { findingId } from '../contract.js'
import { stringLiteralValue } from '../shared/literals.js'
import { planArguments } from '../shared/values.js'
import { KIND_LABEL, type PointKind } from './catalogue.js'
import type { IntegrationPoint } from './detect.js'
import { isJsLike } from './detect.js'
import type { EnvRead } from './env.js'
import type { Draft } from './findings.js'
import type { Route } from '../shared/routes.js'
import * as code from './spec-code.js'
import { servicesWorkflow } from './services.js'
import { mostSevere, SEVERITY_ORDER, SPEC_PRIORITY } from '../kit/index.js'

const APP_NAMES: ReadonlySet<string> = new Set(['app', 'server', 'api', 'application'])
const SQLITE: ReadonlySet<string> = new Set(['sqlite3', 'better-sqlite3', 'sqlite', 'aiosqlite'])

export interface SpecInput {
  modules: Map<string, ModuleModel>
  points: IntegrationPoint[]
  routes: Route[]
  env: EnvRead[]
  /** Findings kept after the caps: specs cover only those. */
  findings: Draft[]
  maxSpecs: number
  /** For the services workflow: how this repository installs and runs its tests. */
  manifests: PackageManifest[]
}

interface Candidate {
  draft: SpecDraft
  rank: number
}

const covers = (f: Draft): string =>
  findingId('integration-points', f.messageId, 'file' in f.evidence ? f.evidence.file : null, f.key)

/** Argument expressions for parameters: from their types, or a set-up variable for a bound name. */
function argumentsFor(
  params: Parameter[],
  module: ModuleModel,
  bindings: Record<string, string>
): string[] | { todo: string } {
  const python = module.language === 'python'
  const positional = params.filter(
    (p) => !p.rest && !(python && (p.name === 'self' || p.name === 'cls'))
  )
  const bound = positional.map((p) => bindings[p.name])
  const typed = bound.some((b) => b !== undefined)
    ? positional.map((p, i) => (bound[i] === undefined ? p : { ...p, type: 'string' }))
    : params
  const plan = planArguments(typed, module.language)
  if (!plan.ok)
    return {
      todo: `arrange ${plan.unknown.map((p) => (p.type ? `${p.name}: ${p.type}` : `${p.name} (untyped)`)).join(', ')}`
    }
  const imports = new Set<string>()
  const args = plan.args.map(
    (v, i) => bound[i] ?? (python ? renderPyValue(v, imports) : renderJsValue(v))
  )
  return imports.size > 0 ? { todo: 'arrange the date arguments' } : args
}

/**
 * How a spec reaches the site: the exported top-level function that holds it, or a public method of
 * an exported class (constructed with arguments from its constructor's types).
 */
function subjectFor(
  module: ModuleModel,
  enclosing: string | undefined,
  bindings: Record<string, string> = {}
): code.Subject | { todo: string } {
  const fn: FunctionDecl | undefined = enclosing
    ? module.functions.find((f) => f.qualifiedName === enclosing)
    : undefined
  if (!fn)
    return {
      todo: `the point is at module level in ${module.path}: import the module in the arranged environment`
    }
  const python = module.language === 'python'
  if (python && !pythonModuleName(module.path))
    return { todo: `${module.path} is not importable by a dotted name` }
  const cls = fn.className
    ? module.classes.find((c) => c.name === fn.className && c.qualifiedName === c.name)
    : undefined
  const method =
    cls !== undefined &&
    fn.qualifiedName === `${cls.name}.${fn.name}` &&
    (fn.kind === 'method' || fn.kind === 'function')
  if (
    !(method
      ? cls.exported && !fn.name.startsWith('_') && !fn.name.startsWith('#')
      : fn.exported && !fn.qualifiedName.includes('.'))
  ) {
    return {
      todo: `${fn.qualifiedName} is not public: call it through the public function that uses it`
    }
  }
  const args = argumentsFor(fn.params, module, bindings)
  if (!Array.isArray(args)) return args
  let call = `${fn.name}(${args.join(', ')})`
  if (method && cls) {
    const isStatic = cls.members.some((m) => m.name === fn.name && m.static)
    if (isStatic) call = `${cls.name}.${call}`
    else {
      const constructor = module.functions.find(
        (f) => f.className === cls.name && (f.kind === 'constructor' || f.name === '__init__')
      )
      const made = argumentsFor(constructor?.params ?? [], module, {})
      if (!Array.isArray(made)) return { todo: `${made.todo} to construct ${cls.name}` }
      call = `${python ? '' : 'new '}${cls.name}(${made.join(', ')}).${call}`
    }
  }
  const symbol = method && cls ? cls.name : fn.name
  return python
    ? { module: module.path, symbol, python: fn.async ? `await ${call}` : call }
    : { module: module.path, symbol, js: call }
}

function draft(
  key: string,
  title: string,
  module: ModuleModel,
  line: number,
  symbol: string | undefined,
  rationale: string,
  expected: string,
  covered: Draft[],
  steps: code.Steps | { todo: string },
  async: boolean
): Candidate {
  const severe = mostSevere(covered.map((f) => f.severity))
  const todo = 'todo' in steps
  return {
    rank: (severe ? SEVERITY_ORDER[severe] : 5) * 10 + (todo ? 1 : 0),
    draft: {
      key,
      title: todo ? `${title}: TODO ${steps.todo}` : title,
      level: 'integration',
      target: { file: module.path, ...(symbol ? { symbol } : {}), line },
      rationale,
      covers: covered.map(covers),
      expected,
      priority: severe ? SPEC_PRIORITY[severe] : 'P3',
      body: todo
        ? { kind: 'steps', module: module.path, steps: {}, async: module.language !== 'python' }
        : {
            kind: 'steps',
            module: module.path,
            ...steps,
            async: module.language === 'python' ? async : true
          }
    }
  }
}

const findingsOf = (
  findings: Draft[],
  messageId: string,
  file: string,
  pred: (f: Draft) => boolean = () => true
): Draft[] =>
  findings.filter(
    (f) => f.messageId === messageId && 'file' in f.evidence && f.evidence.file === file && pred(f)
  )

/** A parameter that names a path gets the missing path of the set-up. */
function pathBindings(module: ModuleModel, enclosing: string | undefined): Record<string, string> {
  const fn = module.functions.find((f) => f.qualifiedName === enclosing)
  const param = fn?.params.find(
    (p) => /path|file|dir|folder|root|dest|target|src|source/i.test(p.name) && !p.rest
  )
  return param ? { [param.name]: 'missing' } : {}
}

/** The command a process call runs, from its first argument: `'git status'`, `['git', ...]`, `'git', [...]`. */
function commandOf(point: IntegrationPoint): string | undefined {
  for (const site of point.sites) {
    const first = site.call?.args[0]?.trim()
    if (!first) continue
    const list = first.startsWith('[') ? first.slice(1).split(',')[0] : first
    const value = stringLiteralValue(list.trim())
    const command = value?.trim().split(/\s+/)[0]
    if (command && /^[\w.-]+$/.test(command)) return command
  }
  return undefined
}

function contractFor(
  point: IntegrationPoint,
  module: ModuleModel,
  input: SpecInput
): Candidate | undefined {
  const python = module.language === 'python'
  const site =
    [...point.sites].sort((a, b) => a.loc.startLine - b.loc.startLine).find((s) => s.enclosing) ??
    point.sites[0]
  const covered = findingsOf(
    input.findings,
    'untestedIntegration',
    module.path,
    (f) => f.key === `untested:${point.kind}`
  )
  const timeouts = findingsOf(
    input.findings,
    'httpCallWithoutTimeout',
    module.path,
    (f) => f.symbol === site.enclosing
  )
  const label = KIND_LABEL[point.kind].toLowerCase()
  const key = `contract:${module.path}#${point.kind}:${point.system}`
  const base = (
    subject: code.Subject | { todo: string },
    steps: (s: code.Subject) => code.Steps | undefined,
    title: string,
    expected: string,
    extra: Draft[] = []
  ) => {
    const body =
      'todo' in subject
        ? subject
        : (steps(subject) ?? { todo: `write the ${label} set-up for ${point.system}` })
    return draft(
      key,
      title,
      module,
      site.loc.startLine,
      'todo' in subject ? site.enclosing : subject.symbol,
      `${module.path} reaches ${point.system} (${label}) at ${point.sites.length} call site(s); its contract with it is untested until a spec drives the failure cases.`,
      expected,
      [...covered, ...extra],
      body,
      python && !('todo' in subject) && (subject.python ?? '').startsWith('await')
    )
  }
  switch (point.kind) {
    case 'http-client': {
      const subject = subjectFor(module, site.enclosing)
      return base(
        subject,
        (s) => (python ? code.httpClientPy(s, point.system) : code.httpClientJs(s)),
        `${'symbol' in subject ? subject.symbol : module.path} fails cleanly when ${point.system} gets 5xx, a malformed body or no answer`,
        'A 503, a truncated JSON body and a server that never answers each make the call reject or raise, within a timeout.',
        timeouts
      )
    }
    case 'database': {
      if (SQLITE.has(point.system)) {
        // An embedded database is a file: a path in a folder that does not exist must fail to open.
        const subject = subjectFor(module, site.enclosing, pathBindings(module, site.enclosing))
        if (!('todo' in subject) && !(python ? subject.python : subject.js)?.includes('missing'))
          return undefined
        return base(
          subject,
          (s) => (python ? code.filesystemPy(s) : code.filesystemJs(s)),
          `${'symbol' in subject ? subject.symbol : module.path} reports a ${point.system} database it cannot open (temp folder)`,
          'Given a database path inside a fresh temp folder whose directory does not exist, the call rejects or raises.'
        )
      }
      const urlVariable = input.env.find(
        (r) => r.module === module.path && /DATABASE|_DB|DB_|DSN|POSTGRES|MYSQL|MONGO/i.test(r.name)
      )?.name
      const subject = subjectFor(module, site.enclosing)
      return base(
        subject,
        (s) => (python ? code.databasePy(s, urlVariable) : code.databaseJs(s, urlVariable)),
        `${'symbol' in subject ? subject.symbol : module.path} works against a real ${point.system} database and fails when it is unreachable`,
        'With TEST_DATABASE_URL from the CI service container the call succeeds; with the database unreachable it rejects or raises.'
      )
    }
    case 'filesystem': {
      const subject = subjectFor(module, site.enclosing, pathBindings(module, site.enclosing))
      if (!('todo' in subject) && !(python ? subject.python : subject.js)?.includes('missing'))
        return undefined
      return base(
        subject,
        (s) => (python ? code.filesystemPy(s) : code.filesystemJs(s)),
        `${'symbol' in subject ? subject.symbol : module.path} reports a missing file as an error (temp folder)`,
        'Given a path inside a fresh temp folder that does not exist, the call rejects or raises instead of returning an empty result.'
      )
    }
    case 'process': {
      const command = commandOf(point)
      const subject = command
        ? subjectFor(module, site.enclosing)
        : { todo: 'name the command the code runs (it is computed)' }
      return base(
        subject,
        (s) =>
          python ? code.processPy(s, command as string) : code.processJs(s, command as string),
        `${'symbol' in subject ? subject.symbol : module.path} surfaces a failing ${command ?? 'command'} (fake executable on PATH)`,
        `With a fake ${command ?? 'command'} first on PATH that exits 1 and writes to stderr, the call rejects or raises.`
      )
    }
    case 'cloud': {
      const subject = subjectFor(module, site.enclosing)
      const clientClass = module.imports
        .find((d) => d.source.startsWith('@aws-sdk/client-'))
        ?.names.find((n) => n.imported.endsWith('Client'))
      const awsPkg = module.imports.find((d) => d.source.startsWith('@aws-sdk/client-'))?.source
      return base(
        subject,
        (s) =>
          python
            ? point.system === 'boto3' || point.system === 'botocore'
              ? code.boto3Py(s)
              : undefined
            : clientClass && awsPkg
              ? code.awsJs(s, clientClass.imported, awsPkg)
              : undefined,
        `${'symbol' in subject ? subject.symbol : module.path} surfaces ${point.system} outages and throttling`,
        'When every call to the service fails (unavailable, throttled, access denied) the call rejects or raises.'
      )
    }
    default:
      return undefined
  }
}

function routeSpec(route: Route, module: ModuleModel, input: SpecInput): Candidate {
  const python = module.language === 'python'
  const covered = findingsOf(
    input.findings,
    'untestedRoute',
    module.path,
    (f) => f.key === `route:${route.method} ${route.path}`
  )
  const framework = route.via.split(' ')[0]
  const appExport = python
    ? module.variables.find((v) => APP_NAMES.has(v.name))
    : module.exports.find((e) => APP_NAMES.has(e.local ?? e.name) || APP_NAMES.has(e.name))
  let steps: code.Steps | { todo: string } | undefined
  if (!appExport)
    steps = { todo: `export the ${framework} app from ${module.path} so a test can start it` }
  else if (python) {
    const dotted = pythonModuleName(module.path)
    steps = dotted
      ? code.routePy(
          { module: module.path, symbol: appExport.name },
          framework,
          route.method,
          route.path
        )
      : undefined
  } else if (['express', 'koa', 'fastify', 'hono', 'polka', 'restify'].includes(framework)) {
    const name = 'name' in appExport ? appExport.name : ''
    const local = APP_NAMES.has(name) ? name : 'app'
    steps = code.routeJs(
      { module: module.path, symbol: name, local },
      framework,
      route.method,
      route.path
    )
  }
  const shown = `${route.method} ${route.path}`
  return draft(
    `route:${module.path}#${shown}`,
    `${shown} answers without a server error${['POST', 'PUT', 'PATCH'].includes(route.method) ? ' and rejects a malformed body' : ''}`,
    module,
    route.loc.startLine,
    route.handler,
    `${shown} is served by ${module.path} (${route.via}); a route is a contract with every client.`,
    `${shown} answers with a status below 500${['POST', 'PUT', 'PATCH'].includes(route.method) ? '; a malformed JSON body to it gets a 4xx' : ''}.`,
    covered,
    steps ?? { todo: `write the request for ${route.via}` },
    false
  )
}

function envSpec(
  name: string,
  reads: EnvRead[],
  module: ModuleModel,
  input: SpecInput
): Candidate | undefined {
  const covered = findingsOf(
    input.findings,
    'envWithoutDefault',
    module.path,
    (f) => f.key === `env:${name}`
  )
  if (covered.length === 0) return undefined
  const read = reads[0]
  const python = module.language === 'python'
  const dotted = python ? pythonModuleName(module.path) : null
  let steps: code.Steps | { todo: string }
  if (!read.enclosing) {
    steps =
      python && dotted
        ? code.envPy({ module: module.path, symbol: '' }, name, dotted)
        : {
            todo: `${name} is read when ${module.path} loads: import it in a child process with ${name} unset`
          }
  } else {
    const subject = subjectFor(module, read.enclosing)
    steps =
      'todo' in subject
        ? subject
        : python
          ? code.envPy(subject, name, undefined)
          : code.envJs(subject, name)
  }
  return draft(
    `env:${module.path}#${name}`,
    `Without ${name}, ${read.enclosing ?? module.path} fails with a message naming it`,
    module,
    read.loc.startLine,
    read.enclosing,
    `${module.path} reads ${name} without a fallback or a check; a missing variable should be reported where it is read.`,
    `With ${name} unset the code raises an error whose message names ${name}.`,
    covered,
    steps,
    python && !('todo' in steps) && (steps.steps.python ?? '').includes('await ')
  )
}

export function buildSpecs(input: SpecInput): SpecDraft[] {
  const candidates: Candidate[] = []
  const renderable = (m: ModuleModel | undefined): m is ModuleModel =>
    !!m && (isJsLike(m.language) || m.language === 'python')
  for (const point of input.points) {
    const module = input.modules.get(point.module)
    if (!renderable(module)) continue
    const c = contractFor(point, module, input)
    if (c) candidates.push(c)
  }
  for (const route of input.routes) {
    const module = input.modules.get(route.module)
    if (renderable(module)) candidates.push(routeSpec(route, module, input))
  }
  const envGroups = new Map<string, EnvRead[]>()
  for (const r of input.env) {
    if (r.name === '*') continue
    const key = `${r.module}|${r.name}`
    envGroups.set(key, [...(envGroups.get(key) ?? []), r])
  }
  for (const reads of envGroups.values()) {
    const module = input.modules.get(reads[0].module)
    if (!renderable(module)) continue
    const c = envSpec(reads[0].name, reads, module, input)
    if (c) candidates.push(c)
  }
  candidates.sort((a, b) => a.rank - b.rank || a.draft.key.localeCompare(b.draft.key))
  const specs = candidates.slice(0, input.maxSpecs).map((c) => c.draft)
  const services = servicesWorkflow(input.points, input.manifests)
  if (services && input.maxSpecs > 0) specs.push(services)
  return specs
}

export type { PointKind }

// Findings from the integration map: points no test reaches, routes without a test, import cycles,
// environment variables read without a fallback or check, HTTP calls without a timeout. Severity by
// kind is documented in README.md.
import type { ModuleModel } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import type { TestReach } from '../shared/reach.js'
import { mentionedInTests } from '../shared/reach.js'
import { capEstimate, capPartial, reportName, type ReachFacts } from '../shared/test-reach.js'
import { plural } from '../shared/text.js'
import type { Confidence, FindingDraft, Severity } from '../types.js'
import { HTTP_REQUEST_OPS, type PointKind } from './catalogue.js'
import type { IntegrationPoint, Site } from './detect.js'
import type { EnvRead } from './env.js'
import type { IntegrationMessageId } from './messages.js'
import { cycleImport, cyclePath, type ModuleGraph } from './module-graph.js'
import { literalPrefix, type Route } from '../shared/routes.js'
import { browserScript, runsInPage } from '../shared/browser.js'

export type Draft = FindingDraft<IntegrationMessageId>

/** Kinds whose untested modules are reported, with what they reach and how they fail. */
const UNTESTED: Partial<
  Record<PointKind, { what: string; failure: string; severity: [Severity, Severity] }>
> = {
  database: {
    what: 'a database',
    failure: 'the database is down, slow or returns nothing',
    severity: ['high', 'medium']
  },
  queue: {
    what: 'a message queue',
    failure: 'the broker is unreachable or a message is malformed',
    severity: ['high', 'medium']
  },
  cloud: {
    what: 'a cloud or third-party service',
    failure: 'the service throttles, denies access or fails',
    severity: ['high', 'medium']
  },
  'http-client': {
    what: 'HTTP services',
    failure: 'a service answers 5xx, times out or sends a malformed body',
    severity: ['high', 'medium']
  },
  cache: {
    what: 'a cache',
    failure: 'the cache is unreachable or empty',
    severity: ['medium', 'low']
  },
  process: {
    what: 'child processes',
    failure: 'a command is missing, fails or prints something unexpected',
    severity: ['medium', 'low']
  },
  filesystem: {
    what: 'the file system',
    failure: 'a file is missing or unreadable, or a write fails',
    severity: ['medium', 'low']
  }
}

/** Operations that talk to the other system (a request, a query, a publish, a connection). */
const REACHING_NAMES: ReadonlySet<string> = new Set(
  (
    'get post put patch delete head options request send fetch urlopen stream query execute executemany cursor commit rollback ' +
    'find findOne findMany findUnique findFirst insert insertOne insertMany update updateOne updateMany deleteOne deleteMany ' +
    'aggregate upsert save publish consume subscribe produce declare basic_publish basic_consume apply_async send_task enqueue ' +
    'connect disconnect invoke upload download upload_file download_file put_object get_object list_objects client resource ' +
    'create_engine sessionmaker createClient createConnection createPool getConnection'
  ).split(' ')
)
const PROCESS_NAMES: ReadonlySet<string> = new Set(
  (
    'spawn spawnSync exec execSync execFile execFileSync fork run call check_call check_output getoutput getstatusoutput Popen ' +
    'system popen execv execvp execve execl execlp spawnl spawnv spawnvp posix_spawn startfile execa execaSync execaCommand ' +
    'execaCommandSync execaNode $ sync'
  ).split(' ')
)
const REACHING_CLASS =
  /(Client|Connection|Pool|PoolManager|Session|Producer|Consumer|Channel|Cluster|Engine|Bucket|Redis|Kafka|Queue|Worker|Server)$/

/** A site that reaches the system itself, not a value object or helper of its library. */
export function isReaching(site: Site, kind: PointKind): boolean {
  if (!site.call) return false
  if (kind === 'filesystem' || kind === 'env' || kind === 'clock') return true
  const { call } = site
  // `crossSpawn._parse(...)` or `new ChildProcess()` start nothing.
  if (kind === 'process')
    return (
      PROCESS_NAMES.has(call.name) ||
      (!call.callee.includes('.') && site.operation.split('.').length === 1)
    )
  if (REACHING_NAMES.has(call.name) || REACHING_CLASS.test(call.name)) return true
  // Calling the package itself: `axios(config)`, `got(url)`, `fetch(url)`, `knex(config)`.
  return !call.callee.includes('.') && site.operation.split('.').length === 1
}

export interface FindingInput {
  modules: Map<string, ModuleModel>
  points: IntegrationPoint[]
  routes: Route[]
  env: EnvRead[]
  graph: ModuleGraph
  reach: TestReach
  /** The shared reach: a coverage report decides where it still describes the file. */
  facts?: ReachFacts
  quote: Quoter
}

const byPlace = (
  a: { module: string; line: number },
  b: { module: string; line: number }
): number => a.module.localeCompare(b.module) || a.line - b.line

export function untestedIntegrations(input: FindingInput): Draft[] {
  const grouped = new Map<string, IntegrationPoint[]>()
  for (const p of input.points) {
    if (!UNTESTED[p.kind]) continue
    if (!input.facts?.measured(p.module) && input.reach.importedBy.has(p.module)) continue
    const key = `${p.module}|${p.kind}`
    grouped.set(key, [...(grouped.get(key) ?? []), p])
  }
  const out: Draft[] = []
  for (const points of grouped.values()) {
    const { module, kind } = points[0]
    const about = UNTESTED[kind] as NonNullable<(typeof UNTESTED)[PointKind]>
    // A module that only imports the client (to pass it on, or for a type check) does not reach the system itself.
    const sites = points
      .flatMap((p) => p.sites.filter((s) => isReaching(s, p.kind)))
      .sort((a, b) => a.loc.startLine - b.loc.startLine)
    if (sites.length === 0) continue
    const measured = input.facts?.measured(module)
    // Measured: report only when no reaching call site ran (excluded ones are the project's choice).
    if (
      measured &&
      sites.some((s) => input.facts?.lineReach(module, s.loc.startLine) !== 'not-run')
    )
      continue
    const first = sites[0]
    const indirect = !measured && input.reach.indirect.has(module)
    out.push({
      messageId: 'untestedIntegration',
      data: {
        file: module,
        what: about.what,
        systems: [...new Set(points.map((p) => p.system))].sort().join(', '),
        sites: plural(sites.length, 'call site'),
        line: first.loc.startLine,
        operation: first.operation,
        gap: measured ? 'the suite never runs those calls' : 'no test imports it',
        reach: measured
          ? `${reportName(measured.report)} shows none of these calls ran`
          : `${indirect ? 'tests only run it through the modules that import it' : 'no test reaches it'} (estimated: no coverage report)`,
        failure: about.failure
      },
      severity: measured
        ? capPartial(about.severity[0], measured.report)
        : capEstimate(about.severity[indirect ? 1 : 0]),
      // Without a report, "no test reaches it" is the static estimate: low confidence (README).
      confidence: !measured ? 'low' : measured.report.partial ? 'medium' : 'high',
      rationale:
        `Integration points fail in ways unit tests of pure code never show; severity is ${about.severity[0]} for ${about.what} ` +
        `no test reaches, one step lower when tests run the module only through others.`,
      evidence: input.quote.evidence(module, first.loc),
      key: `untested:${kind}`,
      ...(first.enclosing ? { symbol: first.enclosing } : {}),
      tags: [kind, measured ? 'coverage-report' : 'static-estimate']
    })
  }
  return out
}

export function untestedRoutes(input: FindingInput): Draft[] {
  const out: Draft[] = []
  for (const r of [...input.routes].sort((a, b) =>
    byPlace(
      { module: a.module, line: a.loc.startLine },
      { module: b.module, line: b.loc.startLine }
    )
  )) {
    const prefix = literalPrefix(r.path)
    const handler = routeHandlerReach(input, r)
    if (handler === 'covered' || handler === 'excluded') continue
    if (handler === undefined) {
      if (input.reach.importedBy.has(r.module)) continue
      if (prefix.length > 1 && mentionedInTests(input.reach, prefix)) continue
    }
    const route = `${r.method} ${r.path}`
    out.push({
      messageId: 'untestedRoute',
      data: {
        route,
        file: r.module,
        via: r.via,
        handler: r.handler ? `, handler ${r.handler}` : '',
        path: prefix
      },
      severity: 'medium',
      // Measured: the handler never ran; else no test imports the module or names the path, an estimate.
      confidence: handler === undefined ? 'low' : 'medium',
      rationale:
        'A route is a contract with every client; without a test a changed status code or body shape ships unnoticed.',
      evidence: input.quote.evidence(r.module, r.loc),
      key: `route:${route}`,
      ...(r.handler ? { symbol: r.handler } : {}),
      tags: ['http-server']
    })
  }
  return out
}

/**
 * The internal-module pattern (immer's src/internal.ts): one module of the cycle has no code of its own,
 * only re-exports every other member in a fixed order, and the members import each other only through
 * it. The cycle is the design: that module decides the load order, so it is not reported (judged
 * overstated on immer, session 7).
 */
function loadOrderBarrel(input: FindingInput, cycle: string[]): string | undefined {
  const members = new Set(cycle)
  for (const path of cycle) {
    const m = input.modules.get(path)
    if (!m || m.exports.length === 0) continue
    const onlyReexports =
      m.exports.every((e) => e.source !== undefined) &&
      m.functions.length === 0 &&
      m.calls.length === 0 &&
      m.classes.length === 0
    if (!onlyReexports) continue
    const reexported = new Set(m.imports.map((i) => i.resolved).filter((r) => r !== undefined))
    if (!cycle.every((c) => c === path || reexported.has(c))) continue
    const throughIt = cycle.every((c) => {
      if (c === path) return true
      const member = input.modules.get(c)
      return (member?.imports ?? []).every(
        (i) => i.typeOnly || !i.resolved || !members.has(i.resolved) || i.resolved === path
      )
    })
    if (throughIt) return path
  }
  return undefined
}

export function importCycles(input: FindingInput): Draft[] {
  const out: Draft[] = []
  for (const cycle of input.graph.cycles) {
    if (loadOrderBarrel(input, cycle)) continue
    const first = input.modules.get(cycle[0])
    const decl = first ? cycleImport(input.graph, first, cycle) : undefined
    if (!first || !decl) continue
    const python = first.language === 'python'
    const path = cyclePath(input.graph, cycle)
    out.push({
      messageId: 'importCycle',
      data: {
        size: cycle.length,
        file: cycle[0],
        cycle: path.join(' → '),
        consequence: python
          ? 'a module-level `from … import` can fail with ImportError depending on which module is imported first'
          : 'a binding read while the modules load can be undefined (CommonJS) or throw a ReferenceError (ES modules), depending on which loads first'
      },
      severity: cycle.length >= 5 ? 'high' : 'medium',
      // Python imports inside functions break the cycle at load time; the model does not say where an import sits.
      confidence: python ? 'medium' : 'high',
      rationale:
        'Modules in a cycle form one unit: a test of one loads all of them, and load order decides what is defined.',
      evidence: input.quote.evidence(cycle[0], decl.loc),
      key: `cycle:${cycle.join(',')}`,
      tags: ['module-graph']
    })
  }
  return out
}

export function envWithoutDefaults(input: FindingInput): Draft[] {
  const groups = new Map<string, EnvRead[]>()
  for (const r of input.env) {
    if (r.name === '*' || r.hasDefault || r.validated) continue
    const key = `${r.module}|${r.name}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const out: Draft[] = []
  for (const reads of groups.values()) {
    const first = reads[0]
    const loud = reads.every((r) => r.raisesWhenMissing)
    // Python's `.get('X')` / `getenv('X')` say the author expected absence; JavaScript's `process.env.X` says nothing.
    const optional = reads.every((r) => r.via !== 'process.env' && !r.raisesWhenMissing)
    const vias = [...new Set(reads.map((r) => r.via))].join(' and ')
    out.push({
      messageId: 'envWithoutDefault',
      data: {
        name: first.name,
        file: first.module,
        via: vias,
        reads: `${plural(reads.length, 'read')}, first at line ${first.loc.startLine}${first.enclosing ? ` in ${first.enclosing}` : ' at module level'}`,
        consequence: loud
          ? `a KeyError naming only ${first.name} stops it${first.enclosing ? '' : ' as soon as the module is imported'}`
          : `the code goes on with ${first.module.endsWith('.py') ? 'None' : 'undefined'} and fails later, far from the cause`
      },
      severity: loud || optional ? 'low' : 'medium',
      confidence: 'medium',
      rationale:
        'Configuration is an input from outside; a missing value should fail at start-up with a message saying what to set.',
      evidence: input.quote.evidence(first.module, first.loc),
      key: `env:${first.name}`,
      ...(first.enclosing ? { symbol: first.enclosing } : {}),
      tags: ['env']
    })
  }
  return out
}

const DEFAULT_BEHAVIOUR: Record<string, string> = {
  requests: 'requests waits forever unless given a timeout',
  'urllib.request':
    'urlopen waits as long as the socket default allows, which is forever unless set',
  fetch: "Node's fetch has no overall timeout (only undici's 300-second header and body timeouts)",
  'node-fetch': 'node-fetch sets no timeout by default',
  axios: "axios's default timeout is 0, meaning none",
  got: 'got sets no timeout by default',
  http: "Node's http client sets no timeout by default",
  https: "Node's https client sets no timeout by default"
}

/** Arguments that may carry options we cannot read (a variable, a spread): the call may well set a timeout. */
function opaqueOptions(site: Site, keyword: boolean): boolean {
  const args = site.call?.args ?? []
  if (keyword) return args.some((a) => a.trim().startsWith('**'))
  return args.some((a, i) => {
    const t = a.trim()
    if (t.startsWith('...')) return true
    const identifier = /^[A-Za-z_$][\w$.]*$/.test(t)
    // The first argument of fetch/axios.get is the URL; of axios(config)/http.request(options) it may be the options.
    return (
      identifier &&
      (i > 0 ||
        !/^(fetch|node-fetch)$|\.(get|post|put|patch|delete|head|options)$/.test(site.operation))
    )
  })
}

export function httpWithoutTimeout(input: FindingInput): Draft[] {
  const out: Draft[] = []
  const modules = new Map<string, boolean>()
  for (const p of input.points) {
    if (p.kind !== 'http-client') continue
    const module = input.modules.get(p.module)
    if (!module) continue
    // A page's fetch: the browser and the user end it; Node's fetch framing does not apply.
    if (browserScript(module)) continue
    // An axios instance created with a timeout, or `req.setTimeout(...)`, covers the module's calls.
    if (!modules.has(p.module)) {
      modules.set(
        p.module,
        module.calls.some(
          (c) =>
            (c.name === 'create' && c.args.some((a) => a.includes('timeout'))) ||
            (c.name === 'setTimeout' && c.receiver !== undefined)
        )
      )
    }
    if (modules.get(p.module)) continue
    for (const site of p.sites) {
      const how = HTTP_REQUEST_OPS.get(site.operation)
      if (!how || !site.call) continue
      // A fetch inside a function a browser page runs (`page.evaluate(...)`): the page's fetch, not Node's.
      if (runsInPage(module, site.loc)) continue
      const keyword = how === 'keyword'
      const given = keyword
        ? (site.call.keywords ?? []).includes('timeout')
        : site.call.args.some((a) => /\b(timeout|signal)\b/.test(a))
      if (given || opaqueOptions(site, keyword)) continue
      const pkg = site.operation === 'fetch' ? 'fetch' : p.system
      const where = site.enclosing ?? 'module scope'
      const confidence: Confidence = keyword ? 'high' : 'medium'
      out.push({
        messageId: 'httpCallWithoutTimeout',
        data: {
          operation: site.operation,
          where,
          line: site.loc.startLine,
          file: p.module,
          option: keyword ? 'timeout= argument' : 'timeout or AbortSignal option',
          defaultBehaviour: DEFAULT_BEHAVIOUR[pkg] ?? `${pkg} sets no timeout by default`,
          holds:
            site.call.awaited || keyword
              ? 'and everything waiting on it'
              : 'and whatever waits for its answer'
        },
        severity: 'medium',
        confidence,
        rationale:
          "A call to another system without a deadline turns that system's outage into a hang here.",
        evidence: input.quote.evidence(p.module, site.loc),
        key: `timeout:${where}:${site.operation}`,
        ...(site.enclosing ? { symbol: site.enclosing } : {}),
        tags: ['http-client']
      })
    }
  }
  return out
}

/** With a report for the route's file, whether its handler ran (by name, else the function on the route's lines). */
function routeHandlerReach(input: FindingInput, r: Route): string | undefined {
  const module = input.modules.get(r.module)
  if (!module || !input.facts?.measured(r.module)) return undefined
  const handler =
    module.functions.find(
      (f) => r.handler !== undefined && (f.qualifiedName === r.handler || f.name === r.handler)
    ) ??
    module.functions.find(
      (f) => f.loc.startLine >= r.loc.startLine && f.loc.startLine <= r.loc.endLine + 2
    )
  return handler ? input.facts.functionReach(module, handler) : undefined
}

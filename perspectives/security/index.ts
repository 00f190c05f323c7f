// Perspective 10: Security. What can an attacker do? Source-to-sink findings inside a function and across
// direct calls within a module (taint approximated from argument text, see taint.ts), risky settings and
// calls, hard-coded secrets (masked) and GitHub workflow injection, each with its CWE id; negative specs
// that send hostile inputs to the exported function the input enters. How it decides is in README.md.
import { definePerspective } from '../define.js'
import { RegexChecker, type RegexCheckBounds } from '../shared/redos.js'

import { createQuoter } from '../shared/evidence.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile } from '../shared/units.js'
import type { Metrics } from '../types.js'
import { cryptoFindings } from './checks-crypto.js'
import { argumentFindings } from './argument-injection.js'
import { flowFindings } from './checks-flow.js'
import { containmentFindings } from './checks-containment.js'
import { lineFindings } from './checks-lines.js'
import { redosFindings } from './checks-redos.js'
import type { CheckContext, Draft } from './context.js'
import { MESSAGES, type SecurityMessageId } from './messages.js'
import { OPTIONS, type SecurityOptions } from './options.js'
import { prototypeFindings } from './prototype.js'
import { buildReport } from './report.js'
import { secretFindings } from './secrets.js'
import { buildSpecs } from './specs.js'
import { analyseTaint } from './taint.js'
import { internalExports, scriptModules } from './internal-exports.js'
import { workflowFindings } from './workflows.js'
import { isVendoredCopy } from './vendored-copy.js'
import { unpackagedFunctions } from './unpackaged.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'

const SECURITY_REGEX_BOUNDS: RegexCheckBounds = { maxNfaSize: 20_000, fuzzing: false }

export type { SecurityOptions } from './options.js'

const LANGUAGES = new Set(['typescript', 'tsx', 'javascript', 'jsx', 'python'])
/** Third-party code copied in, minified or packed: not the project's to fix, and not readable as written. */
const VENDORED =
  /(^|\/)(vendor|vendors|third[_-]?party|bower_components)\/|[.-](min|packed|bundle)\.[cm]?js$/i

export default definePerspective<SecurityMessageId, SecurityOptions>({
  meta: {
    number: 10,
    id: 'security',
    title: 'Security',
    question: 'What can an attacker do?',
    description:
      'Traces input (request fields, argv, stdin, environment, parameters of exported functions and route handlers) to sinks inside a ' +
      'function and across direct calls within a module: code, command and SQL injection, path traversal, SSRF, XSS, open redirects, argument injection and unsafe ' +
      'deserialisation, and regular expressions that backtrack super-linearly (ReDoS, checked with recheck) applied to input, ' +
      'with the path shown. Also flags recursive merges without a __proto__ guard, weak hashes and ciphers for ' +
      'secrets, Math.random/random for tokens, disabled TLS checks, hard-coded secrets (masked, never printed) and GitHub workflow ' +
      'script injection and pull_request_target checkouts. Every finding carries its CWE id; negative specs send hostile inputs ' +
      'to the exported function and assert they are rejected or neutralised.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(ctx) {
    const { options } = ctx
    const { model } = ctx
    const modules = model.modules.filter(
      (m) =>
        !m.isTest &&
        LANGUAGES.has(m.language) &&
        !isTestSupportPath(m.path) &&
        !isDeclarationFile(m.path) &&
        !VENDORED.test(m.path) &&
        !(ctx.source && isVendoredCopy(model, m, ctx.source))
    )
    const context: CheckContext = {
      model,
      quoter: createQuoter(ctx),
      options,
      modules,
      taint: new Map(modules.map((m) => [m.path, analyseTaint(m)])),
      hostile: []
    }
    // A module's exported helpers that the package does not export take input only from their callers.
    for (const [path, internal] of internalExports(model, modules, context.taint)) {
      const module = modules.find((m) => m.path === path)
      if (module) context.taint.set(path, analyseTaint(module, internal))
    }
    // Browser scripts outside every npm package: their exported functions are called by the repository only.
    for (const [path, internal] of unpackagedFunctions(model, modules)) {
      const module = modules.find((m) => m.path === path)
      if (module) context.taint.set(path, analyseTaint(module, internal))
    }
    // A script CI runs (tools/build_docs.py) is no API: nobody imports it, so its functions' parameters
    // hold what the script itself passes, and its input is argv, stdin and the environment
    // (litestar's `checkout('gh-pages')`, judged false in session 13).
    for (const module of scriptModules(model, modules))
      context.taint.set(
        module.path,
        analyseTaint(module, new Set(module.functions.map((f) => f.qualifiedName)))
      )
    // Only patterns applied to input are checked here (at most maxRegexChecks), so the exact automaton
    // analysis can afford ten times the performance scan's bound: a case-insensitive alternation of unit
    // names (ms's CVE-2015-8315 pattern) is past 2000 states and was left undecided.
    const checker = new RegexChecker(options.maxRegexChecks, SECURITY_REGEX_BOUNDS)
    const redos = redosFindings(context, checker)
    for (const r of redos)
      if (r.origin.entry)
        context.hostile.push({
          draft: r.draft,
          module: r.module,
          entry: r.origin.entry,
          redos: r.result
        })
    const all: Draft[] = [
      ...flowFindings(context),
      ...argumentFindings(context),
      ...redos.map((r) => r.draft),
      ...lineFindings(context),
      ...containmentFindings(context),
      ...prototypeFindings(context),
      ...cryptoFindings(context),
      ...secretFindings(context),
      ...workflowFindings(context)
    ]
    // One finding per place and kind (a line scan and a call can see the same TLS setting); candidates
    // below minConfidence are counted and named in the report, not reported as findings.
    const finished = finishFindings(
      all.map((draft) => ({ draft })),
      Object.keys(MESSAGES) as SecurityMessageId[],
      { dropSamePlace: true, minConfidence: options.minConfidence, maxTotal: options.maxFindings }
    )
    const findings = finished.kept.map((f) => f.draft)
    const kept = new Set(findings)
    const belowConfidence = finished.below.map((f) => f.draft)
    const perKind: Record<string, number> = finished.perKind
    const specs = buildSpecs(
      context.hostile.filter((h) => kept.has(h.draft)),
      options.maxSpecs
    )
    const metrics: Metrics = {
      modules: modules.length,
      functions: modules.reduce((n, m) => n + m.functions.length, 0),
      taintedParameters: [...context.taint.values()].reduce(
        (n, t) => n + [...t.params.values()].reduce((k, p) => k + p.size, 0),
        0
      ),
      findingsTotal: finished.all.length + belowConfidence.length,
      findingsShown: findings.length,
      belowConfidence: belowConfidence.length,
      regexesChecked: checker.checked,
      regexesUndecided: checker.unknown,
      regexesNotChecked: checker.skipped
    }
    Object.assign(metrics, perKindMetrics(perKind))
    const workflows = model.facts.ci.filter((f) => f.system === 'github-actions').length
    return {
      findings,
      specs,
      metrics,
      details: {
        perKind,
        options,
        approximations: [
          'taint follows parameter names, source expressions and locals bound to a call result in argument text, not locals bound to other expressions',
          'innerHTML/dangerouslySetInnerHTML/TLS settings are read from lines (the model records no assignments)',
          'prototype pollution is inferred from recursion over keys without a __proto__ guard'
        ]
      },
      report: buildReport({
        modules: modules.length,
        functions: metrics.functions,
        workflows,
        shown: findings,
        total: finished.all.length,
        perKind,
        belowConfidence,
        minConfidence: options.minConfidence
      })
    }
  }
})

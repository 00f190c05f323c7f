// What every check of the security perspective reads: the modules worth checking, their taint, the
// quoter for evidence, the options; and the draft type they return.
import type { VulnerableDiagnostics } from 'recheck'
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { ONE_LOWER } from '../kit/index.js'
import type { Quoter } from '../shared/evidence.js'
import type { Confidence, FindingDraft, Severity } from '../types.js'
import type { SecurityMessageId } from './messages.js'
import type { SecurityOptions } from './options.js'
import type { ModuleTaint, Origin } from './taint.js'

export type Draft = FindingDraft<SecurityMessageId>

/** A finding whose input is a parameter of an exported function: a hostile-input spec can call it. */
export interface HostileTarget {
  draft: Draft
  module: ModuleModel
  entry: NonNullable<Origin['entry']>
  /** For ReDoS findings: recheck's verdict, whose attack string the spec sends. */
  redos?: VulnerableDiagnostics
}

export interface CheckContext {
  model: CodeModel
  quoter: Quoter
  options: SecurityOptions
  /** Non-test JS/TS/Python modules outside fixtures and declaration files. */
  modules: ModuleModel[]
  taint: Map<string, ModuleTaint>
  hostile: HostileTarget[]
}

/**
 * Severity from the kind's worst case and how the input reaches it: request, argv and stdin keep the
 * worst case; a parameter of an exported function is one step lower (the caller may validate);
 * the environment is set by the operator (medium at most); no traced input is two steps lower.
 */
export function severityFor(worst: Severity, origin: Origin | undefined): Severity {
  if (!origin) return ONE_LOWER[ONE_LOWER[worst]]
  if (origin.kind === 'parameter') return ONE_LOWER[worst]
  if (origin.kind === 'env') return worst === 'critical' || worst === 'high' ? 'medium' : worst
  return worst
}

export function confidenceFor(origin: Origin | undefined, viaCalls: boolean): Confidence {
  if (!origin) return 'low'
  // An archive entry name is recognised by the property it is read from, not by a declared source.
  if (origin.kind === 'parameter' || origin.kind === 'env' || origin.kind === 'archive' || viaCalls)
    return 'medium'
  return 'high'
}

export function functionLabel(enclosing: string | undefined): string {
  return enclosing ?? 'module scope'
}

const ROUTE_METHOD = /(?:^|\.)(get|post|put|patch|delete|all|use|head|options)$/

/**
 * Where a call outside any named function sits, in words: the route handler registered around it
 * (`the GET /proxy handler` for `app.get('/proxy', (req, res) => ...)`), else module scope. Callbacks have no
 * FunctionDecl in the model, so the registering call is found by location.
 */
export function placeOf(module: ModuleModel, enclosing: string | undefined, line: number): string {
  if (enclosing) return enclosing
  let best: { text: string; size: number } | undefined
  for (const c of module.calls) {
    if (
      c.enclosing ||
      c.loc.startLine > line ||
      c.loc.endLine < line ||
      c.loc.startLine === c.loc.endLine
    )
      continue
    const method = ROUTE_METHOD.exec(c.callee)
    const route = /^\s*(['"`])(\/[^'"`]*)\1\s*$/.exec(c.args[0] ?? '')
    if (!method || !route) continue
    const size = c.loc.endLine - c.loc.startLine
    if (!best || size < best.size)
      best = { text: `the ${method[1].toUpperCase()} ${route[2]} handler`, size }
  }
  return best?.text ?? 'module scope'
}

/** The innermost function whose lines contain `line`. */
export function functionAt(module: ModuleModel, line: number): FunctionDecl | undefined {
  let best: FunctionDecl | undefined
  for (const f of module.functions) {
    if (
      f.loc.startLine <= line &&
      line <= f.loc.endLine &&
      (!best || f.loc.startLine >= best.loc.startLine)
    )
      best = f
  }
  return best
}

// Prototype-pollution findings settled by execution (settle-pollution.ts): the security perspective's
// claim on a JavaScript function is checked by calling it with `__proto__` payloads. Confirmed, the finding
// says what call wrote onto Object.prototype and is certain; refuted (a harmless control call of the
// same shape did the work, and no payload reached the prototype), it is dropped with its specs; not shown
// or not loadable, it stays as the perspective inferred it. Only this class can be settled this way: the
// claim is an observable global effect of one call. ReDoS needs a timing oracle and the other classes a
// sink to observe, which this stage does not run.
import { join } from 'node:path'
import type { Finding } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import { settlePollution, type PollutionSettlement } from './settle-pollution.js'

export type Settle = (
  cwd: string,
  file: string,
  exportName: string | undefined
) => Promise<PollutionSettlement>

export interface SettledRuns {
  runs: PerspectiveRun[]
  /** One line a finding: what the call showed. */
  notes: string[]
}

/** The files Node loads as they are; TypeScript sources would need a build the stage does not make. */
const LOADABLE = /\.(?:js|cjs|mjs)$/

function settleable(f: Finding): f is Finding & { file: string } {
  return f.messageId === 'prototypePollution' && f.file !== null && LOADABLE.test(f.file)
}

/** The export to call: a method or nested name (`Cls.m`) is not an export, so only plain names. */
function exportName(f: Finding): string | undefined {
  const symbol = f.symbol ?? undefined
  if (symbol === undefined || symbol === 'default') return undefined
  return /^[A-Za-z_$][\w$]*$/.test(symbol) ? symbol : '\u0000'
}

/** Whether any run has a claim this stage can settle (the stage is skipped, and not logged, otherwise). */
export function hasSettleable(runs: readonly PerspectiveRun[]): boolean {
  return runs.some((r) => r.meta.id === 'security' && r.findings.some(settleable))
}

export async function settlePollutionFindings(
  root: string,
  runs: readonly PerspectiveRun[],
  settle: Settle = settlePollution
): Promise<SettledRuns> {
  const notes: string[] = []
  const out: PerspectiveRun[] = []
  for (const run of runs) {
    if (run.meta.id !== 'security' || !run.findings.some(settleable)) {
      out.push(run)
      continue
    }
    const dropped = new Set<string>()
    const findings: Finding[] = []
    for (const f of run.findings) {
      const name = settleable(f) ? exportName(f) : '\u0000'
      if (!settleable(f) || name === '\u0000') {
        findings.push(f)
        continue
      }
      const settled = await settle(root, join(root, f.file), name)
      if (settled.verdict === 'confirmed') {
        notes.push(`${f.file}:${f.startLine} ${f.symbol ?? ''}: confirmed by ${settled.shape}`)
        findings.push({
          ...f,
          confidence: 'high',
          message: `${f.message} Confirmed by calling it: \`${settled.shape}\` with a \`__proto__\` payload wrote onto Object.prototype.`,
          tags: [...f.tags, 'observed']
        })
      } else if (settled.verdict === 'refuted') {
        notes.push(
          `${f.file}:${f.startLine} ${f.symbol ?? ''}: refuted (${settled.refutedBy} worked, no payload polluted)`
        )
        dropped.add(f.id)
      } else {
        notes.push(
          `${f.file}:${f.startLine} ${f.symbol ?? ''}: ${settled.verdict}${settled.detail ? ` (${settled.detail})` : ''}`
        )
        findings.push(f)
      }
    }
    out.push({
      ...run,
      findings,
      // A spec that only covered a refuted claim goes with it.
      specs: run.specs.filter(
        (s) => s.covers.length === 0 || s.covers.some((id) => !dropped.has(id))
      )
    })
  }
  return { runs: out, notes }
}

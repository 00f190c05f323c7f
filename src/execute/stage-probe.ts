// The stage's probe step: each target module probed in a child (probe.ts), each defect rendered as a
// pytest spec that fails on today's code, at a path no other spec or repository file takes.
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { renderSpec } from '../specs/render.js'
import { pythonModuleName } from '../specs/paths.js'
import type { RenderTarget, TestSpec } from '../specs/types.js'
import {
  defectDraft,
  defectMessage,
  defectPerspective,
  probeModule,
  type ProbeHome,
  type ProbedDefect
} from './probe.js'
import type { ProbeTarget } from './probe-targets.js'
import { eachLimited, type Session } from './validate.js'

export interface ProbedSpec {
  defect: ProbedDefect
  spec: TestSpec
  /** The perspective the finding belongs to (probe.ts defectPerspective). */
  perspectiveId: ProbeHome
  message: string
  /** Set after the runs: it failed in every one. */
  delivered: boolean
}

/** At most this many defects a run, one per unit: the first a probe finds of each. */
const MAX_DEFECTS = 20

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

export async function probeDefects(
  session: Session,
  options: {
    workspace: string
    target: RenderTarget
    probes?: readonly ProbeTarget[]
    /** The perspectives of the two that run (a finding joins one that does). */
    probeHomes?: readonly ProbeHome[]
    observeMs?: number
    concurrency?: number
  },
  taken: readonly string[]
): Promise<ProbedSpec[]> {
  const targets = options.probes ?? []
  if (targets.length === 0 || !session.python || options.target.framework !== 'pytest') return []
  const roots = options.target.layout?.pythonRoots ?? []
  const found: ProbedDefect[][] = new Array(targets.length).fill([])
  await eachLimited(
    targets.map((t, i) => ({ t, i })),
    options.concurrency ?? 2,
    async ({ t, i }) => {
      const result = await probeModule(
        { ...session, timeoutMs: options.observeMs ?? 15_000, pythonRoots: roots },
        t
      )
      found[i] = result.defects
      if (result.note) session.notes.push(result.note)
    }
  )
  const used = new Set(taken)
  const seen = new Set<string>()
  const out: ProbedSpec[] = []
  for (const defect of found.flat()) {
    const dotted = pythonModuleName(defect.module, roots)
    const unit = `${defect.module}#${defect.symbol}`
    if (!dotted || seen.has(unit) || out.length >= MAX_DEFECTS) continue
    seen.add(unit)
    const perspectiveId = defectPerspective(defect, options.probeHomes)
    const spec = renderSpec(
      defectDraft(defect, dotted, perspectiveId),
      options.target,
      perspectiveId
    )
    let path = spec.fileName
    for (
      let n = 2;
      used.has(path) || (await exists(join(options.workspace, ...path.split('/'))));
      n++
    )
      path = spec.fileName.replace(/(\.py)?$/, `_defect_${n}$1`)
    used.add(path)
    out.push({
      defect,
      spec: { ...spec, fileName: path },
      perspectiveId,
      message: defectMessage(defect),
      delivered: false
    })
  }
  return out
}

// The stage's probe step: each target module probed in a child (probe.ts for Python, probe-js.ts for
// JavaScript/TypeScript), each defect rendered as a spec for the project's runner that fails on
// today's code, at a path no other spec or repository file takes.
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadTypeScript } from '../model/ts-blank.js'
import { renderSpec } from '../specs/render.js'
import { pythonModuleName } from '../specs/paths.js'
import type { RenderTarget, TestSpec } from '../specs/types.js'
import {
  defectDraft,
  defectMessage,
  defectPerspective,
  heldDraft,
  probeModule,
  type HeldRoundTrip,
  type ProbeHome,
  type ProbedDefect,
  type UnsteadyExample,
  unsteadyLine
} from './probe.js'
import type { ProbeTarget } from './probe-targets.js'
import { jsDocumentsPair } from './documented-pair.js'
import { jsProbeTarget } from './js-probe-targets.js'
import { packageContract } from './package-contract.js'
import { jsDefectDraft, jsHeldDraft, probeJsModule } from './probe-js.js'
import { eachLimited, type Session } from './validate.js'

export interface ProbedSpec {
  /** The defect the spec demonstrates; null for a round trip that holds (`held`). */
  defect: ProbedDefect | null
  /** A round trip that came back for every value: the spec asserts it, delivered when it passes and adds coverage. */
  held?: HeldRoundTrip
  spec: TestSpec
  /** The perspective the finding belongs to (probe.ts defectPerspective). */
  perspectiveId: ProbeHome
  message: string
  /** Set after the runs: it failed in every one. */
  delivered: boolean
}

/** At most this many defects a run, one per unit: the first a probe finds of each. */
const MAX_DEFECTS = 20

/** `tests/test_a.py` -> `tests/test_a_defect_2.py`; `x/a.test.ts` -> `x/a.defect-2.test.ts`. */
export function numberedPath(path: string, n: number): string {
  if (path.endsWith('.py')) return path.replace(/\.py$/, `_defect_${n}.py`)
  const m = /^(.*?)(\.(?:test|spec)\.[cm]?[jt]sx?)$/.exec(path)
  if (m) return `${m[1]}.defect-${n}${m[2]}`
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/')
    ? `${path.slice(0, dot)}.defect-${n}${path.slice(dot)}`
    : `${path}_defect_${n}`
}

/** The spec's path, numbered past the run's other specs and the repository's files. */
async function freePath(fileName: string, used: Set<string>, workspace: string): Promise<string> {
  let path = fileName
  for (let n = 2; used.has(path) || (await exists(join(workspace, ...path.split('/')))); n++)
    path = numberedPath(fileName, n)
  used.add(path)
  return path
}

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
  const framework = options.target.framework
  const python = framework === 'pytest'
  const targets = (options.probes ?? []).filter((t) => (t.language === 'python') === python)
  if (targets.length === 0 || (python && !session.python)) return []
  const roots = options.target.layout?.pythonRoots ?? []
  const found: ProbedDefect[][] = new Array(targets.length).fill([])
  const holding: HeldRoundTrip[][] = new Array(targets.length).fill([])
  const ts = python ? null : await loadTypeScript()
  const contract = ts ? await packageContract(ts, session.root) : null
  await eachLimited(
    targets.map((t, i) => ({ t, i })),
    options.concurrency ?? 2,
    async ({ t, i }) => {
      const timeoutMs = options.observeMs ?? 15_000
      let result: {
        defects: ProbedDefect[]
        held: HeldRoundTrip[]
        note: string | null
        unsteady?: UnsteadyExample[]
      }
      if (t.language === 'python')
        result = await probeModule({ ...session, timeoutMs, pythonRoots: roots }, t)
      else {
        const text = await readFile(join(session.root, ...t.module.split('/')), 'utf8').catch(
          () => null
        )
        if (text === null || !ts) return
        result = await probeJsModule(
          { ...session, timeoutMs },
          jsProbeTarget(ts, t.module, text, contract?.declared),
          contract?.entries
        )
      }
      found[i] = result.defects
      holding[i] = result.held
      if (result.note) session.notes.push(result.note)
      // A failed example that is no expectation stays in the plan with its reason, never as a defect.
      for (const u of result.unsteady ?? []) session.notes.push(unsteadyLine(u))
    }
  )
  const used = new Set(taken)
  const seen = new Set<string>()
  const out: ProbedSpec[] = []
  let guessed = 0
  for (const defect of await withDocumentation(session.root, found.flat())) {
    // A pair named only by its verbs is our guess: when it does not come back, the guess was wrong.
    if (defect.kind === 'round-trip' && !defect.documented) {
      guessed++
      continue
    }
    const dotted = python ? pythonModuleName(defect.module, roots) : defect.module
    const unit = `${defect.module}#${defect.symbol}`
    // One defect a unit; the same one in a second copy of the code (an ES build beside the CommonJS one) once.
    const same = `${defect.kind}:${defect.symbol}:${defectMessage(defect).replace(defect.module, '')}`
    if (!dotted || seen.has(unit) || seen.has(same) || out.length >= MAX_DEFECTS) continue
    seen.add(unit)
    seen.add(same)
    const perspectiveId = defectPerspective(defect, options.probeHomes)
    const spec = renderSpec(
      python ? defectDraft(defect, dotted, perspectiveId) : jsDefectDraft(defect, perspectiveId),
      options.target,
      perspectiveId
    )
    const path = await freePath(spec.fileName, used, options.workspace)
    out.push({
      defect,
      spec: { ...spec, fileName: path },
      perspectiveId,
      message: defectMessage(defect),
      delivered: false
    })
  }
  if (guessed > 0)
    session.notes.push(
      `${guessed} round trip${guessed === 1 ? '' : 's'} that did not come back left out: the project does not say the pair are inverses (refuted guess, not a defect)`
    )
  // A round trip that holds is a test worth keeping when it runs code the suite does not: edge cases'.
  const home: ProbeHome = options.probeHomes?.includes('edge-cases')
    ? 'edge-cases'
    : (options.probeHomes?.[0] ?? 'edge-cases')
  for (const held of holding.flat()) {
    const dotted = python ? pythonModuleName(held.module, roots) : held.module
    const same = `${held.encoder}/${held.symbol}:${held.values.join(',')}`
    if (!dotted || seen.has(same)) continue
    seen.add(same)
    const spec = renderSpec(
      python ? heldDraft(held, dotted) : jsHeldDraft(held),
      options.target,
      home
    )
    const path = await freePath(spec.fileName, used, options.workspace)
    out.push({
      defect: null,
      held,
      spec: { ...spec, fileName: path },
      perspectiveId: home,
      message: `${held.symbol} reverses ${held.encoder} for ${held.values.join(', ')}`,
      delivered: false
    })
  }
  return out
}

/** A JavaScript/TypeScript round trip gets the doc line tying its pair together (Python's probe sets its own). */
async function withDocumentation(
  root: string,
  defects: readonly ProbedDefect[]
): Promise<ProbedDefect[]> {
  const texts = new Map<string, string | null>()
  const out: ProbedDefect[] = []
  for (const d of defects) {
    if (d.kind !== 'round-trip' || !d.js || d.documented !== undefined) {
      out.push(d)
      continue
    }
    if (!texts.has(d.module))
      texts.set(
        d.module,
        await readFile(join(root, ...d.module.split('/')), 'utf8').catch(() => null)
      )
    const text = texts.get(d.module)
    out.push({ ...d, documented: text ? jsDocumentsPair(text, d.encoder, d.symbol) : null })
  }
  return out
}

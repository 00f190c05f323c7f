// The product view: perspectives that judge the product see shipped code (and the tests that reach
// it), not release scripts, benchmarks, examples or fixtures. The engine restricts the model once,
// here, and each run reports what was left out. The config file widens the view (`surface.include`:
// classes such as tooling or examples-docs, or globs). ci-cd, test-pyramid and backwards-compat see
// the whole model; security also keeps the tooling that CI workflows run.
import picomatch from 'picomatch'
import type { CodeModel, FileClass, ModuleModel } from '../model/types.js'
import { FILE_CLASSES } from '../model/types.js'
import { TOOL_CONFIG_REASON } from '../model/surface-rules.js'

/** Perspectives that judge the product, so see the product view. */
export const PRODUCT_PERSPECTIVES: ReadonlySet<string> = new Set([
  'scope',
  'failure-modes',
  'integration-points',
  'edge-cases',
  'performance',
  'data-integrity',
  'error-handling',
  'user-experience',
  'security',
  'test-coverage',
  'mocking-strategy',
  'big-picture'
])

const MANIFEST_OUT: ReadonlySet<FileClass> = new Set([
  'examples-docs',
  'fixtures',
  'vendored',
  'generated'
])

/** Classes a perspective needs on top: scope counts fixtures as test input in its own inventory. */
const EXTRA_CLASSES: Partial<Record<string, FileClass[]>> = { scope: ['fixtures'] }

/** Always in view: the product and the tests that reach it (reach, seams and test links need them). */
const BASE_CLASSES: readonly FileClass[] = ['shipped', 'test']

export interface ProductViewSummary {
  /** Classes in view. */
  classes: FileClass[]
  /** Globs from the config that widen the view. */
  globs: string[]
  /** Analysed modules in view. */
  modules: number
  /** Analysed modules left out, by class. */
  leftOut: Partial<Record<FileClass, number>>
  /** Up to 3 examples of what was left out, by class. */
  examples: Partial<Record<FileClass, string[]>>
  /** Tooling modules kept because a CI workflow runs them (security only). */
  keptForCi: number
}

/** Splits `surface.include` into file classes and globs. */
export function parseWidening(include: readonly string[] | undefined): {
  classes: FileClass[]
  globs: string[]
} {
  const classes: FileClass[] = []
  const globs: string[] = []
  for (const entry of include ?? []) {
    if ((FILE_CLASSES as readonly string[]).includes(entry)) classes.push(entry as FileClass)
    else globs.push(entry)
  }
  return { classes, globs }
}

/** The model a perspective sees, and what was left out of it; the whole model for others or when the surface is unknown. */
export function productView(
  model: CodeModel,
  perspectiveId: string,
  include?: readonly string[]
): { model: CodeModel; summary: ProductViewSummary | null } {
  const surface = model.surface
  if (!surface || !PRODUCT_PERSPECTIVES.has(perspectiveId)) return { model, summary: null }
  const widening = parseWidening(include)
  const classes = [...new Set([...BASE_CLASSES, ...widening.classes])]
  const matches =
    widening.globs.length > 0
      ? picomatch(
          widening.globs.flatMap((g) => [g, `${g.replace(/\/+$/, '')}/**`]),
          { dot: true }
        )
      : () => false
  const byPath = new Map(surface.files.map((f) => [f.path, f]))
  const kept: ModuleModel[] = []
  const summary: ProductViewSummary = {
    classes,
    globs: widening.globs,
    modules: 0,
    leftOut: {},
    examples: {},
    keptForCi: 0
  }
  for (const module of model.modules) {
    const file = byPath.get(module.path)
    if (!file || classes.includes(file.class) || matches(module.path)) {
      kept.push(module)
      continue
    }
    if (EXTRA_CLASSES[perspectiveId]?.includes(file.class)) {
      kept.push(module)
      continue
    }
    if (
      perspectiveId === 'mocking-strategy' &&
      file.class === 'tooling' &&
      file.reason.startsWith(TOOL_CONFIG_REASON)
    ) {
      kept.push(module)
      continue
    }
    if (perspectiveId === 'security' && file.runByCi) {
      kept.push(module)
      summary.keptForCi++
      continue
    }
    summary.leftOut[file.class] = (summary.leftOut[file.class] ?? 0) + 1
    const examples = (summary.examples[file.class] ??= [])
    if (examples.length < 3) examples.push(module.path)
  }
  summary.modules = kept.length
  if (kept.length === model.modules.length) return { model, summary }
  // Manifests of examples and fixtures (examples/app/package.json) are not the product's; setup.py and the
  // like are tooling but still say what the package is, so they stay.
  const manifests = model.facts.manifests.filter((m) => {
    const file = byPath.get(m.path)
    return !file || !MANIFEST_OUT.has(file.class) || classes.includes(file.class) || matches(m.path)
  })
  return { model: { ...model, modules: kept, facts: { ...model.facts, manifests } }, summary }
}

/** One markdown paragraph for the perspective's report: what it looked at, and what it left out. */
export function productViewNote(summary: ProductViewSummary): string {
  const left = FILE_CLASSES.filter((c) => (summary.leftOut[c] ?? 0) > 0).map(
    (c) =>
      `${summary.leftOut[c]} ${c} (${(summary.examples[c] ?? []).map((p) => `\`${p}\``).join(', ')})`
  )
  const ci =
    summary.keptForCi > 0
      ? ` ${summary.keptForCi} tooling ${summary.keptForCi === 1 ? 'file' : 'files'} that CI workflows run stayed in view.`
      : ''
  if (left.length === 0)
    return `_Looked at ${summary.modules} analysed files: ${summary.classes.join(', ')}${summary.globs.length > 0 ? ` and ${summary.globs.join(', ')}` : ''}; nothing was left out.${ci}_`
  return (
    `_Looked at ${summary.modules} analysed files (${summary.classes.join(', ')}${summary.globs.length > 0 ? `, ${summary.globs.join(', ')}` : ''}); ` +
    `left out ${left.join(', ')}. Widen with \`surface: { include: [...] }\` in .test-planning.yml.${ci}_`
  )
}

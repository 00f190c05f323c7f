// The product surface in scope's report and details: how many files of each class, with examples
// and the reason each example got its class, and how shipped code was decided.
import type { FileClass, ProductSurface } from '../../src/model/types.js'
import { FILE_CLASSES } from '../../src/model/types.js'
import { codeCell, escapeInline, num, table } from '../shared/markdown.js'

const EXAMPLES = 3

export interface SurfaceClassSummary {
  class: FileClass
  files: number
  examples: { path: string; reason: string }[]
}

export interface SurfaceSummary {
  classes: SurfaceClassSummary[]
  basis: string[]
}

export function summariseSurface(surface: ProductSurface | undefined): SurfaceSummary | null {
  if (!surface) return null
  const classes = FILE_CLASSES.map((c) => {
    const files = surface.files.filter((f) => f.class === c)
    // Examples with different reasons first, so the table shows why files land in the class.
    const seen = new Set<string>()
    const examples: { path: string; reason: string }[] = []
    for (const f of files) {
      if (examples.length >= EXAMPLES) break
      if (seen.has(f.reason)) continue
      seen.add(f.reason)
      examples.push({ path: f.path, reason: f.reason })
    }
    for (const f of files) {
      if (examples.length >= EXAMPLES) break
      if (!examples.some((e) => e.path === f.path))
        examples.push({ path: f.path, reason: f.reason })
    }
    return { class: c, files: files.length, examples }
  }).filter((c) => c.files > 0)
  return { classes, basis: surface.basis }
}

export function surfaceSection(summary: SurfaceSummary | null): string {
  if (!summary || summary.classes.length === 0) return ''
  const rows = summary.classes.map((c) => [
    escapeInline(c.class),
    num(c.files),
    c.examples.map((e) => `${codeCell(e.path)}: ${escapeInline(e.reason)}`).join('<br>')
  ])
  return (
    '#### Product surface\n\n' +
    'Every file the loader saw, by class. Perspectives that judge the product look at shipped code and its tests; ' +
    'the rest is counted in their reports (widen with `surface: { include: [...] }` in .test-planning.yml).\n\n' +
    table(['Class', 'Files', 'Examples and why'], rows, ['left', 'right', 'left']) +
    `\n\nHow shipped code was decided: ${summary.basis.map(escapeInline).join('; ')}`
  )
}

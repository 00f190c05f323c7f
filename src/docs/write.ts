// Keeps the generated parts of the docs in step with the metadata: the README's table of the 15
// (between <!-- perspectives:start/end -->) and the head of each perspectives/<id>/README.md
// (between <!-- perspective:start/end -->). Human text outside the markers is never touched.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Perspective } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { PERSPECTIVE_MARKERS, README_MARKERS, replaceSection, wrap } from './markers.js'
import { perspectiveHeader, perspectiveReadmePath, perspectivesTable } from './perspectives-table.js'

type AnyPerspective = Pick<Perspective<string, unknown>, 'meta' | 'options'>

export const DOCS_COMMAND = 'npm run docs'

const NOT_IMPLEMENTED_BODY =
  'The analysis of this perspective lands with its own issue. Until then a run of it reports that it is ' +
  'not implemented yet and invents no findings.'

interface PlannedFile {
  /** Relative to the root, with `/`. */
  path: string
  current: string | null
  expected: string
}

function read(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null
}

/** The README with its table regenerated; a README without markers gets a section appended. */
export function updateReadme(text: string, perspectives: readonly AnyPerspective[]): string {
  const table = perspectivesTable(perspectives)
  const replaced = replaceSection(text, README_MARKERS, table)
  if (replaced !== null) return replaced
  return `${text.replace(/\n*$/, '')}\n\n## The 15 perspectives\n\n${wrap(README_MARKERS, table)}\n`
}

/** A perspective README with its head regenerated; created or prefixed with the head when needed. */
export function updatePerspectiveReadme(text: string | null, perspective: AnyPerspective): string {
  const header = perspectiveHeader(perspective)
  if (text === null) {
    const body = perspective.meta.implemented ? '' : `\n${NOT_IMPLEMENTED_BODY}\n`
    return `${wrap(PERSPECTIVE_MARKERS, header)}\n${body}`
  }
  const replaced = replaceSection(text, PERSPECTIVE_MARKERS, header)
  if (replaced !== null) return replaced
  return `${wrap(PERSPECTIVE_MARKERS, header)}\n\n${text.replace(/^\n+/, '')}`
}

function plan(root: string, perspectives: readonly AnyPerspective[]): PlannedFile[] {
  const files: PlannedFile[] = []
  // The root README is written by people; only an existing one gets its table kept up to date.
  const readme = read(join(root, 'README.md'))
  if (readme !== null) files.push({ path: 'README.md', current: readme, expected: updateReadme(readme, perspectives) })
  for (const p of perspectives) {
    const path = perspectiveReadmePath(p.meta.id)
    const current = read(join(root, path))
    files.push({ path, current, expected: updatePerspectiveReadme(current, p) })
  }
  return files
}

/** Rewrites what is out of date; returns the paths it changed (relative to root). */
export function writeDocs(root: string, perspectives: readonly AnyPerspective[] = PERSPECTIVES): { changed: string[] } {
  const changed: string[] = []
  for (const file of plan(root, perspectives)) {
    if (file.current === file.expected) continue
    const target = join(root, file.path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, file.expected)
    changed.push(file.path)
  }
  return { changed }
}

/** The files `writeDocs` would change (missing ones included); empty when the docs are up to date. */
export function checkDocs(root: string, perspectives: readonly AnyPerspective[] = PERSPECTIVES): string[] {
  return plan(root, perspectives)
    .filter((file) => file.current !== file.expected)
    .map((file) => file.path)
}

// Whether a coverage report still describes the code: files changed in git after the report was
// written make it stale; files it lists that are gone, and source files it does not list, are noted.
import type { CodeModel, CoverageReport, ModuleModel } from '../../src/model/types.js'

export interface StaleReport {
  report: CoverageReport
  /** Files the report covers whose last git change is later than the report, newest first. */
  changed: { path: string; lastChange: string }[]
}

export function staleReports(model: CodeModel): StaleReport[] {
  const git = model.facts.git
  const out: StaleReport[] = []
  if (!git.available) return out
  for (const report of model.facts.coverage) {
    if (!report.modified) continue
    const written = Date.parse(report.modified)
    const changed = report.files
      .map((f) => ({ path: f.path, lastChange: git.files[f.path]?.lastChange }))
      .filter(
        (f): f is { path: string; lastChange: string } =>
          f.lastChange !== undefined && Date.parse(f.lastChange) > written
      )
      .sort((a, b) =>
        a.lastChange < b.lastChange
          ? 1
          : a.lastChange > b.lastChange
            ? -1
            : a.path < b.path
              ? -1
              : 1
      )
    if (changed.length > 0) out.push({ report, changed })
  }
  return out
}

/** Files a report lists that the repository does not have. */
export function goneFiles(report: CoverageReport, allPaths: ReadonlySet<string>): string[] {
  return report.files
    .map((f) => f.path)
    .filter((p) => !allPaths.has(p))
    .sort()
}

const FAMILY: Record<string, string> = {
  typescript: 'js',
  tsx: 'js',
  javascript: 'js',
  jsx: 'js',
  python: 'python'
}
export const familyOf = (language: string): string => FAMILY[language] ?? language

/**
 * Source modules no report lists, among the language families the reports do measure (an lcov report
 * of the JavaScript says nothing of the Python scripts beside it: those get the static estimate).
 */
export function filesNotInReports(
  modules: readonly ModuleModel[],
  covered: ReadonlySet<string>,
  languageOf: (path: string) => string | undefined
): ModuleModel[] {
  const families = new Set<string>()
  for (const path of covered) {
    const language = languageOf(path)
    if (language) families.add(familyOf(language))
  }
  return modules.filter(
    (m) =>
      !covered.has(m.path) &&
      families.has(familyOf(m.language)) &&
      m.functions.length + m.lines > 0 &&
      !declaresTypesOnly(m)
  )
}

/**
 * A TypeScript module of type declarations only (svgo's lib/types.ts): it compiles to nothing, so no coverage
 * report lists it and there is nothing in it to run (round 9).
 */
export function declaresTypesOnly(m: ModuleModel): boolean {
  return (
    (m.language === 'typescript' || m.language === 'tsx') &&
    m.functions.length === 0 &&
    m.classes.length === 0 &&
    m.variables.length === 0 &&
    m.calls.length === 0 &&
    m.exports.every((e) => e.kind === 'type')
  )
}

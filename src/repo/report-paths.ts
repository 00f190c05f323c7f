// Turning the file paths written in coverage and test reports (absolute paths from another
// machine, paths relative to a package folder, Windows separators) into repository paths.
import { posix } from 'node:path'

export class ReportPathMapper {
  private readonly known: ReadonlySet<string>
  private readonly byBaseName = new Map<string, string[]>()
  /** Checkout folders of another machine learnt from absolute paths that matched by suffix (`/home/runner/work/x/x/`). */
  private readonly checkouts = new Set<string>()

  /**
   * @param root the repository root on this machine
   * @param paths the repository's paths (LoadedRepository.allPaths)
   * @param reportDirectory the report's folder, repository-relative ('' for the root)
   */
  constructor(
    private readonly root: string,
    paths: readonly string[],
    private readonly reportDirectory: string
  ) {
    this.known = new Set(paths)
    for (const path of paths) {
      const base = posix.basename(path)
      const list = this.byBaseName.get(base)
      if (list) list.push(path)
      else this.byBaseName.set(base, [path])
    }
  }

  /** The repository path for the first candidate that names a known file; else the best normalised guess. */
  map(...candidates: string[]): string {
    let fallback: string | undefined
    for (const candidate of candidates) {
      const found = this.lookup(candidate)
      if (found.known) return found.path
      fallback ??= found.path
    }
    return fallback ?? ''
  }

  private lookup(raw: string): { path: string; known: boolean } {
    const path = raw.replace(/^file:\/\//, '').replace(/\\/g, '/')
    const isAbsolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path)
    const root = this.root.replace(/\\/g, '/').replace(/\/$/, '')
    const installed = this.installed(path)
    if (installed) return { path: installed, known: true }
    if (isAbsolute) {
      if (path.startsWith(`${root}/`)) {
        const inside = posix.normalize(path.slice(root.length + 1))
        return { path: inside, known: this.known.has(inside) }
      }
      const suffix = this.bySuffix(path)
      if (suffix) {
        // The checkout folder the report was written in: other paths under it are repository paths too.
        this.checkouts.add(path.slice(0, path.length - suffix.length))
        return { path: suffix, known: true }
      }
      const checkout = [...this.checkouts].find((prefix) => path.startsWith(prefix))
      if (checkout) {
        const inside = posix.normalize(path.slice(checkout.length))
        return { path: inside, known: this.known.has(inside) }
      }
      return { path, known: false }
    }
    const relative = posix.normalize(path).replace(/^(\.\/)+/, '')
    const tries = [relative]
    // Paths relative to the report's folder or its parent (packages/x/coverage/lcov.info names src/a.ts).
    if (this.reportDirectory) {
      tries.push(posix.normalize(posix.join(this.reportDirectory, relative)))
      const parent = posix.dirname(this.reportDirectory)
      tries.push(posix.normalize(posix.join(parent === '.' ? '' : parent, relative)))
    }
    for (const attempt of tries) if (this.known.has(attempt)) return { path: attempt, known: true }
    const suffix = this.bySuffix(relative)
    return suffix ? { path: suffix, known: true } : { path: relative, known: false }
  }

  /**
   * A file of the package as installed (`.tox/py311/lib/python3.11/site-packages/pkg/a.py`, a wheel
   * tox or nox built): the repository file with the same path below the package's folder (`src/pkg/a.py`).
   */
  private installed(path: string): string | undefined {
    const at = path.search(/(^|\/)(site|dist)-packages\//)
    if (at < 0) return undefined
    const below = path.slice(path.indexOf('-packages/', at) + '-packages/'.length)
    if (!below.includes('/')) return this.known.has(below) ? below : undefined
    if (this.known.has(below)) return below
    const longer = (this.byBaseName.get(posix.basename(below)) ?? []).filter((candidate) =>
      candidate.endsWith(`/${below}`)
    )
    return longer.length === 1 ? longer[0] : undefined
  }

  /**
   * A known path that is a suffix of `path` (the report came from another checkout folder), or a
   * unique known path that ends with `path` (the report was relative to a source folder).
   */
  private bySuffix(path: string): string | undefined {
    const candidates = this.byBaseName.get(posix.basename(path)) ?? []
    let best: string | undefined
    for (const candidate of candidates) {
      if (path.endsWith(`/${candidate}`) && (!best || candidate.length > best.length))
        best = candidate
    }
    if (best) return best
    const longer = candidates.filter((candidate) => candidate.endsWith(`/${path}`))
    return longer.length === 1 ? longer[0] : undefined
  }
}

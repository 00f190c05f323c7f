// A bundle (browserify, webpack, esbuild) inlines many CommonJS modules into one file, each inside a
// wrapper function handed its own `module` and `exports`. The compiler binds their `exports.x = …` as if
// they were the file's, so sanitize-html 1's `dist/sanitize-html.js` seemed to export htmlparser2's,
// entities' and source-map's internals (64 removals judged false on held-out-5). What users get from a
// bundle is its entry module's value; the inlined modules' names are not the package's API.
import type * as TS from 'typescript'

type TypeScript = typeof TS

const EXPORTS = new Set(['exports', '__webpack_exports__'])
const MODULE = new Set(['module', 'require', '__unused_webpack_module', '__webpack_require__'])

/** Text ranges of the inlined module wrappers, when the file is a bundle of two or more. */
export function bundledModuleRanges(ts: TypeScript, sf: TS.SourceFile): [number, number][] {
  const wrappers: TS.Node[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node)) {
      const names = (node as TS.SignatureDeclaration).parameters.map((p) =>
        ts.isIdentifier(p.name) ? p.name.text : ''
      )
      if (names.some((n) => EXPORTS.has(n)) && names.some((n) => MODULE.has(n))) {
        wrappers.push(node)
        return
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  // One wrapper is a UMD factory handed `exports` (rollup's `function (exports) {…}` has no `module`,
  // but a hand-written one may): its assignments are the file's own exports.
  if (wrappers.length < 2) return []
  return wrappers.map((w) => [w.getStart(sf), w.getEnd()])
}

/** True when `symbol` is declared inside one of `ranges` of `sf` (an inlined module's own name). */
export function declaredInside(
  symbol: TS.Symbol,
  sf: TS.SourceFile,
  ranges: [number, number][]
): boolean {
  const decls = symbol.getDeclarations() ?? []
  return (
    decls.length > 0 &&
    decls.every(
      (d) =>
        d.getSourceFile() === sf && ranges.some(([start, end]) => d.pos >= start && d.end <= end)
    )
  )
}

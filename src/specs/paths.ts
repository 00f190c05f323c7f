// Where a rendered spec would live in the target repository, and how it imports the code under test.
//
// Conventions (documented in src/specs/README.md):
// - jest / vitest: `__tests__/<dirs>/<base>[.<symbol>].<perspective>.test.(ts|js)`
// - node:test:     `test/<dirs>/<base>[.<symbol>].<perspective>.test.(ts|js)`
// - mocha:         `test/<dirs>/<base>[.<symbol>].<perspective>.spec.(ts|js)`
// - pytest:        `tests/test_<module path with _>[_<symbol>]_<perspective with _>.py` (flat: pytest's
//                  default import mode needs unique basenames)
// `<dirs>` mirrors the module's directory without a leading `src/`, so two `index.ts` files in
// different folders do not collide. The symbol is part of the name so that specs for different
// functions of one module get different files.
import { posix } from 'node:path'
import { collects } from './collect.js'
import type { TestLayout } from './layout-types.js'
import type { SpecLanguage, TestFramework } from './types.js'

export type ModuleLanguage = 'typescript' | 'javascript' | 'python' | 'other'

export function moduleLanguage(path: string): ModuleLanguage {
  const ext = posix.extname(path).toLowerCase()
  if (['.ts', '.tsx', '.mts', '.cts'].includes(ext)) return 'typescript'
  if (['.js', '.jsx', '.mjs', '.cjs'].includes(ext)) return 'javascript'
  if (ext === '.py' || ext === '.pyi') return 'python'
  return 'other'
}

function normalise(path: string): string {
  return posix
    .normalize(path.replace(/\\/g, '/'))
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
}

/** `src/util/port.ts` -> { dirs: 'util', base: 'port' }; an index file takes its folder's name. */
function splitModulePath(path: string): { dirs: string; base: string } {
  const clean = normalise(path).replace(/^src\//, '')
  const ext = posix.extname(clean)
  let dirs = posix.dirname(clean)
  let base = posix.basename(clean, ext)
  if ((base === 'index' || base === '__init__') && dirs !== '.') {
    base = posix.basename(dirs)
    dirs = posix.dirname(dirs)
  }
  return { dirs: dirs === '.' ? '' : dirs, base: base || 'module' }
}

/** Characters that are awkward in file names become `-`. */
function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'
}

function snake(text: string): string {
  return (
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'x'
  )
}

export function suggestTestFile(
  framework: TestFramework,
  language: SpecLanguage,
  subjectPath: string,
  symbol: string | undefined,
  perspectiveId: string,
  layout?: TestLayout
): string {
  if (layout && layout.framework === framework && layout.language === language)
    return layoutTestFile(layout, subjectPath, symbol, perspectiveId)
  const { dirs, base } = splitModulePath(subjectPath)
  if (framework === 'pytest') {
    const stem = normalise(subjectPath)
      .replace(/^src\//, '')
      .replace(/\.[^./]+$/, '')
    const parts = [snake(stem.replace(/\/__init__$/, ''))]
    if (symbol && symbol !== 'default') parts.push(snake(symbol))
    parts.push(snake(perspectiveId))
    return `tests/test_${parts.join('_')}.py`
  }
  const ext = language === 'typescript' ? 'ts' : 'js'
  const root = framework === 'jest' || framework === 'vitest' ? '__tests__' : 'test'
  const suffix = framework === 'mocha' ? 'spec' : 'test'
  const name = [
    fileSafe(base),
    ...(symbol && symbol !== 'default' ? [fileSafe(symbol)] : []),
    fileSafe(perspectiveId)
  ]
  const dirParts = dirs ? dirs.split('/').map(fileSafe) : []
  return posix.join(root, ...dirParts, `${name.join('.')}.${suffix}.${ext}`)
}

/** The module's folder without a leading source root (`src/`, `lib/`), for mirroring under a test folder. */
function mirroredDirs(path: string): string[] {
  const dir = posix.dirname(normalise(path))
  const parts = dir === '.' ? [] : dir.split('/')
  if (parts[0] === 'src' || parts[0] === 'lib') parts.shift()
  return parts.map(fileSafe)
}

/**
 * The spec's path in the project's own layout: where its tests sit, named as they are, and collected
 * by its runner. The layout's placement comes first; when the runner would not collect that path (an
 * include glob, testMatch, mocha's spec folders, pytest's testpaths), the other usual places are tried.
 */
export function layoutTestFile(
  layout: TestLayout,
  subjectPath: string,
  symbol: string | undefined,
  perspectiveId: string
): string {
  const clean = normalise(subjectPath)
  const withSymbol = symbol && symbol !== 'default'
  if (layout.framework === 'pytest') {
    const stem = layout.pythonRoots
      .reduce((p, r) => (p.startsWith(`${r}/`) ? p.slice(r.length + 1) : p), clean)
      .replace(/^src\//, '')
      .replace(/\.[^./]+$/, '')
    const parts = [
      snake(stem.replace(/\/__init__$/, '')),
      ...(withSymbol ? [snake(symbol)] : []),
      snake(perspectiveId)
    ]
    const stemName = `${layout.naming.prefix}${parts.join('_')}${layout.naming.suffix}`
    // `python_files = tests.py`: a folder per spec, the file named as pytest collects it.
    const name = layout.exactFile ? `${stemName}/${layout.exactFile}` : `${stemName}.py`
    const dirs = [layout.testDir, 'tests', 'test'].map((d) => (d === '.' ? '' : d))
    const candidates = [...new Set(dirs)].map((d) => (d ? `${d}/${name}` : name))
    return candidates.find((c) => collects(layout, c)) ?? candidates[0]
  }
  const ext = posix.extname(clean)
  const dir = posix.dirname(clean) === '.' ? '' : posix.dirname(clean)
  const base = fileSafe(posix.basename(clean, ext)) || 'module'
  const tail = [...(withSymbol ? [fileSafe(symbol)] : []), fileSafe(perspectiveId)].join('.')
  const file = (stem: string): string => `${stem}.${tail}${layout.naming.suffix}${layout.extension}`
  const mirrored = mirroredDirs(clean)
  const split = splitModulePath(clean)
  const inFolder = (root: string): string => posix.join(root, ...mirrored, file(base))
  const flat = (root: string): string => posix.join(root, file([...mirrored, base].join('.')))
  const beside = posix.join(dir, file(base))
  const nested = posix.join(dir, '__tests__', file(base))
  const primary = { beside, nested, folder: inFolder(layout.testDir), flat: flat(layout.testDir) }[
    layout.placement
  ]
  const candidates = [
    primary,
    ...globCandidates(layout, mirrored, base, tail),
    inFolder(layout.testDir),
    flat(layout.testDir),
    beside,
    nested,
    inFolder('test'),
    flat('test'),
    inFolder('__tests__'),
    inFolder('tests'),
    posix.join(
      '__tests__',
      ...(split.dirs ? split.dirs.split('/').map(fileSafe) : []),
      file(split.base)
    )
  ]
  // Last resort: the usual folders with the usual suffixes (a jest `testRegex` names neither).
  for (const root of ['test', 'tests', 'spec', '__tests__']) {
    for (const suffix of ['.test', '.spec']) {
      const named = `${base}.${tail}${suffix}${layout.extension}`
      candidates.push(
        posix.join(root, ...mirrored, named),
        posix.join(root, [...mirrored, named].join('.'))
      )
    }
  }
  return candidates.find((c) => collects(layout, c)) ?? primary
}

/**
 * Places the runner's include globs point at: their fixed folder (`test/unit/` of
 * `test/unit/**\/*.spec.js`) with the name their file part asks for (`*.check.js` -> `.check.js`).
 */
function globCandidates(
  layout: TestLayout,
  mirrored: string[],
  base: string,
  tail: string
): string[] {
  const out: string[] = []
  for (const glob of layout.collect.include) {
    const slash = glob.lastIndexOf('/')
    const namePart = glob.slice(slash + 1)
    const fixed: string[] = []
    for (const part of glob.slice(0, Math.max(slash, 0)).split('/')) {
      if (part === '' || /[*?{[(!]/.test(part)) break
      fixed.push(part)
    }
    const recursive = glob.slice(0, Math.max(slash, 0)).includes('**')
    const named = /^\*((?:\.[A-Za-z0-9_-]+)?)\.([A-Za-z0-9]+)$/.exec(namePart)
    const suffix = named ? named[1] : layout.naming.suffix
    const extension = named ? `.${named[2]}` : layout.extension
    if (
      named &&
      extension.slice(1) !== layout.extension.slice(1) &&
      !(layout.extension === '.ts' && extension === '.js')
    )
      continue
    const file = (stem: string): string =>
      `${stem}.${tail}${suffix}${named ? extension : layout.extension}`
    if (recursive) out.push(posix.join(...fixed, ...mirrored, file(base)))
    out.push(posix.join(...fixed, file([...mirrored, base].join('.'))))
  }
  return out
}

/**
 * The ESM specifier that imports `modulePath` from `testFile` (both repository-relative).
 * TypeScript sources are imported with the extension they compile to (`.ts` -> `.js`, `.mts` ->
 * `.mjs`, `.cts` -> `.cjs`): the NodeNext convention, which tsc, tsx, ts-jest and vitest accept.
 */
export function jsImportSpecifier(testFile: string, modulePath: string): string {
  const target = normalise(modulePath).replace(
    /\.(m|c)?tsx?$/,
    (_, kind: string | undefined) => `.${kind ?? ''}js`
  )
  let rel = posix.relative(posix.dirname(normalise(testFile)), target)
  if (!rel.startsWith('.')) rel = `./${rel}`
  return rel
}

/**
 * How a test file in the project's layout imports a module: the package's own name for its entry
 * point when its tests do that, else a relative path with the extension its tests write for
 * TypeScript sources (none, `.js` or `.ts`). JavaScript sources keep their own extension.
 */
export function layoutImportSpecifier(
  testFile: string,
  modulePath: string,
  layout?: TestLayout
): string {
  if (!layout) return jsImportSpecifier(testFile, modulePath)
  const target = normalise(modulePath)
  if (layout.importStyle === 'package' && layout.packageName && layout.packageEntry === target)
    return layout.packageName
  if (!/\.(m|c)?tsx?$/.test(target)) return jsImportSpecifier(testFile, modulePath)
  let rel = posix.relative(posix.dirname(normalise(testFile)), target)
  if (!rel.startsWith('.')) rel = `./${rel}`
  switch (layout.importExtension) {
    case 'none':
      return rel.replace(/\.tsx?$/, '').replace(/\/index$/, '') || '.'
    case '.ts':
      return rel
    case '.js':
      return jsImportSpecifier(testFile, modulePath)
  }
}

const PY_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * `src/mypkg/port.py` -> `mypkg.port`; null when a segment is not a Python identifier. `roots` are the
 * folders on the import path (a src layout, pytest's `pythonpath`): a module under one imports by the
 * name below it, the way its installed package does.
 */
export function pythonModuleName(modulePath: string, roots: readonly string[] = []): string | null {
  let path = normalise(modulePath)
  const root = [...roots].sort((a, b) => b.length - a.length).find((r) => path.startsWith(`${r}/`))
  if (root) path = path.slice(root.length + 1)
  const clean = path
    .replace(/^src\//, '')
    .replace(/\.pyi?$/, '')
    .replace(/\/__init__$/, '')
  const parts = clean.split('/')
  return parts.every((p) => PY_IDENTIFIER.test(p)) ? parts.join('.') : null
}

/**
 * True when an import source names a file in the repository (`src/app.ts`, `./app.py`): a path with a
 * source extension and a folder or a leading `./`. Anything else (`node:http`, `chart.js`, `requests`)
 * is a package specifier, written as is.
 */
export function isRepositoryPath(source: string): boolean {
  if (moduleLanguage(source) === 'other' || /^[a-z]+:/i.test(source) || source.startsWith('@'))
    return false
  return source.includes('/')
}

export { snake as snakeCase, normalise as normalisePath }

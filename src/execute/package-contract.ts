// What a JavaScript/TypeScript package offers its users, for the defect probe (probe-js.ts): the files
// its entry loads (package.json `exports`, `main`, `module`) and, when it ships type declarations, the
// names they declare with their parameter types. A function outside both is an internal helper
// (filesize's `resolveSymbol`, exported by helpers.js but not by the package): calling it with values
// no caller of the package passes proves nothing, so it is not probed.
import { access, readFile } from 'node:fs/promises'
import { posix } from 'node:path'
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface DeclaredContract {
  /** Every name the declarations give: functions, classes, their members, exported variables. */
  names: Set<string>
  /** Function and method signatures by name (overloads in order). */
  signatures: Map<string, TS.SignatureDeclaration[]>
  /** The declaration files read, repository-relative. */
  files: string[]
}

export interface PackageContract {
  /** Runtime entry files that exist, repository-relative; empty when the package declares none. */
  entries: string[]
  /** The shipped `.d.ts` files' contract; null when none ships. */
  declared: DeclaredContract | null
}

const BUILD_DIR = /^(dist|lib|build|out|esm|cjs)\//
const SOURCE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs']
const SOURCE_ENTRIES = [
  'src/index.ts',
  'src/mod.ts',
  'src/main.ts',
  'src/index.mts',
  'src/index.js'
]

async function exists(root: string, rel: string): Promise<boolean> {
  return access(posix.join(root, rel)).then(
    () => true,
    () => false
  )
}

/** Relative paths under `exports` for the package root (`.`), by condition; `types` kept apart. */
function exportTargets(value: unknown, types: boolean, out: string[]): void {
  if (typeof value === 'string') {
    out.push(value)
    return
  }
  if (Array.isArray(value)) {
    for (const v of value) exportTargets(v, types, out)
    return
  }
  if (!value || typeof value !== 'object') return
  const entries = Object.entries(value as Record<string, unknown>)
  // Subpaths (`.`, `./utils`) are each an entry; conditions (`import`, `types`) pick a file.
  for (const [key, v] of entries) {
    if (key.startsWith('.')) {
      if (!key.includes('*') && key !== './package.json') exportTargets(v, types, out)
    } else if ((key === 'types' || key === 'typings') === types) exportTargets(v, types, out)
    else if (types && v && typeof v === 'object') exportTargets(v, types, out)
  }
}

const normal = (p: string): string => posix.normalize(p).replace(/^\.\//, '')

/** An entry in a build folder that is not there (not built): the source file it is built from. */
async function existingEntry(root: string, rel: string): Promise<string | null> {
  if (await exists(root, rel)) return rel
  if (!BUILD_DIR.test(rel)) return null
  const stem = rel.replace(BUILD_DIR, 'src/').replace(/\.[cm]?js$/, '')
  for (const ext of SOURCE_EXTENSIONS) if (await exists(root, stem + ext)) return stem + ext
  return null
}

async function declarationFiles(
  root: string,
  manifest: Record<string, unknown>,
  entries: string[]
): Promise<string[]> {
  const named: string[] = []
  for (const key of ['types', 'typings'])
    if (typeof manifest[key] === 'string') named.push(manifest[key] as string)
  exportTargets(manifest.exports, true, named)
  for (const e of entries) named.push(e.replace(/\.([cm]?)js$/, '.d.$1ts'))
  const out: string[] = []
  for (const n of named.map(normal))
    if (/\.d\.[cm]?ts$/.test(n) && !out.includes(n) && (await exists(root, n))) out.push(n)
  return out
}

/** `./x` from `dir/a.d.ts`: the declaration file it names. */
async function resolveDeclaration(
  root: string,
  from: string,
  specifier: string
): Promise<string | null> {
  if (!specifier.startsWith('.')) return null
  const base = normal(posix.join(posix.dirname(from), specifier)).replace(/\.[cm]?js$/, '')
  for (const candidate of [
    base,
    `${base}.d.ts`,
    `${base}.d.mts`,
    `${base}.d.cts`,
    `${base}/index.d.ts`
  ])
    if (/\.d\.[cm]?ts$/.test(candidate) && (await exists(root, candidate))) return candidate
  return null
}

function nameText(ts: TypeScript, name: TS.Node | undefined): string | null {
  if (!name) return null
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))
    return name.text
  return null
}

/** The names and signatures one declaration file gives, and the files it re-exports or imports from. */
function readDeclarations(
  ts: TypeScript,
  file: string,
  text: string,
  into: DeclaredContract
): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const follow: string[] = []
  const sign = (name: string, sig: TS.SignatureDeclaration): void => {
    const list = into.signatures.get(name) ?? []
    list.push(sig)
    into.signatures.set(name, list)
  }
  const visit = (node: TS.Node): void => {
    if (
      (ts.isExportDeclaration(node) || ts.isImportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      follow.push(node.moduleSpecifier.text)
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodSignature(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isModuleDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isExportSpecifier(node) ||
      ts.isPropertySignature(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isVariableDeclaration(node)
    ) {
      const name = nameText(ts, node.name)
      if (name) {
        into.names.add(name)
        if (
          ts.isFunctionDeclaration(node) ||
          ts.isMethodSignature(node) ||
          ts.isMethodDeclaration(node)
        )
          sign(name, node)
        else if (
          (ts.isVariableDeclaration(node) ||
            ts.isPropertySignature(node) ||
            ts.isPropertyDeclaration(node)) &&
          node.type &&
          ts.isFunctionTypeNode(node.type)
        )
          sign(name, node.type)
      }
      if (ts.isExportSpecifier(node) && node.propertyName) {
        const original = nameText(ts, node.propertyName)
        if (original) into.names.add(original)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return follow
}

/** The package's contract read from its `package.json` at `root`; null when it has none. */
export async function packageContract(
  ts: TypeScript,
  root: string
): Promise<PackageContract | null> {
  let manifest: Record<string, unknown>
  try {
    manifest = JSON.parse(await readFile(posix.join(root, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >
  } catch {
    return null
  }
  const declaredEntries: string[] = []
  exportTargets(manifest.exports, false, declaredEntries)
  for (const key of ['main', 'module'])
    if (typeof manifest[key] === 'string') declaredEntries.push(manifest[key] as string)
  if (declaredEntries.length === 0) declaredEntries.push('index.js')
  const entries: string[] = []
  for (const e of declaredEntries.map(normal)) {
    if (/\.d\.[cm]?ts$/.test(e) || /\.(json|css|node)$/.test(e)) continue
    const found = await existingEntry(root, e)
    if (found && !entries.includes(found)) entries.push(found)
  }
  // A build the checkout does not hold, named other than its source (tsup's `dist/radashi.js` from
  // `src/mod.ts`): the source folder's usual entry files.
  if (entries.length === 0 && declaredEntries.some((e) => BUILD_DIR.test(normal(e))))
    for (const candidate of SOURCE_ENTRIES)
      if (await exists(root, candidate)) {
        entries.push(candidate)
        break
      }
  const files = await declarationFiles(root, manifest, entries)
  if (files.length === 0) return { entries, declared: null }
  const declared: DeclaredContract = { names: new Set(), signatures: new Map(), files: [] }
  const queue = [...files]
  while (queue.length > 0 && declared.files.length < 50) {
    const file = queue.shift()!
    if (declared.files.includes(file)) continue
    declared.files.push(file)
    const text = await readFile(posix.join(root, file), 'utf8').catch(() => '')
    for (const specifier of readDeclarations(ts, file, text, declared)) {
      const next = await resolveDeclaration(root, file, specifier)
      if (next && !declared.files.includes(next)) queue.push(next)
    }
  }
  return { entries, declared }
}

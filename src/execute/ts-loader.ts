// A TypeScript loader for projects without tsx or ts-node: a Node `module.register` hook that compiles
// .ts/.mts/.cts files with the `typescript` package the project itself installs (`transpileModule`,
// one file at a time, no type check) and resolves the `.js` specifiers TypeScript sources write to
// the `.ts` files beside them. Used to observe a TypeScript unit and to run a node:test spec in
// TypeScript. Chosen over a package's built entry (`dist/`): a fresh checkout has no dist, a built
// entry may be older than the sources, and its paths do not match the module the spec names.
import { access, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Where the loader is written inside a temporary copy (the copy's scratch folder). */
const FOLDER = '.test-planning-tmp/ts-loader'

const HOOKS = String.raw`
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
const ts = createRequire(ROOT_PACKAGE)('typescript')
const TS_FILE = /\.(?:ts|mts|cts|tsx)$/
const SWAP = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] }
const RELATIVE = /^(?:\.{1,2}\/|\/|file:)/
function candidates(specifier) {
  const ext = /\.(?:m|c)?jsx?$/.exec(specifier)?.[0]
  if (ext) return SWAP[ext].map((e) => specifier.slice(0, -ext.length) + e)
  if (/\.[cm]?tsx?$/.test(specifier)) return []
  return ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'].map((e) => specifier + e)
}
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context)
  } catch (error) {
    // Only a relative import a TypeScript source wrote (./x.js for ./x.ts, or ./x with no extension).
    if (!RELATIVE.test(specifier)) throw error
    for (const c of candidates(specifier)) {
      try {
        return await next(c, context)
      } catch {
        // not this one
      }
    }
    throw error
  }
}
export async function load(url, context, next) {
  const path = url.startsWith('file:') ? fileURLToPath(url) : ''
  if (!TS_FILE.test(path) || path.endsWith('.d.ts')) return next(url, context)
  const source = await readFile(path, 'utf8')
  const cts = path.endsWith('.cts')
  const out = ts.transpileModule(source, {
    fileName: path,
    compilerOptions: {
      module: cts ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
      esModuleInterop: true,
      inlineSourceMap: true,
      inlineSources: true
    }
  })
  return { format: cts ? 'commonjs' : 'module', source: out.outputText, shortCircuit: true }
}
`

const REGISTER = `import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n`

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

/** Whether the project at `root` installs the `typescript` package the loader compiles with. */
export function hasTypeScript(root: string): Promise<boolean> {
  return exists(join(root, 'node_modules/typescript/package.json'))
}

const written = new Map<string, Promise<string>>()

async function writeLoader(root: string): Promise<string> {
  const dir = join(root, ...FOLDER.split('/'))
  await mkdir(dir, { recursive: true })
  const pkg = JSON.stringify(join(root, 'package.json'))
  await writeFile(join(dir, 'hooks.mjs'), `const ROOT_PACKAGE = ${pkg}\n${HOOKS}`)
  const register = join(dir, 'register.mjs')
  await writeFile(register, REGISTER)
  return register
}

/**
 * Node arguments that load TypeScript in the copy at `root` (the loader is written into the copy's
 * scratch folder once), or null when the project has no `typescript`.
 */
export async function typeScriptLoader(root: string): Promise<string[] | null> {
  if (!(await hasTypeScript(root))) return null
  let register = written.get(root)
  if (!register || !(await exists(await register))) {
    register = writeLoader(root)
    written.set(root, register)
  }
  return ['--import', pathToFileURL(await register).href]
}

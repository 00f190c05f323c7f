// Loads web-tree-sitter and its grammars without letting the bundler touch them.
// ncc breaks web-tree-sitter (see BRIEF section 8), so the build copies `web-tree-sitter.js`,
// its runtime .wasm and the grammar .wasm files into dist/, and we import them by file URL.
// From source (tests, ts-jest) the same files are found in node_modules.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type * as TreeSitter from 'web-tree-sitter'

export type GrammarName =
  | 'typescript'
  | 'tsx'
  | 'javascript'
  | 'python'
  | 'go'
  | 'java'
  | 'rust'
  | 'ruby'
  | 'c-sharp'
  | 'php'

export const GRAMMARS: readonly GrammarName[] = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'go',
  'java',
  'rust',
  'ruby',
  'c-sharp',
  'php'
]

export type TreeSitterModule = typeof TreeSitter

interface Locations {
  runtimeJs: string
  runtimeWasm: string
  grammarDir: string
}

const here = dirname(fileURLToPath(import.meta.url))

/** Where the runtime and grammars live: beside the bundle, or in node_modules when run from source. */
export function locateTreeSitter(start: string = here): Locations {
  if (existsSync(join(start, 'web-tree-sitter.js')) && existsSync(join(start, 'grammars'))) {
    return {
      runtimeJs: join(start, 'web-tree-sitter.js'),
      runtimeWasm: join(start, 'web-tree-sitter.wasm'),
      grammarDir: join(start, 'grammars')
    }
  }
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', 'web-tree-sitter')
    if (existsSync(join(pkg, 'web-tree-sitter.js'))) {
      return {
        runtimeJs: join(pkg, 'web-tree-sitter.js'),
        runtimeWasm: join(pkg, 'web-tree-sitter.wasm'),
        grammarDir: join(dir, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm')
      }
    }
    if (dirname(dir) === dir) break
  }
  throw new Error(
    `web-tree-sitter was not found beside ${start} nor in any node_modules above it; ` +
      'rebuild dist/ with `npm run build` or run `npm ci`.'
  )
}

let runtime: Promise<TreeSitterModule> | undefined
const languages = new Map<GrammarName, Promise<TreeSitter.Language>>()

/** The initialised web-tree-sitter module (loaded once per process). */
export function loadTreeSitter(): Promise<TreeSitterModule> {
  runtime ??= (async () => {
    const where = locateTreeSitter()
    const mod = (await import(
      /* webpackIgnore: true */ pathToFileURL(where.runtimeJs).href
    )) as TreeSitterModule
    await mod.Parser.init({ locateFile: () => where.runtimeWasm })
    return mod
  })()
  return runtime
}

/** A grammar, loaded once per process. */
export function loadGrammar(name: GrammarName): Promise<TreeSitter.Language> {
  let language = languages.get(name)
  if (!language) {
    language = (async () => {
      const mod = await loadTreeSitter()
      const file = join(locateTreeSitter().grammarDir, `tree-sitter-${name}.wasm`)
      return mod.Language.load(file)
    })()
    languages.set(name, language)
  }
  return language
}

/** A parser set to the given grammar. Parsers are cheap; callers may keep one per language. */
export async function createParser(name: GrammarName): Promise<TreeSitter.Parser> {
  const mod = await loadTreeSitter()
  const parser = new mod.Parser()
  parser.setLanguage(await loadGrammar(name))
  return parser
}

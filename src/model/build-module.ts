// Builds the model of one source file: parse it with its tree-sitter grammar and run the extractor
// of its language. Never throws: a file that cannot be parsed or extracted becomes a partial module.
import type { Parser, Tree } from 'web-tree-sitter'
import type { Logger } from '../log.js'
import { errorMessage } from '../util/errors.js'
import { emptyModule } from './extract/common.js'
import { extractGeneric } from './extract/generic.js'
import { extractJavaScript } from './extract/javascript.js'
import { nameUseLines, namesUsed } from './extract/names-used.js'
import { receiverTypes, typedUseLines } from './extract/receiver-types.js'
import { coverageIgnores } from './extract/pragmas.js'
import { extractPython } from './extract/python.js'
import { isTestPath } from './test-files.js'
import { blankTypes, loadTypeScript, restoreTypes } from './ts-blank.js'
import { createParser, type GrammarName } from './tree-sitter.js'
import type { Language, ModuleModel, SourceFile } from './types.js'

/** Time spent parsing and extracting, summed over files (filled in when passed to buildModel). */
export interface BuildTimings {
  parseMs: number
  extractMs: number
}

export interface BuildModuleOptions {
  logger?: Logger
  timings?: BuildTimings
  /** Extractors to use instead of the built-in ones, by language (tests use this to plant failures). */
  extractors?: Partial<Record<Language, Extractor>>
  /** A parse taking longer than this is abandoned and the file kept as a partial module. Default 20 s. */
  parseTimeoutMs?: number
}

export type Extractor = (source: SourceFile, tree: Tree, isTest: boolean) => ModuleModel

const GRAMMAR_OF: Partial<Record<Language, GrammarName>> = {
  typescript: 'typescript',
  tsx: 'tsx',
  javascript: 'javascript',
  jsx: 'javascript',
  python: 'python',
  go: 'go',
  java: 'java',
  rust: 'rust',
  ruby: 'ruby',
  csharp: 'c-sharp',
  php: 'php'
}

function extractorFor(language: Language): Extractor | undefined {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
    case 'jsx':
      return extractJavaScript
    case 'python':
      return extractPython
    case 'go':
    case 'java':
    case 'rust':
    case 'ruby':
    case 'csharp':
    case 'php':
      return extractGeneric
    default:
      return undefined
  }
}

/** One parser per grammar, created on first use and reused for every file of that language. */
export class ParserPool {
  private readonly parsers = new Map<GrammarName, Promise<Parser>>()

  get(grammar: GrammarName): Promise<Parser> {
    let parser = this.parsers.get(grammar)
    if (!parser) {
      parser = createParser(grammar)
      this.parsers.set(grammar, parser)
    }
    return parser
  }

  async dispose(): Promise<void> {
    for (const p of this.parsers.values()) {
      try {
        ;(await p).delete()
      } catch {
        // A grammar that failed to load has no parser to free.
      }
    }
    this.parsers.clear()
  }
}

const TS_FAMILY: ReadonlySet<Language> = new Set(['typescript', 'tsx', 'javascript', 'jsx'])

/**
 * Where tree-sitter leaves error nodes in a TypeScript or JavaScript file, the TypeScript compiler decides:
 * its syntax errors are the file's real ones, and the file is modelled again from its text with the
 * type-only code blanked (ts-blank.ts), which tree-sitter reads. Kept only when that parse is better.
 */
async function recoverWithCompiler(
  source: SourceFile,
  parser: Parser,
  extract: Extractor,
  first: ModuleModel,
  isTest: boolean,
  options: BuildModuleOptions
): Promise<ModuleModel | null> {
  let tree: Tree | null = null
  try {
    const ts = await loadTypeScript()
    const blanked = blankTypes(ts, source.path, source.text)
    tree = parser.parse(blanked.text)
    if (!tree) return null
    const second = extract({ ...source, text: blanked.text }, tree, isTest)
    if (second.syntaxErrors >= first.syntaxErrors && blanked.compilerErrors === 0) {
      // Blanking did not help, yet the compiler reads the file: the errors are the grammar's, not the file's.
      first.syntaxErrors = 0
      first.notes = [
        ...(first.notes ?? []),
        'tree-sitter could not read parts of this file that the TypeScript compiler reads; it is modelled as far as tree-sitter got'
      ]
      return first
    }
    if (second.syntaxErrors >= first.syntaxErrors) return null
    restoreTypes(second, blanked)
    // The compiler's count is the file's own; errors left in the blanked parse are the grammar's.
    second.syntaxErrors = blanked.compilerErrors
    second.status =
      second.syntaxErrors === 0 && tree.rootNode.hasError === false ? 'parsed' : 'partial'
    if (tree.rootNode.hasError && blanked.compilerErrors === 0) {
      second.notes = [
        ...(second.notes ?? []),
        "modelled from the TypeScript compiler's reading with types blanked; tree-sitter still missed parts of it"
      ]
    } else {
      second.notes = [
        ...(second.notes ?? []),
        "modelled from the TypeScript compiler's reading with types blanked (the tree-sitter grammar cannot read all of its syntax)"
      ]
    }
    return second
  } catch (error) {
    options.logger?.debug(
      `Reading ${source.path} with the TypeScript compiler failed: ${errorMessage(error)}`
    )
    return null
  } finally {
    tree?.delete()
  }
}

function partialModule(source: SourceFile, isTest: boolean, syntaxErrors: number): ModuleModel {
  const m = emptyModule(source)
  m.isTest = isTest
  m.status = 'partial'
  m.syntaxErrors = syntaxErrors
  return m
}

/** Parses and extracts one file; never throws. */
export async function buildModule(
  source: SourceFile,
  pool: ParserPool,
  options: BuildModuleOptions = {}
): Promise<ModuleModel> {
  const isTest = isTestPath(source.path)
  const grammar = GRAMMAR_OF[source.language]
  if (!grammar) {
    const m = emptyModule(source)
    m.isTest = isTest
    return m
  }
  let parser: Parser
  try {
    parser = await pool.get(grammar)
  } catch (error) {
    options.logger?.warning(
      `Could not load the ${grammar} grammar for ${source.path}: ${errorMessage(error)}`
    )
    return partialModule(source, isTest, 0)
  }
  const deadline = Date.now() + (options.parseTimeoutMs ?? 20_000)
  const parseStart = performance.now()
  let tree: Tree | null = null
  try {
    // The progress callback is the only way to stop a runaway parse; returning true cancels it.
    const progressCallback = (() => Date.now() > deadline) as unknown as () => void
    tree = parser.parse(source.text, null, { progressCallback })
  } catch (error) {
    options.logger?.warning(`Parsing ${source.path} failed: ${errorMessage(error)}`)
  }
  const extractStart = performance.now()
  if (options.timings) options.timings.parseMs += extractStart - parseStart
  if (!tree) {
    parser.reset()
    options.logger?.warning(
      `Parsing ${source.path} did not finish; it is kept as a partial module.`
    )
    return partialModule(source, isTest, 0)
  }
  try {
    const extract = options.extractors?.[source.language] ?? extractorFor(source.language)
    if (!extract) {
      const m = emptyModule(source)
      m.isTest = isTest
      m.syntaxErrors = tree.rootNode.hasError ? 1 : 0
      if (m.syntaxErrors > 0) m.status = 'partial'
      return m
    }
    const module = extract(source, tree, isTest)
    // Test files are not measured; their pragmas say nothing about the product.
    const ignores = isTest ? [] : coverageIgnores(tree, source.language, source.text)
    if (ignores.length > 0) module.coverageIgnored = ignores
    const used = namesUsed(tree, source.language)
    if (used.length > 0) module.namesUsed = used
    const receivers = safeReceiverTypes(tree, source.language, options)
    const useLines = nameUseLines(tree, source.language, receivers.typed)
    if (Object.keys(useLines).length > 0) module.nameUseLines = useLines
    const typedLines = typedUseLines(receivers.typed)
    if (Object.keys(typedLines).length > 0) module.typedUseLines = typedLines
    const factories = Object.fromEntries(
      Object.entries(receivers.factories).filter(([, fact]) => fact !== '')
    )
    if (Object.keys(factories).length > 0) module.factories = factories
    if (Object.keys(receivers.handed).length > 0) module.handedLines = receivers.handed
    if (
      module.syntaxErrors > 0 &&
      TS_FAMILY.has(source.language) &&
      !options.extractors?.[source.language]
    ) {
      const recovered = await recoverWithCompiler(source, parser, extract, module, isTest, options)
      if (recovered && recovered !== module) {
        // Read from the original tree: same lines and columns as the blanked text.
        if (module.coverageIgnored) recovered.coverageIgnored = module.coverageIgnored
        if (module.namesUsed) recovered.namesUsed = module.namesUsed
        if (module.nameUseLines) recovered.nameUseLines = module.nameUseLines
        if (module.typedUseLines) recovered.typedUseLines = module.typedUseLines
        if (module.factories) recovered.factories = module.factories
        if (module.handedLines) recovered.handedLines = module.handedLines
      }
      return recovered ?? module
    }
    return module
  } catch (error) {
    options.logger?.debug(`Extracting ${source.path} failed: ${errorMessage(error)}`)
    return partialModule(source, isTest, tree.rootNode.hasError ? 1 : 0)
  } finally {
    tree.delete()
    if (options.timings) options.timings.extractMs += performance.now() - extractStart
  }
}

/** Receiver types are a refinement: a failure to read them keeps the module, with every use untyped. */
function safeReceiverTypes(
  tree: Tree,
  language: Language,
  options: { logger?: { debug(message: string): void } }
): ReturnType<typeof receiverTypes> {
  try {
    return receiverTypes(tree, language)
  } catch (error) {
    options.logger?.debug(`Reading receiver types failed: ${errorMessage(error)}`)
    return { typed: new Map(), factories: {}, handed: {} }
  }
}

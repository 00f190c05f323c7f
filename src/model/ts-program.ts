// One TypeScript program over repository files held in memory: no lib (types are read as declared),
// no disk access, files under `/`. The backwards-compat surface and the receiver types both ask its checker.
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface SourceFiles {
  /** Repository-relative paths of the JavaScript/TypeScript files the model holds. */
  paths: string[]
  text: (path: string) => string | undefined
}

/** A program whose roots are `roots` (repository-relative), resolving imports among `files` only. */
export function inMemoryProgram(
  ts: TypeScript,
  files: SourceFiles,
  roots: readonly string[]
): TS.Program {
  const known = new Set(files.paths)
  const cache = new Map<string, TS.SourceFile | undefined>()
  const options: TS.CompilerOptions = {
    noLib: true,
    allowJs: true,
    checkJs: false,
    noResolve: false,
    types: [],
    target: ts.ScriptTarget.Latest,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    allowArbitraryExtensions: true,
    noEmit: true
  }
  const strip = (name: string): string => name.replace(/^\/+/, '')
  const host: TS.CompilerHost = {
    getSourceFile(name, languageVersion) {
      const path = strip(name)
      if (cache.has(path)) return cache.get(path)
      const text = known.has(path) ? files.text(path) : undefined
      const sf =
        text === undefined
          ? undefined
          : ts.createSourceFile(`/${path}`, text, languageVersion, true)
      cache.set(path, sf)
      return sf
    },
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (n) => n,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => known.has(strip(name)),
    readFile: (name) => (known.has(strip(name)) ? files.text(strip(name)) : undefined),
    directoryExists: (name) => {
      const dir = strip(name).replace(/\/?$/, '/')
      return dir === '/' || files.paths.some((p) => p.startsWith(dir))
    },
    getDirectories: () => []
  }
  return ts.createProgram({ rootNames: roots.map((r) => `/${r}`), options, host })
}

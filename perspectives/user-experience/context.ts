// What every check reads: the product modules (tests, fixtures and .d.ts files left out), which of
// them are command-line programs (and why), what each local name was imported from, and the
// command a test can run for a program (a package bin, a console script, `python -m`).
import type { CallSite, CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import {
  type CheckInput as SharedInput,
  declaredPrograms,
  functionsByName,
  normaliseSource,
  productModules
} from '../shared/product-modules.js'
import type { Quoter } from '../shared/evidence.js'
import type { Confidence, FindingDraft, Severity } from '../types.js'
import type { UserExperienceMessageId } from './messages.js'
import { type Dialect, dialectOf, placeText } from '../kit/index.js'

export type Draft = FindingDraft<UserExperienceMessageId>

/** How a test can start the program: a bin file run with node, or a Python module run with `-m`. */
export type Launch =
  | { kind: 'node'; file: string; command: string }
  | { kind: 'python-module'; module: string; command: string }

export { type Dialect, dialectOf }

export interface ModuleInfo {
  module: ModuleModel
  dialect: Dialect
  functions: Map<string, FunctionDecl>
  /** Local name -> imported module (normalised: no `node:` prefix). */
  imports: Map<string, string>
  sources: Set<string>
  /** Why the module is a command-line program; undefined when it is not one. */
  cli?: string
  launch?: Launch
}

export type CheckInput = SharedInput<ModuleInfo>

/** A finding with what its spec needs. */
export interface Found {
  draft: Draft
  info: ModuleInfo
}

/** Command-line libraries: a module that imports one parses its arguments with it. */
export const CLI_LIBRARIES: ReadonlySet<string> = new Set([
  'commander',
  'yargs',
  'yargs/yargs',
  'minimist',
  'meow',
  'cac',
  'sade',
  'mri',
  'arg',
  'argparse',
  'click',
  'typer',
  'optparse',
  'getopt',
  'docopt',
  'fire'
])
const BUILD_DIRS = new Set(['dist', 'lib', 'build', 'out', 'src', 'cjs', 'esm'])
const PROGRAM_FILES = new Set(['cli', '__main__'])

/** `dist/cli.js` and `src/cli.ts` both give `cli`. */
function stem(path: string): string {
  const parts = path.replace(/^\.\//, '').split('/')
  while (parts.length > 1 && BUILD_DIRS.has(parts[0])) parts.shift()
  return parts.join('/').replace(/\.(c|m)?(j|t)sx?$/, '')
}

/** Reads process.argv / sys.argv: in a call, its arguments, or a condition. */
export function readsArgv(module: ModuleModel, dialect: Dialect): boolean {
  const argv = dialect === 'js' ? 'process.argv' : 'sys.argv'
  return (
    module.calls.some((c) => c.callee.includes(argv) || c.args.some((a) => a.includes(argv))) ||
    module.conditions.some((c) => c.text.includes(argv))
  )
}

export function buildInput(model: CodeModel, quote: Quoter): CheckInput {
  const bins = new Map<string, { command: string; file: string }>()
  const scripts = new Map<string, string>()
  for (const p of declaredPrograms(model)) {
    if (p.kind === 'bin') bins.set(stem(p.file), { command: p.command, file: p.file })
    else scripts.set(p.modulePath, p.command)
  }
  const modules: ModuleInfo[] = []
  for (const { module, dialect } of productModules(model)) {
    const imports = new Map<string, string>()
    const sources = new Set<string>()
    for (const decl of module.imports) {
      const source = normaliseSource(decl.source)
      sources.add(source)
      for (const n of decl.names) imports.set(n.local, source)
    }
    const info: ModuleInfo = {
      module,
      dialect,
      functions: functionsByName(module),
      imports,
      sources
    }
    const base = module.path.slice(module.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')
    const bin = dialect === 'js' ? bins.get(stem(module.path)) : undefined
    const pyPath = module.path.replace(/\.py$/, '').replace(/^src\//, '')
    const script = dialect === 'python' ? scripts.get(pyPath) : undefined
    const library = [...sources].find((s) => CLI_LIBRARIES.has(s))
    info.cli =
      (bin ? `bin ${bin.command} of package.json` : undefined) ??
      (script ? `console script ${script}` : undefined) ??
      (module.hasMain
        ? dialect === 'python'
          ? 'a __main__ block or #! line'
          : 'a #! line'
        : undefined) ??
      (PROGRAM_FILES.has(base) ? `a ${base} file` : undefined) ??
      (library ? `imports ${library}` : undefined) ??
      (readsArgv(module, dialect)
        ? dialect === 'js'
          ? 'reads process.argv'
          : 'reads sys.argv'
        : undefined)
    if (bin && /\.(c|m)?js$/.test(bin.file))
      info.launch = { kind: 'node', file: bin.file, command: bin.command }
    else if (dialect === 'js' && /\.(c|m)?js$/.test(module.path) && info.cli && module.hasMain)
      info.launch = { kind: 'node', file: module.path, command: module.path }
    else if (dialect === 'python' && info.cli) {
      const dotted = pyPath.split('/')
      if (base === '__main__' && dotted.length > 1)
        info.launch = {
          kind: 'python-module',
          module: dotted.slice(0, -1).join('.'),
          command: `python -m ${dotted.slice(0, -1).join('.')}`
        }
      else if (module.hasMain && dotted.every((p) => /^[A-Za-z_]\w*$/.test(p)))
        info.launch = {
          kind: 'python-module',
          module: dotted.join('.'),
          command: `python -m ${dotted.join('.')}`
        }
    }
    modules.push(info)
  }
  return { model, modules, quote }
}

/** `parse() in src/a.ts`, `module scope of src/a.ts`. */
export function whereText(info: ModuleInfo, enclosing: string | undefined): string {
  return placeText(info.module.path, enclosing)
}

/** The imported module a call's callee comes from: `click.option` -> click, `option` imported from click -> click. */
export function calleeSource(info: ModuleInfo, call: CallSite): string | undefined {
  const head = call.callee.split(/[.(]/)[0]
  return info.imports.get(head)
}

/** Short, single-line text for messages. */
export function short(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

/** Adds a finding quoted at `at` in the module. */
export function push(
  out: Found[],
  info: ModuleInfo,
  input: CheckInput,
  messageId: UserExperienceMessageId,
  at: { loc: CallSite['loc'] },
  key: string,
  severity: Severity,
  confidence: Confidence,
  rationale: string,
  data: Record<string, string | number>,
  symbol?: string
): void {
  out.push({
    info,
    draft: {
      messageId,
      data,
      severity,
      confidence,
      rationale,
      evidence: input.quote.evidence(info.module.path, at.loc),
      key,
      ...(symbol ? { symbol } : {})
    }
  })
}

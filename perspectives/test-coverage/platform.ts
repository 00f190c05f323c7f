// Lines that run on one operating system only (`if sys.platform == "win32":`, `if os.name == "nt":`,
// `if (process.platform === 'win32') {`), when the project's CI has a job on that system. A report made
// on another system lists them unrun, yet CI runs them there: they are unmeasured here, not untested
// (python-dotenv's run_command, round 7: "CI's windows-latest jobs run it"). Measurement leaves them out.
import type { CiFile, ModuleModel } from '../../src/model/types.js'

type Platform = 'windows' | 'macos'

/** The systems CI jobs run on, by their runner labels (`windows-latest`, `macos-14`, `runs-on: windows`). */
export function ciPlatforms(ci: readonly CiFile[]): Set<Platform> {
  const out = new Set<Platform>()
  for (const file of ci) {
    if (
      /\bwindows-(latest|\d{4})\b|runs-on:\s*\[?\s*['"]?windows\b|\bwin(32|64)\b/i.test(file.text)
    )
      out.add('windows')
    if (/\bmacos-(latest|\d+)\b|runs-on:\s*\[?\s*['"]?macos\b/i.test(file.text)) out.add('macos')
  }
  return out
}

/** The system a condition's text selects, when it selects one by `==` or `startswith`. */
function platformOf(test: string): Platform | undefined {
  const t = test.replace(/\s+/g, ' ')
  if (
    /\bsys\.platform ?== ?['"]win32['"]|\bsys\.platform\.startswith\(['"]win['"]\)|\bos\.name ?== ?['"]nt['"]|\bplatform\.system\(\) ?== ?['"]Windows['"]|\bprocess\.platform ?={2,3} ?['"]win32['"]/.test(
      t
    )
  )
    return 'windows'
  if (
    /\bsys\.platform ?== ?['"]darwin['"]|\bplatform\.system\(\) ?== ?['"]Darwin['"]|\bprocess\.platform ?={2,3} ?['"]darwin['"]/.test(
      t
    )
  )
    return 'macos'
  return undefined
}

const indent = (line: string): number => line.length - line.trimStart().length

/** The body lines (1-based) of the Python `if` on `start`: deeper-indented lines until the next line that is not. */
function pythonBody(lines: readonly string[], start: number): number[] {
  const head = lines[start - 1] ?? ''
  const out: number[] = []
  for (let n = start + 1; n <= lines.length; n++) {
    const line = lines[n - 1]
    if (line.trim() === '') continue
    if (indent(line) <= indent(head)) break
    out.push(n)
  }
  return out
}

/** The lines inside the braces that open on or after `start` (a JS `if (...) {`), up to the closing one. */
function braceBody(lines: readonly string[], start: number): number[] {
  let depth = 0
  let opened = false
  const out: number[] = []
  for (let n = start; n <= lines.length; n++) {
    for (const ch of lines[n - 1].replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '')) {
      if (ch === '{') {
        depth++
        opened = true
      } else if (ch === '}') depth--
    }
    if (!opened) continue
    if (n > start) out.push(n)
    if (depth <= 0) return out.slice(0, -1)
  }
  return []
}

/**
 * The lines of `module` that run only on a system CI also runs on. `lines` is the module's text by line.
 * An `if` or `elif` whose own test names the system by `==` (its body runs there only), unless joined by `or`.
 */
export function platformOnlyLines(
  module: ModuleModel,
  lines: readonly string[],
  platforms: ReadonlySet<Platform>
): Set<number> {
  const out = new Set<number>()
  if (platforms.size === 0) return out
  for (let n = 1; n <= lines.length; n++) {
    const text = lines[n - 1]
    const python = module.language === 'python'
    const m = python
      ? /^\s*(?:el)?if (.+):\s*(#.*)?$/.exec(text)
      : /^\s*(?:\}\s*else\s+)?if\s*\((.+)\)\s*\{/.exec(text)
    if (!m) continue
    const platform = platformOf(m[1])
    if (!platform || !platforms.has(platform) || /\bor\b|\|\|/.test(m[1])) continue
    for (const line of python ? pythonBody(lines, n) : braceBody(lines, n)) out.add(line)
  }
  return out
}

// The commands a task runner's configuration gives its environments and targets: tox environments
// (tox.ini, setup.cfg's [tox:tox], pyproject.toml's [tool.tox]), nox sessions and Makefile targets. A CI step that runs
// `tox -e py` or `make test` runs these: the ci-cd perspective follows them (does the suite measure
// coverage there?) as it follows package scripts. Only literal values are read.
import { parse as parseToml } from 'smol-toml'
import type { TaskCommands } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import { isRecord } from './manifest-common.js'
import { parseIni } from './manifest-python.js'
import { noxFromFile } from './nox-sessions.js'
import { readTextFile } from './read-text.js'

const MAX_BYTES = 512 * 1024

/** `py{39,310}-cov` -> py39-cov, py310-cov (tox's generative names, one level of braces at a time). */
export function expandEnvNames(spec: string): string[] {
  const out: string[] = []
  for (const part of splitTopLevel(spec)) {
    const name = part.trim()
    if (!name) continue
    const open = name.indexOf('{')
    const close = open < 0 ? -1 : name.indexOf('}', open)
    if (open < 0 || close < 0) {
      out.push(name)
      continue
    }
    for (const choice of name.slice(open + 1, close).split(','))
      out.push(...expandEnvNames(name.slice(0, open) + choice.trim() + name.slice(close + 1)))
  }
  return out
}

/** Splits on commas and newlines outside braces. */
function splitTopLevel(spec: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of spec) {
    if (ch === '{') depth++
    if (ch === '}') depth = Math.max(0, depth - 1)
    if ((ch === ',' || ch === '\n') && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

/** tox.ini `commands =` lines: one command a line, `\` continues, a leading `-` ignores its exit code. */
function iniCommands(value: string | undefined): string[] {
  if (!value) return []
  return value
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(/^-\s*/, '').replace(/\s+/g, ' '))
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** The tox environments of an ini file's sections (tox.ini, or setup.cfg with `tox:` prefixes). */
export function toxFromIni(
  file: string,
  sections: Record<string, Record<string, string>>
): TaskCommands | null {
  const toxSection = sections.tox ?? sections['tox:tox']
  const base = sections.testenv
  if (!toxSection && !base) return null
  const tasks: Record<string, string[]> = {}
  const baseCommands = iniCommands(base?.commands)
  for (const [name, section] of Object.entries(sections)) {
    if (!name.startsWith('testenv:')) continue
    for (const env of expandEnvNames(name.slice('testenv:'.length)))
      tasks[env] = section.commands !== undefined ? iniCommands(section.commands) : baseCommands
  }
  const defaults = expandEnvNames(toxSection?.envlist ?? toxSection?.env_list ?? '')
  for (const env of defaults) tasks[env] ??= baseCommands
  return { file, tool: 'tox', tasks, defaults, base: baseCommands }
}

/** tox 4's TOML: `commands = [["pytest", "--cov"]]`, each inner list one command's words. */
function tomlCommands(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value
    .filter((c): c is unknown[] => Array.isArray(c))
    .map((c) =>
      c
        .filter((w): w is string => typeof w === 'string')
        .map((w) => (/\s/.test(w) ? `'${w}'` : w))
        .join(' ')
    )
    .filter((c) => c !== '')
}

/** `[tool.tox]` of pyproject.toml: native TOML (tox 4) or the legacy ini text it embeds. */
export function toxFromPyproject(file: string, data: Record<string, unknown>): TaskCommands | null {
  const tool = isRecord(data.tool) ? data.tool : {}
  const tox = isRecord(tool.tox) ? tool.tox : undefined
  if (!tox) return null
  if (typeof tox.legacy_tox_ini === 'string')
    return toxFromIni(file, parseIni(tox.legacy_tox_ini as string))
  const base = isRecord(tox.env_run_base) ? tox.env_run_base : {}
  const baseCommands = tomlCommands(base.commands) ?? []
  const tasks: Record<string, string[]> = {}
  const envs = isRecord(tox.env) ? tox.env : {}
  for (const [name, env] of Object.entries(envs))
    if (isRecord(env)) tasks[name] = tomlCommands(env.commands) ?? baseCommands
  const listed = Array.isArray(tox.env_list)
    ? tox.env_list.filter((e): e is string => typeof e === 'string')
    : []
  for (const env of listed) tasks[env] ??= baseCommands
  return { file, tool: 'tox', tasks, defaults: listed, base: baseCommands }
}

/**
 * Makefile targets with their recipe lines (tab-indented) and prerequisites' recipes. Variables and
 * pattern rules are left as written: a command's words still name its program.
 */
export function makeTargets(file: string, text: string): TaskCommands | null {
  const recipes = new Map<string, { commands: string[]; prerequisites: string[] }>()
  let current: string[] = []
  let first: string | undefined
  for (const raw of text.replace(/\\\n/g, ' ').split(/\r?\n/)) {
    if (raw.startsWith('\t')) {
      const command = raw.trim().replace(/^[@+-]+/, '')
      if (command && !command.startsWith('#'))
        for (const t of current) recipes.get(t)?.commands.push(command)
      continue
    }
    const trimmed = raw.trim()
    if (!trimmed || trimmed.startsWith('#')) continue
    const colon = trimmed.indexOf(':')
    // `NAME := value` and `NAME = value` are variables; `a b: c` is a rule for a and b.
    if (colon <= 0 || trimmed[colon + 1] === '=' || trimmed.slice(0, colon).includes('=')) {
      current = []
      continue
    }
    const targets = trimmed
      .slice(0, colon)
      .split(/\s+/)
      .filter((t) => t && !t.startsWith('.') && !t.includes('%') && !t.includes('$'))
    const prerequisites = trimmed
      .slice(colon + 1)
      .split(';')[0]
      .split(/\s+/)
      .filter(Boolean)
    current = targets
    for (const t of targets) {
      first ??= t
      if (!recipes.has(t)) recipes.set(t, { commands: [], prerequisites })
    }
  }
  if (recipes.size === 0) return null
  const tasks: Record<string, string[]> = {}
  for (const [name, { commands, prerequisites }] of recipes)
    tasks[name] = [...prerequisites.flatMap((p) => recipes.get(p)?.commands ?? []), ...commands]
  return { file, tool: 'make', tasks, defaults: first ? [first] : [], base: [] }
}

/** pytest's `addopts` from an ini file's section or pyproject's `[tool.pytest.ini_options]`. */
function pytestAddopts(file: string, value: unknown): TaskCommands | null {
  const text = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string').join(' ')
    : typeof value === 'string'
      ? value
      : ''
  const addopts = text.replace(/\s+/g, ' ').trim()
  return addopts
    ? { file, tool: 'pytest', tasks: { addopts: [addopts] }, defaults: [], base: [] }
    : null
}

/** The pytest section of an ini file, as pytest reads them: pytest.ini, tox.ini [pytest], setup.cfg [tool:pytest]. */
export function pytestFromIni(file: string, text: string): TaskCommands | null {
  const sections = parseIni(text)
  const section =
    file === 'setup.cfg' ? sections['tool:pytest'] : (sections.pytest ?? sections['tool:pytest'])
  return pytestAddopts(file, section?.addopts)
}

function pytestFromPyproject(file: string, text: string): TaskCommands | null {
  const data = parseToml(text) as Record<string, unknown>
  const tool = isRecord(data.tool) ? data.tool : {}
  const pytest = isRecord(tool.pytest) ? tool.pytest : {}
  const options = isRecord(pytest.ini_options) ? pytest.ini_options : {}
  return pytestAddopts(file, options.addopts)
}

const CANDIDATES: { name: string; read: (file: string, text: string) => TaskCommands | null }[] = [
  { name: 'pytest.ini', read: pytestFromIni },
  { name: 'pyproject.toml', read: pytestFromPyproject },
  { name: 'tox.ini', read: pytestFromIni },
  { name: 'setup.cfg', read: pytestFromIni },
  { name: 'tox.ini', read: (file, text) => toxFromIni(file, parseIni(text)) },
  {
    name: 'setup.cfg',
    read: (file, text) => {
      const sections = parseIni(text)
      // setup.cfg prefixes tox's sections: [tox:tox], [testenv], [testenv:x].
      return sections['tox:tox'] ? toxFromIni(file, sections) : null
    }
  },
  {
    name: 'pyproject.toml',
    read: (file, text) => toxFromPyproject(file, parseToml(text) as Record<string, unknown>)
  },
  { name: 'noxfile.py', read: noxFromFile },
  { name: 'Makefile', read: makeTargets }
]

/** The task runners configured at the repository root; problems become notes. */
export async function readTaskCommands(
  root: string,
  allPaths: readonly string[],
  notes: string[]
): Promise<TaskCommands[]> {
  const present = new Set(allPaths)
  const out: TaskCommands[] = []
  for (const candidate of CANDIDATES) {
    if (!present.has(candidate.name)) continue
    const read = await readTextFile(root, candidate.name, MAX_BYTES)
    if ('missing' in read) continue
    if ('error' in read) {
      notes.push(`Task commands: ${read.error}`)
      continue
    }
    try {
      const found = candidate.read(candidate.name, read.text)
      // The first file wins for each tool, as tox and pytest look in this order.
      if (found && !out.some((t) => t.tool === found.tool)) out.push(found)
    } catch (error) {
      notes.push(
        `${candidate.name} could not be read for its tox or make commands (${errorMessage(error).split('\n')[0]}).`
      )
    }
  }
  return out
}

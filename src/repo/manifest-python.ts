// Python manifests: pyproject.toml (PEP 621 and Poetry), setup.cfg, setup.py, requirements files.
import { parse as parseToml } from 'smol-toml'
import type { PackageManifest } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import {
  addError,
  addUnique,
  asString,
  emptyManifest,
  isRecord,
  requirementName,
  stringArray,
  stringRecord
} from './manifest-common.js'

/** Optional-dependency groups that hold development tools rather than features. */
const DEV_GROUP =
  /^(dev|develop|development|test|tests|testing|lint|linting|docs?|typing|ci|check|qa)$/i

function names(requirements: unknown): string[] {
  return stringArray(requirements)
    .map(requirementName)
    .filter((name): name is string => name !== undefined)
}

/** `dynamic = ["version"]` with `[tool.setuptools.dynamic] version = {attr = "pkg.__version__"}`, as setup.cfg writes it. */
function dynamicVersion(data: Record<string, unknown>): string | undefined {
  const tool = isRecord(data.tool) ? data.tool : {}
  const setuptools = isRecord(tool.setuptools) ? tool.setuptools : {}
  const dynamic = isRecord(setuptools.dynamic) ? setuptools.dynamic : {}
  const attr = isRecord(dynamic.version) ? asString(dynamic.version.attr) : undefined
  return attr ? `attr: ${attr}` : undefined
}

export function parsePyproject(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'pyproject.toml')
  let data: Record<string, unknown>
  try {
    data = parseToml(text) as Record<string, unknown>
  } catch (error) {
    addError(manifest, `not valid TOML (${errorMessage(error).split('\n')[0]})`)
    return manifest
  }
  const project = isRecord(data.project) ? data.project : {}
  manifest.name = asString(project.name)
  manifest.version = asString(project.version) ?? dynamicVersion(data)
  manifest.requiresPython = asString(project['requires-python'])
  addUnique(manifest.dependencies, names(project.dependencies))
  if (isRecord(project['optional-dependencies'])) {
    manifest.extras = Object.fromEntries(
      Object.entries(project['optional-dependencies']).map(([group, list]) => [
        group,
        Array.isArray(list) ? list.filter((r): r is string => typeof r === 'string') : []
      ])
    )
    for (const [group, list] of Object.entries(project['optional-dependencies'])) {
      addUnique(
        DEV_GROUP.test(group) ? manifest.devDependencies : manifest.dependencies,
        names(list)
      )
    }
  }
  Object.assign(manifest.bin, stringRecord(project.scripts), stringRecord(project['gui-scripts']))
  if (isRecord(project['entry-points']))
    manifest.entryPoints = Object.fromEntries(
      Object.entries(project['entry-points']).map(([group, table]) => [group, stringRecord(table)])
    )
  // PEP 735 dependency groups are for development.
  if (isRecord(data['dependency-groups'])) {
    for (const list of Object.values(data['dependency-groups']))
      addUnique(manifest.devDependencies, names(list))
  }
  const tool = isRecord(data.tool) ? data.tool : {}
  if (isRecord(tool.poetry)) readPoetry(tool.poetry, manifest)
  if (isRecord(tool.uv)) addUnique(manifest.devDependencies, names(tool.uv['dev-dependencies']))
  const packages = declaredPackages(tool)
  if (packages.length > 0) manifest.packages = packages
  const tools = Object.keys(tool).sort()
  if (tools.length > 0) manifest.tools = tools
  return manifest
}

/** Package folders and modules the build backend is told to ship (see PackageManifest.packages). */
function declaredPackages(tool: Record<string, unknown>): string[] {
  const found: string[] = []
  const setuptools = isRecord(tool.setuptools) ? tool.setuptools : {}
  const base = isRecord(setuptools['package-dir'])
    ? (asString(setuptools['package-dir']['']) ?? '')
    : ''
  const prefix = base ? `${base.replace(/\/+$/, '')}/` : ''
  for (const name of stringArray(setuptools.packages))
    found.push(prefix + name.replaceAll('.', '/'))
  for (const name of stringArray(setuptools['py-modules']))
    found.push(`${prefix}${name.replaceAll('.', '/')}.py`)
  if (isRecord(setuptools.packages) && isRecord(setuptools.packages.find)) {
    for (const where of stringArray(setuptools.packages.find.where)) found.push(where)
  }
  const hatch = isRecord(tool.hatch) && isRecord(tool.hatch.build) ? tool.hatch.build : {}
  const wheel = isRecord(hatch.targets) && isRecord(hatch.targets.wheel) ? hatch.targets.wheel : {}
  found.push(...stringArray(wheel.packages))
  const poetry = isRecord(tool.poetry) ? tool.poetry : {}
  if (Array.isArray(poetry.packages)) {
    for (const entry of poetry.packages) {
      const include = isRecord(entry) ? asString(entry.include) : undefined
      if (include)
        found.push(
          isRecord(entry) && asString(entry.from) ? `${asString(entry.from)}/${include}` : include
        )
    }
  }
  const flit =
    isRecord(tool.flit) && isRecord(tool.flit.module) ? asString(tool.flit.module.name) : undefined
  if (flit) found.push(flit.replaceAll('.', '/'))
  return [
    ...new Set(
      found
        .map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''))
        .filter((p) => p !== '' && p !== '.')
    )
  ]
}

function readPoetry(poetry: Record<string, unknown>, manifest: PackageManifest): void {
  manifest.name ??= asString(poetry.name)
  manifest.version ??= asString(poetry.version)
  const dependencies = isRecord(poetry.dependencies) ? poetry.dependencies : {}
  for (const [name, spec] of Object.entries(dependencies)) {
    if (name.toLowerCase() === 'python')
      manifest.requiresPython ??=
        typeof spec === 'string' ? spec : asString(isRecord(spec) ? spec.version : undefined)
    else addUnique(manifest.dependencies, [name])
  }
  if (isRecord(poetry['dev-dependencies']))
    addUnique(manifest.devDependencies, Object.keys(poetry['dev-dependencies']))
  if (isRecord(poetry.group)) {
    for (const group of Object.values(poetry.group)) {
      if (isRecord(group) && isRecord(group.dependencies))
        addUnique(manifest.devDependencies, Object.keys(group.dependencies))
    }
  }
  Object.assign(manifest.bin, stringRecord(poetry.scripts))
}

/** A minimal INI reader in configparser's dialect: sections, `key = value` or `key: value`, indented continuation lines. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {}
  let section: Record<string, string> | undefined
  let lastKey: string | undefined
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim()
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue
    if (/^\s/.test(raw) && section && lastKey !== undefined) {
      section[lastKey] = section[lastKey] ? `${section[lastKey]}\n${trimmed}` : trimmed
      continue
    }
    const header = /^\[([^\]]+)\]$/.exec(trimmed)
    if (header) {
      section = sections[header[1].trim()] ??= {}
      lastKey = undefined
      continue
    }
    const separator = trimmed.search(/[=:]/)
    if (separator > 0 && section) {
      lastKey = trimmed.slice(0, separator).trim()
      section[lastKey] = trimmed.slice(separator + 1).trim()
    }
  }
  return sections
}

/** setuptools "list-semi" values: one item per line, or `;`-separated on one line. */
function listValue(value: string | undefined): string[] {
  if (!value) return []
  const lines = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  return lines.length === 1 && !value.includes('\n')
    ? lines[0].split(';').map((item) => item.trim())
    : lines
}

export function parseSetupCfg(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'setup.cfg')
  const ini = parseIni(text)
  const metadata = ini.metadata ?? {}
  const options = ini.options ?? {}
  manifest.name = metadata.name || undefined
  manifest.version = metadata.version || undefined
  manifest.requiresPython = options.python_requires || undefined
  addUnique(manifest.dependencies, names(listValue(options.install_requires)))
  addUnique(manifest.devDependencies, names(listValue(options.tests_require)))
  for (const [group, list] of Object.entries(ini['options.extras_require'] ?? {})) {
    addUnique(
      DEV_GROUP.test(group) ? manifest.devDependencies : manifest.dependencies,
      names(listValue(list))
    )
  }
  for (const line of listValue(ini['options.entry_points']?.console_scripts)) {
    const eq = line.indexOf('=')
    if (eq > 0) manifest.bin[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  const packages = setupCfgPackages(options, ini['options.packages.find'] ?? {})
  if (packages.length > 0) manifest.packages = packages
  const tools = setupCfgTools(Object.keys(ini))
  if (tools.length > 0) manifest.tools = tools
  return manifest
}

/**
 * setup.cfg's `[options] packages` and `py_modules` as PackageManifest.packages: listed names as
 * folders, `find:` as its `where` folder, or `*` (every package folder, no module beside them) when it
 * searches the manifest's own folder; a repository script there is not shipped (pathspec 0.9's
 * tox_pip_install.py).
 */
function setupCfgPackages(options: Record<string, string>, find: Record<string, string>): string[] {
  const found: string[] = []
  const listed = (options.packages ?? '').trim()
  if (/^find(?:_namespace)?:/.test(listed)) {
    const where = (options.package_dir ?? '').match(/^\s*=\s*(\S+)/m)?.[1] ?? find.where?.trim()
    found.push(where && where !== '.' ? where : '*')
  } else for (const name of listValue(listed)) found.push(name.replaceAll('.', '/'))
  for (const name of listValue(options.py_modules ?? ''))
    found.push(`${name.replaceAll('.', '/')}.py`)
  return found
}

/** setup.cfg sections that configure a tool: `[tool:pytest]` gives pytest, `[coverage:run]` coverage, `[flake8]` flake8. */
const SETUP_CFG_TOOLS = new Set([
  'pytest',
  'coverage',
  'flake8',
  'mypy',
  'isort',
  'pycodestyle',
  'pylint',
  'pydocstyle'
])

function setupCfgTools(sections: string[]): string[] {
  const tools = new Set<string>()
  for (const section of sections) {
    const name = section.replace(/^tool:/, '').split(/[:-]/)[0]
    if (SETUP_CFG_TOOLS.has(name)) tools.add(name)
  }
  return [...tools].sort()
}

/** setup.py is Python code: only its presence is recorded (reading it would mean running or parsing it). */
export function parseSetupPy(path: string): PackageManifest {
  return emptyManifest(path, 'setup.py')
}

const DEV_REQUIREMENTS = /(dev|test|lint|doc|ci|check|typing)/i

export function parseRequirements(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'requirements')
  const target = DEV_REQUIREMENTS.test(path.slice(path.lastIndexOf('/') + 1))
    ? manifest.devDependencies
    : manifest.dependencies
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (!line) continue
    if (line.startsWith('-')) {
      // Options (-r other.txt, --index-url ...); an editable install names itself with #egg=.
      const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(raw)
      if (egg) addUnique(target, [egg[1]])
      continue
    }
    if (/^[a-z+]+:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/')) continue
    const name = requirementName(line)
    if (name) addUnique(target, [name])
  }
  return manifest
}

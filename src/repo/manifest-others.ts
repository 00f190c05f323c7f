// go.mod, Cargo.toml and pom.xml.
import { XMLParser } from 'fast-xml-parser'
import { parse as parseToml } from 'smol-toml'
import type { PackageManifest } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import {
  addError,
  addUnique,
  asString,
  emptyManifest,
  isRecord,
  stringArray,
  xmlProblem
} from './manifest-common.js'

/** go.mod: `module`, `go`, and `require` lines (single or in a block). */
export function parseGoMod(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'go.mod')
  let inRequire = false
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (!line) continue
    if (inRequire) {
      if (line === ')') inRequire = false
      else addUnique(manifest.dependencies, [line.split(/\s+/)[0]])
      continue
    }
    const [keyword, ...rest] = line.split(/\s+/)
    if (keyword === 'module' && rest[0]) manifest.name = rest[0].replace(/^"|"$/g, '')
    else if (keyword === 'go' && rest[0]) manifest.engines.go = rest[0]
    else if (keyword === 'require') {
      if (rest[0] === '(') inRequire = true
      else if (rest[0]) addUnique(manifest.dependencies, [rest[0]])
    }
  }
  if (inRequire) addError(manifest, 'a require block is not closed')
  if (!manifest.name) addError(manifest, 'no module line')
  return manifest
}

export function parseCargoToml(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'Cargo.toml')
  let data: Record<string, unknown>
  try {
    data = parseToml(text) as Record<string, unknown>
  } catch (error) {
    addError(manifest, `not valid TOML (${errorMessage(error).split('\n')[0]})`)
    return manifest
  }
  const pkg = isRecord(data.package) ? data.package : {}
  manifest.name = asString(pkg.name)
  manifest.version = asString(pkg.version)
  const rustVersion = asString(pkg['rust-version'])
  if (rustVersion) manifest.engines.rust = rustVersion
  const tables: Record<string, unknown>[] = [data]
  // Platform-specific tables: [target.'cfg(unix)'.dependencies].
  if (isRecord(data.target))
    for (const target of Object.values(data.target)) if (isRecord(target)) tables.push(target)
  for (const table of tables) {
    if (isRecord(table.dependencies))
      addUnique(manifest.dependencies, Object.keys(table.dependencies))
    if (isRecord(table['dev-dependencies']))
      addUnique(manifest.devDependencies, Object.keys(table['dev-dependencies']))
    if (isRecord(table['build-dependencies']))
      addUnique(manifest.devDependencies, Object.keys(table['build-dependencies']))
  }
  if (Array.isArray(data.bin)) {
    for (const bin of data.bin) {
      const name = isRecord(bin) ? asString(bin.name) : undefined
      if (name)
        manifest.bin[name] = asString((bin as Record<string, unknown>).path) ?? `src/bin/${name}.rs`
    }
  }
  if (isRecord(data.workspace)) {
    manifest.workspaces = stringArray(data.workspace.members)
    if (isRecord(data.workspace.dependencies))
      addUnique(manifest.dependencies, Object.keys(data.workspace.dependencies))
  }
  return manifest
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  isArray: (name) => name === 'dependency' || name === 'module'
})

export function parsePomXml(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'pom.xml')
  const problem = xmlProblem(text)
  if (problem) addError(manifest, `not well-formed XML (${problem})`)
  let data: unknown
  try {
    data = xml.parse(text)
  } catch (error) {
    addError(manifest, `not readable XML (${errorMessage(error)})`)
    return manifest
  }
  const project = isRecord(data) && isRecord(data.project) ? data.project : undefined
  if (!project) {
    if (!problem) addError(manifest, 'no <project> element')
    return manifest
  }
  const parent = isRecord(project.parent) ? project.parent : {}
  manifest.name = asString(project.artifactId)?.trim()
  manifest.version = (asString(project.version) ?? asString(parent.version))?.trim()
  const dependencies =
    isRecord(project.dependencies) && Array.isArray(project.dependencies.dependency)
      ? project.dependencies.dependency
      : []
  for (const dependency of dependencies) {
    if (!isRecord(dependency)) continue
    const artifact = asString(dependency.artifactId)?.trim()
    if (!artifact) continue
    const group = asString(dependency.groupId)?.trim()
    const name = group ? `${group}:${artifact}` : artifact
    addUnique(
      asString(dependency.scope)?.trim() === 'test'
        ? manifest.devDependencies
        : manifest.dependencies,
      [name]
    )
  }
  if (isRecord(project.modules))
    manifest.workspaces = stringArray(project.modules.module).map((module) => module.trim())
  const properties = isRecord(project.properties) ? project.properties : {}
  const java =
    asString(properties['maven.compiler.release']) ??
    asString(properties['maven.compiler.source']) ??
    asString(properties['java.version'])
  if (java) manifest.engines.java = java.trim()
  return manifest
}

// package.json
import type { PackageManifest } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import {
  addError,
  addUnique,
  asString,
  emptyManifest,
  isRecord,
  stringArray,
  stringRecord
} from './manifest-common.js'

export function parsePackageJson(path: string, text: string): PackageManifest {
  const manifest = emptyManifest(path, 'package.json')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    addError(manifest, `not valid JSON (${errorMessage(error)})`)
    return manifest
  }
  if (!isRecord(data)) {
    addError(manifest, 'the top level is not a JSON object')
    return manifest
  }
  manifest.name = asString(data.name)
  manifest.version = asString(data.version)
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    if (data[field] !== undefined && !isRecord(data[field]))
      addError(manifest, `"${field}" is not an object`)
    if (isRecord(data[field])) addUnique(manifest.dependencies, Object.keys(data[field]))
  }
  if (isRecord(data.devDependencies))
    addUnique(manifest.devDependencies, Object.keys(data.devDependencies))
  else if (data.devDependencies !== undefined)
    addError(manifest, '"devDependencies" is not an object')
  if (data.scripts !== undefined && !isRecord(data.scripts))
    addError(manifest, '"scripts" is not an object')
  manifest.scripts = stringRecord(data.scripts)
  manifest.bin = readBin(data.bin, manifest.name)
  manifest.main = asString(data.main)
  const module = asString(data.module)
  if (module !== undefined) manifest.module = module
  if (isRecord(data.peerDependencies))
    manifest.peerDependencies = stringRecord(data.peerDependencies)
  const types = asString(data.types) ?? asString(data.typings)
  if (types !== undefined) manifest.types = types
  if (data.exports !== undefined) manifest.exports = data.exports
  manifest.type = asString(data.type)
  if (Array.isArray(data.files)) manifest.files = stringArray(data.files)
  if (data.private === true) manifest.private = true
  manifest.engines = stringRecord(data.engines)
  // Workspaces: an array of globs (npm, yarn) or { packages: [...] } (yarn classic).
  manifest.workspaces = Array.isArray(data.workspaces)
    ? stringArray(data.workspaces)
    : isRecord(data.workspaces)
      ? stringArray(data.workspaces.packages)
      : []
  return manifest
}

/** `bin` as a command map; a string means one command named after the package (without its scope). */
function readBin(bin: unknown, name: string | undefined): Record<string, string> {
  if (typeof bin === 'string') {
    const command = name
      ? name.replace(/^@[^/]+\//, '')
      : bin.replace(/^.*\//, '').replace(/\.[^.]+$/, '')
    return { [command]: bin }
  }
  return stringRecord(bin)
}

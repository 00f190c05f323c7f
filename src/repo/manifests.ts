// Finding and reading the repository's package manifests.
import type { PackageManifest } from '../model/types.js'
import { mapLimit } from './map-limit.js'
import { parseCargoToml, parseGoMod, parsePomXml } from './manifest-others.js'
import { parsePackageJson } from './manifest-node.js'
import {
  parsePyproject,
  parseRequirements,
  parseSetupCfg,
  parseSetupPy
} from './manifest-python.js'
import { addError, emptyManifest } from './manifest-common.js'
import { readTextFile } from './read-text.js'

const MAX_MANIFEST_BYTES = 5 * 1024 * 1024

/** The manifest kind of a path, or null. `requirements*.txt` and any .txt under a `requirements/` folder count. */
export function manifestKind(path: string): PackageManifest['kind'] | null {
  const slash = path.lastIndexOf('/')
  const name = path.slice(slash + 1)
  switch (name) {
    case 'package.json':
    case 'pyproject.toml':
    case 'setup.cfg':
    case 'setup.py':
    case 'go.mod':
    case 'Cargo.toml':
    case 'pom.xml':
      return name
  }
  if (/^requirements.*\.txt$/i.test(name)) return 'requirements'
  if (name.endsWith('.txt') && /(^|\/)requirements$/.test(path.slice(0, Math.max(slash, 0))))
    return 'requirements'
  return null
}

export function parseManifest(
  path: string,
  kind: PackageManifest['kind'],
  text: string
): PackageManifest {
  switch (kind) {
    case 'package.json':
      return parsePackageJson(path, text)
    case 'pyproject.toml':
      return parsePyproject(path, text)
    case 'setup.cfg':
      return parseSetupCfg(path, text)
    case 'setup.py':
      return parseSetupPy(path)
    case 'requirements':
      return parseRequirements(path, text)
    case 'go.mod':
      return parseGoMod(path, text)
    case 'Cargo.toml':
      return parseCargoToml(path, text)
    case 'pom.xml':
      return parsePomXml(path, text)
  }
}

/** Every manifest among `paths` (already free of vendored folders), sorted by path. */
export async function readManifests(
  root: string,
  paths: readonly string[]
): Promise<PackageManifest[]> {
  const found = paths
    .map((path) => ({ path, kind: manifestKind(path) }))
    .filter(
      (entry): entry is { path: string; kind: PackageManifest['kind'] } => entry.kind !== null
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return mapLimit(found, 8, async ({ path, kind }) => {
    const read = await readTextFile(root, path, MAX_MANIFEST_BYTES)
    if ('text' in read) return parseManifest(path, kind, read.text)
    const manifest = emptyManifest(path, kind)
    addError(manifest, 'error' in read ? read.error : 'listed but no longer on disk')
    return manifest
  })
}

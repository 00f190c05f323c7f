// Small helpers shared by the manifest readers: every reader returns what it could read and
// records what it could not, rather than throwing.
import { XMLValidator } from 'fast-xml-parser'
import type { PackageManifest } from '../model/types.js'

export function emptyManifest(path: string, kind: PackageManifest['kind']): PackageManifest {
  return {
    path,
    kind,
    dependencies: [],
    devDependencies: [],
    scripts: {},
    bin: {},
    engines: {},
    workspaces: []
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The string-valued entries of an object (others dropped). */
export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(value)) return out
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item
  return out
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

/** Appends names not yet present, keeping declaration order. */
export function addUnique(target: string[], names: Iterable<string>): void {
  for (const name of names) if (name && !target.includes(name)) target.push(name)
}

/** The distribution name at the start of a PEP 508 requirement (`requests[socks]>=2; python_version<"3.8"` gives `requests`). */
export function requirementName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement)
  return match?.[1]
}

/** Records a problem on the manifest (several are joined). */
export function addError(manifest: PackageManifest, problem: string): void {
  manifest.error = manifest.error ? `${manifest.error}; ${problem}` : problem
}

/** Why `text` is not well-formed XML ("line 3: ..."), or undefined when it is. */
export function xmlProblem(text: string): string | undefined {
  const valid = XMLValidator.validate(text)
  return valid === true
    ? undefined
    : `line ${valid.err.line}: ${valid.err.msg.replace(/\s+/g, ' ')}`
}

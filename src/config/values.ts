// Parsing of single input values. Every error names the input, the value and what is accepted.
import { ConfigurationError } from '../util/errors.js'

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const text = value.trim().toLowerCase()
  if (text === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(text)) return true
  if (['false', 'no', 'off', '0'].includes(text)) return false
  throw new ConfigurationError(`${name}: '${value}' is not a boolean. Use true or false.`)
}

export function parseChoice<T extends string>(
  name: string,
  value: string,
  accepted: readonly T[],
  fallback: T
): T {
  const text = value.trim().toLowerCase()
  if (text === '') return fallback
  const found = accepted.find((a) => a.toLowerCase() === text)
  if (found !== undefined) return found
  throw new ConfigurationError(
    `${name}: '${value}' is not accepted. Use one of: ${accepted.join(', ')}.`
  )
}

/**
 * The validation budgets given as inputs or flags (names as the user writes them), with the config
 * file's bounds; unset ones are left out so the config file's keys apply.
 */
export function parseValidationBudget(given: {
  total: [string, string]
  perFile: [string, string]
  suite: [string, string]
}): { totalSeconds?: number; perFileSeconds?: number; suiteSeconds?: number } | undefined {
  const total = parseInteger(given.total[0], given.total[1], 10, 7200)
  const perFile = parseInteger(given.perFile[0], given.perFile[1], 5, 900)
  const suite = parseInteger(given.suite[0], given.suite[1], 0, 3600)
  if (total === null && perFile === null && suite === null) return undefined
  return {
    ...(total === null ? {} : { totalSeconds: total }),
    ...(perFile === null ? {} : { perFileSeconds: perFile }),
    ...(suite === null ? {} : { suiteSeconds: suite })
  }
}

export function parseInteger(name: string, value: string, min: number, max: number): number | null {
  const text = value.trim()
  if (text === '') return null
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new ConfigurationError(
      `${name}: '${value}' is not accepted. Use a whole number from ${min} to ${max}.`
    )
  }
  return Number(text)
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2
}

/** A size in bytes: `1048576`, `512KiB`, `1MiB`, `2MB`. */
export function parseSize(name: string, value: string, min: number, max: number): number | null {
  const text = value.trim()
  if (text === '') return null
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text)
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined
  const bytes = match && unit !== undefined ? Math.round(Number(match[1]) * unit) : NaN
  if (!Number.isFinite(bytes) || bytes < min || bytes > max) {
    throw new ConfigurationError(
      `${name}: '${value}' is not accepted. Use a size in bytes from ${min} to ${max}, optionally with a unit (KiB, MiB, KB, MB), e.g. 1MiB.`
    )
  }
  return bytes
}

/** `owner/name` as GitHub spells repositories. */
export function parseRepository(name: string, value: string): string {
  const text = value.trim()
  if (text === '') return ''
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(text)) {
    throw new ConfigurationError(
      `${name}: '${value}' is not a repository. Use owner/name, e.g. octocat/hello-world.`
    )
  }
  return text
}

/** GitHub's rules for variable names: letters, digits and underscores, not starting with a digit or GITHUB_. */
export function parseVariableName(name: string, value: string, fallback: string): string {
  const text = value.trim()
  if (text === '') return fallback
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text) || /^GITHUB_/i.test(text)) {
    throw new ConfigurationError(
      `${name}: '${value}' is not a valid variable name. Use letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. TEST_PLANNING_CURSOR).`
    )
  }
  return text
}

/** `user/name` on the Hugging Face Hub. */
export function parseDatasetName(name: string, value: string): string | null {
  const text = value.trim()
  if (text === '') return null
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text) || text.length > 96) {
    throw new ConfigurationError(
      `${name}: '${value}' is not a dataset name. Use user/name, e.g. autocoder/autocoder-test-planning-results.`
    )
  }
  return text
}

export function parseUrl(name: string, value: string): string | null {
  const text = value.trim()
  if (text === '') return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigurationError(
      `${name}: '${value}' is not a URL. Use an http(s) address, e.g. https://huggingface.co.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      `${name}: '${value}' is not an http(s) address. Use e.g. https://huggingface.co.`
    )
  }
  return text.replace(/\/+$/, '')
}

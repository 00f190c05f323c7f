// The optional config file in the target repository (`.test-planning.yml`), validated against
// config.schema.json and against each perspective's own option defaults.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import { parse as parseYaml } from 'yaml'
import type { Perspective } from '../../perspectives/define.js'
import { ConfigurationError, errorMessage } from '../util/errors.js'
import schema from './config.schema.json' with { type: 'json' }
import { FILE_CLASSES } from '../model/types.js'
import { CONFIG_FILE_NAMES, type FileConfig } from './types.js'

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const at = e.instancePath === '' ? 'the top level' : e.instancePath.slice(1).replace(/\//g, '.')
      if (e.keyword === 'additionalProperties') {
        const key = (e.params as { additionalProperty: string }).additionalProperty
        const known = e.instancePath === '' ? Object.keys(schema.properties) : e.instancePath === '/surface' ? Object.keys(schema.properties.surface.properties) : null
        return `${at}: unknown key '${key}'${known ? ` (known: ${known.join(', ')})` : ''}`
      }
      if (e.keyword === 'enum') return `${at}: ${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
      return `${at}: ${e.message}`
    })
    .join('; ')
}

/** The config file to read: the named one (must exist), else the first default name present, else null. */
export function locateConfigFile(root: string, named: string | null): string | null {
  if (named) {
    if (!existsSync(named)) throw new ConfigurationError(`config: the file '${named}' does not exist. Fix the path or leave config empty.`)
    return named
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(root, name)
    if (existsSync(path)) return path
  }
  return null
}

export function parseConfigText(text: string, where: string, perspectives: readonly Perspective<string, any>[]): FileConfig {
  let data: unknown
  try {
    data = parseYaml(text) ?? {}
  } catch (error) {
    throw new ConfigurationError(`${where}: not valid YAML: ${errorMessage(error)}`)
  }
  if (!validate(data)) throw new ConfigurationError(`${where}: ${describe(validate.errors)}`)
  const raw = data as Partial<FileConfig>
  const config: FileConfig = {
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    framework: raw.framework,
    maxFileBytes: raw.maxFileBytes,
    historyDays: raw.historyDays,
    maxResultAgeDays: raw.maxResultAgeDays,
    perspectives: raw.perspectives ?? {},
    ...(raw.surface ? { surface: { include: raw.surface.include ?? [] } } : {})
  }
  checkPerspectiveOptions(config.perspectives, where, perspectives)
  for (const entry of config.surface?.include ?? []) {
    if (!FILE_CLASSES.includes(entry as never) && !/[/*?.]/.test(entry)) {
      throw new ConfigurationError(
        `${where}: surface.include: '${entry}' is neither a file class (${FILE_CLASSES.join(', ')}) nor a glob (a path with / or *, such as "scripts/**").`
      )
    }
  }
  return config
}

/** Each key a perspective id, each option one the perspective defines, with the type of its default. */
function checkPerspectiveOptions(
  options: Record<string, Record<string, unknown>>,
  where: string,
  perspectives: readonly Perspective<string, any>[]
): void {
  for (const [id, values] of Object.entries(options)) {
    const perspective = perspectives.find((p) => p.meta.id === id)
    if (!perspective) {
      throw new ConfigurationError(
        `${where}: perspectives.${id}: unknown perspective id. Use one of: ${perspectives.map((p) => p.meta.id).join(', ')}.`
      )
    }
    const defaults = (perspective.defaultOptions ?? {}) as Record<string, unknown>
    for (const [name, value] of Object.entries(values)) {
      if (!(name in defaults)) {
        const known = Object.keys(defaults)
        throw new ConfigurationError(
          `${where}: perspectives.${id}.${name}: unknown option. ${known.length > 0 ? `Options of ${id}: ${known.join(', ')}.` : `${id} has no options.`}`
        )
      }
      const expected = Array.isArray(defaults[name]) ? 'array' : typeof defaults[name]
      const actual = Array.isArray(value) ? 'array' : typeof value
      if (defaults[name] !== null && expected !== actual) {
        throw new ConfigurationError(`${where}: perspectives.${id}.${name}: expected a ${expected}, got ${JSON.stringify(value)}.`)
      }
    }
  }
}

export function readConfigFile(path: string | null, perspectives: readonly Perspective<string, any>[]): FileConfig {
  if (path === null) return { include: [], exclude: [], perspectives: {} }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`config: cannot read '${path}': ${errorMessage(error)}`)
  }
  return parseConfigText(text, path, perspectives)
}

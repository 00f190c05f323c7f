// The optional config file in the target repository (`.test-planning.yml`), validated against
// config.schema.json with each perspective's options schema composed in (src/config/options.ts). The file is untrusted: it
// must be a regular file (no device, FIFO or socket), a link may not lead out of the repository, it is
// read with a size limit, and errors name the key path and the offending value's type, never its text.
import { parseCoverageGlobs } from '../repo/coverage-globs.js'
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync
} from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parse as parseYaml } from 'yaml'
import type { Perspective } from '../../perspectives/define.js'
import { ConfigurationError } from '../util/errors.js'
import schema from './config.schema.json' with { type: 'json' }
import { FILE_CLASSES } from '../model/types.js'
import { composeConfigSchema, perspectiveOptionProblem } from './options.js'
import { didYouMean } from './suggest.js'
import { CONFIG_FILE_NAMES, type FileConfig } from './types.js'

type AnyPerspective = Pick<Perspective<string, any>, 'meta' | 'options'>

/** One compiled validator per registry (the composed schema depends on the perspectives). */
const validators = new WeakMap<readonly AnyPerspective[], ValidateFunction>()

function validatorFor(perspectives: readonly AnyPerspective[]): ValidateFunction {
  let validate = validators.get(perspectives)
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: true }).compile(
      composeConfigSchema(schema, perspectives)
    )
    validators.set(perspectives, validate)
  }
  return validate
}

/** Largest config file read (a config is a few hundred bytes; this is far beyond any real one). */
export const MAX_CONFIG_BYTES = 1024 * 1024

/** A key from the file, shown safely: one line, bounded, quoted. */
function keyText(key: string): string {
  const flat = [...key]
    .map((c) =>
      c.charCodeAt(0) < 32 || (c.charCodeAt(0) >= 127 && c.charCodeAt(0) < 160) ? '?' : c
    )
    .join('')
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat
}

function describe(
  errors: ErrorObject[] | null | undefined,
  data: unknown,
  perspectives: readonly AnyPerspective[]
): string {
  const messages = (errors ?? []).map((e) => {
    const option = perspectiveOptionProblem(e, data, perspectives)
    if (option !== null) return option
    const at =
      e.instancePath === '' ? 'the top level' : keyText(e.instancePath.slice(1).replace(/\//g, '.'))
    if (e.keyword === 'additionalProperties') {
      const key = keyText((e.params as { additionalProperty: string }).additionalProperty)
      const known =
        e.instancePath === ''
          ? Object.keys(schema.properties)
          : e.instancePath === '/surface'
            ? Object.keys(schema.properties.surface.properties)
            : e.instancePath === '/validation'
              ? Object.keys(schema.properties.validation.properties)
              : e.instancePath === '/calibration'
                ? Object.keys(schema.properties.calibration.properties)
                : null
      return `${at}: unknown key '${key}'.${known ? `${didYouMean(key, known)} Known: ${known.join(', ')}.` : ''}`
    }
    if (e.keyword === 'enum')
      return `${at}: ${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
    return `${at}: ${e.message}`
  })
  return [...new Set(messages)].join('; ')
}

/** The config file to read: the named one (must exist), else the first default name present, else null. */
export function locateConfigFile(root: string, named: string | null): string | null {
  if (named) {
    if (!existsSync(named))
      throw new ConfigurationError(
        `config: the file '${named}' does not exist. Fix the path or leave config empty.`
      )
    return named
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(root, name)
    if (existsSync(path)) return path
  }
  return null
}

export function parseConfigText(
  text: string,
  where: string,
  perspectives: readonly AnyPerspective[]
): FileConfig {
  let data: unknown
  try {
    data = parseYaml(text) ?? {}
  } catch (error) {
    // The parser's message quotes the offending line: only its position and kind are shown.
    const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0]
    const code = (error as { code?: unknown }).code
    throw new ConfigurationError(
      `${where}: not valid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}${typeof code === 'string' ? ` (${code})` : ''}`
    )
  }
  const validate = validatorFor(perspectives)
  if (!validate(data))
    throw new ConfigurationError(`${where}: ${describe(validate.errors, data, perspectives)}`)
  const raw = data as Partial<FileConfig>
  const config: FileConfig = {
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    framework: raw.framework,
    maxFileBytes: raw.maxFileBytes,
    historyDays: raw.historyDays,
    maxResultAgeDays: raw.maxResultAgeDays,
    perspectives: raw.perspectives ?? {},
    ...(raw.surface ? { surface: { include: raw.surface.include ?? [] } } : {}),
    ...(raw.validation ? { validation: { ...raw.validation } } : {}),
    ...(raw.calibration ? { calibration: { report: raw.calibration.report ?? [] } } : {}),
    ...(raw.coverage ? { coverage: parseCoverageGlobs(`${where}: coverage`, raw.coverage) } : {})
  }
  for (const entry of config.surface?.include ?? []) {
    if (!FILE_CLASSES.includes(entry as never) && !/[/*?.]/.test(entry)) {
      throw new ConfigurationError(
        `${where}: surface.include: '${entry}' is neither a file class (${FILE_CLASSES.join(', ')}) nor a glob (a path with / or *, such as "scripts/**").`
      )
    }
  }
  for (const entry of config.calibration?.report ?? []) {
    const problem = calibrationEntryProblem(entry, perspectives)
    if (problem) throw new ConfigurationError(`${where}: calibration.report: ${problem}`)
  }
  return config
}

function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The config file's text: a regular file whose real path is inside `root` (a link may point within the
 * repository, not out of it), at most MAX_CONFIG_BYTES. Opened without blocking, so a FIFO cannot hang the run.
 */
export function readConfigText(
  path: string,
  root: string | null,
  maxBytes = MAX_CONFIG_BYTES
): string {
  const fail = (why: string): never => {
    throw new ConfigurationError(`config: cannot use '${path}': ${why}`)
  }
  let real: string
  try {
    real = realpathSync(path)
  } catch (error) {
    return fail(`it cannot be resolved (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (root !== null) {
    let realRoot = root
    try {
      realRoot = realpathSync(root)
    } catch {
      // the root is checked elsewhere
    }
    const linked = lstatSync(path).isSymbolicLink()
    if (!inside(realRoot, real) && (linked || inside(root, path) || inside(realRoot, path)))
      fail('it is a link that leads outside the repository')
  }
  let fd: number
  try {
    fd = openSync(
      real,
      constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)
    )
  } catch (error) {
    return fail(`it cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) fail('it is not a regular file (a device, FIFO, socket or folder)')
    if (stat.size > maxBytes) fail(`it is larger than ${maxBytes} bytes`)
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length > maxBytes) fail(`it is larger than ${maxBytes} bytes`)
    }
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** Reads and validates the config file; `root` bounds where a link may lead (null: no bound, for tests). */
export function readConfigFile(
  path: string | null,
  perspectives: readonly AnyPerspective[],
  root: string | null = null
): FileConfig {
  if (path === null) return { include: [], exclude: [], perspectives: {} }
  return parseConfigText(readConfigText(path, root), path, perspectives)
}

/** A `calibration.report` entry names `all`, a perspective, or one of its message ids; else why not. */
function calibrationEntryProblem(
  entry: string,
  perspectives: readonly AnyPerspective[]
): string | null {
  if (entry === 'all') return null
  const [id, messageId, ...rest] = entry.split('/')
  const perspective = perspectives.find((p) => p.meta.id === id)
  const ids = perspectives.map((p) => p.meta.id)
  if (!perspective)
    return `'${keyText(entry)}' names no perspective.${didYouMean(id, ids)} Use all, a perspective id or perspective/messageId.`
  if (messageId === undefined) return null
  const messages = Object.keys(perspective.meta.messages)
  if (rest.length > 0 || !messages.includes(messageId))
    return `'${keyText(entry)}': ${id} has no message id '${keyText(messageId)}'.${didYouMean(messageId, messages)} Known: ${messages.join(', ')}.`
  return null
}

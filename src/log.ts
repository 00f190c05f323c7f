// The Logger every stage writes to. The action passes one backed by @actions/core, the CLI one that
// writes to stderr, tests a recording one they can assert on. Nothing in src/ logs any other way.
// The action's and the CLI's loggers pass every line through the redaction pass.
import { redactText } from './util/redact.js'

export interface Logger {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
  /** A named, collapsible block of log lines around one stage. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** The parts of @actions/core a logger needs; main.ts passes the module itself. */
export interface CoreLike {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export function actionsLogger(core: CoreLike): Logger {
  return {
    info: (m) => core.info(redactText(m)),
    warning: (m) => core.warning(redactText(m)),
    error: (m) => core.error(redactText(m)),
    debug: (m) => core.debug(redactText(m)),
    group: (name, fn) => core.group(redactText(name), fn)
  }
}

/** Plain text lines to a stream (stderr for the CLI, so stdout stays the report). */
export function streamLogger(
  stream: { write(text: string): unknown },
  options: { verbose?: boolean; quiet?: boolean } = {}
): Logger {
  const write = (line: string): void => {
    stream.write(`${redactText(line)}\n`)
  }
  return {
    info: (m) => {
      if (!options.quiet) write(m)
    },
    warning: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
    debug: (m) => {
      if (options.verbose) write(`debug: ${m}`)
    },
    group: async (name, fn) => {
      if (!options.quiet) write(`== ${name}`)
      return fn()
    }
  }
}

export interface LogEntry {
  level: 'info' | 'warning' | 'error' | 'debug' | 'group'
  message: string
}

export interface RecordingLogger extends Logger {
  readonly entries: LogEntry[]
  /** Messages of one level, in order. */
  messages(level: LogEntry['level']): string[]
  /** Everything, one entry a line, for assertions on what a user would read. */
  text(): string
}

export function recordingLogger(): RecordingLogger {
  const entries: LogEntry[] = []
  const push = (level: LogEntry['level']) => (message: string) => {
    entries.push({ level, message })
  }
  return {
    entries,
    info: push('info'),
    warning: push('warning'),
    error: push('error'),
    debug: push('debug'),
    group: async (name, fn) => {
      entries.push({ level: 'group', message: name })
      return fn()
    },
    messages: (level) => entries.filter((e) => e.level === level).map((e) => e.message),
    text: () => entries.map((e) => `${e.level}: ${e.message}`).join('\n')
  }
}

// The `test-planning` command line: the action's stages with local defaults (no GitHub, no Hugging
// Face; the rotation cursor lives in the results folder). Reports go to stdout, progress to stderr.
// Exit codes: 0 done, 1 fail-on threshold crossed (docs --check: docs out of date), 2 bad usage or
// configuration, 3 the run failed. Everything written to stdout and stderr goes through the redaction pass.
import { statSync } from 'node:fs'
import { PERSPECTIVES } from '../perspectives/index.js'
import { detectTargetWithReason } from './specs/detect.js'
import { parseCli, USAGE, UsageError, type ReportFormat } from './config/cli-args.js'
import { checkDocs, writeDocs, DOCS_COMMAND } from './docs/write.js'
import { streamLogger, type Logger } from './log.js'
import { buildModel } from './model/build.js'
import { cliEnvironment } from './pipeline/environment.js'
import { runPlan, type PlanOutcome } from './pipeline/plan.js'
import { TOOL_NAME, TOOL_VERSION } from './pipeline/version.js'
import { collectFacts } from './repo/facts.js'
import { loadRepository } from './repo/loader.js'
import { buildSummary } from './report/summary.js'
import { buildTerminalReport } from './report/terminal.js'
import { ConfigurationError, errorMessage } from './util/errors.js'
import { redactText } from './util/redact.js'
import { claimResultsFolder } from './sinks/results-folder.js'
import {
  lockResultsFolder,
  ResultsFolderBusyError,
  type LockOptions
} from './sinks/results-lock.js'

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown }
  env: NodeJS.ProcessEnv
  cwd: string
  /** How the results-folder lock waits (tests inject time). */
  lock?: LockOptions
}

export const EXIT = { done: 0, threshold: 1, usage: 2, failed: 3 } as const

/** The streams with every write redacted: no secret reaches a terminal or a CI log through the CLI. */
function redactedIO(io: CliIO): CliIO {
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(redactText(text)), isTTY: io.stdout.isTTY },
    stderr: { write: (text: string) => io.stderr.write(redactText(text)) }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function report(outcome: PlanOutcome, format: ReportFormat, io: CliIO): string {
  if (format === 'json') return `${JSON.stringify(outcome.records, null, 2)}\n`
  if (format === 'markdown') return buildSummary(outcome.summary)
  const color = io.stdout.isTTY === true && !io.env.NO_COLOR
  return buildTerminalReport(outcome.summary, { color })
}

async function printModel(
  root: string,
  json: boolean,
  maxFileBytes: number | null,
  io: CliIO,
  logger: Logger
): Promise<number> {
  const repo = await loadRepository(root, { maxFileBytes: maxFileBytes ?? undefined })
  const facts = await collectFacts(repo, {})
  const model = await buildModel(repo, facts)
  // The test layout specs are written for: where they go, how they import, how the project runs them.
  const detected = detectTargetWithReason(facts, model.modules)
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ ...model, testLayout: detected.target.layout ?? null }, null, 2)}\n`
    )
  } else {
    const byLanguage = new Map<string, { files: number; lines: number }>()
    for (const m of model.modules) {
      const entry = byLanguage.get(m.language) ?? { files: 0, lines: 0 }
      entry.files++
      entry.lines += m.lines
      byLanguage.set(m.language, entry)
    }
    io.stdout.write(
      `${model.stats.files} modules, ${model.stats.lines} lines, built in ${model.stats.millis} ms\n`
    )
    for (const [language, e] of [...byLanguage].sort())
      io.stdout.write(`  ${language}: ${e.files} files, ${e.lines} lines\n`)
    io.stdout.write(
      `Specs are written for ${detected.target.framework} (${detected.target.language}): ${detected.reason}\n`
    )
    for (const note of detected.target.layout?.notes ?? []) io.stdout.write(`  note: ${note}\n`)
    logger.info('Use --json for the whole model.')
  }
  return 0
}

export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  const io = redactedIO(rawIO)
  if (!isDirectory(io.cwd)) {
    io.stderr.write(
      `${TOOL_NAME}: the current directory ${io.cwd || '(unknown)'} no longer exists (or is not a directory); cd to an existing directory and run again.\n`
    )
    return EXIT.usage
  }
  let command
  try {
    command = parseCli(argv, io.cwd, PERSPECTIVES)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${TOOL_NAME}: ${error.message}\n\n${USAGE}\n`)
      return 2
    }
    throw error
  }
  const logger = streamLogger(io.stderr)
  try {
    switch (command.command) {
      case 'help':
        io.stdout.write(`${USAGE}\n`)
        return 0
      case 'version':
        io.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`)
        return 0
      case 'docs': {
        if (command.check) {
          const stale = checkDocs(io.cwd)
          if (stale.length === 0) return 0
          io.stderr.write(
            `These generated docs are out of date; run ${DOCS_COMMAND}:\n${stale.map((p) => `  ${p}`).join('\n')}\n`
          )
          return 1
        }
        const { changed } = writeDocs(io.cwd)
        io.stdout.write(
          changed.length > 0 ? `Updated: ${changed.join(', ')}\n` : 'Docs are up to date.\n'
        )
        return 0
      }
      case 'model':
        return await printModel(command.root, command.json, command.maxFileBytes, io, logger)
      case 'plan': {
        const config = command.config
        // One run at a time per results folder: a second run waits (queues), then fails clearly.
        let lock = null
        if (!config.dryRun) {
          claimResultsFolder(config.outputDir, { root: config.root })
          lock = await lockResultsFolder(config.outputDir, {
            onWait: (holder) =>
              logger.info(`Waiting for another run (${holder}) to finish with ${config.outputDir}`),
            ...io.lock
          })
        }
        try {
          const outcome = await runPlan(config, cliEnvironment(io.env), logger)
          io.stdout.write(report(outcome, command.format, io))
          if (outcome.stored.local) logger.info(`Results: ${outcome.stored.local.dataFile}`)
          if (outcome.threshold) {
            io.stderr.write(`${outcome.threshold}\n`)
            return EXIT.threshold
          }
          return EXIT.done
        } finally {
          lock?.release()
        }
      }
    }
  } catch (error) {
    if (error instanceof ConfigurationError) {
      io.stderr.write(`${TOOL_NAME}: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof ResultsFolderBusyError) {
      io.stderr.write(`${TOOL_NAME}: ${error.message}\n`)
      return EXIT.failed
    }
    io.stderr.write(`${TOOL_NAME}: the run failed: ${errorMessage(error)}\n`)
    return EXIT.failed
  }
}

/** The working directory, or '' when it was deleted under us (process.cwd() throws then). */
function currentDirectory(): string {
  try {
    return process.cwd()
  } catch {
    return ''
  }
}

// Run only as the program itself (dist/cli.js or `node src/cli.ts`), not when a test imports main().
const invokedAs = process.argv[1] ?? ''
if (/(?:^|[\\/])cli\.(?:js|mjs|ts)$/.test(invokedAs) || invokedAs.endsWith('test-planning')) {
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: currentDirectory()
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(redactText(`${TOOL_NAME}: ${errorMessage(error)}\n`))
      process.exitCode = EXIT.failed
    }
  )
}

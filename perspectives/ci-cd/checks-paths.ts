// A step that names a repository file which is not there: `python test/acid.py test/example_with_reduce.py`
// after the example was deleted. The step fails, or - when the tool skips what it cannot find - passes
// while checking nothing. Only paths whose folder the repository tracks, with a file extension, outside
// build output, and not written by the step or an earlier step of the job: a file a build makes is no miss.
import {
  type CheckInput,
  type Draft,
  dedupe,
  lineEvidence,
  shortCommand,
  stepKey
} from './check-input.js'
import { normalisePath } from './graph.js'
import { splitScript } from './shell.js'

const FILE_ARG =
  /^(?:\.\/)?[\w@.-]+(?:\/[\w@.-]+)+\.(?:py|js|mjs|cjs|ts|mts|sh|bash|rb|pl|json|ya?ml|toml|cfg|ini|txt|csv|xml)$/
/** Folders that builds, installs and tools fill: their files need not be in the repository. */
const OUTPUT_DIRS =
  /^(?:dist|build|out|lib|es|esm|cjs|coverage|target|node_modules|\.venv|venv|env|site|_build|tmp|temp|\.tox|reports?|artifacts?)\//
/** Words after which a path is written, not read. */
const WRITES = new Set([
  '>',
  '>>',
  '-o',
  '--out',
  '--output',
  '--outfile',
  '--out-file',
  'tee',
  'touch',
  'cp',
  'mv',
  'mkdir',
  'ln',
  'wget',
  'curl',
  'cat'
])

export function missingFiles(input: CheckInput): Draft[] {
  const files = input.model.surface?.files.map((f) => f.path) ?? []
  if (files.length === 0) return []
  const tracked = new Set(files)
  const folders = new Set(
    files.flatMap((p) =>
      p
        .split('/')
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join('/'))
    )
  )
  const typescript = input.model.modules.some((m) => m.language === 'typescript')
  const out: Draft[] = []
  for (const use of input.graph.commands) {
    if (use.dir.includes('$') || use.dir.includes('~')) continue
    const earlier = use.run.steps
      .slice(
        0,
        use.run.steps.findIndex((s) => s.step === use.step)
      )
      .map((s) => s.step.run?.text ?? '')
      .join('\n')
    for (const command of splitScript(shortCommand(use.text))) {
      command.words.forEach((word, i) => {
        if (
          !FILE_ARG.test(word) ||
          WRITES.has(command.words[i - 1] ?? '') ||
          WRITES.has(command.words[0])
        )
          return
        const path = normalisePath(use.dir ? `${use.dir}/${word}` : word)
        const folder = path.split('/').slice(0, -1).join('/')
        if (
          tracked.has(path) ||
          folders.has(path) ||
          !folders.has(folder) ||
          OUTPUT_DIRS.test(path)
        )
          return
        // Compiled output beside TypeScript sources, and files an earlier step of the job names (it may make them).
        if (typescript && /\.[cm]?js$/.test(path)) return
        if (earlier.includes(word) || earlier.includes(path)) return
        out.push({
          messageId: 'missingFile',
          data: {
            file: use.file,
            job: use.run.job.id,
            command: shortCommand(use.text),
            path,
            folder
          },
          severity: 'medium',
          confidence: 'high',
          rationale:
            'A CI step that names a file the repository does not have either fails or, when the tool skips what it cannot find, reports green while checking nothing.',
          evidence: lineEvidence(input, use.file, use.line),
          key: `${stepKey(use.run, use.step)}#${path}`
        })
      })
    }
  }
  return dedupe(out)
}

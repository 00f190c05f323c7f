// Perspective 9: User experience. What does the user see? Command-line programs (help text, unknown
// options, exit status, errors on stderr), UI components written in JSX (alt text, accessible names,
// keyboard access, labels) and error messages that say nothing. Writes CLI specs that run the program
// and accessibility specs that query by role and name. How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'
import { createQuoter } from '../shared/evidence.js'
import type { Metrics } from '../types.js'
import { checkCli } from './cli.js'
import { buildInput, type Found } from './context.js'
import { MESSAGES, type UserExperienceMessageId } from './messages.js'
import { OPTIONS, type UserExperienceOptions } from './options.js'
import { buildReport } from './report.js'
import { buildSpecs } from './specs.js'
import { checkUi } from './ui.js'
import { checkWording } from './wording.js'

export type { UserExperienceOptions } from './options.js'

export default definePerspective<UserExperienceMessageId, UserExperienceOptions>({
  meta: {
    number: 9,
    id: 'user-experience',
    title: 'User experience',
    question: 'What does the user see?',
    description:
      'Command-line programs (commander, yargs, argparse, click, typer and hand-made `process.argv`/`sys.argv` parsing): options ' +
      'without help text, no `--help`, unknown options accepted or ignored, failures that exit with status 0, errors printed to ' +
      'standard output. UI components in JSX/TSX: images without alt text, buttons and links without an accessible name, click ' +
      'handlers on elements a keyboard cannot reach, form fields without a label. Error messages that are empty or generic. ' +
      'Writes CLI specs that run the program (`--help`, an unknown option) and assert the exit status and output stream, and ' +
      'accessibility specs that render the component and query by role and name with Testing Library; a todo where an input or ' +
      'props cannot be known.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const input = buildInput(context.model, createQuoter(context))
    const found: Found[] = [...checkCli(input), ...checkUi(input), ...checkWording(input)]
    const { all, kept, perKind } = finishFindings(
      found,
      Object.keys(MESSAGES) as UserExperienceMessageId[],
      options.maxFindingsPerKind
    )
    const programs = input.modules.filter((m) => m.cli).map((m) => m.module.path)
    const components = input.modules.filter((m) => (m.module.jsxElements?.length ?? 0) > 0).length
    const metrics: Metrics = {
      modules: input.modules.length,
      programs: programs.length,
      jsxModules: components,
      jsxElements: input.modules.reduce((n, m) => n + (m.module.jsxElements?.length ?? 0), 0),
      findings: all.length
    }
    Object.assign(metrics, perKindMetrics(perKind))
    return {
      findings: kept.map((f) => f.draft),
      specs: buildSpecs(kept, context.target, options.maxSpecs),
      metrics,
      details: {
        perKind,
        shown: kept.length,
        total: all.length,
        programs: input.modules
          .filter((m) => m.cli)
          .slice(0, 100)
          .map((m) => ({
            path: m.module.path,
            why: m.cli as string,
            ...(m.launch ? { command: m.launch.command } : {})
          })),
        options
      },
      report: buildReport({ kept, perKind, modules: input.modules.length, programs, components })
    }
  }
})

// The action: read inputs, run the plan, write the summary once, set outputs, apply fail-on.
// One try/catch; a ConfigurationError is shown as the user's mistake, anything else as a failure.
import * as core from '@actions/core'
import { PERSPECTIVES } from '../perspectives/index.js'
import { readActionConfig } from './config/inputs.js'
import { actionsLogger } from './log.js'
import { actionEnvironment } from './pipeline/environment.js'
import { planOutputs } from './pipeline/outputs.js'
import { runPlan } from './pipeline/plan.js'
import { buildSummary } from './report/summary.js'
import { ConfigurationError, errorMessage } from './util/errors.js'
import { redactText, registerSecret } from './util/redact.js'

export async function run(): Promise<void> {
  // Mask both tokens before anything can print them.
  for (const name of ['github-token', 'hf-token']) {
    const secret = core.getInput(name).trim()
    if (secret) core.setSecret(secret)
    registerSecret(secret)
  }
  const logger = actionsLogger(core)
  try {
    const config = readActionConfig((name) => core.getInput(name), process.env, PERSPECTIVES)
    const outcome = await runPlan(config, actionEnvironment(process.env), logger)
    // Written once; outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it.
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(buildSummary(outcome.summary)).write()
    else logger.info('No GITHUB_STEP_SUMMARY file: the job summary is not written')
    for (const [name, value] of Object.entries(planOutputs(outcome))) core.setOutput(name, value)
    logger.info(
      `Done in ${(outcome.millis / 1000).toFixed(1)} s; next in rotation: ${outcome.next.number} ${outcome.next.id}`
    )
    if (outcome.failure) core.setFailed(redactText(outcome.failure))
    else if (outcome.threshold) core.setFailed(redactText(outcome.threshold))
  } catch (error) {
    if (error instanceof ConfigurationError)
      core.setFailed(redactText(`Configuration error: ${error.message}`))
    else core.setFailed(redactText(`test-planning failed: ${errorMessage(error)}`))
  }
}

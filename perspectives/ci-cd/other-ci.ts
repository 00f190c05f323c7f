// CI systems other than GitHub Actions (GitLab CI, CircleCI, Azure Pipelines, Jenkins, Travis...):
// detected, and their commands read well enough to say whether they run tests, lint and type checks.
// YAML files are parsed and every string in them is read as a script; a Jenkinsfile is read line by
// line, quoted strings included (it is Groovy; its `sh` steps hold the shell commands).
import { isMap, isScalar, visit } from 'yaml'
import type { CiFile, PackageManifest } from '../../src/model/types.js'
import { classifyScript, type CommandKind } from './commands.js'
import { nodeLines, parseYaml } from './yaml-source.js'

export interface OtherCi {
  path: string
  system: CiFile['system']
  /** What its commands do, with the first line each kind is found on. */
  kinds: Map<CommandKind, number>
  error?: string
}

export const SYSTEM_NAMES: Record<CiFile['system'], string> = {
  'github-actions': 'GitHub Actions',
  'gitlab-ci': 'GitLab CI',
  circleci: 'CircleCI',
  'azure-pipelines': 'Azure Pipelines',
  jenkins: 'Jenkins',
  travis: 'Travis CI',
  other: 'CI'
}

function record(
  kinds: Map<CommandKind, number>,
  script: string,
  line: number,
  scripts: Record<string, string>
): void {
  for (const c of classifyScript(script, { scripts })) {
    for (const k of c.kinds) if (!kinds.has(k)) kinds.set(k, line + c.lineIndex)
  }
}

function quotedParts(line: string): string[] {
  const parts = [line]
  for (const quote of ["'", '"']) {
    const pieces = line.split(quote)
    for (let i = 1; i < pieces.length; i += 2) parts.push(pieces[i])
  }
  return parts
}

export function readOtherCi(files: CiFile[], rootManifest: PackageManifest | undefined): OtherCi[] {
  const scripts = rootManifest?.scripts ?? {}
  return files
    .filter((f) => f.system !== 'github-actions')
    .map((f): OtherCi => {
      const kinds = new Map<CommandKind, number>()
      if (f.system === 'jenkins' || !/\.ya?ml$/i.test(f.path)) {
        f.text
          .split('\n')
          .forEach((line, i) =>
            quotedParts(line).forEach((part) => record(kinds, part, i + 1, scripts))
          )
        return { path: f.path, system: f.system, kinds }
      }
      const file = parseYaml(f.path, f.text)
      visit(file.doc, {
        Scalar(key, node) {
          // Keys name jobs and settings; only values hold commands.
          if (key !== 'key' && isScalar(node) && typeof node.value === 'string') {
            // A block scalar's text starts on the line after its indicator.
            const start =
              nodeLines(file, node).start +
              (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 1 : 0)
            record(kinds, node.value, start, scripts)
          }
        }
      })
      const implied = f.system === 'travis' ? travisDefaultScript(file) : null
      if (implied) record(kinds, implied.script, implied.line, scripts)
      return { path: f.path, system: f.system, kinds, error: file.error?.message }
    })
}

/**
 * Travis runs a default script when the file sets none: `npm test` for `language: node_js` (its docs,
 * "Default Build Script"; `yarn test` with a yarn.lock, the same script). Said at the `language` line.
 */
function travisDefaultScript(
  file: ReturnType<typeof parseYaml>
): { script: string; line: number } | null {
  const root = file.doc.contents
  if (!isMap(root)) return null
  const language: unknown = root.get('language', true)
  if (!isScalar(language) || String(language.value) !== 'node_js' || root.has('script')) return null
  return { script: 'npm test', line: nodeLines(file, language).start }
}

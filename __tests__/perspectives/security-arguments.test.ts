// Argument injection (CWE-88): input in the argument list of a program whose options run commands (git,
// ssh, tar...), with no `--` before it. Each planted call is asserted by file and line; the fixed shapes
// beside it (`--` before the value, the value of an option, a check for a leading `-`) must not be reported.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const vcsPy = [
  'import subprocess',
  '',
  '',
  'def clone(repo_type, repo_url, checkout=None, dest="."):',
  '    # not reported: a url of --upload-pack=... leaves clone no repository, so it stops (round 5)',
  '    subprocess.check_output([repo_type, "clone", repo_url], cwd=dest)',
  '    if checkout is not None:',
  '        # fixed: -- ends the options',
  '        subprocess.check_output([repo_type, "checkout", "--", checkout], cwd=dest)',
  '',
  '',
  'def update(repo_type, ref):',
  '    params = [ref]',
  '    # fixed: -- put in front of the spread arguments',
  '    params.insert(0, "--")',
  '    subprocess.check_output([repo_type, "checkout", *params])',
  '',
  '',
  'def fetch_branch(url, branch):',
  '    # fixed: the branch is the value of -b; the url comes after --',
  '    subprocess.run(["git", "clone", "-b", branch, "--", url], check=True)',
  '',
  '',
  'def archive(ref):',
  '    # fixed: a leading dash is refused',
  '    if ref.startswith("-"):',
  '        raise ValueError(ref)',
  '    subprocess.run(["git", "archive", ref], check=True)',
  '',
  '',
  'def refresh(remote):',
  '    # planted: fetch --upload-pack=... runs with the default remote',
  '    subprocess.run(["git", "fetch", remote], check=True)  # P1',
  '',
  '',
  'def count(path):',
  '    # not a program with dangerous options',
  '    return subprocess.run(["wc", "-l", path], capture_output=True)',
  ''
]

const gitJs = [
  "import { execFile, spawn } from 'node:child_process'",
  '',
  'export function log(repo, range) {',
  '  // planted: a range of --output=/etc/x is an option of git log',
  "  return spawn('git', ['log', '--oneline', range], { cwd: repo }) // P2",
  '}',
  '',
  'export function show(repo, file) {',
  '  // fixed: -- ends the options',
  "  return execFile('git', ['log', '--oneline', '--', file], { cwd: repo })",
  '}',
  '',
  'export function connect(host) {',
  '  // planted: -oProxyCommand=... runs a command',
  "  return spawn('ssh', [host, 'uptime']) // P3",
  '}',
  ''
]

describe('security: argument injection', () => {
  it('reports input placed where git or ssh read options; -- before it, an option value or a dash check are not reported', async () => {
    const result = await runFixture(security, {
      'package.json': '{ "name": "vcs", "version": "1.0.0", "type": "module" }',
      'src/git.js': gitJs.join('\n'),
      'pyproject.toml': '[project]\nname = "vcs"\nversion = "1.0.0"\n',
      'vcs/__init__.py': '',
      'vcs/clone.py': vcsPy.join('\n')
    })
    const found = result.run.findings
      .filter((f) => f.messageId === 'argumentInjection')
      .map((f) => [f.file, f.startLine, f.confidence])
      .sort()
    expect(found).toEqual(
      [
        ['src/git.js', lineOf(gitJs, 'P2'), 'medium'],
        ['src/git.js', lineOf(gitJs, 'P3'), 'medium'],
        ['vcs/clone.py', lineOf(vcsPy, 'P1'), 'medium']
      ].sort()
    )
    const fetch = result.run.findings.find((f) => f.file === 'vcs/clone.py')
    expect(fetch?.cwe).toBe('CWE-88')
    expect(fetch?.title).toContain('remote')
    expect(checkRun(result)).toEqual([])
  })
})

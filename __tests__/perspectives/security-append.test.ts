// Command injection through a command assembled in a list: what is pushed or appended onto a local list
// that is then joined for a shell reaches the shell. Quoted values (shell quoting) do not.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const JS = {
  'package.json': '{ "name": "notifier", "version": "1.0.0", "type": "module" }',
  'src/notify.js': [
    "import { exec } from 'node:child_process'",
    '',
    '// planted: options and the message are pushed unquoted, then the list is joined for a shell',
    'export function notify(message, options) {',
    "  const args = ['notify-send']",
    "  if (options.sound) args.push('--sound', options.sound)",
    '  args.push(message)',
    "  exec(args.join(' '))",
    '}',
    '',
    '// fixed: every pushed value is shell-quoted',
    'export function notifySafely(message, options) {',
    "  const args = ['notify-send']",
    "  if (options.sound) args.push('--sound', quote(options.sound))",
    '  args.push(quote(message))',
    "  exec(args.join(' '))",
    '}',
    '',
    'function quote(text) {',
    `  return "'" + String(text).replace(/'/g, "'\\\\''") + "'"`,
    '}',
    ''
  ].join('\n')
}

const PY = {
  'pyproject.toml': '[project]\nname = "thumbs"\nversion = "1.0.0"\n',
  'thumbs/__init__.py': [
    'import shlex',
    'import subprocess',
    '',
    '',
    'def convert(src, size):',
    '    """planted: the arguments are appended unquoted and joined for a shell"""',
    '    cmd = ["convert"]',
    '    cmd.append(src)',
    '    cmd.extend(["-resize", size])',
    '    subprocess.run(" ".join(cmd), shell=True)',
    '',
    '',
    'def convert_safely(src, size):',
    '    """fixed: each appended argument is shell-quoted"""',
    '    cmd = ["convert"]',
    '    cmd.append(shlex.quote(src))',
    '    cmd.extend(["-resize", shlex.quote(size)])',
    '    subprocess.run(" ".join(cmd), shell=True)',
    ''
  ].join('\n')
}

const places = (r: Awaited<ReturnType<typeof runFixture>>) =>
  r.run.findings.map((f) => [f.messageId, f.file, f.startLine, f.symbol, f.confidence])

describe('security: commands assembled in a list', () => {
  it('JavaScript: values pushed onto a list joined for exec are reported; quoted ones are not', async () => {
    const result = await runFixture(security, JS)
    expect(places(result)).toEqual([['commandInjection', 'src/notify.js', 8, 'notify', 'medium']])
    expect(result.run.findings[0].message).toContain(
      'notify(message) → args += message → child_process.exec'
    )
    expect(checkRun(result)).toEqual([])
  })

  it('Python: values appended to a list joined for a shell are reported; shlex-quoted ones are not', async () => {
    const result = await runFixture(security, PY)
    expect(places(result)).toEqual([
      ['commandInjection', 'thumbs/__init__.py', 10, 'convert', 'medium']
    ])
    expect(checkRun(result)).toEqual([])
  })
})

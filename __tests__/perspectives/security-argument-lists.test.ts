// Argument injection through a list kept in a local and a program kept on the instance: a transport that
// spawns `this.path` (set to 'sendmail' unless an option says otherwise) with `args = ['-i'].concat(to)`
// reads a recipient starting with `-` as an option of sendmail. Planted by file and line; the fixed shape
// (every address tested for a leading `-` first) and a harmless program absent.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const transportJs = [
  "const spawn = require('child_process').spawn",
  '',
  'class MailTransport {',
  '  constructor(options) {',
  "    this.path = 'sendmail'",
  '    if (options && options.path) this.path = options.path',
  '    // kept on the instance so tests can replace it',
  '    this._spawn = spawn',
  '  }',
  '  // planted: a recipient of -oQ/tmp/x is an option of sendmail',
  '  send(mail, done) {',
  '    const envelope = mail.envelope',
  "    const args = ['-i'].concat(envelope.from ? ['-f', envelope.from] : []).concat(envelope.to)",
  '    const child = this._spawn(this.path, args) // P1',
  "    child.on('exit', () => done())",
  '  }',
  '  // fixed: addresses starting with - are refused',
  '  sendChecked(mail, done) {',
  '    const envelope = mail.envelope',
  '    const bad = [].concat(envelope.from || []).concat(envelope.to || []).some((a) => /^-/.test(a))',
  "    if (bad) return done(new Error('invalid envelope addresses'))",
  "    const args = ['-i'].concat(envelope.from ? ['-f', envelope.from] : []).concat(envelope.to)",
  '    const child = this._spawn(this.path, args)',
  "    child.on('exit', () => done())",
  '  }',
  '}',
  '',
  'class Printer {',
  '  constructor() {',
  "    this.path = 'cat'",
  '    this._spawn = spawn',
  '  }',
  '  // not a program whose options run commands',
  '  print(file) {',
  "    const args = ['-n'].concat(file)",
  '    return this._spawn(this.path, args)',
  '  }',
  '}',
  '',
  'module.exports = { MailTransport, Printer }',
  ''
]

describe('security: argument lists built in a local', () => {
  it('reports a sendmail argument list built with concat from the message, not the checked one', async () => {
    const result = await runFixture(security, {
      'package.json': '{ "name": "mailer", "version": "1.0.0", "main": "transport.js" }',
      'transport.js': transportJs.join('\n')
    })
    const found = result.run.findings
      .filter((f) => f.messageId === 'argumentInjection')
      .map((f) => [f.file, f.startLine])
    expect(found).toEqual([['transport.js', lineOf(transportJs, 'P1')]])
    expect(checkRun(result)).toEqual([])
  })
})

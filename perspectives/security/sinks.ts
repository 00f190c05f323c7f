// Which calls are sinks, and which of their arguments carries the dangerous value. Calls are read from
// the model (callee text, receiver, argument text, Python keyword names); package functions are matched
// through the module's own imports, so `pattern.exec(s)` is never mistaken for child_process.exec.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import type { Severity } from '../types.js'
import { bindingsOf, packageFunction, type PackageBindings } from './imports.js'
import type { SecurityMessageId } from './messages.js'
import { isRedirectLiteral, redirectTarget } from './redirect.js'
import { buildKind, codeOnly, isPlainLiteral } from './text.js'

export interface SinkMatch {
  messageId: SecurityMessageId
  /** The callee as shown: `child_process.exec`, `subprocess.run`, `cursor.execute`. */
  sink: string
  /** Index of the argument that carries the dangerous value. */
  arg: number
  /** Report only when an input reaches that argument. */
  needsTaint: boolean
  worst: Severity
  /** Extra message data (how, build, language, why). */
  data: Record<string, string>
}

export interface ModuleSinks {
  childProcess: PackageBindings
  vm: PackageBindings
  fs: PackageBindings
  http: PackageBindings
  nodeSerialize: PackageBindings
  jsYaml: PackageBindings
  /** fstream, whose `Writer({ path })` creates the file or folder it is given (unzipper's extraction). */
  fstream: PackageBindings
  python: boolean
  module: ModuleModel
}

const PROMISIFIED =
  /^(?:pify|promisify|util\.promisify|promisifyAll|\w+\.promisifyAll)\(\s*([\w$]+)\s*\)$|^([\w$]+)\.promises$/

/** A module-level name bound to a promisified fs (`const fsP = pify(fs)`, `fs.promises`) is fs too. */
function withPromisified(module: ModuleModel, fs: PackageBindings): PackageBindings {
  for (const b of module.bindings ?? []) {
    if (b.enclosing) continue
    const found = PROMISIFIED.exec(b.value.trim())
    const of = found?.[1] ?? found?.[2]
    if (of && fs.namespaces.has(of)) fs.namespaces.add(b.name)
  }
  return fs
}

export function moduleSinks(module: ModuleModel): ModuleSinks {
  return {
    childProcess: bindingsOf(module, ['child_process', 'node:child_process']),
    vm: bindingsOf(module, ['vm', 'node:vm']),
    fs: withPromisified(
      module,
      bindingsOf(module, [
        'fs',
        'node:fs',
        'fs/promises',
        'node:fs/promises',
        'fs-extra',
        'graceful-fs'
      ])
    ),
    http: bindingsOf(module, [
      'http',
      'https',
      'node:http',
      'node:https',
      'axios',
      'got',
      'node-fetch',
      'undici',
      'needle',
      'superagent'
    ]),
    nodeSerialize: bindingsOf(module, ['node-serialize', 'serialize-to-js']),
    jsYaml: bindingsOf(module, ['js-yaml']),
    fstream: bindingsOf(module, ['fstream']),
    python: module.language === 'python',
    module
  }
}

// The literal parts must have the shape of a statement, not merely an English word like `from`.
const SQL_WORDS =
  /\bselect\b[\s\S]*\bfrom\b|\binsert\s+into\b|\bupdate\s+[\w"`.]+\s+set\b|\bdelete\s+from\b|\bwhere\s+[\w"`.]+\s*(=|like|in\b|<|>)|\b(drop|create|alter)\s+table\b/i
const SQL_CALLS = new Set([
  'query',
  'execute',
  'executemany',
  'executescript',
  'raw',
  'whereRaw',
  'orderByRaw',
  'havingRaw',
  'joinRaw',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  'unsafe',
  'text',
  'exec_driver_sql',
  'prepare',
  'all',
  'get',
  'run'
])
const FS_CALLS =
  /^(readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|createReadStream|createWriteStream|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|readdir|readdirSync|open|openSync|copyFile|copyFileSync|rename|renameSync|readJson|readJsonSync|outputFile|remove|removeSync)$/
const PY_FILE_CALLS = new Set([
  'open',
  'io.open',
  'os.open',
  'os.remove',
  'os.unlink',
  'os.rmdir',
  'os.listdir',
  'shutil.rmtree',
  'shutil.copy',
  'shutil.copyfile',
  'shutil.move',
  'send_file',
  'flask.send_file',
  'codecs.open'
])
const HTTP_METHODS = /^(get|post|put|patch|delete|head|request|options)$/
const PY_HTTP =
  /^(requests|httpx|urllib\.request|urllib3|aiohttp)\.(get|post|put|patch|delete|head|request|urlopen|options)$|^urlopen$/
const PY_SHELL = /^subprocess\.(run|call|Popen|check_output|check_call)$/

function sqlBuild(call: CallSite): string | undefined {
  const arg = call.args[0]
  const kind = buildKind(arg)
  if (!kind || !arg) return undefined
  // The literal parts must read as SQL: `query('a' + b)` on a search API is not a database call.
  return SQL_WORDS.test(literalParts(arg)) ? kind : undefined
}

/** The text inside the argument's string literals (code positions blanked). */
function literalParts(arg: string): string {
  const code = codeOnly(arg)
  let out = ''
  for (let i = 0; i < arg.length; i++)
    out += code[i] === arg[i] && !/\s/.test(arg[i]) ? ' ' : arg[i]
  return out
}

const BUILD_WORDS: Record<string, string> = {
  template: 'a template literal',
  concatenation: 'concatenation',
  'f-string': 'an f-string',
  format: 'string formatting'
}

/** The kinds of sink both languages share, with their worst case: one table for both matchers. */
const WORST: Readonly<Partial<Record<SecurityMessageId, Severity>>> = {
  codeInjection: 'critical',
  commandInjection: 'critical',
  sqlInjection: 'critical',
  unsafeDeserialisation: 'critical',
  pathTraversal: 'high',
  ssrf: 'high',
  xss: 'high',
  openRedirect: 'medium'
}

/** A sink of a kind in the table: its worst case unless the call makes it milder. */
function sinkOf(
  messageId: SecurityMessageId,
  sink: string,
  needsTaint: boolean,
  more: { arg?: number; data?: Record<string, string>; worst?: Severity } = {}
): SinkMatch {
  return {
    messageId,
    sink,
    arg: more.arg ?? 0,
    needsTaint,
    worst: more.worst ?? WORST[messageId] ?? 'high',
    data: more.data ?? {}
  }
}

/** A shell command: built from pieces (reported without a traced input) or a value (needs one). */
function shellCommand(
  sink: string,
  command: string,
  arg = 0,
  how = { plain: 'as a shell command', built: 'as a shell command built by' }
): SinkMatch {
  const built = buildKind(command)
  return sinkOf('commandInjection', sink, !built, {
    arg,
    data: { how: built ? `${how.built} ${BUILD_WORDS[built]}` : how.plain }
  })
}

/** SQL text built by concatenation, a template or formatting: no traced input needed. */
function sqlSink(call: CallSite): SinkMatch | undefined {
  const built = sqlBuild(call)
  return built
    ? sinkOf('sqlInjection', call.callee, false, { data: { build: BUILD_WORDS[built] } })
    : undefined
}

export function classifySink(s: ModuleSinks, call: CallSite): SinkMatch | undefined {
  return (s.python ? pythonSink(call) : javaScriptSink(s, call)) ?? redirectSink(s.module, call)
}

/** A redirect whose target is not a plain literal: reported only when an input reaches the target. */
function redirectSink(module: ModuleModel, call: CallSite): SinkMatch | undefined {
  const index = redirectTarget(module, call)
  if (index === undefined || isRedirectLiteral(call.args[index] ?? '')) return undefined
  return sinkOf('openRedirect', call.callee, true, { arg: index })
}

function javaScriptSink(s: ModuleSinks, call: CallSite): SinkMatch | undefined {
  const { callee, name, receiver, args } = call
  const first = args[0]
  const code = (sink: string, arg = 0): SinkMatch =>
    sinkOf('codeInjection', sink, false, { arg, data: { language: 'JavaScript' } })
  if (callee === 'eval' && first && !isPlainLiteral(first)) return code('eval')
  if (callee === 'Function' && args.length > 0 && !isPlainLiteral(args[args.length - 1]))
    return code(call.isNew ? 'new Function' : 'Function', args.length - 1)
  const vmFn = packageFunction(s.vm, callee, receiver, name)
  if (
    vmFn &&
    /^(runInNewContext|runInThisContext|runInContext|compileFunction|Script)$/.test(vmFn) &&
    first &&
    !isPlainLiteral(first)
  )
    return code(`vm.${vmFn}`)
  if (
    (callee === 'setTimeout' ||
      callee === 'setInterval' ||
      callee === 'window.setTimeout' ||
      callee === 'window.setInterval') &&
    first
  ) {
    // Only a string (literal or built) is evaluated; a function or arrow is not, whatever its body builds.
    if (
      !/^\s*(function\b|async\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(first) &&
      (isPlainLiteral(first) || buildKind(first))
    )
      return { ...code(callee), needsTaint: isPlainLiteral(first), worst: 'high' }
  }
  const cp = packageFunction(s.childProcess, callee, receiver, name)
  if (cp && first) {
    if ((cp === 'exec' || cp === 'execSync') && !isPlainLiteral(first))
      return shellCommand(`child_process.${cp}`, first)
    if (
      /^(spawn|spawnSync|execFile|execFileSync)$/.test(cp) &&
      args.some((a) => /\bshell\s*:\s*(true|['"`])/.test(codeOnly(a)) || /shell\s*:\s*true/.test(a))
    )
      return sinkOf('commandInjection', `child_process.${cp}`, true, {
        data: { how: 'with `shell: true`' }
      })
  }
  const sql = SQL_CALLS.has(name) && name !== 'text' && receiver ? sqlSink(call) : undefined
  if (sql) return sql
  // fstream's Writer writes where its options' `path` points: the path is the option, not the argument.
  if (
    packageFunction(s.fstream, callee, receiver, name) === 'Writer' &&
    /(^|[{,\s])path\s*:/.test(codeOnly(first ?? ''))
  )
    return sinkOf('pathTraversal', callee, true)
  const fsFn =
    packageFunction(s.fs, callee, receiver, name) ??
    (receiver && /^(fs|fsp|fsPromises|fs\.promises)$/.test(receiver) ? name : undefined)
  if (fsFn && FS_CALLS.test(fsFn) && first) return sinkOf('pathTraversal', callee, true)
  if (
    (name === 'sendFile' || name === 'download') &&
    receiver &&
    /^(res|response|reply)$/.test(receiver) &&
    first
  ) {
    if (!args.slice(1).some((a) => /\broot\s*:/.test(a)))
      return sinkOf('pathTraversal', callee, true)
  }
  const httpFn = packageFunction(s.http, callee, receiver, name)
  if (
    callee === 'fetch' ||
    (httpFn &&
      (HTTP_METHODS.test(httpFn) ||
        httpFn === 'default' ||
        ['axios', 'got', 'fetch', 'request', 'needle'].includes(httpFn))) ||
    (receiver === 'axios' && HTTP_METHODS.test(name)) ||
    callee === 'axios'
  ) {
    if (first) return sinkOf('ssrf', callee, true)
  }
  if (
    (callee === 'document.write' || callee === 'document.writeln') &&
    first &&
    !isPlainLiteral(first)
  )
    return sinkOf('xss', callee, false)
  if (name === 'insertAdjacentHTML' && args[1] && !isPlainLiteral(args[1]))
    return sinkOf('xss', callee, false, { arg: 1 })
  if (
    receiver &&
    /^(res|response|reply|ctx)$/.test(receiver) &&
    /^(send|write|end)$/.test(name) &&
    first
  ) {
    const built = buildKind(first)
    if (built && /</.test(first.replace(codeOnly(first), '') + first))
      return sinkOf('xss', callee, false)
  }
  const ns = packageFunction(s.nodeSerialize, callee, receiver, name)
  if (ns === 'unserialize' && first)
    return sinkOf('unsafeDeserialisation', 'node-serialize unserialize', false, {
      data: {
        why: 'it revives functions written as `_$$ND_FUNC$$_` and runs them (an immediately invoked one runs at once).'
      }
    })
  const yamlFn = packageFunction(s.jsYaml, callee, receiver, name)
  if (
    yamlFn &&
    /^(load|loadAll)$/.test(yamlFn) &&
    args.some((a) => /DEFAULT_FULL_SCHEMA|FULL_SCHEMA|js\/function/.test(a))
  )
    return sinkOf('unsafeDeserialisation', `js-yaml ${yamlFn}`, false, {
      worst: 'high',
      data: {
        why: 'the full schema (js-yaml 3) builds JavaScript functions and regular expressions from tags in the document.'
      }
    })
  return undefined
}

function pythonSink(call: CallSite): SinkMatch | undefined {
  const { callee, name, receiver, args } = call
  const first = args[0]
  const positional = args.filter((a) => !/^\s*[A-Za-z_]\w*\s*=(?!=)/.test(a))
  const keywordText = (key: string): string | undefined => {
    const found = args.find((a) => new RegExp(`^\\s*${key}\\s*=(?!=)`).test(a))
    return found?.replace(/^\s*\w+\s*=\s*/, '')
  }
  if ((callee === 'eval' || callee === 'exec') && first && !isPlainLiteral(first))
    return sinkOf('codeInjection', callee, false, { data: { language: 'Python' } })
  if (
    (callee === 'os.system' ||
      callee === 'os.popen' ||
      callee === 'subprocess.getoutput' ||
      callee === 'subprocess.getstatusoutput') &&
    first &&
    !isPlainLiteral(first)
  )
    return shellCommand(callee, first)
  if (
    PY_SHELL.test(callee) &&
    (call.keywords ?? []).includes('shell') &&
    /^True$/.test(keywordText('shell') ?? '') &&
    positional[0] &&
    !isPlainLiteral(positional[0])
  ) {
    return shellCommand(callee, positional[0], args.indexOf(positional[0]), {
      plain: 'with shell=True',
      built: 'with shell=True and a command built by'
    })
  }
  const sql = SQL_CALLS.has(name) && (receiver || name === 'text') ? sqlSink(call) : undefined
  if (sql) return sql
  if (PY_FILE_CALLS.has(callee) && first) return sinkOf('pathTraversal', callee, true)
  if (PY_HTTP.test(callee)) {
    const url = callee.endsWith('.request') ? args[1] : first
    if (url) return sinkOf('ssrf', callee, true, { arg: args.indexOf(url) })
  }
  if (
    (callee === 'render_template_string' ||
      callee === 'flask.render_template_string' ||
      callee === 'Markup' ||
      callee === 'markupsafe.Markup') &&
    first &&
    !isPlainLiteral(first)
  )
    return sinkOf('xss', callee, !buildKind(first))
  const unsafe = pythonDeserialiser(call, keywordText)
  if (unsafe) return sinkOf('unsafeDeserialisation', callee, false, { data: { why: unsafe } })
  return undefined
}

function pythonDeserialiser(
  call: CallSite,
  keywordText: (key: string) => string | undefined
): string | undefined {
  const { callee } = call
  if (
    /^(pickle|cPickle|_pickle|dill|cloudpickle|joblib)\.(load|loads)$/.test(callee) ||
    /^(pandas|pd)\.read_pickle$/.test(callee)
  ) {
    return 'unpickling calls whatever `__reduce__` names, so a crafted pickle runs code.'
  }
  if (/^marshal\.(load|loads)$/.test(callee))
    return 'marshal is not safe against crafted data (it can crash the interpreter or build code objects).'
  if (callee === 'shelve.open')
    return 'shelve stores pickles, so a file someone else can write runs code when read.'
  if (callee === 'jsonpickle.decode')
    return 'jsonpickle rebuilds arbitrary classes named in the document.'
  if (/^yaml\.(unsafe_load|unsafe_load_all)$/.test(callee))
    return 'the unsafe loader builds any Python object a tag names.'
  if (/^yaml\.(load|load_all)$/.test(callee)) {
    const loader = keywordText('Loader') ?? call.args[1]
    if (!loader)
      return 'without a Loader (PyYAML < 5.1 default, an error from 6.0) it builds any Python object a tag names.'
    if (/\b(Unsafe)?Loader\b/.test(loader) && !/Safe|Base/.test(loader))
      return `Loader=${loader.trim()} builds Python objects named by tags.`
  }
  return undefined
}

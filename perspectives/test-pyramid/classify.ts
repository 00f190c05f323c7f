// Classifies each test file as unit, integration or end-to-end: the highest level among what it
// touches (imports and calls, see signals.ts) and the level its folder or file name declares.
import type { CallSite, ModuleModel, TestCase } from '../../src/model/types.js'
import { normaliseSource } from '../shared/product-modules.js'
import {
  CALL_RULES,
  FOLDER_LEVELS,
  FS_FIXTURES,
  HTTP_MOCKS,
  IMPORT_TOUCHES,
  LEVEL_RANK,
  type Level,
  NAME_LEVELS,
  NETWORK_MODULES,
  SCOPE_TOUCHES,
  SERVER_BASES,
  type Touch,
  TOUCH_WORDS
} from './signals.js'

export interface Reason {
  touch?: Touch
  /** What was found, in words: `imports supertest`, `calls app.listen()`, `in folder e2e/`. */
  text: string
  line: number
}

export interface TestFile {
  module: ModuleModel
  framework: string
  /** Test cases (kind test), skipped ones included. */
  tests: TestCase[]
  level: Level
  /** The level its folder or file name declares, if any. */
  declared?: Level
  reasons: Reason[]
  touches: Set<Touch>
  /** Network calls not behind an HTTP mock. */
  networkCalls: CallSite[]
  httpMocked: boolean
  /** Local name -> `module.imported` (or the module for a whole-module import). */
  locals: Map<string, string>
}

export { normaliseSource }

/** Local bindings of imports: `fs` -> `fs`, `{ run }` from subprocess -> `subprocess.run`. */
export function importedLocals(module: ModuleModel): Map<string, string> {
  const locals = new Map<string, string>()
  for (const decl of module.imports) {
    const source = normaliseSource(decl.source).replace(/\//g, '.')
    for (const n of decl.names) {
      if (n.local === '*' || n.local === '') continue
      const whole =
        n.imported === '*' ||
        n.imported === 'default' ||
        (decl.kind === 'python' && n.imported === n.local && source.endsWith(n.local))
      locals.set(n.local, whole ? source : `${source}.${n.imported}`)
    }
  }
  return locals
}

/** The callee with a leading imported local replaced by what it imports: `run` -> `subprocess.run`. */
export function effectiveCallee(call: CallSite, locals: Map<string, string>): string {
  const head = call.callee.split(/[.([]/)[0]
  const mapped = locals.get(head)
  if (!mapped) return call.callee
  return mapped + call.callee.slice(head.length)
}

function split(callee: string): { receiver: string; name: string } {
  const dot = callee.lastIndexOf('.')
  return dot < 0
    ? { receiver: '', name: callee }
    : { receiver: callee.slice(0, dot), name: callee.slice(dot + 1) }
}

export function touchOfImport(source: string): Touch | undefined {
  const s = normaliseSource(source)
  if (IMPORT_TOUCHES[s]) return IMPORT_TOUCHES[s]
  if (s.startsWith('@')) {
    const scope = s.split('/')[0]
    return SCOPE_TOUCHES[scope] ?? IMPORT_TOUCHES[s.split('/').slice(0, 2).join('/')]
  }
  const first = s.split(/[./]/)[0]
  return IMPORT_TOUCHES[first]
}

export function touchOfCall(callee: string): Touch | undefined {
  const { receiver, name } = split(callee)
  const tail = receiver.split('.').pop() ?? ''
  for (const rule of CALL_RULES) {
    if (!rule.names.includes(name)) continue
    if (rule.receivers.includes('*') && receiver !== '') return rule.touch
    if (
      rule.receivers.includes(receiver) ||
      (receiver !== '' &&
        rule.receivers.includes(tail) &&
        !receiver.startsWith('self') &&
        !receiver.startsWith('this'))
    )
      return rule.touch
  }
  return undefined
}

/** The level a path declares: a file-name word first (`x.e2e.ts`), else the deepest folder word. */
export function declaredLevel(path: string): { level: Level; why: string } | undefined {
  const parts = path.split('/')
  const name = parts[parts.length - 1].toLowerCase()
  for (const word of name.split(/[._-]/)) {
    const level = NAME_LEVELS[word]
    if (level) return { level, why: `file name ${parts[parts.length - 1]}` }
  }
  for (let i = parts.length - 2; i >= 0; i--) {
    const level = FOLDER_LEVELS[parts[i].toLowerCase()]
    if (level) return { level, why: `in folder ${parts.slice(0, i + 1).join('/')}/` }
  }
  return undefined
}

function mocksHttp(module: ModuleModel, locals: Map<string, string>): boolean {
  if (
    module.imports.some(
      (d) =>
        HTTP_MOCKS.has(normaliseSource(d.source)) || normaliseSource(d.source).startsWith('msw')
    )
  )
    return true
  return module.calls.some((c) => {
    const callee = effectiveCallee(c, locals)
    const mocking =
      /(^|\.)(mock|doMock|patch|setattr|spyOn|stubGlobal|object)$/.test(callee) ||
      callee.startsWith('mock.patch') ||
      callee.startsWith('patch')
    return mocking && c.args.some((a) => NETWORK_MODULES.some((m) => a.includes(m)))
  })
}

const EXEMPT_DECL_LEVEL: Level = 'unit'

export function classify(module: ModuleModel): TestFile {
  const locals = importedLocals(module)
  const reasons: Reason[] = []
  const touches = new Set<Touch>()
  const seen = new Set<string>()
  const add = (touch: Touch, text: string, line: number) => {
    touches.add(touch)
    if (seen.has(text)) return
    seen.add(text)
    reasons.push({ touch, text, line })
  }
  for (const decl of module.imports) {
    if (decl.typeOnly) continue
    const touch = touchOfImport(decl.source)
    if (touch) add(touch, `imports ${decl.source}`, decl.loc.startLine)
  }
  const httpMocked = mocksHttp(module, locals)
  const networkCalls: CallSite[] = []
  // A bare call to a function the file defines itself (a local `fetch` helper) is not the library call.
  const ownFunctions = new Set(module.functions.map((f) => f.name))
  for (const call of module.calls) {
    if (!call.receiver && ownFunctions.has(call.callee)) continue
    const callee = effectiveCallee(call, locals)
    const touch = touchOfCall(callee)
    if (!touch) continue
    if (touch === 'network') {
      if (httpMocked) continue
      networkCalls.push(call)
    }
    add(touch, `calls ${call.callee}()`, call.loc.startLine)
  }
  for (const cls of module.classes) {
    const base = cls.bases.find((b) => SERVER_BASES.has(b.split('.').pop() ?? b))
    if (base) add('server', `extends ${base}`, cls.loc.startLine)
  }
  if (module.language === 'python') {
    for (const fn of module.functions) {
      const fixture = fn.params.find((p) => FS_FIXTURES.has(p.name))
      if (fixture && fn.name.startsWith('test'))
        add('filesystem', `uses the ${fixture.name} fixture`, fn.loc.startLine)
    }
  }
  const declared = declaredLevel(module.path)
  let level: Level = declared?.level ?? EXEMPT_DECL_LEVEL
  if (declared) reasons.unshift({ text: declared.why, line: 1 })
  for (const touch of touches) {
    const l: Level = touch === 'browser' ? 'e2e' : 'integration'
    if (LEVEL_RANK[l] > LEVEL_RANK[level]) level = l
  }
  const tests = (module.test?.cases ?? []).filter((c) => c.kind === 'test')
  return {
    module,
    framework: module.test?.framework ?? 'unknown',
    tests,
    level,
    ...(declared ? { declared: declared.level } : {}),
    reasons,
    touches,
    networkCalls,
    httpMocked,
    locals
  }
}

/** `starts a server (calls app.listen()), writes files (calls fs.writeFileSync())`. */
export function reasonSummary(file: TestFile, max = 3): string {
  const parts = file.reasons
    .slice(0, max)
    .map((r) => (r.touch ? `${TOUCH_WORDS[r.touch]}: ${r.text}` : r.text))
  const more = file.reasons.length - parts.length
  return parts.join('; ') + (more > 0 ? `; ${more} more` : '')
}

/** Files the model counts as tests and that declare test cases (helpers and conftest.py have none). */
export function testFiles(modules: ModuleModel[]): TestFile[] {
  return modules
    .filter((m) => m.isTest && m.test && m.test.cases.some((c) => c.kind === 'test'))
    .map(classify)
    .sort((a, b) => a.module.path.localeCompare(b.module.path))
}

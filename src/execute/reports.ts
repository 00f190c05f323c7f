// The runners' structured reports -> one result per test file. Statuses come from the report's own
// fields (jest/vitest JSON, mocha JSON, JUnit XML from node:test and pytest), never from the prose a
// runner prints.
import { XMLParser } from 'fast-xml-parser'

export type CaseStatus = 'passed' | 'failed' | 'skipped'

export interface CaseResult {
  name: string
  status: CaseStatus
  message: string | null
}

export interface FileReport {
  cases: CaseResult[]
  /** Set when the file did not load (syntax, import, collection error). */
  loadError: string | null
}

/** The first lines of a failure, without ANSI codes: enough to read the assertion. */
export function shortMessage(text: string | undefined | null, max = 600): string | null {
  if (!text) return null
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '').trim()
  const lines = plain.split('\n').filter((l) => !/^\s+at\s/.test(l))
  const kept = lines.slice(0, 12).join('\n').trim()
  return kept.length > max ? `${kept.slice(0, max - 1)}…` : kept
}

const JEST_STATUS: Record<string, CaseStatus> = {
  passed: 'passed',
  failed: 'failed',
  pending: 'skipped',
  skipped: 'skipped',
  todo: 'skipped',
  disabled: 'skipped',
  focused: 'passed'
}

interface JestJson {
  testResults?: {
    status?: string
    message?: string
    assertionResults?: {
      fullName?: string
      title?: string
      status?: string
      failureMessages?: string[]
    }[]
  }[]
}

/** jest `--json` and vitest `--reporter=json` (the same shape). */
export function parseJestJson(text: string): FileReport | null {
  let data: JestJson
  try {
    data = JSON.parse(text) as JestJson
  } catch {
    return null
  }
  if (!Array.isArray(data.testResults)) return null
  const cases: CaseResult[] = []
  let loadError: string | null = null
  for (const file of data.testResults) {
    const assertions = file.assertionResults ?? []
    for (const a of assertions) {
      cases.push({
        name: a.fullName || a.title || '(unnamed)',
        status: JEST_STATUS[a.status ?? ''] ?? 'failed',
        message: shortMessage((a.failureMessages ?? []).join('\n'))
      })
    }
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed'))
      loadError = shortMessage(file.message) ?? 'the test file failed to run'
  }
  if (data.testResults.length === 0)
    loadError =
      'the runner found no test in the file (its configuration does not pick up this path)'
  return { cases, loadError }
}

interface MochaTest {
  fullTitle?: string
  title?: string
  err?: { message?: string }
}

/** mocha `--reporter json`. */
export function parseMochaJson(text: string): FileReport | null {
  let data: {
    tests?: MochaTest[]
    passes?: MochaTest[]
    failures?: MochaTest[]
    pending?: MochaTest[]
  }
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (!Array.isArray(data.tests)) return null
  const name = (t: MochaTest): string => t.fullTitle || t.title || '(unnamed)'
  const cases: CaseResult[] = []
  let loadError: string | null = null
  for (const t of data.passes ?? []) cases.push({ name: name(t), status: 'passed', message: null })
  for (const t of data.pending ?? [])
    cases.push({ name: name(t), status: 'skipped', message: null })
  for (const t of data.failures ?? []) {
    // A hook or the file itself failing shows up as a failure titled after the hook.
    if (/"(before|after) (all|each)" hook/.test(name(t)))
      loadError = shortMessage(t.err?.message) ?? 'a hook failed'
    else cases.push({ name: name(t), status: 'failed', message: shortMessage(t.err?.message) })
  }
  return { cases, loadError }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  textNodeName: '#text',
  isArray: (name) =>
    name === 'testsuite' ||
    name === 'testcase' ||
    name === 'failure' ||
    name === 'error' ||
    name === 'skipped'
})

type XmlNode = Record<string, unknown>

function nodeText(node: unknown): string | null {
  if (node === undefined || node === null) return null
  if (typeof node === 'string') return node
  const n = node as XmlNode
  const message = typeof n.message === 'string' ? n.message : ''
  const body = typeof n['#text'] === 'string' ? n['#text'] : ''
  return [message, body].filter(Boolean).join('\n') || (typeof n.type === 'string' ? n.type : '')
}

function collectCases(node: XmlNode, out: XmlNode[]): void {
  for (const c of (node.testcase as XmlNode[] | undefined) ?? []) out.push(c)
  for (const s of (node.testsuite as XmlNode[] | undefined) ?? []) collectCases(s, out)
}

/**
 * JUnit XML from pytest (`--junitxml`) or node:test (`--test-reporter=junit`). A load error is what
 * each runner reports for a file that does not import: pytest a case with an empty class name and an
 * `<error>` (collection failure), node:test one failing case named after the file's absolute path.
 */
export function parseJUnitReport(text: string, absoluteTestFile: string): FileReport | null {
  let doc: XmlNode
  try {
    doc = xml.parse(text) as XmlNode
  } catch {
    return null
  }
  const rootNode =
    (doc.testsuites as XmlNode | undefined) ??
    (doc.testsuite ? { testsuite: doc.testsuite } : undefined)
  if (!rootNode || typeof rootNode !== 'object') return null
  const raw: XmlNode[] = []
  collectCases(rootNode, raw)
  const cases: CaseResult[] = []
  let loadError: string | null = null
  for (const c of raw) {
    const name = String(c.name ?? '(unnamed)')
    const errors = (c.error as unknown[] | undefined) ?? []
    const failures = (c.failure as unknown[] | undefined) ?? []
    const skipped = (c.skipped as unknown[] | undefined) ?? []
    if (errors.length > 0 && String(c.classname ?? '') === '')
      loadError = shortMessage(nodeText(errors[0])) ?? 'the file did not load'
    else if (failures.length > 0 && name === absoluteTestFile)
      loadError = shortMessage(nodeText(failures[0])) ?? 'the file did not load'
    else if (failures.length > 0 || errors.length > 0)
      cases.push({
        name,
        status: 'failed',
        message: shortMessage(nodeText(failures[0] ?? errors[0]))
      })
    else if (skipped.length > 0)
      cases.push({ name, status: 'skipped', message: skipReason(skipped[0]) })
    else cases.push({ name, status: 'passed', message: null })
  }
  return { cases, loadError }
}

/** node:test writes `<skipped type="todo" message="true"/>`: the type is the reason then. */
function skipReason(node: unknown): string | null {
  if (typeof node === 'object' && node !== null) {
    const n = node as XmlNode
    if (n.message === 'true' && typeof n.type === 'string') return n.type
  }
  return shortMessage(nodeText(node))
}

// A YAML file parsed with positions: every node can say on which lines of the file it sits, so that
// findings quote the exact key or step they are about. Reads the `yaml` package's document API.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap
} from 'yaml'
import { splitLines } from '../shared/evidence.js'

export interface YamlFile {
  path: string
  text: string
  lines: string[]
  doc: Document.Parsed
  /** The first parse error, when the file is not valid YAML. */
  error?: { line: number; message: string }
  /** 1-based line of a character offset. */
  lineAt(offset: number): number
}

export function parseYaml(path: string, text: string): YamlFile {
  const counter = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: counter,
    keepSourceTokens: true,
    uniqueKeys: false
  })
  // GitHub resolves YAML aliases (`- *setup-uv` repeats an anchored step): every check sees the anchored
  // node in the alias's place, quoted at the anchor (isort's CI, round 8).
  if (doc.errors.length === 0) visit(doc, { Alias: (_, alias) => alias.resolve(doc) ?? undefined })
  const first = doc.errors[0]
  const lineAt = (offset: number): number =>
    counter.linePos(Math.max(0, Math.min(offset, text.length))).line
  return {
    path,
    text,
    lines: splitLines(text),
    doc,
    error: first
      ? { line: first.linePos?.[0].line ?? 1, message: first.message.split('\n')[0] }
      : undefined,
    lineAt
  }
}

/** Lines [start, end] a node covers (its last line is that of its last character). */
export function nodeLines(
  file: YamlFile,
  node: Node | null | undefined
): { start: number; end: number } {
  const range = node?.range
  if (!range) return { start: 1, end: 1 }
  const start = file.lineAt(range[0])
  const end = Math.max(start, file.lineAt(Math.max(range[0], range[1] - 1)))
  return { start, end }
}

/** The line of a map entry's key (where a reader looks for it). */
export function pairLine(file: YamlFile, pair: Pair): number {
  const key = pair.key as Node | null
  return key?.range ? file.lineAt(key.range[0]) : nodeLines(file, pair.value as Node).start
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined
}

/** A map's entries with plain string keys, in file order. */
export function entries(map: YAMLMap | undefined): { key: string; pair: Pair; value: unknown }[] {
  if (!map) return []
  const out: { key: string; pair: Pair; value: unknown }[] = []
  for (const item of map.items) {
    if (!isPair(item)) continue
    const key = isScalar(item.key) ? String(item.key.value) : null
    if (key !== null) out.push({ key, pair: item, value: item.value })
  }
  return out
}

export function entry(
  map: YAMLMap | undefined,
  key: string
): { key: string; pair: Pair; value: unknown } | undefined {
  return entries(map).find((e) => e.key === key)
}

/** A scalar's value as text (numbers and booleans too), or undefined for collections and null. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined
  return String(node.value)
}

/** Items of a sequence, or the single node when it is not one. */
export function listItems(node: unknown): unknown[] {
  if (isSeq(node)) return node.items
  return node === null || node === undefined ? [] : [node]
}

/** The lines of the file a node covers, for searching inside a `run:` block. */
export function linesOf(
  file: YamlFile,
  node: Node | null | undefined
): { line: number; text: string }[] {
  const { start, end } = nodeLines(file, node)
  const out: { line: number; text: string }[] = []
  for (let line = start; line <= end; line++) out.push({ line, text: file.lines[line - 1] ?? '' })
  return out
}

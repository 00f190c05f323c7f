// Writes a synthetic repository of a given size for the benchmark: realistic TypeScript (imports,
// classes, functions with branches and loops, calls, try/catch, tests) or Python, from a seeded
// generator so that two runs measure the same input.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export type SyntheticLanguage = 'ts' | 'py' | 'mixed'

export interface SyntheticOptions {
  /** Stop when this many lines were written (whichever of lines/bytes comes first). */
  lines?: number
  bytes?: number
  /** Number of source files; lines are spread over them. Default: one file per ~400 lines. */
  files?: number
  language?: SyntheticLanguage
  seed?: number
}

export interface SyntheticResult {
  files: number
  lines: number
  bytes: number
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = [
  'user',
  'order',
  'item',
  'cache',
  'token',
  'record',
  'batch',
  'query',
  'event',
  'report',
  'price',
  'stock',
  'path',
  'entry',
  'limit'
]

class Writer {
  private readonly rnd: () => number
  constructor(seed: number) {
    this.rnd = random(seed)
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)]
  }
  int(max: number): number {
    return Math.floor(this.rnd() * max)
  }
  word(): string {
    return this.pick(WORDS)
  }
  cap(s: string): string {
    return s[0].toUpperCase() + s.slice(1)
  }
}

function tsFunction(w: Writer, name: string, indent: string, method: boolean): string[] {
  const a = w.word()
  const b = w.word()
  const n = w.int(100)
  const head = method
    ? `${indent}async ${name}(${a}s: ${w.cap(a)}[], ${b}Limit = ${n}): Promise<number> {`
    : `${indent}export async function ${name}(${a}s: ${w.cap(a)}[], ${b}Limit = ${n}): Promise<number> {`
  const i = `${indent}  `
  return [
    head,
    `${i}let total = 0`,
    `${i}if (${a}s.length === 0) {`,
    `${i}  throw new RangeError('no ${a}s to process in ${name}')`,
    `${i}}`,
    `${i}for (let i = 0; i < ${a}s.length; i++) {`,
    `${i}  const current = ${a}s[i]`,
    `${i}  if (current.${b} > ${b}Limit && current.kind !== '${w.word()}') {`,
    `${i}    total += await this.fetch${w.cap(b)}(current.id, { retries: ${w.int(5)} })`,
    `${i}  } else if (current.${b} === ${n}) {`,
    `${i}    continue`,
    `${i}  }`,
    `${i}}`,
    `${i}try {`,
    `${i}  const parsed = JSON.parse(format${w.cap(a)}(total, '${w.word()}'))`,
    `${i}  total = parsed.value ?? total`,
    `${i}} catch (error) {`,
    `${i}  logger.warn('could not parse ${a}', error)`,
    `${i}}`,
    `${i}switch (${a}s[0].kind) {`,
    `${i}  case '${w.word()}':`,
    `${i}    return total * 2`,
    `${i}  case '${w.word()}':`,
    `${i}    return total > 10 ? total : -1`,
    `${i}  default:`,
    `${i}    return total`,
    `${i}}`,
    `${indent}}`,
    ''
  ]
}

function tsModule(w: Writer, index: number, targetLines: number): string {
  const lines: string[] = [
    `import { readFile } from 'node:fs/promises'`,
    `import { logger } from '../util/logger.js'`,
    index > 0
      ? `import { Service${index - 1} } from './service-${index - 1}.js'`
      : `import type { Options } from '../util/options.js'`,
    '',
    `const registry = new Map<string, number>()`,
    `export const DEFAULT_LIMIT_${index} = ${w.int(1000)}`,
    ''
  ]
  let fn = 0
  while (lines.length < targetLines) {
    const cls = `Service${index}${fn > 0 ? `Part${fn}` : ''}`
    lines.push(`export class ${cls} {`, `  private readonly cache = new Map<string, string>()`, '')
    for (let m = 0; m < 3 && lines.length < targetLines; m++)
      lines.push(...tsFunction(w, `${w.word()}${w.cap(w.word())}${m}`, '  ', true))
    lines.push('}', '')
    if (lines.length < targetLines)
      lines.push(...tsFunction(w, `handle${w.cap(w.word())}${fn}`, '', false))
    fn++
  }
  lines.push(
    `export function register${index}(key: string): void {`,
    `  registry.set(key, (registry.get(key) ?? 0) + 1)`,
    '}',
    ''
  )
  return lines.join('\n')
}

function tsTest(w: Writer, index: number): string {
  return [
    `import { describe, expect, it } from '@jest/globals'`,
    `import { Service${index}, register${index} } from '../src/service-${index}.js'`,
    '',
    `describe('Service${index}', () => {`,
    `  it('rejects an empty list', async () => {`,
    `    await expect(new Service${index}().${w.word()}(([]))).rejects.toThrow(RangeError)`,
    `  })`,
    `  it.skip('registers', () => {`,
    `    register${index}('${w.word()}')`,
    `  })`,
    `})`,
    ''
  ].join('\n')
}

function pyModule(w: Writer, index: number, targetLines: number): string {
  const lines: string[] = [
    'import json',
    'import logging',
    `from .util import helper_${index}`,
    '',
    'log = logging.getLogger(__name__)',
    'REGISTRY = {}',
    ''
  ]
  let n = 0
  while (lines.length < targetLines) {
    const a = w.word()
    lines.push(
      `class ${w.cap(a)}Service${n}:`,
      `    def __init__(self, limit: int = ${w.int(100)}) -> None:`,
      `        self.limit = limit`,
      '',
      `    def process(self, ${a}s: list[dict], strict: bool = False) -> int:`,
      `        total = 0`,
      `        if not ${a}s:`,
      `            raise ValueError("no ${a}s")`,
      `        for item in ${a}s:`,
      `            if item.get("${w.word()}") > self.limit and item["kind"] != "${w.word()}":`,
      `                total += helper_${index}(item, retries=${w.int(5)})`,
      `            elif item.get("size") == ${w.int(50)}:`,
      `                continue`,
      `        try:`,
      `            total = json.loads(str(total))`,
      `        except ValueError as error:`,
      `            log.warning("bad total %s", error)`,
      `        return total`,
      ''
    )
    n++
  }
  return lines.join('\n')
}

export function writeSyntheticRepository(root: string, options: SyntheticOptions): SyntheticResult {
  const w = new Writer(options.seed ?? 42)
  const maxLines = options.lines ?? Number.POSITIVE_INFINITY
  const maxBytes = options.bytes ?? Number.POSITIVE_INFINITY
  const language = options.language ?? 'ts'
  const perFile =
    options.files && Number.isFinite(maxLines)
      ? Math.max(20, Math.ceil(maxLines / options.files))
      : 400
  const result: SyntheticResult = { files: 0, lines: 0, bytes: 0 }
  const write = (path: string, text: string): void => {
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, text)
    result.files++
    result.lines += text.split('\n').length - 1
    result.bytes += Buffer.byteLength(text)
  }
  write(
    'package.json',
    JSON.stringify({ name: 'synthetic', version: '1.0.0', type: 'module' }, null, 2) + '\n'
  )
  write(
    'src/util/logger.ts',
    `export const logger = { warn: (...args: unknown[]) => args.length }\n`
  )
  for (let i = 0; result.lines < maxLines && result.bytes < maxBytes; i++) {
    if (options.files && i >= options.files) break
    const py = language === 'py' || (language === 'mixed' && i % 2 === 1)
    if (py) write(`pkg/service_${i}.py`, pyModule(w, i, perFile))
    else {
      write(`src/service-${i}.ts`, tsModule(w, i, perFile))
      if (i % 5 === 0) write(`__tests__/service-${i}.test.ts`, tsTest(w, i))
    }
  }
  return result
}

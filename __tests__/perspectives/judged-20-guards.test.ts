// Judged rounds 10-12 (docs/evaluation/guards.md, "guards20"): shapes judged false among the report's first
// items, each asserted absent beside its true twin, by file and line.
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import integrationPoints from '../../perspectives/integration-points/index.js'
import performance from '../../perspectives/performance/index.js'
import scope from '../../perspectives/scope/index.js'
import { findings, rows } from './judged-helpers.js'

describe('integration-points httpCallWithoutTimeout (marp-cli: a fetch inside page.evaluate)', () => {
  it("a fetch in a function a browser page runs is the page's, not Node's; the same fetch in the module is reported", async () => {
    const preview = [
      "import type { Page } from 'puppeteer-core'", // 1
      '', // 2
      'export async function openInPage(page: Page, uri: string): Promise<void> {', // 3
      '  await page.evaluate(async (u: string) => {', // 4
      "    const res = await fetch(u, { cache: 'no-cache' })", // 5
      '    location.href = URL.createObjectURL(await res.blob())', // 6
      '  }, uri)', // 7
      '}', // 8
      '', // 9
      'export async function readHere(uri: string): Promise<string> {', // 10
      "  const res = await fetch(uri, { cache: 'no-cache' })", // 11
      '  return res.text()', // 12
      '}', // 13
      '', // 14
      'export async function titleOf(page: Page): Promise<string> {', // 15
      "  return page.$eval('a', async (a) => (await fetch(a.getAttribute('href') ?? '')).text())", // 16
      '}', // 17
      ''
    ].join('\n')
    const found = await findings(integrationPoints as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'viewer',
        version: '1.0.0',
        type: 'module',
        main: 'dist/preview.js',
        dependencies: { 'puppeteer-core': '^22.0.0' }
      }),
      'src/preview.ts': preview
    })
    expect(rows(found, 'httpCallWithoutTimeout')).toEqual([
      'httpCallWithoutTimeout src/preview.ts:11'
    ])
  })
})

describe('performance catastrophicRegex (marp-cli: a pattern over /proc/version)', () => {
  it("a pattern that only ever matches a system file's text is not reported; the same pattern over a parameter is", async () => {
    const wsl = [
      "import fs from 'node:fs'", // 1
      '', // 2
      'export async function gccMajor(): Promise<number> {', // 3
      "  const verStr = await fs.promises.readFile('/proc/version', 'utf8')", // 4
      '  const m = verStr.match(/gcc[^,]+?(\\d+)\\.\\d+\\.\\d+/)', // 5
      '  return m ? Number(m[1]) : 0', // 6
      '}', // 7
      '', // 8
      'export function gccMajorOf(text: string): number {', // 9
      '  const m = text.match(/gcc[^,]+?(\\d+)\\.\\d+\\.\\d+/)', // 10
      '  return m ? Number(m[1]) : 0', // 11
      '}', // 12
      '', // 13
      'export async function gccOfFile(path: string): Promise<number> {', // 14
      "  const verStr = await fs.promises.readFile(path, 'utf8')", // 15
      '  const m = verStr.match(/gcc[^,]+?(\\d+)\\.\\d+\\.\\d+/)', // 16
      '  return m ? Number(m[1]) : 0', // 17
      '}', // 18
      ''
    ].join('\n')
    const found = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'wsl-info',
        version: '1.0.0',
        type: 'module',
        main: 'dist/wsl.js'
      }),
      'src/wsl.ts': wsl
    })
    expect(rows(found, 'catastrophicRegex')).toEqual([
      'catastrophicRegex src/wsl.ts:10',
      'catastrophicRegex src/wsl.ts:16'
    ])
  })
})

describe('scope untestedPublicUnit (lowdb: a subclass that only forwards to its base)', () => {
  it('an untested subclass whose constructor only calls super is rated low; one with its own method keeps its severity', async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({
        name: 'store',
        version: '1.0.0',
        type: 'module',
        main: 'src/index.ts',
        scripts: { test: 'jest' }
      }),
      'src/web-storage.ts': [
        'export class WebStorage {', // 1
        '  constructor(private key: string, private storage: Storage) {}', // 2
        '  read(): string | null {', // 3
        '    return this.storage.getItem(this.key)', // 4
        '  }', // 5
        '}', // 6
        ''
      ].join('\n'),
      'src/local-storage.ts': [
        "import { WebStorage } from './web-storage.js'", // 1
        '', // 2
        'export class LocalStorage extends WebStorage {', // 3
        '  constructor(key: string) {', // 4
        '    super(key, localStorage)', // 5
        '  }', // 6
        '}', // 7
        ''
      ].join('\n'),
      'src/session-storage.ts': [
        "import { WebStorage } from './web-storage.js'", // 1
        '', // 2
        'export class SessionStorage extends WebStorage {', // 3
        '  constructor(key: string) {', // 4
        '    super(key, sessionStorage)', // 5
        '  }', // 6
        '  clear(): void {', // 7
        '    sessionStorage.clear()', // 8
        '  }', // 9
        '}', // 10
        ''
      ].join('\n'),
      'src/presets.ts': [
        "import { LocalStorage } from './local-storage.js'", // 1
        "import { SessionStorage } from './session-storage.js'", // 2
        '', // 3
        'export const local = (key: string) => new LocalStorage(key)', // 4
        'export const session = (key: string) => new SessionStorage(key)', // 5
        ''
      ].join('\n'),
      'src/index.ts': [
        "export { LocalStorage } from './local-storage.js'", // 1
        "export { SessionStorage } from './session-storage.js'", // 2
        "export { WebStorage } from './web-storage.js'", // 3
        "export * from './presets.js'", // 4
        ''
      ].join('\n'),
      'test/web-storage.test.ts': [
        "import { WebStorage } from '../src/web-storage.js'", // 1
        '', // 2
        "test('reads', () => {", // 3
        "  const s = new WebStorage('k', { getItem: () => 'v' } as unknown as Storage)", // 4
        "  expect(s.read()).toBe('v')", // 5
        '})', // 6
        ''
      ].join('\n')
    }
    const found = await findings(scope as Perspective<string, unknown>, files)
    const units = found
      .filter((f) => f.messageId === 'untestedPublicUnit' && f.file !== 'src/presets.ts')
      .map((f) => `${f.file}:${f.startLine} ${f.severity}`)
      .sort()
    expect(units).toEqual(['src/local-storage.ts:3 low', 'src/session-storage.ts:3 medium'])
  })
})

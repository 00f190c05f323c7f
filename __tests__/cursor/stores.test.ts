import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CursorAccessError,
  LocalCursorStore,
  RepositoryVariableStore
} from '../../src/cursor/stores.js'
import { createGitHubClient } from '../../src/github/client.js'
import { recordingLogger } from '../../src/log.js'
import { FakeGitHub } from '../helpers/fake-github.js'

describe('RepositoryVariableStore against the variables API', () => {
  let github: FakeGitHub
  beforeEach(async () => {
    github = await new FakeGitHub().addToken('good', 'write').addToken('weak', 'none').start()
  })
  afterEach(() => github.stop())

  const store = (token: string) =>
    new RepositoryVariableStore(
      createGitHubClient({
        token,
        apiUrl: github.url,
        logger: recordingLogger(),
        sleep: async () => undefined
      }),
      'octo',
      'repo',
      'TEST_PLANNING_CURSOR'
    )

  it('reads a missing variable as null and creates it on the first write (POST, never an overwrite)', async () => {
    const s = store('good')
    expect(await s.read()).toBeNull()
    await s.write('{"next":"scope","iteration":1}')
    expect(github.variable('octo/repo', 'TEST_PLANNING_CURSOR')?.value).toBe(
      '{"next":"scope","iteration":1}'
    )
    expect(github.calls()).toEqual([
      'GET /repos/octo/repo/actions/variables/TEST_PLANNING_CURSOR',
      'POST /repos/octo/repo/actions/variables'
    ])
    expect(github.requests[1].body).toEqual({
      name: 'TEST_PLANNING_CURSOR',
      value: '{"next":"scope","iteration":1}'
    })
  })

  it('a variable that read as missing but exists (a spurious 404) is left as it is', async () => {
    github.setVariable('octo/repo', 'TEST_PLANNING_CURSOR', '{"next":"security","iteration":40}')
    github.injectFault({ kind: 'status', status: 404, method: 'GET', times: 1 })
    const s = store('good')
    expect(await s.read()).toBeNull()
    await expect(s.write('{"next":"failure-modes","iteration":2}')).rejects.toThrow(
      /exists although reading it answered 404/
    )
    expect(github.variable('octo/repo', 'TEST_PLANNING_CURSOR')?.value).toBe(
      '{"next":"security","iteration":40}'
    )
  })

  it('updates an existing variable with PATCH only', async () => {
    github.setVariable('octo/repo', 'TEST_PLANNING_CURSOR', '2')
    const s = store('good')
    expect(await s.read()).toBe('2')
    await s.write('3')
    expect(github.variable('octo/repo', 'TEST_PLANNING_CURSOR')?.value).toBe('3')
    expect(github.calls().filter((c) => c.startsWith('POST'))).toEqual([])
  })

  it('turns 403 into a CursorAccessError that names the status and GitHub message', async () => {
    const s = store('weak')
    const error = await s.read().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CursorAccessError)
    expect((error as CursorAccessError).status).toBe(403)
    expect((error as Error).message).toContain('HTTP 403 (Resource not accessible by integration)')
    await expect(s.write('1')).rejects.toBeInstanceOf(CursorAccessError)
  })

  it('treats bad credentials (401) as an access error too', async () => {
    await expect(store('unknown').read()).rejects.toMatchObject({
      name: 'CursorAccessError',
      status: 401
    })
  })
})

describe('LocalCursorStore', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cursor-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads null before the first write, then what was written, from cursor.json', async () => {
    const s = new LocalCursorStore(join(dir, 'results'))
    expect(await s.read()).toBeNull()
    await s.write('{"next":"scope","iteration":1}')
    expect(readFileSync(join(dir, 'results', 'cursor.json'), 'utf8')).toBe(
      '{"next":"scope","iteration":1}\n'
    )
    expect((await s.read())?.trim()).toBe('{"next":"scope","iteration":1}')
  })

  it('returns a hand-edited value as it is (interpretation is the rotation’s job)', async () => {
    writeFileSync(join(dir, 'cursor.json'), 'security\n')
    expect(await new LocalCursorStore(dir).read()).toBe('security\n')
  })
})

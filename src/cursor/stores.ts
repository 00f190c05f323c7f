// Where the cursor lives: a repository variable (the action) or cursor.json in the local results
// folder (the CLI). A store reads the raw text and writes it back; it does not interpret it.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { GitHubClient } from '../github/client.js'
import { statusOf } from '../github/client.js'
import { errorMessage } from '../util/errors.js'

export interface CursorStore {
  /** For messages: `repository variable TEST_PLANNING_CURSOR`, `.test-planning/cursor.json`. */
  readonly description: string
  /** The raw value, or null when it does not exist yet. */
  read(): Promise<string | null>
  write(value: string): Promise<void>
}

/** The store refused us (no token, or a token without the permission): use the fallback. */
export class CursorAccessError extends Error {
  constructor(
    message: string,
    readonly status: number | null
  ) {
    super(message)
    this.name = 'CursorAccessError'
  }
}

function accessError(error: unknown, action: string, what: string): Error {
  const status = statusOf(error)
  const detail = errorMessage(error).replace(/ - https?:\/\/\S+$/, '')
  if (status === 401 || status === 403)
    return new CursorAccessError(`${action} ${what}: HTTP ${status} (${detail})`, status)
  if (status === 404)
    return new CursorAccessError(
      `${action} ${what}: HTTP 404 (the token cannot see the repository)`,
      status
    )
  return new Error(`${action} ${what}: ${status ? `HTTP ${status} (${detail})` : detail}`)
}

/** The store answered, but with something that is not a cursor value (a malformed answer): nothing is replaced. */
export class CursorReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CursorReadError'
  }
}

/** GitHub Actions repository variable through the REST API; created on first write. */
export class RepositoryVariableStore implements CursorStore {
  readonly description: string

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    private readonly name: string
  ) {
    this.description = `repository variable ${name}`
  }

  /** Whether a read of this run found the variable: a later 404 is then spurious, not "does not exist". */
  private found = false
  /** Whether a read of this run answered 404: the first write then creates, and never overwrites. */
  private missing = false

  async read(): Promise<string | null> {
    let response
    try {
      response = await this.client.request('GET /repos/{owner}/{repo}/actions/variables/{name}', {
        owner: this.owner,
        repo: this.repo,
        name: this.name
      })
    } catch (error) {
      if (statusOf(error) === 404 && !this.found) {
        this.missing = true
        return null
      }
      if (statusOf(error) === 404)
        throw new CursorReadError(
          `reading ${this.description}: HTTP 404 although it was read earlier in this run`
        )
      throw accessError(error, 'reading', this.description)
    }
    const value = (response.data as { value?: unknown } | null | undefined)?.value
    if (typeof value !== 'string') {
      throw new CursorReadError(
        `reading ${this.description}: the API answered ${response.status} without a value (a malformed answer)`
      )
    }
    this.found = true
    return value
  }

  async write(value: string): Promise<void> {
    const params = { owner: this.owner, repo: this.repo, name: this.name, value }
    if (this.missing) {
      // It read as missing: create it. If it exists after all, the 404 was spurious and the stored
      // value (the last known cursor) is left as it is rather than overwritten with a restart.
      try {
        await this.client.request('POST /repos/{owner}/{repo}/actions/variables', params)
        this.missing = false
        return
      } catch (error) {
        if (statusOf(error) === 409) {
          throw new CursorReadError(
            `creating ${this.description}: it exists although reading it answered 404; its value is left as it is and the next run continues from it`
          )
        }
        throw accessError(error, 'creating', this.description)
      }
    }
    try {
      await this.client.request('PATCH /repos/{owner}/{repo}/actions/variables/{name}', params)
      return
    } catch (error) {
      if (statusOf(error) !== 404) throw accessError(error, 'updating', this.description)
    }
    try {
      await this.client.request('POST /repos/{owner}/{repo}/actions/variables', params)
    } catch (error) {
      // Created meanwhile by a concurrent run: update it instead.
      if (statusOf(error) === 409) {
        await this.client
          .request('PATCH /repos/{owner}/{repo}/actions/variables/{name}', params)
          .catch((e: unknown) => {
            throw accessError(e, 'updating', this.description)
          })
        return
      }
      throw accessError(error, 'creating', this.description)
    }
  }
}

export const LOCAL_CURSOR_FILE = 'cursor.json'

/** `cursor.json` in the local results folder, written atomically. */
export class LocalCursorStore implements CursorStore {
  readonly description: string
  private readonly path: string

  constructor(dir: string) {
    this.path = join(dir, LOCAL_CURSOR_FILE)
    this.description = this.path
  }

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new Error(`reading ${this.path}: ${errorMessage(error)}`)
    }
  }

  async write(value: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true })
    const temp = `${this.path}.${process.pid}.${Date.now()}.tmp`
    try {
      await writeFile(temp, `${value}\n`, { encoding: 'utf8', flag: 'wx' })
      await rename(temp, this.path)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
  }
}

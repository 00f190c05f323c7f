// One child process of the target's code: its own process group (so a time-out kills the whole tree,
// grandchildren included), an allow-list environment, no network where the platform allows it
// (`unshare -n` when running as root on Linux), output kept to a bounded size.
import { spawn, spawnSync } from 'node:child_process'

export interface SpawnRequest {
  command: string
  args: string[]
  cwd: string
  env: Record<string, string>
  /** Milliseconds before the process group is killed. */
  timeoutMs: number
  /** Run in a new network namespace when possible. */
  isolateNetwork?: boolean
}

export interface SpawnResult {
  code: number | null
  signal: string | null
  /** The process group was killed at the time limit. */
  killed: boolean
  stdout: string
  stderr: string
  /** Why the network was not isolated (null when it was, or was not asked for). */
  networkNote: string | null
}

const MAX_OUTPUT = 1024 * 1024

let unshareWorks: boolean | undefined

/** Whether `unshare -n` can start a process here (root on Linux with the util-linux tool). */
export function networkIsolationAvailable(): boolean {
  if (unshareWorks === undefined) {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) unshareWorks = false
    else {
      const probe = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 })
      unshareWorks = probe.status === 0
    }
  }
  return unshareWorks
}

let loopbackWorks: boolean | undefined

/** Whether loopback can be brought up inside the new namespace (the `ip` tool is there). */
function loopbackUp(): boolean {
  if (loopbackWorks === undefined) {
    const probe = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], {
      stdio: 'ignore',
      timeout: 5000
    })
    loopbackWorks = probe.status === 0
  }
  return loopbackWorks
}

export const NETWORK_NOTE =
  "the network stays reachable for the project's code: isolation needs root and `unshare` on Linux"

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** How long a runner's last output may trail its exit before what it left running is stopped. */
const EXIT_GRACE_MS = 1000

export function runChild(request: SpawnRequest): Promise<SpawnResult> {
  const isolate = request.isolateNetwork === true && networkIsolationAvailable()
  const [command, args] = isolate
    ? loopbackUp()
      ? // A new network namespace starts with loopback down: a test server on 127.0.0.1 needs it up.
        [
          'unshare',
          [
            '-n',
            'sh',
            '-c',
            'ip link set lo up && exec "$0" "$@"',
            request.command,
            ...request.args
          ]
        ]
      : ['unshare', ['-n', request.command, ...request.args]]
    : [request.command, request.args]
  const networkNote = request.isolateNetwork === true && !isolate ? NETWORK_NOTE : null
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: request.cwd,
      env: request.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let killed = false
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8')
    })
    const timer = setTimeout(() => {
      killed = true
      if (child.pid !== undefined) killGroup(child.pid)
    }, request.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({
        code: null,
        signal: null,
        killed,
        stdout,
        stderr: `${stderr}${error.message}`,
        networkNote
      })
    })
    // A grandchild that outlives the runner (a server or watcher a test started) keeps our pipes open,
    // and 'close' waits for them: once the runner has exited, what it left behind is stopped.
    child.on('exit', () => {
      setTimeout(() => {
        if (child.pid !== undefined) killGroup(child.pid)
        child.stdout.destroy()
        child.stderr.destroy()
      }, EXIT_GRACE_MS).unref()
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      // Grandchildren left behind by a runner that exited (a server a test started) go too.
      if (child.pid !== undefined) killGroup(child.pid)
      resolve({ code, signal, killed, stdout, stderr, networkNote })
    })
  })
}

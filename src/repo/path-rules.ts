// Rules that classify a file from its path (and, for generated/minified code, from its first bytes).

/** Folders of third-party code that is not the repository's own. */
export const VENDORED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'third-party',
  '.venv',
  'venv',
  'site-packages',
  '.tox',
  '.nox',
  '.yarn'
])

/** Folders that hold build output rather than written code. */
const GENERATED_DIRECTORIES: ReadonlySet<string> = new Set(['dist', 'build', 'builds'])
/**
 * A folder named for a release (`web/builds/2.0.0/`, `1.0.3/`) holds a copy of that release's build kept for
 * a website or a CDN, not the code the project works on (hogan.js: seven findings in archived builds).
 */
const RELEASE_DIRECTORY = /^v?\d+\.\d+\.\d+$/

/** File name endings of code generators (protobuf, gRPC). */
const GENERATED_SUFFIXES = [
  '.pb.go',
  '_pb2.py',
  '_pb2_grpc.py',
  '_pb.js',
  '_pb.d.ts',
  '_grpc_pb.js'
]

const MINIFIED_NAME = /[.-]min\.(?:js|mjs|cjs)$/i

function directories(path: string): string[] {
  const parts = path.split('/')
  parts.pop()
  return parts
}

export function isVendoredPath(path: string): boolean {
  return directories(path).some((part) => VENDORED_DIRECTORIES.has(part))
}

export function isGeneratedPath(path: string): boolean {
  if (
    directories(path).some(
      (part) => GENERATED_DIRECTORIES.has(part) || RELEASE_DIRECTORY.test(part)
    )
  )
    return true
  const lower = path.toLowerCase()
  return GENERATED_SUFFIXES.some((suffix) => lower.endsWith(suffix))
}

export function isMinifiedName(path: string): boolean {
  return MINIFIED_NAME.test(path)
}

/** A NUL byte in the first 8 KB means binary, as git decides. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true
  return false
}

/** Minified: more than 2 KB with lines averaging over 500 characters. */
export function looksMinified(bytes: Uint8Array): boolean {
  if (bytes.length <= 2048) return false
  let lines = 1
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++
  return bytes.length / lines > 500
}

/** The conventional markers generators write at the top of a file. */
export function hasGeneratedHeader(text: string): boolean {
  let end = -1
  for (let line = 0; line < 5; line++) {
    end = text.indexOf('\n', end + 1)
    if (end < 0) break
  }
  const head = (end < 0 ? text : text.slice(0, end)).slice(0, 4096)
  // "DO NOT EDIT THIS LINE" guards one line (tomli's bump2version `__version__`), not a generated file.
  return head.includes('@generated') || /DO NOT EDIT(?! THIS LINE)/.test(head)
}

/** Folders a web page's assets are served from: a copied library lands here beside the project's own scripts. */
const ASSET_FOLDERS: ReadonlySet<string> = new Set(['static', 'public', 'assets', 'www', 'htdocs'])

/**
 * A third-party library copied into a page's asset folder, known by its release banner: a leading comment
 * with a version and a copyright or licence line (buku's `bukuserver/static/.../Chart.js`, "Chart.js /
 * Version: 2.7.2 / Copyright 2018 Chart.js Contributors", 14,384 lines that made it a "JavaScript" project).
 */
export function hasVendorBanner(path: string, text: string): boolean {
  if (!/\.[cm]?js$/.test(path) || !directories(path).some((part) => ASSET_FOLDERS.has(part)))
    return false
  const banner = /^\s*\/\*[\s\S]{0,1200}?\*\//.exec(text)?.[0]
  if (!banner) return false
  return (
    /\b(version:?\s*|v)\d+\.\d+\.\d+/i.test(banner) &&
    /\b(copyright|\(c\)|licen[cs]ed?)\b/i.test(banner)
  )
}

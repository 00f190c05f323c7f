// After the walk: decides what a Python module exposes (`__all__` or the underscore convention),
// whether it has a main guard, and which test cases it declares (pytest / unittest conventions).
import type {
  ClassDecl,
  ExportDecl,
  FunctionDecl,
  Location,
  ModuleModel,
  TestCase,
  TestFileInfo
} from '../types.js'

export interface PyFunctionInfo {
  decl: FunctionDecl
  decorators: string[]
  /** Defined at module level (not inside a function or class). */
  topLevel: boolean
  /** The class whose body holds this def directly. */
  cls?: PyClassInfo
}

export interface PyClassInfo {
  decl: ClassDecl
  decorators: string[]
  topLevel: boolean
  /** The class whose body holds this class directly. */
  outer?: PyClassInfo
}

export interface PyModuleState {
  model: ModuleModel
  functions: PyFunctionInfo[]
  classes: PyClassInfo[]
  /** Entries of a literal `__all__`, in order. */
  allEntries?: { name: string; loc: Location }[]
  /** `__all__` was built by something other than a literal list/tuple of strings. */
  allDynamic?: boolean
  variableNames: Set<string>
}

export function newPyModuleState(model: ModuleModel): PyModuleState {
  return { model, functions: [], classes: [], variableNames: new Set() }
}

export function finishPythonModule(state: PyModuleState): ModuleModel {
  const model = state.model
  const all = state.allEntries && !state.allDynamic ? state.allEntries : undefined
  if (all) model.all = all.map((e) => e.name)
  const allNames = all ? new Set(all.map((e) => e.name)) : undefined
  const isPublic = (name: string): boolean =>
    allNames ? allNames.has(name) : !name.startsWith('_')

  for (const cls of state.classes) {
    cls.decl.exported = cls.topLevel ? isPublic(cls.decl.name) : false
  }
  // A class nested in an exported class is reachable through it (classes are in source order).
  for (const cls of state.classes) {
    if (cls.outer?.decl.exported && !cls.decl.name.startsWith('_')) cls.decl.exported = true
  }
  for (const fn of state.functions) {
    if (fn.topLevel) fn.decl.exported = isPublic(fn.decl.name)
    else if (fn.cls) fn.decl.exported = fn.cls.decl.exported && !fn.decl.name.startsWith('_')
  }
  for (const variable of model.variables) variable.exported = isPublic(variable.name)

  model.exports = exportsOf(state, all, isPublic)
  model.hasMain = model.hasMain || hasMainGuard(model)
  if (model.isTest) model.test = testInfo(state)
  return model
}

function exportsOf(
  state: PyModuleState,
  all: { name: string; loc: Location }[] | undefined,
  isPublic: (name: string) => boolean
): ExportDecl[] {
  const declared = new Map<string, ExportDecl>()
  for (const fn of state.functions) {
    if (fn.topLevel && !declared.has(fn.decl.name)) {
      declared.set(fn.decl.name, { name: fn.decl.name, kind: 'function', loc: fn.decl.loc })
    }
  }
  for (const cls of state.classes) {
    if (cls.topLevel && !declared.has(cls.decl.name)) {
      declared.set(cls.decl.name, { name: cls.decl.name, kind: 'class', loc: cls.decl.loc })
    }
  }
  for (const variable of state.model.variables) {
    if (!declared.has(variable.name))
      declared.set(variable.name, { name: variable.name, kind: 'variable', loc: variable.loc })
  }
  if (all) {
    // Names in `__all__` that the module does not define itself (usually imported ones) are 'all'.
    const seen = new Set<string>()
    const out: ExportDecl[] = []
    for (const entry of all) {
      if (seen.has(entry.name)) continue
      seen.add(entry.name)
      out.push(declared.get(entry.name) ?? { name: entry.name, kind: 'all', loc: entry.loc })
    }
    return out
  }
  return [...declared.values()]
    .filter((e) => isPublic(e.name))
    .sort((a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn)
}

/** `if __name__ == "__main__":` at module level. */
function hasMainGuard(model: ModuleModel): boolean {
  return model.conditions.some(
    (c) =>
      c.kind === 'if' &&
      c.enclosing === undefined &&
      c.comparisons.some(
        (k) =>
          k.operator === '==' &&
          k.literal === '__main__' &&
          (k.literalSide === 'right' ? k.left : k.right) === '__name__'
      )
  )
}

const SKIP_MARKERS = new Set(['skip', 'skipif', 'xfail', 'skipIf', 'skipUnless', 'expectedFailure'])

/** `@pytest.mark.skip(...)`, `@pytest.mark.xfail`, `@unittest.skip(...)`, `@skipIf(...)`. */
function isSkipDecorator(decorator: string): boolean {
  const callee = decorator.includes('(') ? decorator.slice(0, decorator.indexOf('(')) : decorator
  const parts = callee.split('.')
  const last = parts[parts.length - 1]
  if (!SKIP_MARKERS.has(last)) return false
  return parts.length === 1 || parts.includes('mark') || parts[0] === 'unittest'
}

function isTestCaseClass(cls: PyClassInfo): boolean {
  return cls.decl.bases.some((b) => /(^|\.)(\w*TestCase)$/.test(b))
}

function testInfo(state: PyModuleState): TestFileInfo {
  const usesPytest = state.model.imports.some(
    (i) => i.source === 'pytest' || i.source.startsWith('pytest.')
  )
  const unittestClasses = state.classes.filter(isTestCaseClass)
  const framework = unittestClasses.length > 0 && !usesPytest ? 'unittest' : 'pytest'
  const cases: (TestCase & { order: number })[] = []
  const suites = new Set<PyClassInfo>()
  for (const cls of state.classes) {
    const collected =
      isTestCaseClass(cls) ||
      (cls.decl.name.startsWith('Test') && (cls.topLevel || cls.outer !== undefined))
    if (!collected || (!cls.topLevel && !(cls.outer && suites.has(cls.outer)))) continue
    suites.add(cls)
    const skip =
      cls.decorators.some(isSkipDecorator) || (cls.outer !== undefined && suiteSkipped(cls.outer))
    cases.push({
      name: cls.decl.qualifiedName,
      kind: 'suite',
      ...(skip ? { modifier: 'skip' as const } : {}),
      loc: cls.decl.loc,
      order: cls.decl.loc.startLine
    })
  }
  for (const fn of state.functions) {
    if (!fn.decl.name.startsWith('test') || fn.decl.kind === 'lambda') continue
    if (!fn.topLevel && !(fn.cls && suites.has(fn.cls))) continue
    const skip =
      fn.decorators.some(isSkipDecorator) || (fn.cls !== undefined && suiteSkipped(fn.cls))
    cases.push({
      name: fn.decl.qualifiedName,
      kind: 'test',
      ...(skip ? { modifier: 'skip' as const } : {}),
      loc: fn.decl.loc,
      order: fn.decl.loc.startLine
    })
  }
  cases.sort((a, b) => a.order - b.order)
  return {
    framework,
    cases: cases.map(({ order: _order, ...c }) => c),
    importedModules: [],
    referencedSymbols: []
  }
}

function suiteSkipped(cls: PyClassInfo): boolean {
  for (let c: PyClassInfo | undefined = cls; c; c = c.outer)
    if (c.decorators.some(isSkipDecorator)) return true
  return false
}

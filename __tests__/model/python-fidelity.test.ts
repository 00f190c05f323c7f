// Fidelity: every def and class in the fixtures, as Python's own `ast` module sees it, must match
// what extractPython reports: names, qualified names, lines, parameters by kind with defaults and
// annotations (exact source text), return annotations, async, generator, decorators and bases.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { extractPython } from '../../src/model/extract/python.js'
import { createParser } from '../../src/model/tree-sitter.js'
import type { ModuleModel, Parameter } from '../../src/model/types.js'

const run = promisify(execFile)
const fixtures = join(process.cwd(), '__tests__', 'fixtures', 'model-py')
const files = ['functions.py', 'classes.py', 'mixed.py', 'edge.py']

// The oracle. Qualified names nest with dots and a repeated name gets #2, #3 (the model's rule).
// For methods (defs whose nearest scope is a class) the first positional parameter is the receiver
// and is left out unless the method is a @staticmethod (the model's documented rule).
const ORACLE = String.raw`
import ast, json, sys

def dump(path):
    src = open(path, encoding='utf-8').read()
    tree = ast.parse(src)
    seg = lambda n: None if n is None else ast.get_source_segment(src, n)
    counts = {}
    out = []

    def qual(stack, name):
        base = '.'.join(stack + [name])
        counts[base] = counts.get(base, 0) + 1
        return base if counts[base] == 1 else base + '#' + str(counts[base])

    def is_generator(fn):
        todo = list(ast.iter_child_nodes(fn))
        while todo:
            n = todo.pop()
            if isinstance(n, (ast.Yield, ast.YieldFrom)):
                return True
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            todo.extend(ast.iter_child_nodes(n))
        return False

    def params(fn, method):
        a = fn.args
        positional = [(x, 'posonly') for x in a.posonlyargs] + [(x, 'normal') for x in a.args]
        defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
        items = [(x, k, d) for (x, k), d in zip(positional, defaults)]
        if method and items:
            items = items[1:]
        if a.vararg:
            items.append((a.vararg, 'rest', None))
        items += [(x, 'kwonly', d) for x, d in zip(a.kwonlyargs, a.kw_defaults)]
        if a.kwarg:
            items.append((a.kwarg, 'rest', None))
        return [{'name': x.arg, 'kind': k, 'default': seg(d), 'annotation': seg(x.annotation)} for x, k, d in items]

    def visit(node, stack, in_class):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                decorators = [seg(d) for d in child.decorator_list]
                method = in_class and 'staticmethod' not in decorators
                out.append({
                    'type': 'function', 'name': child.name, 'qualifiedName': qual(stack, child.name),
                    'line': child.lineno, 'endLine': child.end_lineno,
                    'async': isinstance(child, ast.AsyncFunctionDef), 'generator': is_generator(child),
                    'params': params(child, method), 'returns': seg(child.returns), 'decorators': decorators,
                    'inClass': in_class,
                })
                visit(child, stack + [child.name], False)
            elif isinstance(child, ast.ClassDef):
                out.append({
                    'type': 'class', 'name': child.name, 'qualifiedName': qual(stack, child.name),
                    'line': child.lineno, 'endLine': child.end_lineno,
                    'bases': [seg(b) for b in child.bases],
                })
                visit(child, stack + [child.name], True)
            else:
                visit(child, stack, in_class)

    visit(tree, [], False)
    return out

print(json.dumps({p: dump(p) for p in sys.argv[1:]}))
`

interface OracleDecl {
  type: 'function' | 'class'
  name: string
  qualifiedName: string
  line: number
  endLine: number
  async?: boolean
  generator?: boolean
  params?: { name: string; kind: string; default: string | null; annotation: string | null }[]
  returns?: string | null
  decorators?: string[]
  inClass?: boolean
  bases?: string[]
}

function paramKind(p: Parameter): string {
  if (p.positionalOnly) return 'posonly'
  if (p.keywordOnly) return 'kwonly'
  return p.rest ? 'rest' : 'normal'
}

/** The model's declarations in the oracle's shape. */
function modelDecls(model: ModuleModel): OracleDecl[] {
  const functions: OracleDecl[] = model.functions
    .filter((f) => f.kind !== 'lambda')
    .map((f) => ({
      type: 'function',
      name: f.name,
      qualifiedName: f.qualifiedName,
      line: f.loc.startLine,
      endLine: f.loc.endLine,
      async: f.async,
      generator: f.generator,
      params: f.params.map((p) => ({
        name: p.name,
        kind: paramKind(p),
        default: p.defaultValue ?? null,
        annotation: p.type ?? null
      })),
      returns: f.returnType ?? null,
      decorators: f.decorators ?? [],
      inClass: f.className !== undefined
    }))
  const classes: OracleDecl[] = model.classes.map((c) => ({
    type: 'class',
    name: c.name,
    qualifiedName: c.qualifiedName,
    line: c.loc.startLine,
    endLine: c.loc.endLine,
    bases: c.bases
  }))
  return [...functions, ...classes]
}

const key = (d: OracleDecl): string => `${d.type} ${d.qualifiedName}`
const byKey = (a: OracleDecl, b: OracleDecl): number => key(a).localeCompare(key(b))

let oracle: Record<string, OracleDecl[]>
const models: Record<string, ModuleModel> = {}

beforeAll(async () => {
  const { stdout } = await run('python3', ['-c', ORACLE, ...files], { cwd: fixtures })
  oracle = JSON.parse(stdout) as Record<string, OracleDecl[]>
  const parser = await createParser('python')
  for (const file of files) {
    const text = readFileSync(join(fixtures, file), 'utf8')
    const tree = parser.parse(text)
    if (!tree) throw new Error(`tree-sitter returned no tree for ${file}`)
    models[file] = extractPython(
      { path: file, language: 'python', bytes: Buffer.byteLength(text), text },
      tree,
      false
    )
  }
})

describe.each(files)('%s agrees with Python ast', (file) => {
  test('the fixture is rich enough to mean something', () => {
    const decls = oracle[file]
    expect(decls.filter((d) => d.type === 'function').length).toBeGreaterThanOrEqual(5)
    expect(models[file].syntaxErrors).toBe(0)
  })

  test('the same declarations, each with the same details', () => {
    const expected = [...oracle[file]].sort(byKey)
    const actual = modelDecls(models[file]).sort(byKey)
    expect(actual.map(key)).toEqual(expected.map(key))
    for (let i = 0; i < expected.length; i++) expect(actual[i]).toEqual(expected[i])
  })
})

test('the oracle sees every parameter kind somewhere in the fixtures', () => {
  const kinds = new Set(
    Object.values(oracle)
      .flat()
      .flatMap((d) => d.params ?? [])
      .map((p) => p.kind)
  )
  expect([...kinds].sort()).toEqual(['kwonly', 'normal', 'posonly', 'rest'])
})

test('CRLF line endings give the same declarations', async () => {
  const parser = await createParser('python')
  for (const file of files) {
    const text = readFileSync(join(fixtures, file), 'utf8').replace(/\n/g, '\r\n')
    const tree = parser.parse(text)
    if (!tree) throw new Error(`tree-sitter returned no tree for ${file}`)
    const model = extractPython(
      { path: file, language: 'python', bytes: Buffer.byteLength(text), text },
      tree,
      false
    )
    // Multi-line source texts (a decorator spanning lines) keep their CRLF; `ast` reads '\n'.
    const decls = JSON.parse(
      JSON.stringify(modelDecls(model)).replace(/\\r\\n/g, '\\n')
    ) as OracleDecl[]
    expect(decls.sort(byKey)).toEqual([...oracle[file]].sort(byKey))
  }
})

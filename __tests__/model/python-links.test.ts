// Python test files linked to the modules they use through module objects: `from . import stock`,
// `from shop import pricing` (a submodule named in a from-import) and `import shop.util.text as text_mod`,
// then `stock.reserve()`, `pricing.TAX`, `text_mod.shout` (calls and plain attribute reads alike).
// The fixture __tests__/fixtures/model-py-links is copied to a temporary folder and built like a repository.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildModel } from '../../src/model/build.js'
import type { CodeModel, ModuleModel } from '../../src/model/types.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'
import { extractPy, lines } from './python-helpers.js'

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'model-py-links')

let root: string
let model: CodeModel

const mod = (path: string): ModuleModel => {
  const m = model.modules.find((x) => x.path === path)
  if (!m)
    throw new Error(`no module ${path}; modules: ${model.modules.map((x) => x.path).join(', ')}`)
  return m
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'model-py-links-'))
  cpSync(FIXTURE, root, { recursive: true })
  const repo = await loadRepository(root, {})
  model = await buildModel(repo, await collectFacts(repo, {}))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

test('`from . import stock` then `stock.reserve()` references reserve of shop/stock.py, not release', () => {
  const t = mod('shop/test_stock.py')
  expect(t.isTest).toBe(true)
  expect(t.test?.importedModules).toEqual(['shop/__init__.py', 'shop/stock.py'])
  // `stock._audit(1)`: private by convention only, and the test names it; check() is called by _audit, not by the test.
  expect(t.test?.referencedSymbols).toEqual(['_audit', 'reserve'])
})

test('`from shop import pricing` (a submodule) references the names read through it: a call, a class, a constant', () => {
  const t = mod('tests/test_pricing.py')
  expect(t.test?.importedModules).toEqual(['shop/__init__.py', 'shop/pricing.py'])
  // net() is called, Cart is called and passed to isinstance, TAX is read; gross and unused are not named.
  expect(t.test?.referencedSymbols).toEqual(['Cart', 'TAX', 'net'])
})

test('`import shop.util.text as text_mod` and `import shop.util.text` reference what is read through either name', () => {
  const t = mod('tests/test_text.py')
  expect(t.test?.importedModules).toEqual(['shop/util/text.py'])
  // slug() through the alias, title() through the dotted name, shout and DEFAULT_SEPARATOR read without a call.
  expect(t.test?.referencedSymbols).toEqual(['DEFAULT_SEPARATOR', 'shout', 'slug', 'title'])
  expect(t.test?.memberReferences).toEqual(
    expect.arrayContaining(['text_mod.DEFAULT_SEPARATOR', 'text_mod.shout'])
  )
})

test('source modules do not get test links, and the member reads stay in test files only', () => {
  expect(mod('shop/pricing.py').test).toBeUndefined()
  expect(mod('shop/stock.py').test).toBeUndefined()
})

test('the extractor keeps attribute reads through imported names only, in test files only, capped', async () => {
  const text = lines(
    'import shop.util.text as t',
    'from shop import pricing',
    '',
    'def test_x(cart):',
    '    local = object()',
    '    assert t.slug(pricing.TAX.real) and local.attr and cart.total()'
  )
  const inTest = await extractPy(text, true, 'tests/test_x.py')
  // `pricing.TAX.real` gives pricing.TAX (through an import) and pricing.TAX.real (through no import name): only the first stays.
  expect(inTest.test?.memberReferences).toEqual(['pricing.TAX', 't.slug'])
  expect((await extractPy(text, false, 'shop/x.py')).test).toBeUndefined()
  const many = lines(
    'import mod',
    '',
    'def test_many():',
    ...Array.from({ length: 6000 }, (_, i) => `    mod.f${i}()`)
  )
  expect((await extractPy(many, true, 'tests/test_many.py')).test?.memberReferences).toHaveLength(
    5000
  )
})

// Which family of language a module is in, and how a finding names its place.
import type { Language, ModuleModel } from '../../src/model/types.js'

/** The languages specs are written in (and the checks read in full). */
export const CODE_LANGUAGES: ReadonlySet<Language> = new Set<Language>([
  'typescript',
  'tsx',
  'javascript',
  'jsx',
  'python'
])

/** The two families of languages the checks speak: JavaScript/TypeScript and Python. */
export type Dialect = 'js' | 'python'

export function dialectOf(module: ModuleModel): Dialect | null {
  if (module.language === 'python') return 'python'
  if (['typescript', 'tsx', 'javascript', 'jsx'].includes(module.language)) return 'js'
  return null
}

/** `parse() in src/a.ts`, or `module scope of src/a.ts` when the place is in no function. */
export function placeText(path: string, functionName: string | undefined): string {
  return functionName ? `${functionName}() in ${path}` : `module scope of ${path}`
}

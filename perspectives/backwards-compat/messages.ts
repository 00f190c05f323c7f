// Message templates of the backwards-compat perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type BackwardsCompatMessageId =
  | 'exportRemoved'
  | 'memberRemoved'
  | 'typeRemoved'
  | 'requiredParameterAdded'
  | 'parameterRemoved'
  | 'parameterRenamed'
  | 'optionalMadeRequired'
  | 'parameterTypeChanged'
  | 'returnTypeChanged'
  | 'defaultChanged'
  | 'keywordOnlyChanged'
  | 'positionalOnlyChanged'
  | 'deepImportsClosed'
  | 'moduleRemoved'
  | 'declarationChanged'
  | 'entryPointRemoved'
  | 'moduleTypeChanged'
  | 'engineRaised'
  | 'peerDependencyNarrowed'
  | 'binRemoved'
  | 'cliOptionRemoved'
  | 'versionBumpTooSmall'
  | 'apiRemoved'
  | 'apiChanged'
  | 'apiNote'

export const MESSAGES: Record<BackwardsCompatMessageId, MessageTemplate> = {
  exportRemoved: {
    title: '{{what}} {{name}} removed from {{file}}',
    message:
      '{{what}} `{{name}}` ({{signature}}) was exported by {{file}} at {{ref}} (line {{line}}) and is gone at HEAD{{renamed}}: code that imports it breaks.'
  },
  memberRemoved: {
    title: 'Public member {{name}} removed from {{file}}',
    message:
      '`{{name}}` ({{signature}}) was a public member at {{ref}} ({{file}}:{{line}}) and is gone at HEAD{{renamed}}: callers of it break.'
  },
  typeRemoved: {
    title: 'Exported type {{name}} removed from {{file}}',
    message:
      'The exported type `{{name}}` was declared in {{file}}:{{line}} at {{ref}} and is gone at HEAD{{renamed}}: code that names it no longer type-checks. (Interface members are not in the code model, so a type that only lost members is not seen; this covers whole types.)'
  },
  requiredParameterAdded: {
    title: '{{name}} gained required parameter {{param}}',
    message:
      '`{{name}}` now requires `{{param}}` ({{after}}); at {{ref}} it was {{before}}: existing calls without it break.'
  },
  parameterRemoved: {
    title: '{{name}} lost parameter {{param}}',
    message:
      '`{{name}}` no longer takes `{{param}}` ({{after}}); at {{ref}} it was {{before}}: {{consequence}}.'
  },
  parameterRenamed: {
    title: '{{name}}: parameter {{param}} renamed to {{newName}}',
    message:
      'Parameter `{{param}}` of `{{name}}` is now `{{newName}}` ({{after}}; at {{ref}}: {{before}}): calls that pass `{{param}}=` by keyword break.'
  },
  optionalMadeRequired: {
    title: '{{name}}: parameter {{param}} is now required',
    message:
      '`{{param}}` of `{{name}}` was optional at {{ref}} ({{before}}) and is required at HEAD ({{after}}): calls that left it out break.'
  },
  parameterTypeChanged: {
    title: '{{name}}: type of {{param}} changed',
    message:
      'Parameter `{{param}}` of `{{name}}` was `{{oldType}}` at {{ref}} and is `{{newType}}` at HEAD: callers passing a `{{oldType}}` may no longer compile or work.'
  },
  returnTypeChanged: {
    title: '{{name}}: return type changed',
    message:
      '`{{name}}` returned `{{oldType}}` at {{ref}} and returns `{{newType}}` at HEAD: code using the result may no longer compile or work.'
  },
  defaultChanged: {
    title: '{{name}}: default of {{param}} changed',
    message:
      'The default of `{{param}}` in `{{name}}` changed from `{{oldDefault}}` at {{ref}} to `{{newDefault}}`: calls that rely on the default now behave differently.'
  },
  keywordOnlyChanged: {
    title: '{{name}}: {{param}} is now keyword-only',
    message:
      '`{{param}}` of `{{name}}` could be passed by position at {{ref}} ({{before}}) and is keyword-only at HEAD ({{after}}): positional calls break.'
  },
  deepImportsClosed: {
    title: 'Deep imports of {{example}} closed by the new "exports" map',
    message:
      '{{file}} has an `"exports"` map at HEAD and had none at {{ref}}: {{count}} module files a deep `require` or `import` reached ({{examples}}) are not among its subpaths and stop resolving (ERR_PACKAGE_PATH_NOT_EXPORTED).'
  },
  moduleRemoved: {
    title: 'Module {{module}} removed',
    message:
      '`{{module}}` ({{file}} at {{ref}}{{package}}) is gone at HEAD: `{{importPath}}` stops resolving{{exported}}.'
  },
  positionalOnlyChanged: {
    title: '{{name}}: {{param}} is now positional-only',
    message:
      '`{{param}}` of `{{name}}` could be passed by keyword at {{ref}} ({{before}}) and is positional-only at HEAD ({{after}}): calls that pass `{{param}}=` break with a TypeError.'
  },
  apiNote: {
    title: '{{name}}: {{reason}} (review, not a break)',
    message:
      "{{what}} `{{name}}` of the package entry `{{entry}}`: {{reason}}. At {{ref}}: `{{before}}` ({{baseWhere}}); at HEAD: `{{after}}` ({{headWhere}}). The package shipped no type declarations, so no user's compiler checked the old type: {{consequence}}. Not counted as a breaking change."
  },
  declarationChanged: {
    title: 'Declaration of {{name}} changed in {{file}}',
    message:
      'The shipped declaration of `{{name}}` changed since {{ref}}: `{{before}}` is now `{{after}}`. The code model keeps no parameters for `.d.ts` declarations, so whether this breaks callers needs a look.'
  },
  entryPointRemoved: {
    title: '{{field}} entry {{entry}} removed from {{file}}',
    message:
      '{{file}} declared {{field}} `{{entry}}` at {{ref}} and no longer does: `{{importPath}}` stops resolving for users of the package.'
  },
  moduleTypeChanged: {
    title: 'Package {{name}} became ESM-only',
    message:
      '{{file}} changed `"type"` from {{before}} at {{ref}} to `"module"` without a `require` export condition: CommonJS users calling `require()` on it break.'
  },
  engineRaised: {
    title: '{{engine}} requirement raised to {{after}}',
    message:
      '{{file}} required {{engine}} `{{before}}` at {{ref}} and requires `{{after}}` at HEAD: users on {{engine}} {{dropped}} can no longer install or run it.{{endOfLife}}'
  },
  peerDependencyNarrowed: {
    title: 'Peer dependency {{name}} narrowed to {{after}}',
    message:
      '{{file}} had the peer dependency `{{name}}` as {{before}} at {{ref}} and `{{after}}` at HEAD: it {{reason}}. Users whose installed {{name}} the new range does not admit get a peer conflict on install.'
  },
  binRemoved: {
    title: 'Command {{name}} removed from {{file}}',
    message:
      '{{file}} provided the command `{{name}}` ({{target}}) at {{ref}} and no longer does: scripts that run it break.'
  },
  cliOptionRemoved: {
    title: 'Command-line option {{option}} removed',
    message:
      'The option `{{option}}` was declared with {{how}} in {{file}}:{{line}} at {{ref}} and is declared nowhere at HEAD: command lines that pass it now fail or are ignored.'
  },
  versionBumpTooSmall: {
    title: 'Version {{after}} is a {{actual}} change; the breaking changes need {{required}}',
    message:
      '{{file}} goes from {{before}} at {{ref}} to {{after}} ({{actual}}), but {{count}} since {{ref}} need a {{required}} release ({{suggestion}}).'
  },
  apiRemoved: {
    title: '{{what}} {{name}} {{reason}}',
    message:
      '{{what}} `{{name}}` of the package entry `{{entry}}` was `{{before}}` ({{baseWhere}} at {{ref}}) and is {{reason}} at HEAD{{afterText}}: {{consequence}}. Semver: {{advice}}.'
  },
  apiChanged: {
    title: '{{name}}: {{reason}}',
    message:
      '{{what}} `{{name}}` of the package entry `{{entry}}`: {{reason}}. At {{ref}}: `{{before}}` ({{baseWhere}}); at HEAD: `{{after}}` ({{headWhere}}). So {{consequence}}. Semver: {{advice}}.'
  }
}

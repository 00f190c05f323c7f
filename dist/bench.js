import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 298:
/***/ ((module) => {

// A simple implementation of make-array
function makeArray (subject) {
  return Array.isArray(subject)
    ? subject
    : [subject]
}

const UNDEFINED = undefined
const EMPTY = ''
const SPACE = ' '
const ESCAPE = '\\'

// The characters that carry a meaning of their own inside a regular
//   expression, so a literal one has to be escaped before it is emitted.
const REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/
const BOM = '\uFEFF'
// A run of two or more asterisks is a globstar (#175)
const REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/
const REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/
const REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/
const REGEX_SPLITALL_CRLF = /\r?\n/g

// Invalid:
// - /foo,
// - ./foo,
// - ../foo,
// - .
// - ..
// Valid:
// - .foo
const DOUBLE_SLASH = '//'
const SLASH_CODE = 47
const DOT_CODE = 46


const SLASH = '/'

// Do not use ternary expression here, since "istanbul ignore next" is buggy
let TMP_KEY_IGNORE = 'node-ignore'
/* istanbul ignore else */
if (typeof Symbol !== 'undefined') {
  TMP_KEY_IGNORE = Symbol.for('node-ignore')
}
const KEY_IGNORE = TMP_KEY_IGNORE

const define = (object, key, value) => {
  Object.defineProperty(object, key, {value})
  return value
}

const RETURN_FALSE = () => false

// > The range notation, e.g. [a-zA-Z],
// > can be used to match one of the characters in a range.
//
// gitignore(5) defers to fnmatch(3) for this, and git implements it in
//   `wildmatch.c`.  A bracket expression has a sub-grammar of its own, which
//   is neither the surrounding pattern grammar nor the JavaScript one:
//
//   - a `]` right after `[` or `[!` is a literal member, not the terminator
//   - `[:alpha:]` names one of twelve POSIX classes
//   - `\` escapes the next member, `]` included
//   - `*`, `?` and `.` are plain literal members
//   - an unterminated expression makes the whole pattern match nothing
//
// which means the expression can not be located -- let alone translated -- by
//   a regular expression.  It is scanned out of the pattern before the
//   replacers below run, and put back once they are done, so that neither the
//   metacharacter escaper nor the `?` / `*` replacers ever see its body.

// git classifies with its own ASCII-only ctype macros (`wildmatch.c`), never
//   with the C library ones, so these must not be mapped onto `\d` / `\w` /
//   `\s`, which are wider.  `/` is left out of every expansion, because a
//   bracket expression never matches a path separator.
const POSIX_CLASSES = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-.0-~',
  lower: 'a-z',
  print: ' -.0-~',
  punct: '!-.:-@\\[-`{-~',
  // git's `sane-ctype.h` classifies \v and \f as control, not space,
  //   unlike C's `isspace`
  space: ' \\t\\n\\r',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f'
}

const CLASS_MEMBERS_TO_ESCAPE = '\\]^-['

const escapeMember = char => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0
  ? char
  : ESCAPE + char

// > if (matched == negated || ((flags & WM_PATHNAME) && text_ch == '/'))
// >   return WM_ABORT_TO_STARSTAR;                     (git, `wildmatch.c`)
// A bracket expression never matches a path separator, whatever its members
//   say, so a negated class gets `/` as one more excluded character, while a
//   plain one -- where a literal member or a range could still let `/` in --
//   is guarded with a lookahead, `/` being impossible to subtract from a
//   JavaScript character class.
const NON_SLASH = '(?!\\/)'

const classSource = (negated, body) => {
  if (negated) {
    return `[^\\/${body}]`
  }

  const source = `[${body}]`

  return new RegExp(source).test('/')
    ? NON_SLASH + source
    : source
}

// Scan the bracket expression that starts at `pattern[start] === '['`,
//   mirroring the member loop of git's `wildmatch.c`.
// @returns {{end: number, source: string} | null} `null` if the expression is
//   never terminated, which makes the whole pattern match nothing.
const scanBracket = (pattern, start) => {
  const {length} = pattern
  let index = start + 1
  let negated = EMPTY

  const lead = pattern[index]
  if (lead === '!' || lead === '^') {
    negated = '^'
    index ++
  }

  let body = EMPTY

  // The member a `-` could start a range from, or EMPTY when the previous
  //   member can not open one (start of the body, or a range / POSIX class
  //   that has just closed)
  let prev = EMPTY

  // git scans the members with a do-while, so the first one is consumed
  //   unconditionally.  That is the whole reason a leading `]` is a member
  //   and not the terminator.
  for (;;) {
    const char = pattern[index]

    if (char === UNDEFINED) {
      return null
    }

    if (char === ESCAPE) {
      // A pattern can not end on a lone backslash -- `createRule` has
      //   already thrown it away -- so there is a character to read.
      const escaped = pattern[++ index]
      body += escapeMember(escaped)
      prev = escaped
    } else if (
      char === '-'
      && prev
      && index + 1 < length
      && pattern[index + 1] !== ']'
    ) {
      index ++
      let to = pattern[index]
      if (to === ESCAPE) {
        to = pattern[index += 1]
      }
      // An out-of-order range matches nothing in git but is a syntax error in
      //   JavaScript, so it is dropped.  Its lower bound stays: git tests it
      //   as a plain member before it ever looks at the `-`, so `[c-a]` does
      //   match `c`.
      if (prev <= to) {
        body += `-${escapeMember(to)}`
      }
      prev = EMPTY
    } else if (char === '[' && pattern[index + 1] === ':') {
      const nameStart = index + 2
      let end = nameStart
      while (end < length && pattern[end] !== ']') {
        end ++
      }

      if (end === length) {
        return null
      }

      if (end > nameStart && pattern[end - 1] === ':') {
        const name = pattern.slice(nameStart, end - 1)

        // An unknown class name makes the whole pattern match nothing
        if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
          return null
        }

        body += POSIX_CLASSES[name]
        prev = EMPTY
        index = end
      } else {
        // No `:]` to close it, so the `[` is a plain member and scanning
        //   resumes right after it.
        body += escapeMember('[')
        prev = '['
        index = nameStart - 2
      }
    } else {
      body += escapeMember(char)
      prev = char
    }

    index ++

    if (pattern[index] === ']') {
      return {
        end: index,
        source: classSource(negated, body)
      }
    }
  }
}

// An empty JavaScript class can never match, which is how a pattern that git
//   gives up on (`WM_ABORT_ALL`) is expressed here.
const NEVER_MATCH = '[]'

// A NUL can appear in neither a `.gitignore` line nor a path, which makes it
//   the one safe placeholder character.  A literal one in the pattern is
//   held aside all the same, so a collision is impossible by construction.
const PLACEHOLDER = '\u0000'
const REGEX_RESTORE_PLACEHOLDER = new RegExp(
  `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'
)

// The one wildcard the chain does not expand for itself is a trailing `*`. How
//   it expands depends on the mode (`regex` vs `checkRegex`), so `_make` is
//   left to do it, and until then the pending wildcard travels as this marker.
//   That is what keeps it apart from a user-escaped literal `\*`: the unescape
//   steps collapse the escaped one to the exact `\*` a wildcard would leave
//   behind, so by the time `_make` runs the two are otherwise the same string
//   and a literal star gets wrongly rewritten into a wildcard. The marker is a
//   private-use character, and `extractBrackets` keeps one that came out of the
//   pattern apart from it, so the only marker `_make` ever turns back into a
//   real wildcard is the one this chain put there itself.
const TRAILING_WILDCARD = '\uE000'

// A trailing "/**" is deferred the same way, because `checkRegex` has to tell
//   it apart from a trailing "/*" (see `checkSourceOf`). For `.ignores()` it
//   still never matches the folder itself (#21).
const TRAILING_DOUBLESTAR = '\uE001'

// The three characters above mean something to the chain that builds the
//   source rather than to the path, so one that came out of the pattern is
//   held aside like a bracket expression instead of going straight out. Being
//   held is what makes it safe: the restore runs after the step that anchors
//   the source, so the character comes back in the middle of the source and
//   not at its end, which is the one place `_make` and `checkSourceOf` look
//   for a marker. Without it a pattern's own character lands where a pending
//   marker sits, and `_make` turns it into a real trailing wildcard.
//
// It is held as a one-member class rather than bare, in both of the branches
//   a reserved character can reach, so that the property can be
//   read off this function alone -- a reserved character never goes out on
//   its own -- rather than depending on where in the chain the restore
//   happens to run. In the expression built here `[x]` matches exactly what
//   `x` matches, none of the three being special to a regular expression or
//   inside a class, so no test can tell the two apart: the class is insurance,
//   and the paragraph above is the reason it is not needed.
const isReserved = char =>
  char === PLACEHOLDER
  || char === TRAILING_WILDCARD
  || char === TRAILING_DOUBLESTAR

// Replace every bracket expression with a placeholder the replacers below
//   leave alone, and translate it separately.
const extractBrackets = pattern => {
  const sources = []
  const hold = source =>
    `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`

  const {length} = pattern
  let out = EMPTY
  let index = 0

  while (index < length) {
    const char = pattern[index]

    if (char === ESCAPE) {
      // > Put a backslash ("\") in front of ... a character to make it literal.
      //                                            (gitignore(5) -> fnmatch(3))
      // A backslash quotes the next character, whatever it is, so `\d` is a
      //   literal `d`, not the regex digit class, and `\?` is a literal `?`,
      //   not a wildcard. Held aside as its literal here, the escape never
      //   reaches the replacers below, which would otherwise let `\d`, `\b`,
      //   `\1`, `\/` keep their regular-expression meaning, and would turn a
      //   `\?` into `[^\/]`.
      //
      // Three escapes are still left for the chain: `\*` (a literal star,
      //   told apart from a wildcard by `TRAILING_WILDCARD` and the wildcard
      //   replacers), `\[` (a literal bracket, the one `[` the bracket
      //   replacer still expects), and `\ ` (a quoted space, which one pass
      //   below rewrites in bulk -- holding each one aside instead costs more
      //   on a pattern built out of them).
      //
      // A quoted backslash is not among them. The chain doubles every
      //   backslash, then takes the doubling back out again, and a quoted one
      //   standing next to a character the chain also escapes left the two
      //   counts sharing a run, so one of the escapes was lost. Held here as
      //   the literal it means, it never joins that run.
      const escaped = pattern[index + 1]

      if (escaped === SLASH && index + 2 === length) {
        // Git removes a final directory slash before matching. An escape
        //   without a character after that removal makes the pattern invalid.
        out += hold(NEVER_MATCH)
      } else if (
        escaped === '*'
        || escaped === '['
        || escaped === SPACE
      ) {
        out += pattern.slice(index, index + 2)
      } else {
        out += hold(
          REGEX_LITERAL_SPECIAL.test(escaped)
            ? ESCAPE + escaped
            : isReserved(escaped)
              ? `[${escaped}]`
              : escaped
        )
      }

      index += 2
    } else if (isReserved(char)) {
      out += hold(`[${char}]`)
      index ++
    } else if (char === '[') {
      const scanned = scanBracket(pattern, index)

      if (scanned === null) {
        // git gives up on the whole pattern (`WM_ABORT_ALL`), so whatever
        //   follows can not make it match either.
        out += hold(NEVER_MATCH)
        index = length
      } else {
        out += hold(scanned.source)
        index = scanned.end + 1
      }
    } else {
      out += char
      index ++
    }
  }

  return {
    source: out,
    sources
  }
}

// A step of the chain below is normally a `[matcher, replacer]` pair handed
//   to `String.replace`. `DIRECT` marks the ones that are plain string work
//   instead, and take `(source, pattern)`.
//
// Anchoring the two ends is exactly that -- a test of one character and a
//   concatenation -- and putting it through the regular expression engine
//   cost a third of this chain for nothing: 167ns where 10ns does the same
//   job. The two are still steps in the same list, in the same places,
//   because their position in the order is part of what they mean.
const DIRECT = null

// A separator at the beginning or in the middle of a pattern, as opposed to
//   one at the very end.
const REGEX_INNER_SLASH = /\/(?!$)/
const WILDCARD = '[^\\/]*'

// > If the pattern ends with a slash,
// > it is removed for the purpose of the following description,
// > but it would only find a match with a directory.
// > In other words, foo/ will match a directory foo and paths underneath it,
// > but will not match a regular file or a symbolic link foo
// >  (this is consistent with the way how pathspec works in general in Git).
// '`foo/`' will not match regular file '`foo`' or symbolic link '`foo`'
// -> ignore-rules will not deal with it, because it costs extra `fs.stat` call
//      you could use option `mark: true` with `glob`

// '`foo/`' should not continue with the '`..`'
// The chain that turns one gitignore pattern into a regular expression
//   source, in order. A step is either
//
//   [matcher, replacer]            handed to `String.replace`
//   [matcher, replacer, required]  the same, but skipped outright unless
//                                    `required` appears in the string, which
//                                    the matcher cannot match without
//   [DIRECT, transform]            plain string work, taking (source, pattern)
//
// The `required` character is only ever a shortcut: finding it does not mean
//   the matcher will match, and not finding it means it cannot. It is there
//   because scanning for one character costs a fraction of running a matcher
//   that then finds nothing -- for the wildcard step, whose `[^\\]+`
//   backtracks its way through the whole string before giving up, 11ns
//   against 400ns.
const REPLACERS = [

  // Replace (\ ) with ' '
  // Only a space: an escaped tab or other whitespace is already a literal by
  //   the time it reaches here, and a bare tab must be left as one, not turned
  //   into a space.
  // (\ ) -> ' '
  // (\\ ) -> '\\ '
  // (\\\ ) -> '\\ '
  [
    // A run of backslashes is taken whole, from its first one, so no match
    //   ever starts again inside it -- `(\\+?) ` did, which made a long run
    //   quadratic.
    /(\\+)( ?)/g,
    (_, run, space) => space
      ? run.slice(0, run.length - run.length % 2) + SPACE
      : run,
    ESCAPE + SPACE
  ],

  // git's wildmatch() reads a run of two or more asterisks as one globstar
  //   whenever the run fills a path segment: it starts the pattern or follows
  //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
  //   already `**`; a longer one is folded into `**` here, so the steps
  //   below only ever have to know `**`.
  // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
  // git also takes a run beside a literal prefix (`a***/b`) or beside an
  //   escaped slash (`***\/b`) as a globstar, and this does not; the README
  //   lists both, under "A run of asterisks".
  [
    /(^|\/)\*{3,}(?=\/|$)/g,
    (_, start) => `${start}**`,
    '*'
  ],

  // Escape metacharacters
  // which is written down by users but means special for regular expressions.

  // > There are 12 characters with special meanings:
  // > - the backslash \,
  // > - the caret ^,
  // > - the dollar sign $,
  // > - the period or dot .,
  // > - the vertical bar or pipe symbol |,
  // > - the question mark ?,
  // > - the asterisk or star *,
  // > - the plus sign +,
  // > - the opening parenthesis (,
  // > - the closing parenthesis ),
  // > - and the opening square bracket [,
  // > - the opening curly brace {,
  // > These special characters are often called "metacharacters".
  [
    /[\\$.|*+(){^]/g,
    match => `\\${match}`
  ],

  [
    // > a question mark (?) matches a single character
    /(?!\\)\?/g,
    () => '[^/]',
    '?'
  ],

  // leading slash
  [

    // > A leading slash matches the beginning of the pathname.
    // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
    // A leading slash matches the beginning of the pathname
    /^\//,
    () => '^',
    SLASH
  ],

  // replace special metacharacter slash after the leading slash
  [
    /\//g,
    () => '\\/',
    SLASH
  ],

  [
    // > A leading "**" followed by a slash means match in all directories.
    // > For example, "**/foo" matches file or directory "foo" anywhere,
    // > the same as pattern "foo".
    // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
    // >   under directory "foo".
    // Notice that the '*'s have been replaced as '\\*'
    /^\^*(?:\\\*\\\*\\\/)+/,

    // '**/foo' <-> 'foo'
    () => '(?:^|\\/)',
    '*'
  ],

  // starting
  [
    // there will be no leading '/'
    //   (which has been replaced by section "leading slash")
    // If starts with '**', adding a '^' to the regular expression also works
    DIRECT,
    (source, pattern) => {
      // Nothing to anchor to, or already anchored (`^` or `(?:^|\/)`)
      if (!source || source[0] === '^' || source[0] === '(') {
        return source
      }

      // If has a slash `/` at the beginning or middle
      const anchor = !REGEX_INNER_SLASH.test(pattern)
        // > Prior to 2.22.1
        // > If the pattern does not contain a slash /,
        // >   Git treats it as a shell glob pattern
        // Actually, if there is only a trailing slash,
        //   git also treats it as a shell glob pattern

        // After 2.22.1 (compatible but clearer)
        // > If there is a separator at the beginning or middle (or both)
        // > of the pattern, then the pattern is relative to the directory
        // > level of the particular .gitignore file itself.
        // > Otherwise the pattern may also match at any level below
        // > the .gitignore level.
        ? '(?:^|\\/)'

        // > Otherwise, Git treats the pattern as a shell glob suitable for
        // >   consumption by fnmatch(3)
        : '^'

      return anchor + source
    }
  ],

  // two globstars
  [
    // Use lookahead assertions so that we could match more than one `'/**'`
    /\\\/\\\*\\\*(?=\\\/|$)/g,

    // Zero, one or several directories
    // should not use '*', or it will be replaced by the next replacer

    // Check if it is not the last `'/**'`
    (_, index, str) => index + 6 < str.length

      // case: /**/ at the end of the pattern, i.e. a trailing `'/**/'`
      // > A trailing `"/**/"` (a trailing `"/**"` restricted to directories)
      // >   matches everything inside, but it should not match the current
      // >   folder itself, so it requires at least one directory segment.
      // 'a/**/' matches 'a/b/', 'a/x/y/' but not 'a/'
      ? str.slice(index + 6) === '\\/'
        ? '(?:\\/[^\\/]+)+'

        // case: /**/
        // > A slash followed by two consecutive asterisks then a slash matches
        // >   zero or more directories.
        // > For example, "a/**/b" matches "a/b", "a/x/b", "a/x/y/b" and so on.
        // '/**/'
        : '(?:\\/[^\\/]+)*'

      // case: /**
      // > A trailing `"/**"` matches everything inside.

      // #21: everything inside but it should not include the current folder,
      //   resolved by `_make`
      : `\\/${TRAILING_DOUBLESTAR}`,
    '*'
  ],

  // normal intermediate wildcards
  [
    // Never replace escaped '*'
    // ignore rule '\*' will match the path '*'

    // 'abc.*/' -> go
    // 'abc.*'  -> skip this rule,
    //    coz trailing single wildcard will be handed by [trailing wildcard]
    /(^|[^\\])(?:\\\*)+(?!$)/g,

    // '*.js' matches '.js'
    // '*.js' doesn't match 'abc'
    // 1. An asterisk "*" matches anything except a slash.
    // 2. Other consecutive asterisks are considered regular asterisks
    //    and collapse into one non-slash wildcard run.
    (_, p1) => p1 + WILDCARD,
    '*'
  ],

  // trailing wildcard, held apart from a literal star
  [
    // The step above leaves a trailing `*` alone, so a single `\*` is all that
    //   can be left at the end here, and what stands in front of it says which
    //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
    //   nothing before it; a literal arrives as the user's own escape, which
    //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
    //   There is no third case: every backslash still reaching the chain is
    //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
    //   own character, so a longer run can never form. This runs while the
    //   two are still distinct, before the unescape steps below collapse the
    //   literal onto the very `\*` a wildcard leaves behind.
    /(^|[^\\])((?:\\\\)*)\\\*$/,

    (match, p1, p2) =>
      p2 === EMPTY
        // A real wildcard: carry it to `_make` as the marker, so the unescape
        //   steps and the trailing-wildcard rewrite can never mistake it for a
        //   literal `\*` (nor the reverse).
        ? p1 + TRAILING_WILDCARD
        // A literal star: leave it exactly as it stands for the unescape steps.
        : match,
    '*'
  ],

  [
    // unescape, revert step 3 except for back slash
    // For example, if a user escape a '\\*',
    // after step 3, the result will be '\\\\\\*'
    /\\\\\\(?=[$.|*+(){^])/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // '\\\\' -> '\\'
    /\\\\/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // Every real bracket expression -- POSIX classes included -- has already
    //   been held aside by `extractBrackets`, so the only `[` left in the
    //   pattern is an escaped, literal one.

    // A backslash could only stand at the end of the range if it quoted the
    //   `]`, and `\]` is held aside long before this.
    /\\\[([^\]/]*?)($|\])/g,

    // '\\[bar]' -> '\\\\[bar]'
    (match, range, close) => `\\[${range}${close}`,
    '['
  ],

  // ending
  [
    // 'js' will not match 'js.'
    // 'ab' will not match 'abc'
    DIRECT,

    // WTF!
    // https://git-scm.com/docs/gitignore
    // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
    // which re-fixes #24, #38

    // > If there is a separator at the end of the pattern then the pattern
    // > will only match directories, otherwise the pattern can match both
    // > files and directories.

    // 'js*' will not match 'a.js'
    // 'js/' will not match 'a.js'
    // 'js' will match 'a.js' and 'a.js/'
    source => {
      const last = source[source.length - 1]

      // The pattern is empty, or ends in a pending marker `_make` owns --
      //   the trailing wildcard, or a trailing "/**". A trailing `*` that is
      //   not the marker is a literal star, which anchors like any other
      //   final character.
      if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
        return source
      }

      return last === SLASH
        // foo/ will not match 'foo'
        ? `${source}$`
        // foo matches 'foo' and 'foo/'
        : `${source}(?=$|\\/$)`
    }
  ]
]

const REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/
const MODE_IGNORE = 'regex'
const MODE_CHECK_IGNORE = 'checkRegex'
const UNDERSCORE = '_'

const replaceTrailingWildcard = (_, p1) => {
  const prefix = p1
    // '\^':
    // '/*' does not match EMPTY
    // '/*' does not match everything

    // '\\\/':
    // 'abc/*' does not match 'abc/'
    ? `${p1}[^/]+`

    // 'a*' matches 'a'
    // 'a*' matches 'aa'
    : '[^/]*'

  return `${prefix}(?=$|\\/$)`
}

const REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/

// 'abc/**' matches everything under 'abc', but not 'abc/' itself (#21):
//   requiring one arbitrary character (line terminators included, #176)
//   after 'abc/' is necessary and sufficient for `.test(path)`.
const replaceTrailingDoublestar = () => '[\\s\\S]'

// The fixed piece between the wildcard at `at` and the next wildcard of the
//   run: the tokens that separate them, joined as they appear in the source.
//   A run never holds two wildcards in a row, so there is always at least one
//   token.
const separatorAfter = (run, at) => {
  let separator = EMPTY

  for (let index = at + 1; index < run.length && !run[index].wildcard; index ++) {
    separator += run[index].single
  }

  return separator
}

// Where a run of non-slash wildcards is split by fixed pieces --
//   `[^/]*ab[^/]*cd...` -- the engine has many equivalent ways to lay the
//   input across the wildcards, and on input that does not match it works
//   through all of them, so the time grows with the number of wildcards
//   rather than the length of the path. Every wildcard but the last in such a
//   run can be pinned to stop where the piece after it begins, which leaves
//   one way to lay out the input and no rewinding, without changing which
//   paths match: the fixed pieces still bound the count, and the last
//   wildcard still absorbs the rest.
//
// A wildcard is pinned to the whole piece, never to the piece's first
//   character. The pin leaves no way back, so a wildcard that stopped at that
//   first character would hand over wherever the character happens to turn
//   up, including the places the rest of the piece cannot follow -- which is
//   how `f*o/*/*` came to miss `foo/b/c`, the first `o` of `foo` not being
//   the one the `o/` after it needs. Every token of a piece matches exactly
//   one character, so the first place the whole piece fits is the leftmost
//   place it can sit, and whatever is left over goes to the wildcards that
//   follow.
//
// The source is read one token at a time -- a wildcard, a single-character
//   piece (a literal, an escape, a class), or a parenthesised group or anchor
//   that ends the run -- so only a genuine wildcard is touched.
const pinWildcards = source => {
  if (source.indexOf(WILDCARD) < 0) {
    return source
  }

  const tokens = []
  const {length} = source
  let index = 0

  while (index < length) {
    const char = source[index]

    if (source.startsWith(WILDCARD, index)) {
      tokens.push({wildcard: true})
      index += WILDCARD.length
    } else if (char === '[') {
      let end = index + 1

      if (source[end] === '^') {
        end ++
      }

      if (source[end] === ']') {
        end ++
      }

      while (end < length && source[end] !== ']') {
        end += source[end] === ESCAPE
          ? 2
          : 1
      }

      end ++
      tokens.push({single: source.slice(index, end)})
      index = end
    } else if (char === ESCAPE) {
      tokens.push({single: source.slice(index, index + 2)})
      index += 2
    } else if (char === '(') {
      let depth = 0
      let end = index

      do {
        if (source[end] === ESCAPE) {
          end ++
        } else if (source[end] === '(') {
          depth ++
        } else if (source[end] === ')') {
          depth --
        }

        end ++
      } while (end < length && depth > 0)

      if ('*+?'.indexOf(source[end]) >= 0) {
        end ++
      }

      tokens.push({boundary: source.slice(index, end)})
      index = end
    } else if (char === '^' || char === '$') {
      tokens.push({boundary: char})
      index ++
    } else {
      tokens.push({single: char})
      index ++
    }
  }

  let out = EMPTY
  let run = []

  const flush = () => {
    let lastWildcard

    run.forEach((token, at) => {
      if (token.wildcard) {
        lastWildcard = at
      }
    })

    run.forEach((token, at) => {
      if (!token.wildcard) {
        out += token.single
        return
      }

      // Every wildcard but the last is pinned to the whole piece that
      //   follows it, for the reason set out above this function. The last
      //   one stays as it is and takes up the rest.
      out += at === lastWildcard
        ? WILDCARD
        : `(?:(?!${separatorAfter(run, at)})[^\\/])*`
    })

    run = []
  }

  tokens.forEach(token => {
    if (token.boundary === undefined) {
      run.push(token)
      return
    }

    flush()
    out += token.boundary
  })

  flush()

  return out
}

// @param {pattern}
const makeRegexPrefix = pattern => {
  // `/**` matches every path, as `**` does. The translation below only finds
  //   a globstar beside a slash it keeps, and the leading one is turned into
  //   an anchor, so `/**` would come out as `/*` and match one level only.
  //   Here rather than in `createRule`, so that `checkSourceOf`, which
  //   compiles `/**/` again without its trailing slash, gets it too.
  if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
    pattern = '**'
  }

  const {source, sources} = extractBrackets(pattern)

  const replaced = REPLACERS.reduce(
    // A pass whose matcher finds nothing hands back the very string it was
    //   given, so asking first costs a search and saves a rewrite. Ten of the
    //   fifteen passes never fire for a typical .gitignore line, and between
    //   them they were 45% of this chain.
    (prev, [matcher, replacer, required]) => {
      if (matcher === DIRECT) {
        return replacer(prev, pattern)
      }

      if (required !== UNDEFINED && prev.indexOf(required) < 0) {
        return prev
      }

      // A pass whose matcher finds nothing hands back the very string it was
      //   given, so asking first costs a search and saves a rewrite.
      return matcher.test(prev)
        ? prev.replace(matcher, replacer.bind(pattern))
        : prev
    },
    source
  )

  // Most patterns hold no bracket expression at all, and then there is
  //   nothing to put back.
  return sources.length
    ? replaced.replace(
      REGEX_RESTORE_PLACEHOLDER,
      (match, index) => sources[index]
    )
    : replaced
}

// `checkRegex` tests a path with a trailing slash, 'abc/', the way
//   `git check-ignore` matches that literal string once the directory itself
//   is known not to be excluded (see `checkIgnore`): a trailing '/' of the
//   pattern is dropped, a basename pattern sees an empty basename, and only a
//   pattern whose last segment is a pending wildcard can match what is left
//   after the final slash -- 'abc/*' and 'abc/**' match 'abc/', and 'abc/**'
//   also matches 'abc/d/' (#77, #169).
const checkSourceOf = (body, prefix) => {
  if (body[body.length - 1] === SLASH) {
    prefix = makeRegexPrefix(body.slice(0, - 1))
  }

  const head = prefix.slice(0, - 1)
  const last = prefix[prefix.length - 1]

  return last === TRAILING_WILDCARD
    ? `${head}$`
    : last === TRAILING_DOUBLESTAR
      ? head
      : NEVER_MATCH
}

// A trailing slash does not stop a pattern being basename-only: it restricts
//   the match to a directory, it does not let the pattern reach across one.
//   Everything else a pattern can hold -- a wildcard, a character class, an
//   escape -- stays inside a single path segment too, so a pattern with no
//   separator in it can only ever describe the last one.
const matchesBasename = body => {
  const index = body.indexOf(SLASH)

  return index < 0 || index === body.length - 1
}

// The last segment of a path, keeping a trailing slash, because a pattern that
//   ends in one matches only a directory.
// 'a/b/c.js' -> 'c.js';  'a/b/' -> 'b/';  'c.js' -> 'c.js' (no copy made)
const basenameOf = path => {
  const end = path.length - 1

  const index = path.lastIndexOf(
    SLASH,
    path[end] === SLASH
      ? end - 1
      : end
  )

  return index < 0
    ? path
    : path.slice(index + 1)
}

// The parent directory of a path, with its trailing separator, or EMPTY when
//   the path has none.
// 'a/b/c' -> 'a/b/';  'a/b/' -> 'a/';  'a' -> EMPTY;  'a/' -> EMPTY
//
// A path holding an empty segment has to be taken apart, because its
//   ancestors are not prefixes of it: the parent of 'a//b' is 'a/', not
//   'a//', and the parent of '/a/' is nothing at all. Both shapes reach here
//   -- 'a//b' is accepted outright, and `checkIgnore` does not put the path
//   it is given through the relative-path check.
//
// Every other path is a prefix of itself, and cutting one costs a fraction of
//   splitting it into an array and joining that back at every level: 73ns
//   against 207ns.
const parentOf = path => {
  if (
    path.charCodeAt(0) === SLASH_CODE
    || path.indexOf(DOUBLE_SLASH) >= 0
  ) {
    const slices = path.split(SLASH).filter(Boolean)

    slices.pop()

    return slices.length
      ? slices.join(SLASH) + SLASH
      : EMPTY
  }

  const end = path.length - 1

  // Look back from before a trailing separator, since that one belongs to the
  //   path itself.
  //
  // A negative place to start would be a trap here: `lastIndexOf` clamps one
  //   to 0 and searches there rather than reporting no match, so '/' would
  //   come back as its own parent and the walk would never end. It cannot
  //   happen -- that is the only path short enough to produce one, and the
  //   test above has already sent it the other way.
  const cut = path.lastIndexOf(
    SLASH,
    path.charCodeAt(end) === SLASH_CODE
      ? end - 1
      : end
  )

  return cut < 0
    ? EMPTY
    : path.slice(0, cut + 1)
}

const isString = subject => typeof subject === 'string'

// Blank lines, comments and trailing lone backslashes are told by
//   `createRule`, once the pattern is normalized.
const checkPattern = pattern => pattern
  && isString(pattern)

// Git drops one CR before each LF, and one at the end of a final line that
//   has no LF after it.
const splitPattern = pattern => (
  pattern[pattern.length - 1] === '\r'
    ? pattern.slice(0, - 1)
    : pattern
)
.split(REGEX_SPLITALL_CRLF)
.filter(Boolean)

class IgnoreRule {
  constructor (
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    prefix
  ) {
    this.pattern = pattern
    this.mark = mark
    this.negative = negative

    define(this, 'body', body)
    define(this, 'ignoreCase', ignoreCase)
    define(this, 'regexPrefix', prefix)
  }

  // Worked out on first use and kept behind an own property, the way `regex`
  //   caches itself in `_regex`. Deciding it in the constructor instead would
  //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
  //   every compile -- including the compiles of rules that are never matched
  //   against anything.
  get _basenameOnly () {
    return define(this, '_basenameOnly', matchesBasename(this.body))
  }

  get regex () {
    const key = UNDERSCORE + MODE_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_IGNORE, key)
  }

  get checkRegex () {
    const key = UNDERSCORE + MODE_CHECK_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_CHECK_IGNORE, key)
  }

  _make (mode, key) {
    const str = pinWildcards(
      mode === MODE_IGNORE
        ? this.regexPrefix
        .replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard)
        .replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar)
        : checkSourceOf(this.body, this.regexPrefix)
    )

    const regex = this.ignoreCase
      ? new RegExp(str, 'i')
      : new RegExp(str)

    return define(this, key, regex)
  }
}

const hasTrailingBackslash = str => {
  let count = 0

  while (str[str.length - count - 1] === ESCAPE) {
    count ++
  }

  return count % 2 === 1
}

// Read a line the way git does: when `stripLineEnd` is set (an unsplit array
//   or object pattern), drop any trailing blank lines along with the LF
//   before each and at most one CR at the end of the line; then trim trailing
//   spaces in the same backward pass. Git trims spaces only, and a space
//   escaped by an odd run of backslashes stays, unescaped, as the last one.
// Scanned from the end: a regular expression can only try each start in
//   turn, which is quadratic over a long run of spaces or backslashes.
// 'a  ' -> 'a';  'a\ ' -> 'a ';  'a\\ ' -> 'a\\';  'a\t' -> 'a\t'
// 'a\r\n' -> 'a';  'a\r\r' -> 'a\r';  'a\n\r' -> 'a'
const trimEnd = (body, stripLineEnd) => {
  let lineEnd = body.length
  let end

  for (;;) {
    if (stripLineEnd && body[lineEnd - 1] === '\r') {
      lineEnd --
    }

    end = lineEnd

    while (body[end - 1] === SPACE) {
      end --
    }

    if (!stripLineEnd || body[end - 1] !== '\n') {
      break
    }

    lineEnd = end - 1
  }

  if (end === lineEnd) {
    return body.slice(0, lineEnd)
  }

  let backslashes = 0

  while (body[end - backslashes - 1] === ESCAPE) {
    backslashes ++
  }

  return backslashes % 2
    ? body.slice(0, end - 1) + SPACE
    : body.slice(0, end)
}

const createRule = (
  pattern,
  mark,
  ignoreCase,
  stripLineEnd,
  stripBOM
) => {
  // Git drops a BOM before it reads the first line, so before anything else.
  let body = stripBOM && pattern[0] === BOM
    ? pattern.slice(1)
    : pattern

  // > A line starting with # serves as a comment.
  if (body[0] === '#') {
    return
  }

  let negative = false

  // > An optional prefix "!" which negates the pattern;
  if (body[0] === '!') {
    negative = true
    body = body.slice(1)
  }

  // Normalize the body before checking which slashes anchor the pattern.
  //   Otherwise `bar/ ` is mistaken for a pattern containing an inner slash.
  //   A line from `splitPattern` has already lost its line ending, so only a
  //   trailing space remains to trim there.
  const last = body[body.length - 1]

  if (
    last === SPACE
    || stripLineEnd && (last === '\r' || last === '\n')
  ) {
    body = trimEnd(body, stripLineEnd)
  }

  // > A blank line matches no files, so it can serve as a separator for
  // >   readability.
  // Nor does a lone "!", a pattern ending on an unpaired backslash, or
  //   anything else left empty here: an empty pattern would compile to a
  //   regex matching every path.
  if (!body || hasTrailingBackslash(body)) {
    return
  }

  body = body
  // > Put a backslash ("\") in front of the first "!" for patterns that
  // >   begin with a literal "!", for example, `"\!important!.txt"`.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, '!')
  // > Put a backslash ("\") in front of the first hash for patterns that
  // >   begin with a hash.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, '#')

  const regexPrefix = makeRegexPrefix(body)

  return new IgnoreRule(
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    regexPrefix
  )
}

class RuleManager {
  constructor (ignoreCase) {
    this._ignoreCase = ignoreCase
    this._rules = []

    // How many of the rules git would tag `EXC_FLAG_NODIR`.
    //
    // The scan uses it to decide, once for the whole set, whether handing
    //   those rules the basename is worth what it costs the others. The
    //   shortcut saves a full-path scan on every rule it applies to and costs
    //   a check on every rule it does not, so a set where almost nothing is
    //   basename-only comes out behind -- a 955 pattern set with 44 of them
    //   measured 19% slower with the shortcut always on.
    //
    // Deciding this by measurement rather than by meaning is safe: a
    //   basename-only pattern gives the very same answer against the whole
    //   path, it just takes longer to say so. The choice can only change how
    //   fast the scan runs, never what it returns.
    this._basenameCount = 0
  }

  _add (pattern, index) {
    // #32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules._rules)
      this._basenameCount += pattern._rules._basenameCount
      this._added = true
      return
    }

    const isStr = isString(pattern)
    const raw = isStr
      ? pattern
      : pattern.pattern

    const rule = checkPattern(raw)
      && createRule(
        raw,
        isStr ? UNDEFINED : pattern.mark,
        this._ignoreCase,
        !this._split,
        this._stripBOM && !index
      )

    if (rule) {
      this._added = true
      this._rules.push(rule)

      // Deliberately not `rule._basenameOnly`: reading that would materialise
      //   the rule's own copy, and the whole point of leaving it lazy is that
      //   a rule which is compiled and never matched never pays for it.
      if (matchesBasename(rule.body)) {
        this._basenameCount ++
      }
    }
  }

  // @param {Array<string> | string | Ignore} pattern
  add (pattern) {
    this._added = false
    this._split = isString(pattern)
    this._stripBOM = !this._split || pattern[0] === BOM

    makeArray(
      this._split
        ? splitPattern(pattern)
        : pattern
    ).forEach(this._add, this)

    if (this._added) {
      this._literalRules = UNDEFINED
    }

    return this._added
  }

  // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
  //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
  //   are left out once, rather than tested or compiled for every path.
  testLiteral (path) {
    const rules = this._literalRules || (
      this._literalRules = this._rules.filter(
        ({body}) => body[body.length - (
          body[body.length - 1] === SLASH ? 2 : 1
        )] === '*'
      )
    )

    let ignored = false
    let unignored = false
    let matchedRule

    for (let index = rules.length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule.checkRegex.test(path)) {
        ignored = !rule.negative
        unignored = rule.negative
        matchedRule = rule.negative
          ? UNDEFINED
          : rule
        break
      }
    }

    const ret = {
      ignored,
      unignored
    }

    if (matchedRule) {
      ret.rule = matchedRule
    }

    return ret
  }

  // Test one single path without recursively checking parent directories
  //
  // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`

  // @returns {TestResult}
  test (path, mode) {
    // Most of a .gitignore is patterns with no slash in them, and running
    //   those against the whole path makes the regular expression engine walk
    //   every directory name on the way to the only segment that could match.
    //   Handing them the basename instead is what git does, and it is where
    //   the time in a directory walk goes: the rule scan was two thirds of it.
    const rules = this._rules
    const {length} = rules

    const shortcut = this._basenameCount * 2 >= length

    const basename = shortcut
      ? basenameOf(path)
      : path

    // The last rule to match decides, as in git, and it is the rule
    //   `git check-ignore -v` reports, so the scan runs from the end and stops
    //   at the first match.
    // A plain loop rather than `forEach`, so that `path`, `basename` and
    //   `shortcut` are locals. As a callback they became closure variables,
    //   and reaching for one of those once per rule cost 10% of a scan over a
    //   large rule set -- more than the shortcut they were there to serve.
    for (let index = length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule[mode].test(
        shortcut && rule._basenameOnly
          ? basename
          : path
      )) {
        const {negative} = rule

        const ret = {
          ignored: !negative,
          unignored: negative
        }

        if (!negative) {
          ret.rule = rule
        }

        return ret
      }
    }

    return {
      ignored: false,
      unignored: false
    }
  }
}

const throwError = (message, Ctor) => {
  throw new Ctor(message)
}

const checkPath = (path, originalPath, doThrow) => {
  if (!isString(path)) {
    return doThrow(
      `path must be a string, but got \`${originalPath}\``,
      TypeError
    )
  }

  // We don't know if we should ignore EMPTY, so throw
  if (!path) {
    return doThrow(`path must not be empty`, TypeError)
  }

  // Check if it is a relative path
  if (checkPath.isNotRelative(path)) {
    const r = '`path.relative()`d'
    return doThrow(
      `path should be a ${r} string, but got "${originalPath}"`,
      RangeError
    )
  }

  return true
}

// > pathname should be a `path.relative()`d one
//
// The same thing `REGEX_TEST_INVALID_PATH` says, spelled out: a path is not
//   relative if it begins with a separator, or with `./` or `../`, or is
//   nothing but `.` or `..`. Every match is decided by the first three
//   characters, and this runs on every path handed to the library -- where it
//   was 55% of a cached lookup, more than the cache lookup itself.
const isNotRelative = path => {
  const first = path.charCodeAt(0)

  if (first === SLASH_CODE) {
    return true
  }

  if (first !== DOT_CODE) {
    return false
  }

  // '.'
  if (path.length === 1) {
    return true
  }

  const second = path.charCodeAt(1)

  // './'
  if (second === SLASH_CODE) {
    return true
  }

  if (second !== DOT_CODE) {
    return false
  }

  // '..' or '../'
  return path.length === 2 || path.charCodeAt(2) === SLASH_CODE
}

checkPath.isNotRelative = isNotRelative

// On windows, the following function will be replaced
/* istanbul ignore next */
checkPath.convert = p => p


const convertPath = target =>
  isString(target) && checkPath.convert(target)


class Ignore {
  constructor ({
    ignorecase = true,
    ignoreCase = ignorecase,
    allowRelativePaths = false
  } = {}) {
    define(this, KEY_IGNORE, true)

    this._rules = new RuleManager(ignoreCase)
    this._strictPathCheck = !allowRelativePaths
    this._initCache()
  }

  _initCache () {
    // A cache for the result of `.ignores()`
    this._ignoreCache = Object.create(null)

    // A cache for the result of `.test()`
    this._testCache = Object.create(null)
  }

  add (pattern) {
    if (this._rules.add(pattern)) {
      // Some rules have just added to the ignore,
      //   making the behavior changed,
      //   so we need to re-initialize the result cache
      this._initCache()
    }

    return this
  }

  // legacy
  addPattern (pattern) {
    return this.add(pattern)
  }

  // @returns {TestResult}
  _test (originalPath, cache, path) {
    checkPath(
      path,
      originalPath,
      this._strictPathCheck
        ? throwError
        : RETURN_FALSE
    )

    return path
      ? this._t(path, cache)
      : {
        ignored: false,
        unignored: false
      }
  }

  checkIgnore (target) {
    // A Windows path is converted first, so that a directory given with a
    //   trailing separator, `\` or `/`, is told the same way
    const path = convertPath(target)

    // If the path does not end with a slash, `.ignores()` is much equivalent
    //   to `git check-ignore`
    if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
      return this._test(target, this._testCache, path)
    }

    // Like `git check-ignore`: a directory excluded by itself or by an
    //   ancestor settles it, and only then is the literal 'abc/' matched
    //   against the rules (see `checkSourceOf`).
    const dir = this._t(path, this._testCache)

    if (dir.ignored) {
      return dir
    }

    const literal = this._rules.testLiteral(path)

    return literal.ignored || literal.unignored
      ? literal
      : dir
  }

  _t (
    // The path to be tested
    path,

    // The cache for the result of a certain checking
    cache
  ) {
    if (path in cache) {
      return cache[path]
    }

    const parentPath = parentOf(path)

    // If the path contains a parent directory, check the parent first
    const parent = parentPath
      ? this._t(parentPath, cache)
      : UNDEFINED

    return cache[path] = parent && parent.ignored
      // > It is not possible to re-include a file if a parent directory of
      // >   that file is excluded.
      ? parent
      : this._rules.test(path, MODE_IGNORE)
  }

  ignores (path) {
    return this._test(path, this._ignoreCache, convertPath(path)).ignored
  }

  createFilter () {
    return path => !this.ignores(path)
  }

  filter (paths) {
    return makeArray(paths).filter(this.createFilter())
  }

  // @returns {TestResult}
  test (path) {
    return this._test(path, this._testCache, convertPath(path))
  }
}

const factory = options => new Ignore(options)

const isPathValid = path =>
  checkPath(convertPath(path), path, RETURN_FALSE)

/* istanbul ignore next */
const setupWindows = () => {
  /* eslint no-control-regex: "off" */
  const makePosix = str => /^\\\\\?\\/.test(str)
  || /["<>|\u0000-\u001F]+/u.test(str)
    ? str
    : str.replace(/\\/g, '/')

  checkPath.convert = makePosix

  // 'C:\\foo'     <- 'C:\\foo' has been converted to 'C:/'
  // 'd:\\foo'
  const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i
  checkPath.isNotRelative = path =>
    REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path)
    || isNotRelative(path)
}


// Windows
// --------------------------------------------------------------
/* istanbul ignore next */
if (
  // Detect `process` so that it can run in browsers.
  typeof process !== 'undefined'
  && process.platform === 'win32'
) {
  setupWindows()
}

// COMMONJS_EXPORTS ////////////////////////////////////////////////////////////

module.exports = factory

// Although it is an anti-pattern,
//   it is still widely misused by a lot of libraries in github
// Ref: https://github.com/search?q=ignore.default%28%29&type=code
factory.default = factory

module.exports.isPathValid = isPathValid

// For testing purposes
define(module.exports, Symbol.for('setupWindows'), setupWindows)


/***/ }),

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/bench/synthetic.ts
// Writes a synthetic repository of a given size for the benchmark: realistic TypeScript (imports,
// classes, functions with branches and loops, calls, try/catch, tests) or Python, from a seeded
// generator so that two runs measure the same input.


/** A small deterministic PRNG (mulberry32). */
function random(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const WORDS = ['user', 'order', 'item', 'cache', 'token', 'record', 'batch', 'query', 'event', 'report', 'price', 'stock', 'path', 'entry', 'limit'];
class Writer {
    rnd;
    constructor(seed) {
        this.rnd = random(seed);
    }
    pick(list) {
        return list[Math.floor(this.rnd() * list.length)];
    }
    int(max) {
        return Math.floor(this.rnd() * max);
    }
    word() {
        return this.pick(WORDS);
    }
    cap(s) {
        return s[0].toUpperCase() + s.slice(1);
    }
}
function tsFunction(w, name, indent, method) {
    const a = w.word();
    const b = w.word();
    const n = w.int(100);
    const head = method ? `${indent}async ${name}(${a}s: ${w.cap(a)}[], ${b}Limit = ${n}): Promise<number> {` : `${indent}export async function ${name}(${a}s: ${w.cap(a)}[], ${b}Limit = ${n}): Promise<number> {`;
    const i = `${indent}  `;
    return [
        head,
        `${i}let total = 0`,
        `${i}if (${a}s.length === 0) {`,
        `${i}  throw new RangeError('no ${a}s to process in ${name}')`,
        `${i}}`,
        `${i}for (let i = 0; i < ${a}s.length; i++) {`,
        `${i}  const current = ${a}s[i]`,
        `${i}  if (current.${b} > ${b}Limit && current.kind !== '${w.word()}') {`,
        `${i}    total += await this.fetch${w.cap(b)}(current.id, { retries: ${w.int(5)} })`,
        `${i}  } else if (current.${b} === ${n}) {`,
        `${i}    continue`,
        `${i}  }`,
        `${i}}`,
        `${i}try {`,
        `${i}  const parsed = JSON.parse(format${w.cap(a)}(total, '${w.word()}'))`,
        `${i}  total = parsed.value ?? total`,
        `${i}} catch (error) {`,
        `${i}  logger.warn('could not parse ${a}', error)`,
        `${i}}`,
        `${i}switch (${a}s[0].kind) {`,
        `${i}  case '${w.word()}':`,
        `${i}    return total * 2`,
        `${i}  case '${w.word()}':`,
        `${i}    return total > 10 ? total : -1`,
        `${i}  default:`,
        `${i}    return total`,
        `${i}}`,
        `${indent}}`,
        ''
    ];
}
function tsModule(w, index, targetLines) {
    const lines = [
        `import { readFile } from 'node:fs/promises'`,
        `import { logger } from '../util/logger.js'`,
        index > 0 ? `import { Service${index - 1} } from './service-${index - 1}.js'` : `import type { Options } from '../util/options.js'`,
        '',
        `const registry = new Map<string, number>()`,
        `export const DEFAULT_LIMIT_${index} = ${w.int(1000)}`,
        ''
    ];
    let fn = 0;
    while (lines.length < targetLines) {
        const cls = `Service${index}${fn > 0 ? `Part${fn}` : ''}`;
        lines.push(`export class ${cls} {`, `  private readonly cache = new Map<string, string>()`, '');
        for (let m = 0; m < 3 && lines.length < targetLines; m++)
            lines.push(...tsFunction(w, `${w.word()}${w.cap(w.word())}${m}`, '  ', true));
        lines.push('}', '');
        if (lines.length < targetLines)
            lines.push(...tsFunction(w, `handle${w.cap(w.word())}${fn}`, '', false));
        fn++;
    }
    lines.push(`export function register${index}(key: string): void {`, `  registry.set(key, (registry.get(key) ?? 0) + 1)`, '}', '');
    return lines.join('\n');
}
function tsTest(w, index) {
    return [
        `import { describe, expect, it } from '@jest/globals'`,
        `import { Service${index}, register${index} } from '../src/service-${index}.js'`,
        '',
        `describe('Service${index}', () => {`,
        `  it('rejects an empty list', async () => {`,
        `    await expect(new Service${index}().${w.word()}(([]))).rejects.toThrow(RangeError)`,
        `  })`,
        `  it.skip('registers', () => {`,
        `    register${index}('${w.word()}')`,
        `  })`,
        `})`,
        ''
    ].join('\n');
}
function pyModule(w, index, targetLines) {
    const lines = ['import json', 'import logging', `from .util import helper_${index}`, '', 'log = logging.getLogger(__name__)', 'REGISTRY = {}', ''];
    let n = 0;
    while (lines.length < targetLines) {
        const a = w.word();
        lines.push(`class ${w.cap(a)}Service${n}:`, `    def __init__(self, limit: int = ${w.int(100)}) -> None:`, `        self.limit = limit`, '', `    def process(self, ${a}s: list[dict], strict: bool = False) -> int:`, `        total = 0`, `        if not ${a}s:`, `            raise ValueError("no ${a}s")`, `        for item in ${a}s:`, `            if item.get("${w.word()}") > self.limit and item["kind"] != "${w.word()}":`, `                total += helper_${index}(item, retries=${w.int(5)})`, `            elif item.get("size") == ${w.int(50)}:`, `                continue`, `        try:`, `            total = json.loads(str(total))`, `        except ValueError as error:`, `            log.warning("bad total %s", error)`, `        return total`, '');
        n++;
    }
    return lines.join('\n');
}
function writeSyntheticRepository(root, options) {
    const w = new Writer(options.seed ?? 42);
    const maxLines = options.lines ?? Number.POSITIVE_INFINITY;
    const maxBytes = options.bytes ?? Number.POSITIVE_INFINITY;
    const language = options.language ?? 'ts';
    const perFile = options.files && Number.isFinite(maxLines) ? Math.max(20, Math.ceil(maxLines / options.files)) : 400;
    const result = { files: 0, lines: 0, bytes: 0 };
    const write = (path, text) => {
        const full = (0,external_node_path_namespaceObject.join)(root, path);
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(full), { recursive: true });
        (0,external_node_fs_namespaceObject.writeFileSync)(full, text);
        result.files++;
        result.lines += text.split('\n').length - 1;
        result.bytes += Buffer.byteLength(text);
    };
    write('package.json', JSON.stringify({ name: 'synthetic', version: '1.0.0', type: 'module' }, null, 2) + '\n');
    write('src/util/logger.ts', `export const logger = { warn: (...args: unknown[]) => args.length }\n`);
    for (let i = 0; result.lines < maxLines && result.bytes < maxBytes; i++) {
        if (options.files && i >= options.files)
            break;
        const py = language === 'py' || (language === 'mixed' && i % 2 === 1);
        if (py)
            write(`pkg/service_${i}.py`, pyModule(w, i, perFile));
        else {
            write(`src/service-${i}.ts`, tsModule(w, i, perFile));
            if (i % 5 === 0)
                write(`__tests__/service-${i}.test.ts`, tsTest(w, i));
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/util/errors.ts
// Two kinds of error: the user's (bad input, with the fix) and everything else.
/** A mistake in the user's configuration or input: shown as is, with what to do. */
class ConfigurationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConfigurationError';
    }
}
/** A caught `unknown` as text. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/model/extract/common.ts
/** 1-based location of a node. */
function loc(node) {
    return {
        startLine: node.startPosition.row + 1,
        startColumn: node.startPosition.column + 1,
        endLine: node.endPosition.row + 1,
        endColumn: node.endPosition.column + 1
    };
}
/** A node's text, cut to `max` characters so that a 5 MB expression cannot bloat the model. */
function common_text(node, max = 200) {
    if (!node)
        return '';
    const t = node.text;
    return t.length > max ? `${t.slice(0, max)}…` : t;
}
/** A module with nothing in it yet; extractors fill it in. */
function emptyModule(source) {
    return {
        path: source.path,
        language: source.language,
        lines: countLines(source.text),
        bytes: source.bytes,
        status: 'parsed',
        syntaxErrors: 0,
        imports: [],
        exports: [],
        functions: [],
        classes: [],
        calls: [],
        throws: [],
        tries: [],
        conditions: [],
        loops: [],
        switches: [],
        strings: [],
        variables: [],
        hasMain: source.text.startsWith('#!'),
        isTest: false
    };
}
function countLines(source) {
    if (source.length === 0)
        return 0;
    let n = 1;
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1))
        n++;
    return source.endsWith('\n') ? n - 1 : n;
}

;// CONCATENATED MODULE: ./src/model/extract/generic-langs.ts
const BOOL_OPS = new Set(['&&', '||', 'and', 'or']);
const isBooleanOperator = (op) => BOOL_OPS.has(op);
const COMPARISON_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', '<>']);
const go = {
    functions: {
        function_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'result' },
        method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'result' }
    },
    classes: { type_spec: { nameField: 'name' } },
    calls: { call_expression: { functionField: 'function', argsField: 'arguments' } },
    params: {
        parameter_declaration: { nameField: 'name', typeField: 'type' },
        variadic_parameter_declaration: { nameField: 'name', typeField: 'type', rest: true }
    },
    loops: { for_statement: { kind: 'for', bodyField: 'body' } },
    conditions: { if_statement: 'if' },
    decisions: new Set(['expression_case', 'type_case', 'communication_case']),
    binary: new Set(['binary_expression']),
    tries: new Set(),
    handlers: new Set(),
    finallies: new Set(),
    throwTypes: new Set(),
    switches: {
        expression_switch_statement: { valueField: 'value', caseTypes: ['expression_case'], defaultTypes: ['default_case'] },
        type_switch_statement: { valueField: 'value', caseTypes: ['type_case'], defaultTypes: ['default_case'] }
    },
    members: { selector_expression: ['operand', 'field'] }
};
const java = {
    functions: {
        method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'type' },
        constructor_declaration: { nameField: 'name', paramsField: 'parameters', isConstructor: true }
    },
    classes: {
        class_declaration: { nameField: 'name', baseTypes: ['superclass', 'super_interfaces'] },
        interface_declaration: { nameField: 'name', baseTypes: ['extends_interfaces'] },
        enum_declaration: { nameField: 'name', baseTypes: ['super_interfaces'] },
        record_declaration: { nameField: 'name', baseTypes: ['super_interfaces'] }
    },
    calls: {
        method_invocation: { receiverField: 'object', nameField: 'name', argsField: 'arguments' },
        object_creation_expression: { functionField: 'type', argsField: 'arguments', isNew: true }
    },
    params: {
        formal_parameter: { nameField: 'name', typeField: 'type' },
        spread_parameter: { rest: true },
        receiver_parameter: { skip: true }
    },
    loops: {
        for_statement: { kind: 'for', bodyField: 'body' },
        enhanced_for_statement: { kind: 'for-of', iteratesField: 'value', bodyField: 'body' },
        while_statement: { kind: 'while', bodyField: 'body' },
        do_statement: { kind: 'do-while', bodyField: 'body' }
    },
    conditions: { if_statement: 'if', ternary_expression: 'ternary' },
    decisions: new Set(['switch_label']),
    binary: new Set(['binary_expression']),
    tries: new Set(['try_statement', 'try_with_resources_statement']),
    handlers: new Set(['catch_clause']),
    finallies: new Set(['finally_clause']),
    throwTypes: new Set(['throw_statement']),
    switches: {
        switch_expression: { valueField: 'condition', caseTypes: ['switch_label'], defaultTypes: [] }
    },
    members: { field_access: ['object', 'field'] }
};
const rust = {
    functions: {
        function_item: { nameField: 'name', paramsField: 'parameters', returnField: 'return_type' }
    },
    classes: {
        struct_item: { nameField: 'name' },
        enum_item: { nameField: 'name' },
        trait_item: { nameField: 'name' },
        union_item: { nameField: 'name' },
        impl_item: { nameField: 'type', scopeOnly: true },
        mod_item: { nameField: 'name', scopeOnly: true, namespace: true }
    },
    calls: {
        call_expression: { functionField: 'function', argsField: 'arguments' },
        macro_invocation: { functionField: 'macro' }
    },
    params: {
        parameter: { nameField: 'pattern', typeField: 'type' },
        self_parameter: { skip: true },
        variadic_parameter: { rest: true }
    },
    loops: {
        for_expression: { kind: 'for-of', iteratesField: 'value', bodyField: 'body' },
        while_expression: { kind: 'while', bodyField: 'body' },
        loop_expression: { kind: 'loop', bodyField: 'body' }
    },
    conditions: { if_expression: 'if' },
    decisions: new Set(['match_arm']),
    binary: new Set(['binary_expression']),
    tries: new Set(),
    handlers: new Set(),
    finallies: new Set(),
    throwTypes: new Set(),
    switches: { match_expression: { valueField: 'value', caseTypes: ['match_arm'], defaultTypes: [] } },
    members: { field_expression: ['value', 'field'], scoped_identifier: ['path', 'name'] }
};
const ruby = {
    functions: {
        method: { nameField: 'name', paramsField: 'parameters' },
        singleton_method: { nameField: 'name', paramsField: 'parameters', static: true }
    },
    classes: {
        class: { nameField: 'name', baseTypes: ['superclass'] },
        module: { nameField: 'name' }
    },
    calls: { call: { receiverField: 'receiver', nameField: 'method', argsField: 'arguments' } },
    params: {
        identifier: {},
        optional_parameter: { nameField: 'name', defaultField: 'value' },
        keyword_parameter: { nameField: 'name', defaultField: 'value', keywordOnly: true },
        splat_parameter: { nameField: 'name', rest: true },
        hash_splat_parameter: { nameField: 'name', rest: true },
        block_parameter: { nameField: 'name', rest: true }
    },
    loops: {
        for: { kind: 'for-in', iteratesField: 'value', bodyField: 'body' },
        while: { kind: 'while', bodyField: 'body' },
        until: { kind: 'while', bodyField: 'body' }
    },
    conditions: {
        if: 'if',
        unless: 'if',
        elsif: 'elif',
        if_modifier: 'if',
        unless_modifier: 'if',
        while_modifier: 'while',
        until_modifier: 'while',
        conditional: 'ternary'
    },
    decisions: new Set(['when']),
    binary: new Set(['binary']),
    tries: new Set(['begin']),
    handlers: new Set(['rescue']),
    finallies: new Set(['ensure']),
    throwTypes: new Set(),
    switches: { case: { valueField: 'value', caseTypes: ['when'], defaultTypes: ['else'] } },
    members: {}
};
const csharp = {
    functions: {
        method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'returns' },
        constructor_declaration: { nameField: 'name', paramsField: 'parameters', isConstructor: true },
        local_function_statement: { nameField: 'name', paramsField: 'parameters', returnField: 'type' }
    },
    classes: {
        class_declaration: { nameField: 'name', baseTypes: ['base_list'] },
        interface_declaration: { nameField: 'name', baseTypes: ['base_list'] },
        struct_declaration: { nameField: 'name', baseTypes: ['base_list'] },
        record_declaration: { nameField: 'name', baseTypes: ['base_list'] },
        enum_declaration: { nameField: 'name' }
    },
    calls: {
        invocation_expression: { functionField: 'function', argsField: 'arguments' },
        object_creation_expression: { functionField: 'type', argsField: 'arguments', isNew: true }
    },
    params: { parameter: { nameField: 'name', typeField: 'type' } },
    loops: {
        for_statement: { kind: 'for', bodyField: 'body' },
        foreach_statement: { kind: 'for-of', iteratesField: 'right', bodyField: 'body' },
        while_statement: { kind: 'while', bodyField: 'body' },
        do_statement: { kind: 'do-while', bodyField: 'body' }
    },
    conditions: { if_statement: 'if', conditional_expression: 'ternary' },
    decisions: new Set(['switch_section', 'switch_expression_arm']),
    binary: new Set(['binary_expression']),
    tries: new Set(['try_statement']),
    handlers: new Set(['catch_clause']),
    finallies: new Set(['finally_clause']),
    throwTypes: new Set(['throw_statement', 'throw_expression']),
    switches: { switch_statement: { valueField: 'value', caseTypes: ['switch_section'], defaultTypes: [] } },
    members: { member_access_expression: ['expression', 'name'] }
};
const php = {
    functions: {
        function_definition: { nameField: 'name', paramsField: 'parameters', returnField: 'return_type' },
        method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'return_type' }
    },
    classes: {
        class_declaration: { nameField: 'name', baseTypes: ['base_clause', 'class_interface_clause'] },
        interface_declaration: { nameField: 'name', baseTypes: ['base_clause'] },
        trait_declaration: { nameField: 'name' },
        enum_declaration: { nameField: 'name', baseTypes: ['class_interface_clause'] }
    },
    calls: {
        function_call_expression: { functionField: 'function', argsField: 'arguments' },
        member_call_expression: { receiverField: 'object', nameField: 'name', argsField: 'arguments' },
        nullsafe_member_call_expression: { receiverField: 'object', nameField: 'name', argsField: 'arguments' },
        scoped_call_expression: { receiverField: 'scope', nameField: 'name', argsField: 'arguments' },
        object_creation_expression: { isNew: true }
    },
    params: {
        simple_parameter: { nameField: 'name', typeField: 'type', defaultField: 'default_value' },
        property_promotion_parameter: { nameField: 'name', typeField: 'type', defaultField: 'default_value' },
        variadic_parameter: { nameField: 'name', typeField: 'type', rest: true }
    },
    loops: {
        for_statement: { kind: 'for', bodyField: 'body' },
        foreach_statement: { kind: 'for-of', bodyField: 'body' },
        while_statement: { kind: 'while', bodyField: 'body' },
        do_statement: { kind: 'do-while', bodyField: 'body' }
    },
    conditions: { if_statement: 'if', else_if_clause: 'elif', conditional_expression: 'ternary' },
    decisions: new Set(['case_statement']),
    binary: new Set(['binary_expression']),
    tries: new Set(['try_statement']),
    handlers: new Set(['catch_clause']),
    finallies: new Set(['finally_clause']),
    throwTypes: new Set(['throw_expression']),
    switches: { switch_statement: { valueField: 'condition', caseTypes: ['case_statement'], defaultTypes: ['default_statement'] } },
    members: {}
};
/**
 * A copy without a prototype: tables are indexed by node type or callee name, and a name such as
 * `constructor` must not find Object.prototype's members.
 */
function dict(record) {
    return Object.assign(Object.create(null), record);
}
function freezeTable(table) {
    return {
        ...table,
        functions: dict(table.functions),
        classes: dict(table.classes),
        calls: dict(table.calls),
        params: dict(table.params),
        loops: dict(table.loops),
        conditions: dict(table.conditions),
        switches: dict(table.switches),
        members: dict(table.members)
    };
}
const TABLES = {
    go: freezeTable(go),
    java: freezeTable(java),
    rust: freezeTable(rust),
    ruby: freezeTable(ruby),
    csharp: freezeTable(csharp),
    php: freezeTable(php)
};

;// CONCATENATED MODULE: ./src/model/extract/generic-specials.ts


function kids(node) {
    if (!node)
        return [];
    const out = [];
    for (const child of node.namedChildren)
        if (child && !child.type.includes('comment'))
            out.push(child);
    return out;
}
/** Node types that hold an import, per language. */
const IMPORT_TYPES = {
    go: new Set(['import_spec']),
    java: new Set(['import_declaration']),
    rust: new Set(['use_declaration']),
    ruby: new Set(),
    csharp: new Set(['using_directive']),
    php: new Set(['namespace_use_clause', 'require_expression', 'require_once_expression', 'include_expression', 'include_once_expression'])
};
/**
 * Imports as ImportDecl. Conventions: the whole package/namespace is `{imported: '*'}` (Go
 * packages, C# namespaces, Java/Rust wildcards, Ruby/PHP required files have no names); a single
 * item (`import java.util.List`, `use a::b::C`, PHP `use A\B\C as D`) is source = the path without
 * the item, name = the item.
 */
function readGenericImports(language, node) {
    const at = loc(node);
    const make = (source, names, kind = 'other') => ({
        source,
        names,
        kind,
        typeOnly: false,
        loc: at
    });
    switch (language) {
        case 'go': {
            const path = unquote(common_text(node.childForFieldName('path')));
            const alias = node.childForFieldName('name')?.text;
            return [make(path, [{ imported: '*', local: alias ?? path.split('/').pop() ?? path }])];
        }
        case 'java': {
            const target = kids(node).find((k) => k.type === 'scoped_identifier' || k.type === 'identifier');
            const path = common_text(target);
            if (kids(node).some((k) => k.type === 'asterisk'))
                return [make(path, [{ imported: '*', local: '*' }])];
            return [splitLast(path, '.', make)];
        }
        case 'rust':
            return readRustUse(node.childForFieldName('argument'), '', make);
        case 'csharp': {
            const parts = kids(node);
            const alias = node.childForFieldName('name');
            const target = parts.filter((p) => p.id !== alias?.id).pop();
            return [make(common_text(target), [{ imported: '*', local: alias ? alias.text : '*' }])];
        }
        case 'php': {
            if (node.type !== 'namespace_use_clause') {
                const arg = kids(node)[0];
                const value = arg && (arg.type === 'string' || arg.type === 'encapsed_string') ? unquote(arg.text) : common_text(arg);
                return [make(value, [], 'require')];
            }
            const name = kids(node).find((k) => k.type === 'qualified_name' || k.type === 'name');
            const alias = node.childForFieldName('alias')?.text;
            const decl = splitLast(common_text(name).replace(/^\\/, ''), '\\', make);
            if (alias)
                decl.names = [{ imported: decl.names[0].imported, local: alias }];
            return [decl];
        }
        case 'ruby':
            return [];
    }
}
/** Ruby `require 'x'` / `require_relative 'x'` / `load 'x'` (a call with no receiver). */
function rubyRequire(node) {
    const method = node.childForFieldName('method')?.text;
    if (method !== 'require' && method !== 'require_relative' && method !== 'load')
        return undefined;
    if (node.childForFieldName('receiver'))
        return undefined;
    const arg = kids(node.childForFieldName('arguments'))[0];
    if (!arg || arg.type !== 'string')
        return undefined;
    const source = unquote(arg.text);
    return {
        source: method === 'require_relative' && !source.startsWith('.') ? `./${source}` : source,
        names: [],
        kind: 'require',
        typeOnly: false,
        loc: loc(node)
    };
}
function splitLast(path, separator, make) {
    const at = path.lastIndexOf(separator);
    if (at < 0)
        return make(path, [{ imported: '*', local: path }]);
    const item = path.slice(at + separator.length);
    return make(path.slice(0, at), [{ imported: item, local: item }]);
}
function readRustUse(node, prefix, make) {
    if (!node)
        return [];
    const join = (a, b) => (a && b ? `${a}::${b}` : a || b);
    switch (node.type) {
        case 'scoped_use_list': {
            const base = join(prefix, common_text(node.childForFieldName('path')));
            const names = [];
            for (const item of kids(node.childForFieldName('list'))) {
                if (item.type === 'use_as_clause') {
                    names.push({ imported: common_text(item.childForFieldName('path')), local: common_text(item.childForFieldName('alias')) });
                }
                else if (item.type === 'use_wildcard') {
                    names.push({ imported: '*', local: '*' });
                }
                else {
                    const name = item.text.split('::').pop() ?? item.text;
                    names.push({ imported: name === 'self' ? '*' : item.text, local: name });
                }
            }
            return [make(base, names)];
        }
        case 'use_as_clause': {
            const path = common_text(node.childForFieldName('path'));
            const at = path.lastIndexOf('::');
            return [make(join(prefix, at < 0 ? path : path.slice(0, at)), [{ imported: path.slice(at + 2), local: common_text(node.childForFieldName('alias')) }])];
        }
        case 'use_wildcard':
            return [make(join(prefix, common_text(kids(node)[0])), [{ imported: '*', local: '*' }])];
        default: {
            const path = join(prefix, node.text);
            const at = path.lastIndexOf('::');
            if (at < 0)
                return [make(path, [{ imported: '*', local: path }])];
            const item = path.slice(at + 2);
            return [make(path.slice(0, at), [{ imported: item, local: item }])];
        }
    }
}
/** A string literal's content: the text without its quotes and prefixes (escapes kept). */
function unquote(raw) {
    const open = /^[a-zA-Z@$]*(#*)("""|'''|["'`])/.exec(raw);
    if (!open)
        return raw;
    const close = `${open[2]}${open[1]}`;
    const body = raw.slice(open[0].length);
    return body.endsWith(close) ? body.slice(0, body.length - close.length) : body;
}
const NUMBER_TYPES = new Set([
    'int_literal',
    'float_literal',
    'imaginary_literal',
    'decimal_integer_literal',
    'hex_integer_literal',
    'octal_integer_literal',
    'binary_integer_literal',
    'decimal_floating_point_literal',
    'integer_literal',
    'real_literal',
    'integer',
    'float'
]);
const STRING_TYPES = new Set([
    'interpreted_string_literal',
    'raw_string_literal',
    'string_literal',
    'string',
    'encapsed_string',
    'verbatim_string_literal',
    'character_literal',
    'char_literal',
    'rune_literal'
]);
/** The value of a literal node, in any of the six grammars. */
function genericLiteral(node) {
    if (!node)
        return undefined;
    const type = node.type;
    if (NUMBER_TYPES.has(type)) {
        const cleaned = node.text.replace(/_/g, '');
        let n = Number(cleaned);
        if (!Number.isFinite(n) && !/^0x/i.test(cleaned))
            n = Number(cleaned.replace(/[a-zA-Z]+$/, ''));
        return Number.isFinite(n) ? { value: n } : undefined;
    }
    if (STRING_TYPES.has(type)) {
        if (kids(node).some((k) => k.type === 'interpolation' || k.type === 'variable_name'))
            return undefined;
        return { value: unquote(common_text(node, 200)) };
    }
    if (type === 'true' || type === 'false' || type === 'boolean_literal' || type === 'boolean') {
        return { value: node.text.toLowerCase() === 'true' };
    }
    if (type === 'nil' || type === 'null_literal' || type === 'null' || type === 'none')
        return { value: null };
    if ((type === 'unary_expression' || type === 'unary') && /^-\s*[0-9.]/.test(node.text)) {
        const n = Number(node.text.replace(/[\s_]/g, ''));
        return Number.isFinite(n) ? { value: n } : undefined;
    }
    return undefined;
}
/** Modifier/visibility words written on a declaration (`public`, `static`, `pub`, ...). */
function modifierWords(node) {
    const words = [];
    for (const child of kids(node)) {
        switch (child.type) {
            case 'modifiers':
                for (const tok of child.children)
                    if (tok && !tok.isNamed)
                        words.push(tok.type);
                break;
            case 'modifier':
            case 'visibility_modifier':
            case 'static_modifier':
                words.push(child.text.split('(')[0].trim());
                break;
            default:
                break;
        }
    }
    return words;
}
/** Annotation / attribute names on a declaration (`Test`, `Fact(Skip = "x")`, `test`, `ignore`). */
function annotationsOf(node) {
    const out = [];
    for (const child of kids(node)) {
        if (child.type === 'modifiers') {
            for (const a of kids(child))
                if (a.type.endsWith('annotation'))
                    out.push(common_text(a).replace(/^@/, ''));
        }
        else if (child.type === 'attribute_list') {
            for (const a of kids(child))
                out.push(common_text(a));
            if (kids(child).length === 0)
                out.push(common_text(child).replace(/^#?\[|\]$/g, ''));
        }
    }
    return out;
}
const TEST_ANNOTATIONS = new Set(['Test', 'ParameterizedTest', 'RepeatedTest', 'TestFactory', 'Fact', 'Theory', 'TestMethod', 'TestCase', 'DataTestMethod', 'test']);
const SKIP_ANNOTATIONS = new Set(['Disabled', 'Ignore', 'ignore']);
/** Whether annotations mark a test, and whether it is skipped. */
function testByAnnotations(annotations) {
    let test = false;
    let skip = false;
    for (const a of annotations) {
        const name = a.split('(')[0].trim();
        const last = name.split(/::|\./).pop() ?? name;
        if (TEST_ANNOTATIONS.has(last))
            test = true;
        if (SKIP_ANNOTATIONS.has(last) || /\bSkip\s*=/.test(a))
            skip = true;
    }
    return { test, skip };
}
function frameworkFor(language, hints) {
    switch (language) {
        case 'go':
            return 'go-test';
        case 'java':
            return 'junit';
        case 'rust':
            return 'cargo-test';
        case 'ruby':
            return hints.has('rspec') ? 'rspec' : 'minitest';
        case 'csharp':
            return hints.has('Fact') || hints.has('Theory') ? 'xunit' : hints.has('TestMethod') ? 'mstest' : 'nunit';
        case 'php':
            return 'phpunit';
    }
}
/** RSpec-style blocks: `describe`/`context` are suites, `it`/`specify`/`example` tests. */
const RSPEC = dict({
    describe: { kind: 'suite' },
    context: { kind: 'suite' },
    feature: { kind: 'suite' },
    xdescribe: { kind: 'suite', modifier: 'skip' },
    xcontext: { kind: 'suite', modifier: 'skip' },
    fdescribe: { kind: 'suite', modifier: 'only' },
    fcontext: { kind: 'suite', modifier: 'only' },
    it: { kind: 'test' },
    specify: { kind: 'test' },
    example: { kind: 'test' },
    scenario: { kind: 'test' },
    xit: { kind: 'test', modifier: 'skip' },
    xspecify: { kind: 'test', modifier: 'skip' },
    xexample: { kind: 'test', modifier: 'skip' },
    skip: { kind: 'test', modifier: 'skip' },
    pending: { kind: 'test', modifier: 'skip' },
    fit: { kind: 'test', modifier: 'only' }
});
const LOG_NAMES = new Set(['log', 'logger', 'LOG', 'LOGGER', 'Log', 'Logger', '_logger', 'logging', 'console', 'Console', 'out', 'err', 'fmt', 'Debug', 'Trace']);
const PRINT_CALLS = new Set(['puts', 'print', 'p', 'warn', 'println', 'printf', 'echo', 'error_log', 'var_dump', 'println!', 'eprintln!', 'dbg!', 'print!', 'eprint!']);
/** A call whose receiver is a logger/console, or a print function. */
function isLogCallee(callee, receiver) {
    if (PRINT_CALLS.has(callee))
        return true;
    if (!receiver)
        return false;
    const last = receiver.split(/\.|->|::/).pop() ?? receiver;
    return LOG_NAMES.has(last.replace(/^\$/, ''));
}

;// CONCATENATED MODULE: ./src/model/extract/generic-frames.ts



class GenericScopes {
    language;
    model;
    table;
    frames = [];
    /** Condition nodes (by id) waiting to be entered, so comparisons inside them can be attached. */
    pendingConditions = new Map();
    qualifiedCounts = new Map();
    constructor(language, model) {
        this.language = language;
        this.model = model;
        this.table = TABLES[language];
    }
    currentFunction() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn')
                return frame.decl;
        }
        return undefined;
    }
    currentScope() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn' || frame.kind === 'scope')
                return frame;
        }
        return undefined;
    }
    *framesInFunction() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn')
                return;
            yield frame;
        }
    }
    uniqueName(path) {
        const base = path.join('.');
        const seen = (this.qualifiedCounts.get(base) ?? 0) + 1;
        this.qualifiedCounts.set(base, seen);
        return seen === 1 ? base : `${base}#${seen}`;
    }
    scopePath() {
        const out = [];
        for (const frame of this.frames) {
            if (frame.kind === 'scope')
                out.push(frame.scope.name);
            else if (frame.kind === 'fn')
                out.push(frame.decl.name);
        }
        return out;
    }
    addComplexity() {
        const fn = this.currentFunction();
        if (fn)
            fn.complexity++;
    }
    enclosingClassScope() {
        const scope = this.currentScope();
        return scope?.kind === 'scope' ? scope.scope : undefined;
    }
    addCondition(kind, conditionNode) {
        const inner = conditionNode.type === 'parenthesized_expression' ? (kids(conditionNode)[0] ?? conditionNode) : conditionNode;
        const enclosing = this.currentFunction()?.qualifiedName;
        const cond = { kind, text: common_text(inner), comparisons: [], ...(enclosing ? { enclosing } : {}), loc: loc(conditionNode) };
        this.model.conditions.push(cond);
        this.pendingConditions.set(conditionNode.id, cond);
        return cond;
    }
}

;// CONCATENATED MODULE: ./src/model/extract/generic-flow.ts




class GenericFlow extends GenericScopes {
    visitThrow(node, expr, messageOnly = false) {
        let errorType;
        let message;
        let rethrow = false;
        if (messageOnly) {
            const literal = genericLiteral(expr);
            if (literal && typeof literal.value === 'string')
                message = literal.value;
        }
        else if (!expr) {
            rethrow = true;
        }
        else if (expr.type === 'object_creation_expression') {
            const typeNode = expr.childForFieldName('type') ?? kids(expr).find((k) => k.type === 'name' || k.type === 'qualified_name') ?? null;
            errorType = common_text(typeNode).replace(/^\\/, '');
            const argsNode = expr.childForFieldName('arguments') ?? kids(expr).find((k) => k.type === 'arguments') ?? null;
            const first = kids(argsNode)[0];
            const literal = genericLiteral(first?.type === 'argument' ? kids(first)[0] : first);
            if (literal && typeof literal.value === 'string')
                message = literal.value;
        }
        else if (this.isCaughtName(expr.text)) {
            rethrow = true;
        }
        else {
            errorType = common_text(expr);
        }
        this.addThrow(node, expr, errorType, message, rethrow);
    }
    rubyRaise(node, argsNode) {
        const args = kids(argsNode);
        let errorType;
        let message;
        let rethrow = args.length === 0;
        const first = args[0];
        if (first?.type === 'constant' || first?.type === 'scope_resolution') {
            errorType = common_text(first);
            const literal = genericLiteral(args[1] ?? null);
            if (literal && typeof literal.value === 'string')
                message = literal.value;
        }
        else if (first?.type === 'string') {
            errorType = 'RuntimeError';
            const literal = genericLiteral(first);
            if (literal && typeof literal.value === 'string')
                message = literal.value;
        }
        else if (first && this.isCaughtName(first.text)) {
            rethrow = true;
        }
        this.addThrow(node, first ?? null, errorType, message, rethrow);
    }
    addThrow(node, expr, errorType, message, rethrow) {
        let guard;
        let handler;
        for (const frame of this.framesInFunction()) {
            if (frame.kind === 'if' && guard === undefined)
                guard = frame.guard;
            if (frame.kind === 'handler' && handler === undefined)
                handler = frame.handler;
        }
        if (handler)
            handler.rethrows = true;
        const enclosing = this.currentFunction()?.qualifiedName;
        this.model.throws.push({
            ...(errorType ? { errorType } : {}),
            ...(message !== undefined ? { message } : {}),
            text: expr ? common_text(expr) : '',
            ...(guard !== undefined ? { guard } : {}),
            rethrow,
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        });
    }
    isCaughtName(name) {
        const bare = name.replace(/^\$/, '');
        for (const frame of this.framesInFunction())
            if (frame.kind === 'handler' && frame.handler.param === bare)
                return true;
        return false;
    }
    visitTry(node, depth) {
        if (this.language === 'ruby' && !kids(node).some((k) => k.type === 'rescue' || k.type === 'ensure'))
            return;
        const enclosing = this.currentFunction()?.qualifiedName;
        const block = {
            handlers: [],
            hasFinally: kids(node).some((k) => this.table.finallies.has(k.type)),
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        };
        this.model.tries.push(block);
        this.frames.push({ kind: 'try', depth, block });
    }
    /** Ruby methods and blocks may `rescue` without `begin`. */
    rubyImplicitTry(node, depth) {
        if (kids(node).some((k) => k.type === 'rescue' || k.type === 'ensure'))
            this.visitTry(node, depth);
    }
    visitHandler(node, depth) {
        this.addComplexity();
        let types = [];
        let param;
        let body = node.childForFieldName('body');
        switch (this.language) {
            case 'java': {
                const formal = kids(node).find((k) => k.type === 'catch_formal_parameter');
                types = kids(kids(formal).find((k) => k.type === 'catch_type')).map((k) => common_text(k));
                param = formal?.childForFieldName('name')?.text;
                break;
            }
            case 'csharp': {
                const declaration = kids(node).find((k) => k.type === 'catch_declaration');
                if (declaration) {
                    types = [common_text(declaration.childForFieldName('type'))];
                    param = declaration.childForFieldName('name')?.text;
                }
                break;
            }
            case 'php': {
                const typeNode = node.childForFieldName('type');
                types = typeNode?.type === 'type_list' ? kids(typeNode).map((k) => common_text(k)) : typeNode ? [common_text(typeNode)] : [];
                param = node.childForFieldName('name')?.text.replace(/^\$/, '');
                break;
            }
            case 'ruby': {
                types = kids(node.childForFieldName('exceptions')).map((k) => common_text(k));
                const variable = node.childForFieldName('variable');
                param = variable ? common_text(kids(variable)[0] ?? variable) : undefined;
                break;
            }
            default:
                break;
        }
        if (!body)
            body = kids(node).filter((k) => k.type === 'block' || k.type === 'compound_statement').pop() ?? null;
        const statements = kids(body);
        const handler = {
            types,
            bare: types.length === 0,
            empty: statements.length === 0,
            onlyLogs: statements.length > 0 && statements.every((s) => this.isLogStatement(s)),
            rethrows: false,
            swallows: statements.every((s) => /^(continue|break|next|return_statement|return)$/.test(s.type) && kids(s).length === 0 || s.type === 'continue_statement' || s.type === 'break_statement'),
            loc: loc(node)
        };
        if (param)
            handler.param = param;
        const top = this.frames[this.frames.length - 1];
        if (top?.kind === 'try')
            top.block.handlers.push(handler);
        this.frames.push({ kind: 'handler', depth, handler });
    }
    isLogStatement(statement) {
        const call = statement.type === 'expression_statement' ? kids(statement)[0] : statement;
        if (!call)
            return false;
        const rule = this.table.calls[call.type];
        if (!rule)
            return false;
        if (rule.functionField) {
            const fn = call.childForFieldName(rule.functionField);
            const member = fn ? this.table.members[fn.type] : undefined;
            const callee = call.type === 'macro_invocation' ? `${common_text(fn)}!` : common_text(fn);
            return isLogCallee(member ? common_text(fn?.childForFieldName(member[1])) : callee, member ? common_text(fn?.childForFieldName(member[0])) : undefined);
        }
        const recv = rule.receiverField ? call.childForFieldName(rule.receiverField) : null;
        return isLogCallee(common_text(call.childForFieldName(rule.nameField ?? '')), recv ? common_text(recv) : undefined);
    }
    visitCondition(node, type, depth) {
        const kind = this.table.conditions[type];
        this.addComplexity();
        const conditionNode = node.childForFieldName('condition');
        if (!conditionNode)
            return;
        const cond = this.addCondition(kind, conditionNode);
        if (kind === 'if' || kind === 'elif') {
            const negated = type === 'unless' || type === 'unless_modifier';
            this.frames.push({ kind: 'if', depth, guard: negated ? `not (${cond.text})` : cond.text });
        }
    }
    visitLoop(node, type, depth) {
        const rule = this.table.loops[type];
        this.addComplexity();
        let loopDepth = 1;
        for (const frame of this.framesInFunction())
            if (frame.kind === 'loop')
                loopDepth++;
        const body = node.childForFieldName(rule.bodyField);
        const end = body ? Math.min(body.startIndex, node.startIndex + 200) : node.startIndex + 200;
        const header = node.text.slice(0, Math.max(0, end - node.startIndex)).trim();
        let iterates = rule.iteratesField ? node.childForFieldName(rule.iteratesField) : null;
        if (this.language === 'go') {
            const range = kids(node).find((k) => k.type === 'range_clause');
            if (range)
                iterates = range.childForFieldName('right');
        }
        else if (this.language === 'php' && type === 'foreach_statement') {
            iterates = kids(node)[0] ?? null;
        }
        const enclosing = this.currentFunction()?.qualifiedName;
        const kind = this.language === 'go' && iterates ? 'for-of' : rule.kind;
        const loop = {
            kind,
            depth: loopDepth,
            ...(iterates ? { iterates: common_text(iterates) } : {}),
            header,
            hasAwait: header.includes('await'),
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        };
        this.model.loops.push(loop);
        this.frames.push({ kind: 'loop', depth, loop });
        const condition = node.childForFieldName('condition');
        if (condition)
            this.addCondition(kind === 'for' ? 'for' : 'while', condition);
    }
    visitBinary(node) {
        const operator = node.childForFieldName('operator')?.type ?? '';
        if (isBooleanOperator(operator))
            return this.addComplexity();
        if (!COMPARISON_OPERATORS.has(operator))
            return;
        let cond;
        for (const frame of this.framesInFunction()) {
            if (frame.kind === 'cond') {
                cond = frame.cond;
                break;
            }
        }
        if (!cond)
            return;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const comparison = { operator, left: common_text(left), right: common_text(right) };
        const rightLiteral = genericLiteral(right);
        const leftLiteral = rightLiteral ? undefined : genericLiteral(left);
        if (rightLiteral)
            Object.assign(comparison, { literal: rightLiteral.value, literalSide: 'right' });
        else if (leftLiteral)
            Object.assign(comparison, { literal: leftLiteral.value, literalSide: 'left' });
        cond.comparisons.push(comparison);
    }
    visitSwitch(node, type) {
        const rule = this.table.switches[type];
        const cases = [];
        let hasDefault = false;
        const scan = (holder, level) => {
            for (const child of kids(holder)) {
                if (rule.defaultTypes.includes(child.type)) {
                    hasDefault = true;
                    cases.push('default');
                }
                else if (rule.caseTypes.includes(child.type)) {
                    const head = common_text(child, 120).split(/\n/)[0].replace(/\s*(:|=>|then\b).*$/, '').trim();
                    if (/^(default\b|_$)/.test(head))
                        hasDefault = true;
                    cases.push(head);
                }
                else if (level < 2) {
                    scan(child, level + 1);
                }
            }
        };
        scan(node, 0);
        const enclosing = this.currentFunction()?.qualifiedName;
        this.model.switches.push({
            discriminant: common_text(node.childForFieldName(rule.valueField)).replace(/^\((.*)\)$/s, '$1'),
            cases,
            hasDefault,
            kind: this.language === 'rust' ? 'match' : 'switch',
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        });
    }
}

;// CONCATENATED MODULE: ./src/model/extract/generic.ts




const MAX_ARGS = 50;
/** Most string literals kept per module: a generated file can hold millions. */
const MAX_STRINGS = 10_000;
const LANGUAGES = dict({ go: 'go', java: 'java', rust: 'rust', ruby: 'ruby', csharp: 'csharp', php: 'php' });
function extractGeneric(source, tree, isTest) {
    const language = LANGUAGES[source.language];
    const model = emptyModule(source);
    model.isTest = isTest;
    if (!language)
        return model;
    const walker = new GenericWalker(language, model, isTest);
    walker.run(tree);
    return model;
}
class GenericWalker extends GenericFlow {
    isTest;
    cases = [];
    hints = new Set();
    /** Rust `#[...]` attributes waiting for the item that follows them, by depth. */
    attributes;
    constructor(language, model, isTest) {
        super(language, model);
        this.isTest = isTest;
    }
    run(tree) {
        const checkMissing = tree.rootNode.hasError;
        const cursor = tree.walk();
        let depth = 0;
        for (;;) {
            while (this.frames.length > 0 && this.frames[this.frames.length - 1].depth >= depth)
                this.frames.pop();
            const type = cursor.nodeType;
            if (type === 'ERROR' || (checkMissing && cursor.nodeIsMissing))
                this.model.syntaxErrors++;
            if (this.pendingConditions.size > 0) {
                const cond = this.pendingConditions.get(cursor.nodeId);
                if (cond) {
                    this.pendingConditions.delete(cursor.nodeId);
                    this.frames.push({ kind: 'cond', depth, cond });
                }
            }
            if (cursor.nodeIsNamed && !type.includes('comment'))
                this.visit(cursor, type, depth);
            if (cursor.gotoFirstChild()) {
                depth++;
                continue;
            }
            let done = false;
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent()) {
                    done = true;
                    break;
                }
                depth--;
            }
            if (done)
                break;
        }
        cursor.delete();
        if (this.model.syntaxErrors > 0)
            this.model.status = 'partial';
        this.finish();
    }
    visit(cursor, type, depth) {
        const t = this.table;
        let attributes = [];
        if (this.attributes && this.attributes.depth === depth && type !== 'attribute_item') {
            attributes = this.attributes.texts;
            this.attributes = undefined;
        }
        if (type === 'attribute_item') {
            if (!this.attributes || this.attributes.depth !== depth)
                this.attributes = { depth, texts: [] };
            this.attributes.texts.push(common_text(cursor.currentNode, 200).replace(/^#!?\[|\]$/g, ''));
            return;
        }
        if (t.functions[type])
            return this.visitFunction(cursor.currentNode, type, depth, attributes);
        if (t.classes[type])
            return this.visitClass(cursor.currentNode, type, depth);
        if (IMPORT_TYPES[this.language].has(type)) {
            this.model.imports.push(...readGenericImports(this.language, cursor.currentNode));
            return;
        }
        if (t.calls[type])
            return this.visitCall(cursor.currentNode, type);
        if (t.conditions[type])
            return this.visitCondition(cursor.currentNode, type, depth);
        if (t.loops[type])
            return this.visitLoop(cursor.currentNode, type, depth);
        if (t.binary.has(type))
            return this.visitBinary(cursor.currentNode);
        if (t.tries.has(type))
            return this.visitTry(cursor.currentNode, depth);
        if (t.handlers.has(type))
            return this.visitHandler(cursor.currentNode, depth);
        if (t.throwTypes.has(type))
            return this.visitThrow(cursor.currentNode, kids(cursor.currentNode)[0] ?? null);
        if (t.switches[type])
            return this.visitSwitch(cursor.currentNode, type);
        if (t.decisions.has(type)) {
            const head = common_text(cursor.currentNode, 12);
            if (!/^(default\b|_\s*(=>|if\b)|else\b)/.test(head))
                this.addComplexity();
            return;
        }
        if (this.language === 'ruby' && type === 'identifier')
            return this.rubyVisibility(cursor, depth);
        if (this.language === 'ruby' && type === 'body_statement')
            return this.rubyImplicitTry(cursor.currentNode, depth);
        if (STRING_TYPES.has(type) && !type.startsWith('char') && type !== 'rune_literal')
            return this.visitString(cursor.currentNode);
        this.visitMember(cursor, type);
    }
    // ---- declarations ----
    visitClass(node, type, depth) {
        const rule = this.table.classes[type];
        if (this.language === 'go') {
            // Only struct and interface types are class-like in Go.
            const kind = node.childForFieldName('type')?.type;
            if (kind !== 'struct_type' && kind !== 'interface_type')
                return;
        }
        let name = common_text(node.childForFieldName(rule.nameField), 200) || '<anonymous>';
        name = name.replace(/<.*$/s, '').replace(/\[.*$/s, '');
        const words = modifierWords(node);
        const implicitPublic = type === 'interface_declaration' ||
            type === 'trait_item' ||
            (type === 'impl_item' && node.childForFieldName('trait') !== null) ||
            (this.language === 'go' && node.childForFieldName('type')?.type === 'interface_type');
        const scope = { name, implicitPublic, rubyVisibility: 'public', bodyDepth: depth + 2, namespace: rule.namespace === true };
        if (!rule.scopeOnly) {
            const bases = [];
            for (const field of rule.baseTypes ?? []) {
                const holder = node.childForFieldName(field) ?? kids(node).find((k) => k.type === field);
                if (!holder)
                    continue;
                for (const base of kids(holder)) {
                    if (base.type === 'type_list')
                        bases.push(...kids(base).map((b) => common_text(b)));
                    else
                        bases.push(common_text(base));
                }
            }
            const decl = {
                name,
                qualifiedName: this.uniqueName([...this.scopePath(), name]),
                exported: this.isExported(name, words, this.enclosingClassScope()),
                bases,
                members: [],
                loc: loc(node)
            };
            this.model.classes.push(decl);
            scope.decl = decl;
            if (this.language === 'go')
                this.goMembers(node, decl);
        }
        this.frames.push({ kind: 'scope', depth, scope });
    }
    isExported(name, words, scope) {
        switch (this.language) {
            case 'go':
                return /^\p{Lu}/u.test(name);
            case 'java':
            case 'csharp':
                return words.includes('public') || (scope?.implicitPublic ?? false);
            case 'rust':
                return words.some((w) => w.startsWith('pub')) || (scope?.implicitPublic ?? false);
            case 'ruby':
                return (scope?.rubyVisibility ?? 'public') === 'public';
            case 'php':
                return !words.includes('private') && !words.includes('protected');
        }
    }
    visitFunction(node, type, depth, attributes) {
        const rule = this.table.functions[type];
        const name = common_text(node.childForFieldName(rule.nameField), 200) || '<anonymous>';
        const words = modifierWords(node);
        let scope = this.enclosingClassScope();
        let className = scope && !scope.namespace ? (scope.decl?.name ?? scope.name) : undefined;
        if (type === 'method_declaration' && this.language === 'go') {
            className = goReceiverType(node);
            scope = undefined;
        }
        const isStatic = rule.static === true || words.includes('static');
        const kind = rule.isConstructor || (className && (name === '__construct' || name === 'initialize')) ? 'constructor' : className ? 'method' : 'function';
        const path = this.language === 'go' && className ? [className, name] : [...this.scopePath(), name];
        const returnNode = rule.returnField ? node.childForFieldName(rule.returnField) : null;
        const at = loc(node);
        const decl = {
            name,
            qualifiedName: this.uniqueName(path),
            kind,
            params: this.readParams(node.childForFieldName(rule.paramsField)),
            ...(returnNode ? { returnType: common_text(returnNode) } : {}),
            async: words.includes('async') || node.children.some((c) => c?.type === 'async' || c?.type === 'function_modifiers' && c.text.includes('async')),
            generator: false,
            exported: this.isExported(name, words, scope),
            ...(className ? { className } : {}),
            loc: at,
            complexity: 1,
            lines: at.endLine - at.startLine + 1
        };
        const annotations = [...annotationsOf(node), ...attributes];
        if (annotations.length > 0)
            decl.decorators = annotations;
        this.model.functions.push(decl);
        if (scope?.decl) {
            scope.decl.members.push({ name, kind: kind === 'constructor' ? 'constructor' : 'method', static: isStatic, visibility: visibilityOf(words, scope), loc: at });
        }
        if (this.isTest)
            this.functionTest(decl, type, annotations, scope);
        this.frames.push({ kind: 'fn', depth, decl });
    }
    readParams(node) {
        const out = [];
        for (const child of kids(node)) {
            const rule = this.table.params[child.type];
            if (!rule || rule.skip)
                continue;
            const nameNodes = rule.nameField ? child.childrenForFieldName(rule.nameField).filter((n) => n !== null) : [];
            if (nameNodes.length === 0) {
                const parts = kids(child);
                const found = child.type === 'identifier'
                    ? child
                    : (parts.find((k) => k.type === 'variable_declarator') ??
                        parts.find((k) => k.type === 'identifier' || k.type === 'variable_name') ??
                        parts.find((k) => k.type.includes('identifier') && !k.type.includes('type')));
                if (found)
                    nameNodes.push(found.type === 'variable_declarator' ? (found.childForFieldName('name') ?? found) : found);
            }
            const typeNode = rule.typeField ? child.childForFieldName(rule.typeField) : kids(child).find((k) => k.type.includes('type'));
            const defaultNode = rule.defaultField ? child.childForFieldName(rule.defaultField) : null;
            for (const nameNode of nameNodes) {
                out.push({
                    name: common_text(nameNode).replace(/^[$&*]+/, ''),
                    ...(typeNode ? { type: common_text(typeNode) } : {}),
                    ...(defaultNode ? { defaultValue: common_text(defaultNode) } : {}),
                    optional: defaultNode !== null,
                    rest: rule.rest === true,
                    ...(rule.keywordOnly ? { keywordOnly: true } : {})
                });
            }
        }
        return out;
    }
    /** Fields of classes: Java/C# fields and properties, PHP properties, Rust struct fields. */
    visitMember(cursor, type) {
        if (type !== 'field_declaration' && type !== 'property_declaration')
            return;
        const scope = this.enclosingClassScope();
        if (!scope?.decl || this.language === 'go')
            return;
        const node = cursor.currentNode;
        const words = modifierWords(node);
        const names = [];
        const direct = node.childForFieldName('name');
        if (direct)
            names.push(direct);
        for (const child of kids(node)) {
            if (child.type === 'variable_declarator' || child.type === 'property_element') {
                const n = child.childForFieldName('name');
                if (n)
                    names.push(n);
            }
            else if (child.type === 'variable_declaration') {
                for (const d of kids(child))
                    if (d.type === 'variable_declarator')
                        names.push(d.childForFieldName('name') ?? d);
            }
        }
        const declarator = node.childForFieldName('declarator');
        if (declarator)
            names.push(declarator.childForFieldName('name') ?? declarator);
        for (const n of names) {
            const name = common_text(n).replace(/^\$/, '');
            if (scope.decl.members.some((m) => m.name === name))
                continue;
            scope.decl.members.push({ name, kind: 'property', static: words.includes('static'), visibility: visibilityOf(words, scope), loc: loc(node) });
        }
    }
    goMembers(node, decl) {
        const body = node.childForFieldName('type');
        const list = body?.type === 'struct_type' ? kids(body).find((k) => k.type === 'field_declaration_list') : body;
        for (const field of kids(list)) {
            if (field.type === 'field_declaration') {
                for (const n of field.childrenForFieldName('name')) {
                    if (n)
                        decl.members.push({ name: n.text, kind: 'property', static: false, visibility: /^\p{Lu}/u.test(n.text) ? 'public' : 'private', loc: loc(field) });
                }
            }
            else if (field.type === 'method_elem' || field.type === 'method_spec') {
                const n = common_text(field.childForFieldName('name'));
                decl.members.push({ name: n, kind: 'method', static: false, visibility: 'public', loc: loc(field) });
            }
        }
    }
    /** A bare `private` / `protected` / `public` in a Ruby class body changes what follows. */
    rubyVisibility(cursor, depth) {
        const word = cursor.nodeText;
        if (word !== 'private' && word !== 'protected' && word !== 'public')
            return;
        const scope = this.enclosingClassScope();
        if (scope && depth === scope.bodyDepth)
            scope.rubyVisibility = word;
    }
    // ---- behaviour ----
    visitCall(node, type) {
        const rule = this.table.calls[type];
        let callee = '';
        let name = '';
        let receiver;
        const fn = rule.functionField ? node.childForFieldName(rule.functionField) : null;
        if (fn) {
            callee = common_text(fn);
            const member = this.table.members[fn.type];
            if (member) {
                receiver = common_text(fn.childForFieldName(member[0]));
                name = common_text(fn.childForFieldName(member[1]));
            }
            else {
                name = callee;
            }
        }
        else if (rule.nameField) {
            const recv = rule.receiverField ? node.childForFieldName(rule.receiverField) : null;
            name = common_text(node.childForFieldName(rule.nameField));
            if (recv)
                receiver = common_text(recv);
            callee = sliceBefore(node, node.childForFieldName(rule.argsField ?? '') ?? node.childForFieldName('block'));
        }
        else {
            // PHP `new X(...)`: the class name is the first named child.
            const cls = kids(node)[0];
            callee = common_text(cls);
            name = callee;
        }
        if (type === 'macro_invocation') {
            callee = `${callee}!`;
            name = callee;
        }
        const argsNode = rule.argsField ? node.childForFieldName(rule.argsField) : type === 'object_creation_expression' ? kids(node).find((k) => k.type === 'arguments') ?? null : null;
        const args = [];
        const keywords = [];
        for (const arg of kids(argsNode)) {
            if (arg.type === 'pair')
                keywords.push(common_text(arg.childForFieldName('key')).replace(/:$/, ''));
            else if (arg.childForFieldName('name') && arg.type === 'argument')
                keywords.push(common_text(arg.childForFieldName('name')));
            if (args.length < MAX_ARGS)
                args.push(common_text(arg));
        }
        const enclosing = this.currentFunction()?.qualifiedName;
        this.model.calls.push({
            callee,
            name,
            ...(receiver ? { receiver } : {}),
            args,
            ...(keywords.length > 0 ? { keywords } : {}),
            awaited: false,
            isNew: rule.isNew === true,
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        });
        this.callSpecials(node, callee, receiver, argsNode, type);
    }
    /** Go `panic(...)`, Rust `panic!`, Ruby `raise`, requires, RSpec blocks. */
    callSpecials(node, callee, receiver, argsNode, type) {
        if (this.language === 'go' && callee === 'panic')
            this.visitThrow(node, kids(argsNode)[0] ?? null, true);
        else if (this.language === 'rust' && type === 'macro_invocation' && /^(panic|unreachable|todo|unimplemented)!$/.test(callee)) {
            const tokens = kids(node).find((k) => k.type === 'token_tree');
            this.visitThrow(node, kids(tokens).find((k) => k.type === 'string_literal') ?? null, true);
        }
        else if (this.language === 'ruby' && !receiver) {
            if (callee === 'raise' || callee === 'fail')
                this.rubyRaise(node, argsNode);
            const required = rubyRequire(node);
            if (required)
                this.model.imports.push(required);
            if (this.isTest)
                this.rubyTestCall(node, callee, argsNode);
        }
    }
    /** A string literal's content as written (quotes removed, escapes kept), cut to 200 characters. */
    visitString(node) {
        if (this.model.strings.length >= MAX_STRINGS)
            return;
        const raw = node.text;
        const value = raw.length > 400 ? `${unquote(raw.slice(0, 201))}…` : unquote(raw).slice(0, 200);
        const enclosing = this.currentFunction()?.qualifiedName;
        this.model.strings.push({ value, ...(enclosing ? { enclosing } : {}), loc: loc(node) });
    }
    // ---- tests ----
    functionTest(decl, type, annotations, scope) {
        let isTest = false;
        let skip = false;
        switch (this.language) {
            case 'go':
                isTest = type === 'function_declaration' && /^(Test|Benchmark|Fuzz|Example)/.test(decl.name) && decl.params.some((p) => /testing\.(T|B|F|M)\b/.test(p.type ?? '')) || /^Example/.test(decl.name) && type === 'function_declaration';
                break;
            case 'php':
                isTest = decl.kind === 'method' && decl.name.startsWith('test') || annotations.some((a) => /^(\\?PHPUnit\\Framework\\Attributes\\)?Test\b/.test(a));
                break;
            case 'ruby':
                isTest = decl.kind === 'method' && decl.name.startsWith('test_');
                break;
            default: {
                const found = testByAnnotations(annotations);
                isTest = found.test;
                skip = found.skip;
                for (const a of annotations)
                    this.hints.add(a.split('(')[0].trim());
            }
        }
        if (!isTest)
            return;
        this.cases.push({ name: decl.qualifiedName, kind: 'test', ...(skip ? { modifier: 'skip' } : {}), loc: decl.loc });
        if (scope?.decl && !this.cases.some((c) => c.kind === 'suite' && c.name === scope.decl?.qualifiedName)) {
            this.cases.push({ name: scope.decl.qualifiedName, kind: 'suite', loc: scope.decl.loc });
        }
    }
    rubyTestCall(node, callee, argsNode) {
        const spec = RSPEC[callee];
        if (!spec || !node.childForFieldName('block'))
            return;
        this.hints.add('rspec');
        const first = kids(argsNode)[0];
        const literal = genericLiteral(first ?? null);
        const name = literal && typeof literal.value === 'string' ? literal.value : common_text(first);
        this.cases.push({ name, kind: spec.kind, ...(spec.modifier ? { modifier: spec.modifier } : {}), loc: loc(node) });
    }
    finish() {
        // Methods declared outside their type (Go receivers, Rust impl blocks) join its members.
        const byName = new Map(this.model.classes.map((c) => [c.name, c]));
        for (const fn of this.model.functions) {
            const owner = fn.className ? byName.get(fn.className) : undefined;
            if (owner && !owner.members.some((m) => m.name === fn.name && m.kind !== 'property')) {
                owner.members.push({ name: fn.name, kind: fn.kind === 'constructor' ? 'constructor' : 'method', static: false, visibility: fn.exported ? 'public' : 'private', loc: fn.loc });
            }
        }
        if (!this.isTest)
            return;
        this.cases.sort((a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn);
        this.model.test = { framework: frameworkFor(this.language, this.hints), cases: this.cases, importedModules: [], referencedSymbols: [] };
    }
}
function visibilityOf(words, scope) {
    if (words.includes('private'))
        return 'private';
    if (words.includes('protected'))
        return 'protected';
    if (scope && scope.rubyVisibility !== 'public')
        return scope.rubyVisibility;
    return 'public';
}
/** Go `func (s *Server) Start()`: the receiver's type name, `Server`. */
function goReceiverType(node) {
    const receiver = kids(node.childForFieldName('receiver'))[0];
    const type = receiver?.childForFieldName('type');
    if (!type)
        return undefined;
    return type.text.replace(/^\*/, '').replace(/\[.*$/s, '');
}
/** The source from a node's start up to (not including) `stop`, cut to 200 characters. */
function sliceBefore(node, stop) {
    const end = stop ? stop.startIndex : node.endIndex;
    const value = node.text.slice(0, Math.min(end - node.startIndex, 200)).trim();
    return end - node.startIndex > 200 ? `${value}…` : value;
}

;// CONCATENATED MODULE: ./src/model/extract/js-state.ts
function createState(source, model, isTest) {
    return {
        source,
        model,
        isTest,
        frames: [],
        exportedNames: new Set(),
        exportedAt: new Set(),
        bindings: new Map(),
        objectBindings: new Map(),
        specifierStrings: new Set(),
        awaited: new Set(),
        statements: new Set(),
        assignedTo: new Map(),
        consumedCalls: new Set(),
        seenNames: new Map(),
        catchHandlers: new Map(),
        testCases: [],
        sawMochaGlobal: false,
        memberReferences: new Set(),
        pendingDecorators: [],
        methods: []
    };
}
function js_state_top(state) {
    return state.frames[state.frames.length - 1];
}
/** Pushes a frame, filling in its cached answers from the frame below. */
function pushFrame(state, f) {
    const below = js_state_top(state);
    const frame = f;
    const isFunction = frame.fn !== undefined;
    frame.owner = frame.fn ?? below?.owner;
    frame.prefix = frame.fn ? frame.fn.qualifiedName : frame.scope !== undefined ? frame.scope : below?.prefix;
    frame.container = frame.className !== undefined || frame.isObject ? frame : isFunction ? undefined : below?.container;
    frame.loopCount = (frame.fn ? 0 : (below?.loopCount ?? 0)) + (frame.loop ? 1 : 0);
    frame.loopFrame = frame.loop ? frame : isFunction ? undefined : below?.loopFrame;
    frame.guardText = frame.guard ?? (isFunction ? undefined : below?.guardText);
    frame.inFunction = isFunction || below?.inFunction === true;
    frame.branchFrame = frame.branchNode ? frame : isFunction ? undefined : below?.branchFrame;
    const isCatch = frame.handler !== undefined || frame.catchParam !== undefined;
    if (isCatch)
        frame.outerCatch = below?.catchFrame;
    frame.catchFrame = isCatch ? frame : isFunction ? undefined : below?.catchFrame;
    state.frames.push(frame);
}
/** Pops the frames of nodes that end at or before `offset`, passing facts about them outwards. */
function popFrames(state, offset) {
    const frames = state.frames;
    while (frames.length > 0 && frames[frames.length - 1].end <= offset) {
        const frame = frames.pop();
        const outer = js_state_top(state);
        if (!outer || frame.fn !== undefined)
            continue;
        // An await in a nested loop is an await in the enclosing loop's body too.
        if (frame.loop?.hasAwait && outer.loopFrame?.loop)
            outer.loopFrame.loop.hasAwait = true;
        // A catch handler that throws, nested in another handler's body, makes that one throw too.
        if (frame.handler?.rethrows && outer.catchFrame?.handler)
            outer.catchFrame.handler.rethrows = true;
    }
}
/** Source text of a node, cut to `max` characters without copying the whole node first. */
function slice(state, node, max = 200) {
    if (!node)
        return '';
    const start = node.startIndex;
    const end = node.endIndex;
    if (end - start <= max)
        return state.source.slice(start, end);
    return `${state.source.slice(start, start + max)}…`;
}
/** The innermost named function: what a call or throw is "inside". */
function enclosingFunction(state) {
    return js_state_top(state)?.owner;
}
function enclosingName(state) {
    return js_state_top(state)?.owner?.qualifiedName;
}
/** Prefix for a new declaration's qualified name: the innermost named function, class or object. */
function scopePrefix(state) {
    return js_state_top(state)?.prefix;
}
/** The innermost class or object literal frame, unless a function frame is closer. */
function enclosingContainer(state) {
    return js_state_top(state)?.container;
}
/** The innermost frame (for conditions that collect comparisons). */
function topFrame(state) {
    return js_state_top(state);
}
/** A unique qualified name within the module: the second `foo` becomes `foo#2`. */
function uniqueName(state, qualified) {
    const seen = state.seenNames.get(qualified) ?? 0;
    state.seenNames.set(qualified, seen + 1);
    return seen === 0 ? qualified : `${qualified}#${seen + 1}`;
}
/** A node with parentheses, `as` and `satisfies` taken off: what a binding really binds. */
function unwrapValue(node) {
    let n = node;
    for (let i = 0; n && i < 16; i++) {
        if (n.type === 'parenthesized_expression' || n.type === 'as_expression' || n.type === 'satisfies_expression')
            n = n.namedChild(0);
        else
            break;
    }
    return n;
}

;// CONCATENATED MODULE: ./src/model/extract/js-literals.ts

const SIMPLE_ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
/** Decodes the escapes of a string literal's body (the text between the quotes). */
function decodeEscapes(body) {
    if (!body.includes('\\'))
        return body;
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\' || i + 1 >= body.length) {
            out += c;
            continue;
        }
        const e = body[++i];
        if (e in SIMPLE_ESCAPES)
            out += SIMPLE_ESCAPES[e];
        else if (e === 'x' && i + 2 < body.length + 1) {
            out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16) || 0);
            i += 2;
        }
        else if (e === 'u' && body[i + 1] === '{') {
            const close = body.indexOf('}', i);
            const code = parseInt(body.slice(i + 2, close), 16);
            out += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
            i = close === -1 ? body.length : close;
        }
        else if (e === 'u') {
            out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16) || 0);
            i += 4;
        }
        else if (e === '\n') {
            // line continuation
        }
        else
            out += e;
    }
    return out;
}
/**
 * The value of a string literal, or of a template literal without substitutions; undefined otherwise.
 * Values are cut to `max` characters.
 */
function stringValue(state, node, max = 200) {
    if (!node)
        return undefined;
    if (node.type !== 'string' && node.type !== 'template_string')
        return undefined;
    if (node.type === 'template_string') {
        for (const child of node.namedChildren)
            if (child?.type === 'template_substitution')
                return undefined;
    }
    const body = state.source.slice(node.startIndex + 1, Math.min(node.endIndex - 1, node.startIndex + 1 + max * 2));
    const value = decodeEscapes(body);
    return value.length > max ? value.slice(0, max) : value;
}
/** The value of a literal operand (number, string, boolean, null, undefined, negative number). */
function literalValue(state, operand) {
    let node = operand;
    // Parentheses are unwrapped in a loop: `((((1))))` may nest thousands deep.
    while (node && node.type === 'parenthesized_expression')
        node = node.namedChild(0);
    if (!node)
        return undefined;
    let sign = 1;
    if (node.type === 'unary_expression') {
        const op = node.childForFieldName('operator')?.type;
        const arg = node.childForFieldName('argument');
        if ((op !== '-' && op !== '+') || arg?.type !== 'number')
            return undefined;
        if (op === '-')
            sign = -1;
        node = arg;
    }
    switch (node.type) {
        case 'number': {
            const raw = slice(state, node, 60).replaceAll('_', '');
            if (raw.endsWith('n'))
                return { value: sign < 0 ? `-${raw}` : raw };
            const n = Number(raw);
            return Number.isNaN(n) ? { value: raw } : { value: sign * n };
        }
        case 'string':
        case 'template_string': {
            const v = stringValue(state, node);
            return v === undefined ? undefined : { value: v };
        }
        case 'true':
            return { value: true };
        case 'false':
            return { value: false };
        case 'null':
        case 'undefined':
            return { value: null };
        case 'identifier':
            return slice(state, node, 10) === 'undefined' ? { value: null } : undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/model/extract/js-flow.ts



const ARG_MAX = 200;
const CONDITION_MAX = 200;
const js_flow_MAX_ARGS = 20;
const js_flow_COMPARISON_OPERATORS = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==', 'in', 'instanceof']);
/** One more decision point for the enclosing named function. */
function addDecision(state) {
    const fn = enclosingFunction(state);
    if (fn)
        fn.complexity++;
}
function withEnclosing(state, item) {
    const name = enclosingName(state);
    if (name !== undefined)
        item.enclosing = name;
    return item;
}
function unwrapParens(node) {
    let n = node;
    while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1)
        n = n.namedChild(0);
    return n;
}
function handleAwait(state, node) {
    const arg = unwrapParens(node.namedChild(0));
    if (arg)
        state.awaited.add(arg.id);
    // An await inside a loop body (not inside a nested function) makes the loop sequential; loops
    // further out learn it when this one closes (popFrames).
    const loop = topFrame(state)?.loopFrame?.loop;
    if (loop)
        loop.hasAwait = true;
}
/** `f();` drops what f returns: noted before the call is visited (a statement comes first in the walk). */
function handleExpressionStatement(state, node) {
    const expr = unwrapParens(node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
    if (expr)
        state.statements.add(expr.id);
}
/** `const s = f()` / `s = await f()`: the call's result is kept under a plain name. */
function noteBinding(state, name, value) {
    if (name?.type !== 'identifier')
        return;
    let v = unwrapParens(value);
    if (v?.type === 'await_expression')
        v = unwrapParens(v.namedChild(0));
    if (v && (v.type === 'call_expression' || v.type === 'new_expression'))
        state.assignedTo.set(v.id, slice(state, name, 100));
}
/** Records a call site; returns the callee node. */
function handleCall(state, node, isNew) {
    // One call for all children is cheaper than field look-ups; this runs for every call site.
    // call_expression: function [?.] [type_arguments] arguments; new_expression: new constructor [type_arguments] [arguments].
    const children = node.children;
    const fnNode = children[isNew ? 1 : 0] ?? null;
    const last = children[children.length - 1] ?? null;
    const lastType = last?.type;
    const argsNode = lastType === 'arguments' || (!isNew && lastType === 'template_string') ? last : null;
    const callee = slice(state, fnNode, 200);
    let name = callee;
    let receiver;
    const fnType = fnNode?.type;
    if (fnType === 'member_expression') {
        const parts = fnNode.children;
        name = slice(state, parts[parts.length - 1], 100);
        receiver = slice(state, parts[0], 200);
    }
    else if (fnType === 'subscript_expression') {
        name = slice(state, fnNode.childForFieldName('index'), 100);
        receiver = slice(state, fnNode.childForFieldName('object'), 200);
    }
    const args = [];
    if (argsNode) {
        if (argsNode.type === 'template_string')
            args.push(slice(state, argsNode, ARG_MAX));
        else {
            for (const a of argsNode.namedChildren) {
                if (!a || a.type === 'comment')
                    continue;
                if (args.length >= js_flow_MAX_ARGS)
                    break;
                args.push(slice(state, a, ARG_MAX));
            }
        }
    }
    const call = { callee, name, args, awaited: state.awaited.has(node.id), isNew, loc: loc(node) };
    if (receiver !== undefined)
        call.receiver = receiver;
    if (state.statements.has(node.id))
        call.statement = true;
    const boundTo = state.assignedTo.get(node.id);
    if (boundTo !== undefined)
        call.assignedTo = boundTo;
    state.model.calls.push(withEnclosing(state, call));
    return fnNode;
}
/** Whether `name` is the parameter of an enclosing catch clause of the same function. */
function catchParamInScope(state, name) {
    let frame = topFrame(state)?.catchFrame;
    for (let i = 0; frame && i < 64; i++) {
        if (frame.catchParam === name)
            return true;
        frame = frame.outerCatch;
    }
    return false;
}
function handleThrow(state, node) {
    const expr = unwrapParens(node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
    const site = { text: slice(state, expr, 200), rethrow: false, loc: loc(node) };
    if (expr?.type === 'new_expression' || expr?.type === 'call_expression') {
        const ctor = expr.childForFieldName(expr.type === 'new_expression' ? 'constructor' : 'function');
        if (expr.type === 'new_expression')
            site.errorType = slice(state, ctor, 100);
        const first = expr.childForFieldName('arguments')?.namedChild(0);
        const message = stringValue(state, first);
        if (message !== undefined)
            site.message = message;
    }
    else if (expr?.type === 'identifier') {
        const name = slice(state, expr, 100);
        if (catchParamInScope(state, name))
            site.rethrow = true;
        else
            site.errorType = name;
    }
    else if (expr && (expr.type === 'string' || expr.type === 'template_string')) {
        const message = stringValue(state, expr);
        if (message !== undefined)
            site.message = message;
    }
    const frame = topFrame(state);
    if (frame?.guardText !== undefined)
        site.guard = frame.guardText;
    const handler = frame?.catchFrame?.handler;
    if (handler)
        handler.rethrows = true;
    state.model.throws.push(withEnclosing(state, site));
}
const LOG_RECEIVERS = new Set(['console', 'logger', 'log', 'this.logger', 'this.log', 'core']);
function isLoggingStatement(state, stmt) {
    if (stmt.type !== 'expression_statement')
        return false;
    let call = stmt.namedChild(0);
    if (call?.type === 'await_expression')
        call = call.namedChild(0);
    if (call?.type !== 'call_expression')
        return false;
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'member_expression')
        return false;
    return LOG_RECEIVERS.has(slice(state, fn.childForFieldName('object'), 40));
}
function isSwallowingStatement(state, stmt) {
    if (stmt.type === 'continue_statement' || stmt.type === 'break_statement' || stmt.type === 'empty_statement')
        return true;
    if (stmt.type === 'return_statement') {
        const value = stmt.namedChildren.find((c) => c !== null && c.type !== 'comment');
        return !value || value.type === 'undefined' || value.type === 'null' || slice(state, value, 10) === 'undefined';
    }
    return false;
}
function catchHandler(state, clause) {
    const param = clause.childForFieldName('parameter');
    const body = clause.childForFieldName('body');
    const statements = body ? body.namedChildren.filter((c) => c !== null && c.type !== 'comment') : [];
    const handler = {
        types: [],
        bare: false,
        empty: statements.length === 0,
        onlyLogs: statements.length > 0 && statements.every((s) => isLoggingStatement(state, s)),
        rethrows: false,
        swallows: statements.every((s) => isSwallowingStatement(state, s)),
        loc: loc(clause)
    };
    if (param)
        handler.param = slice(state, param, 100);
    // `types` stays empty: a JavaScript catch clause catches everything (`catch (e: unknown)` is no filter).
    return handler;
}
function handleTry(state, node) {
    const handlers = [];
    const clause = node.childForFieldName('handler');
    if (clause) {
        const handler = catchHandler(state, clause);
        state.catchHandlers.set(clause.startIndex, handler);
        handlers.push(handler);
    }
    const tryBlock = { handlers, hasFinally: node.childForFieldName('finalizer') !== null, loc: loc(node) };
    state.model.tries.push(withEnclosing(state, tryBlock));
}
/** The frame for a catch clause: handler of the innermost try recorded for it. */
function enterCatch(state, node) {
    addDecision(state);
    const handler = state.catchHandlers.get(node.startIndex);
    const end = node.endIndex;
    const param = node.childForFieldName('parameter');
    const frame = { end, branchNode: node };
    if (handler)
        frame.handler = handler;
    if (param?.type === 'identifier')
        frame.catchParam = slice(state, param, 100);
    return frame;
}
function conditionOf(state, kind, expr, at) {
    const inner = unwrapParens(expr) ?? expr;
    return withEnclosing(state, { kind, text: slice(state, inner, CONDITION_MAX), comparisons: [], loc: loc(at) });
}
/** A frame carrying a condition whose comparisons are collected while the walk is inside it. */
function conditionFrame(state, kind, expr, at) {
    const frame = { end: at.endIndex };
    if (kind === 'if' || kind === 'ternary')
        frame.branchNode = at;
    if (!expr || expr.type === ';' || expr.type === 'empty_statement')
        return frame;
    const condition = conditionOf(state, kind, expr, at);
    state.model.conditions.push(condition);
    frame.condition = condition;
    frame.condStart = expr.startIndex;
    frame.condEnd = expr.endIndex;
    if (kind === 'if')
        frame.guard = condition.text;
    return frame;
}
/** `require.main === module`, or the ESM idiom `import.meta.url === pathToFileURL(process.argv[1]).href`. */
function isMainCheck(left, right) {
    if ((left === 'require.main' && right === 'module') || (right === 'require.main' && left === 'module'))
        return true;
    return (left === 'import.meta.url' && right.includes('process.argv[1]')) || (right === 'import.meta.url' && left.includes('process.argv[1]'));
}
function handleBinary(state, node) {
    // One call for all children is cheaper than three field look-ups: this runs for every operator.
    const children = node.children;
    let i = 1;
    while (i < children.length - 1 && children[i]?.type === 'comment')
        i++;
    const op = children[i]?.type ?? '';
    if (op === '&&' || op === '||' || op === '??') {
        addDecision(state);
        return;
    }
    if (!js_flow_COMPARISON_OPERATORS.has(op))
        return;
    const left = children[0];
    const right = children[children.length - 1];
    const leftText = slice(state, left, 100);
    const rightText = slice(state, right, 100);
    if ((op === '===' || op === '==') && isMainCheck(leftText, rightText))
        state.model.hasMain = true;
    // The condition being read is one of the innermost frames; looking a few up is enough, and keeps
    // comparisons outside any condition from scanning deep stacks.
    const start = node.startIndex;
    const frames = state.frames;
    for (let i = frames.length - 1; i >= 0 && i >= frames.length - 8; i--) {
        const f = frames[i];
        if (f.fn !== undefined)
            return;
        if (f.condition && start >= f.condStart && node.endIndex <= f.condEnd) {
            f.condition.comparisons.push(comparison(state, op, left, right, leftText, rightText));
            return;
        }
    }
}
function comparison(state, operator, left, right, leftText, rightText) {
    const c = { operator, left: leftText, right: rightText };
    const r = literalValue(state, right);
    if (r) {
        c.literal = r.value;
        c.literalSide = 'right';
    }
    else {
        const l = literalValue(state, left);
        if (l) {
            c.literal = l.value;
            c.literalSide = 'left';
        }
    }
    return c;
}
/** A switch statement; each `case` also becomes a condition comparing the discriminant to the case value. */
function handleSwitch(state, node) {
    const value = unwrapParens(node.childForFieldName('value'));
    const discriminant = slice(state, value, 200);
    const cases = [];
    let hasDefault = false;
    const body = node.childForFieldName('body');
    for (const c of body?.namedChildren ?? []) {
        if (!c)
            continue;
        if (c.type === 'switch_default')
            hasDefault = true;
        else if (c.type === 'switch_case') {
            const v = c.childForFieldName('value');
            cases.push(slice(state, v, 100));
            addDecision(state);
            const condition = conditionOf(state, 'case', v ?? c, c);
            condition.comparisons.push(comparison(state, '===', value, v, discriminant, slice(state, v, 100)));
            state.model.conditions.push(condition);
        }
    }
    state.model.switches.push(withEnclosing(state, { discriminant, cases, hasDefault, kind: 'switch', loc: loc(node) }));
}
/** What a counting loop runs over: `items` in `for (let i = 0; i < items.length; i++)`. */
function countedOver(state, condition) {
    let c = condition;
    if (c?.type === 'expression_statement')
        c = c.namedChild(0);
    if (c?.type !== 'binary_expression')
        return undefined;
    const right = c.childForFieldName('right');
    if (right?.type === 'member_expression' && slice(state, right.childForFieldName('property'), 10) === 'length') {
        return slice(state, right.childForFieldName('object'), 200);
    }
    return right ? slice(state, right, 200) : undefined;
}
function enterLoop(state, node) {
    addDecision(state);
    const body = node.childForFieldName('body');
    const headerEnd = node.type === 'do_statement' ? node.endIndex : (body?.startIndex ?? node.endIndex);
    const header = state.source.slice(node.startIndex, Math.min(headerEnd, node.startIndex + 200)).trim();
    let kind;
    let iterates;
    let conditionNode = null;
    let conditionKind = 'while';
    let hasAwait = false;
    switch (node.type) {
        case 'for_in_statement': {
            const op = node.childForFieldName('operator')?.type;
            kind = op === 'in' ? 'for-in' : 'for-of';
            iterates = slice(state, node.childForFieldName('right'), 200);
            hasAwait = node.child(1)?.type === 'await';
            break;
        }
        case 'for_statement':
            kind = 'for';
            conditionNode = node.childForFieldName('condition');
            conditionKind = 'for';
            iterates = countedOver(state, conditionNode);
            break;
        case 'do_statement':
            kind = 'do-while';
            conditionNode = node.childForFieldName('condition');
            break;
        default:
            kind = 'while';
            conditionNode = node.childForFieldName('condition');
            break;
    }
    const loop = withEnclosing(state, { kind, depth: (topFrame(state)?.loopCount ?? 0) + 1, header: header.length > 200 ? `${header}…` : header, hasAwait, loc: loc(node) });
    if (iterates !== undefined)
        loop.iterates = iterates;
    state.model.loops.push(loop);
    if (conditionNode?.type === 'expression_statement')
        conditionNode = conditionNode.namedChild(0);
    const frame = conditionFrame(state, conditionKind, conditionNode, node);
    frame.loop = loop;
    frame.branchNode = node;
    return frame;
}

;// CONCATENATED MODULE: ./src/model/extract/js-functions.ts


const TYPE_MAX = 200;
/** Text of a type annotation without its leading `:`. */
function typeText(state, annotation) {
    if (!annotation)
        return undefined;
    const first = annotation.firstChild;
    if (first && first.type === ':') {
        const start = first.endIndex;
        const end = Math.min(annotation.endIndex, start + TYPE_MAX + 1);
        const t = state.source.slice(start, end).trim();
        return annotation.endIndex > end ? `${t}…` : t;
    }
    return slice(state, annotation, TYPE_MAX);
}
function parameterFrom(state, node) {
    switch (node.type) {
        case 'required_parameter':
        case 'optional_parameter': {
            const pattern = node.childForFieldName('pattern');
            if (!pattern || pattern.type === 'this')
                return undefined;
            const rest = pattern.type === 'rest_pattern';
            const nameNode = rest ? pattern.namedChild(0) : pattern;
            const value = node.childForFieldName('value');
            return {
                name: slice(state, nameNode),
                type: typeText(state, node.childForFieldName('type')),
                defaultValue: value ? slice(state, value) : undefined,
                optional: node.type === 'optional_parameter' || value !== null,
                rest
            };
        }
        case 'identifier':
        case 'object_pattern':
        case 'array_pattern':
            return { name: slice(state, node), optional: false, rest: false };
        case 'assignment_pattern': {
            const right = node.childForFieldName('right');
            return {
                name: slice(state, node.childForFieldName('left')),
                defaultValue: right ? slice(state, right) : undefined,
                optional: true,
                rest: false
            };
        }
        case 'rest_pattern':
            return { name: slice(state, node.namedChild(0)), optional: false, rest: true };
        default:
            return undefined;
    }
}
function parametersOf(state, fn) {
    const single = fn.childForFieldName('parameter');
    if (single)
        return [{ name: slice(state, single), optional: false, rest: false }];
    const list = fn.childForFieldName('parameters');
    if (!list)
        return [];
    const params = [];
    for (const child of list.namedChildren) {
        if (!child)
            continue;
        const p = parameterFrom(state, child);
        if (p) {
            if (p.type === undefined)
                delete p.type;
            if (p.defaultValue === undefined)
                delete p.defaultValue;
            params.push(p);
        }
    }
    return params;
}
function modifiersOf(state, node) {
    const m = { async: false, generator: false, static: false, get: false, set: false };
    const n = node.childCount;
    for (let i = 0; i < n; i++) {
        const c = node.child(i);
        if (!c)
            continue;
        switch (c.type) {
            case 'async':
                m.async = true;
                break;
            case '*':
                m.generator = true;
                break;
            case 'static':
                m.static = true;
                break;
            case 'get':
                m.get = true;
                break;
            case 'set':
                m.set = true;
                break;
            case 'accessibility_modifier':
                m.accessibility = slice(state, c, 20);
                break;
            case 'formal_parameters':
            case 'statement_block':
                return m;
        }
    }
    return m;
}
/** Name of a property key: `foo`, `'foo'` -> foo, `[expr]` -> [expr], `#x`. */
function keyName(state, key) {
    if (!key)
        return '<anonymous>';
    if (key.type === 'string')
        return slice(state, key, 100).slice(1, -1);
    return slice(state, key, 100);
}
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function', 'class']);
/** Records the name a function, class or object literal gets from where it is bound. */
function bind(state, value, binding) {
    const v = unwrapValue(value);
    if (!v)
        return;
    if (FUNCTION_VALUES.has(v.type))
        state.bindings.set(v.startIndex, binding);
    else if (v.type === 'object')
        state.objectBindings.set(v.startIndex, { scope: binding.name, exported: binding.exported });
}
/** `const f = () => {}`, `const api = {...}`. */
function handleDeclarator(state, node) {
    const name = node.childForFieldName('name');
    if (name?.type !== 'identifier')
        return;
    bind(state, node.childForFieldName('value'), { name: slice(state, name, 100), locNode: node });
}
/** `x.y = function () {}`, `exports.run = () => {}`, `module.exports = {...}`. */
function handleAssignment(state, node) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right)
        return;
    const leftText = slice(state, left, 100);
    const exported = leftText.startsWith('module.exports') || leftText.startsWith('exports.');
    const v = unwrapValue(right);
    if (v?.type === 'object') {
        state.objectBindings.set(v.startIndex, leftText === 'module.exports' ? { exported: true } : { scope: leftText });
        return;
    }
    if (left.type === 'member_expression') {
        // `module.exports = function parse() {}` keeps its own name; an anonymous one is the default export.
        const own = leftText === 'module.exports' ? v?.childForFieldName('name') : null;
        const name = leftText === 'module.exports' ? (own ? slice(state, own, 100) : 'default') : slice(state, left.childForFieldName('property'), 100);
        bind(state, right, { name, exported });
    }
    else if (left.type === 'identifier')
        bind(state, right, { name: leftText });
}
/** `{ key: () => {} }` inside an object literal. */
function handlePair(state, node) {
    const value = unwrapValue(node.childForFieldName('value'));
    if (!value || !FUNCTION_VALUES.has(value.type))
        return;
    const container = enclosingContainer(state);
    state.bindings.set(value.startIndex, {
        name: keyName(state, node.childForFieldName('key')),
        scope: container?.isObject ? container.scope : undefined,
        exported: container?.isObject ? container.objectExported : undefined
    });
}
/** A class field initialised with a function: `handler = () => {}`. */
function handleField(state, node) {
    const value = unwrapValue(node.childForFieldName('value'));
    if (!value || !FUNCTION_VALUES.has(value.type))
        return;
    const name = keyName(state, node.childForFieldName('name') ?? node.childForFieldName('property'));
    state.bindings.set(value.startIndex, { name, field: node });
}
/** A decorator; kept until the method it stands before is handled. */
function handleDecorator(state, node) {
    const expr = node.namedChild(0);
    state.pendingDecorators.push({ text: slice(state, expr ?? node, 200), start: node.startIndex, end: node.endIndex });
}
/** The decorators written directly before `start` (only blank space between them and the method). */
function takeDecorators(state, start) {
    const pending = state.pendingDecorators;
    if (pending.length === 0)
        return [];
    const taken = [];
    let next = start;
    for (let i = pending.length - 1; i >= 0; i--) {
        const d = pending[i];
        if (d.end > next || state.source.slice(d.end, next).trim() !== '')
            break;
        taken.unshift(d.text);
        next = d.start;
    }
    state.pendingDecorators = [];
    return taken;
}
/** An object literal: a frame that names the functions defined in it. */
function enterObject(state, node) {
    const b = state.objectBindings.get(node.startIndex);
    const frame = { end: node.endIndex, isObject: true };
    if (b?.scope !== undefined)
        frame.scope = b.scope;
    if (b?.exported)
        frame.objectExported = true;
    return frame;
}
/**
 * Handles a function-like node: registers a FunctionDecl (or an anonymous frame for callbacks)
 * and returns the frame to push.
 */
function enterFunction(state, node) {
    const type = node.type;
    const own = node.childForFieldName('name');
    let kind = type === 'arrow_function' ? 'arrow' : 'function';
    let name;
    let scope;
    let locNode = node;
    let exported = state.exportedAt.has(node.startIndex);
    const mods = modifiersOf(state, node);
    let container = enclosingContainer(state);
    const decorators = takeDecorators(state, node.startIndex);
    if (type === 'method_definition') {
        name = keyName(state, own);
        kind = mods.get ? 'getter' : mods.set ? 'setter' : name === 'constructor' ? 'constructor' : 'method';
        if (container?.isObject) {
            scope = container.scope;
            exported ||= container.objectExported === true;
        }
    }
    else if (type === 'function_declaration' || type === 'generator_function_declaration') {
        name = own ? slice(state, own, 100) : 'default';
        container = undefined;
    }
    else {
        const b = state.bindings.get(node.startIndex);
        name = b?.name ?? (own ? slice(state, own, 100) : undefined);
        scope = b?.scope;
        if (b?.locNode)
            locNode = b.locNode;
        exported ||= b?.exported === true;
        if (b?.field)
            mods.accessibility = modifiersOf(state, b.field).accessibility;
        else
            container = undefined;
    }
    if (name === undefined)
        return { end: node.endIndex, fn: null };
    const cls = container && !container.isObject ? container : undefined;
    const prefix = scope ?? scopePrefix(state);
    const qualifiedName = uniqueName(state, prefix ? `${prefix}.${name}` : name);
    const location = loc(locNode);
    const fnLoc = loc(node);
    const returnType = typeText(state, node.childForFieldName('return_type'));
    const decl = {
        name,
        qualifiedName,
        kind,
        params: parametersOf(state, node),
        async: mods.async,
        generator: mods.generator || type.startsWith('generator_function'),
        exported,
        loc: { ...location, endLine: fnLoc.endLine, endColumn: fnLoc.endColumn },
        complexity: 1,
        lines: fnLoc.endLine - location.startLine + 1
    };
    if (returnType !== undefined)
        decl.returnType = returnType;
    if (decorators.length > 0)
        decl.decorators = decorators;
    if (cls?.className !== undefined)
        decl.className = cls.className;
    if (cls?.classDecl) {
        const isPublic = mods.accessibility !== 'private' && mods.accessibility !== 'protected' && !name.startsWith('#');
        state.methods.push({ fn: decl, cls: cls.classDecl, isPublic });
    }
    state.model.functions.push(decl);
    return { end: node.endIndex, fn: decl };
}
function memberOf(state, node) {
    const mods = modifiersOf(state, node);
    let kind;
    let nameNode;
    switch (node.type) {
        case 'method_definition':
        case 'method_signature':
        case 'abstract_method_signature':
            nameNode = node.childForFieldName('name');
            kind = mods.get ? 'getter' : mods.set ? 'setter' : 'method';
            if (!mods.get && !mods.set && nameNode && slice(state, nameNode, 20) === 'constructor')
                kind = 'constructor';
            break;
        case 'public_field_definition':
        case 'field_definition':
            nameNode = node.childForFieldName('name') ?? node.childForFieldName('property');
            kind = 'property';
            break;
        default:
            return undefined;
    }
    const name = keyName(state, nameNode);
    const visibility = name.startsWith('#')
        ? 'private'
        : mods.accessibility === 'private' || mods.accessibility === 'protected'
            ? mods.accessibility
            : 'public';
    return { name, kind, static: mods.static, visibility, loc: loc(node) };
}
/** Handles a class declaration or expression and returns the frame to push. */
function enterClass(state, node) {
    const own = node.childForFieldName('name');
    let name;
    let exported = state.exportedAt.has(node.startIndex);
    if (own)
        name = slice(state, own, 100);
    else if (node.type === 'class') {
        const b = state.bindings.get(node.startIndex);
        name = b?.name ?? '<anonymous>';
        exported ||= b?.exported === true;
    }
    else
        name = 'default';
    const bases = [];
    const members = [];
    for (const child of node.namedChildren) {
        if (!child)
            continue;
        if (child.type === 'class_heritage') {
            for (const clause of child.namedChildren) {
                if (!clause)
                    continue;
                if (clause.type === 'extends_clause') {
                    const value = clause.childForFieldName('value');
                    if (value)
                        bases.push(slice(state, value, 100));
                }
                else if (clause.type === 'implements_clause') {
                    for (const t of clause.namedChildren)
                        if (t)
                            bases.push(slice(state, t, 100));
                }
                else {
                    // JavaScript: `class A extends B` puts the expression directly under class_heritage.
                    bases.push(slice(state, clause, 100));
                }
            }
        }
        else if (child.type === 'class_body') {
            for (const m of child.namedChildren) {
                const member = m ? memberOf(state, m) : undefined;
                if (member)
                    members.push(member);
            }
        }
    }
    const prefix = scopePrefix(state);
    const qualifiedName = uniqueName(state, prefix ? `${prefix}.${name}` : name);
    const location = loc(node);
    const first = node.children.find((c) => c !== null && c.type !== 'decorator');
    if (first && first.startIndex > node.startIndex) {
        location.startLine = first.startPosition.row + 1;
        location.startColumn = first.startPosition.column + 1;
    }
    const decl = { name, qualifiedName, exported, bases, members, loc: location };
    state.model.classes.push(decl);
    return { end: node.endIndex, scope: qualifiedName, className: name, classDecl: decl };
}

;// CONCATENATED MODULE: ./src/model/extract/bindings-common.ts
/** A generated module of a million assignments must not make a million model entries. */
const MAX_BINDINGS = 20_000;
/** Enough for a built command, query or path; a 5 MB literal is cut. */
const BINDING_VALUE_MAX = 300;
/** Whether the module has room for more bindings. */
function bindingsFull(model) {
    return (model.bindings?.length ?? 0) >= MAX_BINDINGS;
}
/** One binding per name, all with the same value, location and scope, up to MAX_BINDINGS. */
function addBindings(model, names, at) {
    const bindings = (model.bindings ??= []);
    for (const name of names) {
        if (bindings.length >= MAX_BINDINGS)
            return;
        const binding = { name, operator: at.operator, value: at.value, loc: { ...at.loc } };
        if (at.enclosing !== undefined)
            binding.enclosing = at.enclosing;
        if (at.branch)
            binding.branch = { ...at.branch };
        bindings.push(binding);
    }
}

;// CONCATENATED MODULE: ./src/model/extract/js-bindings.ts



/** Names taken from one destructuring pattern. */
const MAX_PATTERN_NAMES = 64;
/** Values that are functions or classes: the model has them as functions and classes already. */
const DECLARATION_VALUES = new Set([
    'arrow_function',
    'function_expression',
    'function',
    'generator_function',
    'class'
]);
/** The plain names a target binds: `x`, `{ a, b: c, ...d }`, `[e, , f = 1]`, nested. */
function targetNames(target) {
    if (target.type === 'identifier')
        return [target];
    const out = [];
    const stack = [target];
    while (stack.length > 0 && out.length < MAX_PATTERN_NAMES) {
        const node = stack.pop();
        switch (node.type) {
            case 'identifier':
            case 'shorthand_property_identifier_pattern':
                out.push(node);
                break;
            case 'object_pattern':
            case 'array_pattern':
            case 'rest_pattern':
                for (let i = node.namedChildCount - 1; i >= 0; i--) {
                    const child = node.namedChild(i);
                    if (child)
                        stack.push(child);
                }
                break;
            case 'pair_pattern': {
                const value = node.childForFieldName('value');
                if (value)
                    stack.push(value);
                break;
            }
            case 'assignment_pattern':
            case 'object_assignment_pattern': {
                const left = node.childForFieldName('left');
                if (left)
                    stack.push(left);
                break;
            }
            default:
                // Member expressions (`[this.a] = v`), computed keys: not a local name.
                break;
        }
    }
    return out;
}
/**
 * `const x = v` (any scope; `function`/`class` values excluded), or `x = v` / `x += v` when `inFunction`
 * says the assignment is inside a function. `node` is the declarator or assignment (its location).
 */
function noteLocalBinding(state, node, target, value, operator) {
    if (!target || !value)
        return;
    if (bindingsFull(state.model))
        return;
    let shown = value;
    while (shown.type === 'parenthesized_expression' && shown.namedChildCount === 1)
        shown = shown.namedChild(0) ?? shown;
    if (DECLARATION_VALUES.has(shown.type))
        return;
    const names = targetNames(target);
    if (names.length === 0)
        return;
    const text = slice(state, value, BINDING_VALUE_MAX);
    const enclosing = enclosingName(state);
    const branchFrame = topFrame(state)?.branchFrame;
    const branch = branchFrame ? branchOf(branchFrame, node.startIndex) : undefined;
    addBindings(state.model, names.map((name) => slice(state, name, 100)), { operator, value: text, loc: loc(node), ...(enclosing !== undefined ? { enclosing } : {}), ...(branch ? { branch } : {}) });
}
/**
 * The branch of an if or ternary that holds `offset`, else the whole statement (a loop, a catch clause, the
 * condition). Looked up once per frame: a branch can hold many bindings.
 */
function branchOf(frame, offset) {
    const node = frame.branchNode;
    if (!node)
        return undefined;
    if (!frame.branches) {
        const parts = node.type === 'if_statement' || node.type === 'ternary_expression' ? [node.childForFieldName('consequence'), node.childForFieldName('alternative')] : [];
        frame.branches = parts.filter((p) => p !== null).map((p) => ({ start: p.startIndex, end: p.endIndex, node: p }));
        frame.branches.push({ start: node.startIndex, end: node.endIndex, node });
    }
    const branches = frame.branches;
    const found = branches.find((b) => b.start <= offset && offset < b.end) ?? branches[branches.length - 1];
    return (found.loc ??= loc(found.node));
}
/** Inside a function, named or not (a callback's body): where plain assignments are recorded. */
function insideFunction(state) {
    return topFrame(state)?.inFunction === true;
}

;// CONCATENATED MODULE: ./src/model/extract/js-env.ts



const PROCESS_ENV = 'process.env';
const FALLBACK_OPERATORS = new Set(['??', '||']);
const same = (a, b) => !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex;
/** Called for every member expression of a file that mentions process.env; cheap for the others. */
function noteEnvRead(state, node) {
    if (node.endIndex - node.startIndex !== PROCESS_ENV.length || !state.source.startsWith(PROCESS_ENV, node.startIndex))
        return;
    const parent = node.parent;
    if (!parent)
        return;
    if (parent.type === 'variable_declarator' && same(parent.childForFieldName('value'), node)) {
        const pattern = parent.childForFieldName('name');
        if (pattern?.type === 'object_pattern')
            destructured(state, pattern);
        return;
    }
    let name;
    if (parent.type === 'member_expression' && same(parent.childForFieldName('object'), node)) {
        name = slice(state, parent.childForFieldName('property'), 100);
    }
    else if (parent.type === 'subscript_expression' && same(parent.childForFieldName('object'), node)) {
        const index = parent.childForFieldName('index');
        name = (index && stringValue(state, index, 100)) ?? '*';
    }
    else
        return;
    const outer = parent.parent;
    if (outer?.type === 'assignment_expression' && same(outer.childForFieldName('left'), parent))
        return;
    if (outer?.type === 'augmented_assignment_expression' && same(outer.childForFieldName('left'), parent))
        return;
    if (outer?.type === 'unary_expression' && outer.text.startsWith('delete'))
        return;
    const hasDefault = outer?.type === 'binary_expression' &&
        FALLBACK_OPERATORS.has(outer.childForFieldName('operator')?.type ?? '') &&
        same(outer.childForFieldName('left'), parent);
    push(state, { name, hasDefault, at: parent });
}
function destructured(state, pattern) {
    for (const child of pattern.namedChildren) {
        if (!child)
            continue;
        if (child.type === 'shorthand_property_identifier_pattern')
            push(state, { name: slice(state, child, 100), hasDefault: false, at: child });
        else if (child.type === 'object_assignment_pattern') {
            push(state, { name: slice(state, child.childForFieldName('left'), 100), hasDefault: true, at: child });
        }
        else if (child.type === 'pair_pattern') {
            const key = child.childForFieldName('key');
            const value = child.childForFieldName('value');
            const keyName = key?.type === 'string' ? stringValue(state, key, 100) : slice(state, key, 100);
            push(state, { name: keyName ?? '*', hasDefault: value?.type === 'assignment_pattern', at: child });
        }
    }
}
function push(state, read) {
    const reads = (state.model.envReads ??= []);
    const entry = { name: read.name, hasDefault: read.hasDefault, loc: loc(read.at) };
    const enclosing = enclosingName(state);
    if (enclosing !== undefined)
        entry.enclosing = enclosing;
    reads.push(entry);
}

;// CONCATENATED MODULE: ./src/model/extract/js-jsx.ts

const JSX_TYPES = ['jsx_element', 'jsx_self_closing_element', 'jsx_text', 'jsx_expression'];
const MAX_ELEMENTS = 5_000;
const MAX_VALUE = 200;
/** Grammars that parse JSX: tsx, and javascript (which also reads `.js` files written with JSX). */
function mayHaveJsx(language, text) {
    return (language === 'tsx' || language === 'jsx' || language === 'javascript') && (text.includes('/>') || text.includes('</'));
}
function js_jsx_literalValue(value) {
    if (!value)
        return 'true';
    let node = value;
    if (node.type === 'jsx_expression') {
        const inner = node.namedChildren.filter((c) => c !== null && c.type !== 'comment');
        if (inner.length !== 1)
            return undefined;
        node = inner[0];
    }
    switch (node.type) {
        case 'string':
            return node.text.slice(1, -1).slice(0, MAX_VALUE);
        case 'template_string':
            return node.namedChildren.some((c) => c?.type === 'template_substitution') ? undefined : node.text.slice(1, -1).slice(0, MAX_VALUE);
        case 'number':
        case 'true':
        case 'false':
            return node.text;
        default:
            return undefined;
    }
}
function js_jsx_element(node, tag, name) {
    const attributes = [];
    const values = {};
    for (const attr of tag.childrenForFieldName('attribute')) {
        if (attr.type !== 'jsx_attribute') {
            attributes.push('...');
            continue;
        }
        const key = attr.namedChild(0);
        if (!key)
            continue;
        const attrName = key.text;
        attributes.push(attrName);
        const value = js_jsx_literalValue(attr.namedChild(1));
        if (value !== undefined)
            values[attrName] = value;
    }
    return { name: name.text.slice(0, MAX_VALUE), attributes, values, hasText: false, loc: loc(node) };
}
/** The innermost function whose location holds the element (functions arrive in document order). */
function enclosingOf(functions, el) {
    let best;
    for (const fn of functions) {
        const l = fn.loc;
        if (l.startLine > el.loc.startLine)
            break;
        const starts = l.startLine < el.loc.startLine || l.startColumn <= el.loc.startColumn;
        const ends = l.endLine > el.loc.endLine || (l.endLine === el.loc.endLine && l.endColumn >= el.loc.endColumn);
        if (starts && ends)
            best = fn;
    }
    return best?.qualifiedName;
}
function extractJsx(tree, model) {
    const found = [];
    const open = [];
    // Innermost outward: an element already marked means every element around it is marked too.
    const markText = () => {
        for (let i = open.length - 1; i >= 0; i--) {
            const el = open[i].element;
            if (!el)
                continue;
            if (el.hasText)
                return;
            el.hasText = true;
        }
    };
    for (const node of tree.rootNode.descendantsOfType(JSX_TYPES)) {
        const start = node.startIndex;
        while (open.length > 0 && open[open.length - 1].end <= start)
            open.pop();
        if (node.type === 'jsx_text') {
            if (node.text.trim() !== '')
                markText();
            continue;
        }
        if (node.type === 'jsx_expression') {
            // Only an expression child renders content; attribute values and spreads do not.
            if (node.parent?.type === 'jsx_element' && node.namedChildren.some((c) => c !== null && c.type !== 'comment'))
                markText();
            continue;
        }
        const tag = node.type === 'jsx_element' ? node.childForFieldName('open_tag') : node;
        const name = tag?.childForFieldName('name') ?? null;
        const el = tag && name && found.length < MAX_ELEMENTS ? js_jsx_element(node, tag, name) : null;
        if (el)
            found.push(el);
        open.push({ end: node.endIndex, element: el });
    }
    if (found.length === 0)
        return;
    const functions = [...model.functions].sort((a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn);
    for (const el of found) {
        const enclosing = enclosingOf(functions, el);
        if (enclosing !== undefined)
            el.enclosing = enclosing;
    }
    model.jsxElements = found;
}

;// CONCATENATED MODULE: ./src/model/extract/js-modules.ts



function hasToken(node, token, stopAt) {
    const n = node.childCount;
    for (let i = 0; i < n; i++) {
        const t = node.child(i)?.type;
        if (t === token)
            return true;
        if (t === stopAt)
            return false;
    }
    return false;
}
function specifierNames(state, list, kind) {
    const names = [];
    for (const spec of list.namedChildren) {
        if (!spec || (spec.type !== 'import_specifier' && spec.type !== 'export_specifier'))
            continue;
        const name = slice(state, spec.childForFieldName('name'), 100);
        const alias = spec.childForFieldName('alias');
        const aliasText = alias ? slice(state, alias, 100) : name;
        names.push(kind === 'import' ? { imported: name, local: aliasText } : { imported: name, local: aliasText });
    }
    return names;
}
function sourceOf(state, node) {
    const src = node.childForFieldName('source');
    if (!src)
        return undefined;
    state.specifierStrings.add(src.startIndex);
    return stringValue(state, src, 500);
}
function handleImport(state, node) {
    const names = [];
    let source;
    let kind = 'esm';
    for (const child of node.namedChildren) {
        if (!child)
            continue;
        if (child.type === 'import_clause') {
            for (const part of child.namedChildren) {
                if (!part)
                    continue;
                if (part.type === 'identifier')
                    names.push({ imported: 'default', local: slice(state, part, 100) });
                else if (part.type === 'namespace_import') {
                    names.push({ imported: '*', local: slice(state, part.namedChild(0), 100) });
                }
                else if (part.type === 'named_imports')
                    names.push(...specifierNames(state, part, 'import'));
            }
        }
        else if (child.type === 'import_require_clause') {
            kind = 'require';
            names.push({ imported: '*', local: slice(state, child.namedChild(0), 100) });
            source = sourceOf(state, child);
        }
    }
    source ??= sourceOf(state, node);
    if (source === undefined)
        return;
    state.model.imports.push({ source, names, kind, typeOnly: hasToken(node, 'type', 'import_clause'), loc: loc(node) });
}
const DECLARATION_KIND = {
    function_declaration: 'function',
    generator_function_declaration: 'function',
    function_signature: 'function',
    class_declaration: 'class',
    abstract_class_declaration: 'class',
    interface_declaration: 'type',
    type_alias_declaration: 'type',
    enum_declaration: 'variable',
    internal_module: 'variable',
    module: 'variable',
    lexical_declaration: 'variable',
    variable_declaration: 'variable'
};
/** Names bound by a pattern (`{ a, b: c }` gives a and c), walked without recursion. */
function patternNames(state, pattern) {
    const out = [];
    const stack = [pattern];
    while (stack.length > 0 && out.length < 100) {
        const n = stack.pop();
        if (n.type === 'identifier' || n.type === 'shorthand_property_identifier_pattern')
            out.push(slice(state, n, 100));
        else if (n.type === 'pair_pattern') {
            const v = n.childForFieldName('value');
            if (v)
                stack.push(v);
        }
        else if (n.type === 'assignment_pattern') {
            const l = n.childForFieldName('left');
            if (l)
                stack.push(l);
        }
        else
            for (const c of n.namedChildren)
                if (c)
                    stack.push(c);
    }
    return out;
}
function exportDeclaration(state, decl, isDefault, at) {
    let d = decl;
    if (d.type === 'ambient_declaration' && d.namedChild(0))
        d = d.namedChild(0);
    const kind = DECLARATION_KIND[d.type];
    state.exportedAt.add(d.startIndex);
    if (d.type === 'lexical_declaration' || d.type === 'variable_declaration') {
        for (const declarator of d.namedChildren) {
            if (declarator?.type !== 'variable_declarator')
                continue;
            const nameNode = declarator.childForFieldName('name');
            if (!nameNode)
                continue;
            for (const name of patternNames(state, nameNode)) {
                state.exportedNames.add(name);
                state.model.exports.push({ name, kind: 'variable', loc: loc(at) });
            }
        }
        return;
    }
    const nameNode = d.childForFieldName('name');
    const name = nameNode ? slice(state, nameNode, 100) : undefined;
    if (isDefault) {
        const e = { name: 'default', kind: 'default', loc: loc(at) };
        if (name)
            e.local = name;
        state.model.exports.push(e);
    }
    else if (name) {
        state.model.exports.push({ name, kind: kind ?? 'variable', loc: loc(at) });
    }
}
function handleExport(state, node) {
    const isDefault = hasToken(node, 'default');
    const declaration = node.childForFieldName('declaration');
    if (declaration) {
        exportDeclaration(state, declaration, isDefault, node);
        return;
    }
    const source = sourceOf(state, node);
    const typeOnly = hasToken(node, 'type', 'export_clause');
    let clause = null;
    let namespace = null;
    for (const child of node.namedChildren) {
        if (child?.type === 'export_clause')
            clause = child;
        else if (child?.type === 'namespace_export')
            namespace = child;
    }
    if (source !== undefined) {
        const importNames = [];
        if (clause) {
            for (const { imported, local } of specifierNames(state, clause, 'export')) {
                const e = { name: local, kind: 'reexport', source, loc: loc(node) };
                if (imported !== local)
                    e.local = imported;
                state.model.exports.push(e);
                importNames.push({ imported, local });
            }
        }
        else if (namespace) {
            const name = slice(state, namespace.namedChild(0), 100);
            state.model.exports.push({ name, local: '*', kind: 'reexport', source, loc: loc(node) });
            importNames.push({ imported: '*', local: name });
        }
        else {
            state.model.exports.push({ name: '*', kind: 'all', source, loc: loc(node) });
            importNames.push({ imported: '*', local: '*' });
        }
        state.model.imports.push({ source, names: importNames, kind: 'esm', typeOnly, loc: loc(node) });
        return;
    }
    if (clause) {
        for (const { imported, local } of specifierNames(state, clause, 'export')) {
            const e = { name: local, kind: typeOnly ? 'type' : 'variable', loc: loc(node) };
            if (imported !== local)
                e.local = imported;
            state.exportedNames.add(imported);
            state.model.exports.push(e);
        }
        return;
    }
    // `export default <expression>` or TypeScript `export = <expression>`.
    const value = node.childForFieldName('value') ?? node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null;
    if (!value)
        return;
    state.exportedAt.add(value.startIndex);
    state.bindings.set(value.startIndex, { name: 'default', exported: true });
    const e = { name: 'default', kind: isDefault ? 'default' : 'commonjs', loc: loc(node) };
    if (value.type === 'identifier') {
        e.local = slice(state, value, 100);
        state.exportedNames.add(e.local);
    }
    state.model.exports.push(e);
}
/** `module.exports = ...`, `module.exports.x = ...`, `exports.x = ...`. Returns true when it was one. */
function handleCommonJsExport(state, node) {
    const left = node.childForFieldName('left');
    if (!left || left.type !== 'member_expression')
        return false;
    const leftText = slice(state, left, 120);
    const right = node.childForFieldName('right');
    if (!right)
        return false;
    if (leftText === 'module.exports') {
        state.exportedAt.add(right.startIndex);
        if (right.type === 'object') {
            for (const prop of right.namedChildren) {
                if (!prop)
                    continue;
                if (prop.type === 'shorthand_property_identifier') {
                    const name = slice(state, prop, 100);
                    state.exportedNames.add(name);
                    state.model.exports.push({ name, kind: 'commonjs', loc: loc(prop) });
                }
                else if (prop.type === 'pair') {
                    const key = prop.childForFieldName('key');
                    const value = prop.childForFieldName('value');
                    const name = key?.type === 'string' ? (stringValue(state, key) ?? '') : slice(state, key, 100);
                    const e = { name, kind: 'commonjs', loc: loc(prop) };
                    if (value?.type === 'identifier') {
                        e.local = slice(state, value, 100);
                        state.exportedNames.add(e.local);
                    }
                    else if (value)
                        state.exportedAt.add(value.startIndex);
                    state.model.exports.push(e);
                }
                else if (prop.type === 'method_definition') {
                    const name = slice(state, prop.childForFieldName('name'), 100);
                    state.model.exports.push({ name, kind: 'commonjs', loc: loc(prop) });
                }
            }
            return true;
        }
        const e = { name: 'default', kind: 'commonjs', loc: loc(node) };
        if (right.type === 'identifier') {
            e.local = slice(state, right, 100);
            state.exportedNames.add(e.local);
        }
        else if (right.type === 'call_expression' && slice(state, right.childForFieldName('function'), 20) === 'require') {
            // `module.exports = require('./impl')` re-exports everything of another module.
            const arg = right.childForFieldName('arguments')?.namedChild(0);
            const source = stringValue(state, arg);
            if (source !== undefined) {
                state.model.exports.push({ name: '*', kind: 'all', source, loc: loc(node) });
                return true;
            }
        }
        else {
            const own = right.childForFieldName('name');
            if (own)
                e.local = slice(state, own, 100);
        }
        state.model.exports.push(e);
        return true;
    }
    const object = left.childForFieldName('object');
    const objectText = slice(state, object, 40);
    if (objectText === 'exports' || objectText === 'module.exports') {
        const name = slice(state, left.childForFieldName('property'), 100);
        const e = { name, kind: 'commonjs', loc: loc(node) };
        if (right.type === 'identifier') {
            e.local = slice(state, right, 100);
            state.exportedNames.add(e.local);
        }
        else
            state.exportedAt.add(right.startIndex);
        state.model.exports.push(e);
        return true;
    }
    return false;
}
/** Names bound from a `require()` / `import()` result by its declaration. */
function boundNames(state, call) {
    let p = call.parent;
    if (p?.type === 'await_expression')
        p = p.parent;
    if (!p)
        return [];
    if (p.type === 'member_expression') {
        const prop = slice(state, p.childForFieldName('property'), 100);
        const decl = p.parent?.type === 'variable_declarator' ? p.parent.childForFieldName('name') : null;
        return [{ imported: prop, local: decl?.type === 'identifier' ? slice(state, decl, 100) : prop }];
    }
    if (p.type !== 'variable_declarator')
        return [];
    const name = p.childForFieldName('name');
    if (!name)
        return [];
    if (name.type === 'identifier')
        return [{ imported: '*', local: slice(state, name, 100) }];
    if (name.type !== 'object_pattern')
        return [];
    const names = [];
    for (const prop of name.namedChildren) {
        if (!prop)
            continue;
        if (prop.type === 'shorthand_property_identifier_pattern') {
            const n = slice(state, prop, 100);
            names.push({ imported: n, local: n });
        }
        else if (prop.type === 'pair_pattern') {
            const value = prop.childForFieldName('value');
            const local = value?.type === 'assignment_pattern' ? value.childForFieldName('left') : value;
            names.push({ imported: slice(state, prop.childForFieldName('key'), 100), local: slice(state, local, 100) });
        }
        else if (prop.type === 'object_assignment_pattern') {
            const left = prop.childForFieldName('left');
            const n = slice(state, left, 100);
            names.push({ imported: n, local: n });
        }
    }
    return names;
}
/** `require('x')` and `import('x')` calls. Returns true when the call was one. */
function handleRequireOrDynamicImport(state, node, fnNode) {
    const isImport = fnNode.type === 'import';
    if (!isImport && (fnNode.type !== 'identifier' || slice(state, fnNode, 10) !== 'require'))
        return false;
    const arg = node.childForFieldName('arguments')?.namedChild(0);
    const source = stringValue(state, arg, 500);
    if (source === undefined || !arg)
        return false;
    state.specifierStrings.add(arg.startIndex);
    state.model.imports.push({
        source,
        names: boundNames(state, node),
        kind: isImport ? 'dynamic' : 'require',
        typeOnly: false,
        loc: loc(node)
    });
    return true;
}

;// CONCATENATED MODULE: ./src/model/extract/js-tests.ts



const SUITES = new Set(['describe', 'suite', 'context', 'xdescribe', 'fdescribe', 'xcontext', 'xsuite']);
const TESTS = new Set(['it', 'test', 'specify', 'xit', 'fit', 'xtest', 'xspecify']);
const MOCHA_ONLY = new Set(['context', 'specify', 'before', 'after', 'xcontext', 'xspecify']);
/** `describe.only.each` -> { base: 'describe', modifiers: ['only', 'each'] }, without recursion. */
function calleeParts(state, fn) {
    const modifiers = [];
    let n = fn;
    for (let guard = 0; n && guard < 8; guard++) {
        if (n.type === 'identifier')
            return { base: slice(state, n, 40), modifiers: modifiers.reverse() };
        if (n.type === 'member_expression') {
            modifiers.push(slice(state, n.childForFieldName('property'), 40));
            n = n.childForFieldName('object');
        }
        else if (n.type === 'call_expression') {
            // `it.each(table)` used as the callee of the real test call.
            n = n.childForFieldName('function');
        }
        else
            return undefined;
    }
    return undefined;
}
/** Records a test case when the call is one. */
function handleTestCall(state, node, fnNode) {
    if (!state.isTest || state.consumedCalls.has(node.id))
        return;
    const parts = calleeParts(state, fnNode);
    if (!parts)
        return;
    const { base, modifiers } = parts;
    let kind;
    if (SUITES.has(base))
        kind = 'suite';
    else if (TESTS.has(base))
        kind = 'test';
    else
        return;
    if (MOCHA_ONLY.has(base))
        state.sawMochaGlobal = true;
    if (fnNode?.type === 'call_expression')
        state.consumedCalls.add(fnNode.id);
    const first = node.childForFieldName('arguments')?.namedChild(0);
    if (!first)
        return;
    const name = stringValue(state, first) ?? slice(state, first, 200);
    const c = { name, kind, loc: loc(node) };
    if (base.startsWith('f') || modifiers.includes('only'))
        c.modifier = 'only';
    else if (base.startsWith('x') || modifiers.includes('skip') || modifiers.includes('skipIf'))
        c.modifier = 'skip';
    else if (modifiers.includes('todo'))
        c.modifier = 'todo';
    state.testCases.push(c);
}
/** Notes mocha-only hook globals (`before`, `after`) that tell mocha from jest. */
function noteTestGlobal(state, fnNode) {
    if (!state.isTest || fnNode?.type !== 'identifier')
        return;
    const name = slice(state, fnNode, 20);
    if (name === 'before' || name === 'after')
        state.sawMochaGlobal = true;
}
/** `ns.member` where ns is bound to a whole module by an import seen so far. */
function noteMemberReference(state, node) {
    const object = node.childForFieldName('object');
    if (object?.type !== 'identifier')
        return;
    const name = slice(state, object, 100);
    const imports = state.model.imports;
    if (!state.namespaceLocals || state.namespaceImportsSeen !== imports.length) {
        // Rebuilt when imports were added since (a require() can come after the first member access).
        state.namespaceLocals = new Set();
        state.namespaceImportsSeen = imports.length;
        for (const imp of imports)
            for (const n of imp.names)
                if (n.imported === '*')
                    state.namespaceLocals.add(n.local);
    }
    if (state.namespaceLocals.has(name))
        state.memberReferences.add(`${name}.${slice(state, node.childForFieldName('property'), 100)}`);
}
function frameworkOf(model, sawMochaGlobal) {
    for (const imp of model.imports) {
        const s = imp.source;
        if (s === 'vitest' || s.startsWith('vitest/'))
            return 'vitest';
        if (s === 'node:test' || s === 'test')
            return 'node:test';
        if (s === 'ava')
            return 'ava';
        if (s === 'mocha')
            return 'mocha';
        if (s === '@jest/globals')
            return 'jest';
    }
    return sawMochaGlobal ? 'mocha' : 'jest';
}
function testInfo(state) {
    return {
        framework: frameworkOf(state.model, state.sawMochaGlobal),
        cases: state.testCases,
        importedModules: [],
        referencedSymbols: [],
        memberReferences: [...state.memberReferences].sort()
    };
}

;// CONCATENATED MODULE: ./src/model/extract/js-variables.ts


const LITERALS = new Set(['number', 'string', 'template_string', 'true', 'false', 'null', 'undefined', 'regex', 'unary_expression']);
function initKindOf(state, value) {
    let v = value;
    let frozen = false;
    // `x as const`, `x satisfies T`, `(x)`, `await x`: look at x.
    for (let i = 0; v && i < 8; i++) {
        if (v.type === 'as_expression' || v.type === 'satisfies_expression') {
            if (slice(state, v.lastNamedChild ?? v.lastChild, 10) === 'const' || v.lastChild?.type === 'const')
                frozen = true;
            v = v.namedChild(0);
        }
        else if (v.type === 'parenthesized_expression' || v.type === 'await_expression' || v.type === 'non_null_expression') {
            v = v.namedChild(0);
        }
        else
            break;
    }
    if (!v)
        return { kind: 'none', frozen };
    switch (v.type) {
        case 'array':
            return { kind: 'array', frozen };
        case 'object':
            return { kind: 'object', frozen };
        case 'new_expression': {
            const ctor = slice(state, v.childForFieldName('constructor'), 20);
            if (ctor === 'Map' || ctor === 'WeakMap')
                return { kind: 'map', frozen };
            if (ctor === 'Set' || ctor === 'WeakSet')
                return { kind: 'set', frozen };
            return { kind: 'other', frozen };
        }
        case 'call_expression':
            return { kind: 'call', frozen: frozen || slice(state, v.childForFieldName('function'), 20) === 'Object.freeze' };
        default:
            return { kind: LITERALS.has(v.type) ? 'literal' : 'other', frozen };
    }
}
/** A top-level `const`/`let`/`var` statement. */
function handleModuleDeclaration(state, node, exported) {
    let declaration = 'var';
    if (node.type === 'lexical_declaration') {
        declaration = slice(state, node.childForFieldName('kind'), 5) === 'let' ? 'let' : 'const';
    }
    for (const d of node.namedChildren) {
        if (d?.type !== 'variable_declarator')
            continue;
        const nameNode = d.childForFieldName('name');
        if (!nameNode)
            continue;
        const { kind, frozen } = initKindOf(state, d.childForFieldName('value'));
        const collection = kind === 'array' || kind === 'object' || kind === 'map' || kind === 'set';
        state.model.variables.push({
            name: slice(state, nameNode, 100),
            declaration,
            initKind: kind,
            mutable: declaration !== 'const' || (collection && !frozen),
            exported,
            loc: loc(d)
        });
    }
}

;// CONCATENATED MODULE: ./src/model/extract/javascript.ts











/** Subtrees with nothing for the model inside (types) or handled as a whole (imports). */
const SKIPPED = new Set([
    'type_annotation',
    'type_arguments',
    'type_parameters',
    'interface_declaration',
    'type_alias_declaration',
    'import_statement'
]);
const FUNCTION_TYPES = new Set([
    'function_declaration',
    'generator_function_declaration',
    'function_expression',
    'function',
    'generator_function',
    'arrow_function',
    'method_definition'
]);
const CLASS_TYPES = new Set(['class_declaration', 'abstract_class_declaration', 'class']);
const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
const HANDLED = new Set([
    ...FUNCTION_TYPES,
    ...CLASS_TYPES,
    ...LOOP_TYPES,
    'import_statement',
    'export_statement',
    'call_expression',
    'expression_statement',
    'new_expression',
    'await_expression',
    'throw_statement',
    'try_statement',
    'catch_clause',
    'if_statement',
    'ternary_expression',
    'switch_statement',
    'binary_expression',
    'augmented_assignment_expression',
    'assignment_expression',
    'string',
    'template_string',
    'regex',
    'variable_declarator',
    'pair',
    'public_field_definition',
    'field_definition',
    'object',
    'decorator'
]);
/** A generated table of a million strings must not make a million model entries. */
const javascript_MAX_STRINGS = 10_000;
const MAX_REGEXES = 10_000;
const MAX_REGEX_CHARS = 1_000;
const QUERIED_TYPES = [...new Set([...HANDLED, ...SKIPPED])];
/** Test files also report `ns.member` reads through namespace imports; files naming process.env, its reads. */
const QUERIED_MEMBER_TYPES = [...QUERIED_TYPES, 'member_expression'];
/**
 * A few handled types share their name with a keyword token (`class`, `function`, the `string` type
 * keyword); a keyword is the bare word, the construct is longer or quoted.
 */
function isKeywordToken(source, node, type) {
    const length = node.endIndex - node.startIndex;
    if (type === 'class')
        return length === 5;
    if (type === 'function')
        return length === 8;
    if (type === 'string') {
        const c = source.charCodeAt(node.startIndex);
        return c !== 34 && c !== 39;
    }
    return false;
}
/** Handles one node; returns false when nothing inside it should be handled. */
function handle(state, node, type) {
    if (FUNCTION_TYPES.has(type)) {
        pushFrame(state, enterFunction(state, node));
        return true;
    }
    if (CLASS_TYPES.has(type)) {
        pushFrame(state, enterClass(state, node));
        return true;
    }
    if (LOOP_TYPES.has(type)) {
        pushFrame(state, enterLoop(state, node));
        return true;
    }
    switch (type) {
        case 'import_statement':
            handleImport(state, node);
            return false;
        case 'export_statement':
            handleExport(state, node);
            return true;
        case 'call_expression': {
            // Only calls whose text starts with require/import can be imports; others skip the look-up.
            const start = node.startIndex;
            if (state.source.startsWith('require', start) || state.source.startsWith('import', start)) {
                const fn = node.childForFieldName('function');
                if (fn && handleRequireOrDynamicImport(state, node, fn))
                    return true;
            }
            const fn = handleCall(state, node, false);
            if (state.isTest) {
                handleTestCall(state, node, fn);
                noteTestGlobal(state, fn);
            }
            return true;
        }
        case 'new_expression':
            handleCall(state, node, true);
            return true;
        case 'await_expression':
            handleAwait(state, node);
            return true;
        case 'throw_statement':
            handleThrow(state, node);
            return true;
        case 'try_statement':
            handleTry(state, node);
            return true;
        case 'catch_clause':
            pushFrame(state, enterCatch(state, node));
            return true;
        case 'if_statement':
            addDecision(state);
            pushFrame(state, conditionFrame(state, 'if', node.childForFieldName('condition'), node));
            return true;
        case 'ternary_expression':
            addDecision(state);
            pushFrame(state, conditionFrame(state, 'ternary', node.childForFieldName('condition'), node));
            return true;
        case 'switch_statement':
            handleSwitch(state, node);
            return true;
        case 'binary_expression':
            handleBinary(state, node);
            return true;
        case 'augmented_assignment_expression': {
            const op = node.childForFieldName('operator')?.type;
            if (op === '&&=' || op === '||=' || op === '??=')
                addDecision(state);
            if (op && insideFunction(state))
                noteLocalBinding(state, node, node.childForFieldName('left'), node.childForFieldName('right'), op);
            return true;
        }
        case 'expression_statement':
            handleExpressionStatement(state, node);
            return true;
        case 'assignment_expression': {
            handleCommonJsExport(state, node);
            handleAssignment(state, node);
            const left = node.childForFieldName('left');
            const right = node.childForFieldName('right');
            noteBinding(state, left, right);
            if (insideFunction(state))
                noteLocalBinding(state, node, left, right, '=');
            return true;
        }
        case 'variable_declarator': {
            handleDeclarator(state, node);
            const name = node.childForFieldName('name');
            const value = node.childForFieldName('value');
            noteBinding(state, name, value);
            noteLocalBinding(state, node, name, value, '=');
            return true;
        }
        case 'pair':
            handlePair(state, node);
            return true;
        case 'public_field_definition':
        case 'field_definition':
            handleField(state, node);
            return true;
        case 'object':
            pushFrame(state, enterObject(state, node));
            return true;
        case 'decorator':
            handleDecorator(state, node);
            return true;
        case 'member_expression':
            if (state.isTest)
                noteMemberReference(state, node);
            noteEnvRead(state, node);
            return true;
        case 'string':
        case 'template_string': {
            if (!state.specifierStrings.has(node.startIndex)) {
                const value = state.model.strings.length < javascript_MAX_STRINGS ? stringValue(state, node) : undefined;
                if (value !== undefined) {
                    const literal = { value, loc: loc(node) };
                    const name = enclosingName(state);
                    if (name !== undefined)
                        literal.enclosing = name;
                    state.model.strings.push(literal);
                }
            }
            return type === 'template_string';
        }
        case 'regex':
            handleRegex(state, node);
            return false;
        default:
            return true;
    }
}
/** A regex literal's pattern and flags (performance and security check them for catastrophic backtracking). */
function handleRegex(state, node) {
    const regexes = (state.model.regexes ??= []);
    if (regexes.length >= MAX_REGEXES)
        return;
    const pattern = node.childForFieldName('pattern');
    if (!pattern)
        return;
    const flags = node.childForFieldName('flags');
    const literal = {
        pattern: pattern.text.slice(0, MAX_REGEX_CHARS),
        flags: flags?.text ?? '',
        loc: loc(node)
    };
    const name = enclosingName(state);
    if (name !== undefined)
        literal.enclosing = name;
    regexes.push(literal);
}
/** Marks declarations exported through export lists and `module.exports`, now that all are known. */
function applyExportLists(state) {
    const names = state.exportedNames;
    const kinds = new Map();
    for (const fn of state.model.functions) {
        if (fn.qualifiedName !== fn.name)
            continue;
        kinds.set(fn.name, 'function');
        if (names.has(fn.name))
            fn.exported = true;
    }
    for (const cls of state.model.classes) {
        if (cls.qualifiedName !== cls.name)
            continue;
        kinds.set(cls.name, 'class');
        if (names.has(cls.name))
            cls.exported = true;
    }
    for (const v of state.model.variables)
        if (names.has(v.name))
            v.exported = true;
    // A public method of an exported class is reachable by other modules.
    for (const { fn, cls, isPublic } of state.methods)
        if (cls.exported && isPublic)
            fn.exported = true;
    for (const e of state.model.exports) {
        if (e.kind !== 'variable' || e.source !== undefined)
            continue;
        const kind = kinds.get(e.local ?? e.name);
        if (kind)
            e.kind = kind;
    }
}
/** Module-level `const`/`let`/`var`: the program's own statements, exported or not. */
function moduleVariables(state, tree) {
    for (const statement of tree.rootNode.namedChildren) {
        if (!statement)
            continue;
        let declaration = statement;
        if (statement.type === 'export_statement')
            declaration = statement.childForFieldName('declaration');
        if (declaration?.type === 'lexical_declaration' || declaration?.type === 'variable_declaration') {
            handleModuleDeclaration(state, declaration, state.exportedAt.has(declaration.startIndex));
        }
    }
}
/** Counts ERROR and MISSING nodes with a cursor (no recursion); only run on trees that have errors. */
function countSyntaxErrors(tree) {
    let errors = 0;
    const cursor = tree.walk();
    try {
        for (;;) {
            if (cursor.nodeIsMissing || cursor.nodeType === 'ERROR')
                errors++;
            if (cursor.gotoFirstChild())
                continue;
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent())
                    return errors;
            }
        }
    }
    finally {
        cursor.delete();
    }
}
function extractJavaScript(source, tree, isTest) {
    const model = emptyModule(source);
    model.isTest = isTest;
    const state = createState(source.text, model, isTest);
    const frames = state.frames;
    let failures = 0;
    let skipUntil = -1;
    for (const node of tree.rootNode.descendantsOfType(isTest || source.text.includes('process.env') ? QUERIED_MEMBER_TYPES : QUERIED_TYPES)) {
        const start = node.startIndex;
        if (start < skipUntil)
            continue;
        const type = node.type;
        if (isKeywordToken(state.source, node, type))
            continue;
        if (frames.length > 0 && frames[frames.length - 1].end <= start)
            popFrames(state, start);
        let descend = !SKIPPED.has(type);
        if (HANDLED.has(type) || type === 'member_expression') {
            try {
                descend = handle(state, node, type) && descend;
            }
            catch {
                // One odd construct must not cost the rest of the file; the module is marked partial.
                failures++;
            }
        }
        if (!descend)
            skipUntil = Math.max(skipUntil, node.endIndex);
    }
    popFrames(state, Number.POSITIVE_INFINITY);
    moduleVariables(state, tree);
    applyExportLists(state);
    if (mayHaveJsx(source.language, source.text)) {
        try {
            extractJsx(tree, model);
        }
        catch {
            failures++;
        }
    }
    if (isTest)
        model.test = testInfo(state);
    model.syntaxErrors = tree.rootNode.hasError ? countSyntaxErrors(tree) : 0;
    if (model.syntaxErrors > 0 || failures > 0)
        model.status = 'partial';
    return model;
}

;// CONCATENATED MODULE: ./src/model/extract/py-api.ts
function newPyModuleState(model) {
    return { model, functions: [], classes: [], variableNames: new Set() };
}
function finishPythonModule(state) {
    const model = state.model;
    const all = state.allEntries && !state.allDynamic ? state.allEntries : undefined;
    if (all)
        model.all = all.map((e) => e.name);
    const allNames = all ? new Set(all.map((e) => e.name)) : undefined;
    const isPublic = (name) => (allNames ? allNames.has(name) : !name.startsWith('_'));
    for (const cls of state.classes) {
        cls.decl.exported = cls.topLevel ? isPublic(cls.decl.name) : false;
    }
    // A class nested in an exported class is reachable through it (classes are in source order).
    for (const cls of state.classes) {
        if (cls.outer?.decl.exported && !cls.decl.name.startsWith('_'))
            cls.decl.exported = true;
    }
    for (const fn of state.functions) {
        if (fn.topLevel)
            fn.decl.exported = isPublic(fn.decl.name);
        else if (fn.cls)
            fn.decl.exported = fn.cls.decl.exported && !fn.decl.name.startsWith('_');
    }
    for (const variable of model.variables)
        variable.exported = isPublic(variable.name);
    model.exports = exportsOf(state, all, isPublic);
    model.hasMain = model.hasMain || hasMainGuard(model);
    if (model.isTest)
        model.test = py_api_testInfo(state);
    return model;
}
function exportsOf(state, all, isPublic) {
    const declared = new Map();
    for (const fn of state.functions) {
        if (fn.topLevel && !declared.has(fn.decl.name)) {
            declared.set(fn.decl.name, { name: fn.decl.name, kind: 'function', loc: fn.decl.loc });
        }
    }
    for (const cls of state.classes) {
        if (cls.topLevel && !declared.has(cls.decl.name)) {
            declared.set(cls.decl.name, { name: cls.decl.name, kind: 'class', loc: cls.decl.loc });
        }
    }
    for (const variable of state.model.variables) {
        if (!declared.has(variable.name))
            declared.set(variable.name, { name: variable.name, kind: 'variable', loc: variable.loc });
    }
    if (all) {
        // Names in `__all__` that the module does not define itself (usually imported ones) are 'all'.
        const seen = new Set();
        const out = [];
        for (const entry of all) {
            if (seen.has(entry.name))
                continue;
            seen.add(entry.name);
            out.push(declared.get(entry.name) ?? { name: entry.name, kind: 'all', loc: entry.loc });
        }
        return out;
    }
    return [...declared.values()]
        .filter((e) => isPublic(e.name))
        .sort((a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn);
}
/** `if __name__ == "__main__":` at module level. */
function hasMainGuard(model) {
    return model.conditions.some((c) => c.kind === 'if' &&
        c.enclosing === undefined &&
        c.comparisons.some((k) => k.operator === '==' &&
            k.literal === '__main__' &&
            (k.literalSide === 'right' ? k.left : k.right) === '__name__'));
}
const SKIP_MARKERS = new Set(['skip', 'skipif', 'xfail', 'skipIf', 'skipUnless', 'expectedFailure']);
/** `@pytest.mark.skip(...)`, `@pytest.mark.xfail`, `@unittest.skip(...)`, `@skipIf(...)`. */
function isSkipDecorator(decorator) {
    const callee = decorator.includes('(') ? decorator.slice(0, decorator.indexOf('(')) : decorator;
    const parts = callee.split('.');
    const last = parts[parts.length - 1];
    if (!SKIP_MARKERS.has(last))
        return false;
    return parts.length === 1 || parts.includes('mark') || parts[0] === 'unittest';
}
function isTestCaseClass(cls) {
    return cls.decl.bases.some((b) => /(^|\.)(\w*TestCase)$/.test(b));
}
function py_api_testInfo(state) {
    const usesPytest = state.model.imports.some((i) => i.source === 'pytest' || i.source.startsWith('pytest.'));
    const unittestClasses = state.classes.filter(isTestCaseClass);
    const framework = unittestClasses.length > 0 && !usesPytest ? 'unittest' : 'pytest';
    const cases = [];
    const suites = new Set();
    for (const cls of state.classes) {
        const collected = isTestCaseClass(cls) || (cls.decl.name.startsWith('Test') && (cls.topLevel || cls.outer !== undefined));
        if (!collected || (!cls.topLevel && !(cls.outer && suites.has(cls.outer))))
            continue;
        suites.add(cls);
        const skip = cls.decorators.some(isSkipDecorator) || (cls.outer !== undefined && suiteSkipped(cls.outer));
        cases.push({ name: cls.decl.qualifiedName, kind: 'suite', ...(skip ? { modifier: 'skip' } : {}), loc: cls.decl.loc, order: cls.decl.loc.startLine });
    }
    for (const fn of state.functions) {
        if (!fn.decl.name.startsWith('test') || fn.decl.kind === 'lambda')
            continue;
        if (!fn.topLevel && !(fn.cls && suites.has(fn.cls)))
            continue;
        const skip = fn.decorators.some(isSkipDecorator) || (fn.cls !== undefined && suiteSkipped(fn.cls));
        cases.push({ name: fn.decl.qualifiedName, kind: 'test', ...(skip ? { modifier: 'skip' } : {}), loc: fn.decl.loc, order: fn.decl.loc.startLine });
    }
    cases.sort((a, b) => a.order - b.order);
    return {
        framework,
        cases: cases.map(({ order: _order, ...c }) => c),
        importedModules: [],
        referencedSymbols: []
    };
}
function suiteSkipped(cls) {
    for (let c = cls; c; c = c.outer)
        if (c.decorators.some(isSkipDecorator))
            return true;
    return false;
}

;// CONCATENATED MODULE: ./src/model/extract/py-syntax.ts

/** Named children without comments. */
function namedKids(node) {
    if (!node)
        return [];
    const out = [];
    for (const child of node.namedChildren)
        if (child && child.type !== 'comment')
            out.push(child);
    return out;
}
/**
 * Parameters of a `parameters` / `lambda_parameters` node.
 * `dropReceiver` removes the first ordinary parameter (`self`/`cls` of a method): it is bound by
 * Python, not passed by callers, so it is left out of the model whatever it is called.
 */
function readParameters(node, dropReceiver) {
    const params = [];
    let keywordOnly = false;
    let dropped = !dropReceiver;
    for (const child of namedKids(node)) {
        let param;
        switch (child.type) {
            case 'identifier':
            case 'tuple_pattern':
                param = { name: child.text, optional: false, rest: false };
                break;
            case 'typed_parameter': {
                const inner = child.namedChild(0);
                const type = common_text(child.childForFieldName('type'));
                if (inner && (inner.type === 'list_splat_pattern' || inner.type === 'dictionary_splat_pattern')) {
                    param = { name: splatName(inner), type, optional: false, rest: true };
                    if (inner.type === 'list_splat_pattern')
                        keywordOnly = true;
                }
                else {
                    param = { name: common_text(inner), type, optional: false, rest: false };
                }
                break;
            }
            case 'default_parameter':
            case 'typed_default_parameter': {
                const type = child.childForFieldName('type');
                param = {
                    name: common_text(child.childForFieldName('name')),
                    ...(type ? { type: common_text(type) } : {}),
                    defaultValue: common_text(child.childForFieldName('value')),
                    optional: true,
                    rest: false
                };
                break;
            }
            case 'list_splat_pattern':
                param = { name: splatName(child), optional: false, rest: true };
                keywordOnly = true;
                break;
            case 'dictionary_splat_pattern':
                param = { name: splatName(child), optional: false, rest: true };
                break;
            case 'keyword_separator':
                keywordOnly = true;
                dropped = true;
                break;
            case 'positional_separator':
                for (const p of params)
                    p.positionalOnly = true;
                if (!dropped)
                    dropped = true;
                break;
            default:
                break;
        }
        if (!param)
            continue;
        if (!dropped) {
            dropped = true;
            if (!param.rest)
                continue;
        }
        if (keywordOnly && !param.rest)
            param.keywordOnly = true;
        params.push(param);
    }
    return params;
}
function splatName(node) {
    return common_text(node.namedChild(0) ?? node);
}
/** A Python literal's value: numbers, plain strings (as written, escapes kept), True/False/None. */
function literalOf(node) {
    if (!node)
        return undefined;
    switch (node.type) {
        case 'integer':
        case 'float': {
            const n = Number(node.text.replace(/_/g, ''));
            return Number.isFinite(n) ? { value: n } : undefined;
        }
        case 'unary_operator': {
            const arg = node.childForFieldName('argument');
            const op = node.childForFieldName('operator')?.type;
            const inner = literalOf(arg);
            if (inner && typeof inner.value === 'number' && (op === '-' || op === '+')) {
                return { value: op === '-' ? -inner.value : inner.value };
            }
            return undefined;
        }
        case 'string': {
            const value = py_syntax_stringValue(node);
            return value === undefined ? undefined : { value };
        }
        case 'true':
            return { value: true };
        case 'false':
            return { value: false };
        case 'none':
            return { value: null };
        default:
            return undefined;
    }
}
/**
 * The characters between a string's quotes, as written (escapes are not decoded), cut to `max`.
 * `undefined` for f-strings with interpolations when `plainOnly` is set.
 */
function py_syntax_stringValue(node, max = 200, plainOnly = true) {
    const first = node.firstChild;
    const last = node.lastChild;
    if (!first || !last || first.type !== 'string_start')
        return undefined;
    if (plainOnly) {
        for (const child of node.namedChildren)
            if (child?.type === 'interpolation')
                return undefined;
    }
    const start = first.endIndex;
    const end = last.type === 'string_end' ? last.startIndex : node.endIndex;
    if (end <= start)
        return '';
    const value = node.text.slice(start - node.startIndex, Math.min(end, start + max) - node.startIndex);
    return end - start > max ? `${value}…` : value;
}
/** Comparisons of one `comparison_operator` node; a chain `0 < x < 10` gives two. */
function readComparisons(node) {
    const operands = [];
    const operators = [];
    const cursor = node.walk();
    if (cursor.gotoFirstChild()) {
        do {
            if (cursor.currentFieldName === 'operators')
                operators.push(cursor.nodeText.replace(/\s+/g, ' '));
            else if (cursor.nodeIsNamed && cursor.nodeType !== 'comment')
                operands.push(cursor.currentNode);
        } while (cursor.gotoNextSibling());
    }
    cursor.delete();
    const out = [];
    for (let i = 0; i < operators.length && i + 1 < operands.length; i++) {
        const left = operands[i];
        const right = operands[i + 1];
        const comparison = { operator: operators[i], left: common_text(left), right: common_text(right) };
        const rightLiteral = literalOf(right);
        const leftLiteral = rightLiteral ? undefined : literalOf(left);
        if (rightLiteral) {
            comparison.literal = rightLiteral.value;
            comparison.literalSide = 'right';
        }
        else if (leftLiteral) {
            comparison.literal = leftLiteral.value;
            comparison.literalSide = 'left';
        }
        out.push(comparison);
    }
    return out;
}
const py_syntax_LOG_RECEIVERS = new Set(['logging', 'logger', 'log', 'LOGGER', 'LOG', '_logger', '_log', '_LOGGER']);
/** `logging.warning(...)`, `logger.exception(...)`, `self.log.info(...)`, `print(...)`. */
function isLogCall(statement) {
    if (statement.type !== 'expression_statement')
        return false;
    const call = statement.namedChild(0);
    if (!call || call.type !== 'call')
        return false;
    const fn = call.childForFieldName('function');
    if (!fn)
        return false;
    if (fn.type === 'identifier')
        return fn.text === 'print';
    if (fn.type !== 'attribute')
        return false;
    const receiver = fn.childForFieldName('object');
    if (!receiver)
        return false;
    const last = receiver.type === 'attribute' ? receiver.childForFieldName('attribute') : receiver;
    return py_syntax_LOG_RECEIVERS.has(last?.text ?? '');
}
function isPassLike(statement) {
    if (statement.type === 'pass_statement')
        return true;
    return statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'ellipsis';
}
function isSwallowing(statement) {
    if (isPassLike(statement) || statement.type === 'continue_statement')
        return true;
    if (statement.type !== 'return_statement')
        return false;
    const value = statement.namedChild(0);
    return !value || value.type === 'none';
}
/**
 * An except clause. `rethrows` starts false; the walker sets it when the handler's body raises
 * (a bare `raise`, the bound name, or a new error: in each case the failure propagates).
 */
function readHandler(node) {
    const value = node.childForFieldName('value');
    let typeNode = value;
    let param;
    if (value?.type === 'as_pattern') {
        typeNode = value.namedChild(0);
        const alias = value.childForFieldName('alias');
        param = common_text(alias?.namedChild(0) ?? alias);
    }
    const types = !typeNode
        ? []
        : typeNode.type === 'tuple' || typeNode.type === 'parenthesized_expression'
            ? namedKids(typeNode).map((t) => common_text(t))
            : [common_text(typeNode)];
    let body = null;
    for (const child of namedKids(node))
        if (child.type === 'block')
            body = child;
    const statements = namedKids(body);
    const handler = {
        types,
        bare: !typeNode,
        empty: statements.every(isPassLike),
        onlyLogs: statements.some(isLogCall) && statements.every((s) => isLogCall(s) || isPassLike(s)),
        rethrows: false,
        swallows: statements.every(isSwallowing),
        loc: loc(node)
    };
    if (param)
        handler.param = param;
    return handler;
}
/**
 * Imports. Convention: a whole-module import is a namespace import, as in JavaScript's
 * `import * as c`: `import a.b` gives source 'a.b' and {imported: '*', local: 'a.b'} (code reaches
 * it as `a.b.x`); `import a.b as c` gives {imported: '*', local: 'c'}. `from m import x as y` gives
 * source 'm' and {imported: 'x', local: 'y'}; `from m import *` gives {imported: '*', local: '*'}.
 * Relative sources keep their dots: `from ..m import x` has source '..m', `from . import x` has '.'.
 */
function readImports(node, typeOnly) {
    const at = loc(node);
    if (node.type === 'import_statement') {
        const out = [];
        for (const child of node.childrenForFieldName('name')) {
            if (!child)
                continue;
            const { imported, local } = importedName(child);
            out.push({ source: imported, names: [{ imported: '*', local }], kind: 'python', typeOnly, loc: at });
        }
        return out;
    }
    const moduleNode = node.childForFieldName('module_name');
    const source = node.type === 'future_import_statement' ? '__future__' : (moduleNode?.text ?? '').replace(/\s+/g, '');
    const names = [];
    for (const child of node.childrenForFieldName('name'))
        if (child)
            names.push(importedName(child));
    for (const child of node.namedChildren) {
        if (child?.type === 'wildcard_import')
            names.push({ imported: '*', local: '*' });
    }
    return [{ source, names, kind: 'python', typeOnly, loc: at }];
}
function importedName(node) {
    if (node.type === 'aliased_import') {
        const name = (node.childForFieldName('name')?.text ?? '').replace(/\s+/g, '');
        return { imported: name, local: node.childForFieldName('alias')?.text ?? name };
    }
    const name = node.text.replace(/\s+/g, '');
    return { imported: name, local: name };
}
/** End of the last token that is not a comment: Python's own `ast` ends a block at its last statement. */
function significantEnd(node) {
    let current = node;
    for (;;) {
        let child = current.lastChild;
        while (child && (child.type === 'comment' || (child.startIndex === child.endIndex && child !== current.firstChild))) {
            child = child.previousSibling;
        }
        if (!child)
            break;
        current = child;
    }
    return current.endPosition;
}
/** Python's naming convention: `__x` private (name-mangled), `_x` protected, dunders public. */
function py_syntax_visibilityOf(name) {
    if (name.startsWith('__') && !name.endsWith('__'))
        return 'private';
    return name.startsWith('_') && !name.endsWith('__') ? 'protected' : 'public';
}

;// CONCATENATED MODULE: ./src/model/extract/py-assign.ts


/** A module of generated assignments must not make a million model entries. */
const MAX_ASSIGNMENTS = 10_000;
const STRING_CALLS = new Set(['str', 'repr', 'format', 'join', 'upper', 'lower', 'strip', 'replace']);
function visitPyAssignment(node, ctx) {
    const left = node.childForFieldName('left');
    if (!left)
        return;
    let value = node.childForFieldName('right');
    if (ctx.enclosing !== undefined) {
        if (node.type === 'augmented_assignment' || left.type === 'subscript')
            recordWrite(node, left, value, ctx.state.model, ctx.enclosing);
        else if ((left.type === 'identifier' || left.type === 'attribute') && valueKindOf(value) !== 'other') {
            recordWrite(node, left, value, ctx.state.model, ctx.enclosing);
        }
    }
    if (node.type === 'augmented_assignment') {
        if (ctx.moduleScope && left.text === '__all__' && node.childForFieldName('operator')?.type === '+=') {
            readAll(ctx.state, value, true);
        }
        return;
    }
    // `a = b = []`: the inner assignment is visited on its own; here only the value matters.
    while (value?.type === 'assignment')
        value = value.childForFieldName('right');
    if (left.type === 'identifier' && value?.type === 'lambda')
        ctx.namedLambdas.set(value.id, left.text);
    const annotated = node.childForFieldName('type') !== null;
    if (ctx.moduleScope) {
        const targets = targetsOf(left);
        // `x, y = 1, []` pairs targets with values; any other unpacking is 'other'.
        const values = left.type === 'identifier' ? [value] : pairedValues(targets.length, value);
        targets.forEach((target, i) => {
            if (target.text === '__all__')
                readAll(ctx.state, value, false);
            addVariable(ctx.state, target.text, values[i], loc(target));
        });
    }
    else if (ctx.cls) {
        for (const target of targetsOf(left))
            addProperty(ctx.cls, target.text, !annotated, loc(target));
    }
    else if (ctx.constructorOf && left.type === 'attribute' && left.childForFieldName('object')?.text === 'self') {
        const attribute = left.childForFieldName('attribute');
        if (attribute)
            addProperty(ctx.constructorOf, attribute.text, false, loc(left));
    }
}
function pairedValues(count, value) {
    const items = value && (value.type === 'expression_list' || value.type === 'tuple') ? namedKids(value) : [];
    return items.length === count ? items : new Array(count).fill('unknown');
}
/** Names bound by an assignment target: `x`, `a, b`, `(a, b)`, `[a, b]`. */
function targetsOf(left) {
    if (left.type === 'identifier')
        return [left];
    if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') {
        return namedKids(left).filter((n) => n.type === 'identifier');
    }
    return [];
}
/**
 * Class attributes are static (shared by instances) unless annotated: an annotated attribute is
 * how dataclasses, attrs, pydantic and typed classes declare instance fields.
 */
function addProperty(cls, name, isStatic, at) {
    if (cls.decl.members.some((m) => m.name === name))
        return;
    cls.decl.members.push({ name, kind: 'property', static: isStatic, visibility: py_syntax_visibilityOf(name), loc: at });
}
const LITERAL_TYPES = new Set([
    'string',
    'concatenated_string',
    'integer',
    'float',
    'true',
    'false',
    'none',
    'tuple',
    'expression_list',
    'unary_operator'
]);
function py_assign_initKindOf(value) {
    if (!value)
        return 'none';
    switch (value.type) {
        case 'list':
        case 'list_comprehension':
            return 'array';
        case 'dictionary':
        case 'dictionary_comprehension':
            return 'object';
        case 'set':
        case 'set_comprehension':
            return 'set';
        case 'call':
            return 'call';
        default:
            return LITERAL_TYPES.has(value.type) ? 'literal' : 'other';
    }
}
/** UPPER_CASE names are constants by convention. */
function isConstantName(name) {
    return /^_*[A-Z][A-Z0-9_]*$/.test(name);
}
/**
 * Module globals are mutable state (any function may rebind them with `global`), except
 * UPPER_CASE constants bound to a literal, a tuple or a frozenset.
 */
function addVariable(state, name, value, at) {
    if (state.variableNames.has(name))
        return;
    state.variableNames.add(name);
    const initKind = value === 'unknown' ? 'other' : py_assign_initKindOf(value);
    const frozen = initKind === 'literal' ||
        (initKind === 'call' && value !== 'unknown' && value?.childForFieldName('function')?.text === 'frozenset');
    state.model.variables.push({
        name,
        declaration: 'assignment',
        initKind,
        mutable: !(isConstantName(name) && frozen),
        exported: false,
        loc: at
    });
}
/** `__all__ = [...]` / `+= (...)`: a literal list of strings, or a dynamic one we cannot read. */
function readAll(state, value, extend) {
    if (!value || (value.type !== 'list' && value.type !== 'tuple')) {
        state.allDynamic = true;
        return;
    }
    const entries = extend ? (state.allEntries ?? []) : [];
    for (const item of namedKids(value)) {
        const name = item.type === 'string' ? py_syntax_stringValue(item, 200) : undefined;
        if (name === undefined) {
            state.allDynamic = true;
            return;
        }
        entries.push({ name, loc: loc(item) });
    }
    state.allEntries = entries;
}
/** Records a write through a name inside a function (see AssignmentSite in the model). */
function recordWrite(node, left, value, model, enclosing) {
    const sites = (model.assignments ??= []);
    if (sites.length >= MAX_ASSIGNMENTS)
        return;
    let root = left;
    while (root && (root.type === 'subscript' || root.type === 'attribute')) {
        root = root.childForFieldName(root.type === 'subscript' ? 'value' : 'object');
    }
    if (!root || root.type !== 'identifier')
        return;
    const operator = node.type === 'augmented_assignment' ? (node.childForFieldName('operator')?.type ?? '') : '=';
    sites.push({
        target: left.text.slice(0, 200),
        name: root.text,
        operator,
        valueKind: valueKindOf(value),
        enclosing,
        loc: loc(node)
    });
}
const CONTAINER_NODES = {
    list: 'list', list_comprehension: 'list', tuple: 'tuple', set: 'set', set_comprehension: 'set',
    dictionary: 'dict', dictionary_comprehension: 'dict'
};
const CONTAINER_CALLS = {
    list: 'list', sorted: 'list', tuple: 'tuple', set: 'set', frozenset: 'set', dict: 'dict', defaultdict: 'dict',
    OrderedDict: 'dict', Counter: 'dict'
};
function valueKindOf(value) {
    if (!value)
        return 'other';
    if (isStringValue(value))
        return 'string';
    const node = CONTAINER_NODES[value.type];
    if (node)
        return node;
    if (value.type === 'call') {
        const fn = value.childForFieldName('function');
        const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
        if (name !== undefined && Object.hasOwn(CONTAINER_CALLS, name))
            return CONTAINER_CALLS[name];
    }
    return 'other';
}
/** What the parser can tell is text: a string, a str()/format()/join() call, or `+`/`%` with one (one level deep). */
function isStringValue(value, depth = 0) {
    if (!value || depth > 2)
        return false;
    switch (value.type) {
        case 'string':
        case 'concatenated_string':
            return true;
        case 'call': {
            const fn = value.childForFieldName('function');
            const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
            return name !== undefined && STRING_CALLS.has(name);
        }
        case 'binary_operator': {
            const op = value.childForFieldName('operator')?.type;
            if (op !== '+' && op !== '%')
                return false;
            return isStringValue(value.childForFieldName('left'), depth + 1) || isStringValue(value.childForFieldName('right'), depth + 1);
        }
        case 'parenthesized_expression':
            return isStringValue(value.namedChild(0), depth + 1);
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./src/model/extract/py-bindings.ts


/** Names taken from one unpacking target. */
const MAX_TARGET_NAMES = 64;
/** The plain names a target binds: `x`, `a, b`, `(a, [b, *c])`. */
function py_bindings_targetNames(target) {
    if (target.type === 'identifier')
        return [target];
    const out = [];
    const stack = [target];
    while (stack.length > 0 && out.length < MAX_TARGET_NAMES) {
        const node = stack.pop();
        switch (node.type) {
            case 'identifier':
                out.push(node);
                break;
            case 'pattern_list':
            case 'tuple_pattern':
            case 'list_pattern':
            case 'list_splat_pattern':
            case 'parenthesized_expression':
                for (let i = node.namedChildCount - 1; i >= 0; i--) {
                    const child = node.namedChild(i);
                    if (child)
                        stack.push(child);
                }
                break;
            default:
                // Attributes and subscripts (`self.x`, `d[k]`) are writes through an object, not local names.
                break;
        }
    }
    return out;
}
function sliced(source, node) {
    const start = node.startIndex;
    const end = node.endIndex;
    return end - start <= BINDING_VALUE_MAX ? source.slice(start, end) : `${source.slice(start, start + BINDING_VALUE_MAX)}…`;
}
/**
 * Records the bindings of an `assignment` or `augmented_assignment` node, given its sides (the walker has
 * looked them up already). `enclosing` is the innermost function; the walker calls this only inside a
 * function or at module level (not in a class body).
 */
function notePyBinding(node, left, right, source, model, enclosing, branchOf) {
    let value = right;
    if (bindingsFull(model))
        return;
    const augmented = node.type === 'augmented_assignment';
    // `a = b = v`: both names are bound to v (the inner assignment is visited on its own).
    while (!augmented && value.type === 'assignment') {
        const inner = value.childForFieldName('right');
        if (!inner)
            return;
        value = inner;
    }
    if (value.type === 'lambda')
        return;
    const names = py_bindings_targetNames(left);
    if (names.length === 0)
        return;
    const operator = augmented ? (node.childForFieldName('operator')?.type ?? '') : '=';
    const text = sliced(source, value);
    const branch = branchOf();
    addBindings(model, names.map((name) => sliced(source, name)), { operator, value: text, loc: loc(node), ...(enclosing !== undefined ? { enclosing } : {}), ...(branch ? { branch } : {}) });
}

;// CONCATENATED MODULE: ./src/model/extract/py-frames.ts

class PyScopes {
    model;
    frames = [];
    /** Condition nodes (by id) waiting to be entered, so comparisons inside them can be attached. */
    pendingConditions = new Map();
    qualifiedCounts = new Map();
    constructor(model) {
        this.model = model;
    }
    currentFunction() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn')
                return frame.fn;
        }
        return undefined;
    }
    /** The innermost function or class frame. */
    currentScope() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn' || frame.kind === 'class')
                return frame;
        }
        return undefined;
    }
    scopePath() {
        const names = [];
        for (const frame of this.frames) {
            if (frame.kind === 'fn')
                names.push(frame.fn.decl.name);
            else if (frame.kind === 'class')
                names.push(frame.cls.decl.name);
        }
        return names;
    }
    enclosing() {
        return this.currentFunction()?.decl.qualifiedName;
    }
    uniqueName(name) {
        const base = [...this.scopePath(), name].join('.');
        const seen = (this.qualifiedCounts.get(base) ?? 0) + 1;
        this.qualifiedCounts.set(base, seen);
        return seen === 1 ? base : `${base}#${seen}`;
    }
    addComplexity() {
        const fn = this.currentFunction();
        if (fn)
            fn.decl.complexity++;
    }
    /** Walks frames from the top down to the innermost function frame. */
    *framesInFunction() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn')
                return;
            yield frame;
        }
    }
    inTypeChecking() {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'if') {
                if (frame.typeChecking)
                    return true;
                if (frame.guard.startsWith('not (TYPE_CHECKING') || frame.guard.startsWith('not (typing.TYPE_CHECKING'))
                    return false;
            }
        }
        return false;
    }
    addCondition(kind, node) {
        const enclosing = this.enclosing();
        const cond = { kind, text: common_text(node), comparisons: [], ...(enclosing ? { enclosing } : {}), loc: loc(node) };
        this.model.conditions.push(cond);
        this.pendingConditions.set(node.id, cond);
        return cond;
    }
}

;// CONCATENATED MODULE: ./src/model/extract/py-flow.ts



class PyFlow extends PyScopes {
    visitRaise(node) {
        let expr = null;
        const cursor = node.walk();
        if (cursor.gotoFirstChild()) {
            do {
                if (cursor.nodeIsNamed && cursor.nodeType !== 'comment' && cursor.currentFieldName !== 'cause') {
                    expr = cursor.currentNode;
                    break;
                }
            } while (cursor.gotoNextSibling());
        }
        cursor.delete();
        const cause = node.childForFieldName('cause');
        let guard;
        let handler;
        for (const frame of this.framesInFunction()) {
            if (frame.kind === 'if' && guard === undefined)
                guard = frame.guard;
            if (frame.kind === 'except' && handler === undefined)
                handler = frame.handler;
        }
        if (handler)
            handler.rethrows = true;
        let errorType;
        let message;
        let rethrow = expr === null;
        if (expr?.type === 'call') {
            errorType = common_text(expr.childForFieldName('function'));
            const first = namedKids(expr.childForFieldName('arguments'))[0];
            if (first?.type === 'string')
                message = py_syntax_stringValue(first);
        }
        else if (expr && (expr.type === 'identifier' || expr.type === 'attribute')) {
            const name = common_text(expr);
            if (this.isCaughtName(name))
                rethrow = true;
            else
                errorType = name;
        }
        const enclosing = this.enclosing();
        this.model.throws.push({
            ...(errorType ? { errorType } : {}),
            ...(message !== undefined ? { message } : {}),
            text: expr ? common_text(expr) : '',
            ...(guard !== undefined ? { guard } : {}),
            rethrow,
            ...(cause ? { cause: common_text(cause, 100) } : {}),
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        });
    }
    isCaughtName(name) {
        for (const frame of this.framesInFunction()) {
            if (frame.kind === 'except' && frame.handler.param === name)
                return true;
        }
        return false;
    }
    visitTry(node, depth) {
        const enclosing = this.enclosing();
        const block = {
            handlers: [],
            hasFinally: namedKids(node).some((c) => c.type === 'finally_clause'),
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        };
        this.model.tries.push(block);
        this.frames.push({ kind: 'try', depth, block });
    }
    visitExcept(node, depth) {
        this.addComplexity();
        const handler = readHandler(node);
        const top = this.frames[this.frames.length - 1];
        if (top?.kind === 'try')
            top.block.handlers.push(handler);
        this.frames.push({ kind: 'except', depth, handler });
    }
    visitIf(node, type, depth) {
        this.addComplexity();
        const condition = node.childForFieldName('condition');
        if (!condition)
            return;
        const cond = this.addCondition(type === 'if_statement' ? 'if' : 'elif', condition);
        const typeChecking = cond.text === 'TYPE_CHECKING' || cond.text === 'typing.TYPE_CHECKING';
        this.frames.push({ kind: 'if', depth, guard: cond.text, typeChecking, node });
    }
    /** An `else:` of an if statement guards its body with the negated condition. */
    visitElse(depth, node) {
        const top = this.frames[this.frames.length - 1];
        if (top?.kind === 'if' && top.depth === depth - 1) {
            this.frames.push({ kind: 'if', depth, guard: `not (${top.guard})`, typeChecking: false, node });
        }
    }
    /** The innermost branch, loop or except clause of the current function: where a binding may not run. */
    currentBranch() {
        for (const frame of this.framesInFunction()) {
            if (frame.kind === 'class')
                return undefined;
            if (frame.kind === 'loop')
                return frame.loop.loc;
            if (frame.kind === 'except')
                return frame.handler.loc;
            if (frame.kind === 'if' && frame.node) {
                // Looked up once per branch: a branch can hold many bindings.
                if (!frame.branch)
                    frame.branch = loc(frame.node.childForFieldName(frame.node.type === 'else_clause' ? 'body' : 'consequence') ?? frame.node);
                return frame.branch;
            }
        }
        return undefined;
    }
    loopDepth() {
        let n = 1;
        for (const frame of this.framesInFunction())
            if (frame.kind === 'loop')
                n++;
        return n;
    }
    addLoop(node, kind, header, iterates, depth) {
        const enclosing = this.enclosing();
        const loop = {
            kind,
            depth: this.loopDepth(),
            ...(iterates !== undefined ? { iterates } : {}),
            header,
            hasAwait: node.firstChild?.type === 'async',
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        };
        this.model.loops.push(loop);
        this.frames.push({ kind: 'loop', depth, loop });
    }
    visitWhile(node, depth) {
        this.addComplexity();
        const condition = node.childForFieldName('condition');
        if (condition)
            this.addCondition('while', condition);
        this.addLoop(node, 'while', `while ${common_text(condition)}`, undefined, depth);
    }
    visitFor(node, depth) {
        this.addComplexity();
        const body = node.childForFieldName('body');
        const end = body ? Math.min(body.startIndex, node.startIndex + 200) : node.startIndex + 200;
        const header = node.text
            .slice(0, end - node.startIndex)
            .trim()
            .replace(/:$/, '');
        this.addLoop(node, 'for', header, common_text(node.childForFieldName('right')), depth);
    }
    /** Each `for` of a comprehension is a loop; the frame lasts to the end of the comprehension. */
    visitComprehensionFor(node, depth) {
        this.addLoop(node, 'comprehension', common_text(node), common_text(node.childForFieldName('right')), depth - 1);
    }
    markAwaitInLoops() {
        for (const frame of this.framesInFunction())
            if (frame.kind === 'loop')
                frame.loop.hasAwait = true;
    }
    visitCase(node) {
        this.addComplexity();
        const guard = node.childForFieldName('guard');
        const condition = guard ? namedKids(guard)[0] : undefined;
        if (condition)
            this.addCondition('guard', condition);
    }
    visitMatch(node) {
        const subject = node.childForFieldName('subject');
        const subjectText = common_text(subject);
        const cases = [];
        let hasDefault = false;
        for (const clause of namedKids(node.childForFieldName('body'))) {
            if (clause.type !== 'case_clause')
                continue;
            const patterns = namedKids(clause).filter((c) => c.type === 'case_pattern');
            const patternText = patterns.map((p) => common_text(p)).join(', ');
            cases.push(patternText);
            const guarded = clause.childForFieldName('guard') !== null;
            const irrefutable = patterns.length === 1 && (patternText === '_' || patterns[0].namedChild(0)?.type === 'dotted_name' && !patternText.includes('.'));
            if (irrefutable && !guarded)
                hasDefault = true;
            this.addCaseCondition(clause, patterns, subjectText);
        }
        const enclosing = this.enclosing();
        this.model.switches.push({
            discriminant: subjectText,
            cases,
            hasDefault,
            kind: 'match',
            ...(enclosing ? { enclosing } : {}),
            loc: loc(node)
        });
    }
    /** `case 0 | 1:` compares the subject with literals. */
    addCaseCondition(clause, patterns, subject) {
        if (patterns.length !== 1)
            return;
        const inner = patterns[0].namedChild(0);
        const alternatives = inner?.type === 'union_pattern' ? namedKids(inner) : inner ? [inner] : [];
        const comparisons = [];
        for (const alt of alternatives) {
            const literal = literalOf(alt);
            if (!literal)
                return;
            comparisons.push({ operator: '==', left: subject, right: common_text(alt), literal: literal.value, literalSide: 'right' });
        }
        if (comparisons.length === 0)
            return;
        const enclosing = this.enclosing();
        this.model.conditions.push({ kind: 'case', text: common_text(patterns[0]), comparisons, ...(enclosing ? { enclosing } : {}), loc: loc(clause) });
    }
    visitComparison(node) {
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const frame = this.frames[i];
            if (frame.kind === 'fn')
                return;
            if (frame.kind === 'cond') {
                frame.cond.comparisons.push(...readComparisons(node));
                return;
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/model/extract/python.ts






/** Most string literals kept per module: a generated file can hold millions. */
const python_MAX_STRINGS = 10_000;
/** Most argument texts kept per call. */
const python_MAX_ARGS = 50;
/** Most `name.attr` reads kept per test file (a generated test can hold millions). */
const MAX_ATTRIBUTE_READS = 5_000;
/** A module object as written before an attribute: `stock`, `shop.util.text`. */
const DOTTED_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
function extractPython(source, tree, isTest) {
    const walker = new PythonWalker(source, tree, isTest);
    walker.run();
    const model = finishPythonModule(walker.state);
    if (model.test)
        model.test.memberReferences = walker.memberReferences();
    return model;
}
class PythonWalker extends PyFlow {
    tree;
    state;
    /** The module's text: binding values are sliced from it (a node's `text` copies all of it first). */
    sourceText;
    /** Lambda nodes (by id) bound to a name by an assignment. */
    namedLambdas = new Map();
    docstrings = new Set();
    /** Call nodes (by id) whose result an assignment binds to a plain name (`s = f()`, `s = await f()`). */
    boundCalls = new Map();
    /** Node types along the current path, by depth (`node.parent` costs O(depth) in tree-sitter). */
    pathTypes = [];
    /** The `decorated_definition` on the current path, if any, by depth. */
    decorated;
    /** Test files: every `name.attr` / `a.b.attr` read, kept when `name` / `a.b` turns out to be an import. */
    attributeReads = new Set();
    constructor(source, tree, isTest) {
        const model = emptyModule(source);
        model.isTest = isTest;
        super(model);
        this.tree = tree;
        this.state = newPyModuleState(model);
        this.sourceText = source.text;
    }
    run() {
        const root = this.tree.rootNode;
        const checkMissing = root.hasError;
        this.markDocstring(root);
        const cursor = this.tree.walk();
        let depth = 0;
        for (;;) {
            const frames = this.frames;
            while (frames.length > 0 && frames[frames.length - 1].depth >= depth)
                frames.pop();
            const type = cursor.nodeType;
            this.pathTypes[depth] = type;
            if (type === 'ERROR' || (checkMissing && cursor.nodeIsMissing))
                this.model.syntaxErrors++;
            if (this.pendingConditions.size > 0) {
                const cond = this.pendingConditions.get(cursor.nodeId);
                if (cond) {
                    this.pendingConditions.delete(cursor.nodeId);
                    frames.push({ kind: 'cond', depth, cond });
                }
            }
            if (type !== 'comment' && cursor.nodeIsNamed)
                this.visit(cursor, type, depth);
            if (cursor.gotoFirstChild()) {
                depth++;
                continue;
            }
            let done = false;
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent()) {
                    done = true;
                    break;
                }
                depth--;
            }
            if (done)
                break;
        }
        cursor.delete();
        if (this.model.syntaxErrors > 0)
            this.model.status = 'partial';
    }
    visit(cursor, type, depth) {
        switch (type) {
            case 'decorated_definition':
                this.decorated = { depth, node: cursor.currentNode };
                return;
            case 'function_definition':
                return this.visitFunction(cursor.currentNode, depth);
            case 'class_definition':
                return this.visitClass(cursor.currentNode, depth);
            case 'lambda': {
                const name = this.namedLambdas.get(cursor.nodeId);
                if (name !== undefined)
                    this.visitNamedLambda(cursor.currentNode, name, depth);
                return;
            }
            case 'import_statement':
            case 'import_from_statement':
            case 'future_import_statement':
                this.model.imports.push(...readImports(cursor.currentNode, this.inTypeChecking()));
                return;
            case 'assignment': {
                const node = cursor.currentNode;
                const left = node.childForFieldName('left');
                const right = node.childForFieldName('right');
                this.noteBoundCall(left, right);
                this.noteBinding(node, left, right);
                return visitPyAssignment(node, this.assignmentContext());
            }
            case 'augmented_assignment': {
                const node = cursor.currentNode;
                this.noteBinding(node, node.childForFieldName('left'), node.childForFieldName('right'));
                return visitPyAssignment(node, this.assignmentContext());
            }
            case 'call':
                return this.visitCall(cursor.currentNode, depth);
            case 'raise_statement':
                return this.visitRaise(cursor.currentNode);
            case 'try_statement':
                return this.visitTry(cursor.currentNode, depth);
            case 'except_clause':
            case 'except_group_clause':
                return this.visitExcept(cursor.currentNode, depth);
            case 'if_statement':
            case 'elif_clause':
                return this.visitIf(cursor.currentNode, type, depth);
            case 'else_clause':
                return this.visitElse(depth, cursor.currentNode);
            case 'while_statement':
                return this.visitWhile(cursor.currentNode, depth);
            case 'for_statement':
                return this.visitFor(cursor.currentNode, depth);
            case 'for_in_clause':
                return this.visitComprehensionFor(cursor.currentNode, depth);
            case 'conditional_expression': {
                this.addComplexity();
                const node = cursor.currentNode;
                const condition = namedKids(node)[1];
                if (condition)
                    this.addCondition('ternary', condition);
                return;
            }
            case 'boolean_operator':
                return this.addComplexity();
            case 'if_clause':
                if (cursor.currentFieldName !== 'guard')
                    this.addComplexity();
                return;
            case 'case_clause':
                return this.visitCase(cursor.currentNode);
            case 'match_statement':
                return this.visitMatch(cursor.currentNode);
            case 'comparison_operator':
                return this.visitComparison(cursor.currentNode);
            case 'yield': {
                const fn = this.currentFunction();
                if (fn)
                    fn.decl.generator = true;
                return;
            }
            case 'await':
                return this.markAwaitInLoops();
            case 'string':
                return this.visitString(cursor.currentNode);
            case 'subscript':
                return this.visitSubscript(cursor.currentNode, cursor.currentFieldName, depth);
            case 'attribute':
                if (this.model.isTest)
                    this.noteAttribute(cursor.currentNode);
                return;
            default:
                return;
        }
    }
    /**
     * `stock.reserve`, `pricing.TAX`, `shop.util.text.title`: a read through a name that may be a module
     * (`from . import stock`, `import shop.util.text`). Calls, class references and constants alike, so
     * that build.ts can turn reads through module imports into referenced symbols.
     */
    noteAttribute(node) {
        if (this.attributeReads.size >= MAX_ATTRIBUTE_READS)
            return;
        const object = node.childForFieldName('object');
        const attribute = node.childForFieldName('attribute');
        if (!object || !attribute || (object.type !== 'identifier' && object.type !== 'attribute'))
            return;
        const head = common_text(object, 200);
        if (DOTTED_NAME.test(head))
            this.attributeReads.add(`${head}.${common_text(attribute, 100)}`);
    }
    /** The attribute reads whose object is a name the file imports (`import a.b as x`, `from . import sub`). */
    memberReferences() {
        const locals = new Set();
        for (const decl of this.model.imports)
            for (const n of decl.names)
                if (n.local !== '*')
                    locals.add(n.local);
        const out = [];
        for (const read of this.attributeReads)
            if (locals.has(read.slice(0, read.lastIndexOf('.'))))
                out.push(read);
        return out.sort();
    }
    markDocstring(scope) {
        const first = namedKids(scope)[0];
        if (first?.type !== 'expression_statement')
            return;
        const only = namedKids(first);
        if (only.length === 1 && (only[0].type === 'string' || only[0].type === 'concatenated_string')) {
            this.docstrings.add(only[0].id);
            for (const part of namedKids(only[0]))
                this.docstrings.add(part.id);
        }
    }
    // ---- declarations ----
    /** Decorator expressions of the def/class at `depth`, without the `@`. */
    decoratorsOf(depth) {
        const wrapper = this.decorated;
        if (!wrapper || wrapper.depth !== depth - 1 || this.pathTypes[depth - 1] !== 'decorated_definition')
            return [];
        const out = [];
        for (const child of namedKids(wrapper.node)) {
            if (child.type === 'decorator')
                out.push(common_text(child.namedChild(0)));
        }
        return out;
    }
    visitFunction(node, depth) {
        const name = common_text(node.childForFieldName('name'), 200) || '<anonymous>';
        const scope = this.currentScope();
        const cls = scope?.kind === 'class' ? scope.cls : undefined;
        const decorators = this.decoratorsOf(depth);
        const isStatic = decorators.includes('staticmethod');
        const params = readParameters(node.childForFieldName('parameters'), cls !== undefined && !isStatic);
        const returnType = node.childForFieldName('return_type');
        const kind = !cls
            ? 'function'
            : name === '__init__'
                ? 'constructor'
                : decorators.some((d) => d === 'property' || d.endsWith('.getter') || d.endsWith('cached_property'))
                    ? 'getter'
                    : decorators.some((d) => d.endsWith('.setter'))
                        ? 'setter'
                        : 'method';
        const at = declLoc(node);
        const decl = {
            name,
            qualifiedName: this.uniqueName(name),
            kind,
            params,
            ...(returnType ? { returnType: common_text(returnType) } : {}),
            async: node.firstChild?.type === 'async',
            generator: false,
            exported: false,
            loc: at,
            complexity: 1,
            lines: at.endLine - at.startLine + 1,
            ...(decorators.length > 0 ? { decorators } : {})
        };
        if (cls && kind !== 'function') {
            decl.className = cls.decl.name;
            if (!cls.decl.members.some((m) => m.name === name && m.kind === kind)) {
                cls.decl.members.push({
                    name,
                    kind,
                    static: isStatic || decorators.includes('classmethod'),
                    visibility: py_syntax_visibilityOf(name),
                    loc: at
                });
            }
        }
        this.model.functions.push(decl);
        const info = { decl, decorators, topLevel: scope === undefined, cls };
        this.state.functions.push(info);
        this.frames.push({ kind: 'fn', depth, fn: info });
        this.markDocstring(node.childForFieldName('body'));
    }
    visitNamedLambda(node, name, depth) {
        const scope = this.currentScope();
        const cls = scope?.kind === 'class' ? scope.cls : undefined;
        const at = loc(node);
        const decl = {
            name,
            qualifiedName: this.uniqueName(name),
            kind: 'lambda',
            params: readParameters(node.childForFieldName('parameters'), false),
            async: false,
            generator: false,
            exported: false,
            loc: at,
            complexity: 1,
            lines: at.endLine - at.startLine + 1
        };
        if (cls)
            decl.className = cls.decl.name;
        this.model.functions.push(decl);
        const info = { decl, decorators: [], topLevel: scope === undefined, cls };
        this.state.functions.push(info);
        this.frames.push({ kind: 'fn', depth, fn: info });
    }
    visitClass(node, depth) {
        const name = common_text(node.childForFieldName('name'), 200) || '<anonymous>';
        const scope = this.currentScope();
        const bases = namedKids(node.childForFieldName('superclasses'))
            .filter((b) => b.type !== 'keyword_argument')
            .map((b) => common_text(b));
        const decl = {
            name,
            qualifiedName: this.uniqueName(name),
            exported: false,
            bases,
            members: [],
            loc: declLoc(node)
        };
        this.model.classes.push(decl);
        const outer = scope?.kind === 'class' ? scope.cls : undefined;
        const info = { decl, decorators: this.decoratorsOf(depth), topLevel: scope === undefined, outer };
        this.state.classes.push(info);
        this.frames.push({ kind: 'class', depth, cls: info });
        this.markDocstring(node.childForFieldName('body'));
    }
    assignmentContext() {
        const scope = this.currentScope();
        return {
            state: this.state,
            moduleScope: scope === undefined,
            cls: scope?.kind === 'class' ? scope.cls : undefined,
            constructorOf: scope?.kind === 'fn' && scope.fn.decl.kind === 'constructor' ? scope.fn.cls : undefined,
            namedLambdas: this.namedLambdas,
            enclosing: scope?.kind === 'fn' ? this.enclosing() : undefined
        };
    }
    // ---- behaviour ----
    /** A value bound to a local name, inside a function or at module level (a class body's names are attributes). */
    noteBinding(node, left, right) {
        const scope = this.currentScope();
        if (scope?.kind === 'class' || !left || !right)
            return;
        notePyBinding(node, left, right, this.sourceText, this.model, scope ? this.enclosing() : undefined, () => this.currentBranch());
    }
    /** `s = f()`: remembered so that the call, visited next, knows the name its result is kept under. */
    noteBoundCall(left, value) {
        let right = value;
        if (left?.type !== 'identifier' || !right)
            return;
        if (right.type === 'await')
            right = right.namedChild(0);
        if (right?.type === 'call')
            this.boundCalls.set(right.id, common_text(left, 100));
    }
    visitCall(node, depth) {
        const parent = this.pathTypes[depth - 1];
        const awaited = parent === 'await';
        const fn = node.childForFieldName('function');
        const argsNode = node.childForFieldName('arguments');
        const callee = common_text(fn);
        let name = callee;
        let receiver;
        if (fn?.type === 'attribute') {
            name = common_text(fn.childForFieldName('attribute'));
            receiver = common_text(fn.childForFieldName('object'));
        }
        const args = [];
        const keywords = [];
        if (argsNode?.type === 'argument_list') {
            for (const arg of namedKids(argsNode)) {
                if (arg.type === 'keyword_argument')
                    keywords.push(common_text(arg.childForFieldName('name')));
                if (args.length < python_MAX_ARGS)
                    args.push(common_text(arg));
            }
        }
        else if (argsNode) {
            args.push(common_text(argsNode));
        }
        const enclosing = this.enclosing();
        this.model.calls.push({
            callee,
            name,
            ...(receiver !== undefined ? { receiver } : {}),
            args,
            ...(keywords.length > 0 ? { keywords } : {}),
            awaited,
            isNew: false,
            ...(enclosing ? { enclosing } : {}),
            ...(parent === 'expression_statement' ? { statement: true } : {}),
            ...(this.boundCalls.has(node.id) ? { assignedTo: this.boundCalls.get(node.id) } : {}),
            ...(parent === 'with_item' || (parent === 'as_pattern' && this.pathTypes[depth - 2] === 'with_item') ? { managed: true } : {}),
            loc: loc(node)
        });
    }
    /** `os.environ['X']` reads an environment variable (a write or `del` does not). */
    visitSubscript(node, field, depth) {
        const value = node.childForFieldName('value');
        if (!value || (value.type !== 'attribute' && value.type !== 'identifier'))
            return;
        const object = common_text(value, 20);
        if (object !== 'os.environ' && object !== 'environ')
            return;
        const parent = this.pathTypes[depth - 1];
        if ((parent === 'assignment' || parent === 'augmented_assignment') && field === 'left')
            return;
        if (parent === 'delete_statement')
            return;
        const key = node.childForFieldName('subscript');
        const name = key?.type === 'string' ? py_syntax_stringValue(key, 100) : undefined;
        const enclosing = this.enclosing();
        const reads = (this.model.envReads ??= []);
        reads.push({ name: name ?? '*', hasDefault: false, ...(enclosing ? { enclosing } : {}), loc: loc(node) });
    }
    visitString(node) {
        if (this.docstrings.has(node.id) || this.model.strings.length >= python_MAX_STRINGS)
            return;
        const value = py_syntax_stringValue(node, 200, false);
        if (value === undefined)
            return;
        const enclosing = this.enclosing();
        this.model.strings.push({ value, ...(enclosing ? { enclosing } : {}), loc: loc(node) });
    }
}
/** A def/class location: from `def`/`class` (decorators excluded, as in `ast`) to its last statement. */
function declLoc(node) {
    const at = loc(node);
    const end = significantEnd(node);
    at.endLine = end.row + 1;
    at.endColumn = end.column + 1;
    return at;
}

;// CONCATENATED MODULE: ./src/model/test-files.ts
// Recognises test files by the conventions of the common test frameworks, from the path alone.
const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TEST_DIRS = new Set(['__tests__', 'test', 'tests', 'spec', 'specs', '__specs__', 'e2e']);
function extensionOf(name) {
    const dot = name.lastIndexOf('.');
    return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}
/** Fixture folders hold inputs for tests, not tests. */
function inFixtures(dirs) {
    return dirs.some((d) => d === 'fixtures' || d === '__fixtures__' || d === 'testdata' || d === '__mocks__' || d === '__snapshots__');
}
function isTestPath(path) {
    const parts = path.replaceAll('\\', '/').split('/');
    const name = parts[parts.length - 1] ?? '';
    const dirs = parts.slice(0, -1);
    const ext = extensionOf(name);
    const lower = name.toLowerCase();
    if (inFixtures(dirs))
        return false;
    if (JS_EXTENSIONS.includes(ext)) {
        const stem = lower.slice(0, -ext.length);
        if (stem.endsWith('.test') || stem.endsWith('.spec') || stem.endsWith('.e2e') || stem.endsWith('-test') || stem.endsWith('_test'))
            return true;
        return dirs.some((d) => JS_TEST_DIRS.has(d));
    }
    switch (ext) {
        case '.py':
            return (lower.startsWith('test_') ||
                lower.endsWith('_test.py') ||
                lower === 'conftest.py' ||
                dirs.some((d) => d === 'tests' || d === 'test'));
        case '.go':
            return lower.endsWith('_test.go');
        case '.java':
        case '.kt':
            return path.includes('src/test/') || lower.endsWith('test.java') || lower.endsWith('tests.java');
        case '.rs':
            return dirs[0] === 'tests' || dirs.includes('tests');
        case '.rb':
            return lower.endsWith('_spec.rb') || lower.endsWith('_test.rb') || dirs[0] === 'spec' || dirs[0] === 'test';
        case '.cs':
            return lower.endsWith('tests.cs') || lower.endsWith('test.cs') || dirs.some((d) => d.endsWith('.Tests') || d.endsWith('.Test'));
        case '.php':
            return lower.endsWith('test.php') || dirs[0] === 'tests';
        default:
            return false;
    }
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/model/tree-sitter.ts
// Loads web-tree-sitter and its grammars without letting the bundler touch them.
// ncc breaks web-tree-sitter (see BRIEF section 8), so the build copies `web-tree-sitter.js`,
// its runtime .wasm and the grammar .wasm files into dist/, and we import them by file URL.
// From source (tests, ts-jest) the same files are found in node_modules.



const GRAMMARS = (/* unused pure expression or super */ null && ([
    'typescript',
    'tsx',
    'javascript',
    'python',
    'go',
    'java',
    'rust',
    'ruby',
    'c-sharp',
    'php'
]));
const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
/** Where the runtime and grammars live: beside the bundle, or in node_modules when run from source. */
function locateTreeSitter(start = here) {
    if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(start, 'web-tree-sitter.js')) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(start, 'grammars'))) {
        return {
            runtimeJs: (0,external_node_path_namespaceObject.join)(start, 'web-tree-sitter.js'),
            runtimeWasm: (0,external_node_path_namespaceObject.join)(start, 'web-tree-sitter.wasm'),
            grammarDir: (0,external_node_path_namespaceObject.join)(start, 'grammars')
        };
    }
    for (let dir = start;; dir = (0,external_node_path_namespaceObject.dirname)(dir)) {
        const pkg = (0,external_node_path_namespaceObject.join)(dir, 'node_modules', 'web-tree-sitter');
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(pkg, 'web-tree-sitter.js'))) {
            return {
                runtimeJs: (0,external_node_path_namespaceObject.join)(pkg, 'web-tree-sitter.js'),
                runtimeWasm: (0,external_node_path_namespaceObject.join)(pkg, 'web-tree-sitter.wasm'),
                grammarDir: (0,external_node_path_namespaceObject.join)(dir, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm')
            };
        }
        if ((0,external_node_path_namespaceObject.dirname)(dir) === dir)
            break;
    }
    throw new Error(`web-tree-sitter was not found beside ${start} nor in any node_modules above it; ` +
        'rebuild dist/ with `npm run build` or run `npm ci`.');
}
let runtime;
const languages = new Map();
/** The initialised web-tree-sitter module (loaded once per process). */
function loadTreeSitter() {
    runtime ??= (async () => {
        const where = locateTreeSitter();
        const mod = (await import(/* webpackIgnore: true */ (0,external_node_url_namespaceObject.pathToFileURL)(where.runtimeJs).href));
        await mod.Parser.init({ locateFile: () => where.runtimeWasm });
        return mod;
    })();
    return runtime;
}
/** A grammar, loaded once per process. */
function loadGrammar(name) {
    let language = languages.get(name);
    if (!language) {
        language = (async () => {
            const mod = await loadTreeSitter();
            const file = (0,external_node_path_namespaceObject.join)(locateTreeSitter().grammarDir, `tree-sitter-${name}.wasm`);
            return mod.Language.load(file);
        })();
        languages.set(name, language);
    }
    return language;
}
/** A parser set to the given grammar. Parsers are cheap; callers may keep one per language. */
async function createParser(name) {
    const mod = await loadTreeSitter();
    const parser = new mod.Parser();
    parser.setLanguage(await loadGrammar(name));
    return parser;
}

;// CONCATENATED MODULE: ./src/model/build-module.ts







const GRAMMAR_OF = {
    typescript: 'typescript',
    tsx: 'tsx',
    javascript: 'javascript',
    jsx: 'javascript',
    python: 'python',
    go: 'go',
    java: 'java',
    rust: 'rust',
    ruby: 'ruby',
    csharp: 'c-sharp',
    php: 'php'
};
function extractorFor(language) {
    switch (language) {
        case 'typescript':
        case 'tsx':
        case 'javascript':
        case 'jsx':
            return extractJavaScript;
        case 'python':
            return extractPython;
        case 'go':
        case 'java':
        case 'rust':
        case 'ruby':
        case 'csharp':
        case 'php':
            return extractGeneric;
        default:
            return undefined;
    }
}
/** One parser per grammar, created on first use and reused for every file of that language. */
class ParserPool {
    parsers = new Map();
    get(grammar) {
        let parser = this.parsers.get(grammar);
        if (!parser) {
            parser = createParser(grammar);
            this.parsers.set(grammar, parser);
        }
        return parser;
    }
    async dispose() {
        for (const p of this.parsers.values()) {
            try {
                ;
                (await p).delete();
            }
            catch {
                // A grammar that failed to load has no parser to free.
            }
        }
        this.parsers.clear();
    }
}
function partialModule(source, isTest, syntaxErrors) {
    const m = emptyModule(source);
    m.isTest = isTest;
    m.status = 'partial';
    m.syntaxErrors = syntaxErrors;
    return m;
}
/** Parses and extracts one file; never throws. */
async function buildModule(source, pool, options = {}) {
    const isTest = isTestPath(source.path);
    const grammar = GRAMMAR_OF[source.language];
    if (!grammar) {
        const m = emptyModule(source);
        m.isTest = isTest;
        return m;
    }
    let parser;
    try {
        parser = await pool.get(grammar);
    }
    catch (error) {
        options.logger?.warning(`Could not load the ${grammar} grammar for ${source.path}: ${errorMessage(error)}`);
        return partialModule(source, isTest, 0);
    }
    const deadline = Date.now() + (options.parseTimeoutMs ?? 20_000);
    const parseStart = performance.now();
    let tree = null;
    try {
        // The progress callback is the only way to stop a runaway parse; returning true cancels it.
        const progressCallback = (() => Date.now() > deadline);
        tree = parser.parse(source.text, null, { progressCallback });
    }
    catch (error) {
        options.logger?.warning(`Parsing ${source.path} failed: ${errorMessage(error)}`);
    }
    const extractStart = performance.now();
    if (options.timings)
        options.timings.parseMs += extractStart - parseStart;
    if (!tree) {
        parser.reset();
        options.logger?.warning(`Parsing ${source.path} did not finish; it is kept as a partial module.`);
        return partialModule(source, isTest, 0);
    }
    try {
        const extract = options.extractors?.[source.language] ?? extractorFor(source.language);
        if (!extract) {
            const m = emptyModule(source);
            m.isTest = isTest;
            m.syntaxErrors = tree.rootNode.hasError ? 1 : 0;
            if (m.syntaxErrors > 0)
                m.status = 'partial';
            return m;
        }
        return extract(source, tree, isTest);
    }
    catch (error) {
        options.logger?.debug(`Extracting ${source.path} failed: ${errorMessage(error)}`);
        return partialModule(source, isTest, tree.rootNode.hasError ? 1 : 0);
    }
    finally {
        tree.delete();
        if (options.timings)
            options.timings.extractMs += performance.now() - extractStart;
    }
}

;// CONCATENATED MODULE: ./src/model/link.ts
const MAX_HOPS = 10;
/** The module a re-export or `export *` names, when it resolved inside the repository. */
function sourceModule(m, source, byPath) {
    if (source === undefined)
        return undefined;
    const path = m.imports.find((i) => i.source === source && i.resolved)?.resolved;
    return path ? byPath.get(path) : undefined;
}
/** Names a module offers to importers, following `export * from` chains inside the repository. */
function exportedSymbols(target, byPath, cache) {
    const cached = cache.get(target.path);
    if (cached)
        return cached;
    const names = new Set();
    cache.set(target.path, names);
    const queue = [target];
    const seen = new Set([target.path]);
    while (queue.length > 0) {
        const m = queue.shift();
        for (const e of m.exports) {
            if (e.kind === 'all') {
                const next = sourceModule(m, e.source, byPath);
                if (next && !seen.has(next.path)) {
                    seen.add(next.path);
                    queue.push(next);
                }
            }
            else if (m === target || e.name !== 'default')
                names.add(e.name);
        }
        for (const f of m.functions)
            if (f.exported && f.qualifiedName === f.name)
                names.add(f.name);
        for (const c of m.classes)
            if (c.exported && c.qualifiedName === c.name)
                names.add(c.name);
        for (const v of m.variables)
            if (v.exported)
                names.add(v.name);
        if (m.all)
            for (const n of m.all)
                names.add(n);
    }
    return names;
}
/**
 * The module that defines `name` when `target` only re-exports it (`export { add } from './math'`,
 * `export * from './math'`): a test importing the package index tests math too.
 */
function originOf(target, name, byPath, cache) {
    let m = target;
    let wanted = name;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
        const direct = m.exports.find((e) => e.name === wanted && e.kind !== 'all');
        if (direct) {
            if (direct.kind !== 'reexport' || direct.local === '*')
                return m;
            const next = sourceModule(m, direct.source, byPath);
            if (!next)
                return m;
            wanted = direct.local ?? wanted;
            m = next;
            continue;
        }
        const via = m.exports
            .filter((e) => e.kind === 'all')
            .map((e) => sourceModule(m, e.source, byPath))
            .find((next) => next !== undefined && exportedSymbols(next, byPath, cache).has(wanted));
        if (!via)
            return m;
        m = via;
    }
    return m;
}
function resolveImports(modules, resolver) {
    for (const m of modules) {
        for (const imp of m.imports) {
            const resolved = resolver.resolve(m.path, imp);
            if (resolved !== undefined && resolved !== m.path)
                imp.resolved = resolved;
        }
    }
}
/** `ns.member` texts of a test that go through `local`: the member names. */
function membersThrough(m, local) {
    const prefix = `${local}.`;
    const members = [];
    for (const text of [...(m.test?.memberReferences ?? []), ...m.calls.map((c) => c.callee)]) {
        if (text.startsWith(prefix))
            members.push(text.slice(prefix.length).split('.')[0]);
    }
    return members;
}
/**
 * Python has no export control: a test that imports or reads `_helper` by name (`from m import _helper`,
 * `mod._helper()`) names a top-level function or class of `m` that is private only by convention.
 */
function namedPrivate(imp, target, name) {
    if (imp.kind !== 'python' || !name.startsWith('_') || name.startsWith('__'))
        return false;
    return target.functions.some((f) => f.qualifiedName === name) || target.classes.some((c) => c.qualifiedName === name);
}
/** Fills `test.importedModules` and `test.referencedSymbols` of every test module. */
function linkTests(modules, resolver) {
    const byPath = new Map(modules.map((m) => [m.path, m]));
    const cache = new Map();
    for (const m of modules) {
        if (!m.test)
            continue;
        const imported = new Set();
        const referenced = new Set();
        const reference = (target, name) => {
            referenced.add(name);
            const origin = originOf(target, name, byPath, cache);
            if (!origin.isTest)
                imported.add(origin.path);
        };
        for (const imp of m.imports) {
            const target = imp.resolved ? byPath.get(imp.resolved) : undefined;
            if (!target)
                continue;
            if (!target.isTest)
                imported.add(target.path);
            const offered = exportedSymbols(target, byPath, cache);
            for (const { imported: name, local } of imp.names) {
                // A default import of a CommonJS module (no `default` export) is the whole module, like `* as`.
                const wholeModule = name === '*' || (name === 'default' && !offered.has('default'));
                if (wholeModule) {
                    for (const member of membersThrough(m, local))
                        if (offered.has(member) || namedPrivate(imp, target, member))
                            reference(target, member);
                    continue;
                }
                if (offered.has(name) || namedPrivate(imp, target, name))
                    reference(target, name);
                if (imp.kind !== 'python')
                    continue;
                // `from pkg import mod` / `from . import mod` may name a submodule: what the test reads through
                // `mod.` is then that module's (an `__init__` that also binds the name keeps its reference above).
                const sub = resolver.resolve(m.path, { ...imp, source: `${imp.source}${imp.source.endsWith('.') ? '' : '.'}${name}` });
                const subModule = sub && sub !== target.path ? byPath.get(sub) : undefined;
                if (!subModule || subModule.isTest)
                    continue;
                imported.add(subModule.path);
                const subOffered = exportedSymbols(subModule, byPath, cache);
                for (const member of membersThrough(m, local))
                    if (subOffered.has(member) || namedPrivate(imp, subModule, member))
                        reference(subModule, member);
            }
        }
        m.test.importedModules = [...imported].sort();
        m.test.referencedSymbols = [...referenced].sort();
    }
}

;// CONCATENATED MODULE: ./src/model/resolve.ts
// Resolves import specifiers to files of the repository: JavaScript/TypeScript relative paths with
// extension probing, tsconfig `paths`, package self-imports (and workspace packages); Python absolute
// and relative module imports.

const resolve_JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.d.ts'];
/** A `.js` written in an import may stand for the TypeScript source that compiles to it. */
const COMPILED_TO = {
    '.js': ['.ts', '.tsx'],
    '.jsx': ['.tsx'],
    '.mjs': ['.mts'],
    '.cjs': ['.cts']
};
const BUILD_DIRS = ['dist/', 'lib/', 'build/', 'out/', 'esm/', 'cjs/'];
const PYTHON_ROOTS = ['', 'src/', 'lib/', 'python/'];
function normalise(path) {
    const n = external_node_path_namespaceObject.posix.normalize(path);
    if (n.startsWith('../') || n === '..')
        return undefined;
    return n.startsWith('./') ? n.slice(2) : n;
}
function resolve_extensionOf(path) {
    const base = external_node_path_namespaceObject.posix.basename(path);
    const dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot);
}
/** The first string target in a package.json `exports` condition object. */
function conditionTarget(value) {
    const stack = [value];
    for (let guard = 0; stack.length > 0 && guard < 50; guard++) {
        const v = stack.shift();
        if (typeof v === 'string')
            return v;
        if (Array.isArray(v))
            stack.push(...v);
        else if (v && typeof v === 'object') {
            const obj = v;
            for (const key of ['source', 'import', 'module', 'default', 'require', 'node', 'types'])
                if (key in obj)
                    stack.push(obj[key]);
        }
    }
    return undefined;
}
function exportsTarget(exports, subpath) {
    if (typeof exports === 'string' || Array.isArray(exports))
        return subpath === '.' ? conditionTarget(exports) : undefined;
    if (!exports || typeof exports !== 'object')
        return undefined;
    const map = exports;
    const keys = Object.keys(map);
    if (!keys.some((k) => k.startsWith('.')))
        return subpath === '.' ? conditionTarget(map) : undefined;
    if (subpath in map)
        return conditionTarget(map[subpath]);
    for (const key of keys) {
        const star = key.indexOf('*');
        if (star === -1)
            continue;
        const prefix = key.slice(0, star);
        const suffix = key.slice(star + 1);
        if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
            const middle = subpath.slice(prefix.length, subpath.length - suffix.length);
            return conditionTarget(map[key])?.replaceAll('*', middle);
        }
    }
    return undefined;
}
function createResolver(files, facts) {
    const fileSet = new Set(files);
    const packages = facts.manifests.filter((m) => m.kind === 'package.json' && !!m.name);
    const pythonRoots = new Set(PYTHON_ROOTS);
    const mainByFolder = new Map();
    for (const m of facts.manifests) {
        if (m.kind !== 'package.json' || !m.main)
            continue;
        const dir = external_node_path_namespaceObject.posix.dirname(m.path);
        const main = normalise(dir === '.' ? m.main : `${dir}/${m.main}`);
        if (main !== undefined)
            mainByFolder.set(dir === '.' ? '' : dir, main);
    }
    for (const m of facts.manifests) {
        if (m.kind === 'pyproject.toml' || m.kind === 'setup.py' || m.kind === 'setup.cfg') {
            const dir = external_node_path_namespaceObject.posix.dirname(m.path);
            if (dir !== '.') {
                pythonRoots.add(`${dir}/`);
                pythonRoots.add(`${dir}/src/`);
            }
        }
    }
    /** Probes a path without or with a written extension, then as a folder with an index file. */
    function probeJs(base, viaMain = false) {
        if (fileSet.has(base))
            return base;
        const ext = resolve_extensionOf(base);
        const stem = ext ? base.slice(0, -ext.length) : base;
        for (const alt of COMPILED_TO[ext] ?? [])
            if (fileSet.has(stem + alt))
                return stem + alt;
        for (const e of resolve_JS_EXTENSIONS)
            if (fileSet.has(base + e))
                return base + e;
        for (const e of resolve_JS_EXTENSIONS)
            if (fileSet.has(`${base}/index${e}`))
                return `${base}/index${e}`;
        // A folder with a package.json (`require('../')` from a test): Node loads its `main`.
        const main = viaMain ? undefined : mainByFolder.get(base === '.' ? '' : base);
        if (main !== undefined && main !== base)
            return probeJs(main, true);
        return undefined;
    }
    /** A build output path (`dist/index.js`) mapped back to its source when the output is not in the repository. */
    function probeBuilt(path) {
        const direct = probeJs(path);
        if (direct)
            return direct;
        for (const dir of BUILD_DIRS) {
            const at = path.indexOf(dir);
            if (at === -1 || (at > 0 && path[at - 1] !== '/'))
                continue;
            const src = `${path.slice(0, at)}src/${path.slice(at + dir.length)}`;
            const stem = src.endsWith('.d.ts') ? src.slice(0, -5) : src;
            const found = probeJs(stem);
            if (found)
                return found;
        }
        return undefined;
    }
    function resolveTsPaths(spec) {
        for (const [pattern, targets] of Object.entries(facts.tsPaths)) {
            const star = pattern.indexOf('*');
            let middle;
            if (star === -1) {
                if (spec !== pattern)
                    continue;
                middle = '';
            }
            else {
                const prefix = pattern.slice(0, star);
                const suffix = pattern.slice(star + 1);
                if (!spec.startsWith(prefix) || !spec.endsWith(suffix) || spec.length < prefix.length + suffix.length)
                    continue;
                middle = spec.slice(prefix.length, spec.length - suffix.length);
            }
            for (const target of targets) {
                const path = normalise(target.replaceAll('*', middle));
                const found = path !== undefined ? probeJs(path) : undefined;
                if (found)
                    return found;
            }
        }
        return undefined;
    }
    function resolvePackage(spec) {
        for (const pkg of packages) {
            if (spec !== pkg.name && !spec.startsWith(`${pkg.name}/`))
                continue;
            const dir = external_node_path_namespaceObject.posix.dirname(pkg.path);
            const at = (p) => normalise(dir === '.' ? p : `${dir}/${p}`);
            const subpath = spec === pkg.name ? '.' : `./${spec.slice(pkg.name.length + 1)}`;
            const candidates = [];
            if (pkg.exports !== undefined)
                candidates.push(exportsTarget(pkg.exports, subpath));
            if (subpath === '.')
                candidates.push(pkg.main, 'index', 'src/index');
            else
                candidates.push(subpath, `src/${subpath.slice(2)}`);
            for (const c of candidates) {
                const path = c !== undefined ? at(c) : undefined;
                const found = path !== undefined ? probeBuilt(path) : undefined;
                if (found)
                    return found;
            }
        }
        return undefined;
    }
    function probePython(base) {
        if (fileSet.has(`${base}.py`))
            return `${base}.py`;
        if (fileSet.has(`${base}/__init__.py`))
            return `${base}/__init__.py`;
        if (fileSet.has(`${base}.pyi`))
            return `${base}.pyi`;
        return undefined;
    }
    function resolvePython(fromPath, spec) {
        if (spec.startsWith('.')) {
            let dots = 0;
            while (spec[dots] === '.')
                dots++;
            let dir = external_node_path_namespaceObject.posix.dirname(fromPath);
            for (let i = 1; i < dots; i++)
                dir = external_node_path_namespaceObject.posix.dirname(dir);
            const rest = spec.slice(dots).replaceAll('.', '/');
            const base = normalise(rest ? (dir === '.' ? rest : `${dir}/${rest}`) : dir);
            if (base === undefined)
                return undefined;
            return rest ? probePython(base) : fileSet.has(`${base}/__init__.py`) ? `${base}/__init__.py` : undefined;
        }
        const rel = spec.replaceAll('.', '/');
        for (const root of pythonRoots) {
            const found = probePython(root + rel);
            if (found)
                return found;
        }
        return undefined;
    }
    return {
        resolve(fromPath, decl) {
            const spec = decl.source;
            if (!spec)
                return undefined;
            if (decl.kind === 'python')
                return resolvePython(fromPath, spec);
            if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
                const path = normalise(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(fromPath), spec));
                return path === undefined ? undefined : probeJs(path);
            }
            if (spec.startsWith('/') || spec.startsWith('node:'))
                return undefined;
            return resolveTsPaths(spec) ?? resolvePackage(spec);
        }
    };
}

;// CONCATENATED MODULE: ./src/model/build.ts
// Builds the code model of a loaded repository: parse every source file with its tree-sitter
// grammar, extract the language-neutral module model, resolve imports and link tests to sources.
// A file that cannot be parsed or extracted becomes a partial module; it never stops the run.



function statsOf(modules, millis) {
    const stats = { files: modules.length, bytes: 0, lines: 0, parsed: 0, partial: 0, syntaxErrors: 0, millis };
    for (const m of modules) {
        stats.bytes += m.bytes;
        stats.lines += m.lines;
        stats.syntaxErrors += m.syntaxErrors;
        if (m.status === 'parsed')
            stats.parsed++;
        else
            stats.partial++;
    }
    return stats;
}
async function buildModel(repo, facts, options = {}) {
    const started = performance.now();
    // One thread: worker threads measured slower on the shared 2-core machine (30 MB: 38.4 s with two
    // workers against 35.2 s on one thread), the cost of starting parsers and copying models back.
    const modules = await buildOnThisThread(repo, options);
    modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const resolver = createResolver(modules.map((m) => m.path), facts);
    resolveImports(modules, resolver);
    linkTests(modules, resolver);
    return {
        root: repo.root,
        modules,
        facts,
        skipped: repo.skipped,
        stats: statsOf(modules, Math.round(performance.now() - started))
    };
}
async function buildOnThisThread(repo, options) {
    const pool = new ParserPool();
    const modules = [];
    try {
        let sinceYield = 0;
        for (const file of repo.files) {
            const module = await buildModule(file, pool, options);
            modules.push(module);
            options.onFile?.(module);
            sinceYield += file.bytes;
            if (sinceYield > 4 * 1024 * 1024) {
                // Let timers and I/O run during a long build.
                sinceYield = 0;
                await new Promise((resolve) => setImmediate(resolve));
            }
        }
    }
    finally {
        await pool.dispose();
    }
    return modules;
}

;// CONCATENATED MODULE: ./src/repo/map-limit.ts
// Bounded concurrency: file system work in parallel without opening thousands of files at once.
/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    async function worker() {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    }
    const workers = [];
    for (let i = 0; i < Math.min(limit, items.length); i++)
        workers.push(worker());
    await Promise.all(workers);
    return results;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/repo/read-text.ts
// Reading a file for the repository facts: bounded in size and never through a symlink that
// leaves the repository (a committed symlink must not expose the runner's files).



/** True when `target` is `root` itself or inside it. */
function isWithin(root, target) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, target);
    return rel === '' || (!rel.startsWith(`..${external_node_path_namespaceObject.sep}`) && rel !== '..' && !(0,external_node_path_namespaceObject.isAbsolute)(rel));
}
/**
 * Reads `path` (relative to root, or absolute when the user named it) as UTF-8 text.
 * Relative paths must resolve inside the root. Files over `maxBytes` are refused with a reason.
 */
async function readTextFile(root, path, maxBytes) {
    const absolute = (0,external_node_path_namespaceObject.isAbsolute)(path) ? path : (0,external_node_path_namespaceObject.join)(root, path);
    let real;
    try {
        real = await (0,promises_namespaceObject.realpath)(absolute);
    }
    catch {
        return { missing: true };
    }
    if (!(0,external_node_path_namespaceObject.isAbsolute)(path) && !isWithin(root, real))
        return { error: `${path} is outside the repository (or a symlink leading out of it); not read` };
    try {
        const stats = await (0,promises_namespaceObject.stat)(real);
        if (!stats.isFile())
            return { missing: true };
        if (stats.size > maxBytes)
            return { error: `${path} is ${stats.size} bytes, over the ${maxBytes}-byte limit for this kind of file; not read` };
        const text = (await (0,promises_namespaceObject.readFile)(real, 'utf8')).replace(/^\uFEFF/, '');
        return { text, modified: stats.mtime };
    }
    catch (error) {
        return { error: `${path} could not be read: ${errorMessage(error)}` };
    }
}
/** Forward slashes, no leading './'. */
function toPosix(path) {
    return path.split(external_node_path_namespaceObject.sep).join('/').replace(/^(\.\/)+/, '');
}

;// CONCATENATED MODULE: ./src/repo/ci-files.ts


const MAX_CI_BYTES = 1024 * 1024;
/** Which CI system a path configures, or null. */
function ciSystem(path) {
    if (/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path))
        return 'github-actions';
    if (path === '.gitlab-ci.yml' || path === '.gitlab-ci.yaml')
        return 'gitlab-ci';
    if (path === '.circleci/config.yml' || path === '.circleci/config.yaml')
        return 'circleci';
    if (path === 'azure-pipelines.yml' || path === 'azure-pipelines.yaml' || /^\.azure-pipelines\/[^/]+\.ya?ml$/.test(path))
        return 'azure-pipelines';
    if (path === 'Jenkinsfile' || /^[^/]+\.jenkinsfile$/i.test(path))
        return 'jenkins';
    if (path === '.travis.yml')
        return 'travis';
    if (path === 'bitbucket-pipelines.yml' || path === '.drone.yml' || path === 'appveyor.yml' || path === '.appveyor.yml')
        return 'other';
    return null;
}
/** CI files among `paths`, sorted by path, with their text; unreadable ones are reported in `notes`. */
async function readCiFiles(root, paths, notes) {
    const found = paths
        .map((path) => ({ path, system: ciSystem(path) }))
        .filter((entry) => entry.system !== null)
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const files = await mapLimit(found, 8, async ({ path, system }) => {
        const read = await readTextFile(root, path, MAX_CI_BYTES);
        if ('text' in read)
            return { path, system, text: read.text };
        if ('error' in read)
            notes.push(`CI file ${read.error}`);
        return null;
    });
    return files.filter((file) => file !== null);
}
/** A GitHub action's metadata file (what `uses: ./path` runs): `action.yml` or `action.yaml` in any folder. */
function isActionFile(path) {
    return /(^|\/)action\.ya?ml$/.test(path);
}
const MAX_ACTION_FILES = 200;
/** Local action metadata files among `paths` (at most 200), sorted by path, with their text. */
async function readActionFiles(root, paths, notes) {
    const found = paths.filter(isActionFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length > MAX_ACTION_FILES)
        notes.push(`${found.length} action.yml files found; only the first ${MAX_ACTION_FILES} were read`);
    const files = await mapLimit(found.slice(0, MAX_ACTION_FILES), 8, async (path) => {
        const read = await readTextFile(root, path, MAX_CI_BYTES);
        if ('text' in read)
            return { path, system: 'github-actions', text: read.text };
        if ('error' in read)
            notes.push(`action file ${read.error}`);
        return null;
    });
    return files.filter((file) => file !== null);
}

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/util.js


const nameStartChar = ':A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const nameChar = nameStartChar + '\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
const nameRegexp = '[' + nameStartChar + '][' + nameChar + ']*';
const regexName = new RegExp('^' + nameRegexp + '$');

function getAllMatches(string, regex) {
  const matches = [];
  let match = regex.exec(string);
  while (match) {
    const allmatches = [];
    allmatches.startIndex = regex.lastIndex - match[0].length;
    const len = match.length;
    for (let index = 0; index < len; index++) {
      allmatches.push(match[index]);
    }
    matches.push(allmatches);
    match = regex.exec(string);
  }
  return matches;
}

const isName = function (string) {
  const match = regexName.exec(string);
  return !(match === null || typeof match === 'undefined');
}

function isExist(v) {
  return typeof v !== 'undefined';
}

function isEmptyObject(obj) {
  return Object.keys(obj).length === 0;
}

function getValue(v) {
  if (exports.isExist(v)) {
    return v;
  } else {
    return '';
  }
}

/**
 * Dangerous property names that could lead to prototype pollution or security issues
 */
const DANGEROUS_PROPERTY_NAMES = [
  // '__proto__',
  // 'constructor',
  // 'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__'
];

const criticalProperties = ["__proto__", "constructor", "prototype"];
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/OptionsBuilder.js



const defaultOnDangerousProperty = (name) => {
  if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return "__" + name;
  }
  return name;
};


const defaultOptions = {
  preserveOrder: false,
  attributeNamePrefix: '@_',
  attributesGroupName: false,
  textNodeName: '#text',
  ignoreAttributes: true,
  removeNSPrefix: false, // remove NS from tag name or attribute name if true
  allowBooleanAttributes: false, //a tag can have attributes without any value
  //ignoreRootElement : false,
  parseTagValue: true,
  parseAttributeValue: false,
  trimValues: true, //Trim string values of tag and attributes
  cdataPropName: false,
  numberParseOptions: {
    hex: true,
    leadingZeros: true,
    eNotation: true,
    unicode: false
  },
  tagValueProcessor: function (tagName, val) {
    return val;
  },
  attributeValueProcessor: function (attrName, val) {
    return val;
  },
  stopNodes: [], //nested tags will not be parsed even for errors
  alwaysCreateTextNode: false,
  isArray: () => false,
  commentPropName: false,
  unpairedTags: [],
  processEntities: true,
  htmlEntities: false,
  entityDecoder: null,
  ignoreDeclaration: false,
  ignorePiTags: false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: function (tagName, jPath, attrs) {
    return tagName
  },
  // skipEmptyListItem: false
  captureMetaData: false,
  maxNestedTags: 100,
  strictReservedNames: true,
  jPath: true, // if true, pass jPath string to callbacks; if false, pass matcher instance
  onDangerousProperty: defaultOnDangerousProperty
};


/**
 * Validates that a property name is safe to use
 * @param {string} propertyName - The property name to validate
 * @param {string} optionName - The option field name (for error message)
 * @throws {Error} If property name is dangerous
 */
function validatePropertyName(propertyName, optionName) {
  if (typeof propertyName !== 'string') {
    return; // Only validate string property names
  }

  const normalized = propertyName.toLowerCase();
  if (DANGEROUS_PROPERTY_NAMES.some(dangerous => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }

  if (criticalProperties.some(dangerous => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
}

/**
 * Normalizes processEntities option for backward compatibility
 * @param {boolean|object} value 
 * @returns {object} Always returns normalized object
 */
function normalizeProcessEntities(value, htmlEntities) {
  // Boolean backward compatibility
  if (typeof value === 'boolean') {
    return {
      enabled: value, // true or false
      maxEntitySize: 10000,
      maxExpansionDepth: 10000,
      maxTotalExpansions: Infinity,
      maxExpandedLength: 100000,
      maxEntityCount: 1000,
      allowedTags: null,
      tagFilter: null,
      appliesTo: "all",
    };
  }

  // Object config - merge with defaults
  if (typeof value === 'object' && value !== null) {
    return {
      enabled: value.enabled !== false,
      maxEntitySize: Math.max(1, value.maxEntitySize ?? 10000),
      maxExpansionDepth: Math.max(1, value.maxExpansionDepth ?? 10000),
      maxTotalExpansions: Math.max(1, value.maxTotalExpansions ?? Infinity),
      maxExpandedLength: Math.max(1, value.maxExpandedLength ?? 100000),
      maxEntityCount: Math.max(1, value.maxEntityCount ?? 1000),
      allowedTags: value.allowedTags ?? null,
      tagFilter: value.tagFilter ?? null,
      appliesTo: value.appliesTo ?? "all",
    };
  }

  // Default to enabled with limits
  return normalizeProcessEntities(true);
}

const buildOptions = function (options) {
  const built = Object.assign({}, defaultOptions, options);

  // Validate property names to prevent prototype pollution
  const propertyNameOptions = [
    { value: built.attributeNamePrefix, name: 'attributeNamePrefix' },
    { value: built.attributesGroupName, name: 'attributesGroupName' },
    { value: built.textNodeName, name: 'textNodeName' },
    { value: built.cdataPropName, name: 'cdataPropName' },
    { value: built.commentPropName, name: 'commentPropName' }
  ];

  for (const { value, name } of propertyNameOptions) {
    if (value) {
      validatePropertyName(value, name);
    }
  }

  if (built.onDangerousProperty === null) {
    built.onDangerousProperty = defaultOnDangerousProperty;
  }

  // Always normalize processEntities for backward compatibility and validation
  built.processEntities = normalizeProcessEntities(built.processEntities, built.htmlEntities);
  built.unpairedTagsSet = new Set(built.unpairedTags);
  // Convert old-style stopNodes for backward compatibility
  if (built.stopNodes && Array.isArray(built.stopNodes)) {
    built.stopNodes = built.stopNodes.map(node => {
      if (typeof node === 'string' && node.startsWith('*.')) {
        // Old syntax: *.tagname meant "tagname anywhere"
        // Convert to new syntax: ..tagname
        return '..' + node.substring(2);
      }
      return node;
    });
  }
  //console.debug(built.processEntities)
  return built;
};
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/xmlNode.js


let METADATA_SYMBOL;

if (typeof Symbol !== "function") {
  METADATA_SYMBOL = "@@xmlMetadata";
} else {
  METADATA_SYMBOL = Symbol("XML Node Metadata");
}

class XmlNode {
  constructor(tagname) {
    this.tagname = tagname;
    this.child = []; //nested tags, text, cdata, comments in order
    this[":@"] = Object.create(null); //attributes map
  }
  add(key, val) {
    // this.child.push( {name : key, val: val, isCdata: isCdata });
    if (key === "__proto__") key = "#__proto__";
    this.child.push({ [key]: val });
  }
  addChild(node, startIndex) {
    if (node.tagname === "__proto__") node.tagname = "#__proto__";
    if (node[":@"] && Object.keys(node[":@"]).length > 0) {
      this.child.push({ [node.tagname]: node.child, [":@"]: node[":@"] });
    } else {
      this.child.push({ [node.tagname]: node.child });
    }
    // if requested, add the startIndex
    this.addStartIndex(startIndex);
  }

  addStartIndex(startIndex) {
    if (startIndex !== undefined) {
      // Note: for now we just overwrite the metadata. If we had more complex metadata,
      // we might need to do an object append here:  metadata = { ...metadata, startIndex }
      this.child[this.child.length - 1][METADATA_SYMBOL] = { startIndex };
    }
  }

  addEndIndex(endIndex) {
    const lastChild = this.child[this.child.length - 1];
    // endIndex is write-once: when updateTag drops a node, the last child is a
    // previously completed sibling whose endIndex must not be overwritten
    if (lastChild !== undefined && lastChild[METADATA_SYMBOL] !== undefined
      && lastChild[METADATA_SYMBOL].endIndex === undefined) {
      lastChild[METADATA_SYMBOL].endIndex = endIndex;
    }
  }
  /** symbol used for metadata */
  static getMetaDataSymbol() {
    return METADATA_SYMBOL;
  }
}

;// CONCATENATED MODULE: ./node_modules/xml-naming/src/index.js
/**
 * xml-naming
 * Validates XML Name productions as defined in the XML 1.0 and 1.1 specifications.
 * Covers: Name, NCName, QName, NMToken, NMTokens
 *
 * XML 1.0 spec: https://www.w3.org/TR/xml/#NT-Name
 * XML 1.1 spec: https://www.w3.org/TR/xml11/#NT-NameStartChar
 * XML NS spec:  https://www.w3.org/TR/xml-names/#NT-NCName
 */

// ---------------------------------------------------------------------------
// Character class strings — XML 1.0
//
// NameStartChar ::= ":" | [A-Z] | "_" | [a-z]
//   | [#xC0-#xD6]   | [#xD8-#xF6]   | [#xF8-#x2FF]
//   | [#x370-#x37D] | [#x37F-#x1FFF]    <- split to exclude #x0487
//   | [#x200C-#x200D]
//   | [#x2070-#x218F] | [#x2C00-#x2FEF]
//   | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD]
//
// NameChar ::= NameStartChar | "-" | "." | [0-9]
//   | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]
//
// Note: \u0487 (Combining Cyrillic Millions Sign) was added in Unicode 4.0,
// after XML 1.0 was defined against Unicode 2.0. It falls inside the range
// \u037F-\u1FFF but must be excluded. We split that range into
// \u037F-\u0486 and \u0488-\u1FFF to exclude it explicitly.
// ---------------------------------------------------------------------------

const nameStartChar10 =
  ':A-Za-z_' +
  '\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF' +
  '\u0370-\u037D' +
  '\u037F-\u0486\u0488-\u1FFF' +  // split to exclude \u0487
  '\u200C-\u200D' +
  '\u2070-\u218F' +
  '\u2C00-\u2FEF' +
  '\u3001-\uD7FF' +
  '\uF900-\uFDCF' +
  '\uFDF0-\uFFFD';

const nameChar10 =
  nameStartChar10 +
  '\\-\\.\\d' +
  '\u00B7' +
  '\u0300-\u036F' +
  '\u203F-\u2040';

// ---------------------------------------------------------------------------
// Character class strings — XML 1.1
//
// Differences from XML 1.0:
//
// NameStartChar:
//   1.0 has split ranges: \u00C0-\u00D6, \u00D8-\u00F6, \u00F8-\u02FF
//   1.1 merges them into: \u00C0-\u02FF
//   (\u00D7 x and \u00F7 / are division symbols, excluded in both versions)
//
//   1.0 tops out at \uFFFD (BMP only)
//   1.1 adds \u{10000}-\u{EFFFF} (supplementary planes)
//   These require the /u flag on the RegExp — see buildRegexes below.
//
// NameChar:
//   1.1 adds \u0487 (Combining Cyrillic Millions Sign, added in Unicode 4.0)
// ---------------------------------------------------------------------------

const nameStartChar11 =
  ':A-Za-z_' +
  '\u00C0-\u02FF' +                    // merged — 1.0 had three split ranges here
  '\u0370-\u037D' +
  '\u037F-\u0486\u0488-\u1FFF' +       // split to exclude \u0487 (combining mark, never a NameStartChar)
  '\u200C-\u200D' +
  '\u2070-\u218F' +
  '\u2C00-\u2FEF' +
  '\u3001-\uD7FF' +
  '\uF900-\uFDCF' +
  '\uFDF0-\uFFFD' +
  '\u{10000}-\u{EFFFF}';     // supplementary planes — REQUIRES /u flag on RegExp

const nameChar11 =
  nameStartChar11 +
  '\\-\\.\\d' +
  '\u00B7' +
  '\u0300-\u036F' +
  '\u0487' +                 // Combining Cyrillic Millions Sign — valid in 1.1, not 1.0
  '\u203F-\u2040';

// ---------------------------------------------------------------------------
// Regex builders
//
// XML 1.0 regexes: no flags — BMP only, standard JS regex behaviour.
// XML 1.1 regexes: /u flag — required for \u{10000}-\u{EFFFF} to match actual
//   supplementary code points rather than lone surrogates (which are illegal XML).
// ---------------------------------------------------------------------------

const buildRegexes = (startChar, char, flags = '') => {
  const ncStart = startChar.replace(':', '');
  const ncChar = char.replace(':', '');
  const ncNamePat = `[${ncStart}][${ncChar}]*`;

  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags),
  };
};

const regexes10 = buildRegexes(nameStartChar10, nameChar10);       // no /u — BMP only
const regexes11 = buildRegexes(nameStartChar11, nameChar11, 'u');  // /u — enables \u{10000}-\u{EFFFF}

// ---------------------------------------------------------------------------
// ASCII-only fast path (opt-in, off by default)
//
// The XML 1.0 vs 1.1 NameStartChar/NameChar productions differ *only* in
// their non-ASCII ranges (merged vs split Latin-1 ranges, \u0487, and
// supplementary planes). Restricted to ASCII, both versions collapse to the
// same character classes, so a single regex pair covers both xmlVersion
// values — no /u flag needed.
//
// Rationale: unicode-aware regexes (the /u flag, required for XML 1.1's
// supplementary-plane range) are measurably slower in V8 than plain
// non-unicode regexes on the same input, even when the input is pure ASCII.
// For the common case — HTML/SVG ids, XML tags — names are ASCII, so callers
// who know this can opt in to skip the unicode-aware matching path entirely.
// This is a real but *conditional* win: mainly for XML 1.1 input (avoids /u),
// or at scale where the larger unicode character classes add engine
// overhead. It also changes behaviour (rejects legitimate non-ASCII XML
// 1.0/1.1 names), so it must never be silently enabled — hence off by
// default.
// ---------------------------------------------------------------------------

const nameStartCharAscii = ':A-Za-z_';
const nameCharAscii = nameStartCharAscii + '\\-\\.\\d';

const regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii); // no /u — ASCII only

const getRegexes = (xmlVersion = '1.0', asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === '1.1' ? regexes11 : regexes10;
};

// ---------------------------------------------------------------------------
// Boolean validators
// ---------------------------------------------------------------------------

/**
 * Returns true if the string is a valid XML Name.
 * Colons are allowed anywhere (Name production).
 * Used for: DOCTYPE entity names, notation names, DTD element declarations.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const src_name = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).name.test(str);

/**
 * Returns true if the string is a valid NCName (Non-Colonized Name).
 * Colons are not permitted.
 * Used for: namespace prefixes, local names, SVG id attributes.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const ncName = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).ncName.test(str);

/**
 * Returns true if the string is a valid QName (Qualified Name).
 * Allows exactly one colon as a prefix separator: prefix:localName.
 * Used for: element and attribute names in namespace-aware XML/SVG.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const qName = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).qName.test(str);

/**
 * Returns true if the string is a valid NMToken.
 * Like Name but no restriction on the first character.
 * Used for: DTD NMTOKEN attribute values.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const nmToken = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).nmToken.test(str);

/**
 * Returns true if the string is a valid NMTokens value.
 * A whitespace-separated list of NMToken values.
 * Used for: DTD NMTOKENS attribute values.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const nmTokens = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).nmTokens.test(str);

// ---------------------------------------------------------------------------
// Memoized validator factory
//
// Real documents reuse a small vocabulary of tag/attribute names across many
// siblings (e.g. `id`, `class`, `href` repeated across hundreds of elements).
// The plain boolean validators above re-run the regex on every call
// regardless of repeats. `createValidator` returns a closure with a private
// string -> boolean cache, so repeated names after the first become O(1)
// lookups instead of regex tests.
//
// - opts (xmlVersion, asciiOnly) are fixed at creation time, so the regex is
//   resolved once, not on every call.
// - The cache is private to the returned closure — no shared/global state,
//   no cross-caller pollution.
// - `maxCacheSize` bounds memory: once the cache reaches this many entries,
//   it stops accepting new ones (existing entries keep serving hits; new
//   misses just fall through to the regex, uncached). This avoids unbounded
//   growth against adversarial/high-cardinality input (e.g. validating
//   attacker-supplied names with no repeats) without the cost/complexity of
//   a full LRU, and without the perf cliff of reset-and-refill thrashing.
// - Call `.reset()` on the returned function to clear the cache manually
//   (e.g. between unrelated parse calls).
// ---------------------------------------------------------------------------

const PRODUCTIONS = (/* unused pure expression or super */ null && (['name', 'ncName', 'qName', 'nmToken', 'nmTokens']));

/**
 * Returns a memoized boolean validator function for a single production,
 * with opts fixed at creation time.
 *
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean, maxCacheSize?: number }} [opts]
 *   maxCacheSize: max number of distinct strings to cache (default 2048).
 *   Once reached, new strings are validated but not cached; existing cached
 *   entries keep being served.
 * @returns {((str: string) => boolean) & { reset: () => void }}
 */
const createValidator = (production, { xmlVersion = '1.0', asciiOnly = false, maxCacheSize = 2048 } = {}) => {
  if (!PRODUCTIONS.includes(production)) {
    throw new TypeError(
      `Unknown production "${production}". Must be one of: ${PRODUCTIONS.join(', ')}`
    );
  }

  const regex = getRegexes(xmlVersion, asciiOnly)[production];
  let cache = new Map();

  const validator = (str) => {
    const cached = cache.get(str);
    if (cached !== undefined) return cached;

    const result = regex.test(str);
    if (cache.size < maxCacheSize) cache.set(str, result);
    return result;
  };

  validator.reset = () => { cache = new Map(); };

  return validator;
};

// ---------------------------------------------------------------------------
// Diagnostic validator
// ---------------------------------------------------------------------------

/**
 * Validates a string against a named production and returns a detailed result.
 *
 * @param {string} str
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 * @returns {{ valid: boolean, production: string, input: string, reason?: string, position?: number }}
 */
const validate = (str, production, { xmlVersion = '1.0', asciiOnly = false } = {}) => {
  if (!PRODUCTIONS.includes(production)) {
    throw new TypeError(
      `Unknown production "${production}". Must be one of: ${PRODUCTIONS.join(', ')}`
    );
  }

  const validators = { name: src_name, ncName, qName, nmToken, nmTokens };
  const isValid = validators[production](str, { xmlVersion, asciiOnly });

  if (isValid) return { valid: true, production, input: str };

  let reason = 'Does not match the production rules';
  let position;

  // Diagnostic fallback char checks must mirror the same character set the
  // boolean validator above used, or the reported reason/position could
  // contradict the `valid: false` result (e.g. flagging a char as illegal
  // that the unicode-aware check would have accepted).
  const startCharPattern = asciiOnly ? /^[:A-Za-z_]/ : /^[:A-Za-z_\u00C0-\uFFFD]/;
  const namePattern = asciiOnly ? /[\w\-\\.:]/ : /[\w\-\\.:\u00B7\u00C0-\uFFFD]/;

  if (str.length === 0) {
    reason = 'Input is empty';
  } else if (production === 'ncName' && str.includes(':')) {
    position = str.indexOf(':');
    reason = 'Colon is not allowed in NCName';
  } else if (production === 'qName' && str.startsWith(':')) {
    reason = 'QName cannot start with a colon';
    position = 0;
  } else if (production === 'qName' && str.endsWith(':')) {
    reason = 'QName cannot end with a colon';
    position = str.length - 1;
  } else if (production === 'qName' && (str.match(/:/g) || []).length > 1) {
    reason = 'QName can have at most one colon';
    position = str.lastIndexOf(':');
  } else if (
    ['name', 'ncName', 'qName'].includes(production) &&
    !startCharPattern.test(str[0])
  ) {
    reason = `First character "${str[0]}" is not a valid NameStartChar`;
    position = 0;
  } else {
    for (let i = 0; i < str.length; i++) {
      if (!namePattern.test(str[i])) {
        reason = `Character "${str[i]}" at position ${i} is not a valid NameChar`;
        position = i;
        break;
      }
    }
  }

  return { valid: false, production, input: str, reason, position };
};

// ---------------------------------------------------------------------------
// Batch validator
// ---------------------------------------------------------------------------

/**
 * Validates an array of strings against a named production.
 *
 * @param {string[]} strings
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 * @returns {Array<{ valid: boolean, production: string, input: string, reason?: string, position?: number }>}
 */
const validateAll = (strings, production, opts = {}) =>
  strings.map(str => validate(str, production, opts));

// ---------------------------------------------------------------------------
// Sanitizer
// ---------------------------------------------------------------------------

/**
 * Transforms an invalid string into the nearest valid XML name for the given production.
 *
 * @param {string} str
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ replacement?: string, asciiOnly?: boolean }} [opts]
 *   asciiOnly: also replace any non-ASCII character, not just XML-illegal
 *   ones (default false).
 * @returns {string}
 */
const sanitize = (str, production = 'name', { replacement = '_', asciiOnly = false } = {}) => {
  if (!str) return replacement;

  let result = str;

  // Strip colons for NCName
  if (production === 'ncName') {
    result = result.replace(/:/g, '');
  }

  // Replace illegal characters
  const allowedCharPattern = asciiOnly ? /[^\w\-\.:]/g : /[^\w\-\.:\u00B7\u00C0-\uFFFD]/g;
  result = result.replace(allowedCharPattern, replacement);

  // Fix invalid start character for Name / NCName / QName
  if (production !== 'nmToken' && production !== 'nmTokens') {
    if (/^[\-\.\d]/.test(result)) {
      result = replacement + result;
    }
  }

  return result || replacement;
};
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/DocTypeReader.js


class DocTypeReader {
    constructor(options, xmlVersion) {
        this.suppressValidationErr = !options;
        this.options = options;
        this.xmlVersion = xmlVersion || 1.0;
    }

    setXmlVersion(xmlVersion = 1.0) {
        this.xmlVersion = xmlVersion;
    }
    readDocType(xmlData, i) {
        const entities = Object.create(null);
        let entityCount = 0;

        if (xmlData[i + 3] === 'O' &&
            xmlData[i + 4] === 'C' &&
            xmlData[i + 5] === 'T' &&
            xmlData[i + 6] === 'Y' &&
            xmlData[i + 7] === 'P' &&
            xmlData[i + 8] === 'E') {
            i = i + 9;
            let angleBracketsCount = 1;
            let hasBody = false, comment = false;
            let quoteChar = null; // tracks an open SYSTEM/PUBLIC literal before the '[' body
            let exp = "";
            for (; i < xmlData.length; i++) {
                // Inside a quoted external-identifier literal — XML allows '<'
                // and '>' as plain data here, so they must not be interpreted
                // as DOCTYPE structure until the matching quote closes.
                if (quoteChar !== null) {
                    if (xmlData[i] === quoteChar) quoteChar = null;
                    exp += xmlData[i];
                    continue;
                }
                if (!hasBody && !comment && (xmlData[i] === '"' || xmlData[i] === "'")) {
                    quoteChar = xmlData[i];
                    exp += xmlData[i];
                    continue;
                }

                if (xmlData[i] === '<' && !comment) { //Determine the tag type
                    if (hasBody && hasSeq(xmlData, "!ENTITY", i)) {
                        i += 7;
                        let entityName, val;
                        [entityName, val, i] = this.readEntityExp(xmlData, i + 1, this.suppressValidationErr);
                        if (val.indexOf("&") === -1) { //Parameter entities are not supported
                            if (this.options.enabled !== false &&
                                this.options.maxEntityCount != null &&
                                entityCount >= this.options.maxEntityCount) {
                                throw new Error(
                                    `Entity count (${entityCount + 1}) exceeds maximum allowed (${this.options.maxEntityCount})`
                                );
                            }
                            //const escaped = entityName.replace(/[.\-+*:]/g, '\\.');
                            //const escaped = entityName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
                            entities[entityName] = val;
                            entityCount++;
                        }
                    }
                    else if (hasBody && hasSeq(xmlData, "!ELEMENT", i)) {
                        i += 8;//Not supported
                        const { index } = this.readElementExp(xmlData, i + 1);
                        i = index;
                    } else if (hasBody && hasSeq(xmlData, "!ATTLIST", i)) {
                        i += 8;//Not supported
                        // const {index} = this.readAttlistExp(xmlData,i+1);
                        // i = index;
                    } else if (hasBody && hasSeq(xmlData, "!NOTATION", i)) {
                        i += 9;//Not supported
                        const { index } = this.readNotationExp(xmlData, i + 1, this.suppressValidationErr);
                        i = index;
                    } else if (hasSeq(xmlData, "!--", i)) comment = true;
                    else throw new Error(`Invalid DOCTYPE`);

                    angleBracketsCount++;
                    exp = "";
                } else if (xmlData[i] === '>') { //Read tag content
                    if (comment) {
                        if (xmlData[i - 1] === "-" && xmlData[i - 2] === "-") {
                            comment = false;
                            angleBracketsCount--;
                        }
                    } else {
                        angleBracketsCount--;
                    }
                    if (angleBracketsCount === 0) {
                        break;
                    }
                } else if (xmlData[i] === '[') {
                    hasBody = true;
                } else {
                    exp += xmlData[i];
                }
            }
            if (quoteChar !== null || angleBracketsCount !== 0) {
                throw new Error(`Unclosed DOCTYPE`);
            }
        } else {
            throw new Error(`Invalid Tag instead of DOCTYPE`);
        }
        return { entities, i };
    }
    readEntityExp(xmlData, i) {
        //External entities are not supported
        //    <!ENTITY ext SYSTEM "http://normal-website.com" >

        //Parameter entities are not supported
        //    <!ENTITY entityname "&anotherElement;">

        //Internal entities are supported
        //    <!ENTITY entityname "replacement text">

        // Skip leading whitespace after <!ENTITY
        i = skipWhitespace(xmlData, i);

        // Read entity name
        const startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i]) && xmlData[i] !== '"' && xmlData[i] !== "'") {
            i++;
        }
        let entityName = xmlData.substring(startIndex, i);

        validateEntityName(entityName, { xmlVersion: this.xmlVersion });

        // Skip whitespace after entity name
        i = skipWhitespace(xmlData, i);

        // Check for unsupported constructs (external entities or parameter entities)
        if (!this.suppressValidationErr) {
            if (xmlData.substring(i, i + 6).toUpperCase() === "SYSTEM") {
                throw new Error("External entities are not supported");
            } else if (xmlData[i] === "%") {
                throw new Error("Parameter entities are not supported");
            }
        }

        // Read entity value (internal entity)
        let entityValue = "";
        [i, entityValue] = this.readIdentifierVal(xmlData, i, "entity");

        // Validate entity size
        if (this.options.enabled !== false &&
            this.options.maxEntitySize != null &&
            entityValue.length > this.options.maxEntitySize) {
            throw new Error(
                `Entity "${entityName}" size (${entityValue.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`
            );
        }

        i--;
        return [entityName, entityValue, i];
    }

    readNotationExp(xmlData, i) {
        // Skip leading whitespace after <!NOTATION
        i = skipWhitespace(xmlData, i);

        // Read notation name

        const startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let notationName = xmlData.substring(startIndex, i);

        !this.suppressValidationErr && validateEntityName(notationName, { xmlVersion: this.xmlVersion });

        // Skip whitespace after notation name
        i = skipWhitespace(xmlData, i);

        // Check identifier type (SYSTEM or PUBLIC)
        const identifierType = xmlData.substring(i, i + 6).toUpperCase();
        if (!this.suppressValidationErr && identifierType !== "SYSTEM" && identifierType !== "PUBLIC") {
            throw new Error(`Expected SYSTEM or PUBLIC, found "${identifierType}"`);
        }
        i += identifierType.length;

        // Skip whitespace after identifier type
        i = skipWhitespace(xmlData, i);

        // Read public identifier (if PUBLIC)
        let publicIdentifier = null;
        let systemIdentifier = null;

        if (identifierType === "PUBLIC") {
            [i, publicIdentifier] = this.readIdentifierVal(xmlData, i, "publicIdentifier");

            // Skip whitespace after public identifier
            i = skipWhitespace(xmlData, i);

            // Optionally read system identifier
            if (xmlData[i] === '"' || xmlData[i] === "'") {
                [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
            }
        } else if (identifierType === "SYSTEM") {
            // Read system identifier (mandatory for SYSTEM)
            [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");

            if (!this.suppressValidationErr && !systemIdentifier) {
                throw new Error("Missing mandatory system identifier for SYSTEM notation");
            }
        }

        return { notationName, publicIdentifier, systemIdentifier, index: --i };
    }

    readIdentifierVal(xmlData, i, type) {
        let identifierVal = "";
        const startChar = xmlData[i];
        if (startChar !== '"' && startChar !== "'") {
            throw new Error(`Expected quoted string, found "${startChar}"`);
        }
        i++;

        const startIndex = i;
        while (i < xmlData.length && xmlData[i] !== startChar) {
            i++;
        }
        identifierVal = xmlData.substring(startIndex, i);

        if (xmlData[i] !== startChar) {
            throw new Error(`Unterminated ${type} value`);
        }
        i++;
        return [i, identifierVal];
    }

    readElementExp(xmlData, i) {
        // <!ELEMENT br EMPTY>
        // <!ELEMENT div ANY>
        // <!ELEMENT title (#PCDATA)>
        // <!ELEMENT book (title, author+)>
        // <!ELEMENT name (content-model)>

        // Skip leading whitespace after <!ELEMENT
        i = skipWhitespace(xmlData, i);

        // Read element name
        const startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let elementName = xmlData.substring(startIndex, i);

        // Validate element name
        if (!this.suppressValidationErr && !qName(elementName, { xmlVersion: this.xmlVersion })) {
            throw new Error(`Invalid element name: "${elementName}"`);
        }

        // Skip whitespace after element name
        i = skipWhitespace(xmlData, i);
        let contentModel = "";
        // Expect '(' to start content model
        if (xmlData[i] === "E" && hasSeq(xmlData, "MPTY", i)) i += 4;
        else if (xmlData[i] === "A" && hasSeq(xmlData, "NY", i)) i += 2;
        else if (xmlData[i] === "(") {
            i++; // Move past '('

            // Read content model
            const startIndex = i;
            while (i < xmlData.length && xmlData[i] !== ")") {
                i++;
            }
            contentModel = xmlData.substring(startIndex, i);

            if (xmlData[i] !== ")") {
                throw new Error("Unterminated content model");
            }

        } else if (!this.suppressValidationErr) {
            throw new Error(`Invalid Element Expression, found "${xmlData[i]}"`);
        }

        return {
            elementName,
            contentModel: contentModel.trim(),
            index: i
        };
    }

    readAttlistExp(xmlData, i) {
        // Skip leading whitespace after <!ATTLIST
        i = skipWhitespace(xmlData, i);

        // Read element name
        let startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let elementName = xmlData.substring(startIndex, i);

        // Validate element name
        validateEntityName(elementName, { xmlVersion: this.xmlVersion })

        // Skip whitespace after element name
        i = skipWhitespace(xmlData, i);

        // Read attribute name
        startIndex = i;
        while (i < xmlData.length && !/\s/.test(xmlData[i])) {
            i++;
        }
        let attributeName = xmlData.substring(startIndex, i);

        // Validate attribute name
        if (!validateEntityName(attributeName, { xmlVersion: this.xmlVersion })) {
            throw new Error(`Invalid attribute name: "${attributeName}"`);
        }

        // Skip whitespace after attribute name
        i = skipWhitespace(xmlData, i);

        // Read attribute type
        let attributeType = "";
        if (xmlData.substring(i, i + 8).toUpperCase() === "NOTATION") {
            attributeType = "NOTATION";
            i += 8; // Move past "NOTATION"

            // Skip whitespace after "NOTATION"
            i = skipWhitespace(xmlData, i);

            // Expect '(' to start the list of notations
            if (xmlData[i] !== "(") {
                throw new Error(`Expected '(', found "${xmlData[i]}"`);
            }
            i++; // Move past '('

            // Read the list of allowed notations
            let allowedNotations = [];
            while (i < xmlData.length && xmlData[i] !== ")") {


                const startIndex = i;
                while (i < xmlData.length && xmlData[i] !== "|" && xmlData[i] !== ")") {
                    i++;
                }
                let notation = xmlData.substring(startIndex, i);

                // Validate notation name
                notation = notation.trim();
                if (!validateEntityName(notation, { xmlVersion: this.xmlVersion })) {
                    throw new Error(`Invalid notation name: "${notation}"`);
                }

                allowedNotations.push(notation);

                // Skip '|' separator or exit loop
                if (xmlData[i] === "|") {
                    i++; // Move past '|'
                    i = skipWhitespace(xmlData, i); // Skip optional whitespace after '|'
                }
            }

            if (xmlData[i] !== ")") {
                throw new Error("Unterminated list of notations");
            }
            i++; // Move past ')'

            // Store the allowed notations as part of the attribute type
            attributeType += " (" + allowedNotations.join("|") + ")";
        } else {
            // Handle simple types (e.g., CDATA, ID, IDREF, etc.)
            const startIndex = i;
            while (i < xmlData.length && !/\s/.test(xmlData[i])) {
                i++;
            }
            attributeType += xmlData.substring(startIndex, i);

            // Validate simple attribute type
            const validTypes = ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"];
            if (!this.suppressValidationErr && !validTypes.includes(attributeType.toUpperCase())) {
                throw new Error(`Invalid attribute type: "${attributeType}"`);
            }
        }

        // Skip whitespace after attribute type
        i = skipWhitespace(xmlData, i);

        // Read default value
        let defaultValue = "";
        if (xmlData.substring(i, i + 8).toUpperCase() === "#REQUIRED") {
            defaultValue = "#REQUIRED";
            i += 8;
        } else if (xmlData.substring(i, i + 7).toUpperCase() === "#IMPLIED") {
            defaultValue = "#IMPLIED";
            i += 7;
        } else {
            [i, defaultValue] = this.readIdentifierVal(xmlData, i, "ATTLIST");
        }

        return {
            elementName,
            attributeName,
            attributeType,
            defaultValue,
            index: i
        }
    }
}



const skipWhitespace = (data, index) => {
    while (index < data.length && /\s/.test(data[index])) {
        index++;
    }
    return index;
};



function hasSeq(data, seq, i) {
    for (let j = 0; j < seq.length; j++) {
        if (seq[j] !== data[i + j + 1]) return false;
    }
    return true;
}

function validateEntityName(name, xmlVersion) {
    if (qName(name, { xmlVersion: xmlVersion }))
        return name;
    else
        throw new Error(`Invalid entity name ${name}`);
}
;// CONCATENATED MODULE: ./node_modules/anynum/digitTable.js
/**
 * Flat lookup table: maps Unicode code point → ASCII digit (0-9).
 * Only decimal digit characters (Unicode category Nd) are included.
 *
 * Strategy: Int32Array of size (maxCodePoint - minCodePoint + 1).
 * Value 0xFF means "not a digit". Value 0-9 is the ASCII digit value.
 * This gives O(1) lookup with no branching, no bisect, no loop.
 *
 * Memory: range is 0x0660 to 0x1FBF0 → ~129,936 entries × 1 byte = ~127 KB.
 * Acceptable for a one-time init; lookup is a single array index.
 */

// All known Unicode Nd (decimal digit) script zero code points.
// Each script has exactly 10 consecutive digits: zero+0 .. zero+9.
const SCRIPT_ZEROS = [
  // Basic Latin (ASCII) — included for completeness / pass-through
  0x0030, // 0-9

  // Arabic scripts
  0x0660, // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
  0x06F0, // Extended Arabic-Indic (Urdu/Persian/Sindhi) ۰۱۲۳

  // Indic scripts
  0x0966, // Devanagari ०१२३४५६७८९
  0x09E6, // Bengali ০১২৩৪৫৬৭৮৯
  0x0A66, // Gurmukhi ੦੧੨੩੪੫੬੭੮੯
  0x0AE6, // Gujarati ૦૧૨૩૪૫૬૭૮૯
  0x0B66, // Odia ୦୧୨୩୪୫୬୭୮୯
  0x0BE6, // Tamil ௦௧௨௩௪௫௬௭௮௯
  0x0C66, // Telugu ౦౧౨౩౪౫౬౭౮౯
  0x0CE6, // Kannada ೦೧೨೩೪೫೬೭೮೯
  0x0D66, // Malayalam ൦൧൨൩൪൫൬൭൮൯
  0x0DE6, // Sinhala Archaic ෦෧෨෩෪෫෬෭෮෯

  // Southeast Asian scripts
  0x0E50, // Thai ๐๑๒๓๔๕๖๗๘๙
  0x0ED0, // Lao ໐໑໒໓໔໕໖໗໘໙
  0x0F20, // Tibetan ༠༡༢༣༤༥༦༧༨༩
  0x1040, // Myanmar ၀၁၂၃၄၅၆၇၈၉
  0x1090, // Myanmar Shan ႐႑႒႓႔႕႖႗႘႙
  0x17E0, // Khmer ០១២៣៤៥៦៧៨៩
  0x1810, // Mongolian ᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙
  0x1946, // Limbu ᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏
  0x19D0, // New Tai Lue ᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙
  0x1A80, // Tai Tham Hora ᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉
  0x1A90, // Tai Tham Tham ᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙
  0x1B50, // Balinese ᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙
  0x1BB0, // Sundanese ᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹
  0x1C40, // Lepcha ᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉
  0x1C50, // Ol Chiki ᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙

  // Fullwidth (CJK context)
  0xFF10, // Fullwidth ０１２３４５６７８９

  // Mathematical digit variants (Unicode math block)
  0x1D7CE, // Mathematical Bold
  0x1D7D8, // Mathematical Double-Struck
  0x1D7E2, // Mathematical Sans-Serif
  0x1D7EC, // Mathematical Sans-Serif Bold
  0x1D7F6, // Mathematical Monospace

  // Other scripts
  0x104A0, // Osmanya 𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩
  0x10D30, // Hanifi Rohingya 𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹
  0x11066, // Brahmi 𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯
  0x110F0, // Sora Sompeng 𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹
  0x11136, // Chakma 𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿
  0x111D0, // Sharada 𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙
  0x112F0, // Khudawadi 𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹
  0x11450, // Newa 𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙
  0x114D0, // Tirhuta 𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙
  0x11650, // Modi 𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙
  0x116C0, // Takri 𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉
  0x11730, // Ahom 𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹
  0x118E0, // Warang Citi 𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩
  0x11950, // Dives Akuru 𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙
  0x11BF0, // Khitan Small Script 𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹
  0x11C50, // Bhaiksuki 𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙
  0x11D50, // Masaram Gondi 𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙
  0x11DA0, // Gunjala Gondi 𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩
  0x11F50, // Kawi 𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙
  0x16A60, // Mro 𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩
  0x16AC0, // Tangsa 𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉
  0x16B50, // Pahawh Hmong 𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙
  0x1E140, // Nyiakeng Puachue Hmong 𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉
  0x1E2F0, // Wancho 𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹
  0x1E4F0, // Nag Mundari 𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹
  0x1E950, // Adlam 𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙
  0x1FBF0, // Segmented digit symbols 🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹
];

// Build a sparse Map for scripts above 0xFFFF (surrogate-pair range).
// These can't go into a flat Uint8Array indexed by code point efficiently.
const NOT_DIGIT = 0xFF;
const HIGH_MAP = new Map(); // codePoint → digit value (0-9)

const LOW_MAX = 0xFFFF;
const LOW_MIN = 0x0660; // first non-ASCII digit script

// Flat Uint8Array covering 0x0660 .. 0xFFFF
const TABLE_OFFSET = LOW_MIN;
const TABLE_SIZE = LOW_MAX - LOW_MIN + 1;
const TABLE = new Uint8Array(TABLE_SIZE).fill(NOT_DIGIT);

for (const zero of SCRIPT_ZEROS) {
  for (let d = 0; d < 10; d++) {
    const cp = zero + d;
    if (cp <= LOW_MAX) {
      TABLE[cp - TABLE_OFFSET] = d;
    } else {
      HIGH_MAP.set(cp, d);
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/anynum/anynum.js




const CHAR_0 = 48; // '0'.charCodeAt(0)
const CHAR_9 = 57; // '9'.charCodeAt(0)
const CHAR_MINUS = 45; // '-'.charCodeAt(0)

// Unicode minus/hyphen variants worth normalizing to ASCII '-' in numeric context:
//   U+2212  MINUS SIGN       − (mathematically correct minus)
//   U+FF0D  FULLWIDTH HYPHEN-MINUS  － (Japanese fullwidth context)
//   U+FE63  SMALL HYPHEN-MINUS     ﹣ (small form variant)
//
// NOT normalized (deliberate):
//   U+2013  EN DASH  –  (punctuation, not a numeric sign)
//   U+2014  EM DASH  —  (punctuation)
//   U+2010  HYPHEN   ‐  (typographic hyphen)
//
// Rationale: only characters a human or locale formatter would plausibly use
// as a numeric minus sign are normalized. Dashes used for punctuation are left
// alone to avoid mangling non-numeric strings.
const MINUS_SET = new Set([0x2212, 0xFF0D, 0xFE63]);

/**
 * Normalize all Unicode decimal digit characters in a string to ASCII (0-9),
 * and normalize Unicode minus variants to ASCII '-' (U+002D).
 *
 * Non-digit, non-minus characters are passed through unchanged.
 *
 * Performance design:
 * - Fast path: if the string has no convertible characters, return it unchanged
 *   (zero allocation).
 * - BMP digits (0x0660..0xFFFF excl. surrogates): flat Uint8Array lookup (O(1)).
 * - Supplementary plane digits (> 0xFFFF, encoded as surrogate pairs): Map lookup.
 * - Minus variants: checked inline with a small fixed Set.
 *
 * @param {string} str
 * @returns {string}
 */
function anynum(str) {
  if (typeof str !== 'string') return str;

  const len = str.length;
  if (len === 0) return str;

  // Scan for first character needing conversion.
  // If none found, return original string (zero allocation).
  let firstHit = -1;

  for (let i = 0; i < len; i++) {
    const cc = str.charCodeAt(i);

    // ASCII digit or ASCII minus — already normalized, skip fast
    if ((cc >= CHAR_0 && cc <= CHAR_9) || cc === CHAR_MINUS) continue;

    // Below first unicode digit script — check minus variants only
    if (cc < TABLE_OFFSET) {
      if (MINUS_SET.has(cc)) { firstHit = i; break; }
      continue;
    }

    // Surrogate pairs live in BMP range 0xD800-0xDFFF — check before TABLE
    if (cc >= 0xD800 && cc <= 0xDBFF) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          const cp = 0x10000 + ((cc - 0xD800) << 10) + (low - 0xDC00);
          if (HIGH_MAP.has(cp)) { firstHit = i; break; }
        }
      }
      continue;
    }

    // BMP non-surrogate: flat table lookup; also check minus variants in this range
    if (TABLE[cc - TABLE_OFFSET] !== NOT_DIGIT || MINUS_SET.has(cc)) {
      firstHit = i;
      break;
    }
  }

  // Nothing to replace — return original, zero allocation
  if (firstHit === -1) return str;

  // Build result: copy unchanged prefix, then convert from firstHit onward
  const chars = [];

  if (firstHit > 0) chars.push(str.slice(0, firstHit));

  for (let i = firstHit; i < len; i++) {
    const cc = str.charCodeAt(i);

    // ASCII digit or ASCII minus — pass through
    if ((cc >= CHAR_0 && cc <= CHAR_9) || cc === CHAR_MINUS) {
      chars.push(str[i]);
      continue;
    }

    // Below TABLE_OFFSET — check minus variants, else pass through
    if (cc < TABLE_OFFSET) {
      chars.push(MINUS_SET.has(cc) ? '-' : str[i]);
      continue;
    }

    // Surrogate pairs
    if (cc >= 0xD800 && cc <= 0xDBFF) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          const cp = 0x10000 + ((cc - 0xD800) << 10) + (low - 0xDC00);
          const d = HIGH_MAP.get(cp);
          if (d !== undefined) {
            chars.push(String.fromCharCode(d + 48));
            i++; // consume low surrogate
            continue;
          }
        }
      }
      chars.push(str[i]);
      continue;
    }

    // BMP non-surrogate: flat table lookup + minus variants
    if (MINUS_SET.has(cc)) {
      chars.push('-');
      continue;
    }
    const d = TABLE[cc - TABLE_OFFSET];
    chars.push(d !== NOT_DIGIT ? String.fromCharCode(d + 48) : str[i]);
  }

  return chars.join('');
}


/* harmony default export */ const anynum_anynum = (anynum);
;// CONCATENATED MODULE: ./node_modules/strnum/strnum.js
const hexRegex = /^[-+]?0x[a-fA-F0-9]+$/;
const binRegex = /^0b[01]+$/;
const octRegex = /^0o[0-7]+$/;
const numRegex = /^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/;



const consider = {
    hex: true,
    binary: false,
    octal: false,
    leadingZeros: true,
    decimalPoint: "\.",
    eNotation: true,
    //skipLike: /regex/,
    infinity: "original", // "null", "infinity" (Infinity type), "string" ("Infinity" (the string literal))
    unicode: false,
};

function toNumber(str, options = {}) {
    options = Object.assign({}, consider, options);
    if (!str || typeof str !== "string") return str;

    let trimmedStr = str.trim();

    if (trimmedStr.length === 0) return str;
    else if (options.skipLike !== undefined && options.skipLike.test(trimmedStr)) return str;
    else if (trimmedStr === "0") return 0;

    if (options.unicode) {
        trimmedStr = anynum_anynum(trimmedStr);
        if (trimmedStr === "0") return 0; // re-check after normalization
    }
    if (options.hex && hexRegex.test(trimmedStr)) {
        return parse_int(trimmedStr, 16);
    } else if (options.binary && binRegex.test(trimmedStr)) {
        return parse_int(trimmedStr, 2);
    } else if (options.octal && octRegex.test(trimmedStr)) {
        return parse_int(trimmedStr, 8);
    } else if (!isFinite(trimmedStr)) { //Infinity or not a number
        const num = Number(trimmedStr);
        if (Number.isNaN(num)) return str; //not a number: always the original string
        return handleInfinity(str, num, options); //only +/-Infinity reaches here
    } else if (trimmedStr.includes('e') || trimmedStr.includes('E')) { //eNotation
        return resolveEnotation(str, trimmedStr, options);
    } else {
        //separate negative sign, leading zeros, and rest number
        const match = numRegex.exec(trimmedStr);
        // +00.123 => [ , '+', '00', '.123', ..
        if (match) {
            const sign = match[1] || "";
            const leadingZeros = match[2];
            let numTrimmedByZeros = trimZeros(match[3]); //complete num without leading zeros
            const decimalAdjacentToLeadingZeros = sign ? // 0., -00., 000.
                trimmedStr[leadingZeros.length + 1] === "."
                : trimmedStr[leadingZeros.length] === ".";

            //trim ending zeros for floating number
            if (!options.leadingZeros //leading zeros are not allowed
                && (leadingZeros.length > 1
                    || (leadingZeros.length === 1 && !decimalAdjacentToLeadingZeros))) {
                // 00, 00.3, +03.24, 03, 03.24
                return str;
            }
            else {//no leading zeros or leading zeros are allowed
                const num = Number(trimmedStr);
                const parsedStr = String(num);

                if (num === 0) return num;
                if (parsedStr.search(/[eE]/) !== -1) { //given number is long and parsed to eNotation
                    if (options.eNotation) return num;
                    else return str;
                } else if (trimmedStr.indexOf(".") !== -1) { //floating number
                    if (parsedStr === "0") return num; //0.0
                    else if (parsedStr === numTrimmedByZeros) return num; //0.456. 0.79000
                    else if (parsedStr === `${sign}${numTrimmedByZeros}`) return num;
                    else return str;
                }

                let n = leadingZeros ? numTrimmedByZeros : trimmedStr;
                if (leadingZeros) {
                    // -009 => -9
                    return (n === parsedStr) || (sign + n === parsedStr) ? num : str
                } else {
                    // +9
                    return (n === parsedStr) || (n === sign + parsedStr) ? num : str
                }
            }
        } else { //non-numeric string
            return str;
        }
    }
}

const eNotationRegx = /^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;
function resolveEnotation(str, trimmedStr, options) {
    if (!options.eNotation) return str;
    const notation = trimmedStr.match(eNotationRegx);
    if (notation) {
        let sign = notation[1] || "";
        const eChar = notation[3].indexOf("e") === -1 ? "E" : "e";
        const leadingZeros = notation[2];
        const eAdjacentToLeadingZeros = sign ? // 0E.
            trimmedStr[leadingZeros.length + 1] === eChar
            : trimmedStr[leadingZeros.length] === eChar;

        if (leadingZeros.length > 1 && eAdjacentToLeadingZeros) return str;
        else if (leadingZeros.length === 1
            && (notation[3].startsWith(`.${eChar}`) || notation[3][0] === eChar)) {
            return Number(trimmedStr);
        } else if (leadingZeros.length > 0) {
            // Has leading zeros — only accept if leadingZeros option allows it
            if (options.leadingZeros && !eAdjacentToLeadingZeros) {
                return Number(trimmedStr); // Number() accepts leading zeros; stripping can leave a mantissa-less ".e0"
            } else return str;
        } else {
            // No leading zeros — always valid e-notation, parse it
            return Number(trimmedStr);
        }
    } else {
        return str;
    }
}

/**
 * 
 * @param {string} numStr without leading zeros
 * @returns 
 */
function trimZeros(numStr) {
    if (numStr && numStr.indexOf(".") !== -1) {//float
        //remove ending zeros without the O(n^2) backtracking that /0+$/ hits
        //when the string doesn't end in 0 but has a long internal zero-run
        let end = numStr.length;
        while (end > 0 && numStr.charCodeAt(end - 1) === 48 /* '0' */) end--;
        numStr = numStr.slice(0, end);
        if (numStr === ".") numStr = "0";
        else if (numStr[0] === ".") numStr = "0" + numStr;
        else if (numStr[numStr.length - 1] === ".") numStr = numStr.substring(0, numStr.length - 1);
        return numStr;
    }
    return numStr;
}

function parse_int(numStr, base) {
    const str = numStr.trim();
    if (base === 2 || base === 8) numStr = str.substring(2);

    if (parseInt) return parseInt(numStr, base);
    else if (Number.parseInt) return Number.parseInt(numStr, base);
    else if (window && window.parseInt) return window.parseInt(numStr, base);
    else throw new Error("parseInt, Number.parseInt, window.parseInt are not supported");
}

/**
 * Handle infinite values based on user option
 * @param {string} str - original input string
 * @param {number} num - parsed number (Infinity or -Infinity)
 * @param {object} options - user options
 * @returns {string|number|null} based on infinity option
 */
function handleInfinity(str, num, options) {
    const isPositive = num === Infinity;

    switch (options.infinity.toLowerCase()) {
        case "null":
            return null;
        case "infinity":
            return num; // Return Infinity or -Infinity
        case "string":
            return isPositive ? "Infinity" : "-Infinity";
        case "original":
        default:
            return str; // Return original string like "1e1000"
    }
}

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
    if (typeof ignoreAttributes === 'function') {
        return ignoreAttributes
    }
    if (Array.isArray(ignoreAttributes)) {
        return (attrName) => {
            for (const pattern of ignoreAttributes) {
                if (typeof pattern === 'string' && attrName === pattern) {
                    return true
                }
                if (pattern instanceof RegExp && pattern.test(attrName)) {
                    return true
                }
            }
        }
    }
    return () => false
}
;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/Matcher.js


/**
 * MatcherView - A lightweight read-only view over a Matcher's internal state.
 *
 * Created once by Matcher and reused across all callbacks. Holds a direct
 * reference to the parent Matcher so it always reflects current parser state
 * with zero copying or freezing overhead.
 *
 * Users receive this via {@link Matcher#readOnly} or directly from parser
 * callbacks. It exposes all query and matching methods but has no mutation
 * methods — misuse is caught at the TypeScript level rather than at runtime.
 *
 * @example
 * const matcher = new Matcher();
 * const view = matcher.readOnly();
 *
 * matcher.push("root", {});
 * view.getCurrentTag(); // "root"
 * view.getDepth();      // 1
 */
class MatcherView {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }

  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }

  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].tag : undefined;
  }

  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].namespace : undefined;
  }

  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return undefined;
    return path[path.length - 1].values?.[attrName];
  }

  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return false;
    const current = path[path.length - 1];
    return current.values !== undefined && attrName in current.values;
  }

  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }

  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }

  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].position ?? 0;
  }

  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].counter ?? 0;
  }

  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }

  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }

  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }

  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map(n => n.tag);
  }

  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }

  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
}

/**
 * Matcher - Tracks current path in XML/JSON tree and matches against Expressions.
 *
 * The matcher maintains a stack of nodes representing the current path from root to
 * current tag. It only stores attribute values for the current (top) node to minimize
 * memory usage. Sibling tracking is used to auto-calculate position and counter.
 *
 * Use {@link Matcher#readOnly} to obtain a {@link MatcherView} safe to pass to
 * user callbacks — it always reflects current state with no Proxy overhead.
 *
 * @example
 * const matcher = new Matcher();
 * matcher.push("root", {});
 * matcher.push("users", {});
 * matcher.push("user", { id: "123", type: "admin" });
 *
 * const expr = new Expression("root.users.user");
 * matcher.matches(expr); // true
 */
class Matcher {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || '.';
    this.path = [];
    this.siblingStacks = [];
    // Each path node: { tag, values, position, counter, namespace? }
    // values only present for current (last) node
    // Each siblingStacks entry: Map<tagName, count> tracking occurrences at each level
    this._pathStringCache = null;
    this._view = new MatcherView(this);

    // Kept-attribute stack: only populated when push() is called with options.keep.
    this._keptAttrs = [];
  }

  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;

    // Remove values from previous current node (now becoming ancestor)
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = undefined;
    }

    // Get or create sibling tracking for current level
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      // `counts` tells same-name siblings apart (the "counter" — nth <item>
      // among other <item>s). `total` is every child seen at this level so
      // far, kept as a running number instead of re-added from `counts` on
      // every push — a parent with many differently-named children would
      // otherwise cost more per child the more distinct names it has.
      level = { counts: new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }

    // Create a unique key for sibling tracking that includes namespace
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;

    // Calculate counter (how many times this tag appeared at this level)
    const counter = level.counts.get(siblingKey) || 0;

    // Position = total children at this level seen before this one.
    const position = level.total;

    // Update sibling count for this tag, and the level's running total.
    level.counts.set(siblingKey, counter + 1);
    level.total++;

    // Create new node
    const node = {
      tag: tagName,
      position: position,
      counter: counter
    };

    if (namespace !== null && namespace !== undefined) {
      node.namespace = namespace;
    }

    if (attrValues !== null && attrValues !== undefined) {
      node.values = attrValues;
    }

    this.path.push(node);

    // Depth of the node we just pushed (1-based, matches this.path.length)
    const depth = this.path.length;

    // Copy only the requested attributes into the kept-attrs stack. This is
    // the one part of push() whose cost scales with input (O(keep.length))
    // rather than being O(1) — by design, since the caller is explicitly
    // opting in for specific attribute names. No options/keep => zero added
    // cost beyond the two property reads below.
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== undefined && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== undefined) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }

  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return undefined;
    this._pathStringCache = null;

    const node = this.path.pop();

    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }

    // Drop any kept attributes that belonged to the popped node (or deeper).
    // _keptAttrs is depth-ordered (push only ever appends increasing depths),
    // so this is a backward scan that stops at the first surviving entry —
    // typically O(1) since kept attrs are rare by design.
    const poppedDepth = this.path.length + 1;
    while (
      this._keptAttrs.length > 0 &&
      this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth
    ) {
      this._keptAttrs.pop();
    }

    return node;
  }

  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== undefined) {
        current.values = attrValues;
      }
    }
  }

  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : undefined;
  }

  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : undefined;
  }

  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return undefined;
    return this.path[this.path.length - 1].values?.[attrName];
  }

  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== undefined && attrName in current.values;
  }

  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return undefined;
  }

  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }

  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }

  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }

  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }

  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }

  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep = separator || this.separator;
    const isDefault = (sep === this.separator && includeNamespace === true);

    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result = this.path.map(n =>
        (n.namespace) ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep);
      this._pathStringCache = result;
      return result;
    }

    return this.path.map(n =>
      (includeNamespace && n.namespace) ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep);
  }

  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map(n => n.tag);
  }

  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }

  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;

    if (segments.length === 0) {
      return false;
    }

    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }

    return this._matchSimple(segments);
  }

  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }

    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }

    return true;
  }

  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;

    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];

      if (segment.type === 'deep-wildcard') {
        segIdx--;

        if (segIdx < 0) {
          return true;
        }

        const nextSeg = segments[segIdx];
        let found = false;

        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }

        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }

    return segIdx < 0;
  }

  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== '*' && segment.tag !== node.tag) {
      return false;
    }

    if (segment.namespace !== undefined) {
      if (segment.namespace !== '*' && segment.namespace !== node.namespace) {
        return false;
      }
    }

    if (segment.attrName !== undefined) {
      if (!isCurrentNode) {
        return false;
      }

      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }

      if (segment.attrValue !== undefined) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }

    if (segment.position !== undefined) {
      if (!isCurrentNode) {
        return false;
      }

      const counter = node.counter ?? 0;

      if (segment.position === 'first' && counter !== 0) {
        return false;
      } else if (segment.position === 'odd' && counter % 2 !== 1) {
        return false;
      } else if (segment.position === 'even' && counter % 2 !== 0) {
        return false;
      } else if (segment.position === 'nth' && counter !== segment.positionValue) {
        return false;
      }
    }

    return true;
  }

  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }

  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map(node => ({ ...node })),
      siblingStacks: this.siblingStacks.map(level => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map(entry => ({ ...entry }))
    };
  }

  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map(node => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map(level => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map(entry => ({ ...entry }));
  }

  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
}

;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/Expression.js
/**
 * Expression - Parses and stores a tag pattern expression
 * 
 * Patterns are parsed once and stored in an optimized structure for fast matching.
 * 
 * @example
 * const expr = new Expression("root.users.user");
 * const expr2 = new Expression("..user[id]:first");
 * const expr3 = new Expression("root/users/user", { separator: '/' });
 */
class Expression {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data) {
    this.pattern = pattern;
    this.separator = options.separator || '.';
    this.segments = this._parse(pattern);
    this.data = data;
    // Cache expensive checks for performance (O(1) instead of O(n))
    this._hasDeepWildcard = this.segments.some(seg => seg.type === 'deep-wildcard');
    this._hasAttributeCondition = this.segments.some(seg => seg.attrName !== undefined);
    this._hasPositionSelector = this.segments.some(seg => seg.position !== undefined);
  }

  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];

    // Split by separator but handle ".." specially
    let i = 0;
    let currentPart = '';

    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        // Check if next char is also separator (deep wildcard)
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          // Flush current part if any
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = '';
          }
          // Add deep wildcard
          segments.push({ type: 'deep-wildcard' });
          i += 2; // Skip both separators
        } else {
          // Regular separator
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = '';
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }

    // Flush remaining part
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }

    return segments;
  }

  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: 'tag' };

    // NEW NAMESPACE SYNTAX (v2.0):
    // ============================
    // Namespace uses DOUBLE colon (::)
    // Position uses SINGLE colon (:)
    // 
    // Examples:
    //   "user"              → tag
    //   "user:first"        → tag + position
    //   "user[id]"          → tag + attribute
    //   "user[id]:first"    → tag + attribute + position
    //   "ns::user"          → namespace + tag
    //   "ns::user:first"    → namespace + tag + position
    //   "ns::user[id]"      → namespace + tag + attribute
    //   "ns::user[id]:first" → namespace + tag + attribute + position
    //   "ns::first"         → namespace + tag named "first" (NO ambiguity!)
    //
    // This eliminates all ambiguity:
    //   :: = namespace separator
    //   :  = position selector
    //   [] = attributes

    // Step 1: Extract brackets [attr] or [attr=value]
    let bracketContent = null;
    let withoutBrackets = part;

    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }

    // Step 2: Check for namespace (double colon ::)
    let namespace = undefined;
    let tagAndPosition = withoutBrackets;

    if (withoutBrackets.includes('::')) {
      const nsIndex = withoutBrackets.indexOf('::');
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim(); // Skip ::

      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }

    // Step 3: Parse tag and position (single colon :)
    let tag = undefined;
    let positionMatch = null;

    if (tagAndPosition.includes(':')) {
      const colonIndex = tagAndPosition.lastIndexOf(':'); // Use last colon for position
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();

      // Verify position is a valid keyword
      const isPositionKeyword = ['first', 'last', 'odd', 'even'].includes(posPart) ||
        /^nth\(\d+\)$/.test(posPart);

      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        // Not a valid position keyword, treat whole thing as tag
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }

    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }

    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }

    // Step 4: Parse attributes
    if (bracketContent) {
      if (bracketContent.includes('=')) {
        const eqIndex = bracketContent.indexOf('=');
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }

    // Step 5: Parse position selector
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = 'nth';
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }

    return segment;
  }

  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }

  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }

  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }

  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }

  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
}
;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/ExpressionSet.js
/**
 * ExpressionSet - An indexed collection of Expressions for efficient bulk matching
 *
 * Instead of iterating all expressions on every tag, ExpressionSet pre-indexes
 * them at insertion time by depth and terminal tag name. At match time, only
 * the relevant bucket is evaluated — typically reducing checks from O(E) to O(1)
 * lookup plus O(small bucket) matches.
 *
 * Three buckets are maintained:
 *  - `_byDepthAndTag`  — exact depth + exact tag name  (tightest, used first)
 *  - `_wildcardByDepth` — exact depth + wildcard tag `*` (depth-matched only)
 *  - `_deepWildcards`  — expressions containing `..`  (cannot be depth-indexed)
 *
 * @example
 * import { Expression, ExpressionSet } from 'fast-xml-tagger';
 *
 * // Build once at config time
 * const stopNodes = new ExpressionSet();
 * stopNodes.add(new Expression('root.users.user'));
 * stopNodes.add(new Expression('root.config.setting'));
 * stopNodes.add(new Expression('..script'));
 *
 * // Query on every tag — hot path
 * if (stopNodes.matchesAny(matcher)) { ... }
 */
class ExpressionSet {
  constructor() {
    /** @type {Map<string, import('./Expression.js').default[]>} depth:tag → expressions */
    this._byDepthAndTag = new Map();

    /** @type {Map<number, import('./Expression.js').default[]>} depth → wildcard-tag expressions */
    this._wildcardByDepth = new Map();

    /** @type {import('./Expression.js').default[]} expressions containing deep wildcard (..) */
    this._deepWildcards = [];

    /** @type {Map<string, import('./Expression.js').default[]>} terminalTag → deep wildcard expressions */
    this._deepByTerminalTag = new Map();

    /** @type {Set<string>} pattern strings already added — used for deduplication */
    this._patterns = new Set();

    /** @type {boolean} whether the set is sealed against further additions */
    this._sealed = false;
  }

  /**
   * Add an Expression to the set.
   * Duplicate patterns (same pattern string) are silently ignored.
   *
   * @param {import('./Expression.js').default} expression - A pre-constructed Expression instance
   * @returns {this} for chaining
   * @throws {TypeError} if called after seal()
   *
   * @example
   * set.add(new Expression('root.users.user'));
   * set.add(new Expression('..script'));
   */
  add(expression) {
    if (this._sealed) {
      throw new TypeError(
        'ExpressionSet is sealed. Create a new ExpressionSet to add more expressions.'
      );
    }

    // Deduplicate by pattern string
    if (this._patterns.has(expression.pattern)) return this;
    this._patterns.add(expression.pattern);

    if (expression.hasDeepWildcard()) {
      const lastSeg = expression.segments[expression.segments.length - 1];
      if (lastSeg && lastSeg.type !== 'deep-wildcard' && lastSeg.tag !== '*') {
        const tag = lastSeg.tag;
        if (!this._deepByTerminalTag.has(tag)) this._deepByTerminalTag.set(tag, []);
        this._deepByTerminalTag.get(tag).push(expression);
      } else {
        this._deepWildcards.push(expression);
      }
      return this;
    }

    const depth = expression.length;
    const lastSeg = expression.segments[expression.segments.length - 1];
    const tag = lastSeg?.tag;

    if (!tag || tag === '*') {
      // Can index by depth but not by tag
      if (!this._wildcardByDepth.has(depth)) this._wildcardByDepth.set(depth, []);
      this._wildcardByDepth.get(depth).push(expression);
    } else {
      // Tightest bucket: depth + tag
      const key = `${depth}:${tag}`;
      if (!this._byDepthAndTag.has(key)) this._byDepthAndTag.set(key, []);
      this._byDepthAndTag.get(key).push(expression);
    }

    return this;
  }

  /**
   * Add multiple expressions at once.
   *
   * @param {import('./Expression.js').default[]} expressions - Array of Expression instances
   * @returns {this} for chaining
   *
   * @example
   * set.addAll([
   *   new Expression('root.users.user'),
   *   new Expression('root.config.setting'),
   * ]);
   */
  addAll(expressions) {
    for (const expr of expressions) this.add(expr);
    return this;
  }

  /**
   * Check whether a pattern string is already present in the set.
   *
   * @param {import('./Expression.js').default} expression
   * @returns {boolean}
   */
  has(expression) {
    return this._patterns.has(expression.pattern);
  }

  /**
   * Number of expressions in the set.
   * @type {number}
   */
  get size() {
    return this._patterns.size;
  }

  /**
   * Seal the set against further modifications.
   * Useful to prevent accidental mutations after config is built.
   * Calling add() or addAll() on a sealed set throws a TypeError.
   *
   * @returns {this}
   */
  seal() {
    this._sealed = true;
    return this;
  }

  /**
   * Whether the set has been sealed.
   * @type {boolean}
   */
  get isSealed() {
    return this._sealed;
  }

  /**
   * Test whether the matcher's current path matches any expression in the set.
   *
   * Evaluation order (cheapest → most expensive):
   *  1. Exact depth + tag bucket  — O(1) lookup, typically 0–2 expressions
   *  2. Depth-only wildcard bucket — O(1) lookup, rare
   *  3. Deep-wildcard list         — always checked, but usually small
   *
   * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
   * @returns {boolean} true if any expression matches the current path
   *
   * @example
   * if (stopNodes.matchesAny(matcher)) {
   *   // handle stop node
   * }
   */
  matchesAny(matcher) {
    return this.findMatch(matcher) !== null;
  }
  /**
 * Find and return the first Expression that matches the matcher's current path.
 *
 * Uses the same evaluation order as matchesAny (cheapest → most expensive):
 *  1. Exact depth + tag bucket
 *  2. Depth-only wildcard bucket
 *  3. Deep-wildcard list
 *
 * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
 * @returns {import('./Expression.js').default | null} the first matching Expression, or null
 *
 * @example
 * const expr = stopNodes.findMatch(matcher);
 * if (expr) {
 *   // access expr.config, expr.pattern, etc.
 * }
 */
  findMatch(matcher) {
    const depth = matcher.getDepth();
    const tag = matcher.getCurrentTag();

    // 1. Tightest bucket — most expressions live here
    const exactKey = `${depth}:${tag}`;
    const exactBucket = this._byDepthAndTag.get(exactKey);
    if (exactBucket) {
      for (let i = 0; i < exactBucket.length; i++) {
        if (matcher.matches(exactBucket[i])) return exactBucket[i];
      }
    }

    // 2. Depth-matched wildcard-tag expressions
    const wildcardBucket = this._wildcardByDepth.get(depth);
    if (wildcardBucket) {
      for (let i = 0; i < wildcardBucket.length; i++) {
        if (matcher.matches(wildcardBucket[i])) return wildcardBucket[i];
      }
    }

    // 3. Deep wildcards — indexed by terminal tag, then unindexed fallback
    const deepBucket = this._deepByTerminalTag.get(tag);
    if (deepBucket) {
      for (let i = 0; i < deepBucket.length; i++) {
        if (matcher.matches(deepBucket[i])) return deepBucket[i];
      }
    }
    for (let i = 0; i < this._deepWildcards.length; i++) {
      if (matcher.matches(this._deepWildcards[i])) return this._deepWildcards[i];
    }

    return null;
  }
}

;// CONCATENATED MODULE: ./node_modules/@nodable/entities/src/entities.js
// ---------------------------------------------------------------------------
// Complete HTML5 named entity reference
// Organized by logical categories for easy maintenance and selective importing
// ---------------------------------------------------------------------------

/**
 * Basic Latin & Special Characters
 * @type {Record<string, string>}
 */
const BASIC_LATIN = {
  amp: '&',
  AMP: '&',
  lt: '<',
  LT: '<',
  gt: '>',
  GT: '>',
  quot: '"',
  QUOT: '"',
  apos: "'",
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  lsquor: '‚',
  rsquor: '’',
  ldquor: '„',
  bdquo: '„',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  excl: '!',
  quest: '?',
  num: '#',
  dollar: '$',
  percent: '%',
  ast: '*',
  commat: '@',
  lowbar: '_',
  verbar: '|',
  vert: '|',
  sol: '/',
  bsol: '\\',
  lbrace: '{',
  rbrace: '}',
  lbrack: '[',
  rbrack: ']',
  lpar: '(',
  rpar: ')',
  nbsp: '\u00a0',
  iexcl: '¡',
  cent: '¢',
  pound: '£',
  curren: '¤',
  yen: '¥',
  brvbar: '¦',
  sect: '§',
  uml: '¨',
  copy: '©',
  COPY: '©',
  ordf: 'ª',
  laquo: '«',
  not: '¬',
  shy: '\u00ad',
  reg: '®',
  REG: '®',
  macr: '¯',
  deg: '°',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  acute: '´',
  micro: 'µ',
  para: '¶',
  middot: '·',
  cedil: '¸',
  sup1: '¹',
  ordm: 'º',
  raquo: '»',
  frac14: '¼',
  frac12: '½',
  half: '½',
  frac34: '¾',
  iquest: '¿',
  times: '×',
  div: '÷',
  divide: '÷',
};

/**
 * Latin Extended & Accented Letters (A-Z)
 * @type {Record<string, string>}
 */
const LATIN_ACCENTS = {
  Agrave: 'À',
  agrave: 'à',
  Aacute: 'Á',
  aacute: 'á',
  Acirc: 'Â',
  acirc: 'â',
  Atilde: 'Ã',
  atilde: 'ã',
  Auml: 'Ä',
  auml: 'ä',
  Aring: 'Å',
  aring: 'å',
  AElig: 'Æ',
  aelig: 'æ',
  Ccedil: 'Ç',
  ccedil: 'ç',
  Egrave: 'È',
  egrave: 'è',
  Eacute: 'É',
  eacute: 'é',
  Ecirc: 'Ê',
  ecirc: 'ê',
  Euml: 'Ë',
  euml: 'ë',
  Igrave: 'Ì',
  igrave: 'ì',
  Iacute: 'Í',
  iacute: 'í',
  Icirc: 'Î',
  icirc: 'î',
  Iuml: 'Ï',
  iuml: 'ï',
  ETH: 'Ð',
  eth: 'ð',
  Ntilde: 'Ñ',
  ntilde: 'ñ',
  Ograve: 'Ò',
  ograve: 'ò',
  Oacute: 'Ó',
  oacute: 'ó',
  Ocirc: 'Ô',
  ocirc: 'ô',
  Otilde: 'Õ',
  otilde: 'õ',
  Ouml: 'Ö',
  ouml: 'ö',
  Oslash: 'Ø',
  oslash: 'ø',
  Ugrave: 'Ù',
  ugrave: 'ù',
  Uacute: 'Ú',
  uacute: 'ú',
  Ucirc: 'Û',
  ucirc: 'û',
  Uuml: 'Ü',
  uuml: 'ü',
  Yacute: 'Ý',
  yacute: 'ý',
  THORN: 'Þ',
  thorn: 'þ',
  szlig: 'ß',
  yuml: 'ÿ',
  Yuml: 'Ÿ',
};

/**
 * Latin Extended (Letters with diacritics)
 * @type {Record<string, string>}
 */
const LATIN_EXTENDED = {
  Amacr: 'Ā',
  amacr: 'ā',
  Abreve: 'Ă',
  abreve: 'ă',
  Aogon: 'Ą',
  aogon: 'ą',
  Cacute: 'Ć',
  cacute: 'ć',
  Ccirc: 'Ĉ',
  ccirc: 'ĉ',
  Cdot: 'Ċ',
  cdot: 'ċ',
  Ccaron: 'Č',
  ccaron: 'č',
  Dcaron: 'Ď',
  dcaron: 'ď',
  Dstrok: 'Đ',
  dstrok: 'đ',
  Emacr: 'Ē',
  emacr: 'ē',
  Ecaron: 'Ě',
  ecaron: 'ě',
  Edot: 'Ė',
  edot: 'ė',
  Eogon: 'Ę',
  eogon: 'ę',
  Gcirc: 'Ĝ',
  gcirc: 'ĝ',
  Gbreve: 'Ğ',
  gbreve: 'ğ',
  Gdot: 'Ġ',
  gdot: 'ġ',
  Gcedil: 'Ģ',
  Hcirc: 'Ĥ',
  hcirc: 'ĥ',
  Hstrok: 'Ħ',
  hstrok: 'ħ',
  Itilde: 'Ĩ',
  itilde: 'ĩ',
  Imacr: 'Ī',
  imacr: 'ī',
  Iogon: 'Į',
  iogon: 'į',
  Idot: 'İ',
  IJlig: 'Ĳ',
  ijlig: 'ĳ',
  Jcirc: 'Ĵ',
  jcirc: 'ĵ',
  Kcedil: 'Ķ',
  kcedil: 'ķ',
  kgreen: 'ĸ',
  Lacute: 'Ĺ',
  lacute: 'ĺ',
  Lcedil: 'Ļ',
  lcedil: 'ļ',
  Lcaron: 'Ľ',
  lcaron: 'ľ',
  Lmidot: 'Ŀ',
  lmidot: 'ŀ',
  Lstrok: 'Ł',
  lstrok: 'ł',
  Nacute: 'Ń',
  nacute: 'ń',
  Ncaron: 'Ň',
  ncaron: 'ň',
  Ncedil: 'Ņ',
  ncedil: 'ņ',
  ENG: 'Ŋ',
  eng: 'ŋ',
  Omacr: 'Ō',
  omacr: 'ō',
  Odblac: 'Ő',
  odblac: 'ő',
  OElig: 'Œ',
  oelig: 'œ',
  Racute: 'Ŕ',
  racute: 'ŕ',
  Rcaron: 'Ř',
  rcaron: 'ř',
  Rcedil: 'Ŗ',
  rcedil: 'ŗ',
  Sacute: 'Ś',
  sacute: 'ś',
  Scirc: 'Ŝ',
  scirc: 'ŝ',
  Scedil: 'Ş',
  scedil: 'ş',
  Scaron: 'Š',
  scaron: 'š',
  Tcedil: 'Ţ',
  tcedil: 'ţ',
  Tcaron: 'Ť',
  tcaron: 'ť',
  Tstrok: 'Ŧ',
  tstrok: 'ŧ',
  Utilde: 'Ũ',
  utilde: 'ũ',
  Umacr: 'Ū',
  umacr: 'ū',
  Ubreve: 'Ŭ',
  ubreve: 'ŭ',
  Uring: 'Ů',
  uring: 'ů',
  Udblac: 'Ű',
  udblac: 'ű',
  Uogon: 'Ų',
  uogon: 'ų',
  Wcirc: 'Ŵ',
  wcirc: 'ŵ',
  Ycirc: 'Ŷ',
  ycirc: 'ŷ',
  Zacute: 'Ź',
  zacute: 'ź',
  Zdot: 'Ż',
  zdot: 'ż',
  Zcaron: 'Ž',
  zcaron: 'ž',
};

/**
 * Greek Letters
 * @type {Record<string, string>}
 */
const GREEK = {
  Alpha: 'Α',
  alpha: 'α',
  Beta: 'Β',
  beta: 'β',
  Gamma: 'Γ',
  gamma: 'γ',
  Delta: 'Δ',
  delta: 'δ',
  Epsilon: 'Ε',
  epsilon: 'ε',
  epsiv: 'ϵ',
  varepsilon: 'ϵ',
  Zeta: 'Ζ',
  zeta: 'ζ',
  Eta: 'Η',
  eta: 'η',
  Theta: 'Θ',
  theta: 'θ',
  thetasym: 'ϑ',
  vartheta: 'ϑ',
  Iota: 'Ι',
  iota: 'ι',
  Kappa: 'Κ',
  kappa: 'κ',
  kappav: 'ϰ',
  varkappa: 'ϰ',
  Lambda: 'Λ',
  lambda: 'λ',
  Mu: 'Μ',
  mu: 'μ',
  Nu: 'Ν',
  nu: 'ν',
  Xi: 'Ξ',
  xi: 'ξ',
  Omicron: 'Ο',
  omicron: 'ο',
  Pi: 'Π',
  pi: 'π',
  piv: 'ϖ',
  varpi: 'ϖ',
  Rho: 'Ρ',
  rho: 'ρ',
  rhov: 'ϱ',
  varrho: 'ϱ',
  Sigma: 'Σ',
  sigma: 'σ',
  sigmaf: 'ς',
  sigmav: 'ς',
  varsigma: 'ς',
  Tau: 'Τ',
  tau: 'τ',
  Upsilon: 'Υ',
  upsilon: 'υ',
  upsi: 'υ',
  Upsi: 'ϒ',
  upsih: 'ϒ',
  Phi: 'Φ',
  phi: 'φ',
  phiv: 'ϕ',
  varphi: 'ϕ',
  Chi: 'Χ',
  chi: 'χ',
  Psi: 'Ψ',
  psi: 'ψ',
  Omega: 'Ω',
  omega: 'ω',
  ohm: 'Ω',
  Gammad: 'Ϝ',
  gammad: 'ϝ',
  digamma: 'ϝ',
};

/**
 * Cyrillic Letters
 * @type {Record<string, string>}
 */
const CYRILLIC = {
  Afr: '𝔄',
  afr: '𝔞',
  Acy: 'А',
  acy: 'а',
  Bcy: 'Б',
  bcy: 'б',
  Vcy: 'В',
  vcy: 'в',
  Gcy: 'Г',
  gcy: 'г',
  Dcy: 'Д',
  dcy: 'д',
  IEcy: 'Е',
  iecy: 'е',
  IOcy: 'Ё',
  iocy: 'ё',
  ZHcy: 'Ж',
  zhcy: 'ж',
  Zcy: 'З',
  zcy: 'з',
  Icy: 'И',
  icy: 'и',
  Jcy: 'Й',
  jcy: 'й',
  Kcy: 'К',
  kcy: 'к',
  Lcy: 'Л',
  lcy: 'л',
  Mcy: 'М',
  mcy: 'м',
  Ncy: 'Н',
  ncy: 'н',
  Ocy: 'О',
  ocy: 'о',
  Pcy: 'П',
  pcy: 'п',
  Rcy: 'Р',
  rcy: 'р',
  Scy: 'С',
  scy: 'с',
  Tcy: 'Т',
  tcy: 'т',
  Ucy: 'У',
  ucy: 'у',
  Fcy: 'Ф',
  fcy: 'ф',
  KHcy: 'Х',
  khcy: 'х',
  TScy: 'Ц',
  tscy: 'ц',
  CHcy: 'Ч',
  chcy: 'ч',
  SHcy: 'Ш',
  shcy: 'ш',
  SHCHcy: 'Щ',
  shchcy: 'щ',
  HARDcy: 'Ъ',
  hardcy: 'ъ',
  Ycy: 'Ы',
  ycy: 'ы',
  SOFTcy: 'Ь',
  softcy: 'ь',
  Ecy: 'Э',
  ecy: 'э',
  YUcy: 'Ю',
  yucy: 'ю',
  YAcy: 'Я',
  yacy: 'я',
  DJcy: 'Ђ',
  djcy: 'ђ',
  GJcy: 'Ѓ',
  gjcy: 'ѓ',
  Jukcy: 'Є',
  jukcy: 'є',
  DScy: 'Ѕ',
  dscy: 'ѕ',
  Iukcy: 'І',
  iukcy: 'і',
  YIcy: 'Ї',
  yicy: 'ї',
  Jsercy: 'Ј',
  jsercy: 'ј',
  LJcy: 'Љ',
  ljcy: 'љ',
  NJcy: 'Њ',
  njcy: 'њ',
  TSHcy: 'Ћ',
  tshcy: 'ћ',
  KJcy: 'Ќ',
  kjcy: 'ќ',
  Ubrcy: 'Ў',
  ubrcy: 'ў',
  DZcy: 'Џ',
  dzcy: 'џ',
};

/**
 * Mathematical Operators & Relations
 * @type {Record<string, string>}
 */
const MATH = {
  plus: '+',
  pm: '±',
  times: '×',
  div: '÷',
  divide: '÷',
  sdot: '⋅',
  star: '☆',
  starf: '★',
  bigstar: '★',
  lowast: '∗',
  ast: '*',
  midast: '*',
  compfn: '∘',
  smallcircle: '∘',
  bullet: '•',
  bull: '•',
  nbsp: '\u00a0',
  hellip: '…',
  mldr: '…',
  prime: '′',
  Prime: '″',
  tprime: '‴',
  bprime: '‵',
  backprime: '‵',
  minus: '−',
  minusd: '∸',
  dotminus: '∸',
  plusdo: '∔',
  dotplus: '∔',
  plusmn: '±',
  minusplus: '∓',
  mnplus: '∓',
  mp: '∓',
  setminus: '∖',
  smallsetminus: '∖',
  Backslash: '∖',
  setmn: '∖',
  ssetmn: '∖',
  lowbar: '_',
  verbar: '|',
  vert: '|',
  VerticalLine: '|',
  colon: ':',
  Colon: '∷',
  Proportion: '∷',
  ratio: '∶',
  equals: '=',
  ne: '≠',
  nequiv: '≢',
  equiv: '≡',
  Congruent: '≡',
  sim: '∼',
  thicksim: '∼',
  thksim: '∼',
  sime: '≃',
  simeq: '≃',
  TildeEqual: '≃',
  asymp: '≈',
  approx: '≈',
  thickapprox: '≈',
  thkap: '≈',
  TildeTilde: '≈',
  ncong: '≇',
  cong: '≅',
  TildeFullEqual: '≅',
  asympeq: '≍',
  CupCap: '≍',
  bump: '≎',
  Bumpeq: '≎',
  HumpDownHump: '≎',
  bumpe: '≏',
  bumpeq: '≏',
  HumpEqual: '≏',
  le: '≤',
  LessEqual: '≤',
  ge: '≥',
  GreaterEqual: '≥',
  lesseqgtr: '⋚',
  lesseqqgtr: '⪋',
  greater: '>',
  less: '<',
};

/**
 * Mathematical Operators (Advanced)
 * @type {Record<string, string>}
 */
const MATH_ADVANCED = {
  alefsym: 'ℵ',
  aleph: 'ℵ',
  beth: 'ℶ',
  gimel: 'ℷ',
  daleth: 'ℸ',
  forall: '∀',
  ForAll: '∀',
  part: '∂',
  PartialD: '∂',
  exist: '∃',
  Exists: '∃',
  nexist: '∄',
  nexists: '∄',
  empty: '∅',
  emptyset: '∅',
  emptyv: '∅',
  varnothing: '∅',
  nabla: '∇',
  Del: '∇',
  isin: '∈',
  isinv: '∈',
  in: '∈',
  Element: '∈',
  notin: '∉',
  notinva: '∉',
  ni: '∋',
  niv: '∋',
  SuchThat: '∋',
  ReverseElement: '∋',
  notni: '∌',
  notniva: '∌',
  prod: '∏',
  Product: '∏',
  coprod: '∐',
  Coproduct: '∐',
  sum: '∑',
  Sum: '∑',
  minus: '−',
  mp: '∓',
  plusdo: '∔',
  dotplus: '∔',
  setminus: '∖',
  lowast: '∗',
  radic: '√',
  Sqrt: '√',
  prop: '∝',
  propto: '∝',
  Proportional: '∝',
  varpropto: '∝',
  infin: '∞',
  infintie: '⧝',
  ang: '∠',
  angle: '∠',
  angmsd: '∡',
  measuredangle: '∡',
  angsph: '∢',
  mid: '∣',
  VerticalBar: '∣',
  nmid: '∤',
  nsmid: '∤',
  npar: '∦',
  parallel: '∥',
  spar: '∥',
  nparallel: '∦',
  nspar: '∦',
  and: '∧',
  wedge: '∧',
  or: '∨',
  vee: '∨',
  cap: '∩',
  cup: '∪',
  int: '∫',
  Integral: '∫',
  conint: '∮',
  ContourIntegral: '∮',
  Conint: '∯',
  DoubleContourIntegral: '∯',
  Cconint: '∰',
  there4: '∴',
  therefore: '∴',
  Therefore: '∴',
  becaus: '∵',
  because: '∵',
  Because: '∵',
  ratio: '∶',
  Proportion: '∷',
  minusd: '∸',
  dotminus: '∸',
  mDDot: '∺',
  homtht: '∻',
  sim: '∼',
  bsimg: '∽',
  backsim: '∽',
  ac: '∾',
  mstpos: '∾',
  acd: '∿',
  VerticalTilde: '≀',
  wr: '≀',
  wreath: '≀',
  nsime: '≄',
  nsimeq: '≄',
  ncong: '≇',
  simne: '≆',
  ncongdot: '⩭̸',
  ngsim: '≵',
  nsim: '≁',
  napprox: '≉',
  nap: '≉',
  ngeq: '≱',
  nge: '≱',
  nleq: '≰',
  nle: '≰',
  ngtr: '≯',
  ngt: '≯',
  nless: '≮',
  nlt: '≮',
  nprec: '⊀',
  npr: '⊀',
  nsucc: '⊁',
  nsc: '⊁',
};

/**
 * Arrows
 * @type {Record<string, string>}
 */
const ARROWS = {
  larr: '←',
  leftarrow: '←',
  LeftArrow: '←',
  uarr: '↑',
  uparrow: '↑',
  UpArrow: '↑',
  rarr: '→',
  rightarrow: '→',
  RightArrow: '→',
  darr: '↓',
  downarrow: '↓',
  DownArrow: '↓',
  harr: '↔',
  leftrightarrow: '↔',
  LeftRightArrow: '↔',
  varr: '↕',
  updownarrow: '↕',
  UpDownArrow: '↕',
  nwarr: '↖',
  nwarrow: '↖',
  UpperLeftArrow: '↖',
  nearr: '↗',
  nearrow: '↗',
  UpperRightArrow: '↗',
  searr: '↘',
  searrow: '↘',
  LowerRightArrow: '↘',
  swarr: '↙',
  swarrow: '↙',
  LowerLeftArrow: '↙',
  lArr: '⇐',
  Leftarrow: '⇐',
  uArr: '⇑',
  Uparrow: '⇑',
  rArr: '⇒',
  Rightarrow: '⇒',
  dArr: '⇓',
  Downarrow: '⇓',
  hArr: '⇔',
  Leftrightarrow: '⇔',
  iff: '⇔',
  vArr: '⇕',
  Updownarrow: '⇕',
  lAarr: '⇚',
  Lleftarrow: '⇚',
  rAarr: '⇛',
  Rrightarrow: '⇛',
  lrarr: '⇆',
  leftrightarrows: '⇆',
  rlarr: '⇄',
  rightleftarrows: '⇄',
  lrhar: '⇋',
  leftrightharpoons: '⇋',
  ReverseEquilibrium: '⇋',
  rlhar: '⇌',
  rightleftharpoons: '⇌',
  Equilibrium: '⇌',
  udarr: '⇅',
  UpArrowDownArrow: '⇅',
  duarr: '⇵',
  DownArrowUpArrow: '⇵',
  llarr: '⇇',
  leftleftarrows: '⇇',
  rrarr: '⇉',
  rightrightarrows: '⇉',
  ddarr: '⇊',
  downdownarrows: '⇊',
  har: '↽',
  lhard: '↽',
  leftharpoondown: '↽',
  lharu: '↼',
  leftharpoonup: '↼',
  rhard: '⇁',
  rightharpoondown: '⇁',
  rharu: '⇀',
  rightharpoonup: '⇀',
  lsh: '↰',
  Lsh: '↰',
  rsh: '↱',
  Rsh: '↱',
  ldsh: '↲',
  rdsh: '↳',
  hookleftarrow: '↩',
  hookrightarrow: '↪',
  mapstoleft: '↤',
  mapstoup: '↥',
  map: '↦',
  mapsto: '↦',
  mapstodown: '↧',
  crarr: '↵',
  nleftarrow: '↚',
  nleftrightarrow: '↮',
  nrightarrow: '↛',
  nrarr: '↛',
  larrtl: '↢',
  rarrtl: '↣',
  leftarrowtail: '↢',
  rightarrowtail: '↣',
  twoheadleftarrow: '↞',
  twoheadrightarrow: '↠',
  Larr: '↞',
  Rarr: '↠',
  larrhk: '↩',
  rarrhk: '↪',
  larrlp: '↫',
  looparrowleft: '↫',
  rarrlp: '↬',
  looparrowright: '↬',
  harrw: '↭',
  leftrightsquigarrow: '↭',
  nrarrw: '↝̸',
  rarrw: '↝',
  rightsquigarrow: '↝',
  larrbfs: '⤟',
  rarrbfs: '⤠',
  nvHarr: '⤄',
  nvlArr: '⤂',
  nvrArr: '⤃',
  larrfs: '⤝',
  rarrfs: '⤞',
  Map: '⤅',
  larrsim: '⥳',
  rarrsim: '⥴',
  harrcir: '⥈',
  Uarrocir: '⥉',
  lurdshar: '⥊',
  ldrdhar: '⥧',
  ldrushar: '⥋',
  rdldhar: '⥩',
  lrhard: '⥭',
  uharr: '↾',
  uharl: '↿',
  dharr: '⇂',
  dharl: '⇃',
  Uarr: '↟',
  Darr: '↡',
  zigrarr: '⇝',
  nwArr: '⇖',
  neArr: '⇗',
  seArr: '⇘',
  swArr: '⇙',
  nharr: '↮',
  nhArr: '⇎',
  nlarr: '↚',
  nlArr: '⇍',
  nrArr: '⇏',
  larrb: '⇤',
  LeftArrowBar: '⇤',
  rarrb: '⇥',
  RightArrowBar: '⇥',
};

/**
 * Geometric Shapes
 * @type {Record<string, string>}
 */
const SHAPES = {
  square: '□',
  Square: '□',
  squ: '□',
  squf: '▪',
  squarf: '▪',
  blacksquar: '▪',
  blacksquare: '▪',
  FilledVerySmallSquare: '▪',
  blk34: '▓',
  blk12: '▒',
  blk14: '░',
  block: '█',
  srect: '▭',
  rect: '▭',
  sdot: '⋅',
  sdotb: '⊡',
  dotsquare: '⊡',
  triangle: '▵',
  tri: '▵',
  trine: '▵',
  utri: '▵',
  triangledown: '▿',
  dtri: '▿',
  tridown: '▿',
  triangleleft: '◃',
  ltri: '◃',
  triangleright: '▹',
  rtri: '▹',
  blacktriangle: '▴',
  utrif: '▴',
  blacktriangledown: '▾',
  dtrif: '▾',
  blacktriangleleft: '◂',
  ltrif: '◂',
  blacktriangleright: '▸',
  rtrif: '▸',
  loz: '◊',
  lozenge: '◊',
  blacklozenge: '⧫',
  lozf: '⧫',
  bigcirc: '◯',
  xcirc: '◯',
  circ: 'ˆ',
  Circle: '○',
  cir: '○',
  o: '○',
  bullet: '•',
  bull: '•',
  hellip: '…',
  mldr: '…',
  nldr: '‥',
  boxh: '─',
  HorizontalLine: '─',
  boxv: '│',
  boxdr: '┌',
  boxdl: '┐',
  boxur: '└',
  boxul: '┘',
  boxvr: '├',
  boxvl: '┤',
  boxhd: '┬',
  boxhu: '┴',
  boxvh: '┼',
  boxH: '═',
  boxV: '║',
  boxdR: '╒',
  boxDr: '╓',
  boxDR: '╔',
  boxDl: '╕',
  boxdL: '╖',
  boxDL: '╗',
  boxuR: '╘',
  boxUr: '╙',
  boxUR: '╚',
  boxUl: '╜',
  boxuL: '╛',
  boxUL: '╝',
  boxvR: '╞',
  boxVr: '╟',
  boxVR: '╠',
  boxVl: '╢',
  boxvL: '╡',
  boxVL: '╣',
  boxHd: '╤',
  boxhD: '╥',
  boxHD: '╦',
  boxHu: '╧',
  boxhU: '╨',
  boxHU: '╩',
  boxvH: '╪',
  boxVh: '╫',
  boxVH: '╬',
};

/**
 * Punctuation & Diacritics
 * @type {Record<string, string>}
 */
const PUNCTUATION = {
  excl: '!',
  iexcl: '¡',
  brvbar: '¦',
  sect: '§',
  uml: '¨',
  copy: '©',
  ordf: 'ª',
  laquo: '«',
  not: '¬',
  shy: '\u00ad',
  reg: '®',
  macr: '¯',
  deg: '°',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  acute: '´',
  micro: 'µ',
  para: '¶',
  middot: '·',
  cedil: '¸',
  sup1: '¹',
  ordm: 'º',
  raquo: '»',
  frac14: '¼',
  frac12: '½',
  frac34: '¾',
  iquest: '¿',
  nbsp: '\u00a0',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  vert: '|',
  Verbar: '‖',
  verbar: '|',
  dblac: '˝',
  circ: 'ˆ',
  caron: 'ˇ',
  breve: '˘',
  dot: '˙',
  ring: '˚',
  ogon: '˛',
  tilde: '˜',
  DiacriticalGrave: '`',
  DiacriticalAcute: '´',
  DiacriticalTilde: '˜',
  DiacriticalDot: '˙',
  DiacriticalDoubleAcute: '˝',
  grave: '`',
};

/**
 * Currency Symbols
 * @type {Record<string, string>}
 */
const CURRENCY = {
  cent: '¢',
  pound: '£',
  curren: '¤',
  yen: '¥',
  euro: '€',
  dollar: '$',
  fnof: 'ƒ',
  inr: '₹',
  af: '؋',
  birr: 'ብር',
  peso: '₱',
  rub: '₽',
  won: '₩',
  yuan: '¥',
  cedil: '¸',
};

/**
 * Fractions
 * @type {Record<string, string>}
 */
const FRACTIONS = {
  frac12: '½',
  half: '½',
  frac13: '⅓',
  frac14: '¼',
  frac15: '⅕',
  frac16: '⅙',
  frac18: '⅛',
  frac23: '⅔',
  frac25: '⅖',
  frac34: '¾',
  frac35: '⅗',
  frac38: '⅜',
  frac45: '⅘',
  frac56: '⅚',
  frac58: '⅝',
  frac78: '⅞',
  frasl: '⁄',
};

/**
 * Miscellaneous Symbols
 * @type {Record<string, string>}
 */
const MISC_SYMBOLS = {
  trade: '™',
  TRADE: '™',
  telrec: '⌕',
  target: '⌖',
  ulcorn: '⌜',
  ulcorner: '⌜',
  urcorn: '⌝',
  urcorner: '⌝',
  dlcorn: '⌞',
  llcorner: '⌞',
  drcorn: '⌟',
  lrcorner: '⌟',
  intercal: '⊺',
  intcal: '⊺',
  oplus: '⊕',
  CirclePlus: '⊕',
  ominus: '⊖',
  CircleMinus: '⊖',
  otimes: '⊗',
  CircleTimes: '⊗',
  osol: '⊘',
  odot: '⊙',
  CircleDot: '⊙',
  oast: '⊛',
  circledast: '⊛',
  odash: '⊝',
  circleddash: '⊝',
  ocirc: '⊚',
  circledcirc: '⊚',
  boxplus: '⊞',
  plusb: '⊞',
  boxminus: '⊟',
  minusb: '⊟',
  boxtimes: '⊠',
  timesb: '⊠',
  boxdot: '⊡',
  sdotb: '⊡',
  veebar: '⊻',
  vee: '∨',
  barvee: '⊽',
  and: '∧',
  wedge: '∧',
  Cap: '⋒',
  Cup: '⋓',
  Fork: '⋔',
  pitchfork: '⋔',
  epar: '⋕',
  ltlarr: '⥶',
  nvap: '≍⃒',
  nvsim: '∼⃒',
  nvge: '≥⃒',
  nvle: '≤⃒',
  nvlt: '<⃒',
  nvgt: '>⃒',
  nvltrie: '⊴⃒',
  nvrtrie: '⊵⃒',
  Vdash: '⊩',
  dashv: '⊣',
  vDash: '⊨',
  Vvdash: '⊪',
  nvdash: '⊬',
  nvDash: '⊭',
  nVdash: '⊮',
  nVDash: '⊯',
};

const XML = {
  amp: "&",
  apos: "'",
  gt: ">",
  lt: "<",
  quot: "\""
}
const COMMON_HTML = {
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  para: '\u00b6',
  sect: '\u00a7',
  deg: '\u00b0',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
}
// ---------------------------------------------------------------------------
// Note: NUMERIC_ENTITIES (&#NNN; / &#xHH;) are handled by the scanner directly
// via String.fromCodePoint() without any map lookup.
// ---------------------------------------------------------------------------
;// CONCATENATED MODULE: ./node_modules/@nodable/entities/src/EntityDecoder.js
// ---------------------------------------------------------------------------
// Built-in named entity map  (name → replacement string)
// No regex, no {regex,val} objects — just flat key/value pairs.
// ---------------------------------------------------------------------------



// ---------------------------------------------------------------------------
// Entity hook action constants
// ---------------------------------------------------------------------------

/**
 * Action constants for `onExternalEntity` and `onInputEntity` hooks.
 *
 * Use these instead of raw strings to avoid typos:
 *
 * @example
 * import EntityDecoder, { ENTITY_ACTION } from './EntityDecoder.js';
 * const dec = new EntityDecoder({
 *   onInputEntity: (name, value) => ENTITY_ACTION.BLOCK,
 * });
 */
const ENTITY_ACTION = Object.freeze({
  /** Resolve and expand the entity normally. */
  ALLOW: 'allow',
  /** Silently skip this entity — it will not be registered. */
  BLOCK: 'block',
  /** Throw an error, aborting entity registration entirely. */
  THROW: 'throw',
});

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const SPECIAL_CHARS = new Set('!?\\\\/[]$%{}^&*()<>|+');

/**
 * Validate that an entity name contains no dangerous characters.
 * @param {string} name
 * @returns {string} the name, unchanged
 * @throws {Error} on invalid characters
 */
function EntityDecoder_validateEntityName(name) {
  if (name[0] === '#') {
    throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${name}"`);
  }
  for (const ch of name) {
    if (SPECIAL_CHARS.has(ch)) {
      throw new Error(`[EntityReplacer] Invalid character '${ch}' in entity name: "${name}"`);
    }
  }
  return name;
}

/**
 * Merge one or more entity maps into a flat name→string map.
 * Accepts either:
 *   - plain string values:             { amp: '&' }
 *   - legacy {regex,val} / {regx,val}: { lt: { regex: /.../, val: '<' } }
 *
 * Values containing '&' are skipped (recursive expansion risk).
 *
 * @param {...object} maps
 * @returns {Record<string, string>}
 */
function mergeEntityMaps(...maps) {
  const out = Object.create(null);
  for (const map of maps) {
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const raw = map[key];
      if (typeof raw === 'string') {
        out[key] = raw;
      } else if (raw && typeof raw === 'object' && raw.val !== undefined) {
        // Legacy {regex,val} or {regx,val} — extract the string val only
        const val = raw.val;
        if (typeof val === 'string') {
          out[key] = val;
        }
        // function vals are not supported in the scanner — skip
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// applyLimitsTo helpers
// ---------------------------------------------------------------------------

const LIMIT_TIER_EXTERNAL = 'external'; // input/runtime + persistent external maps
const LIMIT_TIER_BASE = 'base';     // DEFAULT_XML_ENTITIES + namedEntities (system) maps
const LIMIT_TIER_ALL = 'all';      // every entity regardless of tier

/**
 * Resolve `applyLimitsTo` option into a normalised Set of tier strings.
 * Accepted values: 'external' | 'base' | 'all' | string[]
 * Default: 'external' (only untrusted injected entities are counted).
 * @param {string|string[]|undefined} raw
 * @returns {Set<string>}
 */
function parseLimitTiers(raw) {
  if (!raw || raw === LIMIT_TIER_EXTERNAL) return new Set([LIMIT_TIER_EXTERNAL]);
  if (raw === LIMIT_TIER_ALL) return new Set([LIMIT_TIER_ALL]);
  if (raw === LIMIT_TIER_BASE) return new Set([LIMIT_TIER_BASE]);
  if (Array.isArray(raw)) return new Set(raw);
  return new Set([LIMIT_TIER_EXTERNAL]); // safe default for unrecognised values
}

// ---------------------------------------------------------------------------
// NCR (Numeric Character Reference) classification
// ---------------------------------------------------------------------------

// Severity order — higher number = stricter action.
// Used to enforce minimum action levels for specific codepoint ranges.
const NCR_LEVEL = Object.freeze({ allow: 0, leave: 1, remove: 2, throw: 3 });

// XML 1.0 §2.2: allowed chars are #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// Restricted C0: U+0001–U+001F excluding U+0009, U+000A, U+000D
const XML10_ALLOWED_C0 = new Set([0x09, 0x0A, 0x0D]);

/**
 * Parse the `ncr` constructor option into flat, hot-path-friendly fields.
 * @param {object|undefined} ncr
 * @returns {{ xmlVersion: number, onLevel: number, nullLevel: number }}
 */
function parseNCRConfig(ncr) {
  if (!ncr) {
    return { xmlVersion: 1.0, onLevel: NCR_LEVEL.allow, nullLevel: NCR_LEVEL.remove };
  }
  const xmlVersion = ncr.xmlVersion === 1.1 ? 1.1 : 1.0;
  const onLevel = NCR_LEVEL[ncr.onNCR] ?? NCR_LEVEL.allow;
  const nullLevel = NCR_LEVEL[ncr.nullNCR] ?? NCR_LEVEL.remove;
  // 'allow' is not meaningful for null — clamp to at least 'remove'
  const clampedNull = Math.max(nullLevel, NCR_LEVEL.remove);
  return { xmlVersion, onLevel, nullLevel: clampedNull };
}

// ---------------------------------------------------------------------------
// EntityReplacer
// ---------------------------------------------------------------------------

/**
 * Single-pass, zero-regex entity replacer for XML/HTML content.
 *
 * Algorithm: scan the string once for '&', read to ';', resolve via map
 * or direct codepoint conversion, build output chunks, join once at the end.
 *
 * Entity lookup priority (highest → lowest):
 *   1. input / runtime  (DOCTYPE entities for current document)
 *   2. persistent external (survive across documents)
 *   3. base named map   (DEFAULT_XML_ENTITIES + user-supplied namedEntities)
 *
 * Both input and external resolve as the 'external' tier for limit purposes.
 * Base map entities resolve as the 'base' tier.
 *
 * Numeric / hex references (&#NNN; / &#xHH;) are resolved directly via
 * String.fromCodePoint() — no map needed. They count as 'base' tier.
 *
 * @example
 * const replacer = new EntityReplacer({ namedEntities: COMMON_HTML });
 * replacer.setExternalEntities({ brand: 'Acme' });
 *
 * const instance = replacer.reset();
 * instance.addInputEntities({ version: '1.0' });
 * instance.encode('&brand; v&version; &lt;'); // 'Acme v1.0 <'
 */
class EntityDecoder {
  /**
   * @param {object} [options]
   * @param {object|null}  [options.namedEntities]        — extra named entities merged into base map
   * @param {object}  [options.limit]                 — security limits
   * @param {number}       [options.limit.maxTotalExpansions=0]  — 0 = unlimited
   * @param {number}       [options.limit.maxExpandedLength=0]   — 0 = unlimited
   * @param {'external'|'base'|'all'|string[]} [options.limit.applyLimitsTo='external']
   *   Which entity tiers count against the security limits:
   *   - 'external' (default) — only input/runtime + persistent external entities
   *   - 'base'               — only DEFAULT_XML_ENTITIES + namedEntities
   *   - 'all'                — every entity regardless of tier
   *   - string[]             — explicit combination, e.g. ['external', 'base']
   * @param {((resolved: string, original: string) => string)|null} [options.postCheck=null]
   * @param {string[]} [options.remove=[]] — entity names (e.g. ['nbsp', '#13']) to delete (replace with empty string)
   * @param {string[]} [options.leave=[]]  — entity names to keep as literal (unchanged in output)
   * @param {object}   [options.ncr]       — Numeric Character Reference controls
   * @param {1.0|1.1}  [options.ncr.xmlVersion=1.0]
   *   XML version governing which codepoint ranges are restricted:
   *   - 1.0 — C0 controls U+0001–U+001F (except U+0009/000A/000D) are prohibited
   *   - 1.1 — C0 controls are allowed when written as NCRs; C1 (U+007F–U+009F) decoded as-is
   * @param {'allow'|'leave'|'remove'|'throw'} [options.ncr.onNCR='allow']
   *   Base action for numeric references. Severity order: allow < leave < remove < throw.
   *   For codepoint ranges that carry a minimum level (surrogates → remove, XML 1.0 C0 → remove),
   *   the effective action is max(onNCR, rangeMinimum).
   * @param {'remove'|'throw'} [options.ncr.nullNCR='remove']
   *   Action for U+0000 (null). 'allow' and 'leave' are clamped to 'remove' since null is never safe.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onExternalEntity=null]
   *   Hook called when an external entity is registered via `setExternalEntities()` or
   *   `addExternalEntity()`. Return `ENTITY_ACTION.ALLOW` to accept the entity,
   *   `ENTITY_ACTION.BLOCK` to silently skip it, or `ENTITY_ACTION.THROW` to abort with an error.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onInputEntity=null]
   *   Hook called when an input entity is registered via `addInputEntities()`. Return
   *   `ENTITY_ACTION.ALLOW` to accept, `ENTITY_ACTION.BLOCK` to silently skip, or
   *   `ENTITY_ACTION.THROW` to abort with an error.
   */
  constructor(options = {}) {
    this._limit = options.limit || {};
    this._maxTotalExpansions = this._limit.maxTotalExpansions || 0;
    this._maxExpandedLength = this._limit.maxExpandedLength || 0;
    this._postCheck = typeof options.postCheck === 'function' ? options.postCheck : r => r;
    this._limitTiers = parseLimitTiers(this._limit.applyLimitsTo ?? LIMIT_TIER_EXTERNAL);
    this._numericAllowed = options.numericAllowed ?? true;
    // Base map: DEFAULT_XML_ENTITIES + user-supplied extras. Immutable after construction.
    this._baseMap = mergeEntityMaps(XML, options.namedEntities || null);

    // Persistent external entities — survive across documents.
    // Stored as a separate map so reset() never touches them.
    /** @type {Record<string, string>} */
    this._externalMap = Object.create(null);

    // Input / runtime entities — current document only, wiped on reset().
    /** @type {Record<string, string>} */
    this._inputMap = Object.create(null);

    // Per-document counters
    this._totalExpansions = 0;
    this._expandedLength = 0;

    // --- New: remove / leave sets ---
    /** @type {Set<string>} */
    this._removeSet = new Set(options.remove && Array.isArray(options.remove) ? options.remove : []);
    /** @type {Set<string>} */
    this._leaveSet = new Set(options.leave && Array.isArray(options.leave) ? options.leave : []);

    // --- NCR config (parsed into flat fields for hot-path speed) ---
    const ncrCfg = parseNCRConfig(options.ncr);
    this._ncrXmlVersion = ncrCfg.xmlVersion;
    this._ncrOnLevel = ncrCfg.onLevel;
    this._ncrNullLevel = ncrCfg.nullLevel;

    // --- Registration hooks ---
    /** @type {((name: string, value: string) => 'allow'|'block'|'throw')|null} */
    this._onExternalEntity = typeof options.onExternalEntity === 'function'
      ? options.onExternalEntity
      : null;
    /** @type {((name: string, value: string) => 'allow'|'block'|'throw')|null} */
    this._onInputEntity = typeof options.onInputEntity === 'function'
      ? options.onInputEntity
      : null;
  }

  // -------------------------------------------------------------------------
  // Private: registration hook dispatch
  // -------------------------------------------------------------------------

  /**
   * Invoke a registration hook for a single entity name/value pair.
   * Returns true when the entity should be accepted, false when it should be
   * silently skipped (BLOCK), and throws when the hook returns THROW.
   *
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} hook
   * @param {string} name
   * @param {string} value
   * @param {string} context  — used in error messages ('external' | 'input')
   * @returns {boolean}  true = accept, false = skip
   */
  _applyRegistrationHook(hook, name, value, context) {
    if (!hook) return true; // no hook → always accept
    const action = hook(name, value);
    if (action === ENTITY_ACTION.BLOCK) return false;
    if (action === ENTITY_ACTION.THROW) {
      throw new Error(
        `[EntityDecoder] Registration of ${context} entity "&${name};" was rejected by hook`
      );
    }
    return true; // ALLOW or any unknown return value → accept
  }

  // -------------------------------------------------------------------------
  // Persistent external entity registration
  // -------------------------------------------------------------------------

  /**
   * Replace the full set of persistent external entities.
   * All keys are validated — throws on invalid characters.
   * If `onExternalEntity` is set, it is called once per entry; entries that
   * return `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW`
   * aborts the whole call.
   * @param {Record<string, string | { regex?: RegExp, val: string }>} map
   */
  setExternalEntities(map) {
    if (map) {
      for (const key of Object.keys(map)) {
        EntityDecoder_validateEntityName(key);
      }
    }
    if (!this._onExternalEntity) {
      this._externalMap = mergeEntityMaps(map);
      return;
    }
    // Hook present — resolve values first, then filter
    const flat = mergeEntityMaps(map);
    const filtered = Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onExternalEntity, name, value, 'external')) {
        filtered[name] = value;
      }
    }
    this._externalMap = filtered;
  }

  /**
   * Add a single persistent external entity.
   * If `onExternalEntity` is set it is called before the entity is stored;
   * `ENTITY_ACTION.BLOCK` silently skips storage, `ENTITY_ACTION.THROW` raises.
   * @param {string} key
   * @param {string} value
   */
  addExternalEntity(key, value) {
    EntityDecoder_validateEntityName(key);
    if (typeof value === 'string' && value.indexOf('&') === -1) {
      if (this._applyRegistrationHook(this._onExternalEntity, key, value, 'external')) {
        this._externalMap[key] = value;
      }
    }
  }

  // -------------------------------------------------------------------------
  // Input / runtime entity registration (per document)
  // -------------------------------------------------------------------------

  /**
   * Inject DOCTYPE entities for the current document.
   * Also resets per-document expansion counters.
   * If `onInputEntity` is set it is called once per entry; entries returning
   * `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW` aborts.
   * @param {Record<string, string | { regx?: RegExp, regex?: RegExp, val: string }>} map
   */
  addInputEntities(map) {
    this._totalExpansions = 0;
    this._expandedLength = 0;
    if (!this._onInputEntity) {
      this._inputMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onInputEntity, name, value, 'input')) {
        filtered[name] = value;
      }
    }
    this._inputMap = filtered;
  }

  // -------------------------------------------------------------------------
  // Per-document reset
  // -------------------------------------------------------------------------

  /**
   * Wipe input/runtime entities and reset counters.
   * Call this before processing each new document.
   * @returns {this}
   */
  reset() {
    this._inputMap = Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    return this;
  }

  // -------------------------------------------------------------------------
  // XML version (can be set after construction, e.g. once parser reads <?xml?>)
  // -------------------------------------------------------------------------

  /**
   * Update the XML version used for NCR classification.
   * Call this as soon as the document's `<?xml version="...">` declaration is parsed.
   * @param {1.0|1.1|number} version
   */
  setXmlVersion(version) {
    this._ncrXmlVersion = version === 1.1 ? 1.1 : 1.0;
  }

  // -------------------------------------------------------------------------
  // Primary API
  // -------------------------------------------------------------------------

  /**
   * Replace all entity references in `str` in a single pass.
   *
   * @param {string} str
   * @returns {string}
   */
  decode(str) {
    if (typeof str !== 'string' || str.length === 0) return str;
    //TODO: check if needed
    if (str.indexOf('&') === -1) return str; // fast path — no entities at all

    const original = str;
    const chunks = [];
    const len = str.length;
    let last = 0; // start of next unprocessed literal chunk
    let i = 0;

    const limitExpansions = this._maxTotalExpansions > 0;
    const limitLength = this._maxExpandedLength > 0;
    const checkLimits = limitExpansions || limitLength;

    while (i < len) {
      // Scan forward to next '&'
      if (str.charCodeAt(i) !== 38 /* '&' */) { i++; continue; }

      // --- Found '&' at position i ---

      // Scan forward to ';'
      let j = i + 1;
      while (j < len && str.charCodeAt(j) !== 59 /* ';' */ && (j - i) <= 32) j++;

      if (j >= len || str.charCodeAt(j) !== 59) {
        // No closing ';' within window — treat '&' as literal
        i++;
        continue;
      }

      // Raw token between '&' and ';' (exclusive)
      const token = str.slice(i + 1, j);
      if (token.length === 0) { i++; continue; }

      let replacement;
      let tier; // which limit tier this entity belongs to

      if (this._removeSet.has(token)) {
        // Remove entity: replace with empty string
        replacement = '';
        // If entity was unknown (replacement undefined), we still need a tier for limits.
        // Treat as external tier because it's user-directed removal of an unknown reference.
        if (tier === undefined) {
          tier = LIMIT_TIER_EXTERNAL;
        }
      } else if (this._leaveSet.has(token)) {
        // Do not replace — keep original &token; as literal
        i++;
        continue;
      } else if (token.charCodeAt(0) === 35 /* '#' */) {
        // ---- Numeric / NCR reference ----
        // NCR classification always runs first — prohibited codepoints must be
        // caught regardless of numericAllowed.
        const ncrResult = this._resolveNCR(token);
        if (ncrResult === undefined) {
          // 'leave' action — keep original &token; as-is
          i++;
          continue;
        }
        replacement = ncrResult; // '' for remove, char string for allow
        tier = LIMIT_TIER_BASE;
      } else {
        // ---- Named reference ----
        const resolved = this._resolveName(token);
        replacement = resolved?.value;
        tier = resolved?.tier;
      }

      if (replacement === undefined) {
        // Unknown entity — leave as-is, advance past '&' only
        i++;
        continue;
      }

      // Flush literal chunk before this entity
      if (i > last) chunks.push(str.slice(last, i));
      chunks.push(replacement);
      last = j + 1; // skip past ';'
      i = last;

      // Apply expansion limits only if this tier is being tracked
      if (checkLimits && this._tierCounts(tier)) {
        if (limitExpansions) {
          this._totalExpansions++;
          if (this._totalExpansions > this._maxTotalExpansions) {
            throw new Error(
              `[EntityReplacer] Entity expansion count limit exceeded: ` +
              `${this._totalExpansions} > ${this._maxTotalExpansions}`
            );
          }
        }
        if (limitLength) {
          // delta: replacement.length minus the raw &token; length (token.length + 2 for '&' and ';')
          const delta = replacement.length - (token.length + 2);
          if (delta > 0) {
            this._expandedLength += delta;
            if (this._expandedLength > this._maxExpandedLength) {
              throw new Error(
                `[EntityReplacer] Expanded content length limit exceeded: ` +
                `${this._expandedLength} > ${this._maxExpandedLength}`
              );
            }
          }
        }
      }
    }

    // Flush trailing literal
    if (last < len) chunks.push(str.slice(last));

    // If nothing was replaced, chunks is empty — return original
    const result = chunks.length === 0 ? str : chunks.join('');

    return this._postCheck(result, original);
  }

  // -------------------------------------------------------------------------
  // Private: limit tier check
  // -------------------------------------------------------------------------

  /**
   * Returns true if a resolved entity of the given tier should count
   * against the expansion/length limits.
   * @param {string} tier  — LIMIT_TIER_EXTERNAL | LIMIT_TIER_BASE
   * @returns {boolean}
   */
  _tierCounts(tier) {
    if (this._limitTiers.has(LIMIT_TIER_ALL)) return true;
    return this._limitTiers.has(tier);
  }

  // -------------------------------------------------------------------------
  // Private: entity resolution
  // -------------------------------------------------------------------------

  /**
   * Resolve a named entity token (without & and ;).
   * Priority: inputMap > externalMap > baseMap
   * Returns the resolved value tagged with its limit tier.
   *
   * @param {string} name
   * @returns {{ value: string, tier: string }|undefined}
   */
  _resolveName(name) {
    // input and external both count as 'external' tier for limit purposes —
    // they are injected at runtime and are the untrusted surface.
    if (name in this._inputMap) return { value: this._inputMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._externalMap) return { value: this._externalMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._baseMap) return { value: this._baseMap[name], tier: LIMIT_TIER_BASE };
    return undefined;
  }

  /**
   * Classify a codepoint and return the minimum action level that must be applied.
   * Returns -1 when no minimum is imposed (normal allow path).
   *
   * Ranges checked (in priority order):
   *   1. U+0000            — null, governed by nullNCR (always ≥ remove)
   *   2. U+D800–U+DFFF     — surrogates, always prohibited (min: remove)
   *   3. U+0001–U+001F \ {0x09,0x0A,0x0D}  — XML 1.0 restricted C0 (min: remove)
   *      (skipped in XML 1.1 — C0 controls are allowed when written as NCRs)
   *
   * @param {number} cp  — codepoint
   * @returns {number}   — minimum NCR_LEVEL value, or -1 for no restriction
   */
  _classifyNCR(cp) {
    // 1. Null
    if (cp === 0) return this._ncrNullLevel;

    // 2. Surrogates — always prohibited, minimum 'remove'
    if (cp >= 0xD800 && cp <= 0xDFFF) return NCR_LEVEL.remove;

    // 3. XML 1.0 restricted C0 controls
    if (this._ncrXmlVersion === 1.0) {
      if (cp >= 0x01 && cp <= 0x1F && !XML10_ALLOWED_C0.has(cp)) return NCR_LEVEL.remove;
    }

    return -1; // no restriction
  }

  /**
   * Execute a resolved NCR action.
   *
   * @param {number} action   — NCR_LEVEL value
   * @param {string} token    — raw token (e.g. '#38') for error messages
   * @param {number} cp       — codepoint, used only for error messages
   * @returns {string|undefined}
   *   - decoded character string  → 'allow'
   *   - ''                        → 'remove'
   *   - undefined                 → 'leave' (caller must skip past '&' only)
   *   - throws Error              → 'throw'
   */
  _applyNCRAction(action, token, cp) {
    switch (action) {
      case NCR_LEVEL.allow: return String.fromCodePoint(cp);
      case NCR_LEVEL.remove: return '';
      case NCR_LEVEL.leave: return undefined; // signal: keep literal
      case NCR_LEVEL.throw:
        throw new Error(
          `[EntityDecoder] Prohibited numeric character reference ` +
          `&${token}; (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`
        );
      default: return String.fromCodePoint(cp);
    }
  }

  /**
   * Full NCR resolution pipeline for a numeric token.
   *
   * Steps:
   *   1. Parse the codepoint (decimal or hex).
   *   2. Validate the raw codepoint range (NaN, <0, >0x10FFFF).
   *   3. If numericAllowed is false and no minimum restriction applies → leave as-is.
   *   4. Classify the codepoint to find the minimum required action level.
   *   5. Resolve effective action = max(onNCR, minimum).
   *   6. Apply and return.
   *
   * @param {string} token  — e.g. '#38', '#x26', '#X26'
   * @returns {string|undefined}
   *   - string (incl. '')  — replacement ('' = remove)
   *   - undefined          — leave original &token; as-is
   */
  _resolveNCR(token) {
    // Step 1: parse codepoint
    const second = token.charCodeAt(1);
    let cp;
    if (second === 120 /* x */ || second === 88 /* X */) {
      cp = parseInt(token.slice(2), 16);
    } else {
      cp = parseInt(token.slice(1), 10);
    }

    // Step 2: out-of-range → leave as-is unconditionally
    if (Number.isNaN(cp) || cp < 0 || cp > 0x10FFFF) return undefined;

    // Step 3: classify to get minimum action level
    const minimum = this._classifyNCR(cp);

    // Step 4: if numericAllowed is false and no hard minimum → leave
    if (!this._numericAllowed && minimum < NCR_LEVEL.remove) return undefined;

    // Step 5: effective action = max(configured onNCR, range minimum)
    const effective = minimum === -1
      ? this._ncrOnLevel
      : Math.max(this._ncrOnLevel, minimum);

    // Step 6: apply
    return this._applyNCRAction(effective, token, cp);
  }
}
;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/sql.js
/**
 * SQL context patterns — high-precision rules only.
 *
 * These rules have very low false-positive risk and are safe to apply to
 * general user text (names, descriptions, search queries, etc.).
 * All patterns are ReDoS-safe — unlike the `sql-injection` npm package
 * which has an active CVE on its own detection regexes.
 *
 * For exhaustive coverage including noisier heuristics (comment sequences,
 * hex literals, stacked queries with semicolons), use 'SQL-STRICT' instead.
 * Apply 'SQL-STRICT' only to strings that are specifically SQL fragments,
 * not to general free-text fields.
 */

const SQL_PATTERNS = [
  {
    id: 'sql-block-comment-open',
    description: 'SQL block comment open: /* ... */ — unusual in legitimate user text',
    pattern: /\/\*/,
  },
  {
    id: 'sql-union-select',
    description: 'UNION SELECT — most common SQL injection aggregation attack',
    pattern: /\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i,
  },
  {
    id: 'sql-drop-table',
    description: 'DROP TABLE — destructive DDL injection',
    pattern: /\bDROP\s{1,20}TABLE\b/i,
  },
  {
    id: 'sql-drop-database',
    description: 'DROP DATABASE — destructive DDL injection',
    pattern: /\bDROP\s{1,20}DATABASE\b/i,
  },
  {
    id: 'sql-insert-into',
    description: 'INSERT INTO — data injection',
    pattern: /\bINSERT\s{1,20}INTO\b/i,
  },
  {
    id: 'sql-delete-from',
    description: 'DELETE FROM — data deletion injection',
    pattern: /\bDELETE\s{1,20}FROM\b/i,
  },
  {
    id: 'sql-update-set',
    description: 'UPDATE ... SET — data modification injection',
    // Allows arbitrary content between UPDATE and SET (table name, alias, etc.)
    pattern: /\bUPDATE\b[\s\S]{1,60}\bSET\b/i,
  },
  {
    id: 'sql-exec-xp',
    description: 'EXEC xp_ — MSSQL extended stored procedure execution',
    pattern: /\bEXEC(?:UTE)?\s{1,20}xp_/i,
  },
  {
    id: 'sql-tautology-string',
    description: "Classic string tautology: ' OR '1'='1 or \" OR \"1\"=\"1\"",
    // Last quote is optional — injection may truncate it: ' OR '1'='1--
    pattern: /'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i,
  },
  {
    id: 'sql-tautology-numeric',
    description: 'Numeric tautology: OR 1=1',
    pattern: /\bOR\s{1,10}1\s*=\s*1\b/i,
  },
  {
    id: 'sql-always-true-zero',
    description: 'Numeric tautology: OR 0=0',
    pattern: /\bOR\s{1,10}0\s*=\s*0\b/i,
  },
  {
    id: 'sql-sleep-benchmark',
    description: 'Time-based blind injection: SLEEP() or BENCHMARK()',
    pattern: /\b(?:SLEEP|BENCHMARK)\s*\(/i,
  },
  {
    id: 'sql-waitfor-delay',
    description: 'MSSQL time-based blind injection: WAITFOR DELAY',
    pattern: /\bWAITFOR\s{1,20}DELAY\b/i,
  },
  {
    id: 'sql-char-function',
    description: 'CHAR() function — used to obfuscate injected strings',
    pattern: /\bCHAR\s*\(\s*\d{1,3}/i,
  },
  {
    id: 'sql-information-schema',
    description: 'INFORMATION_SCHEMA — reconnaissance query for table/column enumeration',
    pattern: /\bINFORMATION_SCHEMA\b/i,
  },
];

/* harmony default export */ const sql = (SQL_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/sql-strict.js
/**
 * SQL-STRICT context patterns.
 *
 * Extends the base 'SQL' context with three additional rules that are
 * effective at detecting real injections but carry a higher false-positive
 * risk on general free-text input.
 *
 * Use 'SQL-STRICT' when:
 *   - The string is specifically a SQL fragment or database identifier
 *   - You control the input domain (e.g. a dedicated SQL search field)
 *   - You can tolerate occasional false positives in exchange for broader coverage
 *
 * Use 'SQL' (not STRICT) when:
 *   - The field is general user text (names, descriptions, comments)
 *   - False positives would block legitimate content (e.g. "see note -- above")
 *
 * Rules moved here from 'SQL' due to false-positive risk:
 *
 *   sql-line-comment   — "--" fires on "see note -- above", "value--", CSS var(--primary)
 *   sql-stacked-query  — "; SELECT" fires on legitimate prose with semicolons + SQL words
 *   sql-hex-encoding   — "0xDEAD" fires on hex values in technical docs and log output
 */



const SQL_STRICT_EXTRA = [
  {
    id: 'sql-line-comment',
    description: 'SQL line comment: -- followed by whitespace or end of string',
    pattern: /--(?:\s|$)/,
  },
  {
    id: 'sql-stacked-query',
    description: 'Stacked queries: semicolon immediately followed by a SQL keyword',
    pattern: /;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i,
  },
  {
    id: 'sql-hex-encoding',
    description: 'Hex-encoded string injection: 0x41414141 style (MySQL)',
    pattern: /\b0x[0-9a-f]{4,}/i,
  },
];

// SQL-STRICT = all base SQL rules + the three noisy extras
const SQL_STRICT_PATTERNS = [...sql, ...SQL_STRICT_EXTRA];

/* harmony default export */ const sql_strict = (SQL_STRICT_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/util/decode-entities.js
/**
 * Decode the HTML character references that matter for markup-context
 * detection.
 *
 * Browsers decode character references in attribute values before they
 * interpret a URL, so `javascript&#58;alert(1)` in an href is the
 * `javascript:` scheme. The HTML/XML/SVG rules match literal characters, so
 * without this step such payloads slip through.
 *
 * Deliberately NOT a full entity decoder. It decodes only:
 *   - decimal refs  &#58;  &#058;  &#00000058;  &#58   (any leading zeros,
 *                   trailing ; optional — browsers accept both)
 *   - hex refs      &#x3a; &#X3A; &#x0000003a; &#x3a   (same)
 *   - named refs    &colon;  &Tab;  &NewLine;
 *       Named refs are CASE-SENSITIVE and REQUIRE the trailing ';', exactly
 *       like a browser (so `&COLON;` and `&colon` are not decoded).
 *       &Tab; / &NewLine; matter because the URL parser strips tab/newline,
 *       so `java&Tab;script:` is still a javascript: URL.
 *
 * It does NOT decode &amp; (single pass only), so double-encoded text such as
 * "&amp;lt;script&amp;gt;" stays literal — a browser renders that as text.
 *
 * All quantifiers are bounded; no ReDoS risk.
 *
 * @param {string} input
 * @returns {string}
 */
const NAMED = Object.freeze({
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
});

const ENTITY_RE =
  /&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g;

function decodeEntities(input) {
  if (input.indexOf('&') === -1) return input;

  return input.replace(ENTITY_RE, (match, hex, dec, name) => {
    if (name !== undefined) {
      return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match;
    }
    const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10);
    if (!Number.isFinite(cp) || cp > 0x10ffff) return match;
    return String.fromCodePoint(cp);
  });
}

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/html.js
/**
 * HTML context patterns.
 *
 * Detects XSS vectors that are dangerous when a string ends up rendered as HTML.
 * All patterns use bounded quantifiers to ensure linear-time matching (ReDoS-safe).
 *
 * Each entry is { pattern: RegExp, id: string, description: string }
 * so callers can inspect which rule fired if they need to.
 */

const HTML_PATTERNS = [
  {
    id: 'html-script-open',
    description: '<script opening tag',
    pattern: /<script[\s>/]/i,
  },
  {
    id: 'html-script-close',
    description: '</script closing tag',
    pattern: /<\/script[\s>]/i,
  },
  {
    id: 'html-javascript-protocol',
    description: 'javascript: URI scheme (with optional whitespace/encoding)',
    // Handles j&#x61;vascript:, j\u0061vascript:, and whitespace variants
    pattern: /j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i,
  },
  {
    id: 'html-vbscript-protocol',
    description: 'vbscript: URI scheme',
    pattern: /vbscript[\t\n\r ]*:/i,
  },
  {
    id: 'html-data-html',
    description: 'data:text/html URI — can execute scripts in browsers',
    pattern: /data[\t\n\r ]*:[\t\n\r ]*text\/html/i,
  },
  {
    id: 'html-data-xhtml',
    description: 'data:application/xhtml+xml URI',
    pattern: /data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i,
  },
  {
    id: 'html-data-svg',
    description: 'data:image/svg+xml URI — can execute scripts',
    pattern: /data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i,
  },
  {
    id: 'html-inline-event-handler',
    description: 'Inline event handler attributes: onclick=, onerror=, onload=, etc.',
    // \bon ensures we match a word boundary so "phonetic=" is not caught
    pattern: /\bon\w{1,30}\s*=/i,
  },
  {
    id: 'html-entity-obfuscated-script',
    description: 'HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)',
    // Entities include optional trailing semicolon: &#x3C; or &#x3C (both valid in HTML5)
    pattern: /(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i,
  },
  {
    id: 'html-entity-obfuscated-javascript',
    description: 'HTML-entity-encoded javascript: (partial — catches common &#106; or &#x6a; for "j")',
    pattern: /(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i,
  },
  {
    id: 'html-style-expression',
    description: 'CSS expression() — IE-era code execution in style attributes',
    pattern: /style[\s\S]{0,20}expression\s*\(/i,
  },
  {
    id: 'html-object-embed',
    description: '<object or <embed tags that can load active content',
    pattern: /<(?:object|embed)[\s>/]/i,
  },
  {
    id: 'html-base-tag',
    description: '<base href= — can hijack all relative URLs on a page',
    pattern: /<base[\s>]/i,
  },
  {
    id: 'html-meta-refresh',
    description: '<meta http-equiv="refresh" — can redirect users',
    pattern: /<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i,
  },
  {
    id: 'html-srcdoc',
    description: 'srcdoc= attribute on iframes — embeds HTML that can run scripts',
    pattern: /srcdoc\s*=/i,
  },
  {
    id: 'html-iframe',
    description: '<iframe tag',
    pattern: /<iframe[\s>/]/i,
  },
  {
    id: 'html-form',
    description: '<form tag — can be used for phishing / credential harvesting injection',
    pattern: /<form[\s>/]/i,
  },
];

/* harmony default export */ const html = (HTML_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/xml.js
/**
 * XML context patterns.
 *
 * Detects injection vectors that are specifically dangerous when a string
 * is inserted into an XML document (not HTML rendering context).
 *
 * Key distinction from HTML: these patterns target parser-level attacks —
 * things that can confuse or subvert an XML parser, trigger external entity
 * resolution, or inject DTD content. HTML rendering concerns (XSS) belong
 * in the HTML context.
 */

const XML_PATTERNS = [
  {
    id: 'xml-cdata-injection',
    description: 'CDATA section injection: <![CDATA[ breaks out of text node context',
    pattern: /<!\[CDATA\[/i,
  },
  {
    id: 'xml-cdata-close',
    description: 'CDATA close sequence: ]]> can terminate an enclosing CDATA section',
    pattern: /\]\]>/,
  },
  {
    id: 'xml-processing-instruction',
    description: 'XML processing instruction: <?xml-stylesheet or <?php etc.',
    pattern: /<\?(?:xml[\- ]|php|asp)/i,
  },
  {
    id: 'xml-doctype-injection',
    description: 'DOCTYPE declaration embedded in content — can define entities',
    // Match <!DOCTYPE followed by end-of-string, whitespace, or [ (internal subset)
    pattern: /<!DOCTYPE(?:[\s[]|$)/i,
  },
  {
    id: 'xml-entity-system',
    description: 'SYSTEM keyword — used in external entity declarations (XXE)',
    pattern: /\bSYSTEM\s+["']/i,
  },
  {
    id: 'xml-entity-public',
    description: 'PUBLIC keyword — used in external entity declarations (XXE)',
    pattern: /\bPUBLIC\s+["']/i,
  },
  {
    id: 'xml-entity-declaration',
    description: '<!ENTITY declaration — defines entities, potential XXE or entity expansion',
    pattern: /<!ENTITY[\s%]/i,
  },
  {
    id: 'xml-billion-laughs',
    description: 'Entity reference chaining / billion laughs: repeated &eX; style references',
    // Heuristic: 3+ consecutive entity refs suggests expansion attack
    pattern: /(?:&\w{1,20};){3,}/,
  },
  {
    id: 'xml-namespace-confusion',
    description: 'xmlns: attribute injection — can redefine namespaces to confuse parsers',
    // pattern: /\bxmlns\s*(?::\w{1,40})?\s*=/i,
    pattern: /\bxmlns(?::\w{1,40})?\s*=/i,
  },
  {
    id: 'xml-comment-injection',
    description: '<!-- comment injection — can hide content from some parsers',
    pattern: /<!--/,
  },
  {
    id: 'xml-comment-close',
    description: '--> closes an enclosing XML comment',
    pattern: /-->/,
  },
  {
    id: 'xml-pi-close',
    description: '?> closes an enclosing processing instruction',
    pattern: /\?>/,
  },
];

/* harmony default export */ const xml = (XML_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/svg.js
/**
 * SVG context patterns.
 *
 * SVG is XML-based but renders in browsers, giving it a unique attack surface
 * that combines XML parser behaviour with browser rendering and JavaScript execution.
 *
 * Many of these vectors bypass HTML sanitizers that don't understand SVG semantics
 * (DOMPurify has documented bypass vulnerabilities specifically in SVG/XML context).
 */

const SVG_PATTERNS = [
  {
    id: 'svg-script-element',
    description: '<script element inside SVG executes JavaScript',
    pattern: /<script[\s>/]/i,
  },
  {
    id: 'svg-xlink-href-javascript',
    description: 'xlink:href with javascript: — classic SVG XSS via <a> or <use>',
    pattern: /xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i,
  },
  {
    id: 'svg-href-javascript',
    description: 'href= with javascript: in SVG context (<a>, <animate>, etc.)',
    pattern: /href\s*=\s*["']?\s*javascript\s*:/i,
  },
  {
    id: 'svg-foreignobject',
    description: '<foreignObject embeds HTML inside SVG — can execute scripts',
    pattern: /<foreignObject[\s>/]/i,
  },
  {
    id: 'svg-use-external',
    description: '<use xlink:href or href pointing to external resource (non-fragment URL)',
    // Match <use with href= where the value starts with a non-# character (external URL)
    // [\"'][^#] catches quoted values not starting with #; [^\"'#\s>] catches unquoted
    pattern: /<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i,
  },
  {
    id: 'svg-animate-href',
    description: '<animate attributeName="href" — can dynamically change href to javascript:',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i,
  },
  {
    id: 'svg-animate-xlinkhref',
    description: '<animate attributeName="xlink:href"',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i,
  },
  {
    id: 'svg-set-javascript',
    description: '<set to="javascript:..." — sets an attribute to a javascript: URI',
    pattern: /<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i,
  },
  {
    id: 'svg-event-handler',
    description: 'SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.',
    pattern: /\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i,
  },
  {
    id: 'svg-handler-generic',
    description: 'Generic on* handler catch-all for SVG attributes',
    pattern: /\bon\w{1,30}\s*=/i,
  },
  {
    id: 'svg-filter-feimage',
    description: '<feImage href= — filter primitive that can load external resources',
    pattern: /<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i,
  },
  {
    id: 'svg-image-external',
    description: '<image xlink:href with http/https or javascript protocol',
    pattern: /<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i,
  },
  {
    id: 'svg-style-javascript',
    description: 'style= attribute containing javascript: (e.g. background:url(javascript:...))',
    pattern: /style\s*=[\s\S]{0,60}javascript\s*:/i,
  },
];

/* harmony default export */ const svg = (SVG_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/shell.js
/**
 * SHELL context patterns.
 *
 * Detects shell injection vectors and path traversal patterns.
 * Designed for use when a string will be passed to a shell command,
 * used as a file path, or interpolated into OS-level operations.
 */

const SHELL_PATTERNS = [
  {
    id: 'shell-path-traversal-unix',
    description: 'Unix path traversal: ../  — climbing the directory tree',
    pattern: /\.\.\//,
  },
  {
    id: 'shell-path-traversal-windows',
    description: 'Windows path traversal: ..\\ — climbing the directory tree',
    pattern: /\.\.\\/,
  },
  {
    id: 'shell-path-traversal-encoded',
    description: 'URL-encoded path traversal: %2e%2e or %2f variants',
    pattern: /%2e%2e|%2f\.\.|\.\.%2f/i,
  },
  {
    id: 'shell-null-byte',
    description: 'Null byte injection: \\x00 or %00 — truncates strings in C-backed functions',
    pattern: /\x00|%00/,
  },
  {
    id: 'shell-semicolon',
    description: 'Semicolon command separator: cmd1; cmd2',
    pattern: /;/,
  },
  {
    id: 'shell-pipe',
    description: 'Pipe operator: cmd1 | cmd2',
    pattern: /\|/,
  },
  {
    id: 'shell-and-operator',
    description: 'AND operator: cmd1 && cmd2',
    pattern: /&&/,
  },
  {
    id: 'shell-or-operator',
    description: 'OR operator: cmd1 || cmd2',
    pattern: /\|\|/,
  },
  {
    id: 'shell-backtick',
    description: 'Backtick command substitution: `cmd`',
    pattern: /`/,
  },
  {
    id: 'shell-dollar-paren',
    description: 'Dollar-paren command substitution: $(cmd)',
    pattern: /\$\(/,
  },
  {
    id: 'shell-dollar-brace',
    description: 'Dollar-brace variable expansion: ${var} — can be abused for injection',
    pattern: /\$\{/,
  },
  {
    id: 'shell-redirect-out',
    description: 'Output redirection: cmd > file or cmd >> file',
    pattern: />{1,2}/,
  },
  {
    id: 'shell-redirect-in',
    description: 'Input redirection: cmd < file',
    pattern: /</,
  },
  {
    id: 'shell-newline-injection',
    description: 'Newline injection: \\n or \\r — can inject new shell commands',
    pattern: /[\n\r]/,
  },
  {
    id: 'shell-glob-star',
    description: 'Glob expansion: * or ? — can expand to unintended files',
    // Only flag when combined with path separators to reduce false positives
    pattern: /[/\\][*?]/,
  },
  {
    id: 'shell-absolute-root',
    description: 'Absolute root path injection: string starting with / or \\ (Windows UNC)',
    pattern: /^(?:\/|\\\\)/,
  },
  {
    id: 'shell-windows-drive',
    description: 'Windows drive letter path injection: C:\\ or D:/',
    pattern: /^[a-zA-Z]:[/\\]/,
  },
  {
    id: 'shell-curl-wget',
    description: 'curl/wget with URL or flags — can exfiltrate data or download payloads',
    // Require a URL scheme (http/https/ftp) or a flag (-) to reduce false positives
    // "curl is a tool" won't match; "curl http://..." or "curl -s ..." will
    pattern: /\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i,
  },
];

/* harmony default export */ const shell = (SHELL_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/redos.js
/**
 * REDOS context patterns.
 *
 * Detects strings that, if used as regular expressions, could cause
 * catastrophic backtracking (ReDoS — Regular Expression Denial of Service).
 *
 * These patterns detect the structural forms that lead to exponential or
 * polynomial backtracking in NFA-based regex engines (V8, PCRE, Java, etc.).
 *
 * Use this context when user-supplied strings will be compiled into RegExp objects.
 */

const REDOS_PATTERNS = [
  {
    id: 'redos-nested-quantifier-plus',
    description: 'Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.',
    // Matches any group containing a + quantifier, with an outer * or + — catches (a+)+, (.+b)*, etc.
    pattern: /\([^)]*\+[^)]*\)[+*]/,
  },
  {
    id: 'redos-nested-quantifier-star',
    description: 'Nested * quantifier: (a*)* or (a*)+ — catastrophic backtracking',
    pattern: /\([^)]*\*[^)]*\)[*+]/,
  },
  {
    id: 'redos-nested-groups',
    description: 'Doubly nested quantified groups: ((a+)+) — guaranteed catastrophic',
    pattern: /\(\([^)]{0,40}\)[+*]\)[+*]/,
  },
  {
    id: 'redos-alternation-overlap',
    description: 'Overlapping alternation under quantifier: (a|a)+ — ambiguous NFA paths',
    // Detect repeated identical alternatives under a quantifier
    pattern: /\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/,
  },
  {
    id: 'redos-star-plus-concat',
    description: '(x*x)+ pattern — triggers super-linear backtracking',
    pattern: /\([^)]{0,10}\*[^)]{0,10}\)[+*]/,
  },
  {
    id: 'redos-dot-star-greedy',
    description: '(.*){n,} or (.+){n,} — repeated greedy dot quantifiers',
    pattern: /\(\.[*+]\)\{?\d/,
  },
  {
    id: 'redos-large-repetition',
    description: 'Very large fixed or range repetition count {1000,} or {1000,n} — denial of service via backtracking',
    // Matches { followed by 4+ digits (≥1000), then optional ,digits }
    pattern: /\{\d{4,}(?:,\d*)?\}/,
  },
  {
    id: 'redos-catastrophic-alternation',
    description: 'Long alternation with many similar branches — polynomial backtracking risk',
    // Heuristic: 10+ pipe-separated alternatives in a single group
    pattern: /\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/,
  },
];

/* harmony default export */ const redos = (REDOS_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/nosql.js
/**
 * NOSQL context patterns.
 *
 * Detects injection vectors specific to NoSQL databases (primarily MongoDB)
 * and JavaScript-evaluated queries.
 *
 * Attack categories:
 *   1. MongoDB query operator injection: $where, $ne, $gt, $regex, $or, $and, etc.
 *      These operators, when injected into a JSON query object, can bypass
 *      authentication or exfiltrate data without knowing passwords.
 *
 *   2. JavaScript execution: $where clauses execute arbitrary JS server-side.
 *
 *   3. Prototype pollution: __proto__, constructor.prototype — can corrupt
 *      the prototype chain of all objects in the Node.js process.
 *
 * Pattern note: MongoDB operators appear as JSON keys. In JSON, keys are
 * quoted: {"$where": ...} so the pattern must allow an optional closing
 * quote between the operator name and the colon: /\$where["'\s]*:/
 */

// Shared suffix: optional closing quote/whitespace before the colon
// Handles: $op: (bare), "$op": (JSON), '$op': (single-quoted)
const SEP = /["'\s]*:/;
const sep = '["\'\\s]*:';

const NOSQL_PATTERNS = [
  // ─── MongoDB $ operator injection ────────────────────────────────────────
  {
    id: 'nosql-where-operator',
    description: '$where — executes arbitrary JavaScript server-side in MongoDB',
    pattern: new RegExp(`\\$where${sep}`, 'i'),
  },
  {
    id: 'nosql-ne-operator',
    description: '$ne — "not equal" operator used to bypass equality checks',
    pattern: new RegExp(`\\$ne${sep}`, 'i'),
  },
  {
    id: 'nosql-gt-operator',
    description: '$gt — "greater than" used to bypass password/value checks',
    pattern: new RegExp(`\\$gte?${sep}`, 'i'),
  },
  {
    id: 'nosql-lt-operator',
    description: '$lt / $lte — "less than" bypass variants',
    pattern: new RegExp(`\\$lte?${sep}`, 'i'),
  },
  {
    id: 'nosql-regex-operator',
    description: '$regex — can be used to extract data character by character (blind injection)',
    pattern: new RegExp(`\\$regex${sep}`, 'i'),
  },
  {
    id: 'nosql-or-operator',
    description: '$or — logical OR; used to create always-true conditions',
    pattern: new RegExp(`\\$or${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-and-operator',
    description: '$and — logical AND operator injection',
    pattern: new RegExp(`\\$and${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-nor-operator',
    description: '$nor — logical NOR operator injection',
    pattern: new RegExp(`\\$nor${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-exists-operator',
    description: '$exists — can enumerate fields to determine schema',
    pattern: new RegExp(`\\$exists${sep}`, 'i'),
  },
  {
    id: 'nosql-in-operator',
    description: '$in — matches any value in a list; can enumerate values',
    pattern: new RegExp(`\\$in${sep}\\s*\\[`, 'i'),
  },
  {
    id: 'nosql-expr-operator',
    description: '$expr — allows aggregation expressions in queries (MongoDB 3.6+)',
    pattern: new RegExp(`\\$expr${sep}`, 'i'),
  },
  {
    id: 'nosql-function-operator',
    description: '$function — executes arbitrary JavaScript in MongoDB 4.4+',
    pattern: new RegExp(`\\$function${sep}`, 'i'),
  },
  {
    id: 'nosql-accumulator-operator',
    description: '$accumulator — custom aggregation with arbitrary JS execution',
    pattern: new RegExp(`\\$accumulator${sep}`, 'i'),
  },
  // ─── Prototype pollution ─────────────────────────────────────────────────
  {
    id: 'nosql-proto-pollution',
    description: '__proto__ — prototype pollution via object key injection',
    pattern: /__proto__/,
  },
  {
    id: 'nosql-constructor-prototype',
    description: 'constructor.prototype — alternative prototype pollution vector (dot notation or JSON key)',
    // Matches dot-notation (obj.constructor.prototype) and JSON key adjacency
    // ("constructor": {"prototype": ...})
    pattern: /constructor[\s"':.,{\[]*prototype/i,
  },
  {
    id: 'nosql-proto-bracket',
    description: '["__proto__"] — bracket-notation prototype pollution',
    pattern: /\[["']__proto__["']\]/,
  },
];

/* harmony default export */ const nosql = (NOSQL_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/contexts/log.js
/**
 * LOG context patterns.
 *
 * Detects injection vectors that are dangerous when a string is written
 * to a log file, passed to a logging framework, or interpolated into
 * a log message that will be parsed or displayed.
 *
 * Attack categories:
 *   1. CRLF injection — injects fake log lines by embedding newlines
 *   2. Log4Shell (CVE-2021-44228) — ${jndi:...} triggers JNDI lookup in Log4j
 *   3. SSTI in log templates — {{...}}, #{...} trigger template evaluation
 *      if the log message is passed through a template engine
 *   4. Null byte injection — truncates log entries in some implementations
 *   5. ANSI escape injection — manipulates terminal output when logs are
 *      tailed in a terminal (colour codes, cursor movement, etc.)
 *
 * Note: Newline characters (\n, \r) will produce false positives for
 * multi-line legitimate values. Use this context only for single-line
 * log field values (usernames, IDs, request parameters, etc.).
 */

const LOG_PATTERNS = [
  // ─── CRLF / newline injection ─────────────────────────────────────────────
  {
    id: 'log-crlf-injection',
    description: 'CRLF injection: literal \\r or \\n embeds fake log lines',
    pattern: /[\r\n]/,
  },
  {
    id: 'log-url-encoded-crlf',
    description: 'URL-encoded CRLF: %0d, %0a, %0D, %0A — decoded by some log parsers',
    pattern: /%0[dDaA]/,
  },
  {
    id: 'log-unicode-newline',
    description: 'Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)',
    pattern: /[\u2028\u2029]/,
  },

  // ─── Log4Shell / JNDI injection (CVE-2021-44228) ─────────────────────────
  {
    id: 'log-log4shell-jndi',
    description: 'Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j',
    pattern: /\$\{jndi\s*:/i,
  },
  {
    id: 'log-log4shell-obfuscated',
    description: 'Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection',
    // ${::- is the Log4j lookup-bypass escape sequence; presence alone is suspicious
    pattern: /\$\{::-/,
  },
  {
    id: 'log-log4j-lookup',
    description: 'Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} — data exfiltration',
    pattern: /\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i,
  },

  // ─── Server-Side Template Injection (SSTI) in log messages ───────────────
  {
    id: 'log-ssti-double-brace',
    description: 'SSTI double-brace: {{expression}} — Jinja2, Twig, Handlebars, etc.',
    pattern: /\{\{[\s\S]{0,80}\}\}/,
  },
  {
    id: 'log-ssti-hash-brace',
    description: 'SSTI hash-brace: #{expression} — Thymeleaf, Velocity, Ruby ERB',
    pattern: /#\{[\s\S]{0,80}\}/,
  },
  {
    id: 'log-ssti-dollar-brace',
    description: 'SSTI/EL injection: ${expression with operators or method calls} — JSP EL, Freemarker, SpEL',
    // Require that the ${...} content looks like an expression, not a plain variable name.
    // Flags if the content contains: . ( * + operators, or known SSTI keywords.
    // This avoids flagging ${PATH}, ${HOME} etc. (plain shell variables).
    pattern: /\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i,
  },
  {
    id: 'log-ssti-percent-tag',
    description: 'SSTI ERB/ASP tag: <%= expression %> — Ruby ERB, ASP',
    pattern: /<%=[\s\S]{0,80}%>/,
  },

  // ─── Null byte ────────────────────────────────────────────────────────────
  {
    id: 'log-null-byte',
    description: 'Null byte: \\x00 or %00 — can truncate log entries in C-backed loggers',
    pattern: /\x00|%00/,
  },

  // ─── ANSI escape injection ────────────────────────────────────────────────
  {
    id: 'log-ansi-escape',
    description: 'ANSI escape sequence: ESC[ — can manipulate terminal output when logs are tailed',
    pattern: /\x1b\[/,
  },
];

/* harmony default export */ const log = (LOG_PATTERNS);

;// CONCATENATED MODULE: ./node_modules/is-unsafe/src/index.js
/**
 * is-unsafe v2
 *
 * Zero-dependency, DOM-free, pure predicate for detecting unsafe strings
 * across HTML, XML, SVG, SQL, SQL-STRICT, SHELL, REDOS, NOSQL, and LOG contexts.
 *
 * v2 change: contexts are imported as named pattern arrays rather than resolved
 * via a string-keyed registry. This makes each context independently
 * tree-shakeable — bundlers can drop any context you never import.
 *
 * @module is-unsafe
 */

// ─── Context pattern arrays (named exports) ────────────────────────────────
// Import only the ones you need. Each is independently tree-shakeable.










// SQL-STRICT needs a quoted identifier because of the hyphen



// Markup contexts are also matched against an entity-decoded copy of the input,
// because browsers decode HTML character references before interpreting a URL
// scheme (e.g. javascript&#58;… is a javascript: URL).


// ─── VALID_CONTEXTS convenience re-export ─────────────────────────────────
// Importing this pulls in ALL contexts. Use it only when you need all of them
// (e.g. for validation UI, tooling, or exhaustive audits).
// If you only need a subset, import the named contexts directly instead.










// ─── Attach labels to named contexts ──────────────────────────────────────
// Each built-in PatternList carries its canonical name so matchList can read
// list.label directly — no registry lookup needed at match time.
// Custom PatternLists default to 'CUSTOM' unless the caller sets list.label.

html.label       = 'HTML';
xml.label        = 'XML';
svg.label        = 'SVG';

// Markup contexts: also test an entity-decoded copy (see util/decode-entities.js).
// Non-markup contexts (SQL, SHELL, LOG, …) are matched byte-for-byte as supplied.
html.decodeEntities = true;
xml.decodeEntities  = true;
svg.decodeEntities  = true;
sql.label        = 'SQL';
sql_strict.label = 'SQL-STRICT';
shell.label      = 'SHELL';
redos.label      = 'REDOS';
nosql.label      = 'NOSQL';
log.label        = 'LOG';

const VALID_CONTEXTS = Object.freeze({
  HTML: html,
  XML: xml,
  SVG: svg,
  SQL: sql,
  'SQL-STRICT': sql_strict,
  SHELL: shell,
  REDOS: redos,
  NOSQL: nosql,
  LOG: log,
});

// ─── Types ────────────────────────────────────────────────────────────────

/**
 * @typedef {{ id: string, description: string, pattern: RegExp }} Rule
 */

/**
 * @typedef {Rule[]} PatternList
 */

/**
 * @typedef {Object} MatchResult
 * @property {string} context     - Label identifying which context matched ('HTML', 'CUSTOM', etc.)
 * @property {string} id          - Rule identifier
 * @property {string} description - Human-readable description of what was matched
 * @property {RegExp} pattern     - The pattern that matched
 */

// ─── Internal helpers ──────────────────────────────────────────────────────

/**
 * @param {unknown} value
 */
function assertString(value) {
  if (typeof value !== 'string') {
    throw new TypeError(
      `is-unsafe: first argument must be a string, got ${typeof value}`
    );
  }
}

/**
 * @param {unknown} context
 */
function assertContext(context) {
  if (context instanceof RegExp) return;

  if (Array.isArray(context)) {
    if (context.length === 0) {
      throw new TypeError('is-unsafe: context must not be an empty array');
    }
    // Detect array-of-arrays vs flat pattern list
    if (Array.isArray(context[0])) {
      // Array of PatternLists
      for (const list of context) {
        if (!Array.isArray(list) || list.length === 0) {
          throw new TypeError(
            'is-unsafe: each context in the array must be a non-empty pattern array (PatternList)'
          );
        }
      }
    }
    // else: flat PatternList — trust it, no deep validation needed
    return;
  }

  throw new TypeError(
    `is-unsafe: second argument must be a PatternList (e.g. HTML), ` +
    `an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: ${typeof context}`
  );
}

/**
 * Normalise any valid context arg into an array of PatternLists.
 *
 * @param {Rule[]|Rule[][]|RegExp} context
 * @returns {{ lists: Rule[][]|null, regex: RegExp|null }}
 */
function src_normalise(context) {
  if (context instanceof RegExp) return { lists: null, regex: context };
  // Distinguish PatternList (array of rule objects) from array of PatternLists
  if (Array.isArray(context[0])) return { lists: context, regex: null };
  return { lists: [context], regex: null };
}

/**
 * For markup contexts, return an entity-decoded copy of `value` to test
 * alongside the raw input, or null when there is nothing extra to test.
 *
 * @param {string} value
 * @param {Rule[]} list
 * @returns {string|null}
 */
function decodedCopy(value, list) {
  if (!list.decodeEntities) return null;
  const decoded = decodeEntities(value);
  return decoded === value ? null : decoded;
}

/**
 * Test value against a single PatternList. Returns the first MatchResult or null.
 *
 * @param {string} value
 * @param {Rule[]} list
 * @returns {MatchResult|null}
 */
function matchList(value, list) {
  const label = list.label ?? 'CUSTOM';
  const decoded = decodedCopy(value, list);
  for (const rule of list) {
    if (rule.pattern.test(value) || (decoded !== null && rule.pattern.test(decoded))) {
      return { context: label, id: rule.id, description: rule.description, pattern: rule.pattern };
    }
  }
  return null;
}

// ─── Public API ───────────────────────────────────────────────────────────

/**
 * Returns `true` if `value` is unsafe in the given context(s), `false` otherwise.
 *
 * @param {string} value - The string to test
 * @param {PatternList | PatternList[] | RegExp} context
 *   - A PatternList imported from is-unsafe (e.g. `HTML`, `XML`)
 *   - An array of PatternLists — returns true if unsafe in **any** of them
 *   - A custom RegExp — returns true if the pattern matches
 * @returns {boolean}
 *
 * @example
 * import { isUnsafe, HTML, SQL } from 'is-unsafe';
 *
 * isUnsafe('<script>alert(1)</script>', HTML)       // true
 * isUnsafe('hello world', HTML)                     // false
 * isUnsafe('value', [HTML, SQL])                    // false
 * isUnsafe('value', /my-pattern/i)                  // false
 */
function isUnsafe(value, context) {
  assertString(value);
  assertContext(context);

  const { lists, regex } = src_normalise(context);

  if (regex) return regex.test(value);

  for (const list of lists) {
    if (matchList(value, list) !== null) return true;
  }
  return false;
}

/**
 * Like `isUnsafe`, but returns the first `MatchResult` describing **why**
 * the value was flagged, or `null` if it is safe.
 *
 * @param {string} value
 * @param {PatternList | PatternList[] | RegExp} context
 * @returns {MatchResult|null}
 *
 * @example
 * import { whyUnsafe, HTML } from 'is-unsafe';
 *
 * whyUnsafe('<script>alert(1)</script>', HTML)
 * // { context: 'HTML', id: 'html-script-open', description: '...', pattern: /.../ }
 */
function whyUnsafe(value, context) {
  assertString(value);
  assertContext(context);

  const { lists, regex } = src_normalise(context);

  if (regex) {
    return regex.test(value)
      ? { context: 'CUSTOM', id: 'custom-regex', description: 'Matched caller-supplied pattern', pattern: regex }
      : null;
  }

  for (const list of lists) {
    const result = matchList(value, list);
    if (result !== null) return result;
  }
  return null;
}

/**
 * Returns **all** matching rules across the given context(s), or an empty
 * array if the value is safe. Useful for comprehensive auditing.
 *
 * @param {string} value
 * @param {PatternList | PatternList[] | RegExp} context
 * @returns {MatchResult[]}
 */
function allUnsafe(value, context) {
  assertString(value);
  assertContext(context);

  const { lists, regex } = src_normalise(context);
  const results = [];

  if (regex) {
    if (regex.test(value)) {
      results.push({ context: 'CUSTOM', id: 'custom-regex', description: 'Matched caller-supplied pattern', pattern: regex });
    }
    return results;
  }

  for (const list of lists) {
    const label = list.label ?? 'CUSTOM';
    const decoded = decodedCopy(value, list);
    for (const rule of list) {
      if (rule.pattern.test(value) || (decoded !== null && rule.pattern.test(decoded))) {
        results.push({ context: label, id: rule.id, description: rule.description, pattern: rule.pattern });
      }
    }
  }

  return results;
}


/* harmony default export */ const src = ((/* unused pure expression or super */ null && (isUnsafe)));

;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js

///@ts-check












// const regx =
//   '<((!\\[CDATA\\[([\\s\\S]*?)(]]>))|((NAME:)?(NAME))([^>]*)>|((\\/)(NAME)\\s*>))([^<]*)'
//   .replace(/NAME/g, util.nameRegexp);

//const tagsRegx = new RegExp("<(\\/?[\\w:\\-\._]+)([^>]*)>(\\s*"+cdataRegx+")*([^<]+)?","g");
//const tagsRegx = new RegExp("<(\\/?)((\\w*:)?([\\w:\\-\._]+))([^>]*)>([^<]*)("+cdataRegx+"([^<]*))*([^<]+)?","g");

// Helper functions for attribute and namespace handling

/**
 * Extract raw attributes (without prefix) from prefixed attribute map
 * @param {object} prefixedAttrs - Attributes with prefix from buildAttributesMap
 * @param {object} options - Parser options containing attributeNamePrefix
 * @returns {object} Raw attributes for matcher
 */
function extractRawAttributes(prefixedAttrs, options) {
  if (!prefixedAttrs) return {};

  // Handle attributesGroupName option
  const attrs = options.attributesGroupName
    ? prefixedAttrs[options.attributesGroupName]
    : prefixedAttrs;

  if (!attrs) return {};

  const rawAttrs = {};
  for (const key in attrs) {
    // Remove the attribute prefix to get raw name
    if (key.startsWith(options.attributeNamePrefix)) {
      const rawName = key.substring(options.attributeNamePrefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      // Attribute without prefix (shouldn't normally happen, but be safe)
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}

/**
 * Extract namespace from raw tag name
 * @param {string} rawTagName - Tag name possibly with namespace (e.g., "soap:Envelope")
 * @returns {string|undefined} Namespace or undefined
 */
function extractNamespace(rawTagName) {
  if (!rawTagName || typeof rawTagName !== 'string') return undefined;

  const colonIndex = rawTagName.indexOf(':');
  if (colonIndex !== -1 && colonIndex > 0) {
    const ns = rawTagName.substring(0, colonIndex);
    // Don't treat xmlns as a namespace
    if (ns !== 'xmlns') {
      return ns;
    }
  }
  return undefined;
}

class OrderedObjParser {
  constructor(options, externalEntities) {
    this.options = options;
    this.currentNode = null;
    this.tagsNodeStack = [];
    this.parseXml = parseXml;
    this.parseTextData = parseTextData;
    this.resolveNameSpace = resolveNameSpace;
    this.buildAttributesMap = buildAttributesMap;
    this.isItStopNode = isItStopNode;
    this.replaceEntitiesValue = replaceEntitiesValue;
    this.readStopNodeData = readStopNodeData;
    this.saveTextToParentTag = saveTextToParentTag;
    this.addChild = addChild;
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes)
    this.entityExpansionCount = 0;
    this.currentExpandedLength = 0;
    this.doctypefound = false;
    let namedEntities = { ...XML };
    if (this.options.entityDecoder) {
      this.entityDecoder = this.options.entityDecoder
    } else {
      if (typeof this.options.htmlEntities === "object") namedEntities = this.options.htmlEntities;
      else if (this.options.htmlEntities === true) namedEntities = { ...COMMON_HTML, ...CURRENCY };
      this.entityDecoder = new EntityDecoder({
        namedEntities: { ...namedEntities, ...externalEntities },
        numericAllowed: this.options.htmlEntities,
        limit: {
          maxTotalExpansions: this.options.processEntities.maxTotalExpansions,
          maxExpandedLength: this.options.processEntities.maxExpandedLength,
          applyLimitsTo: this.options.processEntities.appliesTo,
        },
        // onExternalEntity: (name, value) => isUnsafe(value) ? 'block' : 'allow',
        onInputEntity: (name, value) =>
          //TODO: VALID_CONTEXTS.HTML should be set only if this.options.htmlEntities
          isUnsafe(value, [html, xml]) ? ENTITY_ACTION.BLOCK : ENTITY_ACTION.ALLOW,

        //postCheck: resolved => resolved
      });
    }

    // Initialize path matcher for path-expression-matcher
    this.matcher = new Matcher();
    this.readonlyMatcher = this.matcher.readOnly();

    // Flag to track if current node is a stop node (optimization)
    this.isCurrentNodeStopNode = false;

    // Pre-compile stopNodes expressions
    this.stopNodeExpressionsSet = new ExpressionSet();
    const stopNodesOpts = this.options.stopNodes;
    if (stopNodesOpts && stopNodesOpts.length > 0) {
      for (let i = 0; i < stopNodesOpts.length; i++) {
        const stopNodeExp = stopNodesOpts[i];
        if (typeof stopNodeExp === 'string') {
          // Convert string to Expression object
          this.stopNodeExpressionsSet.add(new Expression(stopNodeExp));
        } else if (stopNodeExp instanceof Expression) {
          // Already an Expression object
          this.stopNodeExpressionsSet.add(stopNodeExp);
        }
      }
      this.stopNodeExpressionsSet.seal();
    }
  }

}


/**
 * @param {string} val
 * @param {string} tagName
 * @param {string|Matcher} jPath - jPath string or Matcher instance based on options.jPath
 * @param {boolean} dontTrim
 * @param {boolean} hasAttributes
 * @param {boolean} isLeafNode
 * @param {boolean} escapeEntities
 */
function parseTextData(val, tagName, jPath, dontTrim, hasAttributes, isLeafNode, escapeEntities) {
  const options = this.options;
  if (val !== undefined) {
    if (options.trimValues && !dontTrim) {
      val = val.trim();
    }
    if (val.length > 0) {
      if (!escapeEntities) val = this.replaceEntitiesValue(val, tagName, jPath);

      // Pass jPath string or matcher based on options.jPath setting
      const jPathOrMatcher = options.jPath ? jPath.toString() : jPath;
      const newval = options.tagValueProcessor(tagName, val, jPathOrMatcher, hasAttributes, isLeafNode);
      if (newval === null || newval === undefined) {
        //don't parse
        return val;
      } else if (typeof newval !== typeof val || newval !== val) {
        //overwrite
        return newval;
      } else if (options.trimValues) {
        return parseValue(val, options.parseTagValue, options.numberParseOptions);
      } else {
        const trimmedVal = val.trim();
        if (trimmedVal === val) {
          return parseValue(val, options.parseTagValue, options.numberParseOptions);
        } else {
          return val;
        }
      }
    }
  }
}

function resolveNameSpace(tagname) {
  if (this.options.removeNSPrefix) {
    const tags = tagname.split(':');
    const prefix = tagname.charAt(0) === '/' ? '/' : '';
    if (tags[0] === 'xmlns') {
      return '';
    }
    if (tags.length === 2) {
      tagname = prefix + tags[1];
    }
  }
  return tagname;
}

//TODO: change regex to capture NS
//const attrsRegx = new RegExp("([\\w\\-\\.\\:]+)\\s*=\\s*(['\"])((.|\n)*?)\\2","gm");
// The value is matched with a negated class per quote type rather than a lazy `[\s\S]*?` up to a
// backreference, which is much slower on long values (SVG paths, data URIs)
const attrsRegx = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;

// value inside double quotes, or inside single quotes, or undefined when there is no value
function attrValue(match) {
  return match[3] !== undefined ? match[3] : match[4];
}

function buildAttributesMap(attrStr, jPath, tagName, force = false) {
  const options = this.options;
  if (force === true || (options.ignoreAttributes !== true && typeof attrStr === 'string')) {
    // attrStr = attrStr.replace(/\r?\n/g, ' ');
    //attrStr = attrStr || attrStr.trim();

    const matches = getAllMatches(attrStr, attrsRegx);
    const len = matches.length; //don't make it inline
    const attrs = {};

    // Pre-process values once: trim + entity replacement
    // Reused in both matcher update and second pass
    const processedVals = new Array(len);
    let hasRawAttrs = false;
    const rawAttrsForMatcher = {};

    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      const oldVal = attrValue(matches[i]);

      if (attrName.length && oldVal !== undefined) {
        let val = oldVal;
        if (options.trimValues) val = val.trim();
        val = this.replaceEntitiesValue(val, tagName, this.readonlyMatcher);
        processedVals[i] = val;

        rawAttrsForMatcher[attrName] = val;
        hasRawAttrs = true;
      }
    }

    // Update matcher ONCE before second pass, if applicable
    if (hasRawAttrs && typeof jPath === 'object' && jPath.updateCurrent) {
      jPath.updateCurrent(rawAttrsForMatcher);
    }

    // Hoist toString() once — path doesn't change during attribute processing
    const jPathStr = options.jPath ? jPath.toString() : this.readonlyMatcher;

    // Second pass: apply processors, build final attrs
    let hasAttrs = false;
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);

      if (this.ignoreAttributesFn(attrName, jPathStr)) continue;

      let aName = options.attributeNamePrefix + attrName;

      if (attrName.length) {
        if (options.transformAttributeName) {
          aName = options.transformAttributeName(aName);
        }
        aName = sanitizeName(aName, options);

        if (attrValue(matches[i]) !== undefined) {
          // Reuse already-processed value — no double entity replacement
          const oldVal = processedVals[i];

          const newVal = options.attributeValueProcessor(attrName, oldVal, jPathStr);
          if (newVal === null || newVal === undefined) {
            attrs[aName] = oldVal;
          } else if (typeof newVal !== typeof oldVal || newVal !== oldVal) {
            attrs[aName] = newVal;
          } else {
            attrs[aName] = parseValue(oldVal, options.parseAttributeValue, options.numberParseOptions);
          }
          hasAttrs = true;
        } else if (options.allowBooleanAttributes) {
          attrs[aName] = true;
          hasAttrs = true;
        }
      }
    }

    if (!hasAttrs) return;

    if (options.attributesGroupName && !options.preserveOrder) {
      const attrCollection = {};
      attrCollection[options.attributesGroupName] = attrs;
      return attrCollection;
    }
    return attrs;
  }
}
const parseXml = function (xmlData) {
  const options = this.options;
  const crlfPositions = options.captureMetaData ? [] : undefined;
  xmlData = xmlData.replace(/\r\n?/g, options.captureMetaData ? (newline, index) => {
    if (newline.length === 2) {
      // Store the position after earlier CRLF pairs have been normalized.
      crlfPositions.push(index - crlfPositions.length);
    }
    return "\n";
  } : "\n");
  const xmlObj = new XmlNode('!xml');
  let currentNode = xmlObj;
  let textData = "";

  // Reset matcher for new document
  this.matcher.reset();
  this.entityDecoder.reset();

  // Reset entity expansion counters for this document
  this.entityExpansionCount = 0;
  this.currentExpandedLength = 0;
  this.doctypefound = false;
  const docTypeReader = new DocTypeReader(options.processEntities);
  const xmlLen = xmlData.length;
  for (let i = 0; i < xmlLen; i++) {//for each char in XML data
    const ch = xmlData[i];
    if (ch === '<') {
      // const nextIndex = i+1;
      // const _2ndChar = xmlData[nextIndex];
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {//Closing Tag '/'
        const closeIndex = findClosingIndex(xmlData, ">", i, "Closing Tag is not closed.")
        let tagName = xmlData.substring(i + 2, closeIndex).trim();

        if (options.removeNSPrefix) {
          const colonIndex = tagName.indexOf(":");
          if (colonIndex !== -1) {
            tagName = tagName.substr(colonIndex + 1);
          }
        }

        tagName = transformTagName(options.transformTagName, tagName, "", options).tagName;

        if (currentNode) {
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        }

        //check if last tag of nested tag was unpaired tag
        const lastTagName = this.matcher.getCurrentTag();
        if (tagName && options.unpairedTagsSet.has(tagName)) {
          throw new Error(`Unpaired tag can not be used as closing tag: </${tagName}>`);
        }
        if (lastTagName && options.unpairedTagsSet.has(lastTagName)) {
          // Pop the unpaired tag
          this.matcher.pop();
          this.tagsNodeStack.pop();
        }
        // Pop the closing tag
        this.matcher.pop();
        this.isCurrentNodeStopNode = false; // Reset flag when closing tag

        //a closing tag with no matching opening tag leaves the stack empty
        currentNode = this.tagsNodeStack.pop() || xmlObj;//avoid recursion, set the parent tag scope

        if (options.captureMetaData && currentNode) {
          currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
        }
        textData = "";
        i = closeIndex;
      } else if (c1 === 63) { //'?'

        let tagData = readTagExp(xmlData, i, false, "?>");
        if (!tagData) throw new Error("Pi Tag is not closed.");

        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        const attsMap = this.buildAttributesMap(tagData.tagExp, this.matcher, tagData.tagName, true);
        if (attsMap) {
          const ver = attsMap[this.options.attributeNamePrefix + "version"];
          this.entityDecoder.setXmlVersion(Number(ver) || 1.0);
          docTypeReader.setXmlVersion(Number(ver) || 1.0);
        }
        if ((options.ignoreDeclaration && tagData.tagName === "?xml") || options.ignorePiTags) {
          //do nothing
        } else {

          const childNode = new XmlNode(tagData.tagName);
          childNode.add(options.textNodeName, "");

          if (tagData.tagName !== tagData.tagExp && tagData.attrExpPresent && options.ignoreAttributes !== true) {
            childNode[":@"] = attsMap
          }
          const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

          if (options.captureMetaData) {
            // closeIndex points at '?' of the closing '?>'
            currentNode.addEndIndex(getOriginalIndex(tagData.closeIndex + 2, crlfPositions));
          }
        }


        i = tagData.closeIndex + 1;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 45
        && xmlData.charCodeAt(i + 3) === 45) { //'!--'
        const endIndex = findClosingIndex(xmlData, "-->", i + 4, "Comment is not closed.")
        if (options.commentPropName) {
          const comment = xmlData.substring(i + 4, endIndex - 2);

          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);

          currentNode.add(options.commentPropName, [{ [options.textNodeName]: comment }]);
        }
        i = endIndex;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 68) { //'!D'
        if (this.doctypefound) throw new Error("Multiple DOCTYPE declarations found.");
        this.doctypefound = true;
        const result = docTypeReader.readDocType(xmlData, i);
        this.entityDecoder.addInputEntities(result.entities);
        i = result.i;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 91) { // '!['
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "CDATA is not closed.") - 2;
        const tagExp = xmlData.substring(i + 9, closeIndex);

        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);

        let val = this.parseTextData(tagExp, currentNode.tagname, this.readonlyMatcher, true, false, true, true);
        if (val == undefined) val = "";

        //cdata should be set even if it is 0 length string
        if (options.cdataPropName) {
          currentNode.add(options.cdataPropName, [{ [options.textNodeName]: tagExp }]);
        } else {
          currentNode.add(options.textNodeName, val);
        }

        i = closeIndex + 2;
      } else {//Opening tag
        let result = readTagExp(xmlData, i, options.removeNSPrefix);

        // Safety check: readTagExp can return undefined
        if (!result) {
          // Log context for debugging
          const context = xmlData.substring(Math.max(0, i - 50), Math.min(xmlLen, i + 50));
          throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
        }

        let tagName = result.tagName;
        const rawTagName = result.rawTagName;
        let tagExp = result.tagExp;
        let attrExpPresent = result.attrExpPresent;
        let closeIndex = result.closeIndex;

        ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));

        if (options.strictReservedNames &&
          (tagName === options.commentPropName
            || tagName === options.cdataPropName
            || tagName === options.textNodeName
            || tagName === options.attributesGroupName
          )) {
          throw new Error(`Invalid tag name: ${tagName}`);
        }

        //save text as child node
        if (currentNode && textData) {
          if (currentNode.tagname !== '!xml') {
            //when nested tag is found
            textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher, false);
          }
        }

        //check if last tag was unpaired tag
        const lastTag = currentNode;
        if (lastTag && options.unpairedTagsSet.has(lastTag.tagname)) {
          currentNode = this.tagsNodeStack.pop();
          this.matcher.pop();
        }

        // Clean up self-closing syntax BEFORE processing attributes
        // This is where tagExp gets the trailing / removed
        let isSelfClosing = false;
        if (tagExp.length > 0 && tagExp.lastIndexOf("/") === tagExp.length - 1) {
          isSelfClosing = true;
          if (tagName[tagName.length - 1] === "/") {
            tagName = tagName.substr(0, tagName.length - 1);
            tagExp = tagName;
          } else {
            tagExp = tagExp.substr(0, tagExp.length - 1);
          }

          // Re-check attrExpPresent after cleaning
          attrExpPresent = (tagName !== tagExp);
        }

        // Now process attributes with CLEAN tagExp (no trailing /)
        let prefixedAttrs = null;
        let rawAttrs = {};
        let namespace = undefined;

        // Extract namespace from rawTagName
        namespace = extractNamespace(rawTagName);

        // Push tag to matcher FIRST (with empty attrs for now) so callbacks see correct path
        if (tagName !== xmlObj.tagname) {
          this.matcher.push(tagName, {}, namespace);
        }

        // Now build attributes - callbacks will see correct matcher state
        if (tagName !== tagExp && attrExpPresent) {
          // Build attributes (returns prefixed attributes for the tree)
          // Note: buildAttributesMap now internally updates the matcher with raw attributes
          prefixedAttrs = this.buildAttributesMap(tagExp, this.matcher, tagName);

          if (prefixedAttrs) {
            // Extract raw attributes (without prefix) for our use
            //TODO: seems a performance overhead
            rawAttrs = extractRawAttributes(prefixedAttrs, options);
          }
        }

        // Now check if this is a stop node (after attributes are set)
        if (tagName !== xmlObj.tagname) {
          this.isCurrentNodeStopNode = this.isItStopNode();
        }

        const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
        if (this.isCurrentNodeStopNode) {
          let tagContent = "";

          // For self-closing tags, content is empty
          if (isSelfClosing) {
            i = result.closeIndex;
          }
          //unpaired tag
          else if (options.unpairedTagsSet.has(tagName)) {
            i = result.closeIndex;
          }
          //normal tag
          else {
            //read until closing tag is found
            const result = this.readStopNodeData(xmlData, rawTagName, closeIndex + 1);
            if (!result) throw new Error(`Unexpected end of ${rawTagName}`);
            i = result.i;
            tagContent = result.tagContent;
          }

          const childNode = new XmlNode(tagName);

          if (prefixedAttrs) {
            childNode[":@"] = prefixedAttrs;
          }

          // For stop nodes, store raw content as-is without any processing
          childNode.add(options.textNodeName, tagContent);

          this.matcher.pop(); // Pop the stop node tag
          this.isCurrentNodeStopNode = false; // Reset flag

          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(i + 1, crlfPositions));
          }
        } else {
          //selfClosing tag
          if (isSelfClosing) {
            ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));

            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
            }
            this.matcher.pop(); // Pop self-closing tag
            this.isCurrentNodeStopNode = false; // Reset flag
          }
          else if (options.unpairedTagsSet.has(tagName)) {//unpaired tag
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);

            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(result.closeIndex + 1, crlfPositions));
            }
            this.matcher.pop(); // Pop unpaired tag
            this.isCurrentNodeStopNode = false; // Reset flag
            i = result.closeIndex;
            // Continue to next iteration without changing currentNode
            continue;
          }
          //opening tag
          else {
            const childNode = new XmlNode(tagName);
            if (this.tagsNodeStack.length > options.maxNestedTags) {
              throw new Error("Maximum nested tags exceeded");
            }
            this.tagsNodeStack.push(currentNode);

            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            currentNode = childNode;
          }
          textData = "";
          i = closeIndex;
        }
      }
    } else {
      textData += xmlData[i];
    }
  }
  return xmlObj.child;
}

function getOriginalIndex(index, crlfPositions) {
  let low = 0;
  let high = crlfPositions.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (crlfPositions[middle] < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}

function addChild(currentNode, childNode, matcher, startIndex) {
  // unset startIndex if not requested
  if (!this.options.captureMetaData) startIndex = undefined;

  // Pass jPath string or matcher based on options.jPath setting
  const jPathOrMatcher = this.options.jPath ? matcher.toString() : matcher;
  const result = this.options.updateTag(childNode.tagname, jPathOrMatcher, childNode[":@"])
  if (result === false) {
    //do nothing
  } else if (typeof result === "string") {
    childNode.tagname = result
    currentNode.addChild(childNode, startIndex);
  } else {
    currentNode.addChild(childNode, startIndex);
  }
}

/**
 * @param {object} val - Entity object with regex and val properties
 * @param {string} tagName - Tag name
 * @param {string|Matcher} jPath - jPath string or Matcher instance based on options.jPath
 */
function replaceEntitiesValue(val, tagName, jPath) {
  const entityConfig = this.options.processEntities;

  if (!entityConfig || !entityConfig.enabled) {
    return val;
  }

  // Check if tag is allowed to contain entities
  if (entityConfig.allowedTags) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    const allowed = Array.isArray(entityConfig.allowedTags)
      ? entityConfig.allowedTags.includes(tagName)
      : entityConfig.allowedTags(tagName, jPathOrMatcher);

    if (!allowed) {
      return val;
    }
  }

  // Apply custom tag filter if provided
  if (entityConfig.tagFilter) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    if (!entityConfig.tagFilter(tagName, jPathOrMatcher)) {
      return val; // Skip based on custom filter
    }
  }

  return this.entityDecoder.decode(val);
}


function saveTextToParentTag(textData, parentNode, matcher, isLeafNode) {
  if (textData) { //store previously collected data as textNode
    if (isLeafNode === undefined) isLeafNode = parentNode.child.length === 0

    textData = this.parseTextData(textData,
      parentNode.tagname,
      matcher,
      false,
      parentNode[":@"] ? Object.keys(parentNode[":@"]).length !== 0 : false,
      isLeafNode);

    if (textData !== undefined && textData !== "")
      parentNode.add(this.options.textNodeName, textData);
    textData = "";
  }
  return textData;
}

/**
 * @param {Array<Expression>} stopNodeExpressions - Array of compiled Expression objects
 * @param {Matcher} matcher - Current path matcher
 */
function isItStopNode() {
  if (this.stopNodeExpressionsSet.size === 0) return false;

  return this.matcher.matchesAny(this.stopNodeExpressionsSet);
}

/**
 * Returns the tag Expression and where it is ending handling single-double quotes situation
 * @param {string} xmlData 
 * @param {number} i starting index
 * @returns 
 */
function tagExpWithClosingIndex(xmlData, i, closingChar = ">") {
  //TODO: ignore boolean attributes in tag expression
  //TODO: if ignore attributes, dont read full attribute expression but the end. But read for xml declaration
  const len = xmlData.length;
  const closeCode0 = closingChar.charCodeAt(0);
  const closeCode1 = closingChar.length > 1 ? closingChar.charCodeAt(1) : -1;

  let result = '';
  let segmentStart = i;

  for (let index = i; index < len; index++) {
    const code = xmlData.charCodeAt(index);

    if (code === 34 || code === 39) { // " or '
      // Skip the quoted value in one step: nothing inside it can close the tag
      index = xmlData.indexOf(xmlData[index], index + 1);
      if (index === -1) return;
    } else if (code === closeCode0) {
      if (closeCode1 !== -1) {
        if (xmlData.charCodeAt(index + 1) === closeCode1) {
          result += xmlData.substring(segmentStart, index);
          return { data: result, index };
        }
      } else {
        result += xmlData.substring(segmentStart, index);
        return { data: result, index };
      }
    } else if (code === 9) { // \t - only replace with space outside attribute values
      // Flush accumulated segment, add space, start new segment
      result += xmlData.substring(segmentStart, index) + ' ';
      segmentStart = index + 1;
    }
  }
}

function findClosingIndex(xmlData, str, i, errMsg) {
  const closingIndex = xmlData.indexOf(str, i);
  if (closingIndex === -1) {
    throw new Error(errMsg)
  } else {
    return closingIndex + str.length - 1;
  }
}

function findClosingChar(xmlData, char, i, errMsg) {
  const closingIndex = xmlData.indexOf(char, i);
  if (closingIndex === -1) throw new Error(errMsg);
  return closingIndex; // no offset needed
}

function readTagExp(xmlData, i, removeNSPrefix, closingChar = ">") {
  const result = tagExpWithClosingIndex(xmlData, i + 1, closingChar);
  if (!result) return;
  let tagExp = result.data;
  const closeIndex = result.index;
  const separatorIndex = tagExp.search(/\s/);
  let tagName = tagExp;
  let attrExpPresent = true;
  if (separatorIndex !== -1) {//separate tag name and attributes expression
    tagName = tagExp.substring(0, separatorIndex);
    tagExp = tagExp.substring(separatorIndex + 1).trimStart();
  }

  const rawTagName = tagName;
  if (removeNSPrefix) {
    const colonIndex = tagName.indexOf(":");
    if (colonIndex !== -1) {
      tagName = tagName.substr(colonIndex + 1);
      attrExpPresent = tagName !== result.data.substr(colonIndex + 1);
    }
  }

  return {
    tagName: tagName,
    tagExp: tagExp,
    closeIndex: closeIndex,
    attrExpPresent: attrExpPresent,
    rawTagName: rawTagName,
  }
}
/**
 * find paired tag for a stop node
 * @param {string} xmlData 
 * @param {string} tagName 
 * @param {number} i 
 */
function readStopNodeData(xmlData, tagName, i) {
  const startIndex = i;
  // Starting at 1 since we already have an open tag
  let openTagCount = 1;
  let lenient = false; // set once a quote-aware tag scan fails
  let nextGt = -1; // cached index of the next '>'

  const xmllen = xmlData.length;
  for (; i < xmllen; i++) {
    if (xmlData[i] === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {//close tag '/'
        const closeIndex = findClosingChar(xmlData, ">", i, `${tagName} is not closed`);
        let closeTagName = xmlData.substring(i + 2, closeIndex).trim();
        if (closeTagName === tagName) {
          openTagCount--;
          if (openTagCount === 0) {
            return {
              tagContent: xmlData.substring(startIndex, i),
              i: closeIndex
            }
          }
        }
        i = closeIndex;
      } else if (c1 === 63) { //?
        const closeIndex = findClosingIndex(xmlData, "?>", i + 1, "StopNode is not closed.")
        i = closeIndex;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 45
        && xmlData.charCodeAt(i + 3) === 45) { // '!--'
        const closeIndex = findClosingIndex(xmlData, "-->", i + 3, "StopNode is not closed.")
        i = closeIndex;
      } else if (c1 === 33
        && xmlData.charCodeAt(i + 2) === 91) { // '!['
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "StopNode is not closed.") - 2;
        i = closeIndex;
      } else {
        const tagData = lenient ? undefined : readTagExp(xmlData, i, false);

        if (tagData) {
          const openTagName = tagData.tagName;
          if (openTagName === tagName && tagData.tagExp[tagData.tagExp.length - 1] !== "/") {
            openTagCount++;
          }
          i = tagData.closeIndex;
        } else {
          // no closing '>'. use lenient approach to find '<' instead of readTagExp, to avoid repeated rescans.
          lenient = true;
          if (nextGt < i) {
            nextGt = xmlData.indexOf(">", i);
            if (nextGt === -1) return; // no '>' left, so no closing tag can follow
          }
          const nextLt = xmlData.indexOf("<", i + 1);
          if (nextLt === -1 || nextLt > nextGt) { // looks like a real tag
            const exp = xmlData.substring(i + 1, nextGt);
            const sep = exp.search(/\s/);
            const name = sep === -1 ? exp : exp.substring(0, sep);
            if (name === tagName && exp[exp.length - 1] !== "/") openTagCount++;
            i = nextGt;
          } // else: treat this '<' as plain text
        }
      }
    }
  }//end for loop
}

function parseValue(val, shouldParse, options) {
  if (shouldParse && typeof val === 'string') {
    //console.log(options)
    const newval = val.trim();
    if (newval === 'true') return true;
    else if (newval === 'false') return false;
    else return toNumber(val, options);
  } else {
    if (isExist(val)) {
      return val;
    } else {
      return '';
    }
  }
}

function fromCodePoint(str, base, prefix) {
  const codePoint = Number.parseInt(str, base);

  if (codePoint >= 0 && codePoint <= 0x10FFFF) {
    return String.fromCodePoint(codePoint);
  } else {
    return prefix + str + ";";
  }
}

function transformTagName(fn, tagName, tagExp, options) {
  if (fn) {
    const newTagName = fn(tagName);
    if (tagExp === tagName) {
      tagExp = newTagName
    }
    tagName = newTagName;
  }
  tagName = sanitizeName(tagName, options);
  return { tagName, tagExp };
}



function sanitizeName(name, options) {
  if (criticalProperties.includes(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  } else if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return options.onDangerousProperty(name);
  }
  return name;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/node2json.js





const node2json_METADATA_SYMBOL = XmlNode.getMetaDataSymbol();

/**
 * Helper function to strip attribute prefix from attribute map
 * @param {object} attrs - Attributes with prefix (e.g., {"@_class": "code"})
 * @param {string} prefix - Attribute prefix to remove (e.g., "@_")
 * @returns {object} Attributes without prefix (e.g., {"class": "code"})
 */
function stripAttributePrefix(attrs, prefix) {
  if (!attrs || typeof attrs !== 'object') return {};
  if (!prefix) return attrs;

  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(prefix)) {
      const rawName = key.substring(prefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      // Attribute without prefix (shouldn't normally happen, but be safe)
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}

/**
 * 
 * @param {array} node 
 * @param {any} options 
 * @param {Matcher} matcher - Path matcher instance
 * @returns 
 */
function prettify(node, options, matcher, readonlyMatcher) {
  return compress(node, options, matcher, readonlyMatcher);
}

/**
 * @param {array} arr 
 * @param {object} options 
 * @param {Matcher} matcher - Path matcher instance
 * @returns object
 */
function compress(arr, options, matcher, readonlyMatcher) {
  let text;
  const compressedObj = {}; //This is intended to be a plain object
  for (let i = 0; i < arr.length; i++) {
    const tagObj = arr[i];
    const property = propName(tagObj);

    // Push current property to matcher WITH RAW ATTRIBUTES (no prefix)
    if (property !== undefined && property !== options.textNodeName) {
      const rawAttrs = stripAttributePrefix(
        tagObj[":@"] || {},
        options.attributeNamePrefix
      );
      matcher.push(property, rawAttrs);
    }

    if (property === options.textNodeName) {
      if (text === undefined) text = tagObj[property];
      else text += "" + tagObj[property];
    } else if (property === undefined) {
      continue;
    } else if (tagObj[property]) {

      let val = compress(tagObj[property], options, matcher, readonlyMatcher);
      const isLeaf = isLeafTag(val, options);

      if (Object.keys(val).length === 0 && options.alwaysCreateTextNode) {
        val[options.textNodeName] = "";
      }

      if (tagObj[":@"]) {
        assignAttributes(val, tagObj[":@"], readonlyMatcher, options);
      } else if (Object.keys(val).length === 1 && val[options.textNodeName] !== undefined && !options.alwaysCreateTextNode) {
        val = val[options.textNodeName];
      } else if (Object.keys(val).length === 0) {
        if (options.alwaysCreateTextNode) val[options.textNodeName] = "";
        else val = "";
      }

      if (tagObj[node2json_METADATA_SYMBOL] !== undefined && typeof val === "object" && val !== null) {
        val[node2json_METADATA_SYMBOL] = tagObj[node2json_METADATA_SYMBOL]; // copy over metadata
      }


      if (compressedObj[property] !== undefined && Object.prototype.hasOwnProperty.call(compressedObj, property)) {
        if (!Array.isArray(compressedObj[property])) {
          compressedObj[property] = [compressedObj[property]];
        }
        compressedObj[property].push(val);
      } else {
        //TODO: if a node is not an array, then check if it should be an array
        //also determine if it is a leaf node

        // Pass jPath string or readonlyMatcher based on options.jPath setting
        const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() : readonlyMatcher;
        if (options.isArray(property, jPathOrMatcher, isLeaf)) {
          compressedObj[property] = [val];
        } else {
          compressedObj[property] = val;
        }
      }

      // Pop property from matcher after processing
      if (property !== undefined && property !== options.textNodeName) {
        matcher.pop();
      }
    }

  }
  // if(text && text.length > 0) compressedObj[options.textNodeName] = text;
  if (typeof text === "string") {
    if (text.length > 0) compressedObj[options.textNodeName] = text;
  } else if (text !== undefined) compressedObj[options.textNodeName] = text;


  return compressedObj;
}

function propName(obj) {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== ":@") return key;
  }
}

function assignAttributes(obj, attrMap, readonlyMatcher, options) {
  if (attrMap) {
    const keys = Object.keys(attrMap);
    const len = keys.length; //don't make it inline
    for (let i = 0; i < len; i++) {
      const atrrName = keys[i];  // This is the PREFIXED name (e.g., "@_class")

      // Strip prefix for matcher path (for isArray callback)
      const rawAttrName = atrrName.startsWith(options.attributeNamePrefix)
        ? atrrName.substring(options.attributeNamePrefix.length)
        : atrrName;

      // For attributes, we need to create a temporary path
      // Pass jPath string or matcher based on options.jPath setting
      const jPathOrMatcher = options.jPath
        ? readonlyMatcher.toString() + "." + rawAttrName
        : readonlyMatcher;

      if (options.isArray(atrrName, jPathOrMatcher, true, true)) {
        obj[atrrName] = [attrMap[atrrName]];
      } else {
        obj[atrrName] = attrMap[atrrName];
      }
    }
  }
}

function isLeafTag(obj, options) {
  const { textNodeName } = options;
  const propCount = Object.keys(obj).length;

  if (propCount === 0) {
    return true;
  }

  if (
    propCount === 1 &&
    (obj[textNodeName] || typeof obj[textNodeName] === "boolean" || obj[textNodeName] === 0)
  ) {
    return true;
  }

  return false;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/validator.js




const validator_defaultOptions = {
  allowBooleanAttributes: false, //A tag can have attributes without any value
  unpairedTags: []
};

//const tagsPattern = new RegExp("<\\/?([\\w:\\-_\.]+)\\s*\/?>","g");
function validator_validate(xmlData, options) {
  options = Object.assign({}, validator_defaultOptions, options);

  //xmlData = xmlData.replace(/(\r\n|\n|\r)/gm,"");//make it single line
  //xmlData = xmlData.replace(/(^\s*<\?xml.*?\?>)/g,"");//Remove XML starting tag
  //xmlData = xmlData.replace(/(<!DOCTYPE[\s\w\"\.\/\-\:]+(\[.*\])*\s*>)/g,"");//Remove DOCTYPE
  const tags = [];
  let tagFound = false;

  //indicates that the root tag has been closed (aka. depth 0 has been reached)
  let reachedRoot = false;

  if (xmlData[0] === '\ufeff') {
    // check for byte order mark (BOM)
    xmlData = xmlData.substr(1);
  }

  for (let i = 0; i < xmlData.length; i++) {

    if (xmlData[i] === '<' && xmlData[i + 1] === '?') {
      i += 2;
      i = readPI(xmlData, i);
      if (i.err) return i;
    } else if (xmlData[i] === '<') {
      //starting of tag
      //read until you reach to '>' avoiding any '>' in attribute value
      let tagStartPos = i;
      i++;

      if (xmlData[i] === '!') {
        i = readCommentAndCDATA(xmlData, i);
        continue;
      } else {
        let closingTag = false;
        if (xmlData[i] === '/') {
          //closing tag
          closingTag = true;
          i++;
        }
        //read tagname
        let tagName = '';
        for (; i < xmlData.length &&
          xmlData[i] !== '>' &&
          xmlData[i] !== ' ' &&
          xmlData[i] !== '\t' &&
          xmlData[i] !== '\n' &&
          xmlData[i] !== '\r'; i++
        ) {
          tagName += xmlData[i];
        }
        tagName = tagName.trim();
        //console.log(tagName);

        if (tagName[tagName.length - 1] === '/') {
          //self closing tag without attributes
          tagName = tagName.substring(0, tagName.length - 1);
          //continue;
          i--;
        }
        if (!validateTagName(tagName)) {
          let msg;
          if (tagName.trim().length === 0) {
            msg = "Invalid space after '<'.";
          } else {
            msg = "Tag '" + tagName + "' is an invalid name.";
          }
          return getErrorObject('InvalidTag', msg, getLineNumberForPosition(xmlData, i));
        }

        const result = readAttributeStr(xmlData, i);
        if (result === false) {
          return getErrorObject('InvalidAttr', "Attributes for '" + tagName + "' have open quote.", getLineNumberForPosition(xmlData, i));
        }
        let attrStr = result.value;
        i = result.index;

        if (attrStr[attrStr.length - 1] === '/') {
          //self closing tag
          const attrStrStart = i - attrStr.length;
          attrStr = attrStr.substring(0, attrStr.length - 1);
          const isValid = validateAttributeString(attrStr, options);
          if (isValid === true) {
            tagFound = true;
            //continue; //text may presents after self closing tag
          } else {
            //the result from the nested function returns the position of the error within the attribute
            //in order to get the 'true' error line, we need to calculate the position where the attribute begins (i - attrStr.length) and then add the position within the attribute
            //this gives us the absolute index in the entire xml, which we can use to find the line at last
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, attrStrStart + isValid.err.line));
          }
        } else if (closingTag) {
          if (!result.tagClosed) {
            return getErrorObject('InvalidTag', "Closing tag '" + tagName + "' doesn't have proper closing.", getLineNumberForPosition(xmlData, i));
          } else if (attrStr.trim().length > 0) {
            return getErrorObject('InvalidTag', "Closing tag '" + tagName + "' can't have attributes or invalid starting.", getLineNumberForPosition(xmlData, tagStartPos));
          } else if (tags.length === 0) {
            return getErrorObject('InvalidTag', "Closing tag '" + tagName + "' has not been opened.", getLineNumberForPosition(xmlData, tagStartPos));
          } else {
            const otg = tags.pop();
            if (tagName !== otg.tagName) {
              let openPos = getLineNumberForPosition(xmlData, otg.tagStartPos);
              return getErrorObject('InvalidTag',
                "Expected closing tag '" + otg.tagName + "' (opened in line " + openPos.line + ", col " + openPos.col + ") instead of closing tag '" + tagName + "'.",
                getLineNumberForPosition(xmlData, tagStartPos));
            }

            //when there are no more tags, we reached the root level.
            if (tags.length == 0) {
              reachedRoot = true;
            }
          }
        } else {
          const isValid = validateAttributeString(attrStr, options);
          if (isValid !== true) {
            //the result from the nested function returns the position of the error within the attribute
            //in order to get the 'true' error line, we need to calculate the position where the attribute begins (i - attrStr.length) and then add the position within the attribute
            //this gives us the absolute index in the entire xml, which we can use to find the line at last
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, i - attrStr.length + isValid.err.line));
          }

          //if the root level has been reached before ...
          if (reachedRoot === true) {
            return getErrorObject('InvalidXml', 'Multiple possible root nodes found.', getLineNumberForPosition(xmlData, i));
          } else if (options.unpairedTags.indexOf(tagName) !== -1) {
            //don't push into stack
          } else {
            tags.push({ tagName, tagStartPos });
          }
          tagFound = true;
        }

        //skip tag text value
        //It may include comments and CDATA value
        for (i++; i < xmlData.length; i++) {
          if (xmlData[i] === '<') {
            if (xmlData[i + 1] === '!') {
              //comment or CADATA
              i++;
              i = readCommentAndCDATA(xmlData, i);
              continue;
            } else if (xmlData[i + 1] === '?') {
              i = readPI(xmlData, ++i);
              if (i.err) return i;
            } else {
              break;
            }
          } else if (xmlData[i] === '&') {
            const afterAmp = validateAmpersand(xmlData, i);
            if (afterAmp == -1)
              return getErrorObject('InvalidChar', "char '&' is not expected.", getLineNumberForPosition(xmlData, i));
            i = afterAmp;
          } else {
            if (reachedRoot === true && !isWhiteSpace(xmlData[i])) {
              return getErrorObject('InvalidXml', "Extra text at the end", getLineNumberForPosition(xmlData, i));
            }
          }
        } //end of reading tag text value
        if (xmlData[i] === '<') {
          i--;
        }
      }
    } else {
      if (isWhiteSpace(xmlData[i])) {
        continue;
      }
      return getErrorObject('InvalidChar', "char '" + xmlData[i] + "' is not expected.", getLineNumberForPosition(xmlData, i));
    }
  }

  if (!tagFound) {
    return getErrorObject('InvalidXml', 'Start tag expected.', 1);
  } else if (tags.length == 1) {
    return getErrorObject('InvalidTag', "Unclosed tag '" + tags[0].tagName + "'.", getLineNumberForPosition(xmlData, tags[0].tagStartPos));
  } else if (tags.length > 0) {
    return getErrorObject('InvalidXml', "Invalid '" +
      JSON.stringify(tags.map(t => t.tagName), null, 4).replace(/\r?\n/g, '') +
      "' found.", { line: 1, col: 1 });
  }

  return true;
};

function isWhiteSpace(char) {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
/**
 * Read Processing insstructions and skip
 * @param {*} xmlData
 * @param {*} i
 */
function readPI(xmlData, i) {
  const start = i;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] == '?' || xmlData[i] == ' ') {
      //tagname
      const tagname = xmlData.substr(start, i - start);
      if (i > 5 && tagname === 'xml') {
        return getErrorObject('InvalidXml', 'XML declaration allowed only at the start of the document.', getLineNumberForPosition(xmlData, i));
      } else if (xmlData[i] == '?' && xmlData[i + 1] == '>') {
        //check if valid attribut string
        i++;
        break;
      } else {
        continue;
      }
    }
  }
  return i;
}

function readCommentAndCDATA(xmlData, i) {
  if (xmlData.length > i + 5 && xmlData[i + 1] === '-' && xmlData[i + 2] === '-') {
    //comment
    for (i += 3; i < xmlData.length; i++) {
      if (xmlData[i] === '-' && xmlData[i + 1] === '-' && xmlData[i + 2] === '>') {
        i += 2;
        break;
      }
    }
  } else if (
    xmlData.length > i + 8 &&
    xmlData[i + 1] === 'D' &&
    xmlData[i + 2] === 'O' &&
    xmlData[i + 3] === 'C' &&
    xmlData[i + 4] === 'T' &&
    xmlData[i + 5] === 'Y' &&
    xmlData[i + 6] === 'P' &&
    xmlData[i + 7] === 'E'
  ) {
    let angleBracketsCount = 1;
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === '<') {
        angleBracketsCount++;
      } else if (xmlData[i] === '>') {
        angleBracketsCount--;
        if (angleBracketsCount === 0) {
          break;
        }
      }
    }
  } else if (
    xmlData.length > i + 9 &&
    xmlData[i + 1] === '[' &&
    xmlData[i + 2] === 'C' &&
    xmlData[i + 3] === 'D' &&
    xmlData[i + 4] === 'A' &&
    xmlData[i + 5] === 'T' &&
    xmlData[i + 6] === 'A' &&
    xmlData[i + 7] === '['
  ) {
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === ']' && xmlData[i + 1] === ']' && xmlData[i + 2] === '>') {
        i += 2;
        break;
      }
    }
  }

  return i;
}

const doubleQuote = '"';
const singleQuote = "'";

/**
 * Keep reading xmlData until '<' is found outside the attribute value.
 * @param {string} xmlData
 * @param {number} i
 */
function readAttributeStr(xmlData, i) {
  let attrStr = '';
  let startChar = '';
  let tagClosed = false;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === doubleQuote || xmlData[i] === singleQuote) {
      if (startChar === '') {
        startChar = xmlData[i];
      } else if (startChar !== xmlData[i]) {
        //if vaue is enclosed with double quote then single quotes are allowed inside the value and vice versa
      } else {
        startChar = '';
      }
    } else if (xmlData[i] === '>') {
      if (startChar === '') {
        tagClosed = true;
        break;
      }
    }
    attrStr += xmlData[i];
  }
  if (startChar !== '') {
    return false;
  }

  return {
    value: attrStr,
    index: i,
    tagClosed: tagClosed
  };
}

/**
 * Walk `attrStr` once, left to right, splitting it into attribute tokens.
 *
 * This replaces a regex that used to do the same job
 * (`(\s*)([^\s=]+)(\s*=)?(\s*(['"])(([\s\S])*?)\5)?`). That regex led with an
 * optional whitespace group followed by a required "non-whitespace" group.
 * On a long run of whitespace that never resolves into an attribute name
 * (e.g. a tag with thousands of trailing spaces before `>`), the engine
 * backtracks the whitespace group one character at a time before giving up
 * and moving to the next starting position — one full backtrack per
 * position, which is quadratic in the length of the run.
 *
 * The scan is forward-only: the cursor never moves backwards, so each
 * character is visited a constant number of times and the cost is linear
 * in the length of the string.
 *
 * Each returned token mirrors the shape the old regex match array had, so
 * the validation logic below (which reads token[1]..token[6]) didn't need
 * to change:
 *   token.startIndex - where this token begins in attrStr
 *   token[1]          - leading whitespace before the name
 *   token[2]          - the attribute name
 *   token[3]          - whitespace + '=' if present, else undefined
 *   token[4]          - marker (any defined value) if a quoted value was found
 *   token[5]          - the quote character used ('"' or "'")
 *   token[6]          - the value's text, without the surrounding quotes
 *
 * A malformed leading character (e.g. a stray '=' with no name before it)
 * is simply skipped over, one character at a time — the same outcome the
 * old regex produced by failing to match at that position and retrying at
 * the next one.
 */
function scanAttributeTokens(attrStr) {
  const tokens = [];
  const len = attrStr.length;
  let i = 0;

  while (i < len) {
    const tokenStart = i;

    // Leading whitespace before the name.
    while (i < len && isWhiteSpace(attrStr[i])) i++;
    if (i >= len) break; // trailing whitespace only — nothing left to read

    if (attrStr[i] === '=') {
      // No name before this '=' — not a valid attribute start. Move past
      i++;
      continue;
    }

    const leadingWs = attrStr.slice(tokenStart, i);

    // Attribute name — everything up to the next whitespace or '='.
    const nameStart = i;
    while (i < len && !isWhiteSpace(attrStr[i]) && attrStr[i] !== '=') i++;
    const name = attrStr.slice(nameStart, i);

    // Optional whitespace + '='.
    let equalsGroup; // whitespace + '=' text, or undefined if absent
    let j = i;
    while (j < len && isWhiteSpace(attrStr[j])) j++;
    if (j < len && attrStr[j] === '=') {
      equalsGroup = attrStr.slice(i, j + 1);
      i = j + 1;
    }

    // Optional whitespace + quoted value.
    let quoteChar;
    let value;
    let k = i;
    while (k < len && isWhiteSpace(attrStr[k])) k++;
    if (k < len && (attrStr[k] === '"' || attrStr[k] === "'")) {
      const valueStart = k + 1;
      const closeIdx = attrStr.indexOf(attrStr[k], valueStart);
      if (closeIdx !== -1) {
        quoteChar = attrStr[k];
        value = attrStr.slice(valueStart, closeIdx);
        i = closeIdx + 1;
      }
      // No closing quote found anywhere in the rest of the string — leave
      // quoteChar/value undefined, same as the old regex's group failing
      // to match a backreference-less run.
    }

    const token = { startIndex: tokenStart };
    token[1] = leadingWs;
    token[2] = name;
    token[3] = equalsGroup;
    token[4] = quoteChar !== undefined ? true : undefined;
    token[5] = quoteChar;
    token[6] = value;
    tokens.push(token);
  }

  return tokens;
}

//attr, ="sd", a="amit's", a="sd"b="saf", ab  cd=""

function validateAttributeString(attrStr, options) {
  //console.log("start:"+attrStr+":end");

  //if(attrStr.trim().length === 0) return true; //empty string

  const matches = scanAttributeTokens(attrStr);
  const attrNames = {};

  for (let i = 0; i < matches.length; i++) {
    if (matches[i][1].length === 0) {
      //nospace before attribute name: a="sd"b="saf"
      return getErrorObject('InvalidAttr', "Attribute '" + matches[i][2] + "' has no space in starting.", getPositionFromMatch(matches[i]))
    } else if (matches[i][3] !== undefined && matches[i][4] === undefined) {
      return getErrorObject('InvalidAttr', "Attribute '" + matches[i][2] + "' is without value.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] === undefined && !options.allowBooleanAttributes) {
      //independent attribute: ab
      return getErrorObject('InvalidAttr', "boolean attribute '" + matches[i][2] + "' is not allowed.", getPositionFromMatch(matches[i]));
    }
    /* else if(matches[i][6] === undefined){//attribute without value: ab=
                    return { err: { code:"InvalidAttr",msg:"attribute " + matches[i][2] + " has no value assigned."}};
                } */
    const attrName = matches[i][2];
    if (!validateAttrName(attrName)) {
      return getErrorObject('InvalidAttr', "Attribute '" + attrName + "' is an invalid name.", getPositionFromMatch(matches[i]));
    }
    if (!Object.prototype.hasOwnProperty.call(attrNames, attrName)) {
      //check for duplicate attribute.
      attrNames[attrName] = 1;
    } else {
      return getErrorObject('InvalidAttr', "Attribute '" + attrName + "' is repeated.", getPositionFromMatch(matches[i]));
    }
  }

  return true;
}

function validateNumberAmpersand(xmlData, i) {
  let re = /\d/;
  if (xmlData[i] === 'x') {
    i++;
    re = /[\da-fA-F]/;
  }
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === ';')
      return i;
    if (!xmlData[i].match(re))
      break;
  }
  return -1;
}

function validateAmpersand(xmlData, i) {
  // https://www.w3.org/TR/xml/#dt-charref
  i++;
  if (xmlData[i] === ';')
    return -1;
  if (xmlData[i] === '#') {
    i++;
    return validateNumberAmpersand(xmlData, i);
  }
  let count = 0;
  for (; i < xmlData.length; i++, count++) {
    if (xmlData[i].match(/\w/) && count < 20)
      continue;
    if (xmlData[i] === ';')
      break;
    return -1;
  }
  return i;
}

function getErrorObject(code, message, lineNumber) {
  return {
    err: {
      code: code,
      msg: message,
      line: lineNumber.line || lineNumber,
      col: lineNumber.col,
    },
  };
}

function validateAttrName(attrName) {
  return isName(attrName);
}

// const startsWithXML = /^xml/i;

function validateTagName(tagname) {
  return isName(tagname) /* && !tagname.match(startsWithXML) */;
}

//this function returns the line number for the character at the given index
function getLineNumberForPosition(xmlData, index) {
  const lines = xmlData.substring(0, index).split(/\r?\n/);
  return {
    line: lines.length,

    // column number is last line's length + 1, because column numbering starts at 1:
    col: lines[lines.length - 1].length + 1
  };
}

//this function returns the position of the first character of match within attrStr
function getPositionFromMatch(match) {
  return match.startIndex + match[1].length;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js
/* global Uint8Array */






class XMLParser {

    constructor(options) {
        this.externalEntities = {};
        this.options = buildOptions(options);

    }
    /**
     * Parse XML dats to JS object 
     * @param {string|Uint8Array} xmlData 
     * @param {boolean|Object} validationOption 
     */
    parse(xmlData, validationOption) {
        if (typeof xmlData !== "string" && xmlData.toString) {
            if (xmlData instanceof Uint8Array &&
                !(typeof Buffer !== "undefined" && Buffer.isBuffer(xmlData))) {
                xmlData = new TextDecoder("utf-8", { ignoreBOM: true }).decode(xmlData);
            } else {
                xmlData = xmlData.toString();
            }
        } else if (typeof xmlData !== "string") {
            throw new Error("XML data is accepted in String or Bytes[] form.")
        }

        if (validationOption) {
            if (validationOption === true) validationOption = {}; //validate with default options

            const result = validator_validate(xmlData, validationOption);
            if (result !== true) {
                throw Error(`${result.err.msg}:${result.err.line}:${result.err.col}`)
            }
        }
        const orderedObjParser = new OrderedObjParser(this.options, this.externalEntities);
        // orderedObjParser.entityDecoder.setExternalEntities(this.externalEntities);
        const orderedResult = orderedObjParser.parseXml(xmlData);
        if (this.options.preserveOrder || orderedResult === undefined) return orderedResult;
        else return prettify(orderedResult, this.options, orderedObjParser.matcher, orderedObjParser.readonlyMatcher);
    }

    /**
     * Add Entity which is not by default supported by this library
     * @param {string} key 
     * @param {string} value 
     */
    addEntity(key, value) {
        if (value.indexOf("&") !== -1) {
            throw new Error("Entity value can't have '&'")
        } else if (key.indexOf("&") !== -1 || key.indexOf(";") !== -1) {
            throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'")
        } else if (value === "&") {
            throw new Error("An entity with value '&' is not permitted");
        } else {
            this.externalEntities[key] = value;
        }
    }

    /**
     * Returns a Symbol that can be used to access the metadata
     * property on a node.
     * 
     * If Symbol is not available in the environment, an ordinary property is used
     * and the name of the property is here returned.
     * 
     * The XMLMetaData property is only present when `captureMetaData`
     * is true in the options.
     */
    static getMetaDataSymbol() {
        return XmlNode.getMetaDataSymbol();
    }
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/fxp.js






const XMLValidator = {
  validate: validator_validate
}

;// CONCATENATED MODULE: ./src/repo/manifest-common.ts
// Small helpers shared by the manifest readers: every reader returns what it could read and
// records what it could not, rather than throwing.

function emptyManifest(path, kind) {
    return { path, kind, dependencies: [], devDependencies: [], scripts: {}, bin: {}, engines: {}, workspaces: [] };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function asString(value) {
    return typeof value === 'string' ? value : undefined;
}
/** The string-valued entries of an object (others dropped). */
function stringRecord(value) {
    const out = {};
    if (!isRecord(value))
        return out;
    for (const [key, item] of Object.entries(value))
        if (typeof item === 'string')
            out[key] = item;
    return out;
}
function stringArray(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
/** Appends names not yet present, keeping declaration order. */
function addUnique(target, names) {
    for (const name of names)
        if (name && !target.includes(name))
            target.push(name);
}
/** The distribution name at the start of a PEP 508 requirement (`requests[socks]>=2; python_version<"3.8"` gives `requests`). */
function requirementName(requirement) {
    const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement);
    return match?.[1];
}
/** Records a problem on the manifest (several are joined). */
function addError(manifest, problem) {
    manifest.error = manifest.error ? `${manifest.error}; ${problem}` : problem;
}
/** Why `text` is not well-formed XML ("line 3: ..."), or undefined when it is. */
function xmlProblem(text) {
    const valid = XMLValidator.validate(text);
    return valid === true ? undefined : `line ${valid.err.line}: ${valid.err.msg.replace(/\s+/g, ' ')}`;
}

;// CONCATENATED MODULE: ./src/repo/coverage-formats.ts
// Parsers for the four coverage formats. Each returns per-file coverage keyed by the path as
// written in the report; coverage.ts maps those paths into the repository.


/** Accumulates one file's coverage; repeated entries for a file (several test runs, Java inner classes) add up. */
class FileAccumulator {
    lines = new Map();
    branches = new Map();
    functions = new Map();
    line(line, hits) {
        if (!Number.isInteger(line) || line < 1)
            return;
        this.lines.set(line, (this.lines.get(line) ?? 0) + Math.max(0, hits || 0));
    }
    branch(key, hits) {
        this.branches.set(key, (this.branches.get(key) ?? 0) + Math.max(0, hits || 0));
    }
    fn(name, line, hits) {
        const key = `${name}@${line}`;
        const existing = this.functions.get(key);
        if (existing)
            existing.hits += Math.max(0, hits || 0);
        else
            this.functions.set(key, { name, line, hits: Math.max(0, hits || 0) });
    }
    finish(path) {
        const uncoveredLines = [];
        let linesHit = 0;
        for (const [line, hits] of this.lines) {
            if (hits > 0)
                linesHit++;
            else
                uncoveredLines.push(line);
        }
        let branchesHit = 0;
        for (const hits of this.branches.values())
            if (hits > 0)
                branchesHit++;
        return {
            path,
            linesFound: this.lines.size,
            linesHit,
            branchesFound: this.branches.size,
            branchesHit,
            uncoveredLines: uncoveredLines.sort((a, b) => a - b),
            functions: [...this.functions.values()].sort((a, b) => a.line - b.line || (a.name < b.name ? -1 : 1))
        };
    }
}
function accumulator(files, path) {
    let found = files.get(path);
    if (!found)
        files.set(path, (found = new FileAccumulator()));
    return found;
}
/** lcov tracefiles (`SF:`, `DA:`, `FN:`/`FNDA:`, `BRDA:`, `end_of_record`). */
function parseLcov(text) {
    const files = new Map();
    let current;
    // Function lines (FN) and counts (FNDA) come separately; a function with no FNDA was not called.
    let fnLines = new Map();
    let fnHits = new Map();
    const flush = () => {
        if (current) {
            for (const [name, line] of fnLines)
                current.fn(name, line, fnHits.get(name) ?? 0);
            for (const [name, hits] of fnHits)
                if (!fnLines.has(name))
                    current.fn(name, 0, hits);
        }
        fnLines = new Map();
        fnHits = new Map();
    };
    for (const raw of text.split(/\r?\n/)) {
        const colon = raw.indexOf(':');
        const tag = colon < 0 ? raw.trim() : raw.slice(0, colon).trim();
        const value = colon < 0 ? '' : raw.slice(colon + 1);
        if (tag === 'SF') {
            flush();
            current = accumulator(files, value.trim());
        }
        else if (tag === 'end_of_record') {
            flush();
            current = undefined;
        }
        else if (current) {
            const parts = value.split(',');
            if (tag === 'DA')
                current.line(Number(parts[0]), Number(parts[1]));
            else if (tag === 'FN') {
                // lcov 1.x: FN:line,name; lcov 2.x: FN:start,end,name.
                const name = parts.length >= 3 && /^\d+$/.test(parts[1]) ? parts.slice(2).join(',') : parts.slice(1).join(',');
                fnLines.set(name, Number(parts[0]));
            }
            else if (tag === 'FNDA') {
                const name = parts.slice(1).join(',');
                fnHits.set(name, (fnHits.get(name) ?? 0) + Math.max(0, Number(parts[0]) || 0));
            }
            else if (tag === 'BRDA') {
                current.branch(`${parts[0]}:${parts[1]}:${parts[2]}`, parts[3] === '-' ? 0 : Number(parts[3]));
            }
        }
    }
    flush();
    return files;
}
/** Istanbul's coverage-final.json: statement, function and branch maps with hit counts. */
function parseIstanbul(data) {
    const files = new Map();
    for (const [key, value] of Object.entries(data)) {
        const entry = isRecord(value) && isRecord(value.data) ? value.data : value;
        if (!isRecord(entry) || !isRecord(entry.statementMap))
            continue;
        const path = typeof entry.path === 'string' ? entry.path : key;
        const file = accumulator(files, path);
        const statements = isRecord(entry.s) ? entry.s : {};
        // A line's hits are the most any statement starting on it got (as istanbul-lib-coverage counts lines).
        const lineHits = new Map();
        for (const [id, location] of Object.entries(entry.statementMap)) {
            const line = location?.start?.line;
            if (typeof line !== 'number')
                continue;
            const hits = Number(statements[id] ?? 0);
            lineHits.set(line, Math.max(lineHits.get(line) ?? 0, hits));
        }
        for (const [line, hits] of lineHits)
            file.line(line, hits);
        const fnMap = isRecord(entry.fnMap) ? entry.fnMap : {};
        const fnHits = isRecord(entry.f) ? entry.f : {};
        for (const [id, fn] of Object.entries(fnMap)) {
            if (!isRecord(fn))
                continue;
            const line = fn.decl?.start?.line ?? fn.loc?.start?.line ?? 0;
            file.fn(typeof fn.name === 'string' ? fn.name : `(anonymous_${id})`, line, Number(fnHits[id] ?? 0));
        }
        const branchHits = isRecord(entry.b) ? entry.b : {};
        for (const [id, counts] of Object.entries(branchHits)) {
            if (Array.isArray(counts))
                counts.forEach((hits, index) => file.branch(`${id}:${index}`, Number(hits)));
        }
    }
    return files;
}
/** coverage.py's `coverage json` output. */
function parseCoveragePy(data) {
    const files = new Map();
    const entries = isRecord(data.files) ? data.files : {};
    for (const [path, value] of Object.entries(entries)) {
        if (!isRecord(value))
            continue;
        const file = accumulator(files, path);
        const executed = numbers(value.executed_lines);
        const missing = numbers(value.missing_lines);
        for (const line of executed)
            file.line(line, 1);
        for (const line of missing)
            file.line(line, 0);
        for (const arc of Array.isArray(value.executed_branches) ? value.executed_branches : [])
            file.branch(String(arc), 1);
        for (const arc of Array.isArray(value.missing_branches) ? value.missing_branches : [])
            file.branch(String(arc), 0);
        // coverage.py 7.5+ lists functions ('' is the module's top-level code).
        if (isRecord(value.functions)) {
            for (const [name, fn] of Object.entries(value.functions)) {
                if (!name || !isRecord(fn))
                    continue;
                const fnExecuted = numbers(fn.executed_lines);
                const all = [...fnExecuted, ...numbers(fn.missing_lines)];
                const line = typeof fn.start_line === 'number' ? fn.start_line : all.length > 0 ? Math.min(...all) : 0;
                file.fn(name, line, fnExecuted.length > 0 ? 1 : 0);
            }
        }
    }
    return files;
}
function numbers(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'number') : [];
}
const coberturaXml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
    isArray: (name) => ['source', 'package', 'class', 'method', 'line'].includes(name)
});
/** Cobertura XML (also what coverage.py's `coverage xml` writes). Returns the <source> folders too. */
function parseCobertura(text) {
    const files = new Map();
    const data = coberturaXml.parse(text);
    const coverage = isRecord(data) && isRecord(data.coverage) ? data.coverage : undefined;
    if (!coverage)
        throw new Error('no <coverage> element');
    const sources = isRecord(coverage.sources) && Array.isArray(coverage.sources.source) ? coverage.sources.source.map((s) => String(s).trim()).filter(Boolean) : [];
    const packages = isRecord(coverage.packages) && Array.isArray(coverage.packages.package) ? coverage.packages.package : [];
    for (const pkg of packages) {
        const classes = isRecord(pkg) && isRecord(pkg.classes) && Array.isArray(pkg.classes.class) ? pkg.classes.class : [];
        for (const cls of classes) {
            if (!isRecord(cls) || typeof cls.filename !== 'string')
                continue;
            const file = accumulator(files, cls.filename);
            const lines = isRecord(cls.lines) && Array.isArray(cls.lines.line) ? cls.lines.line : [];
            for (const line of lines) {
                if (!isRecord(line))
                    continue;
                const number = Number(line.number);
                file.line(number, Number(line.hits));
                // condition-coverage="50% (1/2)": two branches, one taken.
                const condition = /\((\d+)\/(\d+)\)/.exec(String(line['condition-coverage'] ?? ''));
                if (line.branch === 'true' && condition) {
                    const taken = Number(condition[1]);
                    for (let i = 0; i < Number(condition[2]); i++)
                        file.branch(`${number}:${i}`, i < taken ? 1 : 0);
                }
            }
            const methods = isRecord(cls.methods) && Array.isArray(cls.methods.method) ? cls.methods.method : [];
            for (const method of methods) {
                if (!isRecord(method) || typeof method.name !== 'string')
                    continue;
                const methodLines = isRecord(method.lines) && Array.isArray(method.lines.line) ? method.lines.line.filter(isRecord) : [];
                const first = methodLines[0];
                file.fn(method.name, first ? Number(first.number) : 0, first ? Number(first.hits) : 0);
            }
        }
    }
    return { files, sources };
}
/** Which format a report's text is in, from its content (not its name). */
function detectFormat(text) {
    const start = text.trimStart();
    if (start.startsWith('<'))
        return /<coverage[\s>]/.test(start.slice(0, 4096)) ? 'cobertura' : null;
    if (start.startsWith('{'))
        return 'json';
    return /^(TN|SF):/m.test(start.slice(0, 4096)) ? 'lcov' : null;
}

;// CONCATENATED MODULE: ./src/repo/report-paths.ts
// Turning the file paths written in coverage and test reports (absolute paths from another
// machine, paths relative to a package folder, Windows separators) into repository paths.

class ReportPathMapper {
    root;
    reportDirectory;
    known;
    byBaseName = new Map();
    /**
     * @param root the repository root on this machine
     * @param paths the repository's paths (LoadedRepository.allPaths)
     * @param reportDirectory the report's folder, repository-relative ('' for the root)
     */
    constructor(root, paths, reportDirectory) {
        this.root = root;
        this.reportDirectory = reportDirectory;
        this.known = new Set(paths);
        for (const path of paths) {
            const base = external_node_path_namespaceObject.posix.basename(path);
            const list = this.byBaseName.get(base);
            if (list)
                list.push(path);
            else
                this.byBaseName.set(base, [path]);
        }
    }
    /** The repository path for the first candidate that names a known file; else the best normalised guess. */
    map(...candidates) {
        let fallback;
        for (const candidate of candidates) {
            const found = this.lookup(candidate);
            if (found.known)
                return found.path;
            fallback ??= found.path;
        }
        return fallback ?? '';
    }
    lookup(raw) {
        const path = raw.replace(/^file:\/\//, '').replace(/\\/g, '/');
        const isAbsolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path);
        const root = this.root.replace(/\\/g, '/').replace(/\/$/, '');
        if (isAbsolute) {
            if (path.startsWith(`${root}/`)) {
                const inside = external_node_path_namespaceObject.posix.normalize(path.slice(root.length + 1));
                return { path: inside, known: this.known.has(inside) };
            }
            const suffix = this.bySuffix(path);
            return suffix ? { path: suffix, known: true } : { path, known: false };
        }
        const relative = external_node_path_namespaceObject.posix.normalize(path).replace(/^(\.\/)+/, '');
        const tries = [relative];
        // Paths relative to the report's folder or its parent (packages/x/coverage/lcov.info names src/a.ts).
        if (this.reportDirectory) {
            tries.push(external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(this.reportDirectory, relative)));
            const parent = external_node_path_namespaceObject.posix.dirname(this.reportDirectory);
            tries.push(external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(parent === '.' ? '' : parent, relative)));
        }
        for (const attempt of tries)
            if (this.known.has(attempt))
                return { path: attempt, known: true };
        const suffix = this.bySuffix(relative);
        return suffix ? { path: suffix, known: true } : { path: relative, known: false };
    }
    /**
     * A known path that is a suffix of `path` (the report came from another checkout folder), or a
     * unique known path that ends with `path` (the report was relative to a source folder).
     */
    bySuffix(path) {
        const candidates = this.byBaseName.get(external_node_path_namespaceObject.posix.basename(path)) ?? [];
        let best;
        for (const candidate of candidates) {
            if (path.endsWith(`/${candidate}`) && (!best || candidate.length > best.length))
                best = candidate;
        }
        if (best)
            return best;
        const longer = candidates.filter((candidate) => candidate.endsWith(`/${path}`));
        return longer.length === 1 ? longer[0] : undefined;
    }
}

;// CONCATENATED MODULE: ./src/repo/coverage.ts
// Coverage reports: looked for on disk in the usual places (they are normally git-ignored, so
// the file list does not have them) and in paths the user names, parsed and mapped to repository paths.







const MAX_REPORT_BYTES = 100 * 1024 * 1024;
/** Where coverage tools write by default, relative to a project folder. */
const USUAL_LOCATIONS = [
    'coverage/lcov.info',
    'lcov.info',
    'coverage/coverage-final.json',
    'coverage/cobertura-coverage.xml',
    'coverage.xml',
    'coverage.json'
];
const REPORT_NAMES = new Set(['lcov.info', 'coverage-final.json', 'cobertura-coverage.xml']);
/** Candidate report paths: usual places at the root and in each package folder, committed reports, and the user's. */
function coverageCandidates(allPaths, manifests, userPaths) {
    const folders = new Set(['']);
    for (const manifest of manifests) {
        const folder = external_node_path_namespaceObject.posix.dirname(manifest.path);
        if (folder !== '.')
            folders.add(folder);
    }
    const candidates = new Set();
    for (const folder of [...folders].sort())
        for (const location of USUAL_LOCATIONS)
            candidates.add(folder ? `${folder}/${location}` : location);
    for (const path of allPaths)
        if (REPORT_NAMES.has(external_node_path_namespaceObject.posix.basename(path)))
            candidates.add(path);
    for (const path of userPaths)
        candidates.add(path);
    return [...candidates];
}
/** Reads and parses every report found; problems become notes, never errors. */
async function readCoverageReports(root, allPaths, manifests, userPaths, notes) {
    const userGiven = new Set(userPaths);
    const reports = await mapLimit(coverageCandidates(allPaths, manifests, userPaths), 4, async (candidate) => {
        const read = await readTextFile(root, candidate, MAX_REPORT_BYTES);
        if ('missing' in read) {
            if (userGiven.has(candidate))
                notes.push(`Coverage report ${candidate} (from coverage-paths) was not found; check the path.`);
            return null;
        }
        if ('error' in read) {
            notes.push(`Coverage report ${read.error}`);
            return null;
        }
        const reportPath = (0,external_node_path_namespaceObject.isAbsolute)(candidate) && isWithin(root, candidate) ? toPosix((0,external_node_path_namespaceObject.relative)(root, candidate)) : candidate;
        try {
            const report = parseReport(root, allPaths, reportPath, read.text);
            if (!report) {
                notes.push(`Coverage report ${reportPath} is not in a format we read (lcov, Istanbul JSON, Cobertura XML, coverage.py JSON); it was ignored.`);
                return null;
            }
            report.modified = read.modified.toISOString();
            return report;
        }
        catch (error) {
            notes.push(`Coverage report ${reportPath} could not be parsed (${errorMessage(error)}); it was ignored.`);
            return null;
        }
    });
    return reports.filter((report) => report !== null).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** Parses one report's text, or returns null when it is not a coverage format. */
function parseReport(root, allPaths, reportPath, text) {
    const folder = (0,external_node_path_namespaceObject.isAbsolute)(reportPath) ? '' : external_node_path_namespaceObject.posix.dirname(reportPath) === '.' ? '' : external_node_path_namespaceObject.posix.dirname(reportPath);
    const mapper = new ReportPathMapper(root, allPaths, folder);
    const format = detectFormat(text);
    if (format === 'lcov')
        return build(reportPath, 'lcov', parseLcov(text), (path) => mapper.map(path));
    if (format === 'cobertura') {
        const { files, sources } = parseCobertura(text);
        return build(reportPath, 'cobertura', files, (path) => mapper.map(...sources.map((source) => external_node_path_namespaceObject.posix.join(source.replace(/\\/g, '/'), path)), path));
    }
    if (format === 'json') {
        const data = JSON.parse(text);
        if (!isRecord(data))
            return null;
        if (isRecord(data.files) && (isRecord(data.meta) || isRecord(data.totals))) {
            return build(reportPath, 'coverage.py-json', parseCoveragePy(data), (path) => mapper.map(path));
        }
        const istanbul = parseIstanbul(data);
        if (istanbul.size > 0 || Object.keys(data).length === 0)
            return build(reportPath, 'istanbul-json', istanbul, (path) => mapper.map(path));
    }
    return null;
}
function build(path, format, raw, map) {
    const files = new Map();
    for (const [written, accumulated] of raw) {
        const mapped = map(written);
        // Two written paths can name one repository file (e.g. absolute and relative); keep the fuller entry.
        const coverage = accumulated.finish(mapped);
        const previous = files.get(mapped);
        if (!previous || coverage.linesFound > previous.linesFound)
            files.set(mapped, coverage);
    }
    return { path, format, files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/repo/git.ts
// Running git: one place for the environment, timeouts and output bounds.

/** Thrown when the git executable cannot be started at all (not installed, not on PATH). */
class GitMissingError extends Error {
    constructor() {
        super('git was not found on PATH');
        this.name = 'GitMissingError';
    }
}
/**
 * The environment for our git calls: variables that would point git at another repository
 * (set, for example, when we run inside a git hook) are removed, and prompts are disabled.
 */
function gitEnvironment() {
    const env = { ...process.env };
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) {
        delete env[name];
    }
    env.GIT_TERMINAL_PROMPT = '0';
    env.GIT_OPTIONAL_LOCKS = '0';
    return env;
}
/** Runs `git args` in `cwd` and returns stdout; rejects with git's stderr on failure. */
function runGit(cwd, args, options = {}) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', ['-c', 'core.quotePath=false', ...args], {
            cwd,
            env: gitEnvironment(),
            maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024,
            timeout: options.timeoutMs ?? 60_000,
            encoding: 'utf8',
            windowsHide: true
        }, (error, stdout, stderr) => {
            if (error) {
                if (error.code === 'ENOENT') {
                    reject(new GitMissingError());
                    return;
                }
                const detail = String(stderr).trim().split('\n')[0] || error.message;
                reject(new Error(`git ${args[0]} failed: ${detail}`));
                return;
            }
            resolve(stdout);
        });
    });
}

;// CONCATENATED MODULE: ./src/repo/git-history.ts
// Per-file change history from git: how often each file changed, by how many people, and when
// last. One `git log` call, bounded by a time window and a commit count, read as a stream so that
// a repository with 100k commits costs no more than the bound.




const RECORD = '\x1e';
const FIELD = '\x1f';
async function readGitHistory(root, options) {
    const history = { available: false, shallow: false, commitsExamined: 0, windowDays: options.historyDays, files: {} };
    try {
        await runGit(root, ['rev-parse', '--is-inside-work-tree']);
    }
    catch (error) {
        const message = errorMessage(error);
        history.note =
            error instanceof GitMissingError
                ? 'git was not found on PATH, so no change history was read; install git (or run where it is available) to use churn.'
                : /not a git repository/i.test(message)
                    ? 'Not a git repository, so no change history is available; run on a git checkout (actions/checkout) to use churn.'
                    : /dubious ownership/i.test(message)
                        ? `git refuses to read this checkout because another user owns it; run \`git config --global --add safe.directory "${root}"\` first to get change history.`
                        : `git could not read this checkout (${message}), so no change history is available.`;
        return history;
    }
    try {
        history.head = (await runGit(root, ['rev-parse', 'HEAD'])).trim();
    }
    catch {
        history.note = 'The repository has no commits yet, so there is no change history.';
        return history;
    }
    const branch = (await runGit(root, ['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => '')).trim();
    if (branch && branch !== 'HEAD')
        history.branch = branch;
    history.shallow = (await runGit(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    history.available = true;
    const notes = [];
    try {
        const { commits, files, timedOut } = await streamLog(root, options);
        history.commitsExamined = commits;
        history.files = files;
        if (timedOut)
            notes.push(`Reading history stopped after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s; it covers the newest ${commits} commits only.`);
        if (commits >= options.maxCommits) {
            notes.push(`Only the newest ${options.maxCommits} commits of the ${options.historyDays}-day window were read (the max-commits bound).`);
        }
    }
    catch (error) {
        notes.push(`git log failed (${errorMessage(error)}), so change history is missing.`);
        history.available = false;
    }
    if (history.shallow) {
        notes.unshift('This is a shallow clone, so history is partial: set `fetch-depth: 0` on actions/checkout to read the full history.');
    }
    if (notes.length > 0)
        history.note = notes.join(' ');
    return history;
}
/** Runs the bounded `git log` and folds its output, line by line, into per-file counts. */
function streamLog(root, options) {
    const args = [
        '-c',
        'core.quotePath=false',
        'log',
        '--no-merges',
        '--no-renames',
        '--relative',
        '--name-only',
        `--format=${RECORD}%H${FIELD}%ae${FIELD}%aI`,
        '-n',
        String(options.maxCommits)
    ];
    // An absolute date: git's approximate dates misread windows that reach back before 1970.
    const since = Date.now() - options.historyDays * 24 * 3600 * 1000;
    if (since > 24 * 3600 * 1000)
        args.push(`--since=${new Date(since).toISOString()}`);
    args.push('--', '.');
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)('git', args, { cwd: root, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
        const perFile = new Map();
        let commits = 0;
        let author = '';
        let date = '';
        let stderr = '';
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill();
        }, options.timeoutMs ?? 120_000);
        child.stderr.on('data', (chunk) => {
            if (stderr.length < 4096)
                stderr += chunk.toString('utf8');
        });
        const lines = (0,external_node_readline_namespaceObject.createInterface)({ input: child.stdout, crlfDelay: Infinity });
        lines.on('line', (line) => {
            if (line.startsWith(RECORD)) {
                const [, email, when] = line.slice(1).split(FIELD);
                commits++;
                author = email.toLowerCase();
                const parsed = new Date(when);
                date = Number.isNaN(parsed.getTime()) ? when : parsed.toISOString();
            }
            else if (line && commits > 0) {
                if (options.keep && !options.keep.has(line))
                    return;
                const entry = perFile.get(line);
                // git log lists newest first, so the first time a file is seen is its last change.
                if (entry) {
                    entry.commits++;
                    entry.authors.add(author);
                }
                else {
                    perFile.set(line, { commits: 1, authors: new Set([author]), lastChange: date });
                }
            }
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        // Finish when both the process has exited and every line has been read.
        let exitCode;
        let linesDone = false;
        const finish = () => {
            if (exitCode === undefined || !linesDone)
                return;
            clearTimeout(timer);
            if (exitCode !== 0 && !timedOut) {
                reject(new Error(stderr.trim().split('\n')[0] || `exit code ${exitCode}`));
                return;
            }
            const files = {};
            for (const path of [...perFile.keys()].sort()) {
                const entry = perFile.get(path);
                files[path] = { commits: entry.commits, authors: entry.authors.size, lastChange: entry.lastChange };
            }
            resolve({ commits, files, timedOut });
        };
        lines.on('close', () => {
            linesDone = true;
            finish();
        });
        child.on('close', (code) => {
            exitCode = code;
            finish();
        });
    });
}

;// CONCATENATED MODULE: ./src/repo/junit.ts
// JUnit XML test reports (jest-junit, pytest --junitxml, Maven Surefire, Gradle): one entry per test case.








const junit_MAX_REPORT_BYTES = 50 * 1024 * 1024;
const MAX_SCANNED_FILES = 500;
const MAX_SCAN_DEPTH = 4;
/** Report files tools write at a project's root. */
const USUAL_FILES = ['junit.xml', 'test-results.xml', 'test-report.xml', 'report.xml', 'TEST-results.xml'];
/** Folders whose XML files are usually test reports. */
const USUAL_FOLDERS = ['test-results', 'test-reports', 'reports', 'target/surefire-reports', 'target/failsafe-reports', 'build/test-results'];
const junit_xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase'
});
/** XML files under `folder` (relative to root), depth- and count-bounded, without following symlinks. */
async function scanFolder(root, folder) {
    const found = [];
    const stack = [{ dir: folder, depth: 0 }];
    while (stack.length > 0 && found.length < MAX_SCANNED_FILES) {
        const { dir, depth } = stack.pop();
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, dir), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const entry of entries) {
            const path = `${dir}/${entry.name}`;
            if (entry.isDirectory() && depth < MAX_SCAN_DEPTH)
                stack.push({ dir: path, depth: depth + 1 });
            else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
                found.push(path);
        }
    }
    return found;
}
/** Candidate report paths: usual files and folders, committed files named like junit reports, and the user's. */
async function junitCandidates(root, allPaths, userPaths) {
    const candidates = new Set(USUAL_FILES);
    for (const folder of USUAL_FOLDERS)
        for (const path of await scanFolder(root, folder))
            candidates.add(path);
    for (const path of allPaths)
        if (/(^|\/)(junit|TEST-)[^/]*\.xml$/i.test(path))
            candidates.add(path);
    for (const path of userPaths)
        candidates.add(path);
    return [...candidates].sort();
}
async function readJUnitReports(root, allPaths, userPaths, notes) {
    const userGiven = new Set(userPaths);
    const perFile = await mapLimit(await junitCandidates(root, allPaths, userPaths), 4, async (candidate) => {
        const read = await readTextFile(root, candidate, junit_MAX_REPORT_BYTES);
        if ('missing' in read) {
            if (userGiven.has(candidate))
                notes.push(`JUnit report ${candidate} (from junit-paths) was not found; check the path.`);
            return [];
        }
        if ('error' in read) {
            notes.push(`JUnit report ${read.error}`);
            return [];
        }
        const reportPath = (0,external_node_path_namespaceObject.isAbsolute)(candidate) && isWithin(root, candidate) ? toPosix((0,external_node_path_namespaceObject.relative)(root, candidate)) : candidate;
        try {
            const problem = xmlProblem(read.text);
            if (problem)
                notes.push(`JUnit report ${reportPath} is not well-formed XML (${problem}); its test cases may be incomplete.`);
            const cases = parseJUnit(read.text, new ReportPathMapper(root, allPaths, (0,external_node_path_namespaceObject.isAbsolute)(reportPath) ? '' : external_node_path_namespaceObject.posix.dirname(reportPath).replace(/^\.$/, '')));
            if (cases === null && userGiven.has(candidate))
                notes.push(`${reportPath} is not a JUnit XML report (no <testsuites> or <testsuite>); it was ignored.`);
            return cases ?? [];
        }
        catch (error) {
            notes.push(`JUnit report ${reportPath} could not be parsed (${errorMessage(error)}); it was ignored.`);
            return [];
        }
    });
    return perFile.flat();
}
/** The test cases of one report in document order, or null when the XML is not a JUnit report. */
function parseJUnit(text, mapper) {
    const data = junit_xml.parse(text);
    if (!isRecord(data))
        return null;
    if (!('testsuites' in data) && !('testsuite' in data))
        return null;
    const roots = isRecord(data.testsuites) ? asArray(data.testsuites.testsuite) : asArray(data.testsuite);
    const cases = [];
    // Suites can nest; walk them with an explicit stack (in document order).
    const stack = [];
    for (let i = roots.length - 1; i >= 0; i--)
        if (isRecord(roots[i]))
            stack.push({ suite: roots[i] });
    while (stack.length > 0) {
        const { suite, file: parentFile } = stack.pop();
        const suiteName = typeof suite.name === 'string' ? suite.name : '';
        const suiteFile = typeof suite.file === 'string' ? suite.file : parentFile;
        for (const testcase of asArray(suite.testcase)) {
            if (!isRecord(testcase))
                continue;
            const file = typeof testcase.file === 'string' ? testcase.file : suiteFile;
            const entry = {
                suite: suiteName || (typeof testcase.classname === 'string' ? testcase.classname : ''),
                name: typeof testcase.name === 'string' ? testcase.name : '',
                seconds: parseSeconds(testcase.time),
                status: 'failure' in testcase ? 'failed' : 'error' in testcase ? 'error' : 'skipped' in testcase ? 'skipped' : 'passed'
            };
            if (file)
                entry.file = mapper ? mapper.map(file) : file;
            cases.push(entry);
        }
        const children = asArray(suite.testsuite);
        for (let i = children.length - 1; i >= 0; i--)
            if (isRecord(children[i]))
                stack.push({ suite: children[i], file: suiteFile });
    }
    return cases;
}
/** `time` as seconds: "1.5", "1,234.5" (thousands separator) or "0,25" (decimal comma, some locales). */
function parseSeconds(value) {
    let text = String(value ?? '0').trim();
    if (/^\d+,\d+$/.test(text) && !/^\d{1,3},\d{3}$/.test(text))
        text = text.replace(',', '.');
    else
        text = text.replace(/,/g, '');
    const seconds = Number.parseFloat(text);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : 0;
}
function asArray(value) {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

;// CONCATENATED MODULE: ./src/repo/manifest-others.ts
// go.mod, Cargo.toml and pom.xml.




/** go.mod: `module`, `go`, and `require` lines (single or in a block). */
function parseGoMod(path, text) {
    const manifest = emptyManifest(path, 'go.mod');
    let inRequire = false;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (!line)
            continue;
        if (inRequire) {
            if (line === ')')
                inRequire = false;
            else
                addUnique(manifest.dependencies, [line.split(/\s+/)[0]]);
            continue;
        }
        const [keyword, ...rest] = line.split(/\s+/);
        if (keyword === 'module' && rest[0])
            manifest.name = rest[0].replace(/^"|"$/g, '');
        else if (keyword === 'go' && rest[0])
            manifest.engines.go = rest[0];
        else if (keyword === 'require') {
            if (rest[0] === '(')
                inRequire = true;
            else if (rest[0])
                addUnique(manifest.dependencies, [rest[0]]);
        }
    }
    if (inRequire)
        addError(manifest, 'a require block is not closed');
    if (!manifest.name)
        addError(manifest, 'no module line');
    return manifest;
}
function parseCargoToml(path, text) {
    const manifest = emptyManifest(path, 'Cargo.toml');
    let data;
    try {
        data = parse(text);
    }
    catch (error) {
        addError(manifest, `not valid TOML (${errorMessage(error).split('\n')[0]})`);
        return manifest;
    }
    const pkg = isRecord(data.package) ? data.package : {};
    manifest.name = asString(pkg.name);
    manifest.version = asString(pkg.version);
    const rustVersion = asString(pkg['rust-version']);
    if (rustVersion)
        manifest.engines.rust = rustVersion;
    const tables = [data];
    // Platform-specific tables: [target.'cfg(unix)'.dependencies].
    if (isRecord(data.target))
        for (const target of Object.values(data.target))
            if (isRecord(target))
                tables.push(target);
    for (const table of tables) {
        if (isRecord(table.dependencies))
            addUnique(manifest.dependencies, Object.keys(table.dependencies));
        if (isRecord(table['dev-dependencies']))
            addUnique(manifest.devDependencies, Object.keys(table['dev-dependencies']));
        if (isRecord(table['build-dependencies']))
            addUnique(manifest.devDependencies, Object.keys(table['build-dependencies']));
    }
    if (Array.isArray(data.bin)) {
        for (const bin of data.bin) {
            const name = isRecord(bin) ? asString(bin.name) : undefined;
            if (name)
                manifest.bin[name] = asString(bin.path) ?? `src/bin/${name}.rs`;
        }
    }
    if (isRecord(data.workspace)) {
        manifest.workspaces = stringArray(data.workspace.members);
        if (isRecord(data.workspace.dependencies))
            addUnique(manifest.dependencies, Object.keys(data.workspace.dependencies));
    }
    return manifest;
}
const manifest_others_xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    processEntities: false,
    isArray: (name) => name === 'dependency' || name === 'module'
});
function parsePomXml(path, text) {
    const manifest = emptyManifest(path, 'pom.xml');
    const problem = xmlProblem(text);
    if (problem)
        addError(manifest, `not well-formed XML (${problem})`);
    let data;
    try {
        data = manifest_others_xml.parse(text);
    }
    catch (error) {
        addError(manifest, `not readable XML (${errorMessage(error)})`);
        return manifest;
    }
    const project = isRecord(data) && isRecord(data.project) ? data.project : undefined;
    if (!project) {
        if (!problem)
            addError(manifest, 'no <project> element');
        return manifest;
    }
    const parent = isRecord(project.parent) ? project.parent : {};
    manifest.name = asString(project.artifactId)?.trim();
    manifest.version = (asString(project.version) ?? asString(parent.version))?.trim();
    const dependencies = isRecord(project.dependencies) && Array.isArray(project.dependencies.dependency) ? project.dependencies.dependency : [];
    for (const dependency of dependencies) {
        if (!isRecord(dependency))
            continue;
        const artifact = asString(dependency.artifactId)?.trim();
        if (!artifact)
            continue;
        const group = asString(dependency.groupId)?.trim();
        const name = group ? `${group}:${artifact}` : artifact;
        addUnique(asString(dependency.scope)?.trim() === 'test' ? manifest.devDependencies : manifest.dependencies, [name]);
    }
    if (isRecord(project.modules))
        manifest.workspaces = stringArray(project.modules.module).map((module) => module.trim());
    const properties = isRecord(project.properties) ? project.properties : {};
    const java = asString(properties['maven.compiler.release']) ?? asString(properties['maven.compiler.source']) ?? asString(properties['java.version']);
    if (java)
        manifest.engines.java = java.trim();
    return manifest;
}

;// CONCATENATED MODULE: ./src/repo/manifest-node.ts


function parsePackageJson(path, text) {
    const manifest = emptyManifest(path, 'package.json');
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        addError(manifest, `not valid JSON (${errorMessage(error)})`);
        return manifest;
    }
    if (!isRecord(data)) {
        addError(manifest, 'the top level is not a JSON object');
        return manifest;
    }
    manifest.name = asString(data.name);
    manifest.version = asString(data.version);
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
        if (data[field] !== undefined && !isRecord(data[field]))
            addError(manifest, `"${field}" is not an object`);
        if (isRecord(data[field]))
            addUnique(manifest.dependencies, Object.keys(data[field]));
    }
    if (isRecord(data.devDependencies))
        addUnique(manifest.devDependencies, Object.keys(data.devDependencies));
    else if (data.devDependencies !== undefined)
        addError(manifest, '"devDependencies" is not an object');
    if (data.scripts !== undefined && !isRecord(data.scripts))
        addError(manifest, '"scripts" is not an object');
    manifest.scripts = stringRecord(data.scripts);
    manifest.bin = readBin(data.bin, manifest.name);
    manifest.main = asString(data.main);
    const types = asString(data.types) ?? asString(data.typings);
    if (types !== undefined)
        manifest.types = types;
    if (data.exports !== undefined)
        manifest.exports = data.exports;
    manifest.type = asString(data.type);
    manifest.engines = stringRecord(data.engines);
    // Workspaces: an array of globs (npm, yarn) or { packages: [...] } (yarn classic).
    manifest.workspaces = Array.isArray(data.workspaces)
        ? stringArray(data.workspaces)
        : isRecord(data.workspaces)
            ? stringArray(data.workspaces.packages)
            : [];
    return manifest;
}
/** `bin` as a command map; a string means one command named after the package (without its scope). */
function readBin(bin, name) {
    if (typeof bin === 'string') {
        const command = name ? name.replace(/^@[^/]+\//, '') : bin.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
        return { [command]: bin };
    }
    return stringRecord(bin);
}

;// CONCATENATED MODULE: ./src/repo/manifest-python.ts
// Python manifests: pyproject.toml (PEP 621 and Poetry), setup.cfg, setup.py, requirements files.



/** Optional-dependency groups that hold development tools rather than features. */
const DEV_GROUP = /^(dev|develop|development|test|tests|testing|lint|linting|docs?|typing|ci|check|qa)$/i;
function names(requirements) {
    return stringArray(requirements)
        .map(requirementName)
        .filter((name) => name !== undefined);
}
/** `dynamic = ["version"]` with `[tool.setuptools.dynamic] version = {attr = "pkg.__version__"}`, as setup.cfg writes it. */
function dynamicVersion(data) {
    const tool = isRecord(data.tool) ? data.tool : {};
    const setuptools = isRecord(tool.setuptools) ? tool.setuptools : {};
    const dynamic = isRecord(setuptools.dynamic) ? setuptools.dynamic : {};
    const attr = isRecord(dynamic.version) ? asString(dynamic.version.attr) : undefined;
    return attr ? `attr: ${attr}` : undefined;
}
function parsePyproject(path, text) {
    const manifest = emptyManifest(path, 'pyproject.toml');
    let data;
    try {
        data = parse(text);
    }
    catch (error) {
        addError(manifest, `not valid TOML (${errorMessage(error).split('\n')[0]})`);
        return manifest;
    }
    const project = isRecord(data.project) ? data.project : {};
    manifest.name = asString(project.name);
    manifest.version = asString(project.version) ?? dynamicVersion(data);
    manifest.requiresPython = asString(project['requires-python']);
    addUnique(manifest.dependencies, names(project.dependencies));
    if (isRecord(project['optional-dependencies'])) {
        for (const [group, list] of Object.entries(project['optional-dependencies'])) {
            addUnique(DEV_GROUP.test(group) ? manifest.devDependencies : manifest.dependencies, names(list));
        }
    }
    Object.assign(manifest.bin, stringRecord(project.scripts), stringRecord(project['gui-scripts']));
    // PEP 735 dependency groups are for development.
    if (isRecord(data['dependency-groups'])) {
        for (const list of Object.values(data['dependency-groups']))
            addUnique(manifest.devDependencies, names(list));
    }
    const tool = isRecord(data.tool) ? data.tool : {};
    if (isRecord(tool.poetry))
        readPoetry(tool.poetry, manifest);
    if (isRecord(tool.uv))
        addUnique(manifest.devDependencies, names(tool.uv['dev-dependencies']));
    const tools = Object.keys(tool).sort();
    if (tools.length > 0)
        manifest.tools = tools;
    return manifest;
}
function readPoetry(poetry, manifest) {
    manifest.name ??= asString(poetry.name);
    manifest.version ??= asString(poetry.version);
    const dependencies = isRecord(poetry.dependencies) ? poetry.dependencies : {};
    for (const [name, spec] of Object.entries(dependencies)) {
        if (name.toLowerCase() === 'python')
            manifest.requiresPython ??= typeof spec === 'string' ? spec : asString(isRecord(spec) ? spec.version : undefined);
        else
            addUnique(manifest.dependencies, [name]);
    }
    if (isRecord(poetry['dev-dependencies']))
        addUnique(manifest.devDependencies, Object.keys(poetry['dev-dependencies']));
    if (isRecord(poetry.group)) {
        for (const group of Object.values(poetry.group)) {
            if (isRecord(group) && isRecord(group.dependencies))
                addUnique(manifest.devDependencies, Object.keys(group.dependencies));
        }
    }
    Object.assign(manifest.bin, stringRecord(poetry.scripts));
}
/** A minimal INI reader in configparser's dialect: sections, `key = value` or `key: value`, indented continuation lines. */
function parseIni(text) {
    const sections = {};
    let section;
    let lastKey;
    for (const raw of text.split(/\r?\n/)) {
        const trimmed = raw.trim();
        if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';'))
            continue;
        if (/^\s/.test(raw) && section && lastKey !== undefined) {
            section[lastKey] = section[lastKey] ? `${section[lastKey]}\n${trimmed}` : trimmed;
            continue;
        }
        const header = /^\[([^\]]+)\]$/.exec(trimmed);
        if (header) {
            section = sections[header[1].trim()] ??= {};
            lastKey = undefined;
            continue;
        }
        const separator = trimmed.search(/[=:]/);
        if (separator > 0 && section) {
            lastKey = trimmed.slice(0, separator).trim();
            section[lastKey] = trimmed.slice(separator + 1).trim();
        }
    }
    return sections;
}
/** setuptools "list-semi" values: one item per line, or `;`-separated on one line. */
function listValue(value) {
    if (!value)
        return [];
    const lines = value.split('\n').map((line) => line.trim()).filter(Boolean);
    return lines.length === 1 && !value.includes('\n') ? lines[0].split(';').map((item) => item.trim()) : lines;
}
function parseSetupCfg(path, text) {
    const manifest = emptyManifest(path, 'setup.cfg');
    const ini = parseIni(text);
    const metadata = ini.metadata ?? {};
    const options = ini.options ?? {};
    manifest.name = metadata.name || undefined;
    manifest.version = metadata.version || undefined;
    manifest.requiresPython = options.python_requires || undefined;
    addUnique(manifest.dependencies, names(listValue(options.install_requires)));
    addUnique(manifest.devDependencies, names(listValue(options.tests_require)));
    for (const [group, list] of Object.entries(ini['options.extras_require'] ?? {})) {
        addUnique(DEV_GROUP.test(group) ? manifest.devDependencies : manifest.dependencies, names(listValue(list)));
    }
    for (const line of listValue(ini['options.entry_points']?.console_scripts)) {
        const eq = line.indexOf('=');
        if (eq > 0)
            manifest.bin[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    const tools = setupCfgTools(Object.keys(ini));
    if (tools.length > 0)
        manifest.tools = tools;
    return manifest;
}
/** setup.cfg sections that configure a tool: `[tool:pytest]` gives pytest, `[coverage:run]` coverage, `[flake8]` flake8. */
const SETUP_CFG_TOOLS = new Set(['pytest', 'coverage', 'flake8', 'mypy', 'isort', 'pycodestyle', 'pylint', 'pydocstyle']);
function setupCfgTools(sections) {
    const tools = new Set();
    for (const section of sections) {
        const name = section.replace(/^tool:/, '').split(/[:-]/)[0];
        if (SETUP_CFG_TOOLS.has(name))
            tools.add(name);
    }
    return [...tools].sort();
}
/** setup.py is Python code: only its presence is recorded (reading it would mean running or parsing it). */
function parseSetupPy(path) {
    return emptyManifest(path, 'setup.py');
}
const DEV_REQUIREMENTS = /(dev|test|lint|doc|ci|check|typing)/i;
function parseRequirements(path, text) {
    const manifest = emptyManifest(path, 'requirements');
    const target = DEV_REQUIREMENTS.test(path.slice(path.lastIndexOf('/') + 1)) ? manifest.devDependencies : manifest.dependencies;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!line)
            continue;
        if (line.startsWith('-')) {
            // Options (-r other.txt, --index-url ...); an editable install names itself with #egg=.
            const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(raw);
            if (egg)
                addUnique(target, [egg[1]]);
            continue;
        }
        if (/^[a-z+]+:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/'))
            continue;
        const name = requirementName(line);
        if (name)
            addUnique(target, [name]);
    }
    return manifest;
}

;// CONCATENATED MODULE: ./src/repo/manifests.ts






const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;
/** The manifest kind of a path, or null. `requirements*.txt` and any .txt under a `requirements/` folder count. */
function manifestKind(path) {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    switch (name) {
        case 'package.json':
        case 'pyproject.toml':
        case 'setup.cfg':
        case 'setup.py':
        case 'go.mod':
        case 'Cargo.toml':
        case 'pom.xml':
            return name;
    }
    if (/^requirements.*\.txt$/i.test(name))
        return 'requirements';
    if (name.endsWith('.txt') && /(^|\/)requirements$/.test(path.slice(0, Math.max(slash, 0))))
        return 'requirements';
    return null;
}
function parseManifest(path, kind, text) {
    switch (kind) {
        case 'package.json':
            return parsePackageJson(path, text);
        case 'pyproject.toml':
            return parsePyproject(path, text);
        case 'setup.cfg':
            return parseSetupCfg(path, text);
        case 'setup.py':
            return parseSetupPy(path);
        case 'requirements':
            return parseRequirements(path, text);
        case 'go.mod':
            return parseGoMod(path, text);
        case 'Cargo.toml':
            return parseCargoToml(path, text);
        case 'pom.xml':
            return parsePomXml(path, text);
    }
}
/** Every manifest among `paths` (already free of vendored folders), sorted by path. */
async function readManifests(root, paths) {
    const found = paths
        .map((path) => ({ path, kind: manifestKind(path) }))
        .filter((entry) => entry.kind !== null)
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return mapLimit(found, 8, async ({ path, kind }) => {
        const read = await readTextFile(root, path, MAX_MANIFEST_BYTES);
        if ('text' in read)
            return parseManifest(path, kind, read.text);
        const manifest = emptyManifest(path, kind);
        addError(manifest, 'error' in read ? read.error : 'listed but no longer on disk');
        return manifest;
    });
}

;// CONCATENATED MODULE: ./src/repo/tool-files.ts
// Lock files and tool configuration files, by path only: they tell which package manager and which
// test, lint and type-check tools a project uses (the ci-cd perspective compares them with its CI).
const EXACT = new Set([
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lock',
    'bun.lockb',
    'poetry.lock',
    'uv.lock',
    'pdm.lock',
    'Pipfile',
    'Pipfile.lock',
    'tsconfig.json',
    'jsconfig.json',
    'pytest.ini',
    'tox.ini',
    'noxfile.py',
    '.coveragerc',
    'mypy.ini',
    '.mypy.ini',
    '.flake8',
    '.pylintrc',
    'pylintrc',
    'ruff.toml',
    '.ruff.toml',
    '.nvmrc',
    '.node-version',
    '.python-version',
    '.tool-versions',
    'codecov.yml',
    '.codecov.yml',
    '.pre-commit-config.yaml',
    'biome.json',
    'biome.jsonc',
    'deno.json',
    'Makefile'
]);
/** Config files whose name varies by format: `.eslintrc.json`, `jest.config.ts`, `.nycrc.yml`... */
const PREFIXES = ['.eslintrc', 'eslint.config.', 'jest.config.', 'vitest.config.', 'vite.config.', '.nycrc', '.c8rc', 'tsconfig.', '.prettierrc', 'prettier.config.'];
function isToolFile(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return EXACT.has(name) || PREFIXES.some((prefix) => name.startsWith(prefix));
}
/** The tool files among `paths` (already free of vendored folders), sorted. */
function findToolFiles(paths) {
    return paths.filter(isToolFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/repo/jsonc.ts
// JSON with comments and trailing commas, as tsconfig.json allows. A small tokenizer removes
// comments and trailing commas outside strings; the result goes to JSON.parse.
function stripJsonc(text) {
    let out = '';
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text[i];
        if (c === '"') {
            // Copy the string as is, escapes included.
            let j = i + 1;
            while (j < n && text[j] !== '"')
                j += text[j] === '\\' ? 2 : 1;
            out += text.slice(i, j + 1);
            i = j + 1;
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < n && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        }
        else if (c === ',') {
            // A comma followed (after whitespace and comments) by } or ] is dropped.
            let j = i + 1;
            for (;;) {
                while (j < n && /\s/.test(text[j]))
                    j++;
                if (text[j] === '/' && text[j + 1] === '/') {
                    while (j < n && text[j] !== '\n')
                        j++;
                }
                else if (text[j] === '/' && text[j + 1] === '*') {
                    const end = text.indexOf('*/', j + 2);
                    j = end < 0 ? n : end + 2;
                }
                else
                    break;
            }
            if (text[j] !== '}' && text[j] !== ']')
                out += c;
            i++;
        }
        else {
            out += c;
            i++;
        }
    }
    return out;
}
function parseJsonc(text) {
    return JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
}

;// CONCATENATED MODULE: ./src/repo/tsconfig-paths.ts
// TypeScript path aliases (`compilerOptions.paths`) from the root tsconfig.json (or jsconfig.json),
// following relative `extends`, with targets made repository-relative so the import resolver can use them.





const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_EXTENDS_DEPTH = 8;
/** The alias map, e.g. `{ "@/*": ["src/*"] }`; empty when there is no config or no paths. */
async function readTsPaths(root, notes) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const found = {};
        const read = await readConfig(root, name, found, notes, 0, new Set());
        if (!read)
            continue;
        if (!found.paths)
            return {};
        const base = found.baseUrl ?? found.paths.dir;
        const result = {};
        for (const [alias, targets] of Object.entries(found.paths.value)) {
            result[alias] = targets.map((target) => {
                const joined = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(base, target));
                return joined.startsWith('./') ? joined.slice(2) : joined;
            });
        }
        return result;
    }
    return {};
}
/** Reads one config and (first) what it extends; later files override `paths` and `baseUrl` as tsc does. */
async function readConfig(root, path, found, notes, depth, seen) {
    if (depth > MAX_EXTENDS_DEPTH || seen.has(path))
        return false;
    seen.add(path);
    const read = await readTextFile(root, path, MAX_CONFIG_BYTES);
    if ('missing' in read)
        return false;
    if ('error' in read) {
        notes.push(`TypeScript config ${read.error}`);
        return false;
    }
    let config;
    try {
        config = parseJsonc(read.text);
    }
    catch (error) {
        notes.push(`${path} could not be parsed (${errorMessage(error)}); path aliases from it are not used.`);
        return false;
    }
    if (!isRecord(config))
        return false;
    const dir = external_node_path_namespaceObject.posix.dirname(path) === '.' ? '' : external_node_path_namespaceObject.posix.dirname(path);
    const parents = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
    for (const parent of parents) {
        // Only configs inside the repository; package configs (@tsconfig/node20) carry no paths of ours.
        if (typeof parent !== 'string' || !parent.startsWith('.'))
            continue;
        let target = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(dir, parent));
        if (!target.endsWith('.json'))
            target += '.json';
        if (target.startsWith('../'))
            continue;
        await readConfig(root, target, found, notes, depth + 1, seen);
    }
    const options = isRecord(config.compilerOptions) ? config.compilerOptions : {};
    if (typeof options.baseUrl === 'string')
        found.baseUrl = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(dir, options.baseUrl)).replace(/^\.$/, '');
    if (isRecord(options.paths)) {
        const value = {};
        for (const [alias, targets] of Object.entries(options.paths)) {
            if (Array.isArray(targets))
                value[alias] = targets.filter((target) => typeof target === 'string');
        }
        found.paths = { value, dir };
    }
    return true;
}

;// CONCATENATED MODULE: ./src/repo/facts.ts








const DEFAULT_HISTORY_DAYS = 365;
const DEFAULT_MAX_COMMITS = 5000;
function positiveInteger(value, fallback, name, example) {
    if (value === undefined)
        return fallback;
    if (!Number.isInteger(value) || value <= 0) {
        throw new ConfigurationError(`${name} must be a positive whole number (for example ${example}); got ${String(value)}.`);
    }
    return value;
}
async function collectFacts(repo, options = {}) {
    const historyDays = positiveInteger(options.historyDays, DEFAULT_HISTORY_DAYS, 'history-days', '365');
    const maxCommits = positiveInteger(options.maxCommits, DEFAULT_MAX_COMMITS, 'max-commits', '5000');
    const notes = [];
    const manifests = await readManifests(repo.root, repo.allPaths);
    const [ci, actions, coverage, junit, git, tsPaths] = await Promise.all([
        readCiFiles(repo.root, repo.allPaths, notes),
        readActionFiles(repo.root, repo.allPaths, notes),
        readCoverageReports(repo.root, repo.allPaths, manifests, options.coveragePaths ?? [], notes),
        readJUnitReports(repo.root, repo.allPaths, options.junitPaths ?? [], notes),
        readGitHistory(repo.root, { historyDays, maxCommits, keep: new Set(repo.allPaths) }),
        readTsPaths(repo.root, notes)
    ]);
    // Parts run concurrently; sorting keeps the notes' order the same from run to run.
    return { manifests, ci, actions, toolFiles: findToolFiles(repo.allPaths), coverage, junit, git, tsPaths, notes: notes.sort() };
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/repo/gitattributes.ts
// `.gitattributes` files, read for the two attributes GitHub Linguist uses to leave files out of
// language statistics: `linguist-generated` and `linguist-vendored`. The format is git's:
// `pattern attr attr=value -attr !attr`, later lines and deeper files win.

const WATCHED = ['linguist-generated', 'linguist-vendored'];
/** Splits the pattern off a line; git allows a C-style quoted pattern for names with spaces. */
function splitPattern(line) {
    if (line.startsWith('"')) {
        let pattern = '';
        for (let i = 1; i < line.length; i++) {
            const c = line[i];
            if (c === '\\' && i + 1 < line.length) {
                pattern += line[++i];
            }
            else if (c === '"') {
                return { pattern, rest: line.slice(i + 1) };
            }
            else {
                pattern += c;
            }
        }
        return { pattern, rest: '' };
    }
    const space = line.search(/\s/);
    return space < 0 ? { pattern: line, rest: '' } : { pattern: line.slice(0, space), rest: line.slice(space + 1) };
}
function gitattributes_parseValue(token) {
    if (token.startsWith('-'))
        return { name: token.slice(1), value: false };
    if (token.startsWith('!'))
        return { name: token.slice(1), value: null };
    const eq = token.indexOf('=');
    if (eq < 0)
        return { name: token, value: true };
    const value = token.slice(eq + 1).toLowerCase();
    return { name: token.slice(0, eq), value: !(value === 'false' || value === '0' || value === 'no') };
}
/** A matcher for one pattern of an attributes file that lives in directory `base` ('' for the root). */
function compilePattern(pattern, base) {
    const prefix = base ? `${base}/` : '';
    const anchored = pattern.replace(/\/+$/, '').includes('/');
    const glob = pattern.replace(/^\//, '');
    const isMatch = picomatch_default()(glob, { dot: true });
    return (path) => {
        if (!path.startsWith(prefix))
            return false;
        const relative = path.slice(prefix.length);
        // Without a slash the pattern matches the file name at any depth, as in .gitignore.
        return anchored ? isMatch(relative) : isMatch(relative.slice(relative.lastIndexOf('/') + 1));
    };
}
/** Parses one `.gitattributes` file that sits in directory `base`; only the Linguist attributes are kept. */
function parseGitAttributes(text, base) {
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('[attr]'))
            continue;
        const { pattern, rest } = splitPattern(line);
        // Negative patterns are forbidden in attributes files; git ignores them, so do we.
        if (!pattern || pattern.startsWith('!'))
            continue;
        const values = {};
        for (const token of rest.split(/\s+/)) {
            if (!token)
                continue;
            const { name, value } = gitattributes_parseValue(token);
            if (WATCHED.includes(name))
                values[name] = value;
        }
        if (Object.keys(values).length === 0)
            continue;
        try {
            rules.push({ matches: compilePattern(pattern, base), values });
        }
        catch {
            // A pattern picomatch cannot compile matches nothing, as git would treat a broken glob.
        }
    }
    return rules;
}
/** The Linguist attributes of every path, from all attribute files (shallow first, each in file order). */
class LinguistAttributes {
    rules;
    constructor(rules) {
        this.rules = rules;
    }
    static fromFiles(files) {
        const ordered = [...files].sort((a, b) => depth(a.base) - depth(b.base) || a.base.localeCompare(b.base));
        return new LinguistAttributes(ordered.flatMap((file) => parseGitAttributes(file.text, file.base)));
    }
    /** true/false when an attributes file says so, undefined when none does. */
    value(path, attribute) {
        let result;
        for (const rule of this.rules) {
            const value = rule.values[attribute];
            if (value !== undefined && rule.matches(path))
                result = value;
        }
        return result ?? undefined;
    }
}
function depth(base) {
    return base ? base.split('/').length : 0;
}

;// CONCATENATED MODULE: ./src/repo/languages.ts
const BY_EXTENSION = new Map([
    ['.ts', 'typescript'],
    ['.mts', 'typescript'],
    ['.cts', 'typescript'],
    ['.tsx', 'tsx'],
    ['.js', 'javascript'],
    ['.mjs', 'javascript'],
    ['.cjs', 'javascript'],
    ['.jsx', 'jsx'],
    ['.py', 'python'],
    ['.go', 'go'],
    ['.java', 'java'],
    ['.rs', 'rust'],
    ['.rb', 'ruby'],
    ['.cs', 'csharp'],
    ['.php', 'php']
]);
/** The language of a path by its extension (case-insensitive), or null when it is not source code. `.d.ts` is TypeScript. */
function languageOf(path) {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    if (dot <= 0)
        return null; // no extension, or a dotfile such as `.ts` alone
    return BY_EXTENSION.get(name.slice(dot).toLowerCase()) ?? null;
}

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __nccwpck_require__(298);
var ignore_default = /*#__PURE__*/__nccwpck_require__.n(ignore);
;// CONCATENATED MODULE: ./src/repo/path-rules.ts
// Rules that classify a file from its path (and, for generated/minified code, from its first bytes).
/** Folders of third-party code that is not the repository's own. */
const VENDORED_DIRECTORIES = new Set([
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
]);
/** Folders that hold build output rather than written code. */
const GENERATED_DIRECTORIES = new Set(['dist', 'build']);
/** File name endings of code generators (protobuf, gRPC). */
const GENERATED_SUFFIXES = ['.pb.go', '_pb2.py', '_pb2_grpc.py', '_pb.js', '_pb.d.ts', '_grpc_pb.js'];
const MINIFIED_NAME = /[.-]min\.(?:js|mjs|cjs)$/i;
function directories(path) {
    const parts = path.split('/');
    parts.pop();
    return parts;
}
function isVendoredPath(path) {
    return directories(path).some((part) => VENDORED_DIRECTORIES.has(part));
}
function isGeneratedPath(path) {
    if (directories(path).some((part) => GENERATED_DIRECTORIES.has(part)))
        return true;
    const lower = path.toLowerCase();
    return GENERATED_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}
function isMinifiedName(path) {
    return MINIFIED_NAME.test(path);
}
/** A NUL byte in the first 8 KB means binary, as git decides. */
function looksBinary(bytes) {
    const end = Math.min(bytes.length, 8192);
    for (let i = 0; i < end; i++)
        if (bytes[i] === 0)
            return true;
    return false;
}
/** Minified: more than 2 KB with lines averaging over 500 characters. */
function looksMinified(bytes) {
    if (bytes.length <= 2048)
        return false;
    let lines = 1;
    for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === 10)
            lines++;
    return bytes.length / lines > 500;
}
/** The conventional markers generators write at the top of a file. */
function hasGeneratedHeader(text) {
    let end = -1;
    for (let line = 0; line < 5; line++) {
        end = text.indexOf('\n', end + 1);
        if (end < 0)
            break;
    }
    const head = (end < 0 ? text : text.slice(0, end)).slice(0, 4096);
    return head.includes('@generated') || head.includes('DO NOT EDIT');
}

;// CONCATENATED MODULE: ./src/repo/list-files.ts
// Listing a repository's files: `git ls-files` in a git checkout, otherwise an iterative directory
// walk that honours .gitignore files. Both give repository-relative paths with forward slashes.






const GIT_LIST_BUFFER = 256 * 1024 * 1024;
const GIT_LIST_TIMEOUT_MS = 120_000;
/** Lists with git, or says why not when `root` is not a git work tree or git is missing. */
async function listWithGit(root) {
    let out;
    try {
        out = await runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
            maxBuffer: GIT_LIST_BUFFER,
            timeoutMs: GIT_LIST_TIMEOUT_MS
        });
    }
    catch (error) {
        return { failed: error instanceof GitMissingError ? 'git was not found on PATH' : errorMessage(error) };
    }
    const seen = new Set();
    const paths = [];
    const vendoredDirectories = [];
    for (const path of out.split('\0')) {
        if (!path || seen.has(path))
            continue; // a file with merge conflicts is listed once per stage
        seen.add(path);
        // `--others` shows a nested repository as its directory with a trailing slash.
        if (path.endsWith('/'))
            vendoredDirectories.push(path);
        else
            paths.push({ path });
    }
    let ignored = [];
    const notes = [];
    try {
        const ignoredOut = await runGit(root, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'], {
            maxBuffer: GIT_LIST_BUFFER,
            timeoutMs: GIT_LIST_TIMEOUT_MS
        });
        ignored = ignoredOut.split('\0').filter(Boolean);
    }
    catch (error) {
        notes.push(`Could not count ignored files: ${errorMessage(error)}`);
    }
    return { by: 'git', paths, ignored, vendoredDirectories, unreadable: [], notes };
}
/** Deeper .gitignore files win; within one, the last matching rule wins (the `ignore` package does that). */
function isIgnored(layers, path, isDirectory) {
    for (let i = layers.length - 1; i >= 0; i--) {
        const { base, rules } = layers[i];
        const relative = base ? path.slice(base.length + 1) : path;
        try {
            const result = rules.test(isDirectory ? `${relative}/` : relative);
            if (result.ignored)
                return true;
            if (result.unignored)
                return false;
        }
        catch {
            // A name the ignore package cannot test (e.g. with a backslash) is treated as not ignored.
        }
    }
    return false;
}
/** Walks `root` without recursion (an explicit stack), never entering .git, ignored or vendored folders, or symlinked folders. */
async function listByWalking(root) {
    const listing = { by: 'walk', paths: [], ignored: [], vendoredDirectories: [], unreadable: [], notes: [] };
    const stack = [{ dir: '', layers: [] }];
    while (stack.length > 0) {
        const { dir, layers: inherited } = stack.pop();
        const absolute = dir ? (0,external_node_path_namespaceObject.join)(root, dir) : root;
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)(absolute, { withFileTypes: true });
        }
        catch {
            listing.unreadable.push(`${dir}/`);
            continue;
        }
        let layers = inherited;
        if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
            try {
                const text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(absolute, '.gitignore'), 'utf8');
                layers = [...inherited, { base: dir, rules: ignore_default()({ ignorecase: false }).add(text) }];
            }
            catch {
                // An unreadable .gitignore ignores nothing.
            }
        }
        for (const entry of entries) {
            if (entry.name === '.git')
                continue;
            const path = dir ? `${dir}/${entry.name}` : entry.name;
            const isDirectory = entry.isDirectory();
            if (isIgnored(layers, path, isDirectory)) {
                listing.ignored.push(isDirectory ? `${path}/` : path);
            }
            else if (isDirectory) {
                if (VENDORED_DIRECTORIES.has(entry.name))
                    listing.vendoredDirectories.push(`${path}/`);
                else
                    stack.push({ dir: path, layers });
            }
            else {
                listing.paths.push({ path, type: entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : 'other' });
            }
        }
    }
    listing.ignored.sort();
    listing.vendoredDirectories.sort();
    listing.unreadable.sort();
    return listing;
}

;// CONCATENATED MODULE: ./src/repo/skip-tally.ts
const SKIP_REASONS = [
    'ignored',
    'vendored',
    'generated',
    'minified',
    'binary',
    'too-large',
    'excluded',
    'symlink',
    'unreadable',
    'unsupported'
];
const MAX_EXAMPLES = 20;
class SkipTally {
    counts;
    constructor() {
        this.counts = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, { count: 0, examples: [] }]));
    }
    add(reason, path) {
        const entry = this.counts[reason];
        entry.count++;
        if (entry.examples.length < MAX_EXAMPLES)
            entry.examples.push(path);
    }
    result() {
        return this.counts;
    }
}

;// CONCATENATED MODULE: ./src/repo/loader.ts
// Loading a repository: list its files, keep the source code worth analysing, and say what was
// skipped and why (BRIEF section 2, step 3).










const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 16;
const decoder = new TextDecoder('utf-8', { fatal: false });
async function loadRepository(root, options = {}) {
    const maxFileBytes = validateMaxFileBytes(options.maxFileBytes);
    const realRoot = await resolveRoot(root);
    const isExcluded = compileFilters(options.include, options.exclude);
    const notes = [];
    const fromGit = await listWithGit(realRoot);
    let listing;
    if ('failed' in fromGit) {
        if (!/not a git repository/i.test(fromGit.failed)) {
            notes.push(`Listed files by walking the directory (honouring .gitignore) because git could not list them: ${fromGit.failed}`);
        }
        listing = await listByWalking(realRoot);
    }
    else {
        listing = fromGit;
    }
    notes.push(...listing.notes);
    const listed = [...listing.paths].sort((a, b) => compare(a.path, b.path));
    const attributes = LinguistAttributes.fromFiles(await readAttributeFiles(realRoot, listed));
    const context = { root: realRoot, maxFileBytes, attributes, isExcluded };
    const tally = new SkipTally();
    for (const path of [...listing.ignored].sort(compare))
        tally.add('ignored', path);
    for (const path of listing.unreadable)
        tally.add('unreadable', path);
    const vendored = new Set(listing.vendoredDirectories);
    const candidates = [];
    for (const entry of listed) {
        const byAttribute = attributes.value(entry.path, 'linguist-vendored');
        if (byAttribute ?? isVendoredPath(entry.path))
            vendored.add(entry.path);
        else
            candidates.push(entry);
    }
    const outcomes = await mapLimit(candidates, READ_CONCURRENCY, (entry) => inspect(entry, context));
    const files = [];
    const allPaths = [];
    outcomes.forEach((outcome, index) => {
        const path = candidates[index].path;
        if (outcome.kind === 'source')
            files.push(outcome.file);
        else if (outcome.kind === 'skipped')
            tally.add(outcome.reason, path);
        if (outcome.kind !== 'skipped' || outcome.listed)
            allPaths.push(path);
    });
    for (const path of [...vendored].sort(compare))
        tally.add('vendored', path);
    return { root: realRoot, files, skipped: tally.result(), allPaths, listedBy: listing.by, notes };
}
/** Decides one path: read it when it is source code, or say why not. */
async function inspect(entry, context) {
    const { path } = entry;
    const absolute = (0,external_node_path_namespaceObject.join)(context.root, path);
    const checked = await checkEntry(entry, absolute, context.root);
    // Symlinks we do not follow, submodules and paths that are gone or not regular files stay out of
    // allPaths: facts must not read them.
    if ('reason' in checked)
        return { kind: 'skipped', reason: checked.reason, listed: false };
    if (context.isExcluded(path))
        return { kind: 'skipped', reason: 'excluded', listed: true };
    const language = languageOf(path);
    if (!language)
        return { kind: 'skipped', reason: 'unsupported', listed: true };
    const generatedAttribute = context.attributes.value(path, 'linguist-generated');
    if (generatedAttribute ?? isGeneratedPath(path))
        return { kind: 'skipped', reason: 'generated', listed: true };
    if (isMinifiedName(path))
        return { kind: 'skipped', reason: 'minified', listed: true };
    // Size from stat before reading, so that a huge file is never read into memory.
    let bytes;
    try {
        let size = checked.size;
        if (size === undefined) {
            const stats = await (0,promises_namespaceObject.stat)(checked.target);
            if (!stats.isFile())
                return { kind: 'skipped', reason: 'unreadable', listed: true };
            size = stats.size;
        }
        if (size > context.maxFileBytes)
            return { kind: 'skipped', reason: 'too-large', listed: true };
        bytes = await (0,promises_namespaceObject.readFile)(checked.target);
    }
    catch {
        return { kind: 'skipped', reason: 'unreadable', listed: true };
    }
    // The file may have grown since stat.
    if (bytes.length > context.maxFileBytes)
        return { kind: 'skipped', reason: 'too-large', listed: true };
    if (looksBinary(bytes))
        return { kind: 'skipped', reason: 'binary', listed: true };
    if (looksMinified(bytes))
        return { kind: 'skipped', reason: 'minified', listed: true };
    const text = decoder.decode(bytes);
    // An explicit `-linguist-generated` overrides the header check too.
    if (generatedAttribute !== false && hasGeneratedHeader(text))
        return { kind: 'skipped', reason: 'generated', listed: true };
    return { kind: 'source', file: { path, language, bytes: bytes.length, text } };
}
/**
 * Checks what a listed path is without following it out of the root: a regular file (size known),
 * a symlink to a regular file inside the root (followed), or a reason to skip it. Directory
 * symlinks are never followed, which also makes symlink loops harmless.
 */
async function checkEntry(entry, absolute, root) {
    // A regular file seen by the walk needs no lstat; its size is read only if it is source code.
    if (entry.type === 'file')
        return { target: absolute };
    let stats;
    try {
        stats = await (0,promises_namespaceObject.lstat)(absolute);
    }
    catch {
        // Listed by git but gone from the work tree, or unreadable.
        return { reason: 'unreadable' };
    }
    if (stats.isSymbolicLink()) {
        let target;
        try {
            target = await (0,promises_namespaceObject.realpath)(absolute);
        }
        catch {
            return { reason: 'symlink' }; // dangling, or a loop (ELOOP)
        }
        if (!isInside(root, target))
            return { reason: 'symlink' };
        try {
            stats = await (0,promises_namespaceObject.stat)(target);
        }
        catch {
            return { reason: 'symlink' };
        }
        if (!stats.isFile())
            return { reason: 'symlink' };
        return { target, size: stats.size };
    }
    // A git submodule is listed as a path that is a directory: another repository's code.
    if (stats.isDirectory())
        return { reason: 'vendored' };
    if (!stats.isFile())
        return { reason: 'unreadable' }; // FIFOs, sockets, devices: never read
    return { target: absolute, size: stats.size };
}
function isInside(root, target) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, target);
    return rel !== '' && !rel.startsWith(`..${external_node_path_namespaceObject.sep}`) && rel !== '..' && !rel.startsWith(external_node_path_namespaceObject.sep);
}
async function readAttributeFiles(root, listed) {
    const files = listed.filter((entry) => entry.path === '.gitattributes' || entry.path.endsWith('/.gitattributes'));
    const read = await mapLimit(files, READ_CONCURRENCY, async (entry) => {
        const base = entry.path.slice(0, Math.max(0, entry.path.length - '/.gitattributes'.length));
        const checked = await checkEntry(entry, (0,external_node_path_namespaceObject.join)(root, entry.path), root);
        if ('reason' in checked)
            return null;
        try {
            return { base: entry.path === '.gitattributes' ? '' : base, text: await (0,promises_namespaceObject.readFile)(checked.target, 'utf8') };
        }
        catch {
            return null;
        }
    });
    return read.filter((file) => file !== null);
}
function validateMaxFileBytes(value) {
    if (value === undefined)
        return DEFAULT_MAX_FILE_BYTES;
    if (!Number.isFinite(value) || !Number.isInteger(value) || value <= 0) {
        throw new ConfigurationError(`max-file-bytes must be a positive whole number of bytes (for example 1048576); got ${String(value)}.`);
    }
    return value;
}
async function resolveRoot(root) {
    let real;
    try {
        real = await (0,promises_namespaceObject.realpath)(root);
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : errorMessage(error);
        throw new ConfigurationError(`The repository path "${root}" cannot be read (${why}); give the path of a checked-out repository.`);
    }
    const stats = await (0,promises_namespaceObject.stat)(real);
    if (!stats.isDirectory()) {
        throw new ConfigurationError(`The repository path "${root}" is a file, not a directory; give the path of a checked-out repository.`);
    }
    return real;
}
/** A predicate that is true for paths the include/exclude globs leave out. */
function compileFilters(include, exclude) {
    const included = include && include.length > 0 ? compileGlobs(include, 'include') : null;
    const excluded = exclude && exclude.length > 0 ? compileGlobs(exclude, 'exclude') : null;
    return (path) => (included !== null && !included(path)) || (excluded !== null && excluded(path));
}
function compileGlobs(globs, name) {
    for (const glob of globs) {
        if (typeof glob !== 'string' || glob.trim() === '') {
            throw new ConfigurationError(`${name} must be a list of non-empty glob patterns such as "src/**/*.ts"; got ${JSON.stringify(glob)}.`);
        }
    }
    try {
        // A glob also matches everything below it, so `docs` or `docs/` means the folder.
        const patterns = globs.flatMap((glob) => {
            const clean = glob.trim().replace(/^\.\//, '').replace(/\/+$/, '');
            return [clean, `${clean}/**`];
        });
        return picomatch_default()(patterns, { dot: true });
    }
    catch (error) {
        throw new ConfigurationError(`${name} contains a glob picomatch cannot read (${errorMessage(error)}); check the patterns ${JSON.stringify(globs)}.`);
    }
}
/** Code-unit order, the same on every machine (localeCompare depends on the locale). */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/bench.ts
// `npm run bench`: measures building the code model of a path, or of a synthetic repository that it
// generates: files/s, MB/s, lines/s, time per stage, and peak memory.
//
//   node --expose-gc dist/bench.js [path] [--lines N] [--mb N] [--files N] [--lang ts|py|mixed] [--keep] [--json]








function usage() {
    return 'usage: bench [path] [--lines N] [--mb N] [--files N] [--lang ts|py|mixed] [--keep] [--json]';
}
function positiveNumber(value, flag) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new Error(`--${flag} takes a positive number, not "${value}". ${usage()}`);
    return n;
}
async function main() {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        allowPositionals: true,
        options: {
            lines: { type: 'string' },
            mb: { type: 'string' },
            files: { type: 'string' },
            lang: { type: 'string', default: 'ts' },
            keep: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', default: false }
        }
    });
    if (values.help) {
        console.log(usage());
        return;
    }
    const lang = values.lang;
    if (!['ts', 'py', 'mixed'].includes(lang))
        throw new Error(`--lang takes ts, py or mixed, not "${values.lang}". ${usage()}`);
    let root;
    let temporary;
    if (positionals[0])
        root = (0,external_node_path_namespaceObject.resolve)(positionals[0]);
    else {
        const lines = positiveNumber(values.lines, 'lines');
        const mb = positiveNumber(values.mb, 'mb');
        temporary = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'test-planning-bench-'));
        root = temporary;
        const written = writeSyntheticRepository(root, {
            lines: lines ?? (mb === undefined ? 100_000 : undefined),
            bytes: mb === undefined ? undefined : mb * 1024 * 1024,
            files: positiveNumber(values.files, 'files'),
            language: lang
        });
        console.error(`synthetic repository: ${written.files} files, ${written.lines} lines, ${(written.bytes / 1048576).toFixed(1)} MB in ${root}`);
    }
    ;
    globalThis.gc?.();
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 10);
    try {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const repo = await loadRepository(root, {});
        const t1 = performance.now();
        const facts = await collectFacts(repo, {});
        const t2 = performance.now();
        const timings = { parseMs: 0, extractMs: 0 };
        let built = 0;
        const onFile = () => {
            if (++built % 16 === 0)
                peakRss = Math.max(peakRss, process.memoryUsage.rss());
        };
        const model = await buildModel(repo, facts, { timings, onFile });
        const t3 = performance.now();
        const cpu = process.cpuUsage(cpu0);
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        const seconds = (t3 - t0) / 1000;
        const mb = model.stats.bytes / 1048576;
        const figures = {
            root,
            files: model.stats.files,
            bytes: model.stats.bytes,
            lines: model.stats.lines,
            partial: model.stats.partial,
            loadMs: Math.round(t1 - t0),
            factsMs: Math.round(t2 - t1),
            parseMs: Math.round(timings.parseMs),
            extractMs: Math.round(timings.extractMs),
            modelMs: Math.round(t3 - t2),
            totalMs: Math.round(t3 - t0),
            cpuMs: Math.round((cpu.user + cpu.system) / 1000),
            filesPerSecond: Math.round(model.stats.files / seconds),
            mbPerSecond: Number((mb / seconds).toFixed(2)),
            linesPerSecond: Math.round(model.stats.lines / seconds),
            msPerMb: Number(((t3 - t0) / Math.max(mb, 1e-9)).toFixed(1)),
            peakRssMb: Math.round(peakRss / 1048576),
            maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024)
        };
        if (values.json)
            console.log(JSON.stringify(figures, null, 2));
        else {
            console.log([
                `files ${figures.files} (${figures.partial} partial), ${mb.toFixed(2)} MB, ${figures.lines} lines`,
                `load ${figures.loadMs} ms, facts ${figures.factsMs} ms, model ${figures.modelMs} ms (parse ${figures.parseMs} ms, extract ${figures.extractMs} ms), total ${figures.totalMs} ms wall, ${figures.cpuMs} ms CPU`,
                `${figures.filesPerSecond} files/s, ${figures.mbPerSecond} MB/s, ${figures.linesPerSecond} lines/s, ${figures.msPerMb} ms/MB`,
                `peak RSS ${figures.peakRssMb} MB (sampled), maxRSS ${figures.maxRssMb} MB (getrusage)`
            ].join('\n'));
        }
    }
    finally {
        clearInterval(sampler);
        if (temporary && !values.keep)
            (0,external_node_fs_namespaceObject.rmSync)(temporary, { recursive: true, force: true });
    }
}
main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
});


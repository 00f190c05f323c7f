// Docs generated from perspective metadata (pure): the README's table of the 15 and the header of
// each perspective's own README.
import type { Perspective } from '../../perspectives/define.js'
import { acceptsText } from '../config/options.js'

type AnyPerspective = Pick<Perspective<string, unknown>, 'meta' | 'options'>

export function perspectiveReadmePath(id: string): string {
  return `perspectives/${id}/README.md`
}

/**
 * Metadata is ours, so it stays readable in the raw file; only what would break a table or turn
 * into HTML is escaped.
 */
function docText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

function status(p: AnyPerspective): string {
  return p.meta.implemented ? '✅ implemented' : '⏳ not implemented yet'
}

/** The README's table: number, id (linking to the perspective's README), title, question, status. */
export function perspectivesTable(perspectives: readonly AnyPerspective[]): string {
  const rows = perspectives.map(({ meta, options }) => {
    const id = `[\`${meta.id}\`](${perspectiveReadmePath(meta.id)})`
    return `| ${meta.number} | ${id} | ${docText(meta.title)} | ${docText(meta.question)} | ${status({ meta, options })} |`
  })
  return [
    '<!-- Generated from perspectives/*/index.ts by `npm run docs`: edit the metadata, not this table. -->',
    '',
    '| # | Id | Perspective | Question | Status |',
    '|---:|---|---|---|---|',
    ...rows
  ].join('\n')
}

/** The generated head of `perspectives/<id>/README.md`: what the perspective is, its messages and options. */
export function perspectiveHeader(p: AnyPerspective): string {
  const { meta } = p
  const lines = [
    `<!-- Generated from perspectives/${meta.id}/index.ts by \`npm run docs\`: edit the metadata, not this block. -->`,
    '',
    `# ${meta.number}. ${docText(meta.title)}`,
    '',
    `> **${docText(meta.question)}**`,
    '',
    docText(meta.description),
    '',
    `**Id:** \`${meta.id}\` · **Status:** ${status(p)}` +
      (meta.needs && meta.needs.length > 0 ? ` · **Needs:** ${meta.needs.join(', ')}` : ''),
    '',
    '## Messages',
    ''
  ]
  const messageIds = Object.keys(meta.messages).sort()
  if (messageIds.length === 0) {
    lines.push('No messages declared yet.')
  } else {
    lines.push('| Message id | Title | Message |', '|---|---|---|')
    for (const id of messageIds) {
      const m = meta.messages[id]
      lines.push(`| \`${id}\` | ${docText(m.title)} | ${docText(m.message)} |`)
    }
  }
  lines.push('', '## Options', '')
  const options = Object.entries(p.options.properties)
  if (options.length === 0) {
    lines.push('No options.')
  } else {
    lines.push(
      `Set in the config file under \`perspectives: { ${meta.id}: { ... } }\`; a value the option does not ` +
        'accept stops the run before any perspective runs.',
      '',
      '| Option | Accepts | Default | What it does |',
      '|---|---|---|---|'
    )
    for (const [name, spec] of options) {
      const value = JSON.stringify(spec.default)
      lines.push(
        `| \`${name}\` | ${docText(acceptsText(spec))} | <code>${docText(value)}</code> | ${docText(spec.description)} |`
      )
    }
  }
  return lines.join('\n')
}

// The public surface as a readable file (in the spirit of api-extractor's `.api.md`): package metadata,
// then each entry point's declarations, then Python's public names and signatures. The engine writes it
// to the results folder as `api.md`; the perspective only builds the text.
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import { type ApiItem, describeSignature } from './api.js'
import { declarationOf } from './surface-diff.js'
import { exportSubpaths } from './ts-entries.js'
import type { SurfaceItem } from './ts-surface.js'

const MAX_LINES = 4000

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

function packageLines(manifest: PackageManifest): string[] {
  const lines: string[] = [
    `### ${manifest.path}${manifest.name ? ` (${manifest.name}` : ''}${manifest.version ? ` ${manifest.version})` : manifest.name ? ')' : ''}`,
    ''
  ]
  const field = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`- ${name}: ${code(value)}`)
  }
  field('type', manifest.type)
  field('main', manifest.main)
  field('module', manifest.module)
  field('types', manifest.types)
  field('requires-python', manifest.requiresPython)
  for (const [engine, range] of Object.entries(manifest.engines)) field(`engines.${engine}`, range)
  for (const [command, target] of Object.entries(manifest.bin)) field(`bin ${command}`, target)
  for (const [name, range] of Object.entries(manifest.peerDependencies ?? {}))
    field(`peer ${name}`, range)
  for (const [extra, requires] of Object.entries(manifest.extras ?? {}))
    field(`extra ${extra}`, requires.join(', '))
  for (const [group, entries] of Object.entries(manifest.entryPoints ?? {}))
    for (const [name, target] of Object.entries(entries))
      field(`entry point ${group}:${name}`, target)
  for (const [subpath, targets] of exportSubpaths(manifest.exports)) {
    const shown = targets.map((t) => `${t.conditions.join('+') || 'default'} → ${t.target}`)
    field(`exports ${subpath}`, shown.join('; '))
  }
  lines.push('')
  return lines
}

/** A Python signature as written, with `/` after positional-only and `*` before keyword-only parameters. */
function pythonSignature(item: ApiItem): string {
  if (!item.params) return item.name
  const parts: string[] = []
  item.params.forEach((p, i) => {
    const next = item.params?.[i + 1]
    if (p.keywordOnly && !item.params?.slice(0, i).some((q) => q.rest || q.keywordOnly))
      parts.push('*')
    const star = p.rest ? (p.name.startsWith('*') ? '' : '*') : ''
    const type = p.type ? `: ${p.type}` : ''
    const def = p.defaultValue ? ` = ${p.defaultValue}` : ''
    parts.push(`${star}${p.name}${type}${def}`)
    if (p.positionalOnly && !next?.positionalOnly) parts.push('/')
  })
  return `${item.name}(${parts.join(', ')})${item.returnType ? ` -> ${item.returnType}` : ''}`
}

function indent(name: string): string {
  return '  '.repeat(name.split('.').length - 1)
}

export interface ApiReportInput {
  model: CodeModel
  script: Map<string, SurfaceItem> | null
  /** The perspective's API items (Python's are used; JavaScript's when the compiler read nothing). */
  items: Map<string, ApiItem>
  ref?: string
}

export function buildApiReport(input: ApiReportInput): string {
  const lines: string[] = ['# API report', '']
  lines.push(
    '_The public surface at HEAD as test-planning reads it: what a change to any line below can break for users._',
    ''
  )
  const manifests = input.model.facts.manifests.filter(
    (m) => m.kind === 'package.json' || m.kind === 'pyproject.toml' || m.kind === 'setup.cfg'
  )
  if (manifests.length > 0) {
    lines.push('## Package metadata', '')
    for (const m of manifests.slice(0, 20)) lines.push(...packageLines(m))
  }
  if (input.script) {
    const bySubpath = new Map<string, SurfaceItem[]>()
    for (const item of input.script.values()) {
      const list = bySubpath.get(item.subpath) ?? []
      list.push(item)
      bySubpath.set(item.subpath, list)
    }
    for (const [subpath, list] of [...bySubpath].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`## Entry \`${subpath}\``, '')
      for (const item of list.sort((a, b) => a.name.localeCompare(b.name))) {
        const inherited = item.inheritedFrom ? ` (inherited from ${item.inheritedFrom})` : ''
        lines.push(
          `${indent(item.name)}- ${item.kind} ${code(item.name)}: ${code(declarationOf(item))} · ${item.file}:${item.line}${inherited}`
        )
      }
      lines.push('')
    }
  }
  const others = [...input.items.values()].filter((i) => i.language === 'python' || !input.script)
  const byFile = new Map<string, ApiItem[]>()
  for (const item of others) {
    const list = byFile.get(item.file) ?? []
    list.push(item)
    byFile.set(item.file, list)
  }
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## Module \`${file}\``, '')
    for (const item of list.sort((a, b) => a.name.localeCompare(b.name)))
      lines.push(
        `${indent(item.name)}- ${item.kind} ${code(item.name)}: ${code(item.language === 'python' ? pythonSignature(item) : describeSignature(item))} · line ${item.loc.startLine}`
      )
    lines.push('')
  }
  if (lines.length > MAX_LINES)
    return [
      ...lines.slice(0, MAX_LINES),
      '',
      `_${lines.length - MAX_LINES} more lines not shown._`,
      ''
    ].join('\n')
  return lines.join('\n')
}

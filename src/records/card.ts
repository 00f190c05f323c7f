// The dataset card (README.md at the dataset's root): YAML front matter that the Hub and the
// `datasets` library read (license, tags, configs) and a body that documents every column.
//
// Configs: `default` makes every run file under data/ one `train` split, so
// `load_dataset(repo)["train"][-1]` is the latest run (file names sort in time order). A config
// cannot filter the rows of shared files, so the per-perspective configs (`latest-<id>`) point at
// `latest/<id>.json` and hold exactly one row: that perspective's latest result. That is what they
// honestly are, and the card says so.
import { stringify } from 'yaml'
import { cardFeatures, recordColumns, type ColumnType } from './features.js'
import { DATA_DIR, latestFilePath } from './layout.js'
import { redactText } from '../util/redact.js'

export interface CardOptions {
  /** owner/name on the Hub. */
  dataset: string
  /** The analysed repository (owner/name), when known. */
  repository?: string
  /** Perspectives that have a latest file in the dataset, in the order to list them. */
  perspectives: { id: string; title: string }[]
  /**
   * Rows quote code from the analysed repository, so the data falls under that repository's
   * license: `other` unless the caller knows it (an SPDX id such as `mit`).
   */
  license?: string
}

/** What each column means; the types come from the JSON Schema (features.ts). A test keeps both in step. */
export const COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  schema_version: 'Version of the record schema (bumped on incompatible changes).',
  tool_version: 'Version of the test-planning action that wrote the row.',
  iteration: 'Run counter of the rotation (kept from the earlier worker).',
  timestamp: 'When the run started, ISO 8601 UTC.',
  perspective_number: 'Position of the perspective in the rotation, 1 to 15.',
  perspective_name: 'Title of the perspective.',
  perspective_id: 'Stable id of the perspective (kebab-case), e.g. `scope`.',
  question: 'The question the perspective answers.',
  repository: 'The analysed repository, owner/name.',
  commit: 'The analysed commit SHA.',
  ref: 'The analysed branch or tag.',
  run_id: 'Id of the run (GitHub run id, or a local id for the command line).',
  trigger: 'What started the run: `schedule`, `manual`, `all` or `cli`.',
  status: '`ok`, `failed` (see `error`) or `not-implemented`.',
  error: 'Why the perspective failed, when it did.',
  summary: 'One-paragraph summary of the result.',
  risk_score: 'Risk from 0 (none) to 100, as defined by the perspective.',
  finding_count: 'Number of findings.',
  severity_counts: 'Findings per severity.',
  findings:
    'The findings: `id` (stable across runs), `message_id`, `title`, `message`, `severity`, `confidence`, `rationale`, `file`, `start_line`, `end_line`, `snippet`, `symbol`, `looked_for`, `where` (list of string), `cwe`, `tags` (list of string). Location fields are null for repository-level findings.',
  spec_count: 'Number of test specifications.',
  specs:
    'Proposed tests: `id`, `title`, `level` (unit/integration/e2e), `priority` (P1-P3), `framework`, `language`, `file_name`, `target_file`, `target_symbol`, `target_line`, `rationale`, `covers` (finding ids), `expected`, `code`, `plan_only` (true when the file holds only todos/skips: part of the plan, not a test to commit), `validation` (what running it with the project runner said: `status` passed/failed/error/flaky/skipped/not-run, `runs`, `millis`, `message` (`plan item: ...` for a passing spec kept out of the delivered files: it observes no value and adds no coverage), `coverage_gain` (what the spec runs that the project suite does not: new lines plus branches with coverage.py, new V8 blocks with Node runners; null when not measured), `claim` confirmed/defect/refuted).',
  metrics:
    'Perspective metrics as name/value pairs (a list, so every perspective has the same column type).',
  details_json: 'Perspective-specific detail as JSON text (parse it with `json.loads`).',
  framework: 'Test framework the specs are written for.',
  files_analysed: 'Source files analysed.',
  lines_analysed: 'Source lines analysed.',
  skipped: 'Files left out and why (vendored, generated, too large, binary...).',
  timings_ms: 'Time spent per stage, in milliseconds.'
}

export function buildDatasetCard(options: CardOptions): string {
  const { dataset, repository, perspectives } = options
  const license = options.license ?? 'other'
  const front: Record<string, unknown> = {
    license,
    ...(license === 'other' ? { license_name: 'same-as-analysed-repository' } : {}),
    pretty_name: repository ? `Test planning results for ${repository}` : 'Test planning results',
    tags: ['test-planning', 'software-testing', 'code-analysis'],
    language: ['en'],
    configs: [
      {
        config_name: 'default',
        default: true,
        data_files: [{ split: 'train', path: `${DATA_DIR}/**/*.jsonl` }]
      },
      ...perspectives.map((p) => ({
        config_name: `latest-${p.id}`,
        data_files: [{ split: 'train', path: latestFilePath(p.id) }]
      }))
    ],
    // Declared column types for the history (see features.ts): every run file loads with the same
    // types, whatever the first file holds. A latest-<id> config is one file and needs none.
    dataset_info: [{ config_name: 'default', features: cardFeatures() }]
  }
  const yaml = stringify(front, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd()
  const columns = recordColumns()
    .map((c) => `| \`${c.name}\` | ${describeType(c.type)} | ${COLUMN_MEANINGS[c.name] ?? ''} |`)
    .join('\n')
  const perspectiveList = perspectives.length
    ? perspectives
        .map(
          (p) => `- \`latest-${p.id}\`: ${escapeMarkdown(p.title)} (\`${latestFilePath(p.id)}\`)`
        )
        .join('\n')
    : '- none yet'

  return redactText(`---
${yaml}
---

# ${repository ? `Test planning results for ${escapeMarkdown(repository)}` : 'Test planning results'}

Written by the test-planning GitHub Action.
Each run looks at the repository from one testing perspective (or all fifteen) and adds one row per
perspective: findings with evidence (file, line, snippet), proposed tests with code, metrics and a
risk score. One commit per run.

## Layout

- \`data/<year>/<UTC timestamp>-<run id>.jsonl\`: the rows of one run, one JSON object a line. File
  names sort in time order, so the last row of the \`train\` split is the latest result.
- \`latest/<perspective id>.json\`: the latest row of each perspective (one line of JSON).
- \`badge.json\`: a [shields.io endpoint](https://shields.io/badges/endpoint-badge) badge with the latest risk.

## Configs

- \`default\`: every row of every run, split \`train\`.
${perspectiveList}

A \`latest-<id>\` config holds one row: that perspective's latest result. The history of one
perspective is the \`default\` config filtered on \`perspective_id\`.

## Reading it

Python:

\`\`\`python
from datasets import load_dataset

rows = load_dataset("${dataset}", split="train")
latest = rows[-1]
scope_history = rows.filter(lambda r: r["perspective_id"] == "scope")
\`\`\`

JavaScript (\`@huggingface/hub\`):

\`\`\`js
import { downloadFile } from "@huggingface/hub";

const blob = await downloadFile({ repo: { type: "dataset", name: "${dataset}" }, path: "latest/scope.json" });
const record = JSON.parse(await blob.text());
\`\`\`

Or without a library, through the dataset viewer API:
\`https://datasets-server.huggingface.co/rows?dataset=${encodeURIComponent(dataset)}&config=default&split=train&offset=0&length=10\`

## Columns

Every row has every column, with the same type for every perspective and every run (null only where
the type says so).

| Column | Type | Meaning |
| --- | --- | --- |
${columns}

## License

${license === 'other' ? "Rows quote code from the analysed repository, so they fall under that repository's license." : `\`${license}\`.`}
`)
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
}

/** A column type in words, for the card's table. */
export function describeType(type: ColumnType): string {
  switch (type.kind) {
    case 'value':
      return type.nullable ? `${type.dtype} or null` : type.dtype
    case 'struct':
      return `struct{${type.fields.map((f) => `${f.name}: ${describeType(f.type)}`).join(', ')}}`
    case 'list':
      return type.of.kind === 'struct' ? 'list of struct' : `list of ${describeType(type.of)}`
  }
}

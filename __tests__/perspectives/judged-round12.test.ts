// Judged round 12 (docs/evaluation/judged-session16.md): shapes judged false on fresh repositories, each beside
// its true twin, by file and line.
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import userExperience from '../../perspectives/user-experience/index.js'
import { findings, rows } from './judged-helpers.js'

describe('user-experience optionNeverRead (pelican --print-settings)', () => {
  it('an argparse option handled by its own Action class is not reported; an unread flag beside it is', async () => {
    const cli = [
      'import argparse', // 1
      '', // 2
      '', // 3
      'class PrintSettings(argparse.Action):', // 4
      '    def __call__(self, parser, namespace, values, option_string=None):', // 5
      '        print(values)', // 6
      '        parser.exit()', // 7
      '', // 8
      '', // 9
      'def main(argv=None):', // 10
      '    parser = argparse.ArgumentParser()', // 11
      "    parser.add_argument('--print-settings', dest='print_settings', nargs='*', action=PrintSettings)", // 12
      "    parser.add_argument('--no-color', action='store_true', help='plain output')", // 13
      "    parser.add_argument('--out', dest='output', help='where')", // 14
      '    args = parser.parse_args(argv)', // 15
      '    print(args.output)', // 16
      '    return 0', // 17
      ''
    ].join('\n')
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'pyproject.toml':
        '[project]\nname = "tool"\nversion = "1.0"\n\n[project.scripts]\ntool = "tool.cli:main"\n',
      'tool/__init__.py': '',
      'tool/cli.py': cli
    })
    expect(rows(found, 'optionNeverRead')).toEqual(['optionNeverRead tool/cli.py:13'])
  })
})

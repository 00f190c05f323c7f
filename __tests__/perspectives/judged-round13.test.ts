// Judged round 13 (docs/evaluation/judged-session17.md): shapes judged false on fresh repositories, each beside
// its true twin, by file and line.
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import scope from '../../perspectives/scope/index.js'
import { findings, rows } from './judged-helpers.js'

describe('scope entryPointUntested (buku bukuserver/api.py)', () => {
  it('a #! line on a module that tested code imports is not an entry point; a #! script nothing imports is', async () => {
    const found = await findings(scope as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "server"\nversion = "1.0"\n',
      'server/__init__.py': '',
      'server/app.py': 'from . import api\n\n\ndef create():\n    return api.routes()\n',
      'server/api.py': '#!/usr/bin/env python\n\n\ndef routes():\n    return ["/api"]\n',
      'server/tool.py': '#!/usr/bin/env python\n\n\ndef run():\n    return 1\n',
      'tests/test_app.py':
        'from server.app import create\n\n\ndef test_create():\n    assert create() == ["/api"]\n'
    })
    expect(rows(found, 'entryPointUntested')).toEqual(['entryPointUntested server/tool.py:1'])
  })
})

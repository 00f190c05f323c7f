// Token-shaped values for the redaction tests and the fault suite, assembled at run time so that no
// file of this repository holds one (secret scanners would rightly complain).

/** n letters and digits, deterministic per seed, mixed case (so the entropy rule sees a random value). */
export function alnum(n: number, seed = 7): string {
  const chars = 'aZ3kQ9xM2pL7vB4nR8tY1wC6sD5fG0hJ'
  let out = ''
  for (let i = 0; i < n; i++) out += chars[(i * seed + (i >> 2)) % chars.length]
  return out
}

export const TOKENS = {
  ghp: 'ghp' + '_' + alnum(36),
  ghs: 'ghs' + '_' + alnum(36, 5),
  gho: 'gho' + '_' + alnum(36, 11),
  ghu: 'ghu' + '_' + alnum(36, 13),
  ghr: 'ghr' + '_' + alnum(36, 3),
  fineGrained: 'github' + '_pat_' + alnum(22) + '_' + alnum(59, 5),
  aws: 'AKIA' + 'IOSFODNN7EXAMPL3',
  slack: 'xoxb' + '-' + '1234567890-' + alnum(24),
  stripe: 'sk' + '_live_' + alnum(24),
  google: 'AIza' + alnum(35),
  npm: 'npm' + '_' + alnum(36, 5),
  jwt: 'eyJ' + 'hbGciOiJIUzI1NiJ9' + '.eyJ' + 'zdWIiOiIxMjM0NTY3ODkwIn0' + '.' + alnum(43),
  hf: 'hf' + '_' + alnum(34)
}

/** The planted secret of the issue: a GitHub token in a Python `headers=` line. */
export const PLANTED_TOKEN = 'ghp' + '_' + alnum(36, 9)

/** A small Python service that quotes the planted token where many perspectives look. */
export function plantedSecretRepository(token = PLANTED_TOKEN): Record<string, string> {
  return {
    'pyproject.toml': '[project]\nname = "svc"\nversion = "1.0.0"\ndependencies = ["requests"]\n',
    'svc/__init__.py': '',
    'svc/client.py': [
      'import requests',
      '',
      'API = "https://api.github.com"',
      '',
      '',
      'def fetch_issues(repo, page=1):',
      `    response = requests.get(f"{API}/repos/{repo}/issues?page={page}", headers={"Authorization": "token ${token}"})`,
      '    if response.status_code != 200:',
      '        raise RuntimeError(response.text)',
      '    return response.json()',
      '',
      '',
      'def close_issue(repo, number):',
      `    requests.patch(f"{API}/repos/{repo}/issues/{number}", json={"state": "closed"}, headers={"Authorization": "token ${token}"})`,
      ''
    ].join('\n'),
    'tests/test_client.py':
      'from svc.client import fetch_issues\n\n\ndef test_import():\n    assert fetch_issues\n'
  }
}

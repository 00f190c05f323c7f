// Shapes judged false on the session-5 repositories (docs/evaluation/judged.md), each as a pair: the
// case that still reports the real problem and a near miss that must not (a small edit of it).
import type { TestPyramidOptions } from '../../perspectives/test-pyramid/options.js'
import type { Case } from './harness.js'

type PyramidCase = Case<TestPyramidOptions>

const PY_PACKAGE = {
  'app/__init__.py': '',
  'app/rates.py': 'def parse(body):\n    return float(body)\n'
}

/** A fixture that starts the app and polls until it answers, then tests that talk to it. */
const pyNetwork = (last: string[]) => ({
  ...PY_PACKAGE,
  'tests/test_rates.py': [
    'import subprocess',
    'import time',
    '',
    'import pytest',
    'import requests',
    '',
    '',
    '@pytest.fixture',
    'def service():',
    '    proc = subprocess.Popen(["python", "-m", "http.server", "8000"])',
    '    for _ in range(50):',
    '        try:',
    '            requests.get("http://service.test:8000/", timeout=1)',
    '            break',
    '        except (requests.ConnectionError, requests.Timeout):',
    '            time.sleep(0.1)',
    '    yield "http://127.0.0.1:8000"',
    '    proc.terminate()',
    '',
    '',
    'def test_from_fixture(service):',
    '    assert requests.get(service + "/EUR").status_code == 200',
    '',
    '',
    'def test_bound_port(service):',
    '    port = 8000',
    '    assert requests.get(f"http://127.0.0.1:{port}/EUR").ok',
    '',
    '',
    ...last,
    ''
  ].join('\n')
})

const tsNetwork = (call: string) => ({
  'package.json': '{"name":"rates","devDependencies":{"jest":"^29.0.0"}}',
  'src/rates.js': 'exports.parse = (body) => Number(body)\n',
  'test/rates.test.js': [
    "const axios = require('axios')",
    '',
    "const base = process.env.RATES_URL || 'http://localhost:4000'",
    '',
    "test('reads the local server', async () => {",
    '  const res = await axios.get(`${base}/EUR`)',
    '  expect(res.status).toBe(200)',
    "  expect((await fetch('http://[::1]:4000/EUR')).ok).toBe(true)",
    '})',
    '',
    "test('reads a rate', async () => {",
    `  const res = await ${call}`,
    '  expect(res.ok).toBe(true)',
    '})',
    ''
  ].join('\n')
})

export const NETWORK_REPORTED: PyramidCase = {
  name: 'networkInUnitTest: a literal remote host is the network; the fixture, bound port and loopback beside it are not',
  files: {
    ...pyNetwork([
      'def test_live_rate():',
      '    assert requests.get("https://rates.example.com/EUR").ok'
    ]),
    ...tsNetwork('fetch(`https://rates.example.com/${"EUR"}`)')
  },
  expected: [
    { messageId: 'networkInUnitTest', file: 'test/rates.test.js', line: 12 },
    { messageId: 'networkInUnitTest', file: 'tests/test_rates.py', line: 31 }
  ]
}

export const NETWORK_NEAR_MISS: PyramidCase = {
  name: "networkInUnitTest near miss: a URL built from the fixture's or a variable's server address",
  files: {
    ...pyNetwork(['def test_live_rate(service):', '    assert requests.get(f"{service}/EUR").ok']),
    ...tsNetwork('fetch(`${base}/EUR`)')
  }
}

/** A helper no test calls, a read feeding both sides, and one plain read the result depends on. */
const pyClock = (last: string[]) => ({
  'app/__init__.py': '',
  'app/age.py': [
    'def age(born, today):',
    '    return today.year - born.year',
    '',
    '',
    'def is_weekend(moment):',
    '    return moment.weekday() >= 5',
    ''
  ].join('\n'),
  'tests/test_age.py': [
    'from datetime import date, datetime',
    '',
    'from app.age import age, is_weekend',
    '',
    '',
    'def make_stamp():',
    '    return datetime.now().isoformat()',
    '',
    '',
    'def test_age_today():',
    '    today = date.today()',
    '    born = date(1990, today.month, today.day)',
    '    assert age(born, today) == today.year - 1990',
    '',
    '',
    'def test_weekend():',
    ...last,
    ''
  ].join('\n')
})

export const CLOCK_REPORTED: PyramidCase = {
  name: 'realClock: a test whose result depends on the real date; an uncalled helper and a read feeding both sides do not',
  files: pyClock(['    assert is_weekend(datetime.now()) is False']),
  expected: [{ messageId: 'realClock', file: 'tests/test_age.py', line: 17 }]
}

export const CLOCK_NEAR_MISS: PyramidCase = {
  name: 'realClock near miss: the one read is both the input and the expected value',
  files: pyClock(['    now = datetime.now()', '    assert is_weekend(now) == (now.weekday() >= 5)'])
}

/** A sleep before a blocking read, and a sleep the test's result hangs on. */
const sleeps = (pyLast: string, jsLast: string) => ({
  'app/__init__.py': '',
  'app/echo.py': [
    'import asyncio',
    '',
    '',
    'async def start():',
    '    return await asyncio.open_connection("127.0.0.1", 9000)',
    ''
  ].join('\n'),
  'tests/test_echo.py': [
    'import asyncio',
    '',
    'import pytest',
    '',
    'from app.echo import start',
    '',
    '',
    '@pytest.mark.asyncio',
    'async def test_reply():',
    '    reader, writer = await start()',
    '    writer.write(b"ping\\n")',
    '    await asyncio.sleep(0.2)',
    '    assert await reader.readline() == b"pong\\n"',
    '',
    '',
    '@pytest.mark.asyncio',
    'async def test_reply_later():',
    '    reader, writer = await start()',
    '    writer.write(b"ping\\n")',
    '    await asyncio.sleep(0.2)',
    pyLast,
    ''
  ].join('\n'),
  'package.json': '{"name":"echo","devDependencies":{"jest":"^29.0.0"}}',
  'src/echo.js': "exports.connect = () => new (require('node:events').EventEmitter)()\n",
  'test/echo.test.js': [
    "const { once } = require('node:events')",
    "const { connect } = require('../src/echo')",
    '',
    "test('replies', async () => {",
    '  const socket = connect()',
    '  await new Promise((resolve) => setTimeout(resolve, 200))',
    jsLast,
    '})',
    ''
  ].join('\n')
})

export const SLEEP_REPORTED: PyramidCase = {
  name: 'sleepInTest: a sleep the result hangs on; one before a blocking read is not',
  files: sleeps(
    '    assert reader.at_eof() is False',
    "  expect(socket.listenerCount('message')).toBe(0)"
  ),
  expected: [
    { messageId: 'sleepInTest', file: 'test/echo.test.js', line: 6 },
    { messageId: 'sleepInTest', file: 'tests/test_echo.py', line: 20 }
  ]
}

export const SLEEP_NEAR_MISS: PyramidCase = {
  name: 'sleepInTest near miss: the awaited call after the sleep blocks for the event',
  files: sleeps(
    '    assert await asyncio.wait_for(reader.readline(), 1) == b"pong\\n"',
    "  expect(await once(socket, 'message')).toEqual(['pong'])"
  )
}

// When each Python 3 minor version stopped getting security fixes (the Python developer's guide's
// version table, from the release PEPs and the PEP 602 schedule). ci-cd's runtime check and
// backwards-compat's dropped-version message read the same dates; 2.7 ended on 2020-01-01.

export const PYTHON_END_OF_LIFE: Readonly<Record<number, string>> = {
  0: '2009-06-27',
  1: '2012-04-09',
  2: '2016-02-20',
  3: '2017-09-29',
  4: '2019-03-18',
  5: '2020-09-30',
  6: '2021-12-23',
  7: '2023-06-27',
  8: '2024-10-07',
  9: '2025-10-31',
  10: '2026-10-31',
  11: '2027-10-31',
  12: '2028-10-31',
  13: '2029-10-31',
  14: '2030-10-31'
}

/** The newest minor in the table; a newer one is taken as maintained. */
export const PYTHON_NEWEST_KNOWN = 14

export const PYTHON_2_END_OF_LIFE = '2020-01-01'

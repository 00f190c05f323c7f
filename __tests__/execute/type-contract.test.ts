// The declared-type check behind type-contract defects: only plain types decide, arguments must have
// their declared types, and PEP 484's numeric tower (bool is an int, an int a float) is respected.
import { describe, expect, it } from '@jest/globals'
import { contractBreach, plainTypes, pythonCheck } from '../../src/execute/type-contract.js'

describe('declared types against observed values', () => {
  it('reads plain annotations and their Optional/Union/| forms; anything else decides nothing', () => {
    expect(plainTypes('Optional[str]')).toEqual(new Set(['str', 'None']))
    expect(plainTypes('int | None')).toEqual(new Set(['int', 'None']))
    expect(plainTypes('Union[List[int], Dict[str, int]]')).toEqual(new Set(['list', 'dict']))
    expect(plainTypes('Duration')).toBeNull()
    expect(plainTypes('Optional[Duration]')).toBeNull()
    expect(plainTypes('tuple[int, int]')).toBeNull()
  })

  it('a None from a function declared -> str, for an argument of the declared type, is a breach', () => {
    const contract = { params: ['int'], returns: 'str' }
    expect(contractBreach(contract, [0], null)).toBe('annotated -> str, observed the value null')
    expect(contractBreach(contract, [0], 'F')).toBeNull()
  })

  it('an argument outside its declared type, or an undeclared one, decides nothing', () => {
    expect(contractBreach({ params: ['int'], returns: 'str' }, [null], null)).toBeNull()
    expect(contractBreach({ params: [null], returns: 'str' }, [0], null)).toBeNull()
  })

  it('bool is an int and an integral number may be a float: no breach', () => {
    expect(contractBreach({ params: ['str'], returns: 'int' }, ['a'], true)).toBeNull()
    expect(contractBreach({ params: ['str'], returns: 'float' }, ['a'], 1)).toBeNull()
    expect(contractBreach({ params: ['str'], returns: 'int' }, ['a'], 1.5)).toBe(
      'annotated -> int, observed the value 1.5'
    )
  })

  it('writes the Python check the shipped row asserts', () => {
    expect(pythonCheck('Optional[float]')).toBe(
      'result is None or isinstance(result, (float, int,))'
    )
    expect(pythonCheck('MyClass')).toBeNull()
  })
})

import {
  annotationNames,
  pythonTypeCompatible,
  pythonTypeKey
} from '../../perspectives/backwards-compat/python-types.js'

describe('pythonTypeKey', () => {
  it.each([
    ['_t.Optional[str]', 'str | None'],
    ['t.Union[str, bytes]', 'bytes | str'],
    ['typing.List[int]', 'list[int]'],
    ['"te.NoReturn"', 'NoReturn'],
    ['_t.Optional[_t.Union[str, _t.List[str]]]', 'None | str | list[str]'],
    ['t.Callable[[int, str], bool]', 'Callable[[int, str], bool]'],
    ["t.Literal['a', 'b']", "Literal['b', 'a']"],
    ['Dict[str, "Node"]', 'dict[str, Node]'],
    ['_t.Iterator[Signer]', 'cabc.Iterator[Signer]'],
    ['_t.IO', 't.IO[t.Any]'],
    ['t.Optional["ParamType"]', 't.Optional[types.ParamType]']
  ])('%s means the same as %s', (a, b) => {
    expect(pythonTypeKey(a)).toBe(pythonTypeKey(b))
  })

  it.each([
    ['str', 'bytes'],
    ['t.Optional[str]', 'str'],
    ['list[int]', 'list[str]'],
    ['t.Union[str, bytes]', 'str | bytes | None'],
    ["t.Literal['a']", "t.Literal['a', 'b']"]
  ])('%s differs from %s', (a, b) => {
    expect(pythonTypeKey(a)).not.toBe(pythonTypeKey(b))
  })

  it.each([
    // a parameter may accept more
    ['bool', 't.Union[bool, str, None]', 'parameter', true],
    ['t.Optional[ParamType]', 't.Optional[t.Union[ParamType, t.Any]]', 'parameter', true],
    ['t.Optional[t.IO]', 't.Optional[t.IO[t.AnyStr]]', 'parameter', true],
    ['t.Optional[t.Dict[str, t.Any]]', 'cabc.MutableMapping[str, t.Any] | None', 'parameter', true],
    ['t.Optional[t.AnyStr]', 'str | bytes | bytearray | None', 'parameter', true],
    ['t.Sequence[str]', 'list[str]', 'parameter', false],
    ['str | bytes', 'str', 'parameter', false],
    ['t.Any', '_PDataSerializer[t.Any]', 'parameter', false],
    // a return may give less
    ['str | None', 'str', 'return', true],
    ['bool', 'te.TypeGuard[_PDataSerializer[str]]', 'return', true],
    ['t.ContextManager[int]', 'AbstractContextManager[int]', 'return', true],
    ['t.Mapping[str, int]', 'dict[str, int]', 'return', true],
    ['t.Optional[t.AnyStr]', 'str | bytes | bytearray | None', 'return', false],
    ['"ProgressBar"', '"ProgressBar[V]"', 'return', true],
    ['t.Callable[[int], Command]', 't.Union[t.Callable[[int], Command], Command]', 'return', false],
    ['int', 'str', 'return', false]
  ] as const)('%s -> %s as a %s: compatible %s', (before, after, position, expected) => {
    expect(pythonTypeCompatible(before, after, position)).toBe(expected)
  })

  it('falls back to the text when an annotation does not parse', () => {
    expect(pythonTypeKey('str[')).toBe('str[')
  })

  it('names what an annotation mentions, for alias detection', () => {
    expect(annotationNames('_t.Optional[_str_bytes]')).toEqual(['Optional', '_str_bytes'])
  })
})

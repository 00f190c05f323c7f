// Whether one place in a file lies inside another. Always (inner, outer), like `a within b`.
import type { Location } from '../../src/model/types.js'

type Start = Pick<Location, 'startLine' | 'startColumn'>
type Span = Pick<Location, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>
type Lines = Pick<Location, 'startLine' | 'endLine'>

/** `a` starts strictly before `b` (line, then column). */
export function startsBefore(a: Start, b: Start): boolean {
  return a.startLine < b.startLine || (a.startLine === b.startLine && a.startColumn < b.startColumn)
}

/** `inner` lies inside `outer`, columns included; a place is within itself. */
export function within(inner: Span, outer: Span): boolean {
  const startsAfter = !startsBefore(inner, outer)
  const endsBefore =
    inner.endLine < outer.endLine ||
    (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn)
  return startsAfter && endsBefore
}

/** `inner`'s lines lie inside `outer`'s lines (columns ignored). */
export function withinLines(inner: Lines, outer: Lines): boolean {
  return inner.startLine >= outer.startLine && inner.endLine <= outer.endLine
}

/** `line` is one of the lines of `range`. */
export function lineWithin(line: number, range: Lines): boolean {
  return line >= range.startLine && line <= range.endLine
}

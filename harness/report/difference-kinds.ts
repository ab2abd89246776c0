import type { DifferenceRow } from './differences.ts'

/**
 * The differences from the reference, grouped for reading: by kind (status codes, message texts,
 * fields and formats, headers, the rest), and within a kind one line per distinct difference with the
 * places it was seen, so that one naive timestamp met at twelve endpoints is one line, not twelve.
 * A difference reads "where: expected …, got …" (harness/target/conformance.ts); `where` ends in
 * " .field" when a schema issue names a field.
 */
export type DifferenceKind = 'status' | 'messages' | 'fields' | 'headers' | 'other'
export const DIFFERENCE_KINDS: readonly DifferenceKind[] = [
  'status',
  'messages',
  'fields',
  'headers',
  'other',
]

export interface ParsedDifference {
  where: string
  expected: string
  got: string
}

export function parseDifference(text: string): ParsedDifference {
  const at = text.indexOf(': expected ')
  const gotAt = text.lastIndexOf(', got ')
  if (at < 0 || gotAt < at) return { where: text, expected: '', got: '' }
  return {
    where: text.slice(0, at),
    expected: text.slice(at + ': expected '.length, gotAt),
    got: text.slice(gotAt + ', got '.length),
  }
}

const FIELD = / \.([\w.[\]-]+)$/
const isStatus = (s: string) => /^\d{3}$/.test(s)

export function differenceKind(d: ParsedDifference): DifferenceKind {
  if (isStatus(d.expected) && isStatus(d.got)) return 'status'
  if (/\b(content-type|x-[\w-]+|access-control-[\w-]+|accept-ranges|cache-control)\b|header/i.test(d.where))
    return 'headers'
  if (/\bdetail\b|\bmessage\b/i.test(d.where) || (!FIELD.test(d.where) && d.expected.startsWith('"')))
    return 'messages'
  if (FIELD.test(d.where)) return 'fields'
  return 'other'
}

export interface DifferenceLine {
  /** What differs: "expected 401, got 403", or ".created_at: expected …" for a field. */
  what: string
  /** Where it was seen (endpoints or scenarios), each once. */
  places: string[]
  ids: string[]
}

export interface DifferenceGroup {
  kind: DifferenceKind
  /** Differences recorded of this kind (before merging equal ones). */
  count: number
  lines: DifferenceLine[]
}

export function groupDifferences(rows: readonly DifferenceRow[]): DifferenceGroup[] {
  const groups = new Map<DifferenceKind, { count: number; lines: Map<string, DifferenceLine> }>()
  for (const row of rows) {
    const d = parseDifference(row.text)
    const kind = differenceKind(d)
    const field = kind === 'fields' ? d.where.match(FIELD)?.[1] : undefined
    // A field's value differs per call (a timestamp, an id): its lines merge on field and expectation,
    // showing the first value met.
    const what = !d.expected
      ? d.where
      : field
        ? `.${field}: expected ${d.expected}, got ${d.got}`
        : `expected ${d.expected}, got ${d.got}`
    const key = field ? `.${field}: expected ${d.expected}` : what
    const place = field ? d.where.replace(FIELD, '') : d.expected ? d.where : ''
    const group = groups.get(kind) ?? { count: 0, lines: new Map() }
    const line = group.lines.get(key) ?? { what, places: [], ids: [] }
    if (place && !line.places.includes(place)) line.places.push(place)
    line.ids = [...new Set([...line.ids, ...row.ids])].sort()
    group.count++
    group.lines.set(key, line)
    groups.set(kind, group)
  }
  return DIFFERENCE_KINDS.flatMap((kind) => {
    const g = groups.get(kind)
    return g
      ? [
          {
            kind,
            count: g.count,
            lines: [...g.lines.values()].sort((a, b) => b.places.length - a.places.length),
          },
        ]
      : []
  })
}

import { describe, expect, it } from 'vitest'
import { differenceKind, groupDifferences, parseDifference } from '../difference-kinds.ts'

const row = (text: string, ids = ['API-01']) => ({ text, ids, tests: ['a test'] })

describe('differences from the reference, grouped', () => {
  it('read "where: expected …, got …", even when a value holds a comma', () => {
    expect(parseDifference('GET /health: expected its parts (redis, queue), got a static /health')).toEqual({
      where: 'GET /health',
      expected: 'its parts (redis, queue)',
      got: 'a static /health',
    })
  })

  it('fall into kinds: status codes, message texts, fields, headers, the rest', () => {
    const kind = (text: string) => differenceKind(parseDifference(text))
    expect(kind('GET /api/v1/auth/me without a token: expected 401, got 403')).toBe('status')
    expect(
      kind('GET /api/v1/videos/{id} 404 .detail: expected "Video with id 9 not found", got "Not found"'),
    ).toBe('messages')
    expect(kind('upload over 10 MB: detail: expected "Request body too large", got "Too big"')).toBe(
      'messages',
    )
    expect(
      kind('GET /api/v1/videos/{id} .created_at: expected Invalid ISO datetime, got "2026-12-04T18:10:00"'),
    ).toBe('fields')
    expect(kind('polyglot served: content-type: expected "image/png", got "text/html"')).toBe('headers')
    expect(kind('GET /health .workers: expected ≥ 1, got nothing')).toBe('fields')
    expect(kind('generate with a NUL: names prompt: expected true, got false')).toBe('other')
  })

  it('merge one difference met at many places into one line that names them', () => {
    const groups = groupDifferences([
      row('GET /api/v1/videos/{id} .created_at: expected Invalid ISO datetime, got "2026-12-04T18:10:00"'),
      row('GET /api/v1/videos .created_at: expected Invalid ISO datetime, got "2026-12-04T18:11:00"', [
        'API-02',
      ]),
      row('GET /api/v1/auth/me without a token: expected 401, got 403', ['SEC-01']),
      row('GET /api/v1/users/credits without a token: expected 401, got 403', ['SEC-01']),
      row('GET /api/v1/videos without a token: expected 401, got 401.5'),
    ])
    expect(groups.map((g) => [g.kind, g.count, g.lines.length])).toEqual([
      ['status', 2, 1],
      ['fields', 2, 1],
      ['other', 1, 1],
    ])
    expect(groups[0]!.lines[0]).toEqual({
      what: 'expected 401, got 403',
      places: ['GET /api/v1/auth/me without a token', 'GET /api/v1/users/credits without a token'],
      ids: ['SEC-01'],
    })
    expect(groups[1]!.lines[0]).toEqual({
      what: '.created_at: expected Invalid ISO datetime, got "2026-12-04T18:10:00"',
      places: ['GET /api/v1/videos/{id}', 'GET /api/v1/videos'],
      ids: ['API-01', 'API-02'],
    })
  })
})

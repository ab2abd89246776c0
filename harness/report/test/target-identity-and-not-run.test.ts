import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { notRunGroups } from '../not-run.ts'
import { identityFrom } from '../target-identity.ts'
import { fakeResult } from './fake-result.ts'

describe('what was accepted', () => {
  it('is what the target tells: its OpenAPI info and any version or commit in /health', () => {
    expect(
      identityFrom(
        { openapi: '3.1.0', info: { title: 'AIVideo.DIY API', version: '0.3.1' } },
        { status: 'ok', commit: '9f8e7d6' },
      ).told,
    ).toEqual(['AIVideo.DIY API 0.3.1 (OpenAPI info)', 'commit 9f8e7d6 (/health)'])
    expect(identityFrom(undefined, { status: 'healthy' }).told).toEqual([])
    expect(identityFrom('<html>', 'down').told).toEqual([])
  })
})

describe('what was not run', () => {
  it('is grouped by reason, the most common first, each with its items', () => {
    const checklist: Checklist = {
      areas: { BE: 'Backend' },
      items: ['BE-03', 'BE-04', 'BE-05', 'BE-06'].map((id) => ({ id, area: 'BE', title: id })),
    }
    const t = fakeResult('api')
    const verdicts = evaluateCoverage(checklist, [
      t('row @BE-03', 'skipped', 'needs stack control (database)\n  at …'),
      t('job @BE-04', 'skipped', 'needs stack control (database)'),
      t('log @BE-05', 'skipped', 'not offered: SSE'),
      t('done @BE-06', 'passed'),
    ])
    expect(notRunGroups(verdicts)).toEqual([
      { reason: 'needs stack control (database)', ids: ['BE-03', 'BE-04'] },
      { reason: 'not offered: SSE', ids: ['BE-05'] },
    ])
  })
})

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { idsInTitle, loadChecklist } from '../checklist.ts'

// The guide's IDs as the repository documents them.
const GUIDE_IDS = resolve(import.meta.dirname, '../../../docs/checklist.md')

describe('contracts/checklist.yaml', () => {
  it('parses, with unique IDs in known areas', () => {
    const checklist = loadChecklist()
    expect(checklist.items.length).toBeGreaterThanOrEqual(40)
  })

  it('has every fixed ID of the guide’s checklist (docs/checklist.md), and no other', () => {
    const shared = [...readFileSync(GUIDE_IDS, 'utf8').matchAll(/^- ([A-Z]+-\d{2}) /gm)].map((m) => m[1])
    const ours = loadChecklist().items.map((i) => i.id)
    expect(ours.filter((id) => /^(FE|BE|API|OK|PERF|DIAG|MODE)-/.test(id)).sort()).toEqual([...shared].sort())
  })

  it('reads the IDs a title names as trailing @ tokens', () => {
    expect(idsInTitle('answers 201 with a pending video @BE-01 @BE-02')).toEqual(['BE-01', 'BE-02'])
    expect(idsInTitle('mentions BE-01 without an at sign')).toEqual([])
  })
})

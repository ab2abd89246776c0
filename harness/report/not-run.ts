import { firstLine, type ItemVerdict } from './coverage.ts'

/**
 * The items not run, grouped by why: in target mode dozens share one reason ("needs stack control"),
 * which reads better once with its items than once per item.
 */
export interface NotRunGroup {
  reason: string
  ids: string[]
}

export function notRunGroups(verdicts: readonly ItemVerdict[]): NotRunGroup[] {
  const groups = new Map<string, string[]>()
  for (const v of verdicts.filter((x) => x.verdict === 'not_run')) {
    const said = v.tests.map((t) => firstLine(t.message) ?? 'skipped')
    for (const reason of new Set(said.length ? said : v.reasons))
      groups.set(reason, [...(groups.get(reason) ?? []), v.item.id])
  }
  return [...groups.entries()]
    .map(([reason, ids]) => ({ reason, ids }))
    .sort((a, b) => b.ids.length - a.ids.length || a.reason.localeCompare(b.reason))
}

import * as allure from 'allure-js-commons'
import { idsInTitle, loadChecklist } from '../../harness/report/checklist.ts'

let areas: Record<string, string> | undefined
function areaName(id: string): string {
  const code = id.split('-')[0]!
  try {
    areas ??= loadChecklist().areas
  } catch {
    areas = {}
  }
  return areas[code] ?? code
}

/** Each `@ID` of a test's title becomes an Allure `checklist` label; its area (Backend, API, …) the epic. */
export async function labelChecklistIds(title: string, feature = 'API acceptance'): Promise<string[]> {
  const ids = idsInTitle(title)
  for (const id of ids) await allure.label('checklist', id)
  for (const epic of new Set(ids.map(areaName))) await allure.epic(epic)
  await allure.feature(feature)
  return ids
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Checklist, idsInTitle } from './checklist.ts'

/**
 * Gives every Allure result the labels the report groups by, derived from the checklist IDs in its
 * title: `epic` = the area ("Backend"), `feature` = "BE-01 The API receives ...", plus one `checklist`
 * label per ID. Done once over all suites' results, so every runner is grouped the same way.
 */
export function labelResults(dir: string, checklist: Checklist): number {
  const items = new Map(checklist.items.map((i) => [i.id, i]))
  let labelled = 0
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-result.json'))) {
    const path = join(dir, file)
    const result = JSON.parse(readFileSync(path, 'utf8')) as {
      name?: string
      labels?: Array<{ name: string; value: string }>
    }
    const ids = idsInTitle(result.name ?? '').filter((id) => items.has(id))
    if (ids.length === 0) continue
    const keep = (result.labels ?? []).filter((l) => !['epic', 'feature', 'checklist'].includes(l.name))
    const added = ids.flatMap((id) => {
      const item = items.get(id)!
      return [
        { name: 'epic', value: `${item.area} · ${checklist.areas[item.area]}` },
        { name: 'feature', value: `${id} ${item.title}` },
        { name: 'checklist', value: id },
      ]
    })
    result.labels = [...keep, ...added]
    writeFileSync(path, JSON.stringify(result))
    labelled += 1
  }
  return labelled
}

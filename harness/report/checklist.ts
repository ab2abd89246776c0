import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'

/** contracts/checklist.yaml: the guide's items with their stable IDs (docs/checklist.md lists them). */
export const ChecklistItem = z.object({
  id: z.string().regex(/^[A-Z]+-\d{2}$/),
  area: z.string(),
  title: z.string().min(1),
})
export const Checklist = z
  .object({ areas: z.record(z.string(), z.string()), items: z.array(ChecklistItem).min(1) })
  .superRefine((c, ctx) => {
    const seen = new Set<string>()
    for (const item of c.items) {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${item.id}` })
      if (!(item.area in c.areas))
        ctx.addIssue({ code: 'custom', message: `${item.id}: unknown area ${item.area}` })
      seen.add(item.id)
    }
  })
export type Checklist = z.infer<typeof Checklist>
export type ChecklistItem = z.infer<typeof ChecklistItem>

export const CHECKLIST_PATH = resolve(import.meta.dirname, '../../contracts/checklist.yaml')

export function loadChecklist(path = CHECKLIST_PATH): Checklist {
  return Checklist.parse(parse(readFileSync(path, 'utf8')))
}

/** The checklist IDs a test names: trailing `@ID` tokens in its title, e.g. `... @BE-01 @BE-02`. */
export function idsInTitle(title: string): string[] {
  return [...title.matchAll(/@([A-Z]+-\d{2})\b/g)].map((m) => m[1]!)
}

import { http } from '../../http.ts'
import { defineCheck, fail, pass, skip } from '../define-check.ts'

/** The frontend answers at its URL (only when --web is given). */
export const webReachable = defineCheck(
  { id: 'web-reachable', title: 'Frontend reachable', checklistId: 'DIAG-02' },
  async (ctx) => {
    const { webUrl } = ctx.options
    if (!webUrl) return skip('no --web URL given')
    const seen = await http(webUrl, { timeoutMs: ctx.options.timeoutMs, redirect: 'manual' })
    const fix = 'start the frontend (npm start; it listens on port 8080, WEB_PORT) or pass its URL with --web'
    if (!seen.ok) return fail(`${webUrl}: ${seen.detail}`, fix)
    return seen.value.status === 200
      ? pass(`${webUrl} → 200 in ${seen.value.ms} ms`)
      : fail(`${webUrl} answered ${seen.value.status}`, fix)
  },
)

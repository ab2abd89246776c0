import { runScriptedUser } from '../harness/scripted-user.ts'

/**
 * `npm run smoke`: the guide's walk as a script against a running system (default: `npm start`'s ports).
 * Prints what it measured and exits non-zero when the guide's expectations do not hold.
 */
const apiUrl = process.env.TARGET_API_URL ?? 'http://127.0.0.1:8000'
const googleUrl = process.env.MOCK_GOOGLE_URL ?? 'http://127.0.0.1:4020'

const r = await runScriptedUser({ apiUrl, googleUrl, pollIntervalMs: 250 })
const checks: Array<[string, boolean]> = [
  [
    `credits ${r.creditsBefore.toFixed(1)} → ${r.creditsAfterSubmit.toFixed(1)} right after the 201`,
    r.creditsBefore - r.creditsAfterSubmit === 10,
  ],
  [
    `status ${r.completed.status} after ${(r.generationMs / 1000).toFixed(1)} s`,
    r.completed.status === 'completed',
  ],
  [
    `video_url ${r.completed.video_url}`,
    r.completed.video_url === `/uploads/videos/user_${r.completed.user_id}_video_${r.completed.id}.mp4`,
  ],
  [
    `HEAD ${r.head.status} ${r.head.contentType} ${r.head.contentLength} bytes`,
    r.head.status === 200 && r.head.contentType === 'video/mp4',
  ],
  [`Range ${r.range.status} ${r.range.contentRange}`, r.range.status === 206 && r.range.bytes === 1024],
]
for (const [line, ok] of checks) console.log(`${ok ? '✅' : '❌'} ${line}`)
process.exit(checks.every(([, ok]) => ok) ? 0 : 1)

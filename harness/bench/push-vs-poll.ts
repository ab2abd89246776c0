import type { Browser } from '@playwright/test'
import type { StartedStack } from '../stack/started-stack.ts'
import { generateUntilPlaying, openSignedIn, type Studio, type Transport } from './browser.ts'
import type { BenchSettings } from './settings.ts'
import type { BenchFigure } from './table.ts'
import { completedVideo } from './videos-db.ts'

/**
 * Push vs poll: each round walks the guide twice side by side, one page following the video by SSE and
 * one polling every 5 s (`?transport=poll`), with the guide's 10 s mock. Generation = the video's row
 * from insert to completed; click → playing = the page's own clock from the Generate click to the result
 * video's `playing`; overhead = the difference (the 201 before, the notification and the first frames
 * after).
 */
export async function pushVsPollFigures(
  stack: StartedStack,
  browser: Browser,
  settings: BenchSettings,
  report: (f: BenchFigure) => void,
): Promise<void> {
  const webUrl = stack.urls.web
  if (!webUrl) throw new Error('the stack has no web app')
  type Seen = { generation: number[]; clickToPlaying: number[]; overhead: number[] }
  const seen: Record<Transport, Seen> = {
    sse: { generation: [], clickToPlaying: [], overhead: [] },
    poll: { generation: [], clickToPlaying: [], overhead: [] },
  }
  /** Where the overhead goes, per walk: click → row inserted, completed → page shows it, → playing. */
  const parts: Record<Transport, string[]> = { sse: [], poll: [] }
  const failures: string[] = []
  // One signed-in page per transport for all rounds (a round reloads it): the chooser once, not per round.
  const studios = new Map<Transport, Studio>()
  try {
    for (let round = 0; round < settings.runs; round += 1) {
      await Promise.all(
        (['sse', 'poll'] as const).map(async (transport) => {
          try {
            let studio = studios.get(transport)
            const fresh = studio !== undefined
            if (!studio) {
              const email = `bench-${transport}-${Date.now()}@example.com`
              studio = await openSignedIn(browser, webUrl, transport, email, settings.walkDeadlineMs)
              studios.set(transport, studio)
            }
            const walk = await generateUntilPlaying(studio, settings.walkDeadlineMs, { fresh })
            const row = await completedVideo(stack, walk.videoId)
            const generation = (row.updatedMs - row.createdMs) / 1000
            const clickToPlaying = (walk.playingAt - walk.clickAt) / 1000
            seen[transport].generation.push(generation)
            seen[transport].clickToPlaying.push(clickToPlaying)
            seen[transport].overhead.push(clickToPlaying - generation)
            const ms = (n: number) => `${Math.round(n)} ms`
            parts[transport].push(
              `click → row ${ms(row.createdMs - walk.clickAt)}, completed → shown ${ms(walk.successAt - row.updatedMs)}, shown → playing ${ms(walk.playingAt - walk.successAt)}`,
            )
          } catch (err) {
            failures.push(`${transport} round ${round + 1}: ${(err as Error).message}`)
            for (const list of Object.values(seen[transport])) list.push(Number.NaN)
          }
        }),
      )
    }
  } finally {
    await Promise.allSettled([...studios.values()].map((s) => s.close()))
  }
  const group = `Push vs poll (${settings.soraDurationS} s mock)`
  for (const transport of ['sse', 'poll'] as const) {
    const note = [...parts[transport], ...failures.filter((f) => f.startsWith(transport))].join('; ')
    const label = transport === 'sse' ? 'SSE' : 'poll (5 s)'
    report({
      group,
      name: `${label}: generation (insert → completed)`,
      unit: 's',
      target: null,
      guide: { op: '<=', value: 10 },
      runs: seen[transport].generation,
    })
    report({
      group,
      name: `${label}: click → playing`,
      unit: 's',
      target: null,
      guide: { op: '<', value: 20 },
      runs: seen[transport].clickToPlaying,
    })
    report({
      group,
      name: `${label}: overhead (click → playing − generation)`,
      unit: 's',
      target: transport === 'sse' ? { op: '<=', value: 1 } : null,
      guide: { op: '<=', value: 5 },
      runs: seen[transport].overhead,
      ...(note ? { note } : {}),
    })
  }
}

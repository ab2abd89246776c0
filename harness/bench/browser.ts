import { type Browser, chromium, type Page } from '@playwright/test'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { CHROMIUM_ARGS, chromiumPath } from '../browser/chromium.ts'
import {
  firstEvent,
  installTimeline,
  readTimeline,
  type TimelineEvent,
  valuesOf,
} from '../browser/page-timeline.ts'

/** Debian's Chromium, as the browser suite runs it (playwright.config.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  })
}

export type Transport = 'sse' | 'poll'

export interface WalkResult {
  videoId: number
  /** Browser clock (epoch ms, the machine's clock): the Generate click and the result video playing. */
  clickAt: number
  /** The panel showing the result (phase `success`): the page has heard of the completion. */
  successAt: number
  playingAt: number
  timeline: TimelineEvent[]
}

/** A signed-in studio page of its own browser context; `close()` ends the context. */
export interface Studio {
  page: Page
  close(): Promise<void>
}

/**
 * Opens the studio (`?transport=poll` for polling) in a fresh context and signs in through
 * mock-google's chooser as `email`.
 */
export async function openSignedIn(
  browser: Browser,
  webUrl: string,
  transport: Transport,
  email: string,
  deadlineMs: number,
): Promise<Studio> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await installTimeline(page)
    await page.goto(`${webUrl}/${transport === 'poll' ? '?transport=poll' : ''}`)
    await page.locator('body[data-ready="true"]').waitFor({ timeout: deadlineMs })
    await signIn(page, email, deadlineMs)
    return { page, close: () => context.close() }
  } catch (err) {
    await context.close()
    throw err
  }
}

/**
 * The guide's walk from a signed-in page: pick the first preset, type the prompt, click Generate, and
 * wait until the result video plays. Times come from the page's own timeline recorder. With `fresh`,
 * the page is reloaded first (a new timeline; the session comes back from its refresh token).
 */
export async function generateUntilPlaying(
  studio: Studio,
  deadlineMs: number,
  opts: { fresh?: boolean } = {},
): Promise<WalkResult> {
  const { page } = studio
  if (opts.fresh) {
    await page.reload()
    await page.getByTestId('user-name').waitFor({ timeout: deadlineMs })
    await page.locator('body[data-ready="true"]').waitFor({ timeout: deadlineMs })
  }
  await page.getByTestId('image-preset-1').click()
  await page
    .getByTestId('prompt-input')
    .fill('A cinematic product showcase with smooth camera movements, professional lighting')
  const generated = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/videos/generate') && r.request().method() === 'POST',
    { timeout: deadlineMs },
  )
  await page.getByTestId('generate-button').click()
  const response = await generated
  if (response.status() !== 201) throw new Error(`generate answered ${response.status()}`)
  const videoId = VideoResponse.parse(await response.json()).id
  const timeline = await waitForEvent(page, 'video-playing', deadlineMs)
  const click = firstEvent(timeline, 'generate-click')
  const playing = firstEvent(timeline, 'video-playing')
  const success = firstEvent(timeline, 'phase', 'success')
  if (!click || !playing || !success) throw new Error('the page timeline lacks the click, success or playing')
  return { videoId, clickAt: click.t, successAt: success.t, playingAt: playing.t, timeline }
}

async function signIn(page: Page, email: string, timeoutMs: number): Promise<void> {
  await page.getByRole('button', { name: 'Login' }).click()
  await page.getByRole('heading', { name: 'Choose an account' }).waitFor({ timeout: timeoutMs })
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByTestId('user-name').waitFor({ timeout: timeoutMs })
  await page.locator('body[data-ready="true"]').waitFor({ timeout: timeoutMs })
}

async function waitForEvent(page: Page, kind: 'video-playing', timeoutMs: number): Promise<TimelineEvent[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const timeline = await readTimeline(page)
    if (firstEvent(timeline, kind)) return timeline
    const error = firstEvent(timeline, 'video-error')
    if (error) throw new Error(`the result video failed with media error ${error.value}`)
    if (Date.now() > deadline)
      throw new Error(
        `no ${kind} within ${timeoutMs} ms (phases ${valuesOf(timeline, 'phase').join(' → ')}; last progress ${valuesOf(timeline, 'progress-text').at(-1)})`,
      )
    await new Promise((r) => setTimeout(r, 50))
  }
}

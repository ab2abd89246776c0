import type { Page } from '@playwright/test'

/**
 * What the page did and when, recorded inside the browser (its own clock, no polling gaps): the Generate
 * click, each change of the panel's phase, the progress text, the credits and the button, and the result
 * video starting and advancing. Tests read it to assert order ("90.0 before completed") and to measure
 * (click → playing, completion → shown) without sampling from outside.
 */
export type TimelineKind =
  | 'generate-click'
  | 'phase'
  | 'progress-text'
  | 'credits'
  | 'button'
  | 'video-playing'
  | 'video-advancing'
  | 'video-error'

export interface TimelineEvent {
  /** Epoch ms (the browser's Date.now(), the same clock as the stack's on this machine). */
  t: number
  kind: TimelineKind
  value: string
}

/** Runs in the page before its own scripts; self-contained, as Playwright serialises it. */
function recordTimeline(): void {
  type Ev = { t: number; kind: string; value: string }
  const events: Ev[] = []
  ;(window as unknown as { __e2eTimeline: Ev[] }).__e2eTimeline = events
  const push = (kind: string, value: string) => events.push({ t: Date.now(), kind, value })
  const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

  const observe = (id: string, kind: string, read: (node: HTMLElement) => string, subtree: boolean) => {
    const node = byId(id)
    if (!node) return
    let last = read(node)
    push(kind, last)
    new MutationObserver(() => {
      const now = read(node)
      if (now === last) return
      last = now
      push(kind, now)
    }).observe(node, { attributes: true, childList: true, characterData: true, subtree })
  }

  const start = () => {
    document.addEventListener(
      'click',
      (event) => {
        const target = event.target as Element | null
        if (target?.closest?.('[data-testid="generate-button"]')) push('generate-click', '')
      },
      true,
    )
    observe('video-panel', 'phase', (n) => n.dataset.phase ?? '', false)
    observe('progress-text', 'progress-text', (n) => n.textContent ?? '', true)
    observe('credits', 'credits', (n) => n.textContent ?? '', true)
    observe(
      'generate-button',
      'button',
      (n) => `${(n as HTMLButtonElement).disabled ? 'disabled' : 'enabled'}:${n.textContent ?? ''}`,
      true,
    )
    const video = byId('result-video') as HTMLVideoElement | null
    if (!video) return
    let advancing = false
    video.addEventListener('loadstart', () => {
      advancing = false
    })
    video.addEventListener('playing', () => push('video-playing', String(video.currentTime)))
    video.addEventListener('timeupdate', () => {
      if (advancing || video.currentTime <= 0) return
      advancing = true
      push('video-advancing', String(video.currentTime))
    })
    video.addEventListener('error', () => push('video-error', String(video.error?.code ?? '')))
  }
  // 'interactive': the document is parsed (every element there) and the app's module has not run yet.
  if (document.readyState === 'loading') document.addEventListener('readystatechange', start, { once: true })
  else start()
}

export async function installTimeline(page: Page): Promise<void> {
  // Under tsx (esbuild's keepNames) the inner functions are wrapped in `__name(fn, "name")`, a helper of
  // the Node module that the page lacks: give the page a no-op one (Playwright's own runner needs none).
  await page.addInitScript({
    content: `globalThis.__name ??= (fn) => fn;\n(${recordTimeline.toString()})()`,
  })
}

export async function readTimeline(page: Page): Promise<TimelineEvent[]> {
  return page.evaluate(
    () => (window as unknown as { __e2eTimeline?: TimelineEvent[] }).__e2eTimeline?.slice() ?? [],
  )
}

/** The first event of a kind (and value, when given) at or after `from`. */
export function firstEvent(
  events: readonly TimelineEvent[],
  kind: TimelineKind,
  match?: string | RegExp,
  from = 0,
): TimelineEvent | undefined {
  return events.find(
    (e) =>
      e.kind === kind &&
      e.t >= from &&
      (match === undefined || (typeof match === 'string' ? e.value === match : match.test(e.value))),
  )
}

/** The values one kind went through, in order. */
export function valuesOf(events: readonly TimelineEvent[], kind: TimelineKind): string[] {
  return events.filter((e) => e.kind === kind).map((e) => e.value)
}

import type { Page } from '@playwright/test'
import type { GuideFlow } from '../report/perf.ts'

/**
 * What the page did and when, recorded inside the browser (its own clock, no polling gaps): the Generate
 * click, each change of the panel's phase, the progress text, the credits and the button, and the result
 * video starting and advancing. Tests read it to assert order ("90 before completed") and to measure
 * (click → playing, completion → shown) without sampling from outside.
 *
 * It knows no frontend's markup: each concept is found by the guide's words (the phases by "Generating
 * your video..." and "Your Video: Generated with Sora 2", the button by "Generate", the result video by
 * the guide's `/uploads/videos/` URL), or by the CSS selector a UI profile gives for it.
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
  /** For `credits`, the number shown ("90"), parsed from whatever text surrounds it. */
  value: string
}

/** CSS selectors from the UI profile; each one left out is found by the guide's words. */
export interface TimelineProbes {
  generate?: string | undefined
  credits?: string | undefined
  progressText?: string | undefined
  resultVideo?: string | undefined
}

/** Runs in the page before its own scripts; self-contained, as Playwright serialises it. */
function recordTimeline(probes: TimelineProbes): void {
  type Ev = { t: number; kind: string; value: string }
  const events: Ev[] = []
  ;(window as unknown as { __e2eTimeline: Ev[] }).__e2eTimeline = events
  const push = (kind: string, value: string) => events.push({ t: Date.now(), kind, value })
  const css = (selector: string | undefined) => {
    try {
      return selector ? document.querySelector<HTMLElement>(selector) : null
    } catch {
      return null
    }
  }
  const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const visible = (n: Element) => n.getClientRects().length > 0
  /** Elements whose whole text satisfies the XPath condition on `t`, innermost first. */
  const byText = (condition: string) => {
    const t = "translate(normalize-space(.), ' ', '')"
    const found = document.evaluate(
      `//body//*[${condition.replaceAll('$t', t)}]`,
      document,
      null,
      XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    )
    const all: Element[] = []
    for (let i = 0; i < found.snapshotLength; i++) all.push(found.snapshotItem(i) as Element)
    return all.filter((n, i) => !all[i + 1] || !n.contains(all[i + 1]!))
  }
  const generateButton = () =>
    css(probes.generate) ??
    Array.from(document.querySelectorAll('button')).find((b) => /^Generat(e|ing)/.test(text(b))) ??
    null
  const CREDITS = /credits\D{0,3}(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*credits/i
  const credits = () => {
    const shown = css(probes.credits)
    if (shown) return text(shown).match(/\d+(?:\.\d+)?/)?.[0]
    // The innermost element with both (an outer one may run a name's digits into the number).
    const m = Array.from(document.querySelectorAll('header *, nav *'))
      .filter(visible)
      .map((n) => text(n).match(CREDITS))
      .findLast(Boolean)
    return m ? (m[1] ?? m[2]) : undefined
  }
  const phase = () => {
    const shows = (condition: string) => byText(condition).some(visible)
    if (shows("$t='YourVideo:GeneratedwithSora2'")) return 'success'
    if (shows("$t='Generatingyourvideo...'")) return 'loading'
    if (shows("$t='Videogenerationfailed'")) return 'failed'
    return 'idle'
  }
  const progressText = () =>
    text(
      css(probes.progressText) ??
        byText(
          "starts-with($t, 'Starting') or starts-with($t, 'Videogenerationinprogress') or starts-with($t, 'Processingvideo')",
        ).find(visible),
    )
  const reads: Array<[string, () => string]> = [
    ['phase', phase],
    ['progress-text', progressText],
    ['credits', () => (credits() === undefined ? '' : String(Number(credits())))],
    [
      'button',
      () => {
        const b = generateButton() as HTMLButtonElement | null
        return b ? `${b.disabled ? 'disabled' : 'enabled'}:${text(b)}` : ''
      },
    ],
  ]
  const last = new Map<string, string>()
  const sample = () => {
    if (!document.body) return
    for (const [kind, read] of reads) {
      const now = read()
      if (last.get(kind) === now) continue
      last.set(kind, now)
      push(kind, now)
    }
  }
  // The document itself: its documentElement may not exist yet when this runs.
  new MutationObserver(sample).observe(document, {
    attributes: true,
    childList: true,
    characterData: true,
    subtree: true,
  })
  document.addEventListener('readystatechange', sample)

  document.addEventListener(
    'click',
    (event) => {
      const button = generateButton()
      if (button && event.target instanceof Node && button.contains(event.target)) push('generate-click', '')
    },
    true,
  )
  // Media events do not bubble: listened for in the capture phase, on the document, for any video.
  const isResult = (v: HTMLVideoElement) =>
    probes.resultVideo ? v.matches(probes.resultVideo) : /\/uploads\/videos\//.test(v.currentSrc || v.src)
  const advancing = new WeakSet<HTMLVideoElement>()
  const on = (type: string, handle: (v: HTMLVideoElement) => void) =>
    document.addEventListener(
      type,
      (event) => {
        const v = event.target
        if (v instanceof HTMLVideoElement && isResult(v)) handle(v)
      },
      true,
    )
  on('loadstart', (v) => advancing.delete(v))
  on('playing', (v) => push('video-playing', String(v.currentTime)))
  on('timeupdate', (v) => {
    if (advancing.has(v) || v.currentTime <= 0) return
    advancing.add(v)
    push('video-advancing', String(v.currentTime))
  })
  on('error', (v) => push('video-error', String(v.error?.code ?? '')))
}

export async function installTimeline(page: Page, probes: TimelineProbes = {}): Promise<void> {
  // Under tsx (esbuild's keepNames) the inner functions are wrapped in `__name(fn, "name")`, a helper of
  // the Node module that the page lacks: give the page a no-op one (Playwright's own runner needs none).
  await page.addInitScript({
    content: `globalThis.__name ??= (fn) => fn;\n(${recordTimeline.toString()})(${JSON.stringify(probes)})`,
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

/**
 * The guide walk's points as the page recorded them, in ms after the Generate click: the credits shown
 * changing, the progress text leaving "Starting..." (the video is processing), the success panel and the
 * video time advancing. Points the page never showed are left out.
 */
export function pageFlowPoints(
  events: readonly TimelineEvent[],
): Pick<GuideFlow, 'credits_shown_ms' | 'processing_ms' | 'shown_ms' | 'playing_ms'> {
  const click = firstEvent(events, 'generate-click')
  if (!click) return {}
  const before = events.filter((e) => e.kind === 'credits' && e.t <= click.t).at(-1)?.value
  const after = (e: TimelineEvent | undefined) => (e ? e.t - click.t : undefined)
  const points = {
    credits_shown_ms: after(
      events.find((e) => e.kind === 'credits' && e.t >= click.t && e.value !== '' && e.value !== before),
    ),
    processing_ms: after(
      events.find(
        (e) => e.kind === 'progress-text' && e.t >= click.t && e.value !== '' && !/^Starting/i.test(e.value),
      ),
    ),
    shown_ms: after(firstEvent(events, 'phase', 'success', click.t)),
    playing_ms: after(firstEvent(events, 'video-advancing', undefined, click.t)),
  }
  return Object.fromEntries(Object.entries(points).filter(([, v]) => v !== undefined))
}

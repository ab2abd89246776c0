import { byTestId, show } from '../dom.ts'
import { progressText } from '../progress.ts'
import type { AppState, Generation, Store } from '../state.ts'
import { mountCarousel, playMuted } from './carousel.ts'

/**
 * The right panel's four states: default carousel, loading (spinner, "Generating your video...",
 * "Starting..." → "Video generation in progress... N%", purple-to-pink), success (the video from the API
 * autoplays, title and tags), failure (the video's error_message). Text only ever via textContent.
 */
export function mountVideoPanel(store: Store<AppState>, fileUrl: (path: string) => string) {
  const panel = byTestId('video-panel')
  const states = {
    idle: byTestId('state-default'),
    loading: byTestId('state-loading'),
    success: byTestId('state-success'),
    failed: byTestId('state-failed'),
  }
  const progress = byTestId('progress-text')
  const progressFill = byTestId('loading-progress-fill')
  const loadingPrompt = byTestId('loading-prompt')
  const result = byTestId<HTMLVideoElement>('result-video')
  const resolution = byTestId('tag-resolution')
  const resultPrompt = byTestId('result-prompt')
  const errorMessage = byTestId('error-message')
  const failedPrompt = byTestId('failed-prompt')
  const carousel = mountCarousel()
  const revealPanel = () => {
    const box = panel.getBoundingClientRect()
    if (box.top < 0 || box.bottom > window.innerHeight) panel.scrollIntoView({ block: 'start' })
  }

  const render = (g: Generation, prev: Generation | undefined) => {
    for (const [phase, node] of Object.entries(states)) show(node, phase === g.phase)
    panel.dataset.phase = g.phase
    if (g.phase !== prev?.phase) {
      carousel.setActive(g.phase === 'idle')
      // On a phone the panel sits below the form: bring the new state into view.
      if (prev && g.phase !== 'idle') revealPanel()
    }
    if (g.phase !== 'success' && prev?.phase === 'success') result.pause()

    switch (g.phase) {
      case 'loading': {
        progress.textContent = progressText(g.video)
        progressFill.style.setProperty('--progress', `${g.video?.progress ?? 0}%`)
        loadingPrompt.textContent = g.prompt
        break
      }
      case 'success': {
        const v = g.video
        resolution.textContent = v.resolution ?? '1280x720'
        resultPrompt.textContent = v.prompt
        const src = v.video_url ? fileUrl(v.video_url) : ''
        if (result.dataset.videoId !== String(v.id)) {
          result.dataset.videoId = String(v.id)
          if (v.poster_url) result.poster = fileUrl(v.poster_url)
          else result.removeAttribute('poster')
          result.src = src
        }
        playMuted(result)
        break
      }
      case 'failed':
        errorMessage.textContent = g.message
        failedPrompt.textContent = g.prompt
        break
      case 'idle':
        break
    }
  }
  store.subscribe((s, prev) => {
    if (s.generation !== prev.generation) render(s.generation, prev.generation)
  })
  render(store.get().generation, undefined)
}

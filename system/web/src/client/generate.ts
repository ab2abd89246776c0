import { VIDEO_COST, type VideoResponse } from '../../../shared/schemas/videos.ts'
import type { ApiClient } from '../api-client.ts'
import type { Account } from './account.ts'
import { guideLog } from './console-log.ts'
import { checkPrompt } from './prompt.ts'
import { randomId } from './random.ts'
import type { Session } from './session.ts'
import { type AppState, isGenerating, type Store, selectedImage } from './state.ts'
import { isTerminal, type TransportMode, type Watch, watchVideo } from './transport.ts'
import type { Toasts } from './views/toasts.ts'

export const MODEL = 'sora-2'

interface GeneratorDeps {
  store: Store<AppState>
  client: ApiClient
  session: Session
  account: Account
  toasts: Toasts
  /** Read at each Generate: the query is only final once a sign-in callback has restored it. */
  transport: () => TransportMode
}

/**
 * Generate: checks (signed in, prompt 10..500, an image), POST /videos/generate, credits −10 on the 201,
 * then follows the video (SSE or polling) through loading to success or failure, refreshing credits at
 * the end. Writes the guide's console lines on the way.
 */
export function createGenerator({ store, client, session, account, toasts, transport }: GeneratorDeps) {
  let watch: Watch | undefined

  const onUpdate = (video: VideoResponse) => {
    guideLog.status(video)
    const g = store.get().generation
    if (video.status === 'completed') {
      guideLog.completed()
      store.set({ generation: { phase: 'success', video } })
      void account.refreshCredits()
    } else if (video.status === 'failed') {
      const message = video.error_message || 'Video generation failed'
      guideLog.generationFailed(message)
      store.set({ generation: { phase: 'failed', prompt: video.prompt, message } })
      void account.refreshCredits()
    } else if (g.phase === 'loading') {
      store.set({ generation: { ...g, video } })
    }
  }

  return {
    async generate(): Promise<void> {
      const s = store.get()
      if (isGenerating(s)) return
      if (s.session.kind !== 'signed-in') {
        toasts.show('Please log in to generate a video')
        return
      }
      const prompt = checkPrompt(s.prompt)
      if (!prompt.ok) {
        toasts.show(prompt.message)
        return
      }
      const image = selectedImage(s)
      if (!image) {
        toasts.show('Please select an image first')
        return
      }

      const before = s.generation
      store.set({ generation: { phase: 'loading', prompt: prompt.prompt, video: null } })
      guideLog.generating({ prompt: prompt.prompt, model: MODEL, imageUrl: image.referenceUrl })
      const idempotencyKey = randomId()
      const created = await session.authed(() =>
        client.generate(
          { prompt: prompt.prompt, model: MODEL, reference_image_url: image.referenceUrl },
          idempotencyKey,
        ),
      )
      if (!created.ok) {
        guideLog.createFailed(created.detail)
        // The API's own words (e.g. "Insufficient credits. Required: 10.0, Available: 0.0").
        toasts.show(created.detail)
        store.set({ generation: before })
        if (created.status === 402) void account.refreshCredits()
        return
      }
      guideLog.created(created.value)
      account.adjustCredits(-VIDEO_COST)
      // The 201 is the first status the page learns (pending), as the original's first poll was.
      onUpdate(created.value)
      if (isTerminal(created.value)) return // an Idempotency-Key repeat of a finished video

      watch?.stop()
      watch = watchVideo({
        mode: transport(),
        videoId: created.value.id,
        initial: created.value,
        fetchVideo: (id) => session.authed(() => client.video(id)),
        streamToken: (id) => session.authed(() => client.streamToken(id)),
        streamUrl: client.streamUrl,
        onUpdate,
        onFallback: guideLog.fallback,
        onGiveUp: (detail) => {
          guideLog.watchFailed(detail)
          store.set({ generation: { phase: 'failed', prompt: prompt.prompt, message: detail } })
          void account.refreshCredits()
        },
      })
    },

    /** Signing out stops following the video and clears the panel. */
    reset(): void {
      watch?.stop()
      watch = undefined
      store.set({ generation: { phase: 'idle' } })
    },
  }
}

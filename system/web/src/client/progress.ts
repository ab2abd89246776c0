import type { VideoResponse } from '../../../shared/schemas/videos.ts'
import type { Generation } from './state.ts'

/** The loading panel's progress text: "Starting..." until the worker picks the video up, then the %. */
export function progressText(video: VideoResponse | null): string {
  if (!video || video.status === 'pending') return 'Starting...'
  return `Video generation in progress... ${video.progress}%`
}

/** The bottom status bar: a short line and a percentage. */
export function statusLine(generation: Generation): { text: string; percent: number } {
  switch (generation.phase) {
    case 'idle':
      return { text: 'Ready', percent: 0 }
    case 'loading': {
      const v = generation.video
      if (!v) return { text: 'Submitting...', percent: 0 }
      if (v.status === 'pending') return { text: `Video #${v.id}: queued`, percent: v.progress }
      return { text: `Video #${v.id}: processing`, percent: v.progress }
    }
    case 'success':
      return { text: `Video #${generation.video.id}: completed`, percent: 100 }
    case 'failed':
      return { text: 'Generation failed', percent: 0 }
  }
}

import { VIDEO_COST } from '../../shared/schemas/videos.ts'
import type { SoraErrorKind } from './sora-client.ts'
import type { ImageFailureKind } from './steps/fetch-reference-image.ts'
import type { WaitFailureKind } from './steps/wait-for-sora.ts'

/**
 * Every way a video job can fail, and what the worker does about each: retry later (transient), or fail
 * the video and refund it. The texts are what the user reads in `error_message`.
 */
export type VideoFailureKind =
  | SoraErrorKind
  | ImageFailureKind
  | WaitFailureKind
  | 'video_missing'
  | 'invalid_payload'
  | 'internal'

/** Worth another attempt with backoff; the last attempt fails and refunds the video. */
export const TRANSIENT_KINDS: ReadonlySet<VideoFailureKind> = new Set<VideoFailureKind>([
  'rate_limited',
  'server',
  'timeout',
  'network',
  'internal',
])

export const isTransient = (kind: VideoFailureKind): boolean => TRANSIENT_KINDS.has(kind)

const refunded = `Your ${VIDEO_COST} credits have been refunded.`

/** A detail as the middle of a sentence: no trailing full stop, so ours is the only one. */
const clause = (detail: string) => detail.trim().replace(/[.\s]+$/, '')

export function userMessage(kind: VideoFailureKind, rawDetail: string, maxWaitSeconds: number): string {
  const detail = clause(rawDetail)
  switch (kind) {
    case 'rate_limited':
      return `The video service is busy right now (rate limited); please try again later. ${refunded}`
    case 'server':
    case 'timeout':
    case 'network':
    case 'released':
      return `The video service is unavailable right now; please try again later. ${refunded}`
    case 'unauthorized':
      return `The video service refused our credentials; please contact support. ${refunded}`
    case 'rejected':
      return `The video request was rejected: ${detail}. ${refunded}`
    case 'not_found':
      return `The video service lost track of this video; please try again. ${refunded}`
    case 'protocol':
      return `The video service sent an answer we could not read; please try again later. ${refunded}`
    case 'sora_failed':
      return `Sora could not generate this video: ${detail}. ${refunded}`
    case 'max_wait_exceeded':
      return `Video generation did not finish within ${maxWaitSeconds} seconds. ${refunded}`
    case 'image_not_allowed':
    case 'image_invalid':
      return `The reference image cannot be used: ${detail}. ${refunded}`
    case 'video_missing':
    case 'invalid_payload':
      return `This video request is invalid: ${detail}.`
    case 'internal':
      return `An internal error stopped the video generation; please try again. ${refunded}`
  }
}

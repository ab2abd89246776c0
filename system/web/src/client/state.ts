import type { UserResponse } from '../../../shared/schemas/auth.ts'
import type { VideoResponse } from '../../../shared/schemas/videos.ts'

export type Session =
  | { kind: 'restoring' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; user: UserResponse; credits: number }

/** A tile of the image grid: a preset served by this site, or an upload served by the API. */
export interface ImageOption {
  id: string
  label: string
  /** What the <img> shows. */
  src: string
  /** What the generate request sends as `reference_image_url`. */
  referenceUrl: string
  kind: 'preset' | 'upload'
}

/** The right panel: default carousel, loading, success, failure. */
export type Generation =
  | { phase: 'idle' }
  | { phase: 'loading'; prompt: string; video: VideoResponse | null }
  | { phase: 'success'; video: VideoResponse }
  | { phase: 'failed'; prompt: string; message: string }

export interface AppState {
  session: Session
  images: readonly ImageOption[]
  selectedImageId: string | null
  prompt: string
  uploading: boolean
  generation: Generation
}

export interface Store<S> {
  get(): S
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void
  /** Called after each change with the new and the previous state; views re-render only what changed. */
  subscribe(listener: (state: S, prev: S) => void): () => void
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial
  const listeners = new Set<(state: S, prev: S) => void>()
  return {
    get: () => state,
    set(patch) {
      const prev = state
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) }
      for (const listener of listeners) listener(state, prev)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export const PRESET_COUNT = 6

/** The six preset tiles, their reference URL absolute on this site (the worker fetches it from there). */
export function presetImages(origin: string): ImageOption[] {
  return Array.from({ length: PRESET_COUNT }, (_, i) => {
    const path = `/presets/preset-${i + 1}.png`
    return {
      id: `preset-${i + 1}`,
      label: `Preset ${i + 1}`,
      src: path,
      referenceUrl: `${origin}${path}`,
      kind: 'preset',
    }
  })
}

export function initialState(origin: string): AppState {
  return {
    session: { kind: 'restoring' },
    images: presetImages(origin),
    selectedImageId: null,
    prompt: '',
    uploading: false,
    generation: { phase: 'idle' },
  }
}

export const isGenerating = (s: AppState) => s.generation.phase === 'loading'
export const selectedImage = (s: AppState) => s.images.find((i) => i.id === s.selectedImageId) ?? null

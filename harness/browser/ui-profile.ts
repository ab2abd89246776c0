import { readFileSync } from 'node:fs'
import { z } from 'zod'

/**
 * A UI profile: how the browser suite finds the guide's concepts on a frontend whose markup differs
 * from ours (`--ui-profile FILE` / TARGET_UI_PROFILE). Every key is optional: what is left out is found
 * the portable way (roles, accessible names, the guide's words), which is all our own web needs.
 * Locators are CSS (Playwright's own engines also work, but the page timeline reads only CSS).
 */
export const CONCEPTS = [
  'login',
  /** The signed-in user's area (name, credits). */
  'account',
  /** The element whose text shows the balance; the number in it is parsed. */
  'credits',
  /** The preset images, in page order (preset 1 = the first). */
  'presets',
  /** The image choice(s) currently selected. */
  'selectedChoice',
  /** Where a frontend shows the selected image apart from the tiles (e.g. an enlarged upload slot). */
  'selectionPreview',
  'uploadInput',
  /** The choice an upload becomes. */
  'uploadedChoice',
  'prompt',
  'generate',
  'loadingPanel',
  'spinner',
  'progressText',
  'resultVideo',
  'successTitle',
  'resolutionTag',
  'aiTag',
  'carousel',
  'carouselDots',
  'carouselVideo',
  'carouselCaption',
  'toasts',
] as const
export type Concept = (typeof CONCEPTS)[number]

const selector = z.string().trim().min(1, 'a CSS selector')

export const SIGN_IN = ['mock-google', 'storage-state', 'inject-tokens'] as const
export type SignIn = (typeof SIGN_IN)[number]

export const UiProfile = z.strictObject({
  name: z.string().min(1),
  locators: z.strictObject(Object.fromEntries(CONCEPTS.map((c) => [c, selector.optional()]))).default({}),
  session: z
    .strictObject({
      /** How a test gets its signed-in user; unset: mock-google, or storage-state with TARGET_STORAGE_STATE. */
      signIn: z.enum(SIGN_IN).optional(),
      /** Where the page keeps its tokens, for inject-tokens. */
      storage: z.enum(['localStorage', 'cookies']).default('localStorage'),
      accessTokenKey: z.string().min(1).optional(),
      refreshTokenKey: z.string().min(1).optional(),
    })
    .default({ storage: 'localStorage' }),
  /** What the URL needs for the page to poll GET /videos/{id} ('' when it always polls). */
  pollQuery: z.string().default('?transport=poll'),
})
export type UiProfile = z.infer<typeof UiProfile> & { locators: Partial<Record<Concept, string>> }

/** Our own web: found by roles and words, signed in through mock-google, refresh token in localStorage. */
export const OUR_WEB: UiProfile = UiProfile.parse({
  name: 'aivideo-web',
  session: { refreshTokenKey: 'aivideo.refresh_token' },
})

export class UiProfileError extends Error {
  override name = 'UiProfileError'
}

/** Reads and validates a profile file; each problem names its key (`locators.prompt: ...`). */
export function loadUiProfile(file: string | undefined): UiProfile {
  if (!file) return OUR_WEB
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new UiProfileError(`UI profile ${file}: ${(err as Error).message}`)
  }
  const parsed = UiProfile.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const keys = 'keys' in i ? ` (${(i.keys as string[]).join(', ')})` : ''
      return `${i.path.join('.') || '(profile)'}: ${i.message}${keys}`
    })
    throw new UiProfileError(`Invalid UI profile ${file}:\n  ${lines.join('\n  ')}`)
  }
  const profile = parsed.data as UiProfile
  const { signIn, accessTokenKey, refreshTokenKey } = profile.session
  if (signIn === 'inject-tokens' && !accessTokenKey && !refreshTokenKey)
    throw new UiProfileError(
      `Invalid UI profile ${file}:\n  session.accessTokenKey: inject-tokens needs the key of the access or the refresh token`,
    )
  return profile
}

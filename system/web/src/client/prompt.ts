import { PROMPT_MAX, PROMPT_MIN } from '../../../shared/schemas/videos.ts'

export type PromptCheck =
  | { ok: true; prompt: string }
  | { ok: false; reason: 'missing' | 'too_short' | 'too_long'; message: string }

/**
 * A prompt's length as the API's schema counts it: in code points (zod, like the original's Python),
 * so an emoji counts 1, not the 2 UTF-16 units of `string.length`.
 */
export const promptLength = (s: string): number => [...s].length

/** The API's 10..500 rule (on the trimmed prompt, as the schema trims), with the message a toast shows. */
export function checkPrompt(raw: string): PromptCheck {
  const prompt = raw.trim()
  const length = promptLength(prompt)
  if (length === 0) return { ok: false, reason: 'missing', message: 'Please enter a prompt' }
  if (length < PROMPT_MIN) {
    return {
      ok: false,
      reason: 'too_short',
      message: `Prompt is too short: at least ${PROMPT_MIN} characters (now ${length})`,
    }
  }
  if (length > PROMPT_MAX) {
    return {
      ok: false,
      reason: 'too_long',
      message: `Prompt is too long: at most ${PROMPT_MAX} characters (now ${length})`,
    }
  }
  return { ok: true, prompt }
}

/** How the counter looks: `short` below the minimum (once typing started), `ok` otherwise. */
export function counterState(raw: string): 'empty' | 'short' | 'ok' {
  const length = promptLength(raw.trim())
  if (length === 0) return 'empty'
  return length < PROMPT_MIN ? 'short' : 'ok'
}
export { PROMPT_MAX, PROMPT_MIN }

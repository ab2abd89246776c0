import { PROMPT_MAX, PROMPT_MIN } from '../../../shared/schemas/videos.ts'

export type PromptCheck =
  | { ok: true; prompt: string }
  | { ok: false; reason: 'missing' | 'too_short' | 'too_long'; message: string }

/** The API's 10..500 rule (on the trimmed prompt, as the schema trims), with the message a toast shows. */
export function checkPrompt(raw: string): PromptCheck {
  const prompt = raw.trim()
  if (prompt.length === 0) return { ok: false, reason: 'missing', message: 'Please enter a prompt' }
  if (prompt.length < PROMPT_MIN) {
    return {
      ok: false,
      reason: 'too_short',
      message: `Prompt is too short: at least ${PROMPT_MIN} characters (now ${prompt.length})`,
    }
  }
  if (prompt.length > PROMPT_MAX) {
    return {
      ok: false,
      reason: 'too_long',
      message: `Prompt is too long: at most ${PROMPT_MAX} characters (now ${prompt.length})`,
    }
  }
  return { ok: true, prompt }
}

/** How the counter looks: `short` below the minimum (once typing started), `ok` otherwise. */
export function counterState(raw: string): 'empty' | 'short' | 'ok' {
  const length = raw.trim().length
  if (length === 0) return 'empty'
  return length < PROMPT_MIN ? 'short' : 'ok'
}
export { PROMPT_MAX, PROMPT_MIN }

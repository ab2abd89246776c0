/** Credits as the navbar shows them: always one decimal (`100.0`, `90.0`). */
export function formatCredits(credits: number): string {
  return Number.isFinite(credits) ? credits.toFixed(1) : '—'
}

/** `42/500`: the prompt counter. */
export function formatCounter(length: number, max: number): string {
  return `${length}/${max}`
}

/** The result of a call across a process boundary: a value, or a named kind of failure. Throw only for bugs. */
export type Outcome<T, K extends string> = { ok: true; value: T } | { ok: false; kind: K; detail: string }

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const fail = <K extends string>(kind: K, detail: string): { ok: false; kind: K; detail: string } => ({
  ok: false,
  kind,
  detail,
})

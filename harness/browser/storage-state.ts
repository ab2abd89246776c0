import { readFileSync } from 'node:fs'
import { z } from 'zod'

/** A Playwright storageState file (`context.storageState({ path })`): the cookies and each origin's localStorage. */
export const StorageState = z.object({
  cookies: z.array(
    z
      .object({
        name: z.string(),
        value: z.string(),
        domain: z.string(),
        path: z.string(),
        expires: z.number(),
        httpOnly: z.boolean(),
        secure: z.boolean(),
        sameSite: z.enum(['Strict', 'Lax', 'None']),
      })
      .loose(),
  ),
  origins: z.array(
    z.object({
      origin: z.string(),
      localStorage: z.array(z.object({ name: z.string(), value: z.string() })),
    }),
  ),
})
export type StorageState = z.infer<typeof StorageState>

/** The file's state, or the problem with it in one line. */
export function readStorageState(
  file: string,
): { ok: true; value: StorageState } | { ok: false; detail: string } {
  try {
    const parsed = StorageState.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return { ok: true, value: parsed.data }
    const first = parsed.error.issues[0]!
    return { ok: false, detail: `${first.path.join('.')}: ${first.message}` }
  } catch (err) {
    return { ok: false, detail: (err as Error).message }
  }
}

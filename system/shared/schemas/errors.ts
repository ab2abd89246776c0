import { z } from 'zod'

/** Every 4xx/5xx of the public API: FastAPI's shape, so suites written for the original still apply. */
export const ErrorResponse = z.object({
  detail: z.union([z.string(), z.array(z.unknown())]),
})
export type ErrorResponse = z.infer<typeof ErrorResponse>

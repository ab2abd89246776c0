import { z } from 'zod'

export const CheckStatus = z.enum(['ok', 'error'])
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  redis: CheckStatus,
  database: CheckStatus,
  queue: CheckStatus,
  mock_sora: z.boolean(),
  /** Workers whose heartbeat is fresh (see system/shared/queue.ts). */
  workers: z.number().int().min(0),
})
export type HealthResponse = z.infer<typeof HealthResponse>

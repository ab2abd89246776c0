import { z } from 'zod'
import { SoraStatus } from '../../shared/schemas/sora.ts'

/**
 * The mock's control plane (`/__mock/*`, no auth): tests arm faults, read counters and reset between
 * tests. Not part of OpenAI's API.
 */
export const MockFaultMode = z.enum([
  'fail',
  'never_finish',
  'rate_limit',
  'server_error',
  'slow',
  'slow_content',
])
export type MockFaultMode = z.infer<typeof MockFaultMode>

/** Modes that answer the next /v1 calls; the others change the next created jobs. */
export const HTTP_FAULT_MODES = ['rate_limit', 'server_error'] as const satisfies readonly MockFaultMode[]

/** Until `/__mock/reset`. */
export const EVERY_CALL = -1

export const MockFaultRequest = z
  .strictObject({
    mode: MockFaultMode,
    /**
     * How many next jobs (fail, never_finish, slow, slow_content) or /v1 calls (rate_limit, server_error);
     * -1 = until reset.
     */
    count: z
      .number()
      .int()
      .min(EVERY_CALL)
      .refine((n) => n !== 0, 'must be a positive number, or -1 for every call until reset')
      .default(1),
    /**
     * slow: how long those jobs take (default: three times MOCK_SORA_DURATION_S); slow_content: how long
     * their video download takes, paced evenly over its bytes (default 2 s).
     */
    duration_s: z.number().positive().max(86_400).optional(),
    /**
     * Job modes only: the fault is taken only by a job whose prompt contains this text, so a test among
     * others running in parallel arms it for its own job.
     */
    prompt_contains: z.string().min(1).max(500).optional(),
    /** rate_limit: the `retry-after` header, in seconds (default 1). */
    retry_after_s: z.number().int().min(0).max(3600).optional(),
  })
  .refine(
    (req) => req.prompt_contains === undefined || !(HTTP_FAULT_MODES as readonly string[]).includes(req.mode),
    {
      path: ['prompt_contains'],
      message: 'applies to job modes only: rate_limit and server_error answer calls',
    },
  )
export type MockFaultRequest = z.infer<typeof MockFaultRequest>

export const MockFault = z.object({
  id: z.number().int().positive(),
  mode: MockFaultMode,
  /** Jobs or calls it still applies to; -1 = until reset. */
  remaining: z.number().int().min(EVERY_CALL),
  duration_s: z.number().positive().nullable(),
  retry_after_s: z.number().int().min(0).nullable(),
  // Absent from a mock-sora older than it (a target's): read as none.
  prompt_contains: z.string().nullable().default(null),
})
export type MockFault = z.infer<typeof MockFault>

export const MockFaultArmed = z.object({ armed: MockFault, faults: z.array(MockFault) })
export type MockFaultArmed = z.infer<typeof MockFaultArmed>

export const MockState = z.object({
  jobs: z.number().int().min(0),
  jobs_by_status: z.record(SoraStatus, z.number().int().min(0)),
  faults: z.array(MockFault),
  /** Requests received since the last reset, keyed `METHOD /route/:param`, e.g. `POST /v1/videos`. */
  requests: z.record(z.string(), z.number().int().min(0)),
  duration_s: z.number().positive(),
})
export type MockState = z.infer<typeof MockState>

export const MockResetResponse = z.object({
  reset: z.literal(true),
  cleared: z.object({ jobs: z.number().int().min(0), faults: z.number().int().min(0) }),
})
export type MockResetResponse = z.infer<typeof MockResetResponse>

export const MockHealth = z.object({ status: z.literal('ok'), duration_s: z.number().positive() })
export type MockHealth = z.infer<typeof MockHealth>

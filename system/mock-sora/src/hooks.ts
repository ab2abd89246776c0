import type { onRequestAsyncHookHandler } from 'fastify'
import { LogEvent } from '../../shared/log-events.ts'
import { invalidApiKey, rateLimited, serverError } from './errors.ts'
import { sendError } from './reply.ts'
import type { MockSoraService } from './service.ts'

/** `Authorization: Bearer <MOCK_SORA_API_KEY>`, as OpenAI requires on every /v1 call. */
export function requireApiKey(apiKey: string): onRequestAsyncHookHandler {
  const expected = `Bearer ${apiKey}`
  return async (req, reply) => {
    if (req.headers.authorization !== expected) return sendError(reply, invalidApiKey())
  }
}

/** Answers an authenticated /v1 call with an armed 429 or 500 instead of running the route. */
export function armedHttpFaults(service: MockSoraService): onRequestAsyncHookHandler {
  return async (req, reply) => {
    const fault = service.faults.takeHttpFault()
    if (!fault) return
    req.log.info(
      { event: LogEvent.mockFault, phase: 'applied', mode: fault.mode, route: `${req.method} ${req.url}` },
      `Fault applied: ${fault.mode} on ${req.method} ${req.url}`,
    )
    return sendError(
      reply,
      fault.mode === 'rate_limit' ? rateLimited(fault.retry_after_s ?? 1) : serverError(),
    )
  }
}

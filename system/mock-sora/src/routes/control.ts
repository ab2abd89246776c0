import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { OpenAIError } from '../../../shared/schemas/sora.ts'
import { MockFaultArmed, MockFaultRequest, MockResetResponse, MockState } from '../control-schema.ts'
import { fromZodError } from '../errors.ts'
import { sendError } from '../reply.ts'
import type { MockSoraService } from '../service.ts'

export type ControlRoutesOptions = { service: MockSoraService }

/** Test controls under /__mock, without auth: arm faults, read counters, reset. */
export const controlRoutes: FastifyPluginAsync<ControlRoutesOptions> = async (scope, { service }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/faults',
    { schema: { response: { 200: MockFaultArmed, 400: OpenAIError } } },
    async (req, reply) => {
      const body = MockFaultRequest.safeParse(req.body ?? {})
      if (!body.success) return sendError(reply, fromZodError(body.error, req.body))
      const armed = service.armFault(body.data)
      return { armed, faults: service.faults.pending() }
    },
  )

  app.post('/reset', { schema: { response: { 200: MockResetResponse } } }, async () => service.reset())

  app.get('/state', { schema: { response: { 200: MockState } } }, async () => service.state())
}

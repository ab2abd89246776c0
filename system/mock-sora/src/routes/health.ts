import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MockHealth } from '../control-schema.ts'

export type HealthRoutesOptions = { durationS: number }

export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (scope, { durationS }) => {
  scope
    .withTypeProvider<ZodTypeProvider>()
    .get('/health', { schema: { response: { 200: MockHealth } } }, async () => ({
      status: 'ok' as const,
      duration_s: durationS,
    }))
}

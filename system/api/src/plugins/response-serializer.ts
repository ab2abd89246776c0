import fastJson from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify/types/schema.js'
import { z } from 'zod'

/**
 * Each route's response schemas (zod, the one source of truth) compiled once, at start, into a
 * fast-json-stringify function through their JSON Schema: a response is written straight from the
 * schema's fields instead of being re-validated by zod and then JSON.stringify'd. Fields outside the
 * schema are dropped, a missing required field throws (a 500), as before; the response's values are no
 * longer checked against the schema's formats and enums here, which the suites' response checks do.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) =>
  fastJson(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as Parameters<typeof fastJson>[0])

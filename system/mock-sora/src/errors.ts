import type { z } from 'zod'
import type { OpenAIError } from '../../shared/schemas/sora.ts'

/** An error answer in OpenAI's envelope, as a value: routes and hooks send it, nothing throws it. */
export type ErrorReply = { status: number; body: OpenAIError; headers?: Record<string, string> }

/** The result of reading a request: the parsed value, or the 4xx to answer with. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: ErrorReply }

function openAIError(
  status: number,
  message: string,
  type: string,
  param: string | null,
  code: string | null,
  headers?: Record<string, string>,
): ErrorReply {
  return { status, body: { error: { message, type, param, code } }, ...(headers ? { headers } : {}) }
}

export const invalidApiKey = (): ErrorReply =>
  openAIError(
    401,
    'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
    'invalid_request_error',
    null,
    'invalid_api_key',
  )

export const invalidRequest = (param: string | null, message: string): ErrorReply =>
  openAIError(400, message, 'invalid_request_error', param, null)

export const videoNotFound = (id: string): ErrorReply =>
  openAIError(404, `Video with id '${id}' not found.`, 'invalid_request_error', null, null)

export const videoNotReady = (id: string, status: string): ErrorReply =>
  openAIError(
    404,
    status === 'failed'
      ? `Video '${id}' failed and has no content.`
      : `Video '${id}' is not ready yet (status: ${status}). Download its content once its status is 'completed'.`,
    'invalid_request_error',
    null,
    null,
  )

export const invalidUrl = (method: string, url: string): ErrorReply =>
  openAIError(404, `Invalid URL (${method} ${url})`, 'invalid_request_error', null, null)

export const rateLimited = (retryAfterS: number): ErrorReply =>
  openAIError(
    429,
    `Rate limit reached for requests. Please try again in ${retryAfterS}s.`,
    'requests',
    null,
    'rate_limit_exceeded',
    { 'retry-after': String(retryAfterS), 'x-ratelimit-remaining-requests': '0' },
  )

export const serverError = (): ErrorReply =>
  openAIError(
    500,
    'The server had an error while processing your request. Sorry about that!',
    'server_error',
    null,
    null,
  )

export const unknownParameter = (name: string): ErrorReply =>
  invalidRequest(name, `Unrecognized request argument supplied: ${name}`)

const quoteList = (values: readonly unknown[]) => values.map((v) => `'${String(v)}'`).join(', ')

/** OpenAI's wording for the first problem zod found; `param` names the field. */
export function fromZodError(error: z.ZodError, input: unknown): ErrorReply {
  const issue = error.issues[0]
  if (!issue) return invalidRequest(null, 'Invalid request.')
  const param = issue.path.length > 0 ? issue.path.map(String).join('.') : null
  const given =
    param && typeof input === 'object' && input !== null
      ? (input as Record<string, unknown>)[String(issue.path[0])]
      : undefined
  if (param && given === undefined && issue.code === 'invalid_type') {
    return invalidRequest(param, `Missing required parameter: '${param}'.`)
  }
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) return unknownParameter(issue.keys[0])
  if (issue.code === 'invalid_value') {
    return invalidRequest(
      param,
      `Invalid value: '${String(given)}'. Supported values are: ${quoteList(issue.values)}.`,
    )
  }
  return invalidRequest(param, `Invalid '${param ?? 'request'}': ${issue.message}.`)
}

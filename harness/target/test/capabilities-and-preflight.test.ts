import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_REDIRECT_URI } from '../../../system/shared/config.ts'
import { probeCapabilities } from '../capabilities.ts'
import { preflightSignIn, SignInPreflightFailed } from '../preflight.ts'
import { loadTarget } from '../target-env.ts'

/** A stand-in deployment answering fixed JSON per path, as the original app does. */
let server: Server | undefined
async function serve(routes: Record<string, [number, unknown]>): Promise<string> {
  server = createServer((req, res) => {
    const [status, body] = routes[req.url ?? ''] ?? [404, { detail: 'Not Found' }]
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())))

describe('capabilities probed over HTTP', () => {
  it('finds OpenAPI at /openapi.json and tells what is not offered, with the reason; a static /health has no parts', async () => {
    const api = await serve({
      '/openapi.json': [
        200,
        {
          openapi: '3.1.0',
          paths: { '/api/v1/videos/generate': { post: {} }, '/api/v1/upload/image': { post: {} } },
        },
      ],
      '/health': [200, { status: 'healthy' }],
    })
    const caps = await probeCapabilities(api)
    expect(caps.openApiPath).toBe('/openapi.json')
    expect(caps.uploads).toEqual({ offered: true })
    expect(caps.stream).toMatchObject({
      offered: false,
      reason: expect.stringMatching(/^not offered: GET \/api\/v1\/videos\/\{id\}\/stream/),
    })
    expect(caps.idempotency.offered).toBe(false)
    expect(caps.healthParts).toEqual([])
  })

  it('matches routes whatever their parameters are called, and reads the generate call’s headers', async () => {
    const api = await serve({
      '/docs/json': [
        200,
        {
          openapi: '3.0.3',
          paths: {
            '/api/v1/videos/generate': { post: { parameters: [{ name: 'idempotency-key', in: 'header' }] } },
            '/api/v1/videos/{video_id}/stream': { get: {} },
            '/api/v1/videos/{video_id}/stream-token': { post: {} },
          },
        },
      ],
      '/health': [
        200,
        { status: 'ok', redis: 'ok', database: 'ok', queue: 'ok', mock_sora: true, workers: 1 },
      ],
    })
    const caps = await probeCapabilities(api)
    expect(caps).toMatchObject({
      openApiPath: '/docs/json',
      stream: { offered: true },
      idempotency: { offered: true },
    })
    expect(caps.healthParts).toEqual(['redis', 'database', 'queue', 'mock_sora', 'workers'])
  })
})

describe('the sign-in preflight', () => {
  it('stops with one screen: the strategy, the request, what came back, what to check', async () => {
    const api = await serve({ '/api/v1/auth/me': [401, { detail: 'Invalid authentication credentials' }] })
    const target = loadTarget({ TARGET_API_URL: api, TARGET_ACCESS_TOKENS: '["expired-token"]' })!
    const failure = preflightSignIn(target, DEFAULT_REDIRECT_URI, 'client')
    await expect(failure).rejects.toThrow(SignInPreflightFailed)
    await expect(failure).rejects.toThrow(
      new RegExp(
        [
          'strategy {4}given tokens \\(TARGET_ACCESS_TOKENS: 1\\)',
          `request {5}GET ${api}/api/v1/auth/me`,
          'came back {3}401 \\{"detail":"Invalid authentication credentials"\\}',
          'check {7}that they are access tokens',
        ].join('\\n  '),
      ),
    )
  })

  it('never prints a token it was answered with', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'
    const api = await serve({ '/api/v1/auth/me': [500, { detail: `bad ${jwt}` }] })
    const target = loadTarget({ TARGET_API_URL: api, TARGET_ACCESS_TOKENS: 'good-token' })!
    const failure = preflightSignIn(target, DEFAULT_REDIRECT_URI, 'client')
    await expect(failure).rejects.toThrow('500 {"detail":"bad eyJ…(a token)"}')
  })

  it('passes when the first prepared user is known to the deployment', async () => {
    const api = await serve({
      '/api/v1/auth/me': [200, { id: 1, email: 'qa.user+1@example.com', credits: 100.0 }],
    })
    const target = loadTarget({ TARGET_API_URL: api, TARGET_ACCESS_TOKENS: 'good-token' })!
    await expect(preflightSignIn(target, DEFAULT_REDIRECT_URI, 'client')).resolves.toBeUndefined()
  })
})

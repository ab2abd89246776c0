import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { WebConfig } from '../../shared/config.ts'
import { createLogger, type Logger } from '../../shared/logger.ts'
import { buildClientBundle, type ClientBundle } from './build.ts'
import { PUBLIC_DIR, renderIndexHtml } from './page.ts'
import { securityHeaders } from './security-headers.ts'
import { withoutTestIds } from './test-ids.ts'

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../../fixtures')

/** Routes the page itself answers (the OAuth callback lands on the same page). */
export const PAGE_ROUTES = ['/', '/auth/callback'] as const

export type WebDeps = {
  logger?: Logger
  /** The browser bundle; built here when absent (server.ts builds it first to log how long it took). */
  bundle?: ClientBundle
  /** Where the preset images, carousel clips and poster are read from. */
  fixturesDir?: string
}

/**
 * The frontend's static server, ready to `inject()` or `listen()`; it never listens itself. Serves the
 * page (with the API base URL injected at serve time), the bundle, styles, presets and carousel clips,
 * each with the same security headers.
 */
export async function buildWebApp(config: WebConfig, deps: WebDeps = {}): Promise<FastifyInstance> {
  const logger = deps.logger ?? createLogger('web', config.LOG_LEVEL)
  const served = config.WEB_TEST_IDS === 'on' ? (text: string) => text : withoutTestIds
  const built = deps.bundle ?? (await buildClientBundle())
  const bundle = { js: served(built.js), map: served(built.map) }
  const fixtures = deps.fixturesDir ?? FIXTURES_DIR
  const html = served(renderIndexHtml(config))
  const headers = securityHeaders(config)

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify's request lines would log the OAuth callback's code in its URL.
    logController: new LogController({ disableRequestLogging: true }),
  })
  app.addHook('onSend', async (_req, reply) => {
    reply.headers(headers)
  })

  app.get('/health', async () => ({ status: 'ok' }))
  for (const path of PAGE_ROUTES) {
    app.get(path, async (_req, reply) =>
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html),
    )
  }
  // Revalidated on every load (no-cache) but cheap: the ETag answers 304 while the build is the same.
  const etag = `"${createHash('sha256').update(bundle.js).digest('base64url').slice(0, 22)}"`
  app.get('/assets/app.js', async (req, reply) => {
    reply.header('cache-control', 'no-cache').header('etag', etag)
    if (req.headers['if-none-match'] === etag) return reply.code(304).send()
    return reply.type('text/javascript; charset=utf-8').send(bundle.js)
  })
  app.get('/assets/app.js.map', async (_req, reply) =>
    reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(bundle.map),
  )

  const common = { index: false, list: false, dotfiles: 'deny', acceptRanges: true } as const
  await app.register(fastifyStatic, {
    ...common,
    root: PUBLIC_DIR,
    prefix: '/assets/',
    // The template is only ever served rendered, at the page routes.
    allowedPath: (path) => !path.endsWith('.html'),
  })
  await app.register(fastifyStatic, {
    ...common,
    root: resolve(fixtures, 'presets'),
    prefix: '/presets/',
    decorateReply: false,
  })
  await app.register(fastifyStatic, {
    ...common,
    root: resolve(fixtures, 'carousel'),
    prefix: '/carousel/',
    decorateReply: false,
  })
  app.get('/sample-poster.jpg', (_req, reply) => reply.sendFile('sample-poster.jpg', fixtures))

  app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'))
  return app
}

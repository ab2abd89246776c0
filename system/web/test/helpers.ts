import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { onTestFinished } from 'vitest'
import { loadWebConfig, type WebConfig } from '../../shared/config.ts'
import type { VideoResponse } from '../../shared/schemas/videos.ts'
import { buildWebApp } from '../src/app.ts'
import type { ClientBundle } from '../src/build.ts'

export const API_BASE_URL = 'http://api.test:8000'

export function testConfig(overrides: Record<string, string> = {}): WebConfig {
  return loadWebConfig({
    API_BASE_URL,
    GOOGLE_AUTH_URL: 'http://google.test:4020/o/oauth2/v2/auth',
    ...overrides,
  })
}

/** A stand-in bundle, so server tests need no esbuild run. */
export const FAKE_BUNDLE: ClientBundle = {
  js: 'console.log("app")\n//# sourceMappingURL=app.js.map\n',
  map: '{"version":3,"sources":[],"mappings":""}',
  bytes: 50,
  builtMs: 0,
}

/** The web app for the current test, closed when it finishes. */
export async function buildTestApp(config: WebConfig = testConfig()): Promise<FastifyInstance> {
  const app = await buildWebApp(config, { bundle: FAKE_BUNDLE, logger: pino({ level: 'silent' }) })
  onTestFinished(() => app.close())
  return app
}

export function video(overrides: Partial<VideoResponse> = {}): VideoResponse {
  return {
    id: 7,
    user_id: 1,
    prompt: 'A cinematic product showcase',
    model: 'sora-2',
    reference_image_url: 'http://localhost:8080/presets/preset-1.png',
    video_url: null,
    poster_url: null,
    status: 'pending',
    progress: 0,
    duration: null,
    resolution: null,
    error_message: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadApiConfig, loadWorkerConfig } from '../../shared/config.ts'
import { createLogger } from '../../shared/logger.ts'
import { logBanner } from '../src/banner.ts'

const SECRET = { JWT_SECRET: 'x'.repeat(32) }
function bannerLines(env: NodeJS.ProcessEnv): string[] {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk, _e, cb) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((l: string) => JSON.parse(l).msg),
      )
      cb()
    },
  })
  logBanner(createLogger('api', 'info', sink), loadApiConfig({ ...SECRET, ...env }), 'http://localhost:8000')
  return lines
}

describe('start-up', () => {
  it('prints the guide’s mock banner and start lines in mock mode', () => {
    const lines = bannerLines({})
    expect(lines).toEqual(
      expect.arrayContaining([
        'USING MOCK SORA SERVICE FOR TESTING',
        'Set USE_MOCK_SORA=false in config to use real OpenAI API',
        'AIVideo.DIY API starting...',
        'Debug mode: True',
        'API docs: http://localhost:8000/docs',
      ]),
    )
  })

  it('prints the real-service banner when USE_MOCK_SORA=false', () => {
    const lines = bannerLines({ USE_MOCK_SORA: 'false', OPENAI_API_KEY: 'sk-test' })
    expect(lines).toContain('USING REAL OPENAI SORA 2 SERVICE')
    expect(lines).not.toContain('USING MOCK SORA SERVICE FOR TESTING')
    expect(lines.join('\n')).not.toContain('sk-test')
  })

  it.for([
    ['API', loadApiConfig],
    ['worker', loadWorkerConfig],
  ] as const)('refuses to start the %s in real mode without OPENAI_API_KEY, naming it', ([, load]) => {
    expect(() => load({ ...SECRET, USE_MOCK_SORA: 'false' })).toThrow(/OPENAI_API_KEY/)
    expect(() => load({ ...SECRET, USE_MOCK_SORA: 'false' })).toThrow(ConfigError)
  })

  it('names the bad variable in a config error', () => {
    expect(() => loadApiConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32 characters/)
    expect(() => loadApiConfig({ ...SECRET, PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadWorkerConfig({ USE_MOCK_SORA: 'maybe' })).toThrow(/USE_MOCK_SORA/)
  })

  it('defaults the worker’s max wait to 1200 s, as the guide says for the real API', () => {
    expect(loadWorkerConfig({}).MAX_WAIT_SECONDS).toBe(1200)
  })

  it('refuses test routes in real mode', () => {
    expect(() =>
      loadApiConfig({
        ...SECRET,
        USE_MOCK_SORA: 'false',
        OPENAI_API_KEY: 'sk-x',
        ENABLE_TEST_ROUTES: 'true',
      }),
    ).toThrow(/ENABLE_TEST_ROUTES/)
  })
})

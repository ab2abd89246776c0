import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../shared/config.ts'
import { buildMockSora } from '../src/app.ts'
import { captureLogs, testConfig } from './helper.ts'

describe('start-up checks', () => {
  it('refuses to build when the sample video is missing, naming the variable', async () => {
    const config = testConfig({ MOCK_SORA_SAMPLE_VIDEO: 'fixtures/nope.mp4' })
    const built = buildMockSora(config, { logger: captureLogs().logger })
    await expect(built).rejects.toThrow(ConfigError)
    await expect(built).rejects.toThrow(/MOCK_SORA_SAMPLE_VIDEO/)
  })
})

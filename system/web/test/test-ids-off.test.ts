import { pino } from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ConfigError } from '../../shared/config.ts'
import { buildWebApp } from '../src/app.ts'
import { buildClientBundle } from '../src/build.ts'
import { testConfig } from './helpers.ts'

async function served(webTestIds: 'on' | 'off') {
  const app = await buildWebApp(testConfig({ WEB_TEST_IDS: webTestIds }), {
    bundle: await buildClientBundle(),
    logger: pino({ level: 'silent' }),
  })
  onTestFinished(() => app.close())
  const [page, js, map] = await Promise.all(
    ['/', '/assets/app.js', '/assets/app.js.map'].map((url) => app.inject({ url })),
  )
  return { page: page!.body, js: js!.body, map: map!.body }
}

describe('WEB_TEST_IDS', () => {
  it('on (the default): the page and the bundle carry data-testid', async () => {
    const { page, js } = await served('on')
    expect(page).toContain('data-testid="generate-button"')
    expect(js).toContain('data-testid')
  })

  it('off: neither the page, the bundle nor its source map has a data-testid; the script keeps its own hook', async () => {
    const { page, js, map } = await served('off')
    for (const text of [page, js, map]) expect(text).not.toContain('data-testid')
    expect(page).toContain('data-ref="generate-button"')
    expect(js).toContain('data-ref')
  })

  it('refuses any other value, naming the variable', () => {
    expect(() => testConfig({ WEB_TEST_IDS: 'no' })).toThrow(ConfigError)
    expect(() => testConfig({ WEB_TEST_IDS: 'no' })).toThrow(/WEB_TEST_IDS/)
  })
})

import { resolve } from 'node:path'
import type { Response } from '@playwright/test'
import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, SESSION, test } from '../fixtures/test.ts'

// Every kind of call the page makes, the sign-in's code exchange included.
test.use({ soraJobS: SHORT_JOB_S, chooserSignIn: true })

const PNG = resolve(import.meta.dirname, '../../fixtures/presets/preset-4.png')
/** Calls the page's script makes (fetch and the event stream); images and media load without CORS. */
const SCRIPTED = new Set(['fetch', 'xhr', 'eventsource'])
const route = (url: string) => new URL(url).pathname.replace(/\/\d+(?=\/|$)/g, '/{id}')

test('the page calls the API on its other origin and every call succeeds: the API allows the web origin, the console shows no CORS error @OK-02', async ({
  page,
  studio,
  webUrl,
  deployment,
  user: _user,
  signIn,
}) => {
  const webOrigin = new URL(webUrl).origin
  const apiOrigin = new URL(deployment.apiUrl).origin
  expect(apiOrigin, 'the API is another origin').not.toBe(webOrigin)

  const answers: Response[] = []
  const failures: string[] = []
  const consoleErrors: string[] = []
  page.on('response', (r) => {
    if (new URL(r.url()).origin === apiOrigin && SCRIPTED.has(r.request().resourceType())) answers.push(r)
  })
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === apiOrigin && SCRIPTED.has(r.resourceType()))
      failures.push(`${r.method()} ${route(r.url())}: ${r.failure()?.errorText}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })

  // Sign in, upload an image, generate from a preset and follow it to the end: every kind of call.
  await studio.open(webUrl)
  await signIn()
  await studio.upload(PNG)
  await studio.generateFrom(1, GUIDE_PROMPT)
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await studio.expectCredits(90, BUDGET.answerMs) // the page asks for the balance once the video is done

  const seen = new Map<string, { status: number; allowOrigin: string | null }>()
  for (const r of answers)
    seen.set(`${r.request().method()} ${route(r.url())}`, {
      status: r.status(),
      allowOrigin: await r.headerValue('access-control-allow-origin'),
    })
  expect([...seen.keys()].sort()).toEqual(
    expect.arrayContaining([
      ...(SESSION === 'mock-google' ? ['POST /api/v1/auth/google'] : []),
      'GET /api/v1/auth/me',
      'POST /api/v1/videos/generate',
    ]),
  )
  expect(
    [...seen.keys()].filter((k) => /^GET \/api\/v1\/videos\/\{id\}(\/stream)?$/.test(k)),
    'the page followed the video (polling or its event stream)',
  ).not.toEqual([])
  for (const [call, { status, allowOrigin }] of seen) {
    expect(status, `${call} status`).toBeLessThan(400)
    expect(allowOrigin, `${call} access-control-allow-origin`).toBe(webOrigin)
  }
  expect(failures, 'no API call failed in the browser').toEqual([])
  expect(consoleErrors.filter((e) => /CORS|Access-Control|cross-origin/i.test(e))).toEqual([])
})

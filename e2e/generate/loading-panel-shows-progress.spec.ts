import { valuesOf } from '../../harness/browser/page-timeline.ts'
import { BUDGET, GUIDE_PROMPT, WATCHED_JOB_S } from '../fixtures/budgets.ts'
import { colorsIn } from '../fixtures/colors.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: WATCHED_JOB_S })

const IN_PROGRESS = /^(Video generation in progress\.\.\.|Processing video\.\.\.)/

test('while generating, the panel shows a spinning loader on a purple-to-pink gradient, "Generating your video...", and "Starting..." then "Video generation in progress..." @FE-04', async ({
  studio,
  signedInUser: _user,
}) => {
  await studio.generateFrom(4, GUIDE_PROMPT)
  await expect(studio.loadingPanel).toBeVisible({ timeout: BUDGET.atOnceMs })
  await expect(studio.carouselDots.first()).toBeHidden()
  expect(
    await studio.spinnerIn(studio.loadingPanel),
    'an animated spinner in the loading panel',
  ).not.toBeNull()
  const gradient = await studio.gradientBehind(studio.loadingPanel)
  expect(gradient, 'a gradient behind the loading panel').not.toBeNull()
  const hues = colorsIn(gradient!).map((c) => Math.round(c.h))
  expect(
    { purple: hues.some((h) => h >= 250 && h <= 300), pink: hues.some((h) => h > 300 && h <= 350) },
    `purple to pink (hues ${hues.join(', ')})`,
  ).toEqual({ purple: true, pink: true })

  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(WATCHED_JOB_S) })
  await expect(studio.loadingPanel).toBeHidden()

  // Every text the progress line showed: "Starting..." first, then only the in-progress text, never
  // back (the recorder saw each change, however briefly it was shown).
  const texts = valuesOf(await studio.timeline(), 'progress-text').filter(Boolean)
  expect(texts[0], `the progress texts: ${texts.join(' | ')}`).toMatch(/^Starting/)
  expect(texts.slice(1).length, 'the progress text moved on').toBeGreaterThan(0)
  for (const text of texts.slice(1)) expect(text).toMatch(IN_PROGRESS)
})

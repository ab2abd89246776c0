import { expect, test } from '../fixtures/test.ts'

test('before generating, the panel plays a carousel of sample videos with 3 dots that switch them @FE-09', async ({
  studio,
  webUrl,
}) => {
  await studio.open(webUrl)
  await expect(studio.carousel).toBeVisible()
  await expect(studio.carouselDots).toHaveCount(3)
  await expect(studio.carouselDots.nth(0)).toHaveAttribute('aria-current', 'true')
  await studio.expectPlaying(5_000, studio.carouselVideo)
  const captions = [await studio.carouselCaption.textContent()]

  for (const n of [2, 3, 1]) {
    await studio.carouselDots.nth(n - 1).click()
    for (const [i, dot] of (await studio.carouselDots.all()).entries())
      await expect(dot).toHaveAttribute('aria-current', String(i === n - 1))
    await expect(studio.carouselVideo).toHaveAttribute('src', `/carousel/sample-${n}.mp4`)
    await studio.expectPlaying(5_000, studio.carouselVideo)
    captions.push(await studio.carouselCaption.textContent())
  }
  expect(new Set(captions.slice(0, 3)).size, 'each sample has its own caption').toBe(3)
  // The Generate button in its normal state: the purple gradient.
  expect(await studio.style(studio.generate, 'background-image')).toContain('linear-gradient')
})

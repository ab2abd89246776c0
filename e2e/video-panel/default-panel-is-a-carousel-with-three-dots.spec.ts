import { expect, test } from '../fixtures/test.ts'

test('before generating, the panel plays a carousel of sample videos with 3 dots that switch them @FE-09', async ({
  studio,
  webUrl,
}) => {
  await studio.open(webUrl)
  await expect(studio.carousel).toBeVisible()
  await expect(studio.carouselDots).toHaveCount(3)
  await studio.expectPlaying(5_000, studio.carouselVideo)
  const shown = async () => ({
    src: await studio.carouselVideo.getAttribute('src'),
    caption: await studio.carouselCaption.textContent(),
  })
  const samples = [await shown()]

  for (const n of [2, 3, 1]) {
    await studio.carouselDots.nth(n - 1).click()
    await expect
      .poll(async () => (await shown()).src, `dot ${n} switches the video`)
      .not.toBe(samples.at(-1)!.src)
    await studio.expectPlaying(5_000, studio.carouselVideo)
    samples.push(await shown())
  }
  expect(new Set(samples.slice(0, 3).map((s) => s.src)).size, 'three sample videos').toBe(3)
  expect(new Set(samples.slice(0, 3).map((s) => s.caption)).size, 'each sample has its own caption').toBe(3)
  expect(samples[3], 'dot 1 brings the first sample back').toEqual(samples[0])
  // The Generate button in its normal state: the purple gradient.
  expect(await studio.style(studio.generate, 'background-image')).toContain('linear-gradient')
})

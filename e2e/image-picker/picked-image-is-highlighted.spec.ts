import { resolve } from 'node:path'
import type { Locator } from '@playwright/test'
import { BUDGET } from '../fixtures/budgets.ts'
import { isGreen, isPurple } from '../fixtures/colors.ts'
import type { StudioPage } from '../fixtures/studio-page.ts'
import { expect, test } from '../fixtures/test.ts'

const JPEG = resolve(import.meta.dirname, '../../fixtures/sample-poster.jpg')

/** Selected: purple border, green check shown, zoomed in (after its 0.2 s transition); alone. */
async function expectSelected(studio: StudioPage, tile: Locator): Promise<void> {
  await expect(tile).toHaveAttribute('aria-checked', 'true')
  await expect
    .poll(async () => {
      const look = await studio.tileLook(tile)
      return { purpleBorder: isPurple(look.borderColor), zoomed: look.scale > 1 }
    })
    .toEqual({ purpleBorder: true, zoomed: true })
  const check = studio.checkOf(tile)
  await expect(check).toBeVisible()
  expect(isGreen(await studio.style(check, 'background-color')), 'the check is green').toBe(true)
  await expect(studio.selectedTiles).toHaveCount(1)
}

async function expectNotSelected(studio: StudioPage, tile: Locator): Promise<void> {
  await expect(tile).toHaveAttribute('aria-checked', 'false')
  await expect
    .poll(async () => {
      const look = await studio.tileLook(tile)
      return { purpleBorder: isPurple(look.borderColor), zoomed: look.scale > 1 }
    })
    .toEqual({ purpleBorder: false, zoomed: false })
  await expect(studio.checkOf(tile)).toBeHidden()
}

test('a picked preset gets a purple border, a green check and a slight zoom, and is the only one selected @FE-02', async ({
  studio,
  webUrl,
}) => {
  await studio.open(webUrl)
  await expect(studio.selectedTiles).toHaveCount(0)

  await studio.preset(2).click()
  await expectSelected(studio, studio.preset(2))

  await studio.preset(5).click()
  await expectSelected(studio, studio.preset(5))
  await expectNotSelected(studio, studio.preset(2))
})

test('an uploaded image joins the grid selected, with the same border, check and zoom, and the preset loses it @FE-02', async ({
  studio,
  signedInUser: _user,
}) => {
  await studio.preset(1).click()
  await expectSelected(studio, studio.preset(1))

  await studio.upload(JPEG)
  await expect(studio.toast('Image uploaded and selected')).toBeVisible({ timeout: BUDGET.answerMs })
  // The tile shows the image as the API serves it back.
  await expect
    .poll(() =>
      studio
        .uploaded(1)
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0)
  await expectSelected(studio, studio.uploaded(1))
  await expectNotSelected(studio, studio.preset(1))
})

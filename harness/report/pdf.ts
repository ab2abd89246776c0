import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../browser/chromium.ts'

/** The HTML report printed to PDF by Debian's Chromium: the same page, on A4 (its @page rules). */
export async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] })
  try {
    const page = await browser.newPage()
    await page.goto(pathToFileURL(htmlFile).href)
    await page.pdf({ path: pdfFile, printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}

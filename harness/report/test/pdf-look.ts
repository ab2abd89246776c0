import { execFileSync } from 'node:child_process'

/** What a PDF shows, as poppler-utils read it: its words with their boxes, and its pages as pixels. */
export interface PdfWord {
  page: number
  xMin: number
  yMin: number
  xMax: number
  yMax: number
  text: string
}

/** Every word with its box in points (`pdftotext -bbox`). */
export function pdfWords(pdf: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  const words: PdfWord[] = []
  let page = 0
  for (const line of xhtml.split('\n')) {
    if (line.includes('<page ')) page++
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/)
    if (m)
      words.push({
        page,
        xMin: +m[1]!,
        yMin: +m[2]!,
        xMax: +m[3]!,
        yMax: +m[4]!,
        text: decodeEntities(m[5]!),
      })
  }
  return words
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

export interface PageImage {
  width: number
  height: number
  /** Pixels per point. */
  scale: number
  rgb: Buffer
}

/** One page rendered by `pdftoppm` (binary PPM on stdout). */
export function pageImage(pdf: string, page: number, dpi = 144): PageImage {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], {
    maxBuffer: 64 * 1024 * 1024,
  })
  // "P6\n<width> <height>\n255\n" then RGB bytes.
  const header = ppm
    .subarray(0, 40)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)
  if (!header) throw new Error('pdftoppm did not write a binary PPM')
  return { width: +header[1]!, height: +header[2]!, scale: dpi / 72, rgb: ppm.subarray(header[0].length) }
}

/** Pixels within `tolerance` (RGB distance) of `hex` in a box given in points. */
export function pixelsOfColour(
  img: PageImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  hex: string,
  tolerance = 60,
): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
  let count = 0
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v * img.scale)))
  for (let y = clamp(box.y0, img.height); y < clamp(box.y1, img.height); y++)
    for (let x = clamp(box.x0, img.width); x < clamp(box.x1, img.width); x++) {
      const i = (y * img.width + x) * 3
      const d = Math.hypot(img.rgb[i]! - r, img.rgb[i + 1]! - g, img.rgb[i + 2]! - b)
      if (d <= tolerance) count++
    }
  return count
}

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { imageDimensions } from '../src/image-info.ts'

describe('reading a reference image size', () => {
  it('reads PNG and JPEG headers', async () => {
    expect(imageDimensions(await readFile('fixtures/presets/preset-3.png'))).toEqual({
      width: 512,
      height: 512,
    })
    expect(imageDimensions(await readFile('fixtures/sample-poster.jpg'))).toEqual({
      width: 1280,
      height: 720,
    })
  })

  it('answers null for bytes that are not an image', () => {
    expect(imageDimensions(Buffer.from('definitely not an image, just text'))).toBeNull()
  })
})

import { createReadStream, type ReadStream, statSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ConfigError, type MockSoraConfig } from '../../shared/config.ts'

/** A file the content endpoint serves; relative paths are taken from the working directory (repo root). */
export type MediaFile = { path: string; contentType: string; bytes: number }
export type Media = { video: MediaFile; thumbnail: MediaFile }

function mediaFile(variable: string, path: string, contentType: string): MediaFile {
  const absolute = resolve(path)
  try {
    return { path: absolute, contentType, bytes: statSync(absolute).size }
  } catch {
    throw new ConfigError(
      `Invalid configuration:\n  ${variable}: no file at ${absolute} (run npm run fixtures, or npm run fixtures:large)`,
    )
  }
}

/** Checked at start-up: a mock that cannot serve its sample should not come up. */
export function loadMedia(config: MockSoraConfig): Media {
  return {
    video: mediaFile('MOCK_SORA_SAMPLE_VIDEO', config.MOCK_SORA_SAMPLE_VIDEO, 'video/mp4'),
    thumbnail: mediaFile('MOCK_SORA_THUMBNAIL', config.MOCK_SORA_THUMBNAIL, 'image/jpeg'),
  }
}

/** The guide's size format: `154624.00 KB`. */
export const formatKb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`

/** A stream of the file as it is now (it may have been regenerated since start-up); null if it is gone. */
export async function openMedia(file: MediaFile): Promise<{ stream: ReadStream; bytes: number } | null> {
  try {
    const { size } = await stat(file.path)
    return { stream: createReadStream(file.path), bytes: size }
  } catch {
    return null
  }
}

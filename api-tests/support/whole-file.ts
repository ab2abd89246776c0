import { statSync } from 'node:fs'
import type request from 'supertest'
import { expect } from 'vitest'
import type { GuideVideo } from '../../harness/target/guide-schemas.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { binary } from './binary-body.ts'

/**
 * "completed" means the file is there, whole. Called right after the first poll that said completed:
 * HEAD of its video_url answers 200 video/mp4 with the full size, which is the sample's on the local
 * stack; a target's videos are its own, so there the size of the full GET that follows (a file still
 * being written has grown since the HEAD; one not written yet answers 404). Answers the HEAD.
 */
export async function expectWholeFileAtCompletion(
  api: ReturnType<typeof request>,
  suite: SuiteTarget,
  video: GuideVideo,
): Promise<{ head: request.Response; size: number }> {
  const path = video.video_url
  expect(path, `video ${video.id} said completed without a video_url`).toBeTruthy()
  const head = await api.head(path!)
  expect(head.status, `HEAD ${path} right after the first poll that said completed`).toBe(200)
  expect(head.headers['content-type']).toMatch(/^video\/mp4/)
  const size = Number(head.headers['content-length'])
  const whole = await api.get(path!).buffer(true).parse(binary).expect(200)
  const full = suite.local ? statSync(suite.local.sampleVideo).size : (whole.body as Buffer).length
  expect(
    size,
    `content-length of that HEAD, against the whole file (${suite.local ? "the sample's size" : 'a full GET'})`,
  ).toBe(full)
  expect((whole.body as Buffer).length, 'bytes of a full GET').toBe(full)
  return { head, size }
}

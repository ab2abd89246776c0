import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import type request from 'supertest'
import { expect } from 'vitest'
import { must } from '../../harness/must.ts'
import type { GuideVideo } from '../../harness/target/guide-schemas.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { binary } from './binary-body.ts'
import type { LocalStack } from './local-stack.ts'

/**
 * The prompt (the test's) of a video whose file is checked at completion. On our stack, mock-sora paces
 * that video's download over 2 s (a slow_content fault for this prompt alone), so the worker writes the
 * file for several of the client's 250 ms polls: a worker that says completed before the file is whole is
 * caught at the first poll that says so, not only when a poll happens to fall in a short write. A target's
 * Sora is its own: there the prompt goes as it is.
 */
export async function promptWithSlowDownload(stack: LocalStack | undefined, prompt: string): Promise<string> {
  if (!stack) return prompt
  const marker = `[file ${randomUUID().slice(0, 8)}]`
  must(
    await stack.mockSora.setFault({ mode: 'slow_content', duration_s: 2, prompt_contains: marker }),
    'arm a paced download on mock-sora',
  )
  return `${prompt} ${marker}`
}

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

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { jobIdFor } from '../../system/shared/queue.ts'
import { UploadImageResponse } from '../../system/shared/schemas/uploads.ts'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { JobMessage } from '../message-descriptions.ts'
import type { ApiUnderTest } from './api-under-test.ts'
import type { MessageProviders } from './verifier-types.ts'

/**
 * Produces the generate-video job message the way the API does: a real `POST /api/v1/videos/generate`
 * to the API under test (its route builds the payload, its video queue enqueues it), then the job read
 * back from Redis. The message is the job's data; its queue, name and id are the metadata. The image of
 * an image-to-video job is uploaded through `POST /api/v1/upload/image` first, as the frontend does.
 */
export function jobMessageProviders(api: ApiUnderTest, accessToken: () => Promise<string>): MessageProviders {
  const post = async (path: string, body: BodyInit, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await accessToken()}`, ...headers },
      body,
    })
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`)
    return res.json() as Promise<unknown>
  }
  const uploadImage = async () => {
    const form = new FormData()
    const bytes = await readFile(join(import.meta.dirname, '../../fixtures/presets/preset-1.png'))
    form.append('file', new Blob([bytes], { type: 'image/png' }), 'preset-1.png')
    return UploadImageResponse.parse(await post('/upload/image', form)).file_path
  }
  const enqueuedBy = async (body: { prompt: string; model: 'sora-2'; reference_image_url?: string }) => {
    const video = VideoResponse.parse(
      await post('/videos/generate', JSON.stringify(body), { 'content-type': 'application/json' }),
    )
    const job = await api.queue.getJob(jobIdFor(video.id))
    if (!job) throw new Error(`no job ${jobIdFor(video.id)} on the queue after generate`)
    return {
      __pactMessageMetadata: {
        contentType: 'application/json',
        queue: job.queueName,
        jobName: job.name,
        jobId: String(job.id),
      },
      message: job.data,
    }
  }
  const prompt =
    'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'

  return {
    [JobMessage.textOnly]: () => enqueuedBy({ prompt, model: 'sora-2' }),
    [JobMessage.withReferenceImage]: async () =>
      enqueuedBy({ prompt, model: 'sora-2', reference_image_url: await uploadImage() }),
  }
}

import type { StartedStack } from '../stack/started-stack.ts'

export interface VideoTimes {
  id: number
  status: string
  soraJobId: string | null
  videoUrl: string | null
  /** Epoch ms of the row's insert (the 201) and of its last update (completion, for a finished video). */
  createdMs: number
  updatedMs: number
}

/** The videos' rows as timestamps (PostgreSQL runs on this machine: the same clock as the browser's). */
export async function videoTimes(stack: StartedStack, ids: number[]): Promise<VideoTimes[]> {
  const { rows } = await stack.db.query<VideoTimes>(
    `SELECT id, status, sora_job_id AS "soraJobId", video_url AS "videoUrl",
            (extract(epoch FROM created_at) * 1000)::float8 AS "createdMs",
            (extract(epoch FROM updated_at) * 1000)::float8 AS "updatedMs"
       FROM videos WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  )
  return rows
}

/** The video's row once it is completed (a finished walk's video is). */
export async function completedVideo(stack: StartedStack, id: number): Promise<VideoTimes> {
  const [row] = await videoTimes(stack, [id])
  if (row?.status !== 'completed')
    throw new Error(`video ${id} is ${row?.status ?? 'missing'}, not completed`)
  return row
}

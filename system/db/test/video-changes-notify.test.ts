import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freshDatabase } from '../../../harness/stack/infra/fresh-database.ts'
import { waitFor } from '../../../harness/wait.ts'
import { upsertGoogleUser } from '../users.ts'
import { createChargedVideo, markProcessing } from '../videos.ts'

let db: Awaited<ReturnType<typeof freshDatabase>>
let listener: pg.Client
const heard: string[] = []

beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'))
  listener = new pg.Client({ connectionString: db.url })
  await listener.connect()
  listener.on('notification', (msg) => heard.push(msg.payload ?? ''))
  await listener.query('LISTEN video_changed')
})
afterAll(async () => {
  await listener.end()
  await db.drop()
})

describe('video_changed notifications', () => {
  it('announce a change of a video, not its insert', async () => {
    const user = await upsertGoogleUser(db.pool, {
      sub: 's1',
      email: 'n1@example.test',
      name: 'N',
      picture: null,
    })
    const created = await createChargedVideo(db.pool, {
      userId: user.id,
      prompt: 'a prompt long enough',
      model: 'sora-2',
      referenceImageUrl: null,
    })
    if (!created.ok) throw new Error(created.detail)
    const id = String(created.value.video.id)
    await markProcessing(db.pool, created.value.video.id)
    // Notifications arrive in commit order: once the update's is here, an insert's would be too.
    await waitFor(
      async () => (heard.includes(id) ? { done: true, value: true } : { done: false, seen: heard.join(',') }),
      {
        deadlineMs: 5000,
        what: `the notification of video ${id}'s update`,
      },
    )
    expect(heard).toEqual([id])
  })
})

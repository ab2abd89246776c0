import { randomUUID } from 'node:crypto'
import type { Queue } from 'bullmq'
import { createTokenService } from '../../system/api/src/services/tokens.ts'
import type { Pool } from '../../system/db/pool.ts'
import { setCreditsForTest, upsertGoogleUser } from '../../system/db/users.ts'
import {
  createChargedVideo,
  markCompleted,
  markProcessing,
  type StoredVideo,
  setProgress,
} from '../../system/db/videos.ts'
import { fetchAuthorizationCode } from '../../system/mock-google/src/login-hint.ts'
import { videoUrlPath } from '../../system/shared/schemas/videos.ts'
import { ApiState, type GoogleSignInParams } from '../provider-states.ts'
import { GOOGLE_CLIENT_ID, JWT_SECRET } from './api-under-test.ts'
import type { RequestFilter, StateHandlers } from './verifier-types.ts'

/**
 * Provider states of `aivideo-api`, set through the system's own data access (system/db) on the API's
 * database: every state starts from empty tables with restarted ids, so "user 1" is the first user made
 * and "video 123" is made after moving the id sequence; the queue is emptied too. The request filter then signs each request as
 * the state's user with a freshly minted access token.
 */
export interface ApiStateContext {
  pool: Pool
  /** The API's queue: emptied with the tables, since job ids derive from video ids, which restart. */
  queue: Queue
  googleUrl: string
}

const USER_1 = {
  sub: '1000001',
  email: 'alice@example.test',
  name: 'Alice Tester',
  picture: 'https://example.test/alice.png',
}
const PROMPT =
  'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'

export interface ApiProviderStates {
  stateHandlers: StateHandlers
  requestFilter: RequestFilter
  /** A fresh access token of the current state's user (for calls a message provider makes itself). */
  accessToken(): Promise<string>
}

export function apiProviderStates(ctx: ApiStateContext): ApiProviderStates {
  const tokens = createTokenService(JWT_SECRET)
  let signedInAs: number | null = null

  const emptyTables = async () => {
    await ctx.pool.query('TRUNCATE users, videos, credit_ledger, idempotency_keys RESTART IDENTITY CASCADE')
    await ctx.queue.obliterate({ force: true })
    signedInAs = null
  }
  const user1With = async (credits: number) => {
    await emptyTables()
    const user = await upsertGoogleUser(ctx.pool, USER_1)
    if (user.id !== 1) throw new Error(`state set-up made user ${user.id}, not user 1`)
    if (credits !== user.credits) await setCreditsForTest(ctx.pool, user.id, credits)
    signedInAs = user.id
    return user
  }
  const videoOfUser1 = async (id: number): Promise<StoredVideo> => {
    await ctx.pool.query(`SELECT setval('videos_id_seq', $1, false)`, [id])
    const created = await createChargedVideo(ctx.pool, {
      userId: 1,
      prompt: PROMPT,
      model: 'sora-2',
      referenceImageUrl: null,
    })
    if (!created.ok) throw new Error(`state set-up could not create video ${id}: ${created.detail}`)
    return created.value.video
  }
  const processing = async (id: number) => {
    await markProcessing(ctx.pool, id)
    await setProgress(ctx.pool, id, 50)
  }
  const completed = async (id: number) => {
    await markProcessing(ctx.pool, id)
    await markCompleted(ctx.pool, id, {
      videoUrl: videoUrlPath(1, id),
      posterUrl: `/uploads/videos/user_1_video_${id}.jpg`,
      duration: 8,
      resolution: '1280x720',
    })
  }

  const stateHandlers: StateHandlers = {
    [ApiState.googleAccountCanSignIn]: async (params) => {
      await emptyTables()
      const { email, redirectUri } = params as GoogleSignInParams
      const code = await fetchAuthorizationCode(ctx.googleUrl, {
        clientId: GOOGLE_CLIENT_ID,
        redirectUri,
        state: randomUUID(),
        loginHint: email,
      })
      if (!code.ok) throw new Error(`mock-google gave no code: ${code.detail}`)
      return { code: code.value }
    },
    [ApiState.googleKnowsNoSuchCode]: async () => {
      await emptyTables()
      return undefined
    },
    [ApiState.user1Has100Credits]: async () => {
      await user1With(100)
      return undefined
    },
    [ApiState.user1Has0Credits]: async () => {
      await user1With(0)
      return undefined
    },
    [ApiState.video123IsPending]: async () => {
      await user1With(100)
      await videoOfUser1(123)
      return undefined
    },
    [ApiState.video123IsProcessing]: async () => {
      await user1With(100)
      await processing((await videoOfUser1(123)).id)
      return undefined
    },
    [ApiState.video123IsCompleted]: async () => {
      await user1With(100)
      await completed((await videoOfUser1(123)).id)
      return undefined
    },
    [ApiState.video999DoesNotExist]: async () => {
      await user1With(100)
      return undefined
    },
    [ApiState.user1HasACompletedAndAPendingVideo]: async () => {
      await user1With(100)
      await completed((await videoOfUser1(123)).id)
      await videoOfUser1(124)
      return undefined
    },
  }

  const accessToken = () => {
    if (signedInAs === null) return Promise.reject(new Error('no provider state has signed a user in'))
    return tokens.sign({ userId: signedInAs, kind: 'access' }, 300)
  }

  // Every request that carries a bearer token gets a fresh one of the state's user instead of the
  // pact's example; requests without one (sign-in, state set-up) pass unchanged.
  const requestFilter: RequestFilter = (req, _res, next) => {
    if (!req.headers.authorization || signedInAs === null) return next()
    accessToken().then((token) => {
      req.headers.authorization = `Bearer ${token}`
      next()
    }, next)
  }

  return { stateHandlers, requestFilter, accessToken }
}

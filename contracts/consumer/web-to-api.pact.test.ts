import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MatchersV3, PactV4 } from '@pact-foundation/pact'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REDIRECT_URI } from '../../system/shared/config.ts'
import { createApiClient } from '../../system/web/src/api-client.ts'
import { PACT_DIR, Pacticipant } from '../pact-files.ts'
import { ApiState, type GoogleSignInParams } from '../provider-states.ts'
import {
  bearer,
  completedVideo,
  EXAMPLE_TOKEN,
  GUIDE_PROMPT,
  pendingVideo,
  processingVideo,
  timestamp,
  UPLOAD_PATH,
} from './api-matchers.ts'

const { eachLike, fromProviderState, integer, number, regex, string } = MatchersV3

/**
 * The web frontend (`aivideo-web`) against the API (`aivideo-api`), through the frontend's own API
 * client: one test per interaction, each answering the question "what does the page rely on here?".
 */
const pact = new PactV4({
  consumer: Pacticipant.web,
  provider: Pacticipant.api,
  dir: PACT_DIR,
  logLevel: 'warn',
})

const signedInClient = (baseUrl: string) => createApiClient({ baseUrl, getToken: () => EXAMPLE_TOKEN })
const PRESET_IMAGE = join(import.meta.dirname, '../../fixtures/presets/preset-1.png')
const NOT_AN_IMAGE = join(import.meta.dirname, 'fixtures/not-an-image.txt')

describe('POST /api/v1/auth/google', () => {
  const signIn: GoogleSignInParams = {
    email: 'alice@example.test',
    redirectUri: DEFAULT_REDIRECT_URI,
  }

  it('exchanges a Google authorization code for bearer tokens', async () => {
    await pact
      .addInteraction()
      .given(ApiState.googleAccountCanSignIn, signIn)
      .uponReceiving('a valid Google authorization code')
      .withRequest('POST', '/api/v1/auth/google', (b) =>
        b.jsonBody({
          // The code mock-google issued in the provider state, injected by the verifier.
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression
          code: fromProviderState('${code}', '4/0AanRRrt-example-code'),
          redirect_uri: signIn.redirectUri,
        }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          access_token: string(EXAMPLE_TOKEN),
          refresh_token: string(EXAMPLE_TOKEN),
          token_type: 'bearer',
          expires_in: integer(1800),
        }),
      )
      .executeTest(async (mock) => {
        const api = createApiClient({ baseUrl: mock.url })
        const res = await api.signInWithGoogle({
          code: '4/0AanRRrt-example-code',
          redirect_uri: signIn.redirectUri,
        })
        expect(res.ok && res.value.token_type).toBe('bearer')
      })
  })

  it('refuses an authorization code Google does not know with 401', async () => {
    await pact
      .addInteraction()
      .given(ApiState.googleKnowsNoSuchCode)
      .uponReceiving('an unknown Google authorization code')
      .withRequest('POST', '/api/v1/auth/google', (b) =>
        b.jsonBody({ code: 'not-a-real-code', redirect_uri: signIn.redirectUri }),
      )
      .willRespondWith(401, (b) => b.jsonBody({ detail: string('Invalid or expired authorization code') }))
      .executeTest(async (mock) => {
        const api = createApiClient({ baseUrl: mock.url })
        const res = await api.signInWithGoogle({ code: 'not-a-real-code', redirect_uri: signIn.redirectUri })
        expect(res).toEqual({ ok: false, status: 401, detail: 'Invalid or expired authorization code' })
      })
  })
})

describe('GET /api/v1/auth/me', () => {
  it('describes the signed-in user with their credits', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has100Credits)
      .uponReceiving('a request for the signed-in user')
      .withRequest('GET', '/api/v1/auth/me', (b) => b.headers(bearer()))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          id: integer(1),
          email: regex('^[^@\\s]+@[^@\\s]+$', 'alice@example.test'),
          name: string('Alice Tester'),
          avatar_url: string('https://example.test/alice.png'),
          credits: number(100),
          created_at: timestamp(),
        }),
      )
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).me()
        expect(res.ok && res.value.credits).toBe(100)
      })
  })
})

describe('GET /api/v1/users/credits', () => {
  it('answers the balance of the signed-in user', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has100Credits)
      .uponReceiving('a request for the credit balance')
      .withRequest('GET', '/api/v1/users/credits', (b) => b.headers(bearer()))
      .willRespondWith(200, (b) => b.jsonBody({ credits: number(100), user_id: integer(1) }))
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).credits()
        expect(res).toEqual({ ok: true, value: { credits: 100, user_id: 1 } })
      })
  })
})

describe('POST /api/v1/videos/generate', () => {
  const REFERENCE_IMAGE = '/uploads/user_1/0b1f4c8e-2f7a-4c59-9a53-6b3e8f1d2c4a.png'
  const request = {
    prompt: GUIDE_PROMPT,
    model: 'sora-2',
    reference_image_url: regex(UPLOAD_PATH, REFERENCE_IMAGE),
  }

  it('accepts a prompt with an uploaded image and answers 201 with a pending video @BE-01 @BE-02', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has100Credits)
      .uponReceiving('a video generation request from a user with credits')
      .withRequest('POST', '/api/v1/videos/generate', (b) => b.headers(bearer()).jsonBody(request))
      .willRespondWith(201, (b) =>
        b.jsonBody({ ...pendingVideo(), reference_image_url: regex(UPLOAD_PATH, REFERENCE_IMAGE) }),
      )
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).generate({
          prompt: GUIDE_PROMPT,
          model: 'sora-2',
          reference_image_url: REFERENCE_IMAGE,
        })
        expect(res.ok && res.value.status).toBe('pending')
      })
  })

  it('refuses with 402 and the balance when the user has no credits left', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has0Credits)
      .uponReceiving('a video generation request from a user without credits')
      .withRequest('POST', '/api/v1/videos/generate', (b) => b.headers(bearer()).jsonBody(request))
      .willRespondWith(402, (b) =>
        b.jsonBody({ detail: 'Insufficient credits. Required: 10.0, Available: 0.0' }),
      )
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).generate({
          prompt: GUIDE_PROMPT,
          model: 'sora-2',
          reference_image_url: REFERENCE_IMAGE,
        })
        expect(res).toEqual({
          ok: false,
          status: 402,
          detail: 'Insufficient credits. Required: 10.0, Available: 0.0',
        })
      })
  })

  it('refuses a prompt under 10 characters with 422 and a message per problem', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has100Credits)
      .uponReceiving('a video generation request with a too short prompt')
      .withRequest('POST', '/api/v1/videos/generate', (b) =>
        b.headers(bearer()).jsonBody({ prompt: 'Too short', model: 'sora-2' }),
      )
      .willRespondWith(422, (b) =>
        b.jsonBody({
          detail: eachLike({ msg: string('Too small: expected string to have >=10 characters') }),
        }),
      )
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).generate({ prompt: 'Too short', model: 'sora-2' })
        expect(res).toEqual({
          ok: false,
          status: 422,
          detail: 'Too small: expected string to have >=10 characters',
        })
      })
  })
})

describe('GET /api/v1/videos/{id}', () => {
  it('shows a video nobody has started on as pending @API-01', async () => {
    await pact
      .addInteraction()
      .given(ApiState.video123IsPending)
      .uponReceiving('a request for a pending video')
      .withRequest('GET', '/api/v1/videos/123', (b) => b.headers(bearer()))
      .willRespondWith(200, (b) => b.jsonBody(pendingVideo()))
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).video(123)
        expect(res.ok && res.value.status).toBe('pending')
      })
  })

  it('shows a video in the works as processing with its progress @API-01', async () => {
    await pact
      .addInteraction()
      .given(ApiState.video123IsProcessing)
      .uponReceiving('a request for a processing video')
      .withRequest('GET', '/api/v1/videos/123', (b) => b.headers(bearer()))
      .willRespondWith(200, (b) => b.jsonBody(processingVideo()))
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).video(123)
        expect(res.ok && res.value.status).toBe('processing')
      })
  })

  it('shows a finished video as completed with its file under /uploads/videos @API-01 @API-02 @API-03', async () => {
    await pact
      .addInteraction()
      .given(ApiState.video123IsCompleted)
      .uponReceiving('a request for a completed video')
      .withRequest('GET', '/api/v1/videos/123', (b) => b.headers(bearer()))
      .willRespondWith(200, (b) => b.jsonBody(completedVideo()))
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).video(123)
        expect(res.ok && res.value.video_url).toBe('/uploads/videos/user_1_video_123.mp4')
      })
  })

  it('answers 404 with the video id for a video that does not exist', async () => {
    await pact
      .addInteraction()
      .given(ApiState.video999DoesNotExist)
      .uponReceiving('a request for a video that does not exist')
      .withRequest('GET', '/api/v1/videos/999', (b) => b.headers(bearer()))
      .willRespondWith(404, (b) => b.jsonBody({ detail: 'Video with id 999 not found' }))
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).video(999)
        expect(res).toEqual({ ok: false, status: 404, detail: 'Video with id 999 not found' })
      })
  })
})

describe('GET /api/v1/videos', () => {
  it('lists the user’s videos newest first with the page it shows', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1HasACompletedAndAPendingVideo)
      .uponReceiving('a request for the first page of videos')
      .withRequest('GET', '/api/v1/videos', (b) => b.headers(bearer()).query({ page: '1', page_size: '20' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          videos: [pendingVideo(124), completedVideo(123)],
          total: integer(2),
          page: 1,
          page_size: 20,
        }),
      )
      .executeTest(async (mock) => {
        const res = await signedInClient(mock.url).videos({ page: 1, page_size: 20 })
        expect(res.ok && res.value.videos.map((v) => v.status)).toEqual(['pending', 'completed'])
      })
  })
})

describe('POST /api/v1/upload/image', () => {
  it('stores a PNG and answers where it lives under the user’s uploads', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has100Credits)
      .uponReceiving('an upload of a PNG image')
      .withRequest('POST', '/api/v1/upload/image', (b) =>
        b.headers(bearer()).multipartBody('image/png', PRESET_IMAGE, 'file', 'aivideo-upload-boundary'),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          message: string('Image uploaded successfully'),
          file_path: regex(UPLOAD_PATH, '/uploads/user_1/0b1f4c8e-2f7a-4c59-9a53-6b3e8f1d2c4a.png'),
          filename: 'preset-1.png',
        }),
      )
      .executeTest(async (mock) => {
        const bytes = await readFile(PRESET_IMAGE)
        const res = await signedInClient(mock.url).uploadImage(
          new Blob([bytes], { type: 'image/png' }),
          'preset-1.png',
        )
        expect(res.ok && res.value.filename).toBe('preset-1.png')
      })
  })

  it('refuses bytes that are not a JPEG, PNG or WebP image with 400', async () => {
    await pact
      .addInteraction()
      .given(ApiState.user1Has100Credits)
      .uponReceiving('an upload of a text file')
      .withRequest('POST', '/api/v1/upload/image', (b) =>
        b.headers(bearer()).multipartBody('text/plain', NOT_AN_IMAGE, 'file', 'aivideo-upload-boundary'),
      )
      .willRespondWith(400, (b) =>
        b.jsonBody({ detail: string('Only JPEG, PNG or WebP images are accepted') }),
      )
      .executeTest(async (mock) => {
        const bytes = await readFile(NOT_AN_IMAGE)
        const res = await signedInClient(mock.url).uploadImage(
          new Blob([bytes], { type: 'text/plain' }),
          'not-an-image.txt',
        )
        expect(res).toMatchObject({ ok: false, status: 400 })
      })
  })
})

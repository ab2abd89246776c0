import { createTokenService } from '../../system/api/src/services/tokens.ts'
import { upsertGoogleUser } from '../../system/db/users.ts'
import { MAX_UPLOAD_BYTES } from '../../system/shared/schemas/uploads.ts'
import { createApiClient } from '../../system/web/src/api-client.ts'
import { type ApiUnderTest, JWT_SECRET } from './api-under-test.ts'
import { describe, expect, test } from './provider-fixtures.ts'

/**
 * The upload over 10 MB is the one web → API interaction the pact cannot hold: its request body would
 * make the pact file 14 MB, and Pact JS's verifier proxy refuses any request body over 100 KB with its
 * own 413 before the API sees it (so a verified "413" would prove nothing). Instead, the same two
 * parties meet directly: the frontend's real API client uploads 10 MB + 1 byte to the real API.
 */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe('the web client’s upload at the 10 MB limit', () => {
  const png = (bytes: number) =>
    new Blob([Buffer.concat([PNG_SIGNATURE, Buffer.alloc(bytes - PNG_SIGNATURE.length)])], {
      type: 'image/png',
    })
  const signedInClient = async (api: ApiUnderTest) => {
    const user = await upsertGoogleUser(api.pool, {
      sub: 'contract-upload-limit',
      email: 'upload-limit@example.test',
      name: 'Upload Limit',
      picture: null,
    })
    const token = await createTokenService(JWT_SECRET).sign({ userId: user.id, kind: 'access' }, 300)
    return createApiClient({ baseUrl: api.url, getToken: () => token })
  }

  test('is refused with 413 and a detail the page can show at 10 MB + 1 byte', async ({ api }) => {
    const res = await (await signedInClient(api)).uploadImage(png(MAX_UPLOAD_BYTES + 1), 'too-big.png')
    expect(res).toEqual({ ok: false, status: 413, detail: 'Request body too large' })
  })

  test('is accepted at exactly 10 MB', async ({ api }) => {
    const res = await (await signedInClient(api)).uploadImage(png(MAX_UPLOAD_BYTES), 'just-fits.png')
    expect(res.ok).toBe(true)
  })
})

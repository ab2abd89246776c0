import { randomUUID } from 'node:crypto'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { parameters } from '../support/evidence.ts'
import { startTripwire } from '../support/tripwire.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

/**
 * reference_image_url must come from our own uploads (the user's own) or an allowed host; anything
 * that points into the machine, its network or the cloud metadata service is refused before any
 * request is made. A listener on loopback stands where such a request would land: it must see nothing.
 */
describe('reference_image_url pointing inside', () => {
  test('private, loopback and metadata addresses, other schemes and other users’ uploads: 422, and no request made @SEC-06', async ({
    api,
    user,
  }) => {
    await using wire = await startTripwire()
    const p = wire.port
    const urls = [
      `http://127.0.0.1:${p}/a.png`,
      `http://localhost:${p}/a.png`,
      `http://[::1]:${p}/a.png`,
      `http://0.0.0.0:${p}/a.png`,
      `http://127.1:${p}/a.png`,
      `http://2130706433:${p}/a.png`,
      `http://0x7f000001:${p}/a.png`,
      `http://[::ffff:127.0.0.1]:${p}/a.png`,
      `http://127.0.0.1.nip.io:${p}/a.png`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://10.0.0.1/a.png',
      'http://172.16.0.1/a.png',
      'http://192.168.1.1/a.png',
      `https://127.0.0.1:${p}/a.png`,
      `file:///etc/passwd`,
      `gopher://127.0.0.1:${p}/_GET%20/`,
      `ftp://127.0.0.1:${p}/a.png`,
      `data:image/png;base64,iVBORw0KGgo=`,
      `//127.0.0.1:${p}/a.png`,
      `http://evil.example@127.0.0.1:${p}/a.png`,
      `/uploads/user_${user.id + 1}/${randomUUID()}.png`,
      `/uploads/user_${user.id}/../../../etc/passwd`,
      `/uploads/user_${user.id}/${randomUUID()}.png/../../x`,
    ]
    for (const url of urls) {
      const res = await api
        .post('/api/v1/videos/generate')
        .set(user.auth)
        .send({ prompt: GUIDE_PROMPT, model: 'sora-2', reference_image_url: url })
      expect(res.status, url).toBe(422)
      expect(ErrorResponse.parse(res.body).detail, url).toMatch(/^reference_image_url refused: /)
    }
    await parameters({ 'URLs refused': urls.length, 'connections to the listener': wire.connections })
    expect(wire.connections).toBe(0)
    const credits = await api.get('/api/v1/users/credits').set(user.auth).expect(200)
    expect(credits.body.credits).toBe(100)
    const list = await api.get('/api/v1/videos').set(user.auth).expect(200)
    expect(list.body.total).toBe(0)
  })
})

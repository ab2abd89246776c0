import { randomUUID } from 'node:crypto'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { parameters } from '../../api-tests/support/evidence.ts'
import { allVideos } from '../../api-tests/support/ledger.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { startTripwire } from '../support/tripwire.ts'

/**
 * reference_image_url must come from our own uploads (the user's own) or an allowed host; anything
 * that points into the machine, its network or the cloud metadata service is refused before any
 * request is made. The guide's verdict: a 4xx (a 402 would only mean the balance ran out first), and
 * nothing charged, no video made. The reference's 422 and its detail text are conformance. A listener
 * on loopback stands where such a request would land: it must see nothing (it is on this machine, so it
 * catches a target here too).
 */
describe('reference_image_url pointing inside', () => {
  test('private, loopback and metadata addresses, other schemes and other users’ uploads: refused, nothing charged, no request made @SEC-06', async ({
    api,
    suite,
    user,
    conformance,
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
    const before = {
      credits: await creditsOf(suite.apiUrl, user),
      videos: (await allVideos(suite.apiUrl, user.auth)).length,
    }
    const accepted: string[] = []
    for (const url of urls) {
      const res = await api
        .post('/api/v1/videos/generate')
        .set(user.auth)
        .send({ prompt: GUIDE_PROMPT, model: 'sora-2', reference_image_url: url })
      expect(res.status, url).toBeLessThan(500)
      if (res.status < 400 || res.status === 402) {
        accepted.push(`${url}: ${res.status}`)
        continue
      }
      GuideError.parse(res.body)
      await conformance.equal(`generate with ${url}: status`, 422, res.status)
      await conformance.equal(
        `generate with ${url}: detail`,
        'reference_image_url refused: …',
        String(res.body.detail).replace(/^(reference_image_url refused: ).+$/s, '$1…'),
      )
    }
    await parameters({
      'URLs tried': urls.length,
      accepted: accepted.length,
      'connections to the listener': wire.connections,
    })
    expect(accepted, 'URLs not refused with a 4xx').toEqual([])
    expect(wire.connections).toBe(0)
    expect(await creditsOf(suite.apiUrl, user)).toBe(before.credits)
    expect((await allVideos(suite.apiUrl, user.auth)).length).toBe(before.videos)
  })
})

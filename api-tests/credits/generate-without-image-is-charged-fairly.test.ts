import { GuideVideo } from '../../harness/target/guide-schemas.ts'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { creditsOf } from '../support/balance.ts'
import { parameters } from '../support/evidence.ts'
import { waitForTerminal } from '../support/terminal.ts'
import { completionBudgetMs } from '../support/videos.ts'

/**
 * The reference image is optional in the API (DESIGN: `reference_image_url?`). Whatever a deployment
 * makes of a generate without one, the user must not pay for nothing: refused before any charge, or
 * charged 10 for a video that completes, or given the 10 back when the video fails.
 */
describe('generate without a reference image', () => {
  test('is refused before charging, or completes for 10 credits, or fails and gives the 10 back @OK-07', async ({
    api,
    suite,
    signedInUser,
    prompt,
  }) => {
    const start = await creditsOf(suite.apiUrl, signedInUser)
    const res = await api
      .post('/api/v1/videos/generate')
      .set(signedInUser.auth)
      .send({ prompt, model: 'sora-2' })
    await parameters({ 'generate answered': `${res.status} ${res.text.slice(0, 200)}` })
    if (res.status !== 201) {
      expect(res.status, 'refused with a 4xx').toBeLessThan(500)
      expect(await creditsOf(suite.apiUrl, signedInUser), 'refused: nothing charged').toBe(start)
      return
    }
    const { id } = GuideVideo.parse(res.body)
    const end = await waitForTerminal(suite.apiUrl, signedInUser, id, completionBudgetMs(suite))
    const balance = await creditsOf(suite.apiUrl, signedInUser)
    await parameters({ status: end.status, error: end.error_message ?? '', 'credits after': balance })
    const charged = end.status === 'failed' ? 0 : VIDEO_COST
    expect(
      balance,
      `video ${id} ${end.status}${end.error_message ? ` (${end.error_message})` : ''}: start ${start} − ${charged}`,
    ).toBe(start - charged)
  })
})

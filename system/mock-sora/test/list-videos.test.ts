import { describe, expect, it } from 'vitest'
import { SoraVideoList } from '../../shared/schemas/sora.ts'
import { type MockUnderTest, openAIError, startMock } from './helper.ts'

async function list(mock: MockUnderTest, query = '') {
  const res = await mock.inject({ method: 'GET', url: `/v1/videos${query}` })
  expect(res.statusCode).toBe(200)
  return SoraVideoList.parse(res.json())
}

describe('listing videos', () => {
  it('lists newest first by default', async () => {
    const mock = await startMock()
    const a = await mock.createVideo({ prompt: 'a' })
    const b = await mock.createVideo({ prompt: 'b' })
    const page = await list(mock)
    expect(page.data.map((v) => v.id)).toEqual([b.id, a.id])
    expect(page).toMatchObject({ object: 'list', first_id: b.id, last_id: a.id, has_more: false })
  })

  it('pages with limit and after, in either order', async () => {
    const mock = await startMock()
    const ids: string[] = []
    for (const prompt of ['a', 'b', 'c']) ids.push((await mock.createVideo({ prompt })).id)
    const first = await list(mock, '?order=asc&limit=2')
    expect(first.data.map((v) => v.id)).toEqual(ids.slice(0, 2))
    expect(first.has_more).toBe(true)
    const second = await list(mock, `?order=asc&limit=2&after=${first.last_id}`)
    expect(second.data.map((v) => v.id)).toEqual(ids.slice(2))
    expect(second.has_more).toBe(false)
  })

  it('answers an empty list with null cursors when there are no videos', async () => {
    const mock = await startMock()
    expect(await list(mock)).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    })
  })

  it('answers 400 for a limit out of range', async () => {
    const mock = await startMock()
    const res = await mock.inject({ method: 'GET', url: '/v1/videos?limit=0' })
    expect(openAIError(res, 400).param).toBe('limit')
  })
})

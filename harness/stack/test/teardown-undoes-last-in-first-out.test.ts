import { describe, expect, it } from 'vitest'
import { Teardown } from '../teardown.ts'

describe('teardown', () => {
  it('undoes last-in first-out, keeps going past a failure, and runs once', async () => {
    const done: string[] = []
    const t = new Teardown()
    t.push('redis', async () => void done.push('redis'))
    t.push('api', async () => {
      throw new Error('boom')
    })
    t.push('pool', async () => void done.push('pool'))
    const errors = await t.run()
    expect(done).toEqual(['pool', 'redis'])
    expect(errors.map((e) => e.message)).toEqual(['api: boom'])
    expect(await t.run()).toBe(errors)
    expect(done).toHaveLength(2)
  })
})

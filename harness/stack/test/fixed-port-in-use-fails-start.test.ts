import { rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../ports.ts'
import { standInStack } from './stand-ins.ts'

describe('fixed ports', () => {
  let taken: Server
  let port: number
  beforeAll(async () => {
    port = await freePort()
    taken = createServer()
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())))

  it('refuses to start when one is in use, naming the variable to change', async () => {
    const { builder, recordDir } = standInStack()
    const others = { mockSora: await freePort(), mockGoogle: await freePort() }
    try {
      await expect(builder.withPorts('fixed', { api: port, ...others }).start()).rejects.toThrow(
        `api cannot listen: port ${port} is in use (set API_PORT)`,
      )
    } finally {
      rmSync(recordDir, { recursive: true, force: true })
    }
  })
})

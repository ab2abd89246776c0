import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../../wait.ts'
import type { StartedStack } from '../started-stack.ts'
import { standInStack } from './stand-ins.ts'

describe('controls of a started stack', () => {
  let stack: StartedStack
  let recordDir: string
  beforeAll(async () => {
    const s = standInStack()
    recordDir = s.recordDir
    stack = await s.builder.start()
  })
  afterAll(async () => {
    await stack?.stop()
    rmSync(recordDir, { recursive: true, force: true })
  })

  const readyCount = () => stack.logs('worker-1').filter((e) => e.event === 'worker.ready').length

  it('kills a worker and restarts it, waiting for a new worker.ready', async () => {
    const worker = stack.service('worker-1')
    const firstPid = worker.pid
    await worker.kill()
    expect(worker.running).toBe(false)
    expect(readyCount()).toBe(1)

    await worker.restart()
    expect(worker.running).toBe(true)
    expect(worker.pid).not.toBe(firstPid)
    expect(readyCount()).toBe(2)
  })

  it('stops and restarts the API on the same port', async () => {
    const api = stack.service('api')
    await api.stop()
    expect(api.running).toBe(false)
    expect((await fetch(`${stack.urls.api}/health`).catch(() => undefined))?.status).toBeUndefined()
    await api.restart()
    expect((await fetch(`${stack.urls.api}/health`)).status).toBe(200)
  })

  it('adds a worker that is ready when it returns', async () => {
    const added = await stack.addWorker()
    expect(added.name).toBe('worker-2')
    expect(added.running).toBe(true)
    expect(stack.services).toContain('worker-2')
    expect(stack.logs('worker-2').map((e) => e.event)).toContain('worker.ready')
  })

  it('reads a service log as JSON events, skipping plain lines', async () => {
    const events = await waitFor(
      async () => {
        const e = stack.logs('mock-google')
        return e.length >= 2 ? { done: true, value: e } : { done: false, seen: `${e.length} events` }
      },
      { deadlineMs: 5000, what: 'mock-google events' },
    )
    // the stand-in also prints a plain line first: not an event
    expect(events.map((e) => e.event).sort()).toEqual(['service.listening', 'worker.ready'])
    expect(events.every((e) => typeof e.level === 'number')).toBe(true)
  })

  it('drives mock-sora through its control client', async () => {
    const armed = await stack.mockSora.setFault({ mode: 'rate_limit', count: 2 })
    expect(armed.ok && armed.value.armed).toMatchObject({ mode: 'rate_limit', remaining: 2 })
    const state = await stack.mockSora.state()
    expect(state.ok && state.value.faults.map((f) => f.mode)).toEqual(['rate_limit'])
    const reset = await stack.mockSora.reset()
    expect(reset.ok && reset.value.cleared.faults).toBe(1)
    const after = await stack.mockSora.state()
    expect(after.ok && after.value.faults).toEqual([])
  })

  it('gives the system its wiring: one uploads dir, unique queue prefix, a long JWT secret', () => {
    expect(stack.jwtSecret.length).toBeGreaterThanOrEqual(32)
    expect(stack.config.queuePrefix).toMatch(/^aivideo-[0-9a-f]{8}$/)
    expect(stack.config.corsOrigins).toEqual([
      `http://localhost:${stack.config.ports.web}`,
      `http://127.0.0.1:${stack.config.ports.web}`,
    ])
    expect(stack.config.imageAllowedHosts).toContain(`localhost:${stack.config.ports.web}`)
    expect(stack.urls.web).toBeUndefined()
  })
})

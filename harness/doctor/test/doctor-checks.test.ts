import { afterEach, describe, expect, it } from 'vitest'
import { DOCTOR_CHECKS } from '../check-order.ts'
import { apiReachable } from '../checks/api-reachable.ts'
import { corsPreflight } from '../checks/cors-preflight.ts'
import { redisPong } from '../checks/redis-pong.ts'
import { soraMode } from '../checks/sora-mode.ts'
import { uploadsMounted } from '../checks/uploads-mounted.ts'
import { videoFile } from '../checks/video-file.ts'
import { workerReady } from '../checks/worker-ready.ts'
import { createDoctorContext, defaultOptions } from '../context.ts'
import { exitCodeOf, formatResult, runChecks } from '../run.ts'
import { apiLike, health, json, stubServer } from './stub-api.ts'

const ORIGIN = 'http://localhost:8080'
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function doctorAt(handler: Parameters<typeof stubServer>[0], over: Record<string, unknown> = {}) {
  const stub = await stubServer(handler)
  closers.push(stub.close)
  return createDoctorContext(defaultOptions({ apiUrl: stub.url, webUrl: ORIGIN, timeoutMs: 5000, ...over }))
}

describe('doctor checks against a stub API', () => {
  it('passes API, Redis (via /health), worker, CORS and mode on a healthy API', async () => {
    const ctx = await doctorAt(apiLike({ health: health(), origin: ORIGIN }))
    for (const check of [apiReachable, redisPong, workerReady, corsPreflight, soraMode]) {
      const r = await check.run(ctx)
      expect(r.status, `${r.id}: ${r.detail}`).toBe('pass')
    }
  })

  it('fails the worker check with the way to start one when no heartbeat is fresh', async () => {
    const ctx = await doctorAt(apiLike({ health: health({ workers: 0 }) }))
    const r = await workerReady.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.fix).toMatch(/start the worker.*ready/)
  })

  it('fails Redis and explains the worker when /health reports Redis down', async () => {
    const ctx = await doctorAt(
      apiLike({
        health: health({ status: 'degraded', redis: 'error', queue: 'error', workers: 0 }),
        healthStatus: 503,
      }),
    )
    expect((await apiReachable.run(ctx)).status).toBe('pass')
    const redis = await redisPong.run(ctx)
    expect(redis.status).toBe('fail')
    expect(redis.fix).toMatch(/redis-cli ping/)
    const worker = await workerReady.run(ctx)
    expect(worker.status).toBe('fail')
    expect(worker.detail).toMatch(/Redis is down/)
  })

  it('fails Redis when the given URL does not answer PONG', async () => {
    const ctx = await doctorAt(apiLike({ health: health() }), { redisUrl: 'redis://127.0.0.1:1/0' })
    const r = await redisPong.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.detail).toMatch(/^PING redis:\/\/127\.0\.0\.1:1\/0 → /)
  })

  it('fails CORS with the variable to set when the web origin is not allowed', async () => {
    const ctx = await doctorAt(apiLike({ health: health(), origin: 'http://elsewhere.example' }))
    const r = await corsPreflight.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.fix).toBe(`add ${ORIGIN} to the API's CORS_ORIGINS (comma-separated) and restart the API`)
  })

  it('fails the mode check naming USE_MOCK_SORA when the API runs the real Sora but mock is expected', async () => {
    const ctx = await doctorAt(apiLike({ health: health({ mock_sora: false }) }))
    const r = await soraMode.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.fix).toMatch(/USE_MOCK_SORA=true/)
  })

  it('says what is wrong when the URL is not the API (a page instead of /health)', async () => {
    const ctx = await doctorAt((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>frontend</html>')
    })
    const r = await apiReachable.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.detail).toMatch(/GET \/health answered 200/)
  })

  it('skips the video checks without a way to find a finished video, and never fails on that', async () => {
    const ctx = await doctorAt(apiLike({ health: health() }))
    expect((await videoFile.run(ctx)).status).toBe('skip')
    expect((await uploadsMounted.run(ctx)).status).toBe('skip')
  })

  it('checks a given video file: HEAD video/mp4 with a sane size and a 206 MP4 range', async () => {
    const mp4 = Buffer.alloc(64 * 1024)
    mp4.write('ftypisom', 4, 'latin1')
    const ctx = await doctorAt(
      (req, res) => {
        if (req.url === '/health') return json(res, 200, health())
        if (req.url !== '/uploads/videos/user_1_video_1.mp4') return json(res, 404, { detail: 'Not Found' })
        const range = req.headers.range
        if (range) {
          res.writeHead(206, { 'content-type': 'video/mp4', 'content-range': `bytes 0-11/${mp4.length}` })
          return res.end(mp4.subarray(0, 12))
        }
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(mp4.length) })
        res.end(req.method === 'HEAD' ? undefined : mp4)
      },
      { videoUrl: '/uploads/videos/user_1_video_1.mp4' },
    )
    const file = await videoFile.run(ctx)
    expect(file.status, file.detail).toBe('pass')
    expect(file.detail).toContain('65536 bytes')
    const mount = await uploadsMounted.run(ctx)
    expect(mount.status, mount.detail).toBe('pass')
  })

  it('fails a tiny or non-video file with the fix about UPLOADS_DIR', async () => {
    const ctx = await doctorAt(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5' })
        res.end('hello')
      },
      { videoUrl: '/uploads/videos/user_1_video_1.mp4' },
    )
    const r = await videoFile.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.fix).toContain('UPLOADS_DIR')
  })

  it('on a static /health and 403 without a token: API reachable, Redis, worker and mode not offered', async () => {
    const ctx = await doctorAt((req, res) => {
      if (req.url === '/health') return json(res, 200, { status: 'healthy' })
      return json(res, 403, { detail: 'Not authenticated' })
    })
    const api = await apiReachable.run(ctx)
    expect(api.status, api.detail).toBe('pass')
    expect(api.detail).toContain('answer 403 without a token')
    for (const check of [redisPong, workerReady, soraMode]) {
      const r = await check.run(ctx)
      expect(r.status, `${r.id}: ${r.detail}`).toBe('skip')
      expect(r.detail).toMatch(/^not offered: /)
    }
  })

  it("speaks of the deployment's API, not our variables, when it is not the reference system", async () => {
    const ctx = await doctorAt(apiLike({ health: health(), origin: 'http://elsewhere.example' }), {
      reference: false,
    })
    const r = await corsPreflight.run(ctx)
    expect(r.status).toBe('fail')
    expect(r.fix).toBe(
      `the API at ${ctx.options.apiUrl} does not allow origin ${ORIGIN} (its CORS allow-list): the frontend there cannot poll it until that list has it`,
    )
    expect(r.fix).not.toContain('CORS_ORIGINS')
  })

  it('prints one line per check and exits 1 on any ❌; an unreachable API skips what depends on it', async () => {
    const ctx = createDoctorContext(defaultOptions({ apiUrl: 'http://127.0.0.1:1', timeoutMs: 500 }))
    const results = await runChecks(ctx, DOCTOR_CHECKS)
    expect(results.map((r) => r.id)).toEqual(DOCTOR_CHECKS.map((c) => c.id))
    expect(exitCodeOf(results)).toBe(1)
    const lines = results.map(formatResult)
    expect(lines.every((l) => !l.includes('\n'))).toBe(true)
    expect(lines[0]).toMatch(/^❌ API reachable \[DIAG-02\]: .+ → fix: start the API/)
    expect(results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['api-reachable'])
  })
})

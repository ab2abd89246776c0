import { spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { resolve } from 'node:path'
import { tailLines } from '../log-events.ts'
import { StackStartError } from '../readiness.ts'
import { REPO_ROOT } from '../services.ts'

/**
 * Builds (or, thanks to the layer cache, quickly re-checks) the stack's images with
 * docker/build-images.sh, its output in `logFile`. CONTAINERS_BUILD=skip uses the images as they are
 * (npm run test:containers builds once, then starts every suite's stack with it).
 */
export async function ensureImages(logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.CONTAINERS_BUILD === 'skip') return
  const fd = openSync(logFile, 'a')
  try {
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn('bash', [resolve(REPO_ROOT, 'docker/build-images.sh')], {
        cwd: REPO_ROOT,
        stdio: ['ignore', fd, fd],
      })
      child.on('error', fail)
      child.on('exit', (c) => done(c))
    })
    if (code !== 0)
      throw new StackStartError('images', logFile, `could not be built (exit ${code})`, tailLines(logFile))
  } finally {
    closeSync(fd)
  }
}

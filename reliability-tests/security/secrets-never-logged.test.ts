import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parameters } from '../../api-tests/support/evidence.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { readSecrets } from '../support/secrets.ts'

function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? logFiles(path) : name.endsWith('.log') ? [path] : []
  })
}

/**
 * Runs last, over every log file this run's stacks and side processes wrote: none may contain a secret
 * the run handled — the OpenAI and Sora keys and the JWT secret the stack was given, and every OAuth
 * code, access, refresh and stream token the tests used (each recorded as it was minted).
 */
describe('the run’s log files', () => {
  test('never contain OPENAI_API_KEY, the Sora key, the JWT secret, an access, refresh or stream token, or an OAuth code @SEC-08', async ({
    rel,
    skip,
    annotate,
  }) => {
    if (!rel.runLogDir || !rel.stackSecrets)
      return skipWithReason({ skip, annotate }, 'needs the log files of a local stack')
    const recorded = readSecrets(rel.secretsDir)
    const secrets = [
      { kind: 'OPENAI_API_KEY', value: rel.stackSecrets.openaiApiKey },
      { kind: 'MOCK_SORA_API_KEY', value: rel.stackSecrets.soraApiKey },
      { kind: 'JWT_SECRET', value: rel.stackSecrets.jwtSecret },
      ...recorded,
    ]
    const count = (kind: string) => recorded.filter((s) => s.kind === kind).length
    // The run did handle such secrets (else the scan proves nothing).
    for (const kind of ['access_token', 'oauth_code', 'refresh_token', 'stream_token'])
      expect(
        count(kind),
        `${kind}s the suite's other tests recorded (SEC-08 runs after them)`,
      ).toBeGreaterThan(0)

    const files = logFiles(rel.runLogDir)
    let bytes = 0
    const leaks: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      bytes += text.length
      for (const s of secrets) if (text.includes(s.value)) leaks.push(`${s.kind} in ${file}`)
    }
    // The logs are the real thing: the sign-ins and generates that used those secrets are in them.
    const api = files
      .filter((f) => basename(f) === 'api.log')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    expect(api).toContain('"path":"/api/v1/auth/google"')
    expect(api).toContain('"path":"/api/v1/videos/generate"')
    await parameters({
      'log files': files.length,
      'bytes scanned': bytes,
      'secrets looked for': secrets.length,
      'access tokens': count('access_token'),
      'OAuth codes': count('oauth_code'),
      'stream tokens': count('stream_token'),
    })
    expect(leaks).toEqual([])
  })
})

import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What a test handled that must never reach a log: the log scan (SEC) looks for each value verbatim. */
export type SecretKind = 'access_token' | 'refresh_token' | 'stream_token' | 'oauth_code' | 'key'
export interface RecordedSecret {
  kind: SecretKind
  value: string
}

/** Appends a secret to this process's file in the run's secrets dir (test files run in several forks). */
export function recordSecret(dir: string, kind: SecretKind, value: string): void {
  mkdirSync(dir, { recursive: true })
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify({ kind, value })}\n`)
}

/** Every secret any test process of the run recorded. */
export function readSecrets(dir: string): RecordedSecret[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as RecordedSecret)
}

import { join } from 'node:path'

/** The pacts' participants, named once: the broker, can-i-deploy and the verifications use these names. */
export const Pacticipant = {
  web: 'aivideo-web',
  api: 'aivideo-api',
  worker: 'aivideo-worker',
  openaiVideos: 'openai-videos',
} as const
export type Pacticipant = (typeof Pacticipant)[keyof typeof Pacticipant]

/** Generated pact files (git-ignored); `npm run test:contracts` empties it first. */
export const PACT_DIR = join(import.meta.dirname, 'pacts')

/** Where a consumer test writes the pact of one pair: Pact's own `<consumer>-<provider>.json`. */
export function pactFile(consumer: Pacticipant, provider: Pacticipant): string {
  return join(PACT_DIR, `${consumer}-${provider}.json`)
}

/**
 * Provider state names, the one list both sides of every pact import: consumer tests name them in
 * `given()`, verifications map each to a handler. A renamed state fails to compile instead of silently
 * running without set-up.
 */

/** States of `aivideo-api`, as the web frontend and the worker's queue see it. */
export const ApiState = {
  googleAccountCanSignIn: 'a Google account can sign in',
  googleKnowsNoSuchCode: 'Google knows no such authorization code',
  user1Has100Credits: 'user 1 has 100 credits',
  user1Has0Credits: 'user 1 has 0 credits',
  video123IsPending: 'video 123 of user 1 is pending',
  video123IsProcessing: 'video 123 of user 1 is processing',
  video123IsCompleted: 'video 123 of user 1 is completed',
  video999DoesNotExist: 'video 999 does not exist',
  user1HasACompletedAndAPendingVideo: 'user 1 has a completed and a pending video',
} as const
export type ApiState = (typeof ApiState)[keyof typeof ApiState]

/** Parameters of `ApiState.googleAccountCanSignIn`: which account, and the redirect URI the code is for. */
export interface GoogleSignInParams {
  [key: string]: string
  email: string
  redirectUri: string
}

/** States of `openai-videos` (OpenAI's Videos API, or mock-sora standing in for it). */
export const SoraState = {
  apiKeyIsValid: 'the API key is valid',
  jobIsQueued: 'a video job is queued',
  jobIsInProgress: 'a video job is in progress',
  jobIsCompleted: 'a video job is completed',
  jobHasFailed: 'a video job has failed',
  jobDoesNotExist: 'no video job has the requested id',
  apiKeyIsRateLimited: 'the API key is rate limited',
} as const
export type SoraState = (typeof SoraState)[keyof typeof SoraState]

/** What a Sora job state hands back to the verifier, injected where the pact says `${soraVideoId}`. */
export const SORA_VIDEO_ID = 'soraVideoId'

/**
 * The key of the pact's example requests. Only mock-sora ever sees it (its verification configures it);
 * the real OpenAI is never verified against, so no real key is ever written into a pact.
 */
export const SORA_CONTRACT_API_KEY = 'sk-contract-test'

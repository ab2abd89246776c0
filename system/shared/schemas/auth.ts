import { z } from 'zod'

export const GoogleAuthRequest = z.object({
  code: z.string().min(1).max(2048),
  redirect_uri: z.url().max(2048),
})
export type GoogleAuthRequest = z.infer<typeof GoogleAuthRequest>

export const RefreshRequest = z.object({ refresh_token: z.string().min(1).max(4096) })
export type RefreshRequest = z.infer<typeof RefreshRequest>

export const TokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().positive(),
})
export type TokenResponse = z.infer<typeof TokenResponse>

export const UserResponse = z.object({
  id: z.number().int().positive(),
  email: z.email(),
  name: z.string(),
  avatar_url: z.string().nullable(),
  credits: z.number(),
  created_at: z.iso.datetime({ offset: true }),
})
export type UserResponse = z.infer<typeof UserResponse>

export const CreditsResponse = z.object({
  credits: z.number(),
  user_id: z.number().int().positive(),
})
export type CreditsResponse = z.infer<typeof CreditsResponse>

/** A short-lived token for EventSource, which cannot send an Authorization header. */
export const StreamTokenResponse = z.object({
  token: z.string(),
  expires_in: z.number().int().positive(),
})
export type StreamTokenResponse = z.infer<typeof StreamTokenResponse>

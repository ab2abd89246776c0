import { z } from 'zod'

/**
 * What Google's OAuth endpoints answer (and what mock-google answers the same way). Lenient where real
 * Google is: `name` needs the profile scope and `picture` may be absent, so the API can parse either.
 */
export const GoogleTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.literal('Bearer'),
  scope: z.string(),
  id_token: z.string().min(1),
  refresh_token: z.string().optional(),
})
export type GoogleTokenResponse = z.infer<typeof GoogleTokenResponse>

export const GoogleUserInfo = z.object({
  sub: z.string().min(1),
  email: z.email(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
  picture: z.string().nullish(),
})
export type GoogleUserInfo = z.infer<typeof GoogleUserInfo>

/** Google's error body for the token and userinfo endpoints: `{"error":"invalid_grant","error_description":"..."}`. */
export const GoogleOAuthError = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
})
export type GoogleOAuthError = z.infer<typeof GoogleOAuthError>

import type { GoogleProfile } from '../../../db/users.ts'
import { fail, type Outcome, ok } from '../../../shared/outcome.ts'
import { GoogleTokenResponse, GoogleUserInfo } from '../../../shared/schemas/google.ts'

/** Google's token and userinfo endpoints; their URLs are configuration (the stack points them at mock-google). */
export interface GoogleOAuth {
  exchangeCode(
    code: string,
    redirectUri: string,
  ): Promise<Outcome<GoogleProfile, 'invalid_code' | 'unavailable'>>
}

export function createGoogleOAuth(cfg: {
  tokenUrl: string
  userinfoUrl: string
  clientId: string
  clientSecret: string
  timeoutMs?: number
}): GoogleOAuth {
  const timeout = () => AbortSignal.timeout(cfg.timeoutMs ?? 5000)
  return {
    async exchangeCode(code, redirectUri) {
      let tokenRes: Response
      try {
        tokenRes = await fetch(cfg.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirectUri,
            client_id: cfg.clientId,
            client_secret: cfg.clientSecret,
          }),
          signal: timeout(),
        })
      } catch (err) {
        return fail('unavailable', `Google token endpoint unreachable: ${(err as Error).message}`)
      }
      if (tokenRes.status >= 500)
        return fail('unavailable', `Google token endpoint answered ${tokenRes.status}`)
      if (!tokenRes.ok) return fail('invalid_code', 'Invalid or expired authorization code')
      const token = GoogleTokenResponse.safeParse(await tokenRes.json().catch(() => null))
      if (!token.success) return fail('unavailable', 'Google token endpoint answered an unexpected body')
      try {
        const infoRes = await fetch(cfg.userinfoUrl, {
          headers: { authorization: `Bearer ${token.data.access_token}` },
          signal: timeout(),
        })
        if (!infoRes.ok) return fail('unavailable', `Google userinfo answered ${infoRes.status}`)
        const info = GoogleUserInfo.safeParse(await infoRes.json())
        if (!info.success) return fail('unavailable', 'Google userinfo answered an unexpected body')
        const { sub, email, name, picture } = info.data
        return ok({ sub, email, name: name ?? email.split('@')[0]!, picture: picture ?? null })
      } catch (err) {
        return fail('unavailable', `Google userinfo unreachable: ${(err as Error).message}`)
      }
    },
  }
}

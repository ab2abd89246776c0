import request from 'supertest'
import { GuideCredits } from '../../harness/target/guide-schemas.ts'
import type { SignedInUser } from './sign-in.ts'

/** The user's balance over plain HTTP (GET /users/credits), as the guide names it. */
export async function creditsOf(apiUrl: string, user: SignedInUser): Promise<number> {
  const res = await request(apiUrl).get('/api/v1/users/credits').set(user.auth).timeout(10_000)
  if (res.status !== 200) throw new Error(`GET /users/credits answered ${res.status}: ${res.text}`)
  return GuideCredits.parse(res.body).credits
}

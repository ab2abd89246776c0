import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { z } from 'zod'
import { ConfigError } from '../../shared/config.ts'

/** One Google account. `picture` is null or a local path: the stack never reaches the internet. */
export const GoogleUser = z.object({
  sub: z.string().regex(/^\d{1,32}$/, 'sub must be digits, like Google subject ids'),
  email: z.email(),
  name: z.string().min(1),
  picture: z.string().min(1).nullable(),
})
export type GoogleUser = z.infer<typeof GoogleUser>

const UserList = z
  .array(GoogleUser)
  .refine((users) => new Set(users.map((u) => u.email.toLowerCase())).size === users.length, {
    message: 'emails must be unique',
  })

/** Reads the fixture accounts (path relative to the working directory); a bad file stops the start. */
export async function loadUsers(path: string): Promise<GoogleUser[]> {
  const absolute = resolve(process.cwd(), path)
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(absolute, 'utf8'))
  } catch (err) {
    throw new ConfigError(`MOCK_GOOGLE_USERS: cannot read ${absolute}: ${(err as Error).message}`)
  }
  const parsed = UserList.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
    throw new ConfigError(`MOCK_GOOGLE_USERS: invalid ${absolute}:\n  ${issues.join('\n  ')}`)
  }
  return parsed.data
}

/**
 * A sub that depends only on the email, so an ad-hoc account keeps its identity across restarts of
 * mock-google (the API keys users on it). 21 digits, like Google's, so it never meets a fixture sub.
 */
export function derivedSub(email: string): string {
  const hex = createHash('sha256').update(`mock-google:${email}`).digest('hex').slice(0, 16)
  return `1${(BigInt(`0x${hex}`) % 10n ** 20n).toString().padStart(20, '0')}`
}

/** "carol.new+e2e-7@example.test" → "Carol New": readable in the UI and in logs. */
export function derivedName(email: string): string {
  const local = email.split('@')[0]?.split('+')[0] ?? ''
  const words = local.split(/[._-]+/).filter(Boolean)
  if (words.length === 0) return email
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')
}

/** The fixture accounts plus the ones made on the fly for unknown emails. Emails match case-insensitively. */
export class UserDirectory {
  private readonly byEmail = new Map<string, GoogleUser>()

  constructor(private readonly fixtures: readonly GoogleUser[]) {
    for (const user of fixtures) this.byEmail.set(user.email.toLowerCase(), user)
  }

  /** The accounts the chooser lists: the fixtures only, so the page is the same for every test. */
  listed(): readonly GoogleUser[] {
    return this.fixtures
  }

  findOrCreate(email: string): { user: GoogleUser; created: boolean } {
    const key = email.toLowerCase()
    const known = this.byEmail.get(key)
    if (known) return { user: known, created: false }
    const user: GoogleUser = { sub: derivedSub(key), email: key, name: derivedName(key), picture: null }
    this.byEmail.set(key, user)
    return { user, created: true }
  }
}

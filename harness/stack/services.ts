import { randomBytes, randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { DEFAULT_GOOGLE_CLIENT_ID } from '../../system/shared/config.ts'
import type { StackOptions, StackPorts, SystemRole } from './stack-options.ts'
import type { StackConfig, StackUrls } from './started-stack.ts'
import type { SystemBuild } from './system-build.ts'

export const REPO_ROOT = resolve(import.meta.dirname, '../..')

/** Everything the system's processes are told about each other; one per stack. */
export interface StackWiring {
  host: string
  ports: StackPorts
  redisUrl: string
  databaseUrl: string
  uploadsDir: string
  jwtSecret: string
  queuePrefix: string
  soraDurationS: number
  mockSoraApiKey: string
  googleClientId: string
  googleClientSecret: string
  logLevel: string
}

export const urlOf = (w: StackWiring, port: number) => `http://${w.host}:${port}`

/**
 * A stack's wiring on loopback, whichever driver runs it: the driver brings the ports, the Redis and
 * PostgreSQL it started and the uploads dir; a fresh JWT secret and queue prefix unless the options
 * fix them.
 */
export function loopbackWiring(
  opts: Pick<StackOptions, 'jwtSecret' | 'queuePrefix' | 'soraDurationS'>,
  parts: Pick<StackWiring, 'ports' | 'redisUrl' | 'databaseUrl' | 'uploadsDir'>,
): StackWiring {
  return {
    host: '127.0.0.1',
    ...parts,
    jwtSecret: opts.jwtSecret ?? randomBytes(32).toString('base64url'),
    queuePrefix: opts.queuePrefix ?? `aivideo-${randomUUID().slice(0, 8)}`,
    soraDurationS: opts.soraDurationS,
    mockSoraApiKey: 'sk-mock-sora',
    googleClientId: DEFAULT_GOOGLE_CLIENT_ID,
    googleClientSecret: 'aivideo-local-secret',
    logLevel: process.env.LOG_LEVEL ?? 'info',
  }
}

/** What a started stack tells its users about its configuration (mock Sora, whichever driver). */
export function stackConfig(w: StackWiring): StackConfig {
  const { api, mockSora, mockGoogle, web } = w.ports
  return {
    queuePrefix: w.queuePrefix,
    uploadsDir: w.uploadsDir,
    soraDurationS: w.soraDurationS,
    useMockSora: true,
    mockSoraApiKey: w.mockSoraApiKey,
    googleClientId: w.googleClientId,
    googleClientSecret: w.googleClientSecret,
    corsOrigins: webOrigins(w),
    imageAllowedHosts: imageHosts(w),
    ports: { api, mockSora, mockGoogle, web },
  }
}

/** The services' URLs of a stack (the web app's only when it runs one). */
export function stackUrls(w: StackWiring, withWeb: boolean): StackUrls {
  return {
    api: urlOf(w, w.ports.api),
    mockSora: urlOf(w, w.ports.mockSora),
    mockGoogle: urlOf(w, w.ports.mockGoogle),
    ...(withWeb ? { web: urlOf(w, w.ports.web) } : {}),
  }
}

/** The browser reaches the web app as localhost or 127.0.0.1: the API allows both as origins. */
export function webOrigins(w: StackWiring): string[] {
  return [`http://localhost:${w.ports.web}`, `http://127.0.0.1:${w.ports.web}`]
}

/** Reference images come from the web app's presets or from the API's own uploads. */
export function imageHosts(w: StackWiring): string[] {
  return [w.ports.web, w.ports.api].flatMap((p) => [`localhost:${p}`, `127.0.0.1:${p}`])
}

/** Only what a process needs from ours (no VITEST_*, no stray PORT or DATABASE_URL). */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'NODE_EXTRA_CA_CERTS']
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])))
}

const storageEnv = (w: StackWiring) => ({
  REDIS_URL: w.redisUrl,
  DATABASE_URL: w.databaseUrl,
  UPLOADS_DIR: w.uploadsDir,
  IMAGE_ALLOWED_HOSTS: imageHosts(w).join(','),
  QUEUE_PREFIX: w.queuePrefix,
  USE_MOCK_SORA: 'true',
  MOCK_SORA_URL: urlOf(w, w.ports.mockSora),
  MOCK_SORA_API_KEY: w.mockSoraApiKey,
})

/** The env of one system process, per system/shared/config.ts; `extra` (withEnv) comes last. */
export function envFor(
  role: SystemRole,
  w: StackWiring,
  extra: Record<string, string>,
): Record<string, string> {
  const common = { ...baseEnv(), LOG_LEVEL: w.logLevel, HOST: w.host }
  const own = ((): Record<string, string> => {
    switch (role) {
      case 'mock-sora':
        return {
          PORT: String(w.ports.mockSora),
          MOCK_SORA_API_KEY: w.mockSoraApiKey,
          MOCK_SORA_DURATION_S: String(w.soraDurationS),
        }
      case 'mock-google':
        return {
          PORT: String(w.ports.mockGoogle),
          MOCK_GOOGLE_CLIENT_ID: w.googleClientId,
          MOCK_GOOGLE_CLIENT_SECRET: w.googleClientSecret,
        }
      case 'worker':
        return storageEnv(w)
      case 'api':
        return {
          ...storageEnv(w),
          PORT: String(w.ports.api),
          JWT_SECRET: w.jwtSecret,
          CORS_ORIGINS: webOrigins(w).join(','),
          GOOGLE_CLIENT_ID: w.googleClientId,
          GOOGLE_CLIENT_SECRET: w.googleClientSecret,
          GOOGLE_TOKEN_URL: `${urlOf(w, w.ports.mockGoogle)}/token`,
          GOOGLE_USERINFO_URL: `${urlOf(w, w.ports.mockGoogle)}/oauth2/v3/userinfo`,
        }
      case 'web':
        // system/web (loadWebConfig): the API it talks to and the login page its Login button opens.
        return {
          PORT: String(w.ports.web),
          API_BASE_URL: urlOf(w, w.ports.api),
          GOOGLE_AUTH_URL: `${urlOf(w, w.ports.mockGoogle)}/o/oauth2/v2/auth`,
          GOOGLE_CLIENT_ID: w.googleClientId,
        }
    }
  })()
  return { ...common, ...own, ...extra }
}

/**
 * `node <bundle>` for a server of the system's build (system-build.ts; source maps on, so stack traces name
 * the .ts lines), `node --import tsx <entry>` for any other entry (a test's stand-in): one process per
 * service (npx would add a parent we would have to reap).
 */
export function commandFor(entry: string, build: SystemBuild): { command: string; args: string[] } {
  const bundle = build.bundleFor(entry)
  return bundle
    ? { command: process.execPath, args: ['--enable-source-maps', bundle] }
    : { command: process.execPath, args: ['--import', 'tsx', resolve(REPO_ROOT, entry)] }
}

import { z } from 'zod'

/**
 * Environment validation for every service. Each server's `server.ts` calls one `load*Config(process.env)`
 * at start; the factories only ever see a parsed config. Errors name the variable, so a bad deploy says
 * what to fix.
 */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** The OAuth client id of the local stack: the API, mock-google and web agree on it unless told otherwise. */
export const DEFAULT_GOOGLE_CLIENT_ID = 'aivideo-local'
/** The web app's sign-in callback at its default port: where tests and scripts say Google sends the code. */
export const DEFAULT_REDIRECT_URI = 'http://localhost:8080/auth/callback'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
)
const port = z.coerce.number().int().min(0).max(65535)
const url = z.url()
const positiveInt = z.coerce.number().int().positive()

function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`)
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`)
}

const soraMode = {
  USE_MOCK_SORA: bool.default(true),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url.default('https://api.openai.com'),
  MOCK_SORA_URL: url.default('http://127.0.0.1:4010'),
  MOCK_SORA_API_KEY: z.string().min(1).default('sk-mock-sora'),
}

/** Real mode needs a key: refuse to start rather than fail on the first job. */
function requireKeyInRealMode(cfg: { USE_MOCK_SORA: boolean; OPENAI_API_KEY?: string | undefined }) {
  if (!cfg.USE_MOCK_SORA && !cfg.OPENAI_API_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  OPENAI_API_KEY: required when USE_MOCK_SORA=false (set OPENAI_API_KEY=sk-... or USE_MOCK_SORA=true)',
    )
  }
}

/** Where the worker's single Sora client points, and with which key. */
export function soraEndpoint(cfg: {
  USE_MOCK_SORA: boolean
  OPENAI_API_KEY?: string | undefined
  OPENAI_BASE_URL: string
  MOCK_SORA_URL: string
  MOCK_SORA_API_KEY: string
}): { baseUrl: string; apiKey: string } {
  return cfg.USE_MOCK_SORA
    ? { baseUrl: cfg.MOCK_SORA_URL, apiKey: cfg.MOCK_SORA_API_KEY }
    : { baseUrl: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY ?? '' }
}

const storage = {
  REDIS_URL: url.default('redis://127.0.0.1:6379/0'),
  DATABASE_URL: url.default('postgres://postgres@127.0.0.1:5432/aivideo'),
  UPLOADS_DIR: z.string().min(1).default('./uploads'),
  /** Hosts (host or host:port, `*.` prefix allowed) the reference image may come from. */
  IMAGE_ALLOWED_HOSTS: list.default(['localhost:8080', '127.0.0.1:8080']),
  QUEUE_PREFIX: z.string().min(1).default('aivideo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
}

const ApiEnv = z.object({
  ...storage,
  ...soraMode,
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(8000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ACCESS_TOKEN_TTL_S: positiveInt.default(30 * 60),
  REFRESH_TOKEN_TTL_S: positiveInt.default(7 * 24 * 3600),
  CORS_ORIGINS: list.default(['http://localhost:8080', 'http://127.0.0.1:8080']),
  GOOGLE_CLIENT_ID: z.string().min(1).default(DEFAULT_GOOGLE_CLIENT_ID),
  GOOGLE_CLIENT_SECRET: z.string().min(1).default('aivideo-local-secret'),
  GOOGLE_TOKEN_URL: url.default('http://127.0.0.1:4020/token'),
  GOOGLE_USERINFO_URL: url.default('http://127.0.0.1:4020/oauth2/v3/userinfo'),
  /** Routes that seed state for contract tests; refused in real mode. */
  ENABLE_TEST_ROUTES: bool.default(false),
  DEBUG: bool.default(true),
  /** Generates per user per minute; 0 turns the limit off. */
  GENERATE_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(30),
  /** Retries of a job whose Sora call failed transiently (429, 5xx, network), exponential backoff. */
  JOB_ATTEMPTS: positiveInt.default(5),
  JOB_BACKOFF_MS: positiveInt.default(1000),
})
export type ApiConfig = z.infer<typeof ApiEnv>
export function loadApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const cfg = parseEnv(ApiEnv, env)
  requireKeyInRealMode(cfg)
  if (cfg.ENABLE_TEST_ROUTES && !cfg.USE_MOCK_SORA) {
    throw new ConfigError('Invalid configuration:\n  ENABLE_TEST_ROUTES: refused when USE_MOCK_SORA=false')
  }
  return cfg
}

const WorkerEnv = z.object({
  ...storage,
  ...soraMode,
  SORA_MODEL: z.enum(['sora-2', 'sora-2-pro']).default('sora-2'),
  SORA_SECONDS: z.enum(['4', '8', '12']).default('8'),
  SORA_SIZE: z.enum(['720x1280', '1280x720', '1024x1792', '1792x1024']).default('1280x720'),
  /** The guide's `max_wait_seconds`: how long one Sora job may run before the video fails. */
  MAX_WAIT_SECONDS: positiveInt.default(1200),
  SORA_POLL_INTERVAL_MS: positiveInt.default(1000),
  SORA_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  /** High enough that 50 simultaneous 10 s mock jobs run together: jobs mostly wait on Sora. */
  WORKER_CONCURRENCY: positiveInt.default(64),
  STALLED_INTERVAL_MS: positiveInt.default(30_000),
  LOCK_DURATION_MS: positiveInt.default(30_000),
  HEARTBEAT_INTERVAL_MS: positiveInt.default(2000),
})
export type WorkerConfig = z.infer<typeof WorkerEnv>
export function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const cfg = parseEnv(WorkerEnv, env)
  requireKeyInRealMode(cfg)
  return cfg
}

const MockSoraEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(4010),
  MOCK_SORA_API_KEY: z.string().min(1).default('sk-mock-sora'),
  MOCK_SORA_DURATION_S: z.coerce.number().positive().max(3600).default(10),
  MOCK_SORA_SAMPLE_VIDEO: z.string().min(1).default('fixtures/sample-video.mp4'),
  MOCK_SORA_THUMBNAIL: z.string().min(1).default('fixtures/sample-poster.jpg'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
})
export type MockSoraConfig = z.infer<typeof MockSoraEnv>
export function loadMockSoraConfig(env: NodeJS.ProcessEnv): MockSoraConfig {
  return parseEnv(MockSoraEnv, env)
}

const MockGoogleEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(4020),
  MOCK_GOOGLE_USERS: z.string().min(1).default('fixtures/users.json'),
  MOCK_GOOGLE_CLIENT_ID: z.string().min(1).default(DEFAULT_GOOGLE_CLIENT_ID),
  MOCK_GOOGLE_CLIENT_SECRET: z.string().min(1).default('aivideo-local-secret'),
  /** The issuer (`iss`) and the base of the URLs it advertises; its own origin by default. */
  MOCK_GOOGLE_ISSUER: url.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
})
export type MockGoogleConfig = z.infer<typeof MockGoogleEnv>
export function loadMockGoogleConfig(env: NodeJS.ProcessEnv): MockGoogleConfig {
  return parseEnv(MockGoogleEnv, env)
}

const WebEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(8080),
  /** The API the page talks to (and plays videos from); injected into the page at serve time. */
  API_BASE_URL: url.default('http://localhost:8000'),
  /** Google's (or mock-google's) authorization endpoint the Login button sends the browser to. */
  GOOGLE_AUTH_URL: url.default('http://localhost:4020/o/oauth2/v2/auth'),
  GOOGLE_CLIENT_ID: z.string().min(1).default(DEFAULT_GOOGLE_CLIENT_ID),
  /** `off` serves the page and bundle without `data-testid`, so that CI proves the browser suite needs none. */
  WEB_TEST_IDS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
})
export type WebConfig = z.infer<typeof WebEnv>
export function loadWebConfig(env: NodeJS.ProcessEnv): WebConfig {
  const cfg = parseEnv(WebEnv, env)
  for (const name of ['API_BASE_URL', 'GOOGLE_AUTH_URL'] as const) {
    const protocol = new URL(cfg[name]).protocol
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new ConfigError(`Invalid configuration:\n  ${name}: must be an http(s) URL, not ${protocol}`)
    }
  }
  return cfg
}

import type { SystemRole } from '../stack-options.ts'

/** What a stack changes in docker-compose.test.yml for itself, written as a second compose file. */
export interface OverrideSpec {
  /** Extra env per role (withEnv), after the compose file's own. */
  roleEnv: Record<SystemRole, Record<string, string>>
  /** A directory of this machine mounted as the API's and workers' uploads (so tests can read it). */
  uploadsDir: string
  /** Run the API and workers as this uid:gid (a non-root user can then remove what they wrote). */
  user: string | undefined
  /** Redis with an append-only file synced on every write. */
  redisPersistence: boolean
}

/** Compose interpolates `$` in values: `$$` is a literal one. */
const literal = (value: string) => value.replaceAll('$', '$$$$')

/** The override file's text: JSON, which is YAML too. */
export function composeOverride(spec: OverrideSpec): string {
  const services: Record<string, Record<string, unknown>> = {}
  for (const [role, env] of Object.entries(spec.roleEnv)) {
    if (Object.keys(env).length === 0) continue
    services[role] = {
      environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, literal(v)])),
    }
  }
  for (const role of ['api', 'worker'] as const) {
    services[role] = {
      ...services[role],
      volumes: [`${literal(spec.uploadsDir)}:/data/uploads`],
      ...(spec.user ? { user: spec.user } : {}),
    }
  }
  if (spec.redisPersistence) {
    services.redis = {
      command: [
        'redis-server',
        '--bind',
        '0.0.0.0',
        '--protected-mode',
        'no',
        '--dir',
        '/data',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
      ],
    }
  }
  return `${JSON.stringify({ services }, null, 2)}\n`
}

import { z } from 'zod'
import { http } from '../http.ts'
import { OPENAPI_PATHS } from '../target/capabilities.ts'

/**
 * What the accepted deployment says it is, when it says: its OpenAPI document's `info` (title and
 * version) and any version or commit its `/health` reports. Read once when the report is made; a
 * target that tells nothing is reported as such.
 */
export interface TargetIdentity {
  /** "AIVideo.DIY API 1.0.0 (OpenAPI info)", "commit 4a54359 (/health)", each as told. */
  told: string[]
}

const Info = z.object({ info: z.object({ title: z.string().optional(), version: z.string().optional() }) })
const HEALTH_KEYS = ['version', 'commit', 'git_sha', 'sha', 'revision', 'build'] as const

export function identityFrom(openApi: unknown, health: unknown): TargetIdentity {
  const told: string[] = []
  const info = Info.safeParse(openApi).data?.info
  if (info?.version) told.push(`${info.title ? `${info.title} ` : ''}${info.version} (OpenAPI info)`)
  if (health && typeof health === 'object')
    for (const key of HEALTH_KEYS) {
      const v = (health as Record<string, unknown>)[key]
      if (typeof v === 'string' || typeof v === 'number') told.push(`${key} ${v} (/health)`)
    }
  return { told }
}

export async function probeTargetIdentity(apiUrl: string): Promise<TargetIdentity> {
  let openApi: unknown
  for (const path of OPENAPI_PATHS) {
    const res = await http(`${apiUrl}${path}`, { timeoutMs: 5000 })
    if (res.ok && res.value.status === 200 && Info.safeParse(res.value.body).success) {
      openApi = res.value.body
      break
    }
  }
  const health = await http(`${apiUrl}/health`, { timeoutMs: 5000 })
  return identityFrom(openApi, health.ok ? health.value.body : undefined)
}

import { apiReachable } from './checks/api-reachable.ts'
import { corsPreflight } from './checks/cors-preflight.ts'
import { redisPong } from './checks/redis-pong.ts'
import { soraMode } from './checks/sora-mode.ts'
import { uploadsMounted } from './checks/uploads-mounted.ts'
import { videoFile } from './checks/video-file.ts'
import { webReachable } from './checks/web-reachable.ts'
import { workerReady } from './checks/worker-ready.ts'
import type { DoctorCheck } from './define-check.ts'

/** Every check, in the order the guide's troubleshooting asks: queue, network, video, mode. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  apiReachable,
  redisPong,
  workerReady,
  webReachable,
  corsPreflight,
  videoFile,
  uploadsMounted,
  soraMode,
]

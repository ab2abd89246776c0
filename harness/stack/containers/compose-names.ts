import type { ServiceName, WorkerName } from '../started-stack.ts'

/** A compose container's service name for the harness: `worker` number n → `worker-n`, others as named. */
export function serviceNameOf(labels: Record<string, string>): ServiceName | undefined {
  const service = labels['com.docker.compose.service']
  if (!service) return undefined
  if (service === 'worker')
    return `worker-${labels['com.docker.compose.container-number'] ?? '1'}` as WorkerName
  return service as ServiceName
}

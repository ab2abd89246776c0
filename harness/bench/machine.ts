import { cpus, freemem, loadavg, totalmem } from 'node:os'
import type { MachineInfo } from './table.ts'

/** What the numbers were measured on; the load average is taken at the start (others may be running). */
export function machineInfo(): MachineInfo {
  const [one = 0, five = 0, fifteen = 0] = loadavg()
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${process.platform} ${process.arch}, ${(freemem() / 1024 ** 3).toFixed(1)} GB free`,
    loadAverage: [one, five, fifteen],
  }
}

import { execFileSync } from 'node:child_process'

/** The short commit the working tree is at ("unknown" outside a git checkout). */
export function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

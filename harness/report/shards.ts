import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { mergePerf, readPerf } from './perf.ts'

export interface MergedShards {
  shards: number
  /** Allure test results (`*-result.json`) in the merged allure-results/. */
  allureResults: number
  /** JUnit files in the merged junit/, by name. */
  junitFiles: string[]
}

/**
 * Folds the reports/ of several shards (processes or CI machines), one directory each under `from`, into
 * `to`. Allure results are files with unique names, so they are copied side by side; a JUnit file whose
 * name another shard already used gets the shard's name appended (shards of one suite default to the same
 * name); perf.json parts are merged key by key. An artifact may hold reports/'s content directly or a
 * reports/ folder.
 */
export function mergeShards(from: string, to: string): MergedShards {
  mkdirSync(join(to, 'allure-results'), { recursive: true })
  mkdirSync(join(to, 'junit'), { recursive: true })
  let shards = 0
  for (const name of readdirSync(from).sort()) {
    const shard = join(from, name)
    if (!statSync(shard).isDirectory()) continue
    const root = existsSync(join(shard, 'reports')) ? join(shard, 'reports') : shard
    if (existsSync(join(root, 'allure-results')))
      cpSync(join(root, 'allure-results'), join(to, 'allure-results'), { recursive: true })
    if (existsSync(join(root, 'junit'))) {
      for (const file of readdirSync(join(root, 'junit'))) {
        const taken = existsSync(join(to, 'junit', file))
        const ext = extname(file)
        const target = taken ? `${basename(file, ext)}-${name}${ext}` : file
        cpSync(join(root, 'junit', file), join(to, 'junit', target))
      }
    }
    if (existsSync(join(root, 'perf.json')))
      mergePerf(join(to, 'perf.json'), readPerf(join(root, 'perf.json')))
    shards += 1
  }
  return {
    shards,
    allureResults: readdirSync(join(to, 'allure-results')).filter((f) => f.endsWith('-result.json')).length,
    junitFiles: readdirSync(join(to, 'junit')).sort(),
  }
}

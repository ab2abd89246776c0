import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { mergePerf, readPerf } from './perf.ts'

/**
 * `node --import tsx harness/report/merge-shards.ts SHARDS_DIR REPORTS_DIR`: folds the reports/ of
 * several shards (processes or CI machines) into one. Allure results are files with unique names, so
 * they are copied side by side; JUnit files keep their per-shard names; perf.json parts are merged.
 */
const [from, to] = process.argv.slice(2).map((p) => resolve(p))
if (!from || !to) {
  console.error('usage: merge-shards.ts SHARDS_DIR REPORTS_DIR')
  process.exit(2)
}
mkdirSync(join(to, 'allure-results'), { recursive: true })
mkdirSync(join(to, 'junit'), { recursive: true })
let shards = 0
for (const name of readdirSync(from)) {
  const shard = join(from, name)
  if (!statSync(shard).isDirectory()) continue
  // An artifact may hold reports/'s content directly, or a reports/ folder.
  const root = existsSync(join(shard, 'reports')) ? join(shard, 'reports') : shard
  for (const dir of ['allure-results', 'junit']) {
    if (existsSync(join(root, dir))) cpSync(join(root, dir), join(to, dir), { recursive: true })
  }
  if (existsSync(join(root, 'perf.json'))) mergePerf(join(to, 'perf.json'), readPerf(join(root, 'perf.json')))
  shards += 1
}
const results = readdirSync(join(to, 'allure-results')).filter((f) => f.endsWith('-result.json')).length
console.log(`merged ${shards} shard(s) into ${to}: ${results} Allure results`)

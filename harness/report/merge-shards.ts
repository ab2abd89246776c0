import { resolve } from 'node:path'
import { mergeShards } from './shards.ts'

/**
 * `node --import tsx harness/report/merge-shards.ts SHARDS_DIR REPORTS_DIR`: folds the reports/ of
 * several shards (processes or CI machines), one directory each under SHARDS_DIR, into REPORTS_DIR.
 */
const [from, to] = process.argv.slice(2).map((p) => resolve(p))
if (!from || !to) {
  console.error('usage: merge-shards.ts SHARDS_DIR REPORTS_DIR')
  process.exit(2)
}
const merged = mergeShards(from, to)
console.log(
  `merged ${merged.shards} shard(s) into ${to}: ${merged.allureResults} Allure results, JUnit ${merged.junitFiles.join(', ') || 'none'}`,
)

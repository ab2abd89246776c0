/** The autocannon load runner lives in harness/load.ts (npm run bench uses it too). */
export { type LoadOptions, type LoadResult, loadRate, percentile, runLoad } from '../../harness/load.ts'

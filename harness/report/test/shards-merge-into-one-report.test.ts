import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { mergeShards } from '../shards.ts'

const dir = mkdtempSync(join(tmpdir(), 'shards-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function shard(path: string, results: string[], junit: Record<string, string>, perf?: object) {
  mkdirSync(join(path, 'allure-results'), { recursive: true })
  mkdirSync(join(path, 'junit'), { recursive: true })
  for (const uuid of results) {
    writeFileSync(join(path, 'allure-results', `${uuid}-result.json`), JSON.stringify({ uuid, name: uuid }))
    writeFileSync(join(path, 'allure-results', `${uuid}-attachment.txt`), 'log')
  }
  for (const [name, xml] of Object.entries(junit)) writeFileSync(join(path, 'junit', name), xml)
  if (perf) writeFileSync(join(path, 'perf.json'), JSON.stringify(perf))
}

it('folds every shard’s Allure results, JUnit files and perf keys into one reports dir', () => {
  const from = join(dir, 'shards')
  const to = join(dir, 'reports')
  shard(join(from, '1'), ['a', 'b'], { 'e2e.xml': '<testsuites id="1"/>' }, { click_to_playing_s: 14.2 })
  // A CI artifact: reports/ inside the shard's folder.
  shard(join(from, '2', 'reports'), ['c'], { 'e2e.xml': '<testsuites id="2"/>' }, { poll_interval_s: 5.01 })
  shard(join(from, '3'), ['d'], { 'api.xml': '<testsuites id="api"/>' })
  writeFileSync(join(from, 'stray-file.txt'), 'not a shard')

  const merged = mergeShards(from, to)

  expect(merged).toEqual({ shards: 3, allureResults: 4, junitFiles: ['api.xml', 'e2e-2.xml', 'e2e.xml'] })
  expect(readdirSync(join(to, 'allure-results')).filter((f) => f.endsWith('-attachment.txt'))).toHaveLength(4)
  // Same-named JUnit files of two shards are both kept.
  expect(readFileSync(join(to, 'junit', 'e2e.xml'), 'utf8')).toContain('id="1"')
  expect(readFileSync(join(to, 'junit', 'e2e-2.xml'), 'utf8')).toContain('id="2"')
  expect(JSON.parse(readFileSync(join(to, 'perf.json'), 'utf8'))).toEqual({
    click_to_playing_s: 14.2,
    poll_interval_s: 5.01,
  })
})

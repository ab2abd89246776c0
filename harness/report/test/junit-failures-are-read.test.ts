import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { junitFailures } from '../junit.ts'

const dir = mkdtempSync(join(tmpdir(), 'junit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('reads the failed and errored test cases of every JUnit file, with their first message line', () => {
  writeFileSync(
    join(dir, 'contracts.xml'),
    `<testsuites><testsuite name="s">
      <testcase classname="c" name="passes &amp; stays green" time="1"></testcase>
      <testcase classname="c" name="verifies the &quot;video_url&quot;" time="1"><failure message="Actual map is missing video_url&#10;more" type="AssertionError">trace</failure></testcase>
      <testcase classname="c" name="crashes" time="1"><error message="boom"/></testcase>
      <testcase classname="c" name="skipped" time="0"><skipped/></testcase>
    </testsuite></testsuites>`,
  )
  writeFileSync(join(dir, 'notes.txt'), '<testcase name="ignored"><failure/></testcase>')
  expect(junitFailures(dir)).toEqual([
    { file: 'contracts.xml', name: 'verifies the "video_url"', message: 'Actual map is missing video_url' },
    { file: 'contracts.xml', name: 'crashes', message: 'boom' },
  ])
  expect(junitFailures(join(dir, 'missing'))).toEqual([])
})

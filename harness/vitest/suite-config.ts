import { configDefaults, defineConfig, type TestUserConfig, type ViteUserConfig } from 'vitest/config'
import { reportsDir } from '../reports-dir.ts'
import { skipReasonToStatus } from './allure-skip-listener.ts'
import SkippedSummaryReporter from './skipped-summary-reporter.ts'

/** Some of a suite's files; a suite's groups run one after another, in the order given. */
export interface FileGroup {
  name: string
  include: string[]
  exclude?: string[]
  /** At most this many files of the group run side by side (1: one at a time). */
  maxWorkers: number
  /** A global setup only this group needs (e.g. the run's throwaway Redis and PostgreSQL). */
  globalSetup?: string[]
}

export interface SuiteOptions {
  /** `reports/junit/<junit>.xml` (REPORTS_DIR moves it) and the Allure results; none: the console only. */
  reports?: { junit: string; suiteName: string }
  /** Runs once before the suite's first group, e.g. the stack every test of the suite shares. */
  globalSetup?: string[]
  testTimeout: number
  hookTimeout: number
  /**
   * Each fork runs file after file without loading supertest, pg, BullMQ, Pact and the schemas again for
   * each: for suites whose fixtures are per file or per test, so nothing leaks between files.
   */
  reuseForks?: boolean
  groups: [FileGroup, ...FileGroup[]]
}

/**
 * The one way a vitest config of this repo is made (vitest*.config.ts): forks on two shared cores, the
 * suite's timeouts, its groups in order, and the same reporters for every suite that reports: the
 * console, the skipped tests with their reasons, JUnit, and Allure with each skip's reason as its status.
 */
export function suiteConfig(suite: SuiteOptions): ViteUserConfig {
  const forks = {
    pool: 'forks' as const,
    testTimeout: suite.testTimeout,
    hookTimeout: suite.hookTimeout,
    ...(suite.reuseForks ? { isolate: false } : {}),
  }
  const files = (group: FileGroup) => ({
    include: group.include,
    exclude: [...configDefaults.exclude, ...(group.exclude ?? [])],
    maxWorkers: group.maxWorkers,
  })
  const [first, ...rest] = suite.groups
  const groups =
    rest.length === 0
      ? { ...files(first), globalSetup: [...(suite.globalSetup ?? []), ...(first.globalSetup ?? [])] }
      : {
          globalSetup: suite.globalSetup ?? [],
          projects: suite.groups.map((group, order) => ({
            test: {
              ...forks,
              ...files(group),
              name: group.name,
              globalSetup: group.globalSetup ?? [],
              sequence: { groupOrder: order },
            },
          })),
        }
  return defineConfig({ test: { ...forks, ...groups, reporters: reportersOf(suite.reports) } })
}

function reportersOf(reports: SuiteOptions['reports']): NonNullable<TestUserConfig['reporters']> {
  if (!reports) return ['default']
  const dir = reportsDir()
  return [
    'default',
    new SkippedSummaryReporter(),
    ['junit', { outputFile: `${dir}/junit/${reports.junit}.xml`, suiteName: reports.suiteName }],
    ['allure-vitest/reporter', { resultsDir: `${dir}/allure-results`, listeners: [skipReasonToStatus] }],
  ]
}

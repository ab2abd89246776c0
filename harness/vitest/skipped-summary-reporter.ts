import type { Reporter, TestModule } from 'vitest/node'

/**
 * Lists every skipped test with its reason after the run (the default reporter only counts them), so
 * that a target-mode run shows what it could not check and why.
 */
export default class SkippedSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = []
    for (const mod of testModules) {
      for (const test of mod.children.allTests('skipped')) {
        const result = test.result()
        const note = result.state === 'skipped' ? result.note : undefined
        lines.push(
          `  ↓ ${test.module.relativeModuleId} › ${test.fullName}\n      reason: ${note ?? 'skipped'}`,
        )
      }
    }
    if (lines.length === 0) return
    process.stdout.write(`\nSkipped (${lines.length}):\n${lines.join('\n')}\n`)
  }
}

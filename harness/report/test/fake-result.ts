import type { TestResult } from '../results.ts'

/** A test result as readAllureResults makes it: checklist IDs from the name's `@ID` tokens. */
export const fakeResult =
  (suite: string) =>
  (name: string, status: TestResult['status'], message: string | null = null): TestResult => ({
    uuid: name,
    name,
    fullName: name,
    status,
    message,
    ids: [...name.matchAll(/@([A-Z]+-\d{2})/g)].map((m) => m[1]!),
    suite,
    durationMs: 1,
    parameters: {},
    differences: [],
  })

import type { TestResult } from 'allure-js-commons'
import { SKIP_REASON } from './skip.ts'

/** vitest's skip note does not reach Allure: copy the reason a test recorded into its status message. */
export const skipReasonToStatus = {
  beforeTestResultWrite(result: TestResult) {
    const reason = result.parameters.find((p) => p.name === SKIP_REASON)?.value
    if (result.status === 'skipped' && reason)
      result.statusDetails = { ...result.statusDetails, message: reason }
  },
}

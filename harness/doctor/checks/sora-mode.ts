import { defineCheck, fail, fixFor, pass, skip } from '../define-check.ts'

/** The guide's "mock not enabled?": the API's Sora mode (its banner, reported by /health) is the one expected. */
export const soraMode = defineCheck(
  { id: 'sora-mode', title: 'Mock/real Sora mode as configured', checklistId: 'DIAG-04' },
  async (ctx) => {
    const health = await ctx.health()
    if (!health.ok) return skip(`the API's /health is not answering (${health.detail})`)
    const mock = health.value.health.mock_sora
    if (mock === undefined)
      return skip(
        "not offered: the API's /health does not report its Sora mode (mock_sora), and its start-up banner is in a log the doctor cannot read",
      )
    const expected = ctx.options.expectMock
    if (mock === expected)
      return pass(
        mock
          ? 'mock mode on: the API runs the mock Sora (banner: USING MOCK SORA SERVICE FOR TESTING)'
          : 'real mode, as expected: the API uses OpenAI Sora 2 (banner: USING REAL OPENAI SORA 2 SERVICE)',
      )
    return mock
      ? fail(
          'the API runs the MOCK Sora but real mode was expected',
          fixFor(
            ctx,
            'set USE_MOCK_SORA=false and OPENAI_API_KEY=sk-... (OPENAI_BASE_URL for a compatible provider), then restart the API and the worker',
            `the API at ${ctx.options.apiUrl} reports mock_sora: true: it makes no real videos`,
          ),
        )
      : fail(
          'the API runs the REAL Sora but mock mode was expected (its banner says USING REAL OPENAI SORA 2 SERVICE)',
          fixFor(
            ctx,
            'set USE_MOCK_SORA=true in .env and restart the API and the worker; the banner must say USING MOCK SORA SERVICE FOR TESTING',
            `the API at ${ctx.options.apiUrl} reports mock_sora: false: every video calls the real Sora (and costs)`,
          ),
        )
  },
)

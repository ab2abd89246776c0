/** The PM report's words, in the guide's two languages (REPORT_LANG=en|zh). */
export type Lang = 'en' | 'zh'

export const WORDS = {
  en: {
    title: 'Mock Sora 2 API test report',
    time: 'Test time',
    tester: 'Tester',
    environment: 'Environment',
    results: 'Results',
    performance: 'Performance',
    problems: 'Problems',
    none: 'none',
    conclusion: 'Conclusion',
    pass: 'mock API test passed; frontend and backend integrate correctly; ready for real-API testing.',
    fail: (n: number) => `mock API test failed: ${n} item(s) need attention (see Problems).`,
    notRunNote: (n: number) =>
      `${n} item(s) not run here (needing stack control, not offered by the target, or left out of the run; each says why): not counted as passed.`,
    groups: {
      services: 'services start',
      login: 'login',
      image: 'image selection',
      generation: 'video generation',
      logs: 'log output complete',
      playback: 'video playback',
      credits: 'credit deduction',
    },
    verdict: {
      passed: 'passed',
      failed: 'failed',
      not_run: 'not run',
      uncovered: 'no test',
    },
    table: { id: 'ID', item: 'Item', result: 'Result', evidence: 'Evidence' },
    perfTable: { figure: 'Figure', threshold: 'Threshold', measured: 'Measured', result: 'Result' },
    figures: {
      apiGet: 'API response, GET /videos/{id} (p50 / p95 / p99)',
      apiGenerate: 'API response, POST /videos/generate (p50 / p95 / p99)',
      generation: 'Generation time',
      clickToPlaying: 'Click to playing',
      poll: 'Poll interval (poll mode)',
      push: 'Push latency (SSE mode)',
      loadMixed: 'Mixed load, 200 requests/s for 30 s (p50 / p95 / p99)',
      size: 'Video file size',
    },
    reliability: {
      title: 'Reliability, security and bad input',
      scenario: 'Scenario',
      summary: (passed: number, total: number) => `${passed} of ${total} scenarios passed`,
    },
    reported: 'reported',
    details: 'Full results: Allure report',
    bench: 'Benchmark against our own targets (npm run bench)',
    differences: {
      title: 'Differences from the reference API',
      note: (n: number) =>
        `${n} place(s) where the deployment differs from the reference system's API (its schemas, exact texts, status codes, optional features). Not failures of the guide's items; \`npm run gate -- --strict-conformance\` fails on them.`,
    },
  },
  zh: {
    title: 'Mock Sora 2 API 测试报告',
    time: '测试时间',
    tester: '测试人员',
    environment: '测试环境',
    results: '测试结果',
    performance: '性能数据',
    problems: '发现问题',
    none: '无',
    conclusion: '结论',
    pass: 'Mock API 测试通过，前后端集成正常，可以进行真实 API 测试。',
    fail: (n: number) => `Mock API 测试未通过：${n} 项需要处理（见发现问题）。`,
    notRunNote: (n: number) =>
      `${n} 项在此未运行（需要控制测试栈、目标未提供或本次未包含，各有原因），不计为通过。`,
    groups: {
      services: '服务启动',
      login: '登录',
      image: '图片选择',
      generation: '视频生成',
      logs: '日志输出完整',
      playback: '视频播放',
      credits: '积分扣除',
    },
    verdict: { passed: '通过', failed: '失败', not_run: '未运行', uncovered: '没有测试' },
    table: { id: '编号', item: '检查项', result: '结果', evidence: '依据' },
    perfTable: { figure: '指标', threshold: '阈值', measured: '实测', result: '结果' },
    figures: {
      apiGet: 'API 响应时间，GET /videos/{id}（p50 / p95 / p99）',
      apiGenerate: 'API 响应时间，POST /videos/generate（p50 / p95 / p99）',
      generation: '视频生成时间',
      clickToPlaying: '点击到开始播放',
      poll: '轮询间隔（轮询模式）',
      push: '推送延迟（SSE 模式）',
      loadMixed: '混合负载，每秒 200 个请求，持续 30 秒（p50 / p95 / p99）',
      size: '视频文件大小',
    },
    reliability: {
      title: '可靠性、安全与错误输入',
      scenario: '场景',
      summary: (passed: number, total: number) => `${total} 个场景中 ${passed} 个通过`,
    },
    reported: '仅报告',
    details: '完整结果：Allure 报告',
    bench: '性能基准，对照我们自己的目标（npm run bench）',
    differences: {
      title: '与参考实现 API 的差异',
      note: (n: number) =>
        `被测部署与参考系统 API 有 ${n} 处不同（模式、确切文本、状态码、可选功能）。这些不算指南检查项失败；\`npm run gate -- --strict-conformance\` 会因此判为不通过。`,
    },
  },
} as const

export type Words = (typeof WORDS)[Lang]

/** Area names in Chinese; English ones come from checklist.yaml. */
export const AREA_ZH: Record<string, string> = {
  FE: '前端',
  BE: '后端',
  API: 'API',
  OK: '成功标准',
  PERF: '性能',
  DIAG: '诊断',
  MODE: '模式',
  REL: '可靠性',
  SEC: '安全',
  BAD: '错误输入',
}

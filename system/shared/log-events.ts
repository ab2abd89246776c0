/**
 * The catalogue of structured log events. Each service writes one JSON line per event (pino), with
 * `event` set to one of these names and ids as fields; `msg` carries the guide's human-readable text.
 * Tests and reports match on `event`, never on message text.
 */
export const LogEvent = {
  // API (the guide's "API terminal")
  apiBanner: 'api.banner',
  apiStarting: 'api.starting',
  apiReady: 'api.ready',
  httpRequest: 'http.request',
  videoQueued: 'video.generate.queued',
  queueUnavailable: 'video.generate.queue_unavailable',
  // Worker (the guide's "Worker terminal"), in the order one video goes through them
  workerConnected: 'worker.connected',
  workerReady: 'worker.ready',
  jobReceived: 'video.job.received',
  jobStarted: 'video.job.started',
  videoDetails: 'video.details',
  statusProcessing: 'video.status.processing',
  soraCallStarted: 'sora.call.started',
  imageFetched: 'image.fetched',
  soraJobCreated: 'sora.job.created',
  soraJobProgress: 'sora.job.progress',
  outputPrepared: 'video.output.prepared',
  fileReady: 'video.file.ready',
  generationResult: 'video.generation.result',
  jobCompleted: 'video.job.completed',
  jobFailed: 'video.job.failed',
  jobRetrying: 'video.job.retrying',
  videoRefunded: 'video.refunded',
  jobFinished: 'video.job.finished',
  // mock-sora (the guide's five-step mock block)
  mockParameters: 'mock.sora.parameters',
  mockStep1Image: 'mock.sora.step1.image',
  mockStep2Submitted: 'mock.sora.step2.submitted',
  mockStep3Progress: 'mock.sora.step3.progress',
  mockStep4Output: 'mock.sora.step4.output',
  mockStep5Ready: 'mock.sora.step5.ready',
  mockDone: 'mock.sora.done',
  mockFailed: 'mock.sora.failed',
  mockFault: 'mock.sora.fault',
  mockReset: 'mock.sora.reset',
  // mock-google
  googleAuthorized: 'mock.google.authorized',
  googleToken: 'mock.google.token',
  // web
  webBundleBuilt: 'web.bundle.built',
  // every service
  serviceListening: 'service.listening',
  serviceStopping: 'service.stopping',
} as const
export type LogEventName = (typeof LogEvent)[keyof typeof LogEvent]

/** The worker events one successful video produces, in the guide's order (the suites assert it). */
export const WORKER_SUCCESS_SEQUENCE: readonly LogEventName[] = [
  LogEvent.jobReceived,
  LogEvent.jobStarted,
  LogEvent.videoDetails,
  LogEvent.statusProcessing,
  LogEvent.soraCallStarted,
  LogEvent.imageFetched,
  LogEvent.soraJobCreated,
  LogEvent.soraJobProgress,
  LogEvent.outputPrepared,
  LogEvent.fileReady,
  LogEvent.generationResult,
  LogEvent.jobCompleted,
  LogEvent.jobFinished,
]

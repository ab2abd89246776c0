import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser } from '@playwright/test'
import { reportsDir } from '../reports-dir.ts'
import { StackBuilder } from '../stack/stack-builder.ts'
import type { StartedStack } from '../stack/started-stack.ts'
import { apiFigures } from './api-figures.ts'
import { launchChromium } from './browser.ts'
import { concurrencyFigures } from './concurrency.ts'
import { acceptanceFigures, bringUpFigure } from './harness-figures.ts'
import { fileBytes, largeSample, largeVideoFigures } from './large-video.ts'
import { machineInfo } from './machine.ts'
import { pushVsPollFigures } from './push-vs-poll.ts'
import { benchSettings } from './settings.ts'
import {
  type BenchFigure,
  type BenchReport,
  consoleLine,
  type JudgedFigure,
  judge,
  renderMarkdown,
} from './table.ts'

/**
 * `npm run bench`: the guide's figures measured against our targets, each over `runs` runs, on local
 * stacks of its own (free ports, throwaway Redis and PostgreSQL). Writes reports/bench.json and
 * reports/bench.md after every figure (a crash leaves what was measured), logs each figure as it
 * finishes. The budget (< 5 min) is in settings.ts; `BENCH_QUICK=1` runs a short version.
 * Exits 0 when the bench ran, whatever the figures say (the table says it); 1 when it could not run.
 */
const REPORTS = reportsDir()
const settings = benchSettings()
const machine = machineInfo()
const startedAt = new Date()
const figures: JudgedFigure[] = []
const live = new Set<StartedStack>()

function write(): BenchReport {
  const bench: BenchReport = {
    startedAt: startedAt.toISOString(),
    wallS: (Date.now() - startedAt.getTime()) / 1000,
    mode: settings.mode,
    machine,
    figures,
  }
  mkdirSync(REPORTS, { recursive: true })
  writeFileSync(join(REPORTS, 'bench.json'), `${JSON.stringify(bench, null, 2)}\n`)
  writeFileSync(join(REPORTS, 'bench.md'), renderMarkdown(bench))
  return bench
}

function report(figure: BenchFigure): void {
  const judged = judge(figure)
  figures.push(judged)
  console.log(consoleLine(judged))
  write()
}

/** Runs one figure group; a group that throws is reported as not measured, with the reason. */
async function group(name: string, run: () => Promise<void>): Promise<void> {
  const t0 = Date.now()
  console.log(`\n━━ bench: ${name} ━━`)
  try {
    await run()
  } catch (err) {
    console.error(`bench: ${name} failed: ${(err as Error).stack ?? err}`)
    report({
      group: name,
      name: '(group failed)',
      unit: '',
      target: null,
      guide: null,
      runs: [],
      note: String((err as Error).message),
    })
  }
  console.log(`   ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

/** `BENCH_ONLY=api,push,concurrency,large,harness` runs only those groups (development). */
const only = process.env.BENCH_ONLY?.split(',').map((g) => g.trim())
const want = (g: 'api' | 'push' | 'concurrency' | 'large' | 'harness') => !only || only.includes(g)

const bringUps: number[] = []
async function startStack(builder: StackBuilder): Promise<StartedStack> {
  const t0 = Date.now()
  const stack = await builder.start()
  bringUps.push((Date.now() - t0) / 1000)
  live.add(stack)
  console.log(`   stack up in ${bringUps.at(-1)!.toFixed(1)} s (${stack.urls.api})`)
  return stack
}
async function stopStack(stack: StartedStack): Promise<void> {
  live.delete(stack)
  await stack.stop()
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping ${live.size} stack(s)`)
    void Promise.allSettled([...live].map((s) => s.stop())).then(() => process.exit(130))
  })

console.log(
  `bench: ${settings.mode} mode, ${settings.runs} run(s) per figure · ${machine.cpus} CPUs · load ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
)
let browser: Browser | undefined
try {
  if (want('push') || want('large')) browser = await launchChromium()
  if (want('api') || want('push') || want('concurrency')) {
    const main = await startStack(
      new StackBuilder()
        .withDriver('local')
        .withSoraDurationS(settings.soraDurationS)
        // Every generate of the API load is a request of one of 50 users: no per-user limit.
        .withEnv({ GENERATE_RATE_LIMIT_PER_MIN: '0' }, 'api'),
    )
    try {
      if (want('api')) await group('API', () => apiFigures(main, settings, report))
      if (want('push')) await group('push vs poll', () => pushVsPollFigures(main, browser!, settings, report))
      if (want('concurrency')) await group('concurrency', () => concurrencyFigures(main, settings, report))
    } finally {
      await stopStack(main)
    }
  }

  if (want('large'))
    await group('large video', async () => {
      const sample = resolve(await largeSample(settings.largeVideo.sizeMb))
      const stack = await startStack(
        new StackBuilder()
          .withDriver('local')
          .withSoraDurationS(settings.largeVideo.soraDurationS)
          .withEnv({ MOCK_SORA_SAMPLE_VIDEO: sample }, 'mock-sora'),
      )
      try {
        await largeVideoFigures(stack, browser!, settings, fileBytes(sample), report)
      } finally {
        await stopStack(stack)
      }
    })

  if (want('harness'))
    await group('harness', async () => {
      // Two stacks are up by now; a bare start and stop for the third run of the bring-up figure.
      while (bringUps.length < settings.runs)
        await stopStack(await startStack(new StackBuilder().withDriver('local')))
      report(bringUpFigure(bringUps))
      for (const f of acceptanceFigures(join(REPORTS, 'acceptance-runs.json'))) report(f)
    })
} catch (err) {
  console.error(`bench: could not run: ${(err as Error).stack ?? err}`)
  process.exitCode = 1
} finally {
  await browser?.close()
  await Promise.allSettled([...live].map((s) => stopStack(s)))
}

const final = write()
const judged = final.figures.filter((f) => f.verdict === 'passed' || f.verdict === 'failed')
console.log(
  `\nbench: ${judged.filter((f) => f.verdict === 'passed').length}/${judged.length} targets met in ${final.wallS.toFixed(0)} s${settings.mode === 'quick' ? ' (quick mode: not comparable)' : ''}`,
)
console.log(`bench: ${join(REPORTS, 'bench.md')} · ${join(REPORTS, 'bench.json')}`)

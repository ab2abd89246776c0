import { describe, expect, it } from 'vitest'
import { formatCounter, formatCredits } from '../src/client/format.ts'
import { progressText, statusLine } from '../src/client/progress.ts'
import { checkPrompt, counterState } from '../src/client/prompt.ts'
import { video } from './helpers.ts'

describe('credits as the navbar shows them', () => {
  it('always has one decimal', () => {
    expect(formatCredits(100)).toBe('100.0')
    expect(formatCredits(90)).toBe('90.0')
    expect(formatCredits(0)).toBe('0.0')
    expect(formatCredits(12.5)).toBe('12.5')
    expect(formatCredits(Number.NaN)).toBe('—')
  })
})

describe('the prompt rule (10..500 characters, trimmed)', () => {
  it('asks for a prompt when there is none', () => {
    expect(checkPrompt('')).toMatchObject({ ok: false, reason: 'missing', message: 'Please enter a prompt' })
    expect(checkPrompt('   \n ')).toMatchObject({ ok: false, reason: 'missing' })
  })

  it('refuses fewer than 10 characters after trimming, saying how many there are', () => {
    expect(checkPrompt('  123456789  ')).toMatchObject({
      ok: false,
      reason: 'too_short',
      message: 'Prompt is too short: at least 10 characters (now 9)',
    })
  })

  it('accepts 10 to 500 characters, trimmed', () => {
    expect(checkPrompt(' 1234567890 ')).toEqual({ ok: true, prompt: '1234567890' })
    expect(checkPrompt('x'.repeat(500))).toMatchObject({ ok: true })
    expect(checkPrompt('x'.repeat(501))).toMatchObject({ ok: false, reason: 'too_long' })
  })

  it('counts characters as the API does, in code points: an emoji is one', () => {
    expect(checkPrompt('🎬'.repeat(10))).toMatchObject({ ok: true })
    expect(checkPrompt('🎬'.repeat(9))).toMatchObject({ ok: false, reason: 'too_short' })
    expect(checkPrompt('🎬'.repeat(500))).toMatchObject({ ok: true })
    expect(checkPrompt('🎬'.repeat(501))).toMatchObject({ ok: false, reason: 'too_long' })
    expect(counterState('🎬'.repeat(9))).toBe('short')
  })

  it('drives the live counter', () => {
    expect(formatCounter(42, 500)).toBe('42/500')
    expect(counterState('')).toBe('empty')
    expect(counterState('short')).toBe('short')
    expect(counterState('long enough')).toBe('ok')
  })
})

describe('progress texts', () => {
  it('says "Starting..." until processing, then the percentage', () => {
    expect(progressText(null)).toBe('Starting...')
    expect(progressText(video())).toBe('Starting...')
    expect(progressText(video({ status: 'processing', progress: 40 }))).toBe(
      'Video generation in progress... 40%',
    )
  })

  it('gives the status bar a line and a percentage per state', () => {
    expect(statusLine({ phase: 'idle' })).toEqual({ text: 'Ready', percent: 0 })
    expect(statusLine({ phase: 'loading', prompt: 'p', video: null })).toEqual({
      text: 'Submitting...',
      percent: 0,
    })
    expect(
      statusLine({ phase: 'loading', prompt: 'p', video: video({ status: 'processing', progress: 70 }) }),
    ).toEqual({ text: 'Video #7: processing', percent: 70 })
    expect(statusLine({ phase: 'success', video: video({ status: 'completed' }) }).percent).toBe(100)
  })
})

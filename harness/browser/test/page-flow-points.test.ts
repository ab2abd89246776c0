import { describe, expect, it } from 'vitest'
import { pageFlowPoints, type TimelineEvent } from '../page-timeline.ts'

const at = (t: number, kind: TimelineEvent['kind'], value = ''): TimelineEvent => ({ t, kind, value })

describe("the guide walk's points from the page's timeline", () => {
  it('measures each from the Generate click: credits changing, processing shown, success, playing', () => {
    const events = [
      at(900, 'credits', '100'),
      at(950, 'progress-text', ''),
      at(1000, 'generate-click'),
      at(1005, 'button', 'disabled:Generating...'),
      at(1040, 'progress-text', 'Starting...'),
      at(1100, 'credits', '90'),
      at(1400, 'progress-text', 'Video generation in progress... 0%'),
      at(1500, 'progress-text', 'Video generation in progress... 10%'),
      at(11_600, 'phase', 'success'),
      at(11_900, 'video-playing', '0'),
      at(12_050, 'video-advancing', '0.2'),
    ]
    expect(pageFlowPoints(events)).toEqual({
      credits_shown_ms: 100,
      processing_ms: 400,
      shown_ms: 10_600,
      playing_ms: 11_050,
    })
  })

  it('leaves out what the page never showed, and everything without a click', () => {
    const events = [at(0, 'credits', '100'), at(10, 'generate-click'), at(50, 'progress-text', 'Starting...')]
    expect(pageFlowPoints(events)).toEqual({})
    expect(pageFlowPoints([at(0, 'phase', 'success')])).toEqual({})
  })
})

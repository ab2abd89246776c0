import { esc } from '../escape.ts'

/**
 * The report's verdicts drawn, not typed: each is a shape and a colour of its own, followed by its
 * word, so that it reads without emoji fonts, in print and for colour-blind readers (the shapes
 * differ, not only the colours).
 */
export type Mark = 'passed' | 'failed' | 'not_run' | 'uncovered' | 'differs'

export const MARK_COLOR: Record<Mark, string> = {
  passed: '#15803d',
  failed: '#dc2626',
  not_run: '#6b7280',
  uncovered: '#7c3aed',
  differs: '#d97706',
}

/** Each shape on a 16×16 grid: a disc with a tick, a square with a cross, a ring with a bar, a dashed
 * square with a dot, a triangle with "≠". */
const SHAPE: Record<Mark, (c: string) => string> = {
  passed: (c) =>
    `<circle cx="8" cy="8" r="7.5" fill="${c}"/><path d="M4.2 8.3l2.5 2.5 5-5.3" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
  failed: (c) =>
    `<rect x=".5" y=".5" width="15" height="15" rx="3" fill="${c}"/><path d="M5 5l6 6M11 5l-6 6" stroke="#fff" stroke-width="2" stroke-linecap="round"/>`,
  not_run: (c) =>
    `<circle cx="8" cy="8" r="6.5" fill="#fff" stroke="${c}" stroke-width="2"/><path d="M4.8 8h6.4" stroke="${c}" stroke-width="2" stroke-linecap="round"/>`,
  uncovered: (c) =>
    `<rect x="1.5" y="1.5" width="13" height="13" rx="2" fill="#fff" stroke="${c}" stroke-width="2" stroke-dasharray="3 2"/><circle cx="8" cy="8" r="2" fill="${c}"/>`,
  differs: (c) =>
    `<path d="M8 .8l7.4 13.6H.6z" fill="${c}" stroke="${c}" stroke-linejoin="round"/><path d="M5 8.6h6M5 11.4h6M9.6 6.6l-3.2 6.6" stroke="#fff" stroke-width="1.4" stroke-linecap="round"/>`,
}

/** The shape alone (the word beside it says the same: the shape is hidden from screen readers). */
export function verdictMark(mark: Mark, size = 16): string {
  return `<svg class="mark" width="${size}" height="${size}" viewBox="0 0 16 16" aria-hidden="true">${SHAPE[mark](MARK_COLOR[mark])}</svg>`
}

/** The shape and its word, as the report shows every verdict. */
export function verdictBadge(mark: Mark, word: string): string {
  return `<span class="verdict v-${mark}">${verdictMark(mark)}<span>${esc(word)}</span></span>`
}

/** The same mark placed inside a chart (an SVG `<g>` at x, y, top-left). */
export function markAt(mark: Mark, x: number, y: number, size = 14): string {
  return `<g transform="translate(${x} ${y}) scale(${size / 16})">${SHAPE[mark](MARK_COLOR[mark])}</g>`
}

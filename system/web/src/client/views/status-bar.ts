import { byTestId } from '../dom.ts'
import { statusLine } from '../progress.ts'
import type { AppState, Store } from '../state.ts'

/** The bottom bar: what is happening and how far along. */
export function mountStatusBar(store: Store<AppState>) {
  const bar = byTestId('status-bar')
  const text = byTestId('status-text')
  const progress = byTestId<HTMLProgressElement>('status-progress')
  const percent = byTestId('status-percent')
  const render = (s: AppState) => {
    const line = statusLine(s.generation)
    text.textContent = line.text
    progress.value = line.percent
    percent.textContent = `${line.percent}%`
    bar.dataset.phase = s.generation.phase
  }
  store.subscribe((s, prev) => {
    if (s.generation !== prev.generation) render(s)
  })
  render(store.get())
}

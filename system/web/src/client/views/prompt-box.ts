import { byTestId } from '../dom.ts'
import { formatCounter } from '../format.ts'
import { counterState, PROMPT_MAX, promptLength } from '../prompt.ts'
import { type AppState, isGenerating, type Store } from '../state.ts'

/** The prompt with its live counter, and the Generate button ("Generating..." and disabled meanwhile). */
export function mountPromptBox(store: Store<AppState>, actions: { generate(): void }) {
  const form = byTestId<HTMLFormElement>('generate-form')
  const textarea = byTestId<HTMLTextAreaElement>('prompt-input')
  const counter = byTestId('prompt-counter')
  const button = byTestId<HTMLButtonElement>('generate-button')
  textarea.maxLength = PROMPT_MAX

  textarea.addEventListener('input', () => store.set({ prompt: textarea.value }))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    actions.generate()
  })
  // Ctrl/Cmd+Enter generates from inside the text box.
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      actions.generate()
    }
  })

  const renderPrompt = (prompt: string) => {
    counter.textContent = formatCounter(promptLength(prompt), PROMPT_MAX)
    counter.dataset.state = counterState(prompt)
  }
  const renderButton = (busy: boolean) => {
    button.disabled = busy
    button.textContent = busy ? 'Generating...' : 'Generate'
    button.setAttribute('aria-busy', String(busy))
  }
  store.subscribe((s, prev) => {
    if (s.prompt !== prev.prompt) renderPrompt(s.prompt)
    if (s.generation !== prev.generation) renderButton(isGenerating(s))
  })
  renderPrompt(store.get().prompt)
  renderButton(isGenerating(store.get()))
}

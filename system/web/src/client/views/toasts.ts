import { el } from '../dom.ts'

export type ToastKind = 'error' | 'info' | 'success'

const MAX_VISIBLE = 4

/** Messages as toasts (never a blocking dialog): text only, dismissable, gone after a few seconds. */
export function createToasts(container: HTMLElement, durationMs = 6000) {
  return {
    show(message: string, kind: ToastKind = 'error'): HTMLElement {
      // The same message again restarts its toast instead of stacking a copy.
      for (const existing of Array.from(container.querySelectorAll<HTMLElement>('[data-testid="toast"]'))) {
        if (existing.dataset.message === message) existing.remove()
      }
      const close = el('button', {
        className: 'toast-close',
        text: '×',
        attrs: { type: 'button', 'aria-label': 'Dismiss', 'data-testid': 'toast-close' },
      })
      const toast = el(
        'div',
        {
          className: `toast toast-${kind}`,
          attrs: { role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'toast', 'data-kind': kind },
        },
        [el('span', { className: 'toast-text', text: message }), close],
      )
      toast.dataset.message = message
      const timer = setTimeout(() => toast.remove(), durationMs)
      close.addEventListener('click', () => {
        clearTimeout(timer)
        toast.remove()
      })
      container.append(toast)
      while (container.children.length > MAX_VISIBLE) container.firstElementChild?.remove()
      return toast
    },
  }
}
export type Toasts = ReturnType<typeof createToasts>

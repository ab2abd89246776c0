import { byTestId, el } from '../dom.ts'
import type { AppState, ImageOption, Store } from '../state.ts'

/**
 * The image grid as a radio group: one selection at a time (purple border, green check, slight zoom in
 * CSS), arrow keys move the selection, Tab enters at the selected tile. The Upload control sits above it.
 */
export function mountImagePicker(store: Store<AppState>, actions: { upload(file: File): void }) {
  const grid = byTestId('image-grid')
  const input = byTestId<HTMLInputElement>('upload-input')
  const uploadLabel = byTestId('upload-button')
  const uploadText = byTestId('upload-text')
  const tiles = new Map<string, HTMLButtonElement>()

  const select = (id: string, focus = false) => {
    store.set({ selectedImageId: id })
    if (focus) tiles.get(id)?.focus()
  }

  const tileFor = (image: ImageOption) => {
    const tile = el(
      'button',
      {
        className: `tile tile-${image.kind}`,
        attrs: {
          type: 'button',
          role: 'radio',
          'aria-checked': 'false',
          'aria-label': image.label,
          'data-testid': `image-${image.id}`,
          'data-image-id': image.id,
          tabindex: '-1',
        },
      },
      [
        el('img', { attrs: { src: image.src, alt: '', loading: 'lazy', draggable: 'false' } }),
        el('span', {
          className: 'check',
          text: '✓',
          attrs: { 'aria-hidden': 'true', 'data-testid': 'selected-check' },
        }),
      ],
    )
    tile.addEventListener('click', () => select(image.id))
    return tile
  }

  grid.addEventListener('keydown', (event) => {
    const ids = store.get().images.map((i) => i.id)
    const current = ids.indexOf(
      store.get().selectedImageId ?? (document.activeElement as HTMLElement)?.dataset.imageId ?? '',
    )
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key]
    let next: number | undefined
    if (step !== undefined) next = current < 0 ? 0 : (current + step + ids.length) % ids.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = ids.length - 1
    if (next === undefined) return
    event.preventDefault()
    const id = ids[next]
    if (id) select(id, true)
  })

  input.addEventListener('change', () => {
    const file = input.files?.[0]
    input.value = '' // choosing the same file again fires change again
    if (file) actions.upload(file)
  })

  const renderTiles = (images: readonly ImageOption[]) => {
    for (const [id, tile] of tiles) {
      if (!images.some((i) => i.id === id)) {
        tile.remove()
        tiles.delete(id)
      }
    }
    for (const image of images) {
      if (!tiles.has(image.id)) tiles.set(image.id, tileFor(image))
    }
    grid.replaceChildren(...images.map((i) => tiles.get(i.id)!))
  }
  const renderSelection = (s: AppState) => {
    const focusable = s.selectedImageId ?? s.images[0]?.id
    for (const [id, tile] of tiles) {
      tile.setAttribute('aria-checked', String(id === s.selectedImageId))
      tile.tabIndex = id === focusable ? 0 : -1
    }
  }
  const renderUpload = (uploading: boolean) => {
    input.disabled = uploading
    uploadLabel.classList.toggle('is-busy', uploading)
    uploadLabel.setAttribute('aria-busy', String(uploading))
    uploadText.textContent = uploading ? 'Uploading...' : 'Upload'
  }

  store.subscribe((s, prev) => {
    if (s.images !== prev.images) renderTiles(s.images)
    if (s.images !== prev.images || s.selectedImageId !== prev.selectedImageId) renderSelection(s)
    if (s.uploading !== prev.uploading) renderUpload(s.uploading)
  })
  renderTiles(store.get().images)
  renderSelection(store.get())
  renderUpload(store.get().uploading)
}

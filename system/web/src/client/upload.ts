import { MAX_UPLOAD_BYTES } from '../../../shared/schemas/uploads.ts'
import type { ApiClient } from '../api-client.ts'
import type { Session } from './session.ts'
import type { AppState, ImageOption, Store } from './state.ts'
import type { Toasts } from './views/toasts.ts'

/** Upload: POST /upload/image, then the image joins the grid (first) and is selected. */
export function createUploader(deps: {
  store: Store<AppState>
  client: ApiClient
  session: Session
  toasts: Toasts
}) {
  const { store, client, session, toasts } = deps
  let count = 0
  return async function upload(file: File): Promise<void> {
    if (store.get().session.kind !== 'signed-in') {
      toasts.show('Please log in to upload an image')
      return
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      toasts.show('Upload rejected: the image is larger than 10 MB')
      return
    }
    store.set({ uploading: true })
    const r = await session.authed(() => client.uploadImage(file, file.name))
    store.set({ uploading: false })
    if (!r.ok) {
      toasts.show(`Upload rejected: ${r.detail}`)
      return
    }
    count += 1
    const image: ImageOption = {
      id: `upload-${count}`,
      label: `Uploaded image ${count}: ${file.name}`,
      src: client.fileUrl(r.value.file_path),
      referenceUrl: r.value.file_path,
      kind: 'upload',
    }
    store.set((s) => ({ images: [image, ...s.images], selectedImageId: image.id }))
    toasts.show('Image uploaded and selected', 'success')
  }
}

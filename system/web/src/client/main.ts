import { z } from 'zod'
import { createApiClient } from '../api-client.ts'
import { createAccount } from './account.ts'
import { byTestId } from './dom.ts'
import { createGenerator } from './generate.ts'
import { readPageConfig } from './page-config.ts'
import { createSession } from './session.ts'
import { createStore, initialState } from './state.ts'
import { chooseTransport } from './transport.ts'
import { createUploader } from './upload.ts'
import { mountImagePicker } from './views/image-picker.ts'
import { mountNavbar } from './views/navbar.ts'
import { mountPromptBox } from './views/prompt-box.ts'
import { mountStatusBar } from './views/status-bar.ts'
import { createToasts } from './views/toasts.ts'
import { mountVideoPanel } from './views/video-panel.ts'

// zod would probe `new Function` to speed up parsing; the page's CSP forbids eval, so don't ask.
z.config({ jitless: true })

const config = readPageConfig()
const toasts = createToasts(byTestId('toasts'))
const store = createStore(initialState(window.location.origin))
let onExpired = (_message: string) => {}
const session = createSession({ storage: window.localStorage, onExpired: (m) => onExpired(m) })
const client = createApiClient({ baseUrl: config.apiBaseUrl, getToken: session.getToken })
session.attach(client)

const account = createAccount({ store, client, session, toasts, config })
const transport = () => chooseTransport(window.location.search)
const generator = createGenerator({ store, client, session, account, toasts, transport })
onExpired = (message) => {
  generator.reset()
  account.expired(message)
}

mountNavbar(store, {
  login: () => account.login(),
  logout: () => {
    generator.reset()
    void account.logout()
  },
})
mountImagePicker(store, { upload: createUploader({ store, client, session, toasts }) })
mountPromptBox(store, { generate: () => void generator.generate() })
mountVideoPanel(store, client.fileUrl)
mountStatusBar(store)
await account.start()
document.body.dataset.transport = transport()
document.body.dataset.ready = 'true'

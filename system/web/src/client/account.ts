import type { ApiClient } from '../api-client.ts'
import { beginSignIn, readCallback } from './oauth.ts'
import type { PageConfig } from './page-config.ts'
import { SESSION_EXPIRED_MESSAGE, type Session } from './session.ts'
import type { AppState, Store } from './state.ts'
import type { Toasts } from './views/toasts.ts'

interface AccountDeps {
  store: Store<AppState>
  client: ApiClient
  session: Session
  toasts: Toasts
  config: PageConfig
}

/** Sign-in (the Google redirect and its callback), reload restore, logout, and the credits in the navbar. */
export function createAccount({ store, client, session, toasts, config }: AccountDeps) {
  const signedOut = () => store.set({ session: { kind: 'signed-out' } })

  async function loadUser(): Promise<boolean> {
    const me = await session.authed(() => client.me())
    if (!me.ok) {
      if (me.status !== 401) toasts.show(`Could not load your account: ${me.detail}`)
      signedOut()
      return false
    }
    store.set({ session: { kind: 'signed-in', user: me.value, credits: me.value.credits } })
    return true
  }

  return {
    /** After the page loads: finish a sign-in coming back from Google, or restore the stored session. */
    async start(): Promise<void> {
      const callback = readCallback(new URL(window.location.href), window.sessionStorage)
      if (callback.kind !== 'none') {
        // Leave the callback URL (and its code) out of the history and the address bar.
        window.history.replaceState(null, '', `/${callback.returnTo}`)
        if (callback.kind === 'error') {
          toasts.show(callback.message)
        } else {
          const signedIn = await session.signIn(callback.code, callback.redirectUri)
          if (signedIn.ok) {
            await loadUser()
            return
          }
          toasts.show(`Sign-in failed: ${signedIn.detail}`)
        }
      }
      const restored = await session.restore()
      if (restored === 'restored') await loadUser()
      else {
        signedOut()
        if (restored === 'expired') toasts.show(SESSION_EXPIRED_MESSAGE, 'info')
        if (restored === 'unreachable') toasts.show(`Cannot reach the API at ${client.baseUrl}`)
      }
    },

    login(): void {
      window.location.assign(beginSignIn(config, window.sessionStorage, window.location))
    },

    async logout(): Promise<void> {
      await session.authed(() => client.logout())
      session.signOut()
      signedOut()
      toasts.show('You are logged out', 'info')
    },

    /** The session ended under us (refresh refused): back to signed out, saying why. */
    expired(message: string): void {
      signedOut()
      toasts.show(message, 'info')
    },

    /** Shows a charge at once (the 201 means it is booked), before the next refresh confirms it. */
    adjustCredits(delta: number): void {
      const s = store.get().session
      if (s.kind === 'signed-in') store.set({ session: { ...s, credits: s.credits + delta } })
    },

    async refreshCredits(): Promise<void> {
      const r = await session.authed(() => client.credits())
      const s = store.get().session
      if (r.ok && s.kind === 'signed-in') store.set({ session: { ...s, credits: r.value.credits } })
    },
  }
}
export type Account = ReturnType<typeof createAccount>

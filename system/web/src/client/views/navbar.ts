import { byTestId, show } from '../dom.ts'
import { formatCredits } from '../format.ts'
import type { AppState, Store } from '../state.ts'

/** Brand, then Login (signed out) or the user's name, the credits pill and Logout (signed in). */
export function mountNavbar(store: Store<AppState>, actions: { login(): void; logout(): void }) {
  const login = byTestId<HTMLButtonElement>('login-button')
  const user = byTestId('user-menu')
  const name = byTestId('user-name')
  const credits = byTestId('credits')
  login.addEventListener('click', () => actions.login())
  byTestId('logout-button').addEventListener('click', () => actions.logout())

  const render = (s: AppState) => {
    const session = s.session
    show(login, session.kind === 'signed-out')
    show(user, session.kind === 'signed-in')
    if (session.kind === 'signed-in') {
      name.textContent = session.user.name || session.user.email
      name.title = session.user.email
      credits.textContent = formatCredits(session.credits)
    }
  }
  store.subscribe((s, prev) => {
    if (s.session !== prev.session) render(s)
  })
  render(store.get())
}

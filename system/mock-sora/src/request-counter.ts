/** Requests received per route since the last reset, so tests can prove how many calls a client made. */
export class RequestCounter {
  #counts = new Map<string, number>()

  count(method: string, route: string | undefined): void {
    const key = `${method} ${route ?? '(unmatched)'}`
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1)
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.#counts)
  }

  clear(): void {
    this.#counts.clear()
  }
}

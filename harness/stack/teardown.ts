/**
 * What a stack has to undo, pushed as each thing is made and run last-in first-out, once. Every step
 * runs even if an earlier one fails; the failures come back together.
 */
export class Teardown {
  private readonly steps: { what: string; undo: () => Promise<void> }[] = []
  private running: Promise<Error[]> | undefined

  push(what: string, undo: () => Promise<void>): void {
    if (this.running) throw new Error(`teardown already started: cannot add "${what}"`)
    this.steps.push({ what, undo })
  }

  run(): Promise<Error[]> {
    this.running ??= (async () => {
      const errors: Error[] = []
      for (const step of this.steps.reverse()) {
        try {
          await step.undo()
        } catch (err) {
          errors.push(new Error(`${step.what}: ${err instanceof Error ? err.message : String(err)}`))
        }
      }
      return errors
    })()
    return this.running
  }

  /** A stack's stop(): run() once, failing with every step's error together. */
  async finish(): Promise<void> {
    const errors = await this.run()
    if (errors.length > 0) throw new AggregateError(errors, `stack teardown: ${errors.length} step(s) failed`)
  }

  /** Whether run() has begun: nothing may be started any more. */
  get started(): boolean {
    return this.running !== undefined
  }
}

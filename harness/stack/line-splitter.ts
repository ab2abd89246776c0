/** Turns a process's output chunks into whole lines (a chunk may end mid-line or hold many). */
export function lineSplitter(onLine: (line: string) => void): {
  push(chunk: Buffer | string): void
  flush(): void
} {
  let pending = ''
  return {
    push(chunk) {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) onLine(line.replace(/\r$/, ''))
    },
    flush() {
      if (pending !== '') onLine(pending)
      pending = ''
    },
  }
}

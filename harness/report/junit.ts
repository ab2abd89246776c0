import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A failed test case in a JUnit file: the CI view, which also catches tests that name no checklist ID. */
export interface JunitFailure {
  file: string
  name: string
  message: string
}

const decodeXml = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

export function junitFailures(dir: string): JunitFailure[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.xml'))
  } catch {
    return []
  }
  return files.flatMap((file) => {
    const xml = readFileSync(join(dir, file), 'utf8')
    return [...xml.matchAll(/<testcase\b([^>]*)>([\s\S]*?)<\/testcase>/g)].flatMap(([, attrs, body]) => {
      const failure = body!.match(/<(failure|error)\b([^>]*)/)
      if (!failure) return []
      const name = decodeXml(attrs!.match(/\bname="([^"]*)"/)?.[1] ?? '(unnamed)')
      const message = decodeXml(failure[2]!.match(/\bmessage="([^"]*)"/)?.[1] ?? failure[1]!)
      return [{ file, name, message: message.split('\n')[0]! }]
    })
  })
}

import fc from 'fast-check'
import { z } from 'zod'

/**
 * fast-check arbitraries derived from the shared zod schemas (through zod's own JSON Schema), so the
 * fuzzing follows the contract as it changes: valid values, values just outside each bound, values of
 * the wrong type, and arbitrary JSON, mixed into whole request bodies or query objects.
 */
interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  format?: string
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
}

/** Strings that break things elsewhere: NUL, control and format characters, surrogates, emoji, markup. */
export const nastyString: fc.Arbitrary<string> = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  `prompt with a NUL \u0000 in the middle`,
  '\u0001\u0002\u001b[31m',
  '\ud800',
  '\udfff lone surrogate here',
  '\u202e\u2066 bidi override text',
  'e\u0301\u0301\u0301 combining marks galore',
  '🎬🎉📊✅'.repeat(3),
  '👨‍👩‍👧‍👦'.repeat(5),
  "'; DROP TABLE videos; --",
  '<script>alert(1)</script>',
  '{{7*7}} #{7*7} %s %n',
  '../../../../etc/passwd',
  'a'.repeat(5000),
  '\n\r\t',
  'NaN',
  '-1',
  '1e309',
  'null',
)

/** Single characters that tend to break storage, logs or parsers. */
const ODD_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\ud800',
  '\u202e',
  '\ufeff',
  '\u2028',
  '"',
  '\\',
  '%',
]

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, true, false, null) },
)

/** Values the schema accepts. */
export function validValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map(validValue))
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  switch (s.type) {
    case 'null':
      return fc.constant(null)
    case 'string': {
      if (s.format === 'uri') return fc.webUrl()
      const minLength = s.minLength ?? 0
      const maxLength = Math.min(s.maxLength ?? 64, minLength + 200)
      // Within the bounds, but not only tame text: any unicode, and one odd character slipped in.
      return fc.oneof(
        fc.string({ unit: 'grapheme-ascii', minLength, maxLength }),
        fc.string({ unit: 'grapheme', minLength, maxLength }),
        fc
          .tuple(
            fc.string({ unit: 'grapheme-ascii', minLength, maxLength: Math.max(minLength, maxLength - 1) }),
            fc.constantFrom(...ODD_CHARACTERS),
            fc.nat(),
          )
          .map(([text, odd, at]) => {
            const i = at % (text.length + 1)
            return `${text.slice(0, i)}${odd}${text.slice(i)}`.slice(0, Math.max(maxLength, minLength))
          }),
      )
    }
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000)
      return fc.integer({ min, max: s.maximum ?? min + 1000 })
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'object':
      return validObject(s)
    default:
      return anyJson
  }
}

/** Values just outside the schema: each bound crossed, the wrong type. */
export function invalidValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  )
  const options: fc.Arbitrary<unknown>[] = [wrongType, nastyString]
  if (s.type === 'string' || s.anyOf?.some((a) => a.type === 'string')) {
    const str = s.type === 'string' ? s : s.anyOf!.find((a) => a.type === 'string')!
    if (str.minLength) options.push(fc.string({ unit: 'grapheme', maxLength: str.minLength - 1 }))
    if (str.maxLength !== undefined)
      options.push(fc.string({ minLength: str.maxLength + 1, maxLength: str.maxLength + 40 }))
    if (str.const !== undefined) options.push(fc.string({ maxLength: 12 }))
  }
  if (s.type === 'integer') {
    if (s.minimum !== undefined) options.push(fc.integer({ min: s.minimum - 1000, max: s.minimum - 1 }))
    if (s.exclusiveMinimum !== undefined) options.push(fc.integer({ min: -1000, max: s.exclusiveMinimum }))
    if (s.maximum !== undefined) options.push(fc.integer({ min: s.maximum + 1, max: s.maximum + 10_000 }))
    options.push(fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }))
  }
  if (s.enum || s.const !== undefined) options.push(fc.string({ maxLength: 16 }))
  return fc.oneof(...options)
}

function validObject(s: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {})
  const required = new Set(s.required ?? [])
  return fc.record(Object.fromEntries(props.map(([k, v]) => [k, validValue(v)])), {
    requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
  }) as fc.Arbitrary<Record<string, unknown>>
}

/**
 * Whole objects for a schema: arbitrary JSON (often not even an object), and — mostly — a valid object
 * with some keys replaced by invalid values, some dropped, and unknown keys added.
 */
export function objectArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const s = jsonSchemaOf(schema)
  const props = Object.entries(s.properties ?? {})
  const mutated = fc
    .tuple(
      validObject(s),
      fc.record(Object.fromEntries(props.map(([k, v]) => [k, fc.option(invalidValue(v), { freq: 2 })]))),
      fc.subarray(props.map(([k]) => k)),
      fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 2 }),
    )
    .map(([valid, replacements, dropped, extra]) => {
      const out: Record<string, unknown> = { ...extra, ...valid }
      for (const [k, v] of Object.entries(replacements)) if (v !== null) out[k] = v
      for (const k of dropped) delete out[k]
      return out
    })
  return fc.oneof(
    { weight: 1, arbitrary: anyJson },
    { weight: 2, arbitrary: validObject(s) },
    { weight: 4, arbitrary: mutated },
  )
}

/** Header-safe text (what an HTTP client can send at all): visible ASCII and spaces. */
export const headerText = (maxLength = 300): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength })

/** The run settings: FC_RUNS cases per property (default 500), FC_SEED to replay a run. */
export function fuzzParameters(): { numRuns: number; seed: number } {
  const runs = Number(process.env.FC_RUNS ?? 500)
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 2 ** 31)
  return { numRuns: runs, seed }
}

import { isDeepStrictEqual } from 'node:util'
import * as allure from 'allure-js-commons'
import type { z } from 'zod'

/**
 * Conformance to the reference API, kept apart from the guide's verdict. A guide item checks what the
 * guide and HTTP fix; where the reference goes further (its strict schemas, exact texts, 401 vs 403,
 * 415, optional features) a test records how the deployment differs instead of failing the item.
 * Each difference becomes an Allure `difference` label ("where: expected …, got …") that the PM report
 * and the gate read; the gate fails on differences only with `--strict-conformance`.
 *
 * On the reference system itself (local mode) a difference is a bug of ours, so it fails the test:
 * that keeps every conformance check able to fail.
 */
export interface Difference {
  where: string
  expected: string
  got: string
}

export const DIFFERENCE_LABEL = 'difference'

export const describeDifference = (d: Difference) => `${d.where}: expected ${d.expected}, got ${d.got}`

export class ReferenceMismatch extends Error {
  override name = 'ReferenceMismatch'
}

export class Conformance {
  constructor(
    /** True against the reference system: a difference fails the test. */
    private readonly failOnDifference: boolean,
  ) {}

  async differs(d: Difference): Promise<void> {
    const text = describeDifference(d)
    if (this.failOnDifference) throw new ReferenceMismatch(`differs from the reference: ${text}`)
    await allure.label(DIFFERENCE_LABEL, text)
  }

  /** Records a difference unless `got` equals `expected`. */
  async equal(where: string, expected: unknown, got: unknown): Promise<void> {
    if (!isDeepStrictEqual(expected, got))
      await this.differs({ where, expected: show(expected), got: show(got) })
  }

  /** Records one difference per issue of the reference's strict schema. */
  async schema(where: string, schema: z.ZodType, value: unknown): Promise<void> {
    const parsed = schema.safeParse(value)
    if (parsed.success) return
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.')
      await this.differs({
        where: `${where}${path ? ` .${path}` : ''}`,
        expected: issue.message,
        got: show(valueAt(value, issue.path)),
      })
    }
  }
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined
  return v
}

export function show(v: unknown): string {
  const text = v === undefined ? 'nothing' : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)
  return text.length > 160 ? `${text.slice(0, 157)}...` : text
}

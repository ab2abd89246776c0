import type { Conformance } from '../../harness/target/conformance.ts'

/** Records a difference for each field of `body` that is not the reference's value (a missing one is the strict schema's). */
export async function referenceFields(
  conformance: Conformance,
  where: string,
  expected: Record<string, unknown>,
  body: Record<string, unknown>,
): Promise<void> {
  for (const [field, value] of Object.entries(expected))
    if (field in body) await conformance.equal(`${where} .${field}`, value, body[field])
}

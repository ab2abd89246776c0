import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { Verifier, type VerifierOptions } from '@pact-foundation/pact'
import { attachment, attachmentPath, parameter } from 'allure-js-commons'
import type { Pacticipant } from '../pact-files.ts'
import { pactSource } from './pact-source.ts'

export interface Verification {
  consumer: Pacticipant
  provider: Pacticipant
  /** The provider's address and hooks (state handlers, request filter, message providers). */
  options: Omit<VerifierOptions, 'provider' | 'pactUrls' | 'pactBrokerUrl'>
  /** Read the local pact file even when a broker is configured (the harness's self-tests). */
  localOnly?: boolean
}

export interface FailedInteraction {
  interaction: string
  mismatches: string[]
}

export interface VerificationReport {
  /** Every interaction the verifier replayed, by description, with `OK` or `Error`. */
  results: Array<{ description: string; result: string }>
  failures: FailedInteraction[]
}

/** The verifier's JSON report (what it resolves with, or the message of the Error it rejects with). */
interface VerifierJson {
  errors?: Array<{ interaction: string; mismatch?: { mismatches?: Array<{ mismatch: string }> } }>
  interactionResults?: Array<{ description: string; result: string }>
  output?: string[]
}

function parseReport(text: string): VerifierJson | null {
  try {
    return JSON.parse(text) as VerifierJson
  } catch {
    return null
  }
}

/**
 * Runs Pact's Verifier for one consumer's pact and reports what it read and found: the pact source as a
 * test parameter (and on the console), a local pact file and the verifier's output as attachments.
 * Resolves with the report whether or not interactions failed; throws only when the verifier could not
 * run (no pact file, bad options, a crash).
 */
export async function verifyPact({
  consumer,
  provider,
  options,
  localOnly,
}: Verification): Promise<VerificationReport> {
  const source = pactSource(consumer, provider, { localOnly })
  console.info(`[contracts] verifying ${provider} against the pact of ${consumer} from ${source.description}`)
  await parameter('pact source', source.description)
  for (const file of source.options.pactUrls ?? []) {
    if (!existsSync(file)) {
      throw new Error(
        `no pact at ${file}: the consumer tests write it (npm run test:contracts runs them first)`,
      )
    }
    await attachmentPath(basename(file), file, 'application/json')
  }
  const text = await new Verifier({ provider, logLevel: 'warn', ...source.options, ...options })
    .verifyProvider()
    .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
  const json = parseReport(text)
  if (!json) throw new Error(`the verifier did not run: ${text}`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the verifier's terminal colours
  const output = (json.output ?? []).join('\n').replace(/\u001b\[[0-9;]*m/g, '')
  await attachment('verifier output', output, 'text/plain')
  return {
    results: json.interactionResults ?? [],
    failures: (json.errors ?? []).map((e) => ({
      interaction: e.interaction,
      mismatches: (e.mismatch?.mismatches ?? []).map((m) => m.mismatch),
    })),
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { VerifierOptions } from '@pact-foundation/pact'

/**
 * The Verifier's hook types, named once. A state handler gets the state's parameters and may return values
 * the verifier injects into the request (`fromProviderState`). Pact types its request filter with Express,
 * which we do not install, so it is spelled out with node's types here.
 */
export type StateHandler = (params?: unknown) => Promise<Record<string, string> | undefined>
export type StateHandlers = Record<string, StateHandler>
export type MessageProviders = NonNullable<VerifierOptions['messageProviders']>
export type RequestFilter = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void

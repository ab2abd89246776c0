/**
 * Descriptions of the asynchronous messages, which Pact's message verifier uses to find the provider
 * function that produces each one: named once, imported by the consumer test and the message provider.
 */
export const JobMessage = {
  textOnly: 'a generate-video job without a reference image',
  withReferenceImage: 'a generate-video job with a reference image',
} as const

import type request from 'supertest'

/** supertest buffers video/mp4 as bytes only with a parser of our own (in Node the response is a stream). */
export const binary: Parameters<request.Test['parse']>[0] = (
  res,
  done: (err: Error | null, body: Buffer) => void,
) => {
  const stream = res as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  stream.on('end', () => done(null, Buffer.concat(chunks)))
}

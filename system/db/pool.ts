import pg from 'pg'

// numeric(10,1) credits come back as strings by default; they are small, so a JS number is exact enough.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v))

export type Pool = pg.Pool
export type PoolClient = pg.PoolClient

export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 5000 })
  // A database restart cuts the idle connections, which pg reports as an 'error' event on the pool: with
  // no listener that event would end the process. The pool drops the client; the next query reconnects.
  pool.on('error', () => {})
  return pool
}

/** Runs `fn` in one transaction; rolls back on any throw. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

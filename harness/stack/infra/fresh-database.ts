import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { migrate } from '../../../system/db/migrate.ts'
import { createPool, type Pool } from '../../../system/db/pool.ts'

/**
 * A fresh, migrated database per test file, created on the shared server, so files never see each
 * other's rows. Returns its URL, a pool, and a drop() for teardown.
 */
export async function freshDatabase(
  serverUrl: string,
): Promise<{ url: string; pool: Pool; drop(): Promise<void> }> {
  const name = `t_${randomUUID().replace(/-/g, '')}`
  const admin = new URL(serverUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const pool = createPool(url.toString())
  await migrate(pool)
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end()
      const c = new pg.Client({ connectionString: admin.toString() })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

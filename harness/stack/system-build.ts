import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { build, version as esbuildVersion, type Plugin } from 'esbuild'
import { REPO_ROOT } from './services.ts'
import { DEFAULT_ENTRIES, type SystemRole } from './stack-options.ts'

/**
 * The system's servers as plain JS, bundled by esbuild, so that a stack starts each with `node` instead
 * of compiling its TypeScript through tsx at every start. One build per state of the sources: its folder
 * `.tmp/system-build/<hash>/` is named by a hash of every source file under system/ (tests aside), of
 * tsconfig.json and of this file, so a changed source makes a new build and a stale one is never run.
 * Packages stay external (node loads them from node_modules as before: BullMQ reads its Lua scripts from
 * its own folder). `import.meta.dirname` keeps meaning the source file's folder, so the servers still
 * read their migrations, pages and fixtures from the tree.
 */
export interface SystemBuild {
  dir: string
  /** The bundle of a role's default entry; undefined for any other file (a stand-in runs through tsx). */
  bundleFor(entry: string): string | undefined
}

const BUILD_ROOT = join(REPO_ROOT, '.tmp', 'system-build')
const SYSTEM_DIR = join(REPO_ROOT, 'system')
/** Builds unused this long are removed when a new one is made. */
const PRUNE_AFTER_MS = 24 * 3600_000

const bundleName = (role: SystemRole) => `${role}.mjs`

export async function systemBuild(): Promise<SystemBuild> {
  const dir = join(BUILD_ROOT, sourceHash())
  const done = join(dir, 'done')
  if (existsSync(done)) {
    const now = new Date()
    utimesSync(done, now, now) // in use: kept by the pruning below
  } else {
    await buildInto(dir)
  }
  const byEntry = new Map(
    Object.entries(DEFAULT_ENTRIES).map(([role, entry]) => [
      entry,
      join(dir, bundleName(role as SystemRole)),
    ]),
  )
  return { dir, bundleFor: (entry) => byEntry.get(entry) }
}

/** The hash naming a build: esbuild's version, this file, tsconfig.json and every source under system/. */
export function sourceHash(systemDir = SYSTEM_DIR): string {
  const hash = createHash('sha256')
  hash.update(esbuildVersion)
  for (const file of [import.meta.filename, join(REPO_ROOT, 'tsconfig.json'), ...sourceFiles(systemDir)]) {
    hash.update(relative(REPO_ROOT, file))
    hash.update(readFileSync(file))
  }
  return hash.digest('hex').slice(0, 16)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !f.split('/').includes('test'))
    .sort()
}

/** esbuild does not rewrite `import.meta.dirname`: each source file gets its own folder as a string. */
const sourceDirname: Plugin = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.dirname',
        JSON.stringify(dirname(args.path)),
      ),
      loader: 'ts',
    }))
  },
}

/** Builds in a folder of its own, then renames it into place: two processes building at once both end well. */
async function buildInto(dir: string): Promise<void> {
  const scratch = `${dir}.part-${process.pid}-${Date.now()}`
  await rm(scratch, { recursive: true, force: true })
  try {
    await build({
      entryPoints: Object.fromEntries(
        Object.entries(DEFAULT_ENTRIES).map(([role, entry]) => [role, join(REPO_ROOT, entry)]),
      ),
      outdir: scratch,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [sourceDirname],
    })
    await writeFile(join(scratch, 'done'), `${new Date().toISOString()}\n`)
    await rename(scratch, dir).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err
      await rm(scratch, { recursive: true, force: true }) // another process was first: its build is the same
    })
  } catch (err) {
    await rm(scratch, { recursive: true, force: true })
    throw new Error(`building the system's servers failed: ${(err as Error).message}`)
  }
  await pruneOld(dir)
}

/** Removes what no stack has used for a day (a running stack may still restart a service from its build). */
function pruneOld(keep: string): Promise<unknown> {
  const lastUsed = (dir: string) => {
    const done = join(dir, 'done')
    return statSync(existsSync(done) ? done : dir).mtimeMs
  }
  const old = readdirSync(BUILD_ROOT)
    .map((name) => join(BUILD_ROOT, name))
    .filter((dir) => dir !== keep && Date.now() - lastUsed(dir) > PRUNE_AFTER_MS)
  return Promise.all(old.map((dir) => rm(dir, { recursive: true, force: true })))
}

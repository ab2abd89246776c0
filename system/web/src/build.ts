import { resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'

/** The browser bundle, built in memory: one build serves every environment (config comes from the page). */
export interface ClientBundle {
  js: string
  map: string
  bytes: number
  builtMs: number
}

export const CLIENT_ENTRY = resolve(import.meta.dirname, 'client/main.ts')

/**
 * zod re-exports all of its ~40 message locales as `z.locales`, which no bundler can drop (≈ 260 KB of a
 * 460 KB bundle). The page only ever needs English: hand zod a locales module with just `en`.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: resolve(args.resolveDir, '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)}`,
      resolveDir: resolve(args.path, '..'),
    }))
  },
}

/** Bundles src/client/main.ts (and the shared schemas it imports) with esbuild; throws on a build error. */
export async function buildClientBundle(opts: { minify?: boolean } = {}): Promise<ClientBundle> {
  const t0 = performance.now()
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: opts.minify ?? true,
    sourcemap: 'linked',
    write: false,
    outdir: 'out',
    entryNames: 'app',
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [zodEnglishOnly],
  })
  const js = result.outputFiles.find((f) => f.path.endsWith('app.js'))
  const map = result.outputFiles.find((f) => f.path.endsWith('app.js.map'))
  if (!js || !map) throw new Error('esbuild produced no app.js')
  return { js: js.text, map: map.text, bytes: js.contents.byteLength, builtMs: performance.now() - t0 }
}

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** What DockerComposeEnvironment.withClientOptions() takes as `executable` (its own type is not exported). */
export type ComposeExecutable = { executablePath: string } | { standalone: true }

/** Which Compose runs docker-compose.test.yml: the v2 plugin (`docker compose`) or v1 (`docker-compose`). */
export interface ComposeCommand {
  /** What testcontainers' DockerComposeEnvironment is told to run. */
  executable: ComposeExecutable
  /** argv[0..] of the same command, for the calls the harness makes itself. */
  argv: string[]
  version: string
}

let found: Promise<ComposeCommand> | undefined

/**
 * `docker compose` (v2) when the plugin is installed, else Debian bookworm's `docker-compose` 1.29 (the
 * only Compose its packages have). COMPOSE_COMMAND=docker-compose or "docker compose" forces one.
 */
export function composeCommand(env: NodeJS.ProcessEnv = process.env): Promise<ComposeCommand> {
  found ??= detect(env.COMPOSE_COMMAND)
  return found
}

async function detect(forced: string | undefined): Promise<ComposeCommand> {
  const v2 = async (): Promise<ComposeCommand> => {
    const { stdout } = await run('docker', ['compose', 'version', '--short'])
    return { executable: { executablePath: 'docker' }, argv: ['docker', 'compose'], version: stdout.trim() }
  }
  const v1 = async (): Promise<ComposeCommand> => {
    const { stdout } = await run('docker-compose', ['version', '--short'])
    return { executable: { standalone: true }, argv: ['docker-compose'], version: stdout.trim() }
  }
  if (forced === 'docker-compose') return v1()
  if (forced === 'docker compose') return v2()
  try {
    return await v2()
  } catch {
    try {
      return await v1()
    } catch {
      throw new Error(
        'no Docker Compose: neither `docker compose` (v2 plugin) nor `docker-compose` runs ' +
          '(on Debian bookworm: apt-get install docker-compose)',
      )
    }
  }
}

/** Runs `<compose> -p project -f file... args` in `cwd`; answers its output, throws with it on failure. */
export async function runCompose(
  cmd: ComposeCommand,
  opts: { cwd: string; project: string; files: string[]; env: Record<string, string> },
  args: string[],
): Promise<string> {
  const [bin, ...pre] = cmd.argv
  const argv = [...pre, '-p', opts.project, ...opts.files.flatMap((f) => ['-f', f]), ...args]
  try {
    const { stdout, stderr } = await run(bin!, argv, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      maxBuffer: 16 * 1024 * 1024,
    })
    return `${stdout}${stderr}`
  } catch (err) {
    const e = err as Error & { stderr?: string }
    throw new Error(`${cmd.argv.join(' ')} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`)
  }
}

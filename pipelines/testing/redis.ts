/**
 * A Redis server of its own for a test or a bench: Debian's `redis-server` on a unix socket in a
 * temporary folder (no port to collide with), without persistence, stopped by `stop()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_REDIS = 'apt-get install -y redis-server';

/** The redis-server on PATH, or null. */
export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export interface TestRedis {
  /** `unix:///…/redis.sock`, for `--queue`. */
  url: string;
  socket: string;
  /** Stop it; with `keepFolder`, to start again on the same socket (a restart: every key is gone). */
  stop(keepFolder?: boolean): Promise<void>;
  /** Stop and start again: a Redis restarted without persistence. */
  restart(): Promise<void>;
  /** `redis-cli INFO`'s field, e.g. `used_memory_peak`. */
  info(field: string): string | null;
}

export async function startRedis(): Promise<TestRedis> {
  const server = redisServerPath();
  if (!server) throw new Error(`no redis-server: install it with \`${INSTALL_REDIS}\``);
  const dir = mkdtempSync(join(tmpdir(), 'baocao-redis-'));
  const socket = join(dir, 'redis.sock');
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(server, ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let waited = 0; !existsSync(socket); waited += 20) {
      if (waited > 10_000 || child.exitCode !== null) throw new Error(`redis-server did not start (exit ${child.exitCode})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const halt = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    url: `unix://${socket}`,
    socket,
    async stop(keepFolder = false) {
      await halt();
      if (!keepFolder) rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await halt();
      await launch();
    },
    info(field) {
      const cli = spawnSync('redis-cli', ['-s', socket, 'INFO'], { encoding: 'utf8' });
      return new RegExp(`^${field}:(.*)$`, 'm').exec(cli.stdout)?.[1]?.trim() ?? null;
    },
  };
}

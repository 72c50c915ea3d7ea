import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALLS = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's binaries, or undefined where there are none. */
export function postgresBinaries(): string | undefined {
  if (!existsSync(INSTALLS)) return undefined;
  const versions = readdirSync(INSTALLS)
    .filter((version) => existsSync(join(INSTALLS, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(INSTALLS, versions[0], 'bin') : undefined;
}

/**
 * A PostgreSQL cluster of its own (initdb + pg_ctl in a temp folder, on a free port) that a
 * test may stop, freeze and start again — never the shared server.
 */
export class ThrowawayPostgres {
  private readonly folder = mkdtempSync(join(tmpdir(), 'quorum-outage-'));
  private readonly data = join(this.folder, 'data');
  port = 0;

  constructor(private readonly bin: string) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    // PostgreSQL refuses to run as root; as root, it runs as the postgres user.
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', this.folder]);
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--no-sync']);
    this.port = await freePort();
    this.start();
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.data, '-o', options, '-l', join(this.folder, 'log'), '-w', 'start']);
  }

  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  /** SIGSTOP (or SIGCONT) to the server and all its backends: it keeps its sockets but answers nothing. */
  freeze(frozen: boolean): void {
    const postmaster = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    for (const pid of [postmaster, ...children]) process.kill(pid, frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  destroy(): void {
    try {
      if (existsSync(join(this.data, 'postmaster.pid'))) {
        this.freeze(false);
        this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
      }
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
    }
  }

  private run(program: string, args: string[]): void {
    const command = join(this.bin, program);
    if (process.getuid?.() === 0)
      execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
    else execFileSync(command, args, { stdio: 'ignore' });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

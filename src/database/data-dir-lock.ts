import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

const LOCK_FILE = 'quorum.lock';

/**
 * The embedded database serves one process: a second one on the same data directory would
 * corrupt it. The lock file holds the owner's pid; a lock whose process is gone is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      assertDataDirFree(dataDir);
      rmSync(path, { force: true });
    }
  }
  throw new DataDirInUseError(`The embedded database in ${dataDir} could not be locked`);
}

/** Throws `DataDirInUseError` while another live process holds the data directory. */
export function assertDataDirFree(dataDir: string): void {
  let owner: number;
  try {
    owner = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return;
  }
  if (isRunning(owner)) {
    throw new DataDirInUseError(
      `The embedded database in ${dataDir} is in use by another Quorum process (pid ${owner}). ` +
        'Stop that process first, or point DATABASE_URL at a PostgreSQL server.',
    );
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

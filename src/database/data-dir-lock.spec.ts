import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDataDirFree, DataDirInUseError, lockDataDir } from './data-dir-lock.js';

describe('lockDataDir', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'quorum-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a data directory that a live process holds, naming the directory and the process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dataDir, 'quorum.lock'), String(other.pid));
      expect(() => assertDataDirFree(dataDir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dataDir)).toThrow(
        `${dataDir} is in use by another Quorum process (pid ${other.pid})`,
      );
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    expect(() => lockDataDir(dataDir)()).not.toThrow();
  });

  it('takes over the lock of a process that has gone, and frees it on release', () => {
    writeFileSync(join(dataDir, 'quorum.lock'), '999999999');
    const release = lockDataDir(dataDir);
    release();
    expect(() => assertDataDirFree(dataDir)).not.toThrow();
    lockDataDir(dataDir);
  });
});

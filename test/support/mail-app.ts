import { afterAll, beforeAll } from '@jest/globals';
import type { AppConfig } from '../../src/config/app-config.js';
import { NoticeWorker } from '../../src/notices/notice-worker.service.js';
import { SmtpSink } from './smtp-sink.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface MailApp {
  t: TestApp;
  sink: SmtpSink;
  /** Runs the worker as it would run at `at` (now when absent) until nothing is due. */
  deliver(at?: Date): Promise<void>;
}

/**
 * The app of one test file with a real SMTP server to deliver to, started before its tests
 * and stopped after them. Fields are filled in by `beforeAll`.
 */
export function useMailApp(overrides: Partial<AppConfig> = {}): MailApp {
  const mail = { sink: new SmtpSink() } as MailApp;
  beforeAll(async () => {
    await mail.sink.start();
    mail.t = await startTestApp({ smtpUrl: mail.sink.url, ...overrides });
    const worker = mail.t.app.get(NoticeWorker);
    mail.deliver = async (at?: Date) => {
      while ((await worker.runOnce(at)) > 0);
    };
  });
  afterAll(async () => {
    await mail.t.close();
    await mail.sink.stop();
  });
  return mail;
}

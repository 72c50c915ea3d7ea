import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { RepeatingJob } from '../common/jobs/repeating-job.js';
import { APP_CONFIG, mailboxAddress, type AppConfig } from '../config/app-config.js';
import { NoticeRenderer, type NoticeMail } from './notice-renderer.service.js';
import type { Notice } from './notice.entity.js';
import { NoticesRepository } from './notices.repository.js';
import { retryDelaySeconds, MAX_ATTEMPTS } from './retry.js';

const BATCH_SIZE = 50;
const POLL_MS = 5_000;
/** A claimed notice not marked within this time (a worker killed mid-batch) is taken again. */
const LEASE_SECONDS = 300;

/**
 * Takes due notices (any number of instances at once: FOR UPDATE SKIP LOCKED), renders and
 * sends each, and marks it. The claim is committed before sending, so a worker killed between
 * sending and marking leaves the notice claimed; after the lease it is sent again, with the
 * same Message-ID: at most that one message twice, never one lost.
 */
@Injectable()
export class NoticeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notices');
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  private readonly transport: Transporter | undefined;
  private readonly rounds = new RepeatingJob(
    'Notices',
    POLL_MS,
    () => this.drain(),
    'Notice worker round failed',
  );

  constructor(
    private readonly repository: NoticesRepository,
    private readonly renderer: NoticeRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined;
  }

  onApplicationBootstrap(): void {
    if (this.config.noticeWorker) this.rounds.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rounds.stop();
    this.transport?.close();
  }

  /** Rounds back to back while batches come full, so a large publish goes out at full speed. */
  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.runOnce();
      total += handled;
      if (handled < BATCH_SIZE) return total;
    }
  }

  /** One round: claims up to a batch of notices due by `at` and handles them. Returns how many. */
  async runOnce(at?: Date): Promise<number> {
    const claimed = await this.claim(at);
    if (claimed.length === 0) return 0;
    let mails: Map<string, NoticeMail | undefined>;
    try {
      mails = await this.renderer.renderBatch(claimed, new Map());
    } catch (error) {
      await Promise.all(claimed.map((notice) => this.failed(notice, error, at)));
      return claimed.length;
    }
    await Promise.all(claimed.map((notice) => this.handle(notice, mails.get(notice.id), at)));
    return claimed.length;
  }

  /** Marks due notices as being sent by this worker, in a transaction of its own. */
  claim(at?: Date): Promise<Notice[]> {
    return this.repository.claimDue(at, BATCH_SIZE, LEASE_SECONDS);
  }

  private async handle(notice: Notice, mail: NoticeMail | undefined, at?: Date): Promise<void> {
    try {
      if (!mail) {
        await this.mark(notice, { status: 'superseded', last_error: 'no longer applies' });
        return;
      }
      const messageId = `<notice-${notice.id}@${mailboxAddress(this.config.mailFrom).split('@')[1]}>`;
      const { message } = await this.composer.sendMail({
        from: this.config.mailFrom,
        to: notice.recipient,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        date: notice.createdAt,
        icalEvent: mail.calendar,
        attachments: mail.calendar
          ? [{ filename: 'invite.ics', content: mail.calendar.content, contentType: 'application/ics' }]
          : [],
      });
      const raw = (message as Buffer).toString('utf8');
      const rendered = { subject: mail.subject, message: raw, message_id: messageId };
      if (!this.transport) {
        await this.mark(notice, { ...rendered, status: 'held' });
        return;
      }
      await this.transport.sendMail({
        envelope: { from: mailboxAddress(this.config.mailFrom), to: [notice.recipient] },
        raw,
      });
      await this.mark(notice, { ...rendered, status: 'sent', sent_at: new Date() });
    } catch (error) {
      await this.failed(notice, error, at);
    }
  }

  private async failed(notice: Notice, error: unknown, at?: Date): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn({ noticeId: notice.id, attempts: notice.attempts, err: message }, 'Notice not sent');
    if (notice.attempts >= MAX_ATTEMPTS) {
      await this.mark(notice, { status: 'failed', last_error: message });
      return;
    }
    const dueAt = new Date((at ?? new Date()).getTime() + retryDelaySeconds(notice.attempts) * 1000);
    await this.mark(notice, { status: 'pending', last_error: message, due_at: dueAt });
  }

  /** Only the worker that holds the claim marks it (a notice taken again after its lease is not). */
  private mark(notice: Notice, changes: Record<string, unknown>): Promise<void> {
    return this.repository.markClaimed(notice, changes);
  }
}

/** A pooled SMTP transport from `smtp://` or `smtps://user:pass@host:port`. */
function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
  });
}

import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
}

/**
 * A real SMTP server (npm smtp-server) on a loopback port, keeping every message it accepts.
 * It can be stopped and started again on the same port, as a relay that goes down and comes back.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Stopping drops open (pooled) connections at once, as a relay that goes down would.
      closeTimeout: 50,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : this.port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages to one address, parsed as a mail client would. */
  async to(address: string): Promise<Array<ParsedMail & { raw: string }>> {
    const mails = this.received.filter((mail) => mail.envelopeTo.includes(address));
    return Promise.all(
      mails.map(async (mail) => Object.assign(await simpleParser(mail.raw), { raw: mail.raw })),
    );
  }
}

/** The text/calendar alternative of a parsed message. */
export function calendarPart(mail: ParsedMail): string {
  const part = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) throw new Error('no text/calendar part');
  return part.content.toString('utf8');
}

/** The .ics attachment of a parsed message. */
export function icsAttachment(mail: ParsedMail): string {
  const part = mail.attachments.find((attachment) => attachment.filename === 'invite.ics');
  if (!part) throw new Error('no .ics attachment');
  return part.content.toString('utf8');
}

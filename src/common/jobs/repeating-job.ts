import { Logger } from '@nestjs/common';

/**
 * A round of work run every `everyMs` from `start()` to `stop()`, one round at a time: a round
 * still running when the next is due is not doubled, and `stop()` waits for it. A failed round is
 * logged as `failure` under `context`; the next one runs as usual.
 */
export class RepeatingJob {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    context: string,
    private readonly everyMs: number,
    private readonly round: () => Promise<unknown>,
    private readonly failure: string,
  ) {
    this.logger = new Logger(context);
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.round()
        .then(
          () => undefined,
          (error: unknown) => this.logger.error({ err: error }, this.failure),
        )
        .finally(() => (this.running = undefined));
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { clientAddress } from './client-address.js';
import { FormHitsRepository } from './form-hits.repository.js';

/**
 * Public forms (portal sign-in, webinar registration) allow PUBLIC_FORM_RATE_LIMIT posts per minute for each key:
 * the client's address and the e-mail address asked for, counted separately. The counts live
 * in PostgreSQL, so every instance behind a load balancer sees the same ones.
 */
@Injectable()
export class FormRateLimit {
  constructor(
    private readonly hits: FormHitsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one post of a public form, for its client and for the e-mail address it names. */
  async takePost(form: 'signin' | 'register', request: Request, email: string): Promise<void> {
    const client = clientAddress(
      request.headers['x-forwarded-for'],
      request.socket.remoteAddress,
      this.config.trustProxyHops ?? 0,
    );
    await this.take([`${form}-client:${client}`, `${form}-address:${email}`]);
  }

  /** Counts this post for every key; over the limit for any of them is a 429, counted all the same. */
  async take(keys: string[]): Promise<void> {
    const limit = this.config.publicFormRateLimit ?? 10;
    const counts = await this.hits.countPost(keys);
    if (counts.some((hits) => hits > limit)) {
      throw new HttpException(
        { code: 'too-many-requests', detail: 'Too many attempts; wait a minute' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}

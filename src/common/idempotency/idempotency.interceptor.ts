import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
  Optional,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { principalKey } from '../auth/principal.js';
import { inRequestTransaction } from '../../database/request-transaction.js';
import { ConflictError, DomainError, invalid } from '../errors/problem.js';
import { claimKey, deleteExpiredKeys, storeAnswer, storedAnswer } from './idempotency-keys.repository.js';
import { IdempotencyErrorCode } from './idempotency-errors.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** About one idempotent POST in a hundred also clears out expired keys. */
const PURGE_SHARE = 0.01;

const SECRET_ONCE = 'quorum:secret-shown-once';

/**
 * Tests only: called after the handler's writes and before the key's answer is written, to
 * show that a process dying there leaves nothing behind.
 */
export const IDEMPOTENCY_CRASH_POINT = Symbol('IDEMPOTENCY_CRASH_POINT');

/**
 * The answer holds a secret shown once (a token). Its body is never stored for replay: a
 * repeat with the same key is a 409 naming what the first request created.
 */
export const AnswerHoldsSecret = (): MethodDecorator => SetMetadata(SECRET_ONCE, true);

/**
 * `Idempotency-Key` on POST: the first answer is kept in the database (so the promise holds
 * across instances); a repeat with the same key and body gets that answer again, a repeat
 * with another body a 422; a repeat while the first is still running waits for its answer.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
    @Optional() @Inject(IDEMPOTENCY_CRASH_POINT) private readonly crashPoint?: () => Promise<void> | void,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return next.handle();
    const secret = this.reflector.get<boolean | undefined>(SECRET_ONCE, context.getHandler()) === true;
    return from(this.handle(key, request, context.switchToHttp().getResponse<Response>(), next, secret));
  }

  private async handle(
    key: string,
    request: Request & { principal?: Principal },
    response: Response,
    next: CallHandler,
    secret: boolean,
  ) {
    if (!KEY_PATTERN.test(key)) throw invalid('Idempotency-Key', 'must be 1 to 255 visible ASCII characters');
    const principal = principalKey(request.principal!);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    // The key, the handler's writes and the answer are one transaction: a request that fails
    // (or a process that dies) before the commit leaves neither the key nor what it guards.
    const outcome = await inRequestTransaction(this.dataSource, async (manager) => {
      if (!(await claimKey(manager, principal, key, requestHash))) return { replay: true as const };
      const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const status = response.statusCode || HttpStatus.CREATED;
      // Only the new resource's id is kept for an answer with a secret: never the secret.
      const stored = secret ? { id: (body as { id?: unknown } | undefined)?.id ?? null } : body;
      await this.crashPoint?.();
      await storeAnswer(manager, principal, key, status, stored);
      return { replay: false as const, body };
    });
    if (Math.random() < PURGE_SHARE) void this.purgeExpired();
    if (outcome.replay) return this.replay(principal, key, requestHash, response, secret);
    return outcome.body;
  }

  private async purgeExpired(): Promise<void> {
    try {
      await deleteExpiredKeys(this.dataSource.manager);
    } catch {
      // Housekeeping only: the next purge will do it.
    }
  }

  private async replay(
    principal: string,
    key: string,
    requestHash: string,
    response: Response,
    secret: boolean,
  ): Promise<unknown> {
    const stored = await storedAnswer(this.dataSource.manager, principal, key);
    if (!stored)
      throw new ConflictError(
        IdempotencyErrorCode.KeyInFlight,
        'Retry: the first request with this key just ended',
      );
    if (stored.request_hash !== requestHash) {
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        IdempotencyErrorCode.KeyReused,
        'This Idempotency-Key was used with a different request',
        [{ path: 'Idempotency-Key', message: 'was already used with another body' }],
      );
    }
    if (stored.status_code === null) {
      throw new ConflictError(
        IdempotencyErrorCode.KeyInFlight,
        'The first request with this key is still being processed',
      );
    }
    if (secret) {
      const id = (stored.response_body as { id?: unknown } | null)?.id ?? null;
      throw new ConflictError(
        IdempotencyErrorCode.SecretNotRepeated,
        'The first request with this key already created the resource; its secret was shown once and is not repeated',
        undefined,
        { resourceId: id },
      );
    }
    response.status(stored.status_code);
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.response_body;
  }
}

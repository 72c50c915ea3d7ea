import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal.js';
import { ByteBudgetLru } from '../cache/byte-budget-lru.js';

/** What a read computes: its answer, and when that answer next reads differently on its own. */
export interface ReadAnswer {
  body: unknown;
  /**
   * Epoch ms from which the same data reads differently (a session starts or ends, and its
   * `timing` moves); the answer is not served from then on. Omitted: never.
   */
  changesAt?: number;
}

/** What a kept answer is the answer to, version of the data included; see `ReadCache.json`. */
export type ReadKey = readonly unknown[];

const MAX_ANSWERS = 20_000;
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Answers of repeated reads, as JSON, kept by everything they depend on: who asks, what
 * they ask (address and language), and the version of the data, read from the database on every
 * request (the committee's content version, which every change to what the committee's sessions
 * show raises in the same transaction). A read that finds its key answers with one indexed
 * lookup; any change moves the version, so a kept answer is never served stale, on this instance
 * or another. Bounded by count and bytes, least recently used out first.
 */
@Injectable()
export class ReadCache {
  private readonly answers = new ByteBudgetLru<{ json: Buffer; changesAt: number }>(MAX_ANSWERS, MAX_BYTES);

  /**
   * The answer as JSON (UTF-8 bytes): kept under `key` when one is given (undefined: the data's version is
   * not known, so compute it and keep nothing). Errors are thrown as they come, and not kept.
   */
  async json(
    key: ReadKey | undefined,
    compute: () => Promise<ReadAnswer>,
    now = Date.now(),
  ): Promise<Buffer> {
    const id = key === undefined ? undefined : JSON.stringify(key);
    const kept = id === undefined ? undefined : this.answers.get(id);
    if (kept !== undefined && now < kept.changesAt) return kept.json;
    const { body, changesAt = Number.POSITIVE_INFINITY } = await compute();
    const json = Buffer.from(JSON.stringify(body));
    // The key is kept as UTF-16: two bytes a character.
    if (id !== undefined) this.answers.set(id, { json, changesAt }, json.length + 2 * id.length);
    return json;
  }

  /** Sends the answer (`json`, kept or computed) with the headers `response.json` sends. */
  async send(
    response: Response,
    key: ReadKey | undefined,
    compute: () => Promise<ReadAnswer>,
  ): Promise<void> {
    const json = await this.json(key, compute);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.send(json);
  }
}

/**
 * The key of a read: who asks (every field of the principal, so another scope is another key),
 * the address with its query, the language the answer is in, and the data's version; undefined
 * when the version is unknown (nothing is kept then).
 */
export function readKey(
  principal: Principal,
  request: Request,
  lang: string | undefined,
  version: number | undefined,
): ReadKey | undefined {
  return version === undefined ? undefined : [principal, request.originalUrl, lang ?? null, version];
}

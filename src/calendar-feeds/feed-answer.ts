import type { NextFunction, Request, Response } from 'express';
import type { FeedContentService, FeedState } from './feed-content.service.js';

/** A feed's address: `/calendar/<token>.ics`; the token is the only credential. */
const FEED_TOKEN = 'cal_[A-Za-z0-9_-]{43}';
export const FEED_FILE = new RegExp(`^(${FEED_TOKEN})\\.ics$`);
const FEED_PATH = new RegExp(`^/calendar/(${FEED_TOKEN})\\.ics$`);

/** A gzipped answer is another representation, so it has its own strong ETag. */
function gzipEtagOf(state: FeedState): string {
  return `${state.etag.slice(0, -1)}-gzip"`;
}

/** Whether `If-None-Match` holds the feed's ETag, gzipped or not: the answer is then a 304. */
export function isNotModified(state: FeedState, ifNoneMatch: string | undefined): boolean {
  if (ifNoneMatch === undefined) return false;
  const etags = [state.etag, gzipEtagOf(state)];
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || etags.includes(tag.trim()));
}

export function writeFeedHeaders(response: Response, state: FeedState, gzip: boolean): void {
  response.setHeader('ETag', gzip ? gzipEtagOf(state) : state.etag);
  response.setHeader('Last-Modified', state.lastModified.toUTCString());
  response.setHeader('Cache-Control', 'private, max-age=300');
  response.setHeader('Vary', 'Accept-Encoding');
}

export function sendFeedBody(response: Response, body: Buffer, gzip: boolean): void {
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.status(200).type('text/calendar; charset=utf-8').send(body);
}

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((coding) => {
    const [name, ...params] = coding.trim().split(';');
    const quality = params.map((param) => /^q=([\d.]+)$/.exec(param.trim())?.[1]).find(Boolean);
    return name.trim().toLowerCase() === 'gzip' && (quality === undefined || Number(quality) > 0);
  });
}

/**
 * Polls of feeds this instance knows and has rendered, answered from memory before the
 * framework's routing: the same headers and bytes as the feed's route, which answers every
 * other request (unknown or revoked tokens, a feed not rendered yet, no listener).
 */
export function answerKnownFeedPolls(
  content: FeedContentService,
): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    if (request.method !== 'GET') return next();
    const token = FEED_PATH.exec(request.path)?.[1];
    const state = token === undefined ? undefined : content.stateInMemory(token);
    if (state === undefined) return next();
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    const notModified = isNotModified(state, request.headers['if-none-match']);
    const body = notModified ? undefined : content.bodyInMemory(state, gzip);
    if (!notModified && body === undefined) return next();
    writeFeedHeaders(response, state, gzip);
    if (body === undefined) response.status(304).end();
    else sendFeedBody(response, body, gzip);
  };
}

import { HttpStatus } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DomainError, invalid } from '../common/errors/problem.js';

/** A scanned signed protocol: a PDF of at most this many bytes. */
export const SIGNED_COPY_MAX_BYTES = 10 * 1024 * 1024;

/** Reads a raw request body, refusing (413) as soon as it grows past `limit`. */
export async function readRawBody(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.resume();
      throw new DomainError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'body-too-large',
        `The signed copy may be at most ${limit} bytes`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body must be a PDF (`Content-Type: application/pdf`, starting `%PDF-`). */
export function assertPdf(contentType: string | undefined, body: Buffer): void {
  if (contentType?.split(';')[0].trim().toLowerCase() !== 'application/pdf') {
    throw new DomainError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-media-type',
      'The signed copy is sent as Content-Type: application/pdf',
    );
  }
  if (body.length === 0 || body.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw invalid('body', 'is not a PDF document');
}

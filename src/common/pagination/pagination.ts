import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalid } from '../errors/problem.js';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page', example: 'WyIyMDI2LTEyLTAx…' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Keyset pagination over `(sortExpression, id)`. The sort value travels in the cursor as
 * PostgreSQL text, so microsecond timestamps compare exactly; rows added between requests
 * never make a page repeat or skip a row that was already there.
 */
export async function paginate<T extends ObjectLiteral, Raw = Record<string, unknown>>(
  query: SelectQueryBuilder<T>,
  options: { sortExpression: string; idExpression: string; page: PageQuery; sortCast: 'timestamptz' },
): Promise<Page<T> & { raw: Raw[] }> {
  const limit = options.page.limit ?? 50;
  const { sortExpression, idExpression, sortCast } = options;
  if (options.page.cursor) {
    const [sortValue, id] = decodeCursor(options.page.cursor);
    query.andWhere(
      `(${sortExpression}, ${idExpression}) > (CAST(:cursorSort AS ${sortCast}), CAST(:cursorId AS uuid))`,
      {
        cursorSort: sortValue,
        cursorId: id,
      },
    );
  }
  query
    .addSelect(`${sortExpression}::text`, 'page_sort')
    .orderBy(sortExpression, 'ASC')
    .addOrderBy(idExpression, 'ASC')
    .limit(limit + 1);
  const { entities, raw } = await query.getRawAndEntities<Raw & { page_sort: string }>();
  const items = entities.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    entities.length > limit && last
      ? encodeCursor([raw[limit - 1].page_sort, (last as unknown as { id: string }).id])
      : null;
  return { items, nextCursor, raw: raw.slice(0, limit) };
}

export function encodeCursor(values: [string, string]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A timestamptz as PostgreSQL writes it as text: `2026-12-01 10:00:00.123456+00`. */
const PG_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/** Checked whole, so a tampered cursor is a 400 naming `cursor` and never reaches SQL. */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === 2 &&
      typeof values[0] === 'string' &&
      typeof values[1] === 'string' &&
      isPgTimestamp(values[0]) &&
      UUID.test(values[1])
    ) {
      return [values[0], values[1]];
    }
  } catch {
    // fall through to the problem below
  }
  throw invalid('cursor', 'is not a cursor this API handed out');
}

function isPgTimestamp(text: string): boolean {
  const match = PG_TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** A page of rows in creation order (`created_at`, then `id`), as every list of the API pages. */
export function pageByCreation<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  page: PageQuery,
): Promise<Page<T>> {
  return paginate(query, {
    sortExpression: `${alias}.created_at`,
    idExpression: `${alias}.id`,
    sortCast: 'timestamptz',
    page,
  });
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Posts of public forms counted per key and minute (`public_form_hits`), shared by every instance. */
@Injectable()
export class FormHitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one post for each key in the current minute, dropping minutes that no longer count,
   * and returns each key's count so far this minute.
   */
  async countPost(keys: readonly string[]): Promise<number[]> {
    const rows = await this.dataSource.query<Array<{ hits: number }>>(
      `WITH expired AS (DELETE FROM public_form_hits WHERE window_start < now() - interval '2 minutes')
       INSERT INTO public_form_hits (key, window_start, hits)
       SELECT DISTINCT unnest($1::text[]), date_trunc('minute', now()), 1
       ON CONFLICT (key, window_start) DO UPDATE SET hits = public_form_hits.hits + 1
       RETURNING hits`,
      [keys],
    );
    return rows.map((row) => row.hits);
  }
}

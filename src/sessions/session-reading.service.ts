import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnprocessableError } from '../common/errors/problem.js';
import { isValidTimeZone, timeZoneProblem } from '../common/time/time-zones.js';
import { parseZoneList } from '../common/time/zoned-time.js';
import type { ReadingOptions } from './session-view.js';

export interface ReadingQuery {
  tz?: string | string[];
  calendar?: 'gregorian' | 'persian';
}

/** Works out, once per request, which zones and calendar each committee's sessions are shown in. */
@Injectable()
export class SessionReadingService {
  constructor(private readonly dataSource: DataSource) {}

  /** A function from committee id to reading options; the parties' zones come from one query. */
  async optionsFor(
    committeeIds: string[],
    query: ReadingQuery,
    lang: string | undefined,
    knownPartyZones?: Map<string, string[]>,
  ): Promise<(committeeId: string) => ReadingOptions> {
    const persian =
      query.calendar === 'persian' || (lang?.split('-')[0] === 'fa' && query.calendar !== 'gregorian');
    const asked = askedZones(query.tz);
    if (asked.length > 0) return () => ({ zones: asked, lang, persian });
    const zonesByCommittee = knownPartyZones ?? (await this.partyZones(committeeIds));
    return (committeeId) => ({ zones: zonesByCommittee.get(committeeId) ?? [], lang, persian });
  }

  async partyZones(committeeIds: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(committeeIds)];
    const zones = new Map<string, string[]>();
    if (unique.length === 0) return zones;
    const rows = await this.dataSource.query<Array<{ committee_id: string; time_zone: string }>>(
      `SELECT committee_id, time_zone FROM parties WHERE committee_id = ANY($1) ORDER BY created_at, id`,
      [unique],
    );
    for (const row of rows) {
      const list = zones.get(row.committee_id) ?? [];
      if (!list.includes(row.time_zone)) list.push(row.time_zone);
      zones.set(row.committee_id, list);
    }
    return zones;
  }
}

/** `?tz=` zones, each checked; an unknown one is a 422 naming it. */
export function askedZones(raw: string | string[] | undefined): string[] {
  const zones = parseZoneList(raw);
  const problems = zones
    .filter((zone) => !isValidTimeZone(zone))
    .map((zone) => ({ path: 'tz', message: timeZoneProblem(zone) ?? `${zone} is not an IANA time zone` }));
  if (problems.length > 0)
    throw new UnprocessableError(problems, problems.map((problem) => problem.message).join('; '));
  if (zones.length > 20) throw new UnprocessableError([{ path: 'tz', message: 'at most 20 zones' }]);
  return zones;
}

import { Injectable } from '@nestjs/common';
import { PartiesRepository } from '../parties/parties.repository.js';
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
  constructor(private readonly parties: PartiesRepository) {}

  /** A function from committee id to reading options; the parties' zones come from one query. */
  async optionsFor(
    committeeIds: string[],
    query: ReadingQuery,
    lang: string | undefined,
    knownPartyZones?: Map<string, string[]>,
  ): Promise<(committeeId: string) => ReadingOptions> {
    const persian = readsPersian(query.calendar, lang);
    const asked = askedZones(query.tz);
    if (asked.length > 0) return () => ({ zones: asked, lang, persian });
    const zonesByCommittee = knownPartyZones ?? (await this.parties.zonesByCommittee(committeeIds));
    return (committeeId) => ({ zones: zonesByCommittee.get(committeeId) ?? [], lang, persian });
  }
}

/** Dates are shown in the Solar Hijri calendar when asked, and for a Persian reader unless Gregorian is asked. */
export function readsPersian(calendar: ReadingQuery['calendar'], lang: string | undefined): boolean {
  return calendar === 'persian' || (lang?.split('-')[0] === 'fa' && calendar !== 'gregorian');
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

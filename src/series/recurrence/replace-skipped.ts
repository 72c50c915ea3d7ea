import type { Occurrence } from './expand.js';
import { nonWorkingReason, type PartyCalendar, type SkippedOccurrence } from './non-working-days.js';
import { formatIsoDate, fromEpochDay, parseIsoDate, toEpochDay } from '../../common/time/calendar-date.js';
import { localDateOf, resolveWallTime } from '../../common/time/wall-clock.js';
import { MINUTE_MS } from '../../common/time/durations.js';

export const REPLACE_SKIPPED = ['none', 'next_common_working_day'] as const;
export type ReplaceSkipped = (typeof REPLACE_SKIPPED)[number];

/** A skipped date's meeting held on another day: the occurrence keeps the skipped date's recurrence id. */
export type Replacement = { recurrenceId: string; replacedBy: string; startsAt: Date };

/** How far a replacement is looked for: past this, the meeting stays skipped. */
const LONGEST_SEARCH_DAYS = 60;

/**
 * Holds each skipped meeting on the next day every party works that has no meeting yet, at
 * the series' wall-clock time, so that "COUNT=12" still gives twelve meetings. The replacement
 * is the skipped occurrence moved: it keeps its recurrence id, so calendar apps see an override.
 */
export function replaceSkipped(
  kept: Occurrence[],
  skipped: SkippedOccurrence[],
  series: { timeZone: string; startTime: string; durationMinutes: number },
  parties: PartyCalendar[],
): { occurrences: Occurrence[]; replacements: Replacement[] } {
  const taken = new Set(kept.map((occurrence) => localDateOf(occurrence.startsAt, series.timeZone)));
  const [hour, minute] = series.startTime.split(':').map(Number);
  const added: Occurrence[] = [];
  const replacements: Replacement[] = [];
  for (const recurrenceId of [...new Set(skipped.map((entry) => entry.recurrenceId))].sort()) {
    const skippedDay = toEpochDay(parseIsoDate(recurrenceId.slice(0, 10))!);
    for (let offset = 1; offset <= LONGEST_SEARCH_DAYS; offset++) {
      const date = fromEpochDay(skippedDay + offset);
      const isoDate = formatIsoDate(date);
      if (taken.has(isoDate) || parties.some((party) => nonWorkingReason(isoDate, party) !== null)) continue;
      const start = resolveWallTime(series.timeZone, { ...date, hour, minute });
      const startsAt = start.instant;
      taken.add(isoDate);
      added.push({
        recurrenceId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + series.durationMinutes * MINUTE_MS),
        ...(start.shiftedMinutes > 0 && { shiftedMinutes: start.shiftedMinutes }),
      });
      replacements.push({ recurrenceId, replacedBy: `${isoDate}T${series.startTime}`, startsAt });
      break;
    }
  }
  const occurrences = [...kept, ...added].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { occurrences, replacements };
}

import { resolvedLanguage, resolveText } from '../common/i18n/localized-text.js';
import { displayTimes, localIso, persianDate, utcIso } from '../common/time/zoned-time.js';
import type { DisplayTimeDto, SessionDto } from './dto/session-output.dto.js';
import type { Session } from './session.entity.js';
import { sessionTiming } from './session-timing.js';
import { MINUTE_MS } from '../common/time/durations.js';

/** How a reader wants times and text: the zones to show, the language, the calendar. */
export interface ReadingOptions {
  zones: string[];
  lang?: string;
  persian: boolean;
  /** The moment reads are computed for; now unless a caller says otherwise. */
  now?: Date;
}

export function zonedTimes(
  startsAt: Date,
  endsAt: Date,
  zoneOfRecord: string,
  options: ReadingOptions,
): DisplayTimeDto[] {
  return displayTimes(startsAt, endsAt, zoneOfRecord, options.zones).map((time) =>
    options.persian
      ? { ...time, persianDate: persianDate(startsAt, time.timeZone, options.lang ?? 'fa') }
      : time,
  );
}

export function toSessionDto(session: Session, options: ReadingOptions): SessionDto {
  return {
    id: session.id,
    committeeId: session.committeeId,
    workingGroupId: session.workingGroupId,
    seriesId: session.seriesId,
    recurrenceId: session.recurrenceId,
    title: session.title,
    description: session.description,
    kind: session.kind,
    format: session.format,
    status: session.status,
    timing: sessionTiming(session.startsAt, session.endsAt, options.now ?? new Date()),
    timeZone: session.timeZone,
    startsAt: utcIso(session.startsAt),
    endsAt: utcIso(session.endsAt),
    localStart: localIso(session.startsAt, session.timeZone),
    localEnd: localIso(session.endsAt, session.timeZone),
    durationMinutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / MINUTE_MS),
    displayTimes: zonedTimes(session.startsAt, session.endsAt, session.timeZone, options),
    location: session.location,
    onlineMeeting: session.onlineMeeting,
    capacity: session.capacity,
    sequence: session.sequence,
    version: session.version,
    cancellationReason: session.cancellationReason,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
    ...(options.lang
      ? {
          resolved: {
            lang: resolvedLanguage(options.lang, session.title),
            title: resolveText(session.title, options.lang),
            description: resolveText(session.description, options.lang),
            location: resolveText(session.location, options.lang),
            cancellationReason: resolveText(session.cancellationReason, options.lang),
          },
        }
      : {}),
  };
}

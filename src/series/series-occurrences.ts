import type { EntityManager } from 'typeorm';
import { Party } from '../parties/party.entity.js';
import { seriesFieldsOf } from '../sessions/series-fields.js';
import { SessionParticipant } from '../sessions/session-participant.entity.js';
import { Session, type SessionStatus } from '../sessions/session.entity.js';
import type { Occurrence } from './recurrence/expand.js';
import type { PartyCalendar } from './recurrence/non-working-days.js';
import { SeriesParticipant } from './series-participant.entity.js';
import type { Series } from './series.entity.js';

/** A new occurrence: a session carrying the series' fields at the occurrence's times. */
export function occurrenceSession(
  manager: EntityManager,
  series: Series,
  occurrence: Occurrence,
  status: SessionStatus,
): Session {
  return manager.create(Session, {
    ...seriesFieldsOf(series),
    committeeId: series.committeeId,
    seriesId: series.id,
    recurrenceId: occurrence.recurrenceId,
    detached: false,
    status,
    timeZone: series.timeZone,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    sequence: 0,
    version: 1,
    cancellationReason: null,
  });
}

/** Saves new occurrences and gives them the series' invitations. */
export async function insertOccurrences(
  manager: EntityManager,
  series: Series,
  occurrences: Occurrence[],
  status: SessionStatus,
): Promise<Session[]> {
  if (occurrences.length === 0) return [];
  const sessions = await manager.save(
    occurrences.map((occurrence) => occurrenceSession(manager, series, occurrence, status)),
  );
  const invitations = await manager.findBy(SeriesParticipant, { seriesId: series.id });
  if (invitations.length > 0) {
    await manager.insert(
      SessionParticipant,
      sessions.flatMap((session) =>
        invitations.map((invitation) => ({
          sessionId: session.id,
          participantId: invitation.participantId,
          role: invitation.role,
          attendance: invitation.attendance,
          rsvp: 'needs_action' as const,
        })),
      ),
    );
  }
  return sessions;
}

export async function partyCalendars(manager: EntityManager, committeeId: string): Promise<PartyCalendar[]> {
  const parties = await manager.find(Party, {
    where: { committeeId },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  return parties.map((party) => ({
    code: party.code,
    workWeek: party.workWeek,
    holidayCountry: party.holidayCountry,
    extraNonWorkingDays: party.extraNonWorkingDays,
    extraWorkingDays: party.extraWorkingDays,
  }));
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import { utcIso } from '../common/time/zoned-time.js';
import { askedZones, readsPersian } from '../sessions/session-reading.service.js';
import { toSessionDto, zonedTimes, type ReadingOptions } from '../sessions/session-view.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { AgendaRepository, toAgendaItem, type AgendaRaw } from './agenda.repository.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { computeAgendaTimeline, type AgendaTimeline } from './agenda-timeline.js';
import type { RenderedAgendaDto } from './dto/rendered-agenda.dto.js';

/** The session and its planned agenda from a row `withAgenda` read. */
export function loadedAgenda(session: Session, row: AgendaRaw, askedZones: string[] = []): LoadedAgenda {
  const items = (row.agenda_items ?? []).map(toAgendaItem);
  return {
    session,
    zones: askedZones.length > 0 ? askedZones : [...new Set([session.timeZone, ...(row.party_zones ?? [])])],
    items,
    timeline: computeAgendaTimeline(session.startsAt, session.endsAt, items),
    presenters: new Map((row.presenters ?? []).map((presenter) => [presenter.id, presenter.full_name])),
    answer: row.answer ?? null,
  };
}

/** A session with its agenda planned, as read under the caller's visibility. */
export interface LoadedAgenda {
  session: Session;
  /** The zones asked, else the zone of record and the parties' zones. */
  zones: string[];
  items: AgendaItem[];
  timeline: AgendaTimeline;
  presenters: Map<string, LocalizedText>;
  /** The reader's RSVP where the query read it; null when not invited (or not read). */
  answer: Rsvp | null;
}

@Injectable()
export class AgendaRenderService {
  constructor(private readonly agenda: AgendaRepository) {}

  /**
   * The whole agenda in one query: the session, its parties' zones, its items and their
   * presenters. 404 when the caller may not see it.
   */
  async load(
    principal: Principal,
    sessionId: string,
    options: { tz?: string | string[] } = {},
  ): Promise<LoadedAgenda> {
    const found = await this.agenda.visibleSessionWithAgenda(principal, sessionId);
    if (!found) throw new NotFoundError('Session');
    return loadedAgenda(found.session, found.row, askedZones(options.tz));
  }

  async render(
    principal: Principal,
    sessionId: string,
    query: { tz?: string | string[]; calendar?: 'gregorian' | 'persian' },
    lang: string | undefined,
    now = new Date(),
  ): Promise<RenderedAgendaDto> {
    const { session, zones, items, timeline, presenters } = await this.load(principal, sessionId, query);
    const options: ReadingOptions = {
      zones,
      lang,
      persian: readsPersian(query.calendar, lang),
      now,
    };
    const byId = new Map(items.map((item) => [item.id, item]));
    return {
      session: toSessionDto(session, options),
      zones,
      ...(lang ? { lang } : {}),
      items: timeline.items.map((timed) => {
        const item = byId.get(timed.id)!;
        return {
          id: item.id,
          number: timed.number,
          depth: timed.depth,
          parentId: item.parentId,
          title: item.title,
          titleText: resolveText(item.title, lang),
          description: item.description,
          kind: item.kind,
          durationMinutes: item.durationMinutes,
          plannedStart: utcIso(timed.plannedStart),
          plannedEnd: utcIso(timed.plannedEnd),
          times: zonedTimes(timed.plannedStart, timed.plannedEnd, session.timeZone, options),
          presenters: item.presenterIds.map((id) => {
            const fullName = presenters.get(id) ?? {};
            return { id, fullName, name: resolveText(fullName, lang) };
          }),
          links: item.links,
        };
      }),
      totals: {
        plannedMinutes: timeline.plannedMinutes,
        sessionMinutes: timeline.sessionMinutes,
        overrunMinutes: timeline.overrunMinutes,
      },
    };
  }
}

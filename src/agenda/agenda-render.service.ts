import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import { utcIso } from '../common/time/zoned-time.js';
import { askedZones } from '../sessions/session-reading.service.js';
import { toSessionDto, zonedTimes, type ReadingOptions } from '../sessions/session-view.js';
import { visibleSessionsCondition } from '../sessions/sessions.repository.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import { Session } from '../sessions/session.entity.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { computeAgendaTimeline, type AgendaTimeline } from './agenda-timeline.js';
import type { RenderedAgendaDto } from './dto/rendered-agenda.dto.js';

/** What `withAgenda` adds to a session's row (and `answer`, a reader's RSVP, where a query adds it). */
export interface AgendaRaw {
  party_zones: string[] | null;
  agenda_items: Array<Record<string, unknown>> | null;
  presenters: Array<{ id: string; full_name: LocalizedText }> | null;
  answer?: Rsvp | null;
}

/** The parties' zones, the agenda items and their presenters of a session `s`: (expression, name). */
export const AGENDA_SELECTS: ReadonlyArray<[string, keyof AgendaRaw]> = [
  [
    `(SELECT array_agg(p.time_zone ORDER BY p.created_at, p.id) FROM parties p WHERE p.committee_id = s.committee_id)`,
    'party_zones',
  ],
  [`(SELECT json_agg(a.*) FROM agenda_items a WHERE a.session_id = s.id)`, 'agenda_items'],
  [
    `(SELECT json_agg(json_build_object('id', pt.id, 'full_name', pt.full_name)) FROM participants pt
       WHERE pt.id IN (SELECT unnest(a.presenter_ids) FROM agenda_items a WHERE a.session_id = s.id))`,
    'presenters',
  ],
];

/** Adds `AGENDA_SELECTS` to a query of sessions `s`. */
export function withAgenda(query: SelectQueryBuilder<Session>): SelectQueryBuilder<Session> {
  for (const [expression, name] of AGENDA_SELECTS) query.addSelect(expression, name);
  return query;
}

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
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The whole agenda in one query: the session, its parties' zones, its items and their
   * presenters. 404 when the caller may not see it.
   */
  async load(
    principal: Principal,
    sessionId: string,
    options: { tz?: string | string[] } = {},
  ): Promise<LoadedAgenda> {
    const visible = visibleSessionsCondition('s', principal);
    const query = withAgenda(this.dataSource.getRepository(Session).createQueryBuilder('s'))
      .where('s.id = :sessionId', { sessionId })
      .andWhere(visible.condition, visible.parameters);
    const { entities, raw } = await query.getRawAndEntities<AgendaRaw>();
    if (!entities[0]) throw new NotFoundError('Session');
    return loadedAgenda(entities[0], raw[0], askedZones(options.tz));
  }

  async render(
    principal: Principal,
    sessionId: string,
    query: { tz?: string | string[]; calendar?: 'gregorian' | 'persian' },
    lang: string | undefined,
  ): Promise<RenderedAgendaDto> {
    const { session, zones, items, timeline, presenters } = await this.load(principal, sessionId, query);
    const options: ReadingOptions = {
      zones,
      lang,
      persian:
        query.calendar === 'persian' || (lang?.split('-')[0] === 'fa' && query.calendar !== 'gregorian'),
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

/** json_agg gives the row with its column names; map it to the entity's shape. */
function toAgendaItem(row: Record<string, unknown>): AgendaItem {
  return {
    id: row.id as string,
    sessionId: row.session_id as string,
    parentId: (row.parent_id as string | null) ?? null,
    position: row.position as number,
    title: row.title as LocalizedText,
    description: (row.description as LocalizedText | null) ?? null,
    kind: row.kind as AgendaItem['kind'],
    durationMinutes: row.duration_minutes as number,
    presenterIds: (row.presenter_ids as string[]) ?? [],
    links: (row.links as AgendaItem['links']) ?? [],
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}

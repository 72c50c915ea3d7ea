import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '../common/errors/problem.js';
import { DataSource } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { assertCanReadCommittee, canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import {
  ConflictError,
  type FieldProblem,
  NotFoundError,
  UnprocessableError,
} from '../common/errors/problem.js';
import { displayTimes, utcIso } from '../common/time/zoned-time.js';
import { busyTimes } from './busy-times.js';
import type { SlotSearchDto, SlotSearchResultDto } from './dto/slot-search.dto.js';
import { committeeParticipants, invitedSessions, partySchedules } from './scheduling.repository.js';
import { SLOT_SEARCH_LIMITS } from './slot-search-limits.js';
import { searchSlots, type SlotSearchResult } from './slot-search.js';
import { addDays, datesBetween, HOLIDAY_DATA_VERSION, type PartySchedule } from './working-calendar.js';
import { SchedulingErrorCode } from './scheduling-errors.js';

/** Loads parties, participants and their sessions in a constant number of queries, then searches. */
@Injectable()
export class SlotSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(
    principal: Principal,
    committeeId: string,
    input: SlotSearchDto,
  ): Promise<SlotSearchResultDto> {
    assertCanReadCommittee(principal, committeeId);
    const listed = [...input.participantIds, ...(input.optionalParticipantIds ?? [])];
    // Delegates see free/busy only, and only for searches they are part of.
    if (!canManageCommittee(principal, committeeId) && !listed.includes(principal.participantId ?? '')) {
      throw new ForbiddenError(
        'A delegate searches only with itself among participantIds or optionalParticipantIds',
      );
    }
    const manager = this.dataSource.manager;
    const committee = await manager.findOneBy(Committee, { id: committeeId });
    if (!committee) throw new NotFoundError('Committee');
    const parties = await partySchedules(manager, committeeId);
    if (parties.length === 0) {
      throw new ConflictError(
        SchedulingErrorCode.NoParties,
        'The committee has no parties, so no working days to search',
      );
    }
    const known = await committeeParticipants(manager, committeeId, listed);
    assertValid(
      input,
      listed,
      known,
      parties.map((party) => party.code),
    );

    const timeZone = input.timeZone ?? committee.defaultTimeZone;
    const result = await this.searchWithin(input, { parties, listed, known, timeZone });
    const zones = [timeZone, ...parties.map((party) => party.timeZone)];
    return {
      timeZone,
      holidayDataVersion: HOLIDAY_DATA_VERSION,
      slots: result.slots.map((slot) => ({
        startsAt: utcIso(slot.startsAt),
        endsAt: utcIso(slot.endsAt),
        displayTimes: displayTimes(slot.startsAt, slot.endsAt, timeZone, zones),
        score: slot.score,
        reasons: slot.reasons,
      })),
      reasons: result.reasons,
    };
  }

  /** The search itself, on the loaded parties and participants and their invited sessions around the range. */
  private async searchWithin(
    input: SlotSearchDto,
    loaded: {
      parties: PartySchedule[];
      listed: string[];
      known: Array<{ id: string; partyCode: string }>;
      timeZone: string;
    },
  ): Promise<SlotSearchResult> {
    const { parties, listed, known, timeZone } = loaded;
    const manager = this.dataSource.manager;
    const window = {
      start: new Date(`${addDays(input.from, -2)}T00:00:00Z`),
      end: new Date(`${addDays(input.to, 3)}T00:00:00Z`),
    };
    const partyOf = new Map(known.map((participant) => [participant.id, participant.partyCode]));
    const required = new Set(input.participantIds);
    return searchSlots({
      parties,
      from: input.from,
      to: input.to,
      timeZone,
      durationMinutes: input.durationMinutes,
      granularityMinutes: input.granularityMinutes ?? SLOT_SEARCH_LIMITS.defaultGranularityMinutes,
      participants: listed.map((id) => ({ id, partyCode: partyOf.get(id)!, required: required.has(id) })),
      busy: busyTimes(await invitedSessions(manager, listed, window)),
      minPerParty: input.minPerParty ?? {},
      earliestLocal: input.earliestLocal,
      latestLocal: input.latestLocal,
      limit: input.limit ?? SLOT_SEARCH_LIMITS.defaultSlots,
    });
  }
}

/** The rules no DTO decorator can check: the range, the participants, the party codes. */
function assertValid(
  input: SlotSearchDto,
  listed: string[],
  known: Array<{ id: string }>,
  partyCodes: string[],
): void {
  const problems: FieldProblem[] = [];
  if (input.to < input.from) problems.push({ path: 'to', message: 'must not be before from' });
  else if (datesBetween(input.from, input.to).length > SLOT_SEARCH_LIMITS.longestRangeDays) {
    problems.push({
      path: 'to',
      message: `must be at most ${SLOT_SEARCH_LIMITS.longestRangeDays} days from from (both inclusive)`,
    });
  }
  const knownIds = new Set(known.map((participant) => participant.id));
  const requiredCount = input.participantIds.length;
  listed.forEach((id, index) => {
    const path =
      index < requiredCount ? `participantIds[${index}]` : `optionalParticipantIds[${index - requiredCount}]`;
    if (!knownIds.has(id)) problems.push({ path, message: 'is not a participant of this committee' });
    else if (index >= requiredCount && input.participantIds.includes(id)) {
      problems.push({ path, message: 'is already in participantIds' });
    }
  });
  for (const [code, minimum] of Object.entries(input.minPerParty ?? {})) {
    if (!partyCodes.includes(code)) {
      problems.push({
        path: `minPerParty.${code}`,
        message: `is not a party of this committee (${partyCodes.join(', ')})`,
      });
    } else if (!Number.isInteger(minimum) || minimum < 1 || minimum > SLOT_SEARCH_LIMITS.participants) {
      problems.push({
        path: `minPerParty.${code}`,
        message: 'must be a whole number of participants, at least 1',
      });
    }
  }
  if (input.earliestLocal && input.latestLocal && input.latestLocal <= input.earliestLocal) {
    problems.push({ path: 'latestLocal', message: 'must be after earliestLocal' });
  }
  if (problems.length > 0) {
    throw new UnprocessableError(problems, problems.map((p) => `${p.path} ${p.message}`).join('; '));
  }
}

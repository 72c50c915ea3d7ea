import type { Interval } from './working-calendar.js';

export interface SearchParticipant {
  id: string;
  partyCode: string;
  /** Required participants must be free; optional ones only add to the score. */
  required: boolean;
}

/** A session in which the participant is required and has not declined; a draft is tentative. */
export interface BusyTime {
  participantId: string;
  start: number;
  end: number;
  tentative: boolean;
}

type Status = 'free' | 'tentative' | 'busy';
type Judgement =
  | { feasible: false }
  | {
      feasible: true;
      penalty: number;
      reasons: Array<{ code: string; message: string; participantIds: string[] }>;
    };

const PENALTY = { tentative: 15, busyInQuorum: 5, optionalNotFree: 3 };

/** Merged, sorted, disjoint intervals, so one binary search answers "busy then?". */
function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

function overlaps(disjoint: Interval[], interval: Interval): boolean {
  let low = 0;
  let high = disjoint.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (disjoint[middle].end <= interval.start) low = middle + 1;
    else high = middle;
  }
  return low < disjoint.length && disjoint[low].start < interval.end;
}

/**
 * Who is free when. A required participant of a party named in `minPerParty` counts toward
 * that party's quorum instead of having to be free; every other required participant must be
 * free (a draft of theirs only lowers the score).
 */
export function findAvailability(input: {
  participants: SearchParticipant[];
  busy: BusyTime[];
  minPerParty: Record<string, number>;
}) {
  const { minPerParty } = input;
  // In id order, so that every list in the answer comes out the same whatever the input order.
  const participants = [...input.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firm = new Map<string, Interval[]>();
  const tentative = new Map<string, Interval[]>();
  const byParticipant = new Map<string, BusyTime[]>(participants.map((participant) => [participant.id, []]));
  for (const busy of input.busy) byParticipant.get(busy.participantId)?.push(busy);
  for (const [id, own] of byParticipant) {
    firm.set(id, merge(own.filter((busy) => !busy.tentative)));
    tentative.set(id, merge(own.filter((busy) => busy.tentative)));
  }
  const statusAt = (id: string, interval: Interval): Status =>
    overlaps(firm.get(id)!, interval)
      ? 'busy'
      : overlaps(tentative.get(id)!, interval)
        ? 'tentative'
        : 'free';
  const mustBeFree = (participant: SearchParticipant) =>
    participant.required && minPerParty[participant.partyCode] === undefined;
  const quorumShort = (statuses: Map<string, Status>) =>
    Object.entries(minPerParty).flatMap(([code, minimum]) => {
      const available = participants.filter((p) => p.partyCode === code && statuses.get(p.id) !== 'busy');
      return available.length < minimum ? [code] : [];
    });
  const statusesAt = (interval: Interval) =>
    new Map(participants.map((participant) => [participant.id, statusAt(participant.id, interval)]));

  return {
    judge(interval: Interval): Judgement {
      const statuses = statusesAt(interval);
      if (participants.some((p) => mustBeFree(p) && statuses.get(p.id) === 'busy'))
        return { feasible: false };
      if (quorumShort(statuses).length > 0) return { feasible: false };
      const groups = {
        free: [] as string[],
        freeOptional: [] as string[],
        tentative: [] as string[],
        busy: [] as string[],
        notFreeOptional: [] as string[],
      };
      for (const participant of participants) {
        const status = statuses.get(participant.id)!;
        if (!participant.required)
          (status === 'free' ? groups.freeOptional : groups.notFreeOptional).push(participant.id);
        else groups[status].push(participant.id);
      }
      const required = participants.filter((p) => p.required).length;
      const optional = participants.length - required;
      const reasons = [
        {
          code: 'free',
          participantIds: [...groups.free, ...groups.freeOptional],
          message: `Free: ${groups.free.length} of ${required} required, ${groups.freeOptional.length} of ${optional} optional`,
        },
      ];
      if (groups.tentative.length > 0) {
        reasons.push({
          code: 'tentative_conflict',
          participantIds: groups.tentative,
          message: `${groups.tentative.length} required participant(s) have a draft session then (tentative)`,
        });
      }
      if (groups.busy.length > 0) {
        reasons.push({
          code: 'busy',
          participantIds: groups.busy,
          message: `${groups.busy.length} required participant(s) are busy; each party's quorum is still met`,
        });
      }
      if (groups.notFreeOptional.length > 0) {
        reasons.push({
          code: 'optional_not_free',
          participantIds: groups.notFreeOptional,
          message: `${groups.notFreeOptional.length} optional participant(s) are not free`,
        });
      }
      const penalty =
        groups.tentative.length * PENALTY.tentative +
        groups.busy.length * PENALTY.busyInQuorum +
        groups.notFreeOptional.length * PENALTY.optionalNotFree;
      return { feasible: true, penalty, reasons };
    },

    /** Why no candidate time works: who is busy at every one of them, or whose quorum is never met. */
    whyNone(starts: number[], durationMs: number) {
      const candidates = starts.map((start) => statusesAt({ start, end: start + durationMs }));
      const alwaysBusy = participants
        .filter((p) => mustBeFree(p) && candidates.every((statuses) => statuses.get(p.id) === 'busy'))
        .map((p) => p.id);
      const neverQuorum = Object.keys(minPerParty).filter((code) =>
        candidates.every((statuses) => quorumShort(statuses).includes(code)),
      );
      const reasons: Array<{ code: string; message: string } & Record<string, unknown>> = [];
      if (alwaysBusy.length > 0) {
        reasons.push({
          code: 'always_busy',
          participantIds: alwaysBusy,
          message: `Every common working hour in the range is busy for ${alwaysBusy.length} required participant(s)`,
        });
      }
      for (const code of neverQuorum) {
        reasons.push({
          code: 'quorum_not_met',
          partyCode: code,
          message: `Fewer than ${minPerParty[code]} of ${code}'s listed participants are free at any common working hour`,
        });
      }
      if (reasons.length === 0) {
        reasons.push({
          code: 'no_common_free_time',
          message: 'At every common working hour some required participant is busy',
        });
      }
      return reasons;
    },
  };
}

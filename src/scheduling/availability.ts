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
      reasons: Reason[];
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

type Reason = { code: string; message: string; participantIds: string[] };
type Groups = Record<'free' | 'freeOptional' | 'tentative' | 'busy' | 'notFreeOptional', string[]>;

/**
 * Who is free when. A required participant of a party named in `minPerParty` counts toward
 * that party's quorum instead of having to be free; every other required participant must be
 * free (a draft of theirs only lowers the score).
 */
export function findAvailability(input: {
  participants: SearchParticipant[];
  busy: BusyTime[];
  minPerParty: Record<string, number>;
}): Availability {
  return new Availability(input.participants, input.busy, input.minPerParty);
}

export class Availability {
  private readonly participants: SearchParticipant[];
  private readonly firm = new Map<string, Interval[]>();
  private readonly tentative = new Map<string, Interval[]>();

  constructor(
    participants: SearchParticipant[],
    busy: BusyTime[],
    private readonly minPerParty: Record<string, number>,
  ) {
    // In id order, so that every list in the answer comes out the same whatever the input order.
    this.participants = [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const byParticipant = new Map<string, BusyTime[]>(
      this.participants.map((participant) => [participant.id, []]),
    );
    for (const time of busy) byParticipant.get(time.participantId)?.push(time);
    for (const [id, own] of byParticipant) {
      this.firm.set(id, merge(own.filter((time) => !time.tentative)));
      this.tentative.set(id, merge(own.filter((time) => time.tentative)));
    }
  }

  /** Whether `interval` works, and if so how well (a penalty, lower is better) and why. */
  judge(interval: Interval): Judgement {
    const statuses = this.statusesAt(interval);
    if (this.participants.some((p) => this.mustBeFree(p) && statuses.get(p.id) === 'busy')) {
      return { feasible: false };
    }
    if (this.quorumShort(statuses).length > 0) return { feasible: false };
    const groups: Groups = { free: [], freeOptional: [], tentative: [], busy: [], notFreeOptional: [] };
    for (const participant of this.participants) {
      const status = statuses.get(participant.id)!;
      if (!participant.required) {
        (status === 'free' ? groups.freeOptional : groups.notFreeOptional).push(participant.id);
      } else groups[status].push(participant.id);
    }
    const required = this.participants.filter((p) => p.required).length;
    const penalty =
      groups.tentative.length * PENALTY.tentative +
      groups.busy.length * PENALTY.busyInQuorum +
      groups.notFreeOptional.length * PENALTY.optionalNotFree;
    return {
      feasible: true,
      penalty,
      reasons: slotReasons(groups, required, this.participants.length - required),
    };
  }

  /** Why no candidate time works: who is busy at every one of them, or whose quorum is never met. */
  whyNone(starts: number[], durationMs: number) {
    const candidates = starts.map((start) => this.statusesAt({ start, end: start + durationMs }));
    const alwaysBusy = this.participants
      .filter((p) => this.mustBeFree(p) && candidates.every((statuses) => statuses.get(p.id) === 'busy'))
      .map((p) => p.id);
    const neverQuorum = Object.keys(this.minPerParty).filter((code) =>
      candidates.every((statuses) => this.quorumShort(statuses).includes(code)),
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
        message: `Fewer than ${this.minPerParty[code]} of ${code}'s listed participants are free at any common working hour`,
      });
    }
    if (reasons.length === 0) {
      reasons.push({
        code: 'no_common_free_time',
        message: 'At every common working hour some required participant is busy',
      });
    }
    return reasons;
  }

  private statusAt(id: string, interval: Interval): Status {
    if (overlaps(this.firm.get(id)!, interval)) return 'busy';
    return overlaps(this.tentative.get(id)!, interval) ? 'tentative' : 'free';
  }

  private statusesAt(interval: Interval): Map<string, Status> {
    return new Map(
      this.participants.map((participant) => [participant.id, this.statusAt(participant.id, interval)]),
    );
  }

  private mustBeFree(participant: SearchParticipant): boolean {
    return participant.required && this.minPerParty[participant.partyCode] === undefined;
  }

  /** The parties named in `minPerParty` with fewer participants not busy than their minimum. */
  private quorumShort(statuses: Map<string, Status>): string[] {
    return Object.entries(this.minPerParty).flatMap(([code, minimum]) => {
      const available = this.participants.filter(
        (p) => p.partyCode === code && statuses.get(p.id) !== 'busy',
      );
      return available.length < minimum ? [code] : [];
    });
  }
}

/** The reasons a feasible slot carries: who is free, and who is tentative, busy or not free. */
function slotReasons(groups: Groups, required: number, optional: number): Reason[] {
  const reasons: Reason[] = [
    {
      code: 'free',
      participantIds: [...groups.free, ...groups.freeOptional],
      message: `Free: ${groups.free.length} of ${required} required, ${groups.freeOptional.length} of ${optional} optional`,
    },
  ];
  const others: Array<[string, string[], string]> = [
    ['tentative_conflict', groups.tentative, 'required participant(s) have a draft session then (tentative)'],
    ['busy', groups.busy, "required participant(s) are busy; each party's quorum is still met"],
    ['optional_not_free', groups.notFreeOptional, 'optional participant(s) are not free'],
  ];
  for (const [code, participantIds, what] of others) {
    if (participantIds.length > 0)
      reasons.push({ code, participantIds, message: `${participantIds.length} ${what}` });
  }
  return reasons;
}

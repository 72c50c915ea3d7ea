import { DateTime } from 'luxon';
import { busyTimes } from './busy-times.js';
import { iran, russia } from './iran-russia.fixture.js';
import { searchSlots, type SlotSearchInput } from './slot-search.js';

const search = (overrides: Partial<SlotSearchInput>) =>
  searchSlots({
    parties: [iran, russia],
    from: '2026-12-05',
    to: '2026-12-11',
    timeZone: 'Europe/Moscow',
    durationMinutes: 60,
    granularityMinutes: 30,
    participants: [],
    busy: [],
    minPerParty: {},
    limit: 500,
    ...overrides,
  });

const local = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone });
const dates = (slots: Array<{ startsAt: Date }>, zone = 'Europe/Moscow') =>
  [...new Set(slots.map((slot) => local(slot.startsAt, zone).toISODate()))].sort();
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

describe('searchSlots: working days and hours of both parties', () => {
  it('finds times only on Monday to Wednesday, the days both work', () => {
    const { slots } = search({});
    expect(dates(slots)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('keeps to Moscow 09:00–16:30 = Tehran 09:30–17:00, the common hours across the 30-minute offset', () => {
    const { slots } = search({ timeZone: 'Asia/Tehran' });
    const starts = slots.map((slot) => local(slot.startsAt, 'Asia/Tehran').toFormat('HH:mm'));
    const ends = slots.map((slot) => local(slot.endsAt, 'Europe/Moscow').toFormat('HH:mm'));
    expect([...starts].sort()[0]).toBe('09:30');
    expect([...ends].sort().at(-1)).toBe('16:30');
    // Per day: 09:30, 10:00 … 16:00 Tehran, 14 starts of an hour each.
    expect(slots).toHaveLength(3 * 14);
  });

  it('lays the start grid on the answer zone’s clock', () => {
    const { slots } = search({ timeZone: 'Asia/Tehran', granularityMinutes: 60 });
    const starts = new Set(slots.map((slot) => local(slot.startsAt, 'Asia/Tehran').toFormat('HH:mm')));
    expect([...starts].sort()).toEqual(['10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('ranks the slots nearest both middays first', () => {
    const { slots } = search({ limit: 3 });
    // Middays: Tehran 13:00 = Moscow 12:30, Moscow 13:00: a 60-minute slot 12:15–13:15 would be best; 12:00 and 12:30 tie.
    expect(slots.map((slot) => local(slot.startsAt, 'Europe/Moscow').toFormat('yyyy-MM-dd HH:mm'))).toEqual([
      '2026-12-07 12:00',
      '2026-12-07 12:30',
      '2026-12-08 12:00',
    ]);
  });

  it('finds nothing during Nowruz 2027 and says why, naming the holiday', () => {
    const result = search({ from: '2027-03-20', to: '2027-03-26' });
    expect(result.slots).toEqual([]);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0].code).toBe('no_common_working_day');
    expect(result.reasons[0].days).toEqual(
      expect.arrayContaining([
        { date: '2027-03-22', partyCode: 'IR', reason: 'holiday', name: 'نوروز' },
        { date: '2027-03-25', partyCode: 'IR', reason: 'weekend', name: undefined },
        { date: '2027-03-21', partyCode: 'RU', reason: 'weekend', name: undefined },
      ]),
    );
  });

  it('skips Russia’s New Year holidays, 1 to 8 January 2027', () => {
    const { slots } = search({ from: '2027-01-01', to: '2027-01-13' });
    expect(dates(slots)).toEqual(['2027-01-11', '2027-01-12', '2027-01-13']);
  });

  it('finds nothing on a Saturday that only Russia works (an Iranian holiday)', () => {
    const moved = { ...russia, extraWorkingDays: ['2027-03-20'] };
    const result = search({ parties: [iran, moved], from: '2027-03-20', to: '2027-03-20' });
    expect(result.slots).toEqual([]);
    expect(result.reasons[0]).toMatchObject({
      code: 'no_common_working_day',
      days: [{ date: '2027-03-20', partyCode: 'IR', reason: 'holiday', name: 'ملی شدن صنعت نفت' }],
    });
  });

  it('finds times on a Saturday Russia works when Iran works it too', () => {
    expect(search({ from: '2026-12-05', to: '2026-12-05' }).slots).toEqual([]);
    const moved = { ...russia, extraWorkingDays: ['2026-12-05'] };
    expect(dates(search({ parties: [iran, moved], from: '2026-12-05', to: '2026-12-05' }).slots)).toEqual([
      '2026-12-05',
    ]);
  });

  it('ranks the day before a holiday lower and says so', () => {
    const { slots } = search({ from: '2027-03-29', to: '2027-03-31', limit: 500 });
    const noon = slots.filter((slot) => local(slot.startsAt, 'Europe/Moscow').toFormat('HH:mm') === '12:00');
    const beforeRepublicDay = noon.find((slot) => dates([slot])[0] === '2027-03-31')!;
    expect(beforeRepublicDay.score).toBeLessThan(noon[0].score);
    expect(beforeRepublicDay.reasons).toContainEqual(
      expect.objectContaining({ code: 'beside_holiday', partyCode: 'IR', date: '2027-04-01' }),
    );
  });

  it('says the hours are too short when no common window holds the duration', () => {
    const result = search({ durationMinutes: 8 * 60 });
    expect(result.slots).toEqual([]);
    expect(result.reasons[0].code).toBe('common_hours_too_short');
  });
});

describe('searchSlots: everyone’s sessions', () => {
  const ali = { id: 'p-ali', partyCode: 'IR', required: true };
  const olga = { id: 'p-olga', partyCode: 'RU', required: true };
  const reza = { id: 'p-reza', partyCode: 'IR', required: true };
  const monday = (from: string, to: string) => ({
    start: at(`2026-12-07T${from}+03:00`),
    end: at(`2026-12-07T${to}+03:00`),
  });
  const mondayOnly = { from: '2026-12-07', to: '2026-12-07' };

  it('keeps away from a published session of a required participant', () => {
    const busy = busyTimes([
      {
        participantId: ali.id,
        ...monday('09:00', '12:00'),
        status: 'scheduled',
        attendance: 'required',
        rsvp: 'accepted',
      },
    ]);
    const { slots } = search({ ...mondayOnly, participants: [ali, olga], busy });
    const starts = slots.map((slot) => local(slot.startsAt, 'Europe/Moscow').toFormat('HH:mm')).sort();
    expect(starts[0]).toBe('12:00');
  });

  it('does not count a declined session, a cancelled one or an optional invitation as busy', () => {
    const busy = busyTimes([
      {
        participantId: ali.id,
        ...monday('09:00', '17:00'),
        status: 'scheduled',
        attendance: 'required',
        rsvp: 'declined',
      },
      {
        participantId: olga.id,
        ...monday('09:00', '17:00'),
        status: 'cancelled',
        attendance: 'required',
        rsvp: 'accepted',
      },
      {
        participantId: olga.id,
        ...monday('09:00', '17:00'),
        status: 'scheduled',
        attendance: 'optional',
        rsvp: 'accepted',
      },
    ]);
    expect(busy).toEqual([]);
    expect(search({ ...mondayOnly, participants: [ali, olga], busy }).slots).toHaveLength(14);
  });

  it('ranks a time over a draft lower, as tentative, without excluding it', () => {
    const busy = busyTimes([
      {
        participantId: olga.id,
        ...monday('12:00', '13:00'),
        status: 'draft',
        attendance: 'required',
        rsvp: 'needs_action',
      },
    ]);
    const { slots } = search({ from: '2026-12-07', to: '2026-12-08', participants: [ali, olga], busy });
    const mondayNoon = slots.find((slot) => slot.startsAt.getTime() === at('2026-12-07T12:00+03:00'))!;
    expect(mondayNoon.reasons).toContainEqual(
      expect.objectContaining({ code: 'tentative_conflict', participantIds: [olga.id] }),
    );
    expect(slots[0].startsAt.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(slots.indexOf(mondayNoon)).toBeGreaterThan(slots.length / 2);
  });

  it('says who is busy at every common hour', () => {
    const busy = busyTimes([
      {
        participantId: olga.id,
        ...monday('08:00', '18:00'),
        status: 'scheduled',
        attendance: 'required',
        rsvp: 'tentative',
      },
    ]);
    const result = search({ ...mondayOnly, participants: [ali, olga], busy });
    expect(result.slots).toEqual([]);
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'always_busy', participantIds: [olga.id] }),
    ]);
  });

  it('with minPerParty needs only that many of a party free', () => {
    const busy = busyTimes([
      {
        participantId: ali.id,
        ...monday('08:00', '18:00'),
        status: 'scheduled',
        attendance: 'required',
        rsvp: 'accepted',
      },
    ]);
    const participants = [ali, reza, olga];
    expect(search({ ...mondayOnly, participants, busy }).slots).toEqual([]);
    const quorum = search({ ...mondayOnly, participants, busy, minPerParty: { IR: 1 } });
    expect(quorum.slots).toHaveLength(14);
    expect(quorum.slots[0].reasons).toContainEqual(
      expect.objectContaining({ code: 'busy', participantIds: [ali.id] }),
    );
    const short = search({ ...mondayOnly, participants, busy, minPerParty: { IR: 2 } });
    expect(short.reasons).toEqual([expect.objectContaining({ code: 'quorum_not_met', partyCode: 'IR' })]);
  });

  it('gives the same answer whatever the order of its inputs', () => {
    const sessions = [
      {
        participantId: ali.id,
        ...monday('10:00', '11:00'),
        status: 'draft',
        attendance: 'required',
        rsvp: 'needs_action',
      },
      {
        participantId: olga.id,
        ...monday('14:00', '15:30'),
        status: 'scheduled',
        attendance: 'required',
        rsvp: 'accepted',
      },
      {
        participantId: reza.id,
        ...monday('11:00', '12:00'),
        status: 'draft',
        attendance: 'required',
        rsvp: 'accepted',
      },
    ] as const;
    const first = search({ participants: [ali, olga, reza], busy: busyTimes([...sessions]), limit: 10 });
    const second = search({
      participants: [reza, olga, ali],
      busy: busyTimes([...sessions].reverse()),
      limit: 10,
    });
    const shape = (result: typeof first) =>
      result.slots.map((slot) => [slot.startsAt.toISOString(), slot.score, slot.reasons.map((r) => r.code)]);
    expect(shape(second)).toEqual(shape(first));
    for (let index = 1; index < first.slots.length; index++) {
      const [previous, slot] = [first.slots[index - 1], first.slots[index]];
      expect(previous.score > slot.score || previous.startsAt < slot.startsAt).toBe(true);
    }
  });

  it('prefers times inside earliestLocal/latestLocal', () => {
    const { slots } = search({ ...mondayOnly, earliestLocal: '14:00', latestLocal: '16:00' });
    expect(local(slots[0].startsAt, 'Europe/Moscow').toFormat('HH:mm')).toBe('14:00');
    const early = slots.find((slot) => local(slot.startsAt, 'Europe/Moscow').toFormat('HH:mm') === '12:00')!;
    expect(early.reasons).toContainEqual(expect.objectContaining({ code: 'outside_preference' }));
  });
});

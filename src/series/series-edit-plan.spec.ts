import { planSeries, type SeriesPlan, type SeriesTiming } from './series-plan.js';
import { planSeriesEdit, type SeriesTimingEdit, type LaterOccurrence } from './series-edit-plan.js';

/** Weekly on Tuesdays in Tehran, 10:00 for 90 minutes, from Tuesday 2027-01-12. */
const TEHRAN_TUESDAYS: SeriesTiming = {
  rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
  timeZone: 'Asia/Tehran',
  startDate: '2027-01-12',
  startTime: '10:00',
  durationMinutes: 90,
  skipNonWorkingDays: false,
};

function planOf(timing: SeriesTiming): SeriesPlan {
  const plan = planSeries(timing, []);
  if ('problems' in plan) throw new Error(plan.problems[0].message);
  return plan;
}

/** The stored occurrences a series has, named by their local date (`id` = date). */
function occurrencesFrom(plan: SeriesPlan, from?: string): LaterOccurrence[] {
  return plan.occurrences
    .map((occurrence) => ({
      id: occurrence.recurrenceId.slice(0, 10),
      recurrenceId: occurrence.recurrenceId,
    }))
    .filter((occurrence) => from === undefined || occurrence.id >= from);
}

/** The plan as a reader sees it: rules, and each change as local start → UTC instant. */
function edit(series: SeriesTiming, change: SeriesTimingEdit, detachedDates: string[] = []) {
  const currentPlan = planOf(series);
  const result = planSeriesEdit(series, change, {
    currentPlan,
    parties: [],
    later: occurrencesFrom(currentPlan, change.from).filter((o) => !detachedDates.includes(o.id)),
    detachedDates,
  });
  if ('problems' in result) return { refused: result.detail, paths: result.problems.map((p) => p.path) };
  return {
    oldSeriesRule: result.oldSeriesRule,
    newStart: result.timing.startDate,
    newRule: result.timing.rrule,
    move: result.move.map((m) => `${m.id} → ${m.recurrenceId} ${m.startsAt.toISOString()}`),
    remove: result.remove,
    add: result.add.map((o) => `${o.recurrenceId} ${o.startsAt.toISOString()}`),
  };
}

describe('planSeriesEdit', () => {
  it('moves every occurrence when the times change from the start: no split, same dates', () => {
    expect(edit(TEHRAN_TUESDAYS, { startTime: '11:30' })).toEqual({
      oldSeriesRule: undefined,
      newStart: '2027-01-12',
      newRule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      move: [
        '2027-01-12 → 2027-01-12T11:30 2027-01-12T08:00:00.000Z',
        '2027-01-19 → 2027-01-19T11:30 2027-01-19T08:00:00.000Z',
        '2027-01-26 → 2027-01-26T11:30 2027-01-26T08:00:00.000Z',
        '2027-02-02 → 2027-02-02T11:30 2027-02-02T08:00:00.000Z',
      ],
      remove: [],
      add: [],
    });
  });

  it('splits from a later date: the old rule ends the day before, COUNT counts only what is left', () => {
    expect(edit(TEHRAN_TUESDAYS, { from: '2027-01-26', startTime: '09:00' })).toEqual({
      // The end of Monday 2027-01-25 in Tehran (UTC+03:30).
      oldSeriesRule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270125T202959Z',
      newStart: '2027-01-26',
      newRule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
      move: [
        '2027-01-26 → 2027-01-26T09:00 2027-01-26T05:30:00.000Z',
        '2027-02-02 → 2027-02-02T09:00 2027-02-02T05:30:00.000Z',
      ],
      remove: [],
      add: [],
    });
  });

  it('carries on from the first date on or after `from` when `from` falls between occurrences', () => {
    const result = edit(TEHRAN_TUESDAYS, { from: '2027-01-14', durationMinutes: 60 });
    expect({ newStart: result.newStart, oldSeriesRule: result.oldSeriesRule }).toEqual({
      newStart: '2027-01-19',
      oldSeriesRule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270118T202959Z',
    });
  });

  it('keeps dates the new rule still has, removes those it drops and adds those it gains', () => {
    expect(edit(TEHRAN_TUESDAYS, { from: '2027-01-19', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3' })).toEqual({
      oldSeriesRule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270118T202959Z',
      newStart: '2027-01-19',
      newRule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3',
      // Tuesday 19th, Thursday 21st, Tuesday 26th: the Tuesdays keep their rows.
      move: [
        '2027-01-19 → 2027-01-19T10:00 2027-01-19T06:30:00.000Z',
        '2027-01-26 → 2027-01-26T10:00 2027-01-26T06:30:00.000Z',
      ],
      remove: ['2027-02-02'],
      add: ['2027-01-21T10:00 2027-01-21T06:30:00.000Z'],
    });
  });

  it('does not add again a date whose occurrence was edited on its own', () => {
    const result = edit(TEHRAN_TUESDAYS, { startTime: '08:00' }, ['2027-01-19']);
    expect({ move: result.move?.length, add: result.add, remove: result.remove }).toEqual({
      move: 3,
      add: [],
      remove: [],
    });
  });

  it('refuses a `from` after the last occurrence unless a new rule carries the series on', () => {
    expect(edit(TEHRAN_TUESDAYS, { from: '2027-03-01', startTime: '09:00' })).toEqual({
      refused: 'from is after the series’ last occurrence; nothing is left to change',
      paths: ['from'],
    });
    const carried = edit(TEHRAN_TUESDAYS, { from: '2027-03-02', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' });
    expect({ newStart: carried.newStart, oldSeriesRule: carried.oldSeriesRule, add: carried.add }).toEqual({
      newStart: '2027-03-02',
      oldSeriesRule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4', // already over by then: unchanged
      add: ['2027-03-02T10:00 2027-03-02T06:30:00.000Z', '2027-03-09T10:00 2027-03-09T06:30:00.000Z'],
    });
  });

  it('refuses a `from` that is no real date, and a broken rule, naming the field', () => {
    expect(edit(TEHRAN_TUESDAYS, { from: '2027-13-01', rrule: 'FREQ=DAILY;COUNT=2' })).toEqual({
      refused: 'from is not a real date',
      paths: ['from'],
    });
    expect(edit(TEHRAN_TUESDAYS, { rrule: 'FREQ=WEEKLY;INTERVAL=0;COUNT=3' })).toEqual({
      refused: 'INTERVAL must be a whole number of at least 1 (got 0)',
      paths: ['rrule'],
    });
  });

  it('follows the zone of record across a change of offset: Berlin weekly 09:00 over the March gap', () => {
    const berlin: SeriesTiming = {
      ...TEHRAN_TUESDAYS,
      timeZone: 'Europe/Berlin',
      startDate: '2027-03-16',
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
    };
    expect(edit(berlin, { startTime: '09:00' }).move).toEqual([
      '2027-03-16 → 2027-03-16T09:00 2027-03-16T08:00:00.000Z',
      '2027-03-23 → 2027-03-23T09:00 2027-03-23T08:00:00.000Z',
      '2027-03-30 → 2027-03-30T09:00 2027-03-30T07:00:00.000Z',
    ]);
  });
});

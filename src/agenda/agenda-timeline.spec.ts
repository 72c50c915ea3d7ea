import { localIso } from '../common/time/zoned-time.js';
import { type AgendaTimelineInput, computeAgendaTimeline } from './agenda-timeline.js';

/** Each item as a reader of the agenda in `zone` sees it: number, start–end, indentation. */
function agendaIn(zone: string, sessionStart: string, sessionEnd: string, items: AgendaTimelineInput[]) {
  const timeline = computeAgendaTimeline(new Date(sessionStart), new Date(sessionEnd), items);
  return {
    rows: timeline.items.map(
      (item) =>
        `${'  '.repeat(item.depth)}${item.number} ${item.id} ` +
        `${localIso(item.plannedStart, zone).slice(11, 16)}–${localIso(item.plannedEnd, zone).slice(11, 16)}`,
    ),
    plannedMinutes: timeline.plannedMinutes,
    sessionMinutes: timeline.sessionMinutes,
    overrunMinutes: timeline.overrunMinutes,
  };
}

function item(id: string, position: number, durationMinutes: number, parentId: string | null = null) {
  return { id, parentId, position, durationMinutes };
}

describe('computeAgendaTimeline', () => {
  // 10:00–12:00 in Tehran on 2026-12-01.
  const start = '2026-12-01T06:30:00Z';
  const end = '2026-12-01T08:30:00Z';

  it('numbers and times items in position order, whatever the order given', () => {
    const agenda = agendaIn('Asia/Tehran', start, end, [
      item('closing', 30, 10),
      item('trade', 20, 30),
      item('customs', 2, 20, 'trade'),
      item('tariffs', 1, 25, 'trade'),
      item('opening', 10, 15),
    ]);
    expect(agenda).toEqual({
      rows: [
        '1 opening 10:00–10:15',
        '2 trade 10:15–11:00', // its sub-items take 45 minutes, more than its own 30
        '  2.1 tariffs 10:15–10:40',
        '  2.2 customs 10:40–11:00',
        '3 closing 11:00–11:10',
      ],
      plannedMinutes: 70,
      sessionMinutes: 120,
      overrunMinutes: 0,
    });
  });

  it("keeps a parent's own duration when its sub-items take less", () => {
    const agenda = agendaIn('Asia/Tehran', start, end, [
      item('auto-industry', 1, 60),
      item('joint-venture', 1, 20, 'auto-industry'),
      item('q-and-a', 2, 10),
    ]);
    expect(agenda.rows).toEqual([
      '1 auto-industry 10:00–11:00',
      '  1.1 joint-venture 10:00–10:20',
      '2 q-and-a 11:00–11:10',
    ]);
    expect(agenda.plannedMinutes).toBe(70);
  });

  it('reports how far the agenda runs past the session end', () => {
    const agenda = agendaIn('Europe/Moscow', start, end, [
      item('shipbuilding', 1, 90),
      item('ports', 1, 50, 'shipbuilding'),
      item('dredging', 2, 55, 'shipbuilding'),
      item('decisions', 2, 30),
    ]);
    expect(agenda).toEqual({
      rows: [
        '1 shipbuilding 09:30–11:15',
        '  1.1 ports 09:30–10:20',
        '  1.2 dredging 10:20–11:15',
        '2 decisions 11:15–11:45',
      ],
      plannedMinutes: 135,
      sessionMinutes: 120,
      overrunMinutes: 15,
    });
  });

  it('plans an empty agenda as taking no time', () => {
    expect(computeAgendaTimeline(new Date(start), new Date(end), [])).toEqual({
      items: [],
      plannedMinutes: 0,
      sessionMinutes: 120,
      overrunMinutes: 0,
    });
  });

  it('counts elapsed minutes across the autumn DST change in Berlin', () => {
    // 01:30–03:30 local on 2026-10-25 lasts three hours: 02:00–03:00 happens twice.
    const timeline = computeAgendaTimeline(
      new Date('2026-10-24T23:30:00Z'),
      new Date('2026-10-25T02:30:00Z'),
      [item('first', 1, 60), item('second', 2, 60), item('third', 3, 60)],
    );
    expect(
      timeline.items.map(({ number, plannedStart, plannedEnd }) => [
        number,
        localIso(plannedStart, 'Europe/Berlin'),
        localIso(plannedEnd, 'Europe/Berlin'),
      ]),
    ).toEqual([
      ['1', '2026-10-25T01:30:00+02:00', '2026-10-25T02:30:00+02:00'],
      ['2', '2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'],
      ['3', '2026-10-25T02:30:00+01:00', '2026-10-25T03:30:00+01:00'],
    ]);
    expect([timeline.plannedMinutes, timeline.sessionMinutes, timeline.overrunMinutes]).toEqual([
      180, 180, 0,
    ]);
  });

  it('gives plannedStart and plannedEnd as instants', () => {
    const [opening] = computeAgendaTimeline(new Date(start), new Date(end), [item('opening', 1, 15)]).items;
    expect(opening).toEqual({
      id: 'opening',
      parentId: null,
      number: '1',
      depth: 0,
      plannedStart: new Date('2026-12-01T06:30:00Z'),
      plannedEnd: new Date('2026-12-01T06:45:00Z'),
    });
  });

  it.each([
    ['a sub-item of a missing item', [item('orphan', 1, 10, 'gone')], 'agenda item orphan has parent gone'],
    [
      'a sub-item of a sub-item',
      [item('a', 1, 10), item('a1', 1, 10, 'a'), item('a1x', 1, 10, 'a1')],
      'agenda item a1x has parent a1',
    ],
  ])('refuses %s', (_, items, message) => {
    expect(() => computeAgendaTimeline(new Date(start), new Date(end), items)).toThrow(message);
  });
});

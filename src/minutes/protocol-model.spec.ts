import type { MinutesContent } from './minutes-content.js';
import {
  buildProtocolModel,
  gregorianDate,
  type ProtocolInput,
  type ProtocolPerson,
} from './protocol-model.js';

const IR = 'party-ir';
const RU = 'party-ru';
const content: MinutesContent = {
  attendance: [
    { participantId: 'zadboum', partyId: IR, present: true },
    { participantId: 'absent', partyId: IR, present: false },
    { participantId: 'ryazantsev', partyId: RU, present: true },
  ],
  items: [
    {
      agendaItemId: 'i1',
      number: '1',
      title: { fa: 'تجارت', ru: 'Торговля' },
      notes: null,
      decisions: [
        {
          id: 'd1',
          text: { fa: 'توافق شد', ru: 'Договорились' },
          kind: 'recommendation',
          outcome: 'deferred',
        },
      ],
      actionItems: [
        {
          id: 'a1',
          title: { ru: 'Подготовить проект' },
          partyId: RU,
          ownerIds: ['ryazantsev'],
          dueDate: '2027-03-01',
          status: 'open',
        },
      ],
    },
  ],
};

function input(overrides: Partial<ProtocolInput> = {}): ProtocolInput {
  return {
    committeeName: { en: 'JEC', fa: 'کمیسیون مشترک', ru: 'Межправкомиссия' },
    sessionTitle: { fa: 'نشست هجدهم', ru: 'Восемнадцатое заседание' },
    location: { ru: 'Москва' },
    timeZone: 'Europe/Moscow',
    startsAt: new Date('2026-12-01T07:00:00Z'),
    endsAt: new Date('2026-12-01T09:00:00Z'),
    parties: [
      { id: IR, name: { en: 'Iran', fa: 'ایران' } },
      { id: RU, name: { en: 'Russia', ru: 'Россия' } },
    ],
    participants: new Map<string, ProtocolPerson>([
      [
        'zadboum',
        {
          fullName: { fa: 'حمید زادبوم', en: 'Hamid Zadboum' },
          position: null,
          partyId: IR,
          delegationRole: 'co_chair',
        },
      ],
      ['absent', { fullName: { en: 'Absent' }, position: null, partyId: IR, delegationRole: 'member' }],
      [
        'ryazantsev',
        {
          fullName: { ru: 'Олег Рязанцев' },
          position: { ru: 'Замминистра' },
          partyId: RU,
          delegationRole: 'co_chair',
        },
      ],
    ]),
    content,
    revision: 1,
    status: 'agreed',
    signatories: [],
    langs: ['fa', 'ru'],
    ...overrides,
  };
}

describe('protocol model', () => {
  it('writes each language in turn, Persian right to left, dated in both calendars', () => {
    const [fa, ru] = buildProtocolModel(input()).sections;
    expect([fa.lang, fa.rightToLeft, ru.lang, ru.rightToLeft]).toEqual(['fa', true, 'ru', false]);
    expect(fa.lines).toEqual([
      'کمیسیون مشترک — نشست هجدهم',
      'ویرایش 1 (پیش‌نویس)',
      'محل برگزاری: Москва',
      'تاریخ (میلادی): 1 دسامبر 2026',
      'تاریخ (هجری شمسی): ۱۰ آذر ۱۴۰۵',
    ]);
    expect(ru.lines.slice(3)).toEqual([
      'Дата (по григорианскому календарю): 1 декабря 2026 г.',
      'Дата (по солнечному календарю хиджры): 10 азер 1405',
    ]);
    expect(ru.authenticity).toBe(
      'Совершено на персидском и русском языках, причём все тексты имеют одинаковую силу.',
    );
  });

  it('lists who was present per party, decisions and action items with owners and due dates', () => {
    const [, ru] = buildProtocolModel(input()).sections;
    expect(ru.attendance).toEqual([
      { party: 'Iran', names: ['Hamid Zadboum'] },
      { party: 'Россия', names: ['Олег Рязанцев'] },
    ]);
    expect(ru.items).toEqual([
      {
        heading: '1. Торговля',
        notes: null,
        decisions: ['Рекомендация (отложено): Договорились'],
        actionItems: ['Подготовить проект — Россия; Ответственные: Олег Рязанцев; Срок: 2027-03-01; открыто'],
      },
    ]);
  });

  it('signs with the co-chairs until signed, then with the signatories recorded', () => {
    const unsigned = buildProtocolModel(input()).sections[1].signatures;
    expect(unsigned.map((block) => block.name)).toEqual(['Hamid Zadboum', 'Олег Рязанцев']);
    expect(unsigned[1]).toEqual({
      role: 'Сопредседатель',
      party: 'Россия',
      name: 'Олег Рязанцев',
      position: 'Замминистра',
    });
    const signed = buildProtocolModel(
      input({ status: 'signed', signatories: [{ partyId: IR, participantId: 'absent' }] }),
    ).sections[0];
    expect(signed.signatures.map((block) => block.name)).toEqual(['Absent', 'Олег Рязанцев']);
    expect(signed.lines[1]).toBe('ویرایش 1');
  });

  it('spans the local dates of a session over midnight in Tehran, in both calendars', () => {
    // 22:00 on 20 March 2026 to 01:00 the next day in Tehran: the last day of 1404, then Nowruz 1405.
    const model = buildProtocolModel(
      input({
        timeZone: 'Asia/Tehran',
        startsAt: new Date('2026-03-20T18:30:00Z'),
        endsAt: new Date('2026-03-20T21:30:00Z'),
        langs: ['en'],
      }),
    );
    expect(model.sections[0].lines.slice(3)).toEqual([
      'Date (Gregorian calendar): March 20, 2026 – March 21, 2026',
      'Date (Solar Hijri calendar): 29 Esfand 1404 – 1 Farvardin 1405',
    ]);
  });

  it('formats Gregorian dates in the zone of record, never the server’s', () => {
    expect(gregorianDate(new Date('2026-12-31T20:45:00Z'), 'Asia/Tehran', 'en')).toBe('January 1, 2027');
    expect(gregorianDate(new Date('2026-12-31T20:45:00Z'), 'Europe/Moscow', 'ru')).toBe('31 декабря 2026 г.');
  });
});

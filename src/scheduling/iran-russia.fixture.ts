import type { PartySchedule } from './working-calendar.js';

/** Test parties as a joint committee has them: Iran works Saturday–Wednesday, Russia Monday–Friday. */
export const iran: PartySchedule = {
  id: 'party-ir',
  code: 'IR',
  timeZone: 'Asia/Tehran',
  workWeek: [6, 7, 1, 2, 3],
  workingHours: { start: '09:00', end: '17:00' },
  holidayCountry: 'IR',
};

export const russia: PartySchedule = {
  id: 'party-ru',
  code: 'RU',
  timeZone: 'Europe/Moscow',
  workWeek: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidayCountry: 'RU',
};

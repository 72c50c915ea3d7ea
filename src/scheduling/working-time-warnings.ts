import {
  cityOf,
  localClock,
  localDatesTouched,
  partyDay,
  weekdayName,
  type Interval,
  type PartySchedule,
} from './working-calendar.js';

export interface WorkingTimeWarning {
  code: 'non_working_day' | 'holiday' | 'outside_working_hours';
  partyId: string;
  partyCode: string;
  message: string;
}

/**
 * What a meeting at this time asks of each party: a day it does not work (its weekend, an
 * extra non-working day), one of its public holidays, or hours outside its working hours,
 * each judged on the party's own local dates and clock.
 */
export function workingTimeWarnings(parties: PartySchedule[], interval: Interval): WorkingTimeWarning[] {
  return parties.flatMap((party): WorkingTimeWarning[] => {
    const concerning = { partyId: party.id, partyCode: party.code };
    const dates = localDatesTouched(interval, party.timeZone);
    const dayWarnings = dates.flatMap((date): WorkingTimeWarning[] => {
      const reason = partyDay(party, date).nonWorking;
      if (!reason) return [];
      if (reason.reason === 'holiday') {
        return [
          {
            code: 'holiday',
            ...concerning,
            message: `${date} is a public holiday for ${party.code} (${reason.name})`,
          },
        ];
      }
      const day = reason.reason === 'weekend' ? weekdayName(date) : `${date} (an extra non-working day)`;
      return [
        { code: 'non_working_day', ...concerning, message: `${day} is not a working day for ${party.code}` },
      ];
    });
    if (dayWarnings.length > 0) return dayWarnings;
    const hours = partyDay(party, dates[0]).hours;
    if (hours && dates.length === 1 && interval.start >= hours.start && interval.end <= hours.end) return [];
    const clock = (instant: number) => localClock(instant, party.timeZone);
    return [
      {
        code: 'outside_working_hours',
        ...concerning,
        message: `${clock(interval.start)}–${clock(interval.end)} ${cityOf(party.timeZone)} is outside ${party.code}'s working hours (${party.workingHours.start}–${party.workingHours.end})`,
      },
    ];
  });
}

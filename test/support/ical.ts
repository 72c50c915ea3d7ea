import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  status: string;
  sequence: number;
  start: string;
  end: string;
  lastModified: string;
  startTzid: string | null;
  recurrenceId: string | null;
}

/** Reads an iCalendar text with ical.js (Thunderbird's parser), VTIMEZONEs from the file itself. */
export function parseCalendar(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty('dtstart');
    const recurrenceId = vevent.getFirstPropertyValue('recurrence-id') as ICAL.Time | null;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: String(vevent.getFirstPropertyValue('status')),
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      lastModified: (vevent.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      startTzid: (start?.getParameter('tzid') as string | undefined) ?? null,
      recurrenceId: recurrenceId ? recurrenceId.toJSDate().toISOString() : null,
    };
  });
  return { calendar, events };
}

/** `2026-12-01T07:00:00Z` (the API) as `2026-12-01T07:00:00.000Z` (a JS Date). */
export function jsIso(apiInstant: string): string {
  return new Date(apiInstant).toISOString();
}

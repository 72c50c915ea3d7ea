import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import type { Rsvp } from '../sessions/session-participant.entity.js';

/** What an iMIP REPLY (a calendar app's Accept, Decline or Tentative) says. */
export interface ImipReply {
  uid: string;
  sequence: number;
  attendeeEmail: string;
  rsvp: Rsvp;
  /** For one occurrence of a series: its original local start, `YYYY-MM-DDTHH:mm`, in the series' zone. */
  recurrenceId?: string;
}

const RSVP: Record<string, Rsvp> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needs_action',
};

/** The reply in a raw RFC 5322 message, or why it is not one (for the log only). */
export async function parseImipReply(raw: Buffer): Promise<ImipReply | { refused: string }> {
  const mail = await simpleParser(raw);
  const part = mail.attachments.find((attachment) =>
    /^(text\/calendar|application\/ics)/i.test(attachment.contentType),
  );
  if (!part) return { refused: 'no calendar part' };
  const text = part.content.toString('utf8');
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch {
    return { refused: 'unreadable calendar part' };
  }
  const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
  if (method !== 'REPLY') return { refused: `method ${method || 'missing'}` };
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) return { refused: 'not exactly one VEVENT' };
  const [event] = events;
  const attendees = event.getAllProperties('attendee');
  if (attendees.length !== 1) return { refused: 'not exactly one ATTENDEE' };
  const address = String(attendees[0].getFirstValue() ?? '');
  const partstat = String(attendees[0].getParameter('partstat') ?? '').toUpperCase();
  const rsvp = RSVP[partstat];
  const uid = String(event.getFirstPropertyValue('uid') ?? '');
  const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0);
  if (!/^mailto:/i.test(address) || !rsvp || !uid || !Number.isInteger(sequence)) {
    return { refused: 'incomplete reply' };
  }
  const recurrence = event.getFirstPropertyValue('recurrence-id');
  return {
    uid,
    sequence,
    attendeeEmail: address
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase(),
    rsvp,
    ...(recurrence instanceof ICAL.Time ? { recurrenceId: wallTime(recurrence) } : {}),
  };
}

function wallTime(time: ICAL.Time): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${time.year}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}`;
}

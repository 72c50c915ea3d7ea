import { DateTime } from 'luxon';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import { persianDate } from '../common/time/persian-date.js';
import type { MinutesContent, MinutesStatus, Signatory } from './minutes-content.js';
import { isRightToLeft, protocolWords } from './protocol-words.js';
import { MINUTE_MS } from '../common/time/durations.js';

export interface ProtocolInput {
  committeeName: LocalizedText;
  sessionTitle: LocalizedText;
  location: LocalizedText | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  parties: Array<{ id: string; name: LocalizedText }>;
  participants: Map<string, ProtocolPerson>;
  content: MinutesContent;
  revision: number;
  status: MinutesStatus;
  signatories: Signatory[];
  langs: string[];
}

export interface ProtocolPerson {
  fullName: LocalizedText;
  position: LocalizedText | null;
  partyId: string;
  delegationRole: string;
}

export interface ProtocolItem {
  heading: string;
  notes: string | null;
  decisions: string[];
  actionItems: string[];
}

/** One language's complete text of the protocol. */
export interface ProtocolSection {
  lang: string;
  rightToLeft: boolean;
  heading: string;
  lines: string[];
  attendanceHeading: string;
  attendance: Array<{ party: string; names: string[] }>;
  agendaHeading: string;
  items: ProtocolItem[];
  decisionsHeading: string;
  actionItemsHeading: string;
  signaturesHeading: string;
  signatures: Array<{ role: string; party: string; name: string; position: string | null }>;
  authenticity: string;
}

export interface ProtocolModel {
  title: Array<{ lang: string; rightToLeft: boolean; lines: string[] }>;
  sections: ProtocolSection[];
}

/** What the protocol says, in each language asked, one after the other; no document format in here. */
export function buildProtocolModel(input: ProtocolInput): ProtocolModel {
  const sections = input.langs.map((lang) => section(input, lang));
  return {
    title: sections.map((entry) => ({
      lang: entry.lang,
      rightToLeft: entry.rightToLeft,
      lines: [entry.heading, ...entry.lines.slice(0, 1)],
    })),
    sections,
  };
}

function section(input: ProtocolInput, lang: string): ProtocolSection {
  const words = protocolWords(lang);
  const text = (value: LocalizedText | null | undefined): string => resolveText(value, lang) ?? '';
  const partyName = new Map(input.parties.map((party) => [party.id, text(party.name)]));
  const personName = (id: string): string => text(input.participants.get(id)?.fullName);
  const marker = input.status === 'signed' ? '' : ` (${words.draft})`;
  const lines = [
    `${text(input.committeeName)} — ${text(input.sessionTitle)}`,
    `${words.revision} ${input.revision}${marker}`,
    ...(input.location ? [`${words.place}: ${text(input.location)}`] : []),
    `${words.gregorianDate}: ${dateRange(input, (instant) => gregorianDate(instant, input.timeZone, lang))}`,
    `${words.solarHijriDate}: ${dateRange(input, (instant) => persianDate(instant, input.timeZone, lang))}`,
  ];
  return {
    lang,
    rightToLeft: isRightToLeft(lang),
    heading: words.protocol,
    lines,
    attendanceHeading: words.attendance,
    attendance: input.parties.map((party) => ({
      party: partyName.get(party.id) ?? '',
      names: input.content.attendance
        .filter((entry) => entry.partyId === party.id && entry.present)
        .map((entry) => personName(entry.participantId)),
    })),
    agendaHeading: words.agenda,
    decisionsHeading: words.decisions,
    actionItemsHeading: words.actionItems,
    items: input.content.items.map((item) => ({
      heading: `${item.number}. ${text(item.title)}`,
      notes: item.notes ? text(item.notes) : null,
      decisions: item.decisions.map(
        (decision) =>
          `${words.kinds[decision.kind]} (${words.outcomes[decision.outcome]}): ${text(decision.text)}`,
      ),
      actionItems: item.actionItems.map((action) => {
        const owners = action.ownerIds.map(personName).join(', ');
        const parts = [partyName.get(action.partyId) ?? '', owners && `${words.owners}: ${owners}`];
        if (action.dueDate) parts.push(`${words.due}: ${action.dueDate}`);
        parts.push(words.statuses[action.status]);
        return `${text(action.title)} — ${parts.filter(Boolean).join('; ')}`;
      }),
    })),
    signaturesHeading: words.signatures,
    signatures: input.parties.map((party) => {
      const signer = signerOf(input, party.id);
      const person = signer ? input.participants.get(signer) : undefined;
      return {
        role: words.coChair,
        party: partyName.get(party.id) ?? '',
        name: person ? text(person.fullName) : '',
        position: person?.position ? text(person.position) : null,
      };
    }),
    authenticity: words.authenticity(input.langs.map((tag) => words.languageNames[tag] ?? tag)),
  };
}

/** The party's signatory once signed; before, its co-chair (the one present, if any). */
function signerOf(input: ProtocolInput, partyId: string): string | undefined {
  const signed = input.signatories.find((signatory) => signatory.partyId === partyId);
  if (signed) return signed.participantId;
  const coChairs = [...input.participants.entries()].filter(
    ([, person]) => person.partyId === partyId && person.delegationRole === 'co_chair',
  );
  const present = new Set(
    input.content.attendance.filter((entry) => entry.present).map((e) => e.participantId),
  );
  return (coChairs.find(([id]) => present.has(id)) ?? coChairs[0])?.[0];
}

function dateRange(input: ProtocolInput, format: (instant: Date) => string): string {
  const first = format(input.startsAt);
  // The end instant itself, less a minute, so a session ending at midnight stays on its day.
  const last = format(new Date(Math.max(input.startsAt.getTime(), input.endsAt.getTime() - MINUTE_MS)));
  return first === last ? first : `${first} – ${last}`;
}

/** A local date in the Gregorian calendar, month named in `lang`, Latin digits. */
export function gregorianDate(instant: Date, zone: string, lang: string): string {
  return DateTime.fromJSDate(instant, { zone })
    .setLocale(lang)
    .reconfigure({ outputCalendar: 'gregory', numberingSystem: 'latn' })
    .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' });
}

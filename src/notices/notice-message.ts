import type { NoticeKind, NoticePrevious } from './notice.entity.js';
import { formatInstant, formatTimeRange, readerZones } from './notice-times.js';
import { noticeWords, type NoticeLanguage } from './notice-words.js';

/** Everything one recipient's message says, already resolved to the recipient's language. */
export interface NoticeContent {
  kind: NoticeKind;
  language: NoticeLanguage;
  title: string;
  committeeName: string;
  startsAt: Date;
  endsAt: Date;
  recipientZone: string;
  /** The other parties' zones, shown after the recipient's own. */
  otherZones: string[];
  previous: NoticePrevious | null;
  location: string | null;
  joinUrl: string | null;
  accessCode: string | null;
  cancellationReason: string | null;
  /** Numbered agenda lines, already with their planned times. */
  agenda: string[];
  /** The recipient's personal link to the session's page (it signs them in), when the notice has one. */
  portalLink?: string | null;
  /** A webinar registrant reads registrant wording and the link to their personal page. */
  forRegistrant?: boolean;
  personalLink?: string | null;
}

/** A sign-in e-mail: the one-time link and when it stops working. */
export interface SignInNoticeContent {
  language: NoticeLanguage;
  committeeName: string;
  link: string;
  expiresAt: Date;
  recipientZone: string;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** Subject, plain text and HTML of one notice; right to left for Persian readers. */
export function renderNotice(content: NoticeContent): RenderedNotice {
  const words = noticeWords(content.language, content.forRegistrant);
  const zones = readerZones(content.recipientZone, content.otherZones);
  const times = zones.map((zone) =>
    formatTimeRange(content.startsAt, content.endsAt, zone, content.language),
  );
  const sections: Array<{ label?: string; lines: string[]; link?: string }> = [
    { lines: [words.lead[content.kind]] },
    { label: words.when, lines: times },
  ];
  if (content.previous) {
    const before = formatTimeRange(
      new Date(content.previous.startsAt),
      new Date(content.previous.endsAt),
      content.recipientZone,
      content.language,
    );
    sections.push({ label: words.changed, lines: [`${before} → ${times[0]}`] });
  }
  if (content.cancellationReason && content.kind === 'cancellation') {
    sections.push({ label: words.reason, lines: [content.cancellationReason] });
  }
  if (content.location) sections.push({ label: words.where, lines: [content.location] });
  if (content.joinUrl) {
    sections.push({
      label: words.join,
      lines: content.accessCode ? [`${words.accessCode}: ${content.accessCode}`] : [],
      link: content.joinUrl,
    });
  }
  if (content.agenda.length > 0) sections.push({ label: words.agenda, lines: content.agenda });
  if (content.portalLink) {
    sections.push({ label: words.portalLink, lines: [words.portalLinkNote], link: content.portalLink });
  }
  if (content.personalLink) {
    sections.push({
      label: words.registrant.personalPage,
      lines: content.kind === 'registration_link' ? [words.registrant.confirmNote] : [],
      link: content.personalLink,
    });
  }
  if (content.kind === 'invitation' || content.kind === 'update') {
    sections.push({ lines: [content.forRegistrant ? words.registrant.calendarNote : words.calendarNote] });
  }
  const subject = `${words.subject[content.kind]}: ${content.title}`;
  return { subject, text: plainText(content, sections), html: html(content, subject, sections) };
}

/** The e-mail /signin sends: plain text and HTML, no calendar part. */
export function renderSignInNotice(content: SignInNoticeContent): RenderedNotice {
  const words = noticeWords(content.language);
  const until = formatInstant(content.expiresAt, content.recipientZone, content.language);
  const sections: Section[] = [
    { lines: [words.lead.sign_in] },
    { lines: [`${words.signInValidUntil} ${until}.`], link: content.link },
    { lines: [words.signInIgnore] },
  ];
  const header = {
    language: content.language,
    title: words.signInTitle,
    committeeName: content.committeeName,
  };
  const subject = `${words.subject.sign_in}: ${content.committeeName}`;
  return { subject, text: plainText(header, sections), html: html(header, subject, sections) };
}

type Section = { label?: string; lines: string[]; link?: string };
type Header = Pick<NoticeContent, 'language' | 'title' | 'committeeName'>;

function plainText(content: Header, sections: Section[]): string {
  const blocks = [content.title, content.committeeName].join('\n');
  const body = sections.map((section) =>
    [section.label ? `${section.label}:` : undefined, section.link, ...section.lines]
      .filter((line) => line !== undefined)
      .join('\n'),
  );
  return [blocks, ...body].join('\n\n') + '\n';
}

function html(content: Header, subject: string, sections: Section[]): string {
  const dir = content.language === 'fa' ? 'rtl' : 'ltr';
  const body = sections
    .map((section) => {
      const label = section.label ? `<h2>${escapeHtml(section.label)}</h2>` : '';
      const link = section.link
        ? `<p><a href="${escapeHtml(section.link)}">${escapeHtml(section.link)}</a></p>`
        : '';
      // Times and numbers are isolated so they never read backwards inside right-to-left text.
      const lines = section.lines.map((line) => `<p><bdi>${escapeHtml(line)}</bdi></p>`).join('');
      return `<section>${label}${link}${lines}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${content.language}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}">
<h1>${escapeHtml(content.title)}</h1>
<p>${escapeHtml(content.committeeName)}</p>
${body}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

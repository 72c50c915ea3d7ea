import { renderNotice, type NoticeContent } from './notice-message.js';

const base: NoticeContent = {
  kind: 'update',
  language: 'en',
  title: 'Plenary <session>',
  committeeName: 'Joint Economic Committee',
  startsAt: new Date('2026-12-01T08:00:00Z'),
  endsAt: new Date('2026-12-01T10:00:00Z'),
  recipientZone: 'Asia/Tehran',
  otherZones: ['Europe/Moscow'],
  previous: {
    startsAt: '2026-12-01T07:00:00.000Z',
    endsAt: '2026-12-01T09:00:00.000Z',
    timeZone: 'Europe/Moscow',
  },
  location: 'Kazan',
  joinUrl: 'https://meet.example.org/jec',
  accessCode: '4711',
  cancellationReason: null,
  agenda: ['1. Opening (11:30–11:45 Tehran / 11:00–11:15 Moscow)'],
};

describe('renderNotice', () => {
  it('shows the recipient’s zone first, then the other party’s, and what changed', () => {
    const notice = renderNotice(base);
    expect(notice.subject).toBe('Updated: Plenary <session>');
    const when = notice.text.split('When:\n')[1].split('\n\n')[0].split('\n');
    expect(when).toEqual([
      'Tuesday, 1 December 2026, 11:30–13:30 (Tehran)',
      'Tuesday, 1 December 2026, 11:00–13:00 (Moscow)',
    ]);
    expect(notice.text).toContain(
      'Tuesday, 1 December 2026, 10:30–12:30 (Tehran) → Tuesday, 1 December 2026, 11:30–13:30 (Tehran)',
    );
    expect(notice.text).toContain('https://meet.example.org/jec');
    expect(notice.text).toContain('1. Opening');
    expect(notice.html).toContain('<html lang="en" dir="ltr">');
    expect(notice.html).toContain('Plenary &lt;session&gt;');
  });

  it('writes Persian right to left, with Persian digits and the localized subject', () => {
    const notice = renderNotice({
      ...base,
      language: 'fa',
      kind: 'invitation',
      previous: null,
      title: 'نشست',
    });
    expect(notice.subject).toBe('دعوت‌نامه: نشست');
    expect(notice.html).toContain('<html lang="fa" dir="rtl">');
    expect(notice.text).toContain('۱۱:۳۰–۱۳:۳۰ (تهران)');
    expect(notice.text).toContain('(مسکو)');
  });

  it('words a withdrawal and a cancellation with its reason in Russian', () => {
    const withdrawal = renderNotice({ ...base, language: 'ru', kind: 'withdrawal', previous: null });
    expect(withdrawal.subject).toBe('Приглашение отозвано: Plenary <session>');
    const cancellation = renderNotice({
      ...base,
      language: 'ru',
      kind: 'cancellation',
      previous: null,
      cancellationReason: 'Перенос визита',
    });
    expect(cancellation.subject).toBe('Отменено: Plenary <session>');
    expect(cancellation.text).toContain('Причина:\nПеренос визита');
  });
});

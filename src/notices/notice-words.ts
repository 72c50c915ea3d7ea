import type { NoticeKind } from './notice.entity.js';

/** Every word a notice e-mail writes, in the recipient's language (en, fa, ru; English otherwise). */
export interface NoticeWords {
  subject: Record<NoticeKind, string>;
  lead: Record<NoticeKind, string>;
  when: string;
  changed: string;
  where: string;
  join: string;
  accessCode: string;
  agenda: string;
  reason: string;
  calendarNote: string;
  /** The personal link to the session's page in invitations, updates and reminders. */
  portalLink: string;
  portalLinkNote: string;
  /** The sign-in e-mail: its heading, when the link stops working, and what to do if not asked for. */
  signInTitle: string;
  signInValidUntil: string;
  signInIgnore: string;
  cities: Record<string, string>;
}

const WORDS: Record<'en' | 'fa' | 'ru', NoticeWords> = {
  en: {
    subject: {
      invitation: 'Invitation',
      update: 'Updated',
      cancellation: 'Cancelled',
      withdrawal: 'Invitation withdrawn',
      reminder: 'Reminder',
      sign_in: 'Your sign-in link',
    },
    lead: {
      invitation: 'You are invited to this session.',
      update: 'This session has changed.',
      cancellation: 'This session has been cancelled.',
      withdrawal: 'Your invitation to this session has been withdrawn.',
      reminder: 'This session is coming up.',
      sign_in: 'Open this link to sign in to the delegate portal.',
    },
    when: 'When',
    changed: 'Changed',
    where: 'Where',
    join: 'Join online',
    accessCode: 'Access code',
    agenda: 'Agenda',
    reason: 'Reason',
    calendarNote: 'Accept or decline in your calendar app; your answer goes to the secretariat.',
    portalLink: 'Your page for this session',
    portalLinkNote: 'This link is personal: it signs you in to the delegate portal. Do not forward it.',
    signInTitle: 'Sign in to the delegate portal',
    signInValidUntil: 'The link works once, until',
    signInIgnore: 'If you did not ask to sign in, ignore this e-mail: nothing happens without the link.',
    cities: { 'Asia/Tehran': 'Tehran', 'Europe/Moscow': 'Moscow' },
  },
  fa: {
    subject: {
      invitation: 'دعوت‌نامه',
      update: 'به‌روزرسانی',
      cancellation: 'لغو شد',
      withdrawal: 'دعوت پس گرفته شد',
      reminder: 'یادآوری',
      sign_in: 'پیوند ورود شما',
    },
    lead: {
      invitation: 'شما به این نشست دعوت شده‌اید.',
      update: 'این نشست تغییر کرده است.',
      cancellation: 'این نشست لغو شده است.',
      withdrawal: 'دعوت شما به این نشست پس گرفته شده است.',
      reminder: 'این نشست به‌زودی برگزار می‌شود.',
      sign_in: 'برای ورود به درگاه نمایندگان این پیوند را باز کنید.',
    },
    when: 'زمان',
    changed: 'تغییر',
    where: 'مکان',
    join: 'پیوستن آنلاین',
    accessCode: 'کد ورود',
    agenda: 'دستور جلسه',
    reason: 'دلیل',
    calendarNote: 'در برنامهٔ تقویم خود بپذیرید یا رد کنید؛ پاسخ شما به دبیرخانه می‌رسد.',
    portalLink: 'صفحهٔ شما برای این نشست',
    portalLinkNote: 'این پیوند شخصی است و شما را وارد درگاه نمایندگان می‌کند. آن را برای دیگران نفرستید.',
    signInTitle: 'ورود به درگاه نمایندگان',
    signInValidUntil: 'این پیوند یک بار کار می‌کند، تا',
    signInIgnore: 'اگر درخواست ورود نداده‌اید، این نامه را نادیده بگیرید: بدون این پیوند اتفاقی نمی‌افتد.',
    cities: { 'Asia/Tehran': 'تهران', 'Europe/Moscow': 'مسکو' },
  },
  ru: {
    subject: {
      invitation: 'Приглашение',
      update: 'Изменено',
      cancellation: 'Отменено',
      withdrawal: 'Приглашение отозвано',
      reminder: 'Напоминание',
      sign_in: 'Ссылка для входа',
    },
    lead: {
      invitation: 'Вы приглашены на это заседание.',
      update: 'Заседание изменено.',
      cancellation: 'Заседание отменено.',
      withdrawal: 'Ваше приглашение на это заседание отозвано.',
      reminder: 'Скоро начнётся заседание.',
      sign_in: 'Откройте эту ссылку, чтобы войти на портал делегата.',
    },
    when: 'Время',
    changed: 'Изменение',
    where: 'Место',
    join: 'Подключиться онлайн',
    accessCode: 'Код доступа',
    agenda: 'Повестка дня',
    reason: 'Причина',
    calendarNote: 'Примите или отклоните приглашение в календаре; ответ получит секретариат.',
    portalLink: 'Ваша страница этого заседания',
    portalLinkNote: 'Это личная ссылка: она выполняет вход на портал делегата. Не пересылайте её.',
    signInTitle: 'Вход на портал делегата',
    signInValidUntil: 'Ссылка действует один раз, до',
    signInIgnore:
      'Если вы не запрашивали вход, просто проигнорируйте это письмо: без ссылки ничего не произойдёт.',
    cities: { 'Asia/Tehran': 'Тегеран', 'Europe/Moscow': 'Москва' },
  },
};

export type NoticeLanguage = keyof typeof WORDS;

export function noticeLanguage(locale: string | null | undefined): NoticeLanguage {
  const language = (locale ?? 'en').split('-')[0].toLowerCase();
  return language in WORDS ? (language as NoticeLanguage) : 'en';
}

export function noticeWords(language: NoticeLanguage): NoticeWords {
  return WORDS[language];
}

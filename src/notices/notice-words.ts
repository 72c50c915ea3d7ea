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
    },
    lead: {
      invitation: 'You are invited to this session.',
      update: 'This session has changed.',
      cancellation: 'This session has been cancelled.',
      withdrawal: 'Your invitation to this session has been withdrawn.',
      reminder: 'This session is coming up.',
    },
    when: 'When',
    changed: 'Changed',
    where: 'Where',
    join: 'Join online',
    accessCode: 'Access code',
    agenda: 'Agenda',
    reason: 'Reason',
    calendarNote: 'Accept or decline in your calendar app; your answer goes to the secretariat.',
    cities: { 'Asia/Tehran': 'Tehran', 'Europe/Moscow': 'Moscow' },
  },
  fa: {
    subject: {
      invitation: 'دعوت‌نامه',
      update: 'به‌روزرسانی',
      cancellation: 'لغو شد',
      withdrawal: 'دعوت پس گرفته شد',
      reminder: 'یادآوری',
    },
    lead: {
      invitation: 'شما به این نشست دعوت شده‌اید.',
      update: 'این نشست تغییر کرده است.',
      cancellation: 'این نشست لغو شده است.',
      withdrawal: 'دعوت شما به این نشست پس گرفته شده است.',
      reminder: 'این نشست به‌زودی برگزار می‌شود.',
    },
    when: 'زمان',
    changed: 'تغییر',
    where: 'مکان',
    join: 'پیوستن آنلاین',
    accessCode: 'کد ورود',
    agenda: 'دستور جلسه',
    reason: 'دلیل',
    calendarNote: 'در برنامهٔ تقویم خود بپذیرید یا رد کنید؛ پاسخ شما به دبیرخانه می‌رسد.',
    cities: { 'Asia/Tehran': 'تهران', 'Europe/Moscow': 'مسکو' },
  },
  ru: {
    subject: {
      invitation: 'Приглашение',
      update: 'Изменено',
      cancellation: 'Отменено',
      withdrawal: 'Приглашение отозвано',
      reminder: 'Напоминание',
    },
    lead: {
      invitation: 'Вы приглашены на это заседание.',
      update: 'Заседание изменено.',
      cancellation: 'Заседание отменено.',
      withdrawal: 'Ваше приглашение на это заседание отозвано.',
      reminder: 'Скоро начнётся заседание.',
    },
    when: 'Время',
    changed: 'Изменение',
    where: 'Место',
    join: 'Подключиться онлайн',
    accessCode: 'Код доступа',
    agenda: 'Повестка дня',
    reason: 'Причина',
    calendarNote: 'Примите или отклоните приглашение в календаре; ответ получит секретариат.',
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

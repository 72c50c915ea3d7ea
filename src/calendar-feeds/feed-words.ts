import type { Session } from '../sessions/session.entity.js';

/** The few words a feed writes itself, in the feed's language (en, fa, ru; English otherwise). */
export interface FeedWords {
  cancelled: string;
  agenda: string;
  join: string;
  accessCode: string;
  reason: string;
  /** CATEGORIES: a session's kind and format as words. */
  kinds: Record<Session['kind'], string>;
  formats: Record<Session['format'], string>;
}

const WORDS: Record<'en' | 'fa' | 'ru', FeedWords> = {
  en: {
    cancelled: 'Cancelled',
    agenda: 'Agenda',
    join: 'Join online',
    accessCode: 'Access code',
    reason: 'Reason',
    kinds: {
      plenary: 'Plenary',
      working_group: 'Working group',
      webinar: 'Webinar',
      bilateral: 'Bilateral meeting',
      other: 'Meeting',
    },
    formats: { online: 'Online', in_person: 'In person', hybrid: 'Hybrid' },
  },
  fa: {
    cancelled: 'لغو شد',
    agenda: 'دستور جلسه',
    join: 'پیوستن آنلاین',
    accessCode: 'کد ورود',
    reason: 'دلیل',
    kinds: {
      plenary: 'نشست عمومی',
      working_group: 'کارگروه',
      webinar: 'وبینار',
      bilateral: 'دیدار دوجانبه',
      other: 'نشست',
    },
    formats: { online: 'برخط', in_person: 'حضوری', hybrid: 'ترکیبی' },
  },
  ru: {
    cancelled: 'Отменено',
    agenda: 'Повестка дня',
    join: 'Подключиться онлайн',
    accessCode: 'Код доступа',
    reason: 'Причина',
    kinds: {
      plenary: 'Пленарное заседание',
      working_group: 'Рабочая группа',
      webinar: 'Вебинар',
      bilateral: 'Двусторонняя встреча',
      other: 'Встреча',
    },
    formats: { online: 'Онлайн', in_person: 'Очно', hybrid: 'Смешанный формат' },
  },
};

export function feedWords(locale: string): FeedWords {
  const language = locale.split('-')[0] as keyof typeof WORDS;
  return WORDS[language] ?? WORDS.en;
}

/** The few words a feed writes itself, in the feed's language (en, fa, ru; English otherwise). */
export interface FeedWords {
  cancelled: string;
  agenda: string;
  join: string;
  accessCode: string;
  reason: string;
}

const WORDS: Record<'en' | 'fa' | 'ru', FeedWords> = {
  en: {
    cancelled: 'Cancelled',
    agenda: 'Agenda',
    join: 'Join online',
    accessCode: 'Access code',
    reason: 'Reason',
  },
  fa: {
    cancelled: 'لغو شد',
    agenda: 'دستور جلسه',
    join: 'پیوستن آنلاین',
    accessCode: 'کد ورود',
    reason: 'دلیل',
  },
  ru: {
    cancelled: 'Отменено',
    agenda: 'Повестка дня',
    join: 'Подключиться онлайн',
    accessCode: 'Код доступа',
    reason: 'Причина',
  },
};

export function feedWords(locale: string): FeedWords {
  const language = locale.split('-')[0] as keyof typeof WORDS;
  return WORDS[language] ?? WORDS.en;
}

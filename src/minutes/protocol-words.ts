import type { ActionItemStatus, DecisionKind, DecisionOutcome } from './minutes-content.js';

/** Every word of the protocol document, per language; English is the fallback. */
export interface ProtocolWords {
  protocol: string;
  draft: string;
  revision: string;
  place: string;
  gregorianDate: string;
  solarHijriDate: string;
  attendance: string;
  agenda: string;
  notes: string;
  decisions: string;
  actionItems: string;
  owners: string;
  due: string;
  signatures: string;
  coChair: string;
  kinds: Record<DecisionKind, string>;
  outcomes: Record<DecisionOutcome, string>;
  statuses: Record<ActionItemStatus, string>;
  /** The language names as they read inside this language's authenticity clause. */
  languageNames: Record<string, string>;
  authenticity: (languages: string[]) => string;
}

const en: ProtocolWords = {
  protocol: 'Protocol',
  draft: 'Draft',
  revision: 'Revision',
  place: 'Place',
  gregorianDate: 'Date (Gregorian calendar)',
  solarHijriDate: 'Date (Solar Hijri calendar)',
  attendance: 'Present',
  agenda: 'Agenda',
  notes: 'Discussion',
  decisions: 'Decisions',
  actionItems: 'Action items',
  owners: 'Responsible',
  due: 'Due',
  signatures: 'Signatures',
  coChair: 'Co-chair',
  kinds: { decision: 'Decision', recommendation: 'Recommendation', noted: 'Noted' },
  outcomes: { consensus: 'by consensus', adopted: 'adopted', rejected: 'rejected', deferred: 'deferred' },
  statuses: { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
  languageNames: { fa: 'Persian', ru: 'Russian', en: 'English' },
  authenticity: (languages) =>
    `Done in the ${languages.join(' and ')} languages, all texts being equally authentic.`,
};

const fa: ProtocolWords = {
  protocol: 'صورتجلسه',
  draft: 'پیش‌نویس',
  revision: 'ویرایش',
  place: 'محل برگزاری',
  gregorianDate: 'تاریخ (میلادی)',
  solarHijriDate: 'تاریخ (هجری شمسی)',
  attendance: 'حاضران',
  agenda: 'دستور جلسه',
  notes: 'شرح مذاکرات',
  decisions: 'تصمیمات',
  actionItems: 'اقدامات',
  owners: 'مسئول',
  due: 'مهلت',
  signatures: 'امضاها',
  coChair: 'رئیس مشترک',
  kinds: { decision: 'تصمیم', recommendation: 'توصیه', noted: 'برای اطلاع' },
  outcomes: { consensus: 'با اجماع', adopted: 'تصویب شد', rejected: 'رد شد', deferred: 'به تعویق افتاد' },
  statuses: { open: 'باز', in_progress: 'در حال انجام', done: 'انجام شد', dropped: 'منتفی شد' },
  languageNames: { fa: 'فارسی', ru: 'روسی', en: 'انگلیسی' },
  authenticity: (languages) =>
    `این صورتجلسه به زبان‌های ${languages.join(' و ')} تنظیم شده است و همه متن‌ها از اعتبار یکسان برخوردارند.`,
};

const ru: ProtocolWords = {
  protocol: 'Протокол',
  draft: 'Проект',
  revision: 'Редакция',
  place: 'Место проведения',
  gregorianDate: 'Дата (по григорианскому календарю)',
  solarHijriDate: 'Дата (по солнечному календарю хиджры)',
  attendance: 'Присутствовали',
  agenda: 'Повестка дня',
  notes: 'Ход обсуждения',
  decisions: 'Решения',
  actionItems: 'Поручения',
  owners: 'Ответственные',
  due: 'Срок',
  signatures: 'Подписи',
  coChair: 'Сопредседатель',
  kinds: { decision: 'Решение', recommendation: 'Рекомендация', noted: 'Принято к сведению' },
  outcomes: { consensus: 'консенсусом', adopted: 'принято', rejected: 'отклонено', deferred: 'отложено' },
  statuses: { open: 'открыто', in_progress: 'выполняется', done: 'выполнено', dropped: 'снято' },
  languageNames: { fa: 'персидском', ru: 'русском', en: 'английском' },
  authenticity: (languages) =>
    `Совершено на ${languages.join(' и ')} языках, причём все тексты имеют одинаковую силу.`,
};

const CATALOGUE: Record<string, ProtocolWords> = { en, fa, ru };

export function protocolWords(lang: string): ProtocolWords {
  return CATALOGUE[lang.split('-')[0]] ?? en;
}

/** Languages written right to left. */
export function isRightToLeft(lang: string): boolean {
  return ['fa', 'ar', 'he', 'ur', 'ps'].includes(lang.split('-')[0]);
}

import type { NoticeKind } from './notice.entity.js';

/** A registrant is never sent a portal sign-in link. */
type RegistrantKind = Exclude<NoticeKind, 'sign_in'>;

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
  /** What a webinar's registrant reads instead (they are not invited; they registered). */
  registrant: {
    subject: Record<RegistrantKind, string>;
    lead: Record<RegistrantKind, string>;
    /** The registrant's personal page (see, add to a calendar, cancel). */
    personalPage: string;
    confirmNote: string;
    calendarNote: string;
  };
}

type ParticipantKind = 'invitation' | 'update' | 'cancellation' | 'withdrawal' | 'reminder' | 'sign_in';
type ParticipantWords = Omit<NoticeWords, 'subject' | 'lead'> & {
  subject: Record<ParticipantKind, string>;
  lead: Record<ParticipantKind, string>;
};

const WORDS: Record<'en' | 'fa' | 'ru', ParticipantWords> = {
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
    registrant: {
      subject: {
        invitation: 'Registration confirmed',
        update: 'Webinar updated',
        cancellation: 'Webinar cancelled',
        withdrawal: 'Registration cancelled',
        reminder: 'Reminder',
        registration_link: 'Confirm your registration',
        registration_awaiting_approval: 'Registration received',
        registration_waitlisted: 'You are on the waiting list',
        registration_rejected: 'Registration declined',
      },
      lead: {
        invitation: 'Your registration for this webinar is confirmed. Your seat is reserved.',
        update: 'This webinar has changed.',
        cancellation: 'This webinar has been cancelled.',
        withdrawal: 'Your registration for this webinar is cancelled.',
        reminder: 'This webinar is coming up.',
        registration_link:
          'Here is the link to your registration for this webinar. If your address is not confirmed yet, open it and confirm. If you did not register, ignore this message.',
        registration_awaiting_approval:
          'Your address is confirmed. The organizers review each registration; you will hear from us.',
        registration_waitlisted:
          'The webinar is full, so you are on the waiting list. If a seat frees, it is yours and we will tell you.',
        registration_rejected: 'The organizers could not accept your registration for this webinar.',
      },
      personalPage: 'Your registration',
      confirmNote: 'Open the link to confirm your address.',
      calendarNote: 'The attached invitation adds the webinar to your calendar.',
    },
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
    registrant: {
      subject: {
        invitation: 'ثبت‌نام تأیید شد',
        update: 'وبینار تغییر کرد',
        cancellation: 'وبینار لغو شد',
        withdrawal: 'ثبت‌نام لغو شد',
        reminder: 'یادآوری',
        registration_link: 'ثبت‌نام خود را تأیید کنید',
        registration_awaiting_approval: 'ثبت‌نام دریافت شد',
        registration_waitlisted: 'شما در فهرست انتظار هستید',
        registration_rejected: 'ثبت‌نام پذیرفته نشد',
      },
      lead: {
        invitation: 'ثبت‌نام شما در این وبینار تأیید شد. جای شما محفوظ است.',
        update: 'این وبینار تغییر کرده است.',
        cancellation: 'این وبینار لغو شده است.',
        withdrawal: 'ثبت‌نام شما در این وبینار لغو شد.',
        reminder: 'این وبینار به‌زودی برگزار می‌شود.',
        registration_link:
          'این پیوند ثبت‌نام شما در این وبینار است. اگر نشانی شما هنوز تأیید نشده، آن را باز کنید و تأیید کنید. اگر ثبت‌نام نکرده‌اید، این پیام را نادیده بگیرید.',
        registration_awaiting_approval:
          'نشانی شما تأیید شد. برگزارکنندگان هر ثبت‌نام را بررسی می‌کنند و به شما خبر می‌دهند.',
        registration_waitlisted:
          'ظرفیت وبینار پر است و شما در فهرست انتظار هستید. اگر جایی آزاد شود، به شما می‌رسد و خبرتان می‌کنیم.',
        registration_rejected: 'برگزارکنندگان نتوانستند ثبت‌نام شما را در این وبینار بپذیرند.',
      },
      personalPage: 'ثبت‌نام شما',
      confirmNote: 'برای تأیید نشانی خود پیوند را باز کنید.',
      calendarNote: 'دعوت‌نامهٔ پیوست، وبینار را به تقویم شما می‌افزاید.',
    },
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
    registrant: {
      subject: {
        invitation: 'Регистрация подтверждена',
        update: 'Вебинар изменён',
        cancellation: 'Вебинар отменён',
        withdrawal: 'Регистрация отменена',
        reminder: 'Напоминание',
        registration_link: 'Подтвердите регистрацию',
        registration_awaiting_approval: 'Заявка получена',
        registration_waitlisted: 'Вы в листе ожидания',
        registration_rejected: 'Регистрация отклонена',
      },
      lead: {
        invitation: 'Ваша регистрация на вебинар подтверждена. Место за вами.',
        update: 'Вебинар изменён.',
        cancellation: 'Вебинар отменён.',
        withdrawal: 'Ваша регистрация на вебинар отменена.',
        reminder: 'Скоро начнётся вебинар.',
        registration_link:
          'Это ссылка на вашу регистрацию на вебинар. Если адрес ещё не подтверждён, откройте её и подтвердите. Если вы не регистрировались, просто проигнорируйте это письмо.',
        registration_awaiting_approval:
          'Ваш адрес подтверждён. Организаторы рассматривают каждую заявку и сообщат вам о решении.',
        registration_waitlisted:
          'Мест на вебинаре нет, вы в листе ожидания. Если место освободится, оно ваше — мы сообщим.',
        registration_rejected: 'Организаторы не смогли принять вашу регистрацию на этот вебинар.',
      },
      personalPage: 'Ваша регистрация',
      confirmNote: 'Откройте ссылку, чтобы подтвердить адрес.',
      calendarNote: 'Приложенное приглашение добавит вебинар в ваш календарь.',
    },
  },
};

export type NoticeLanguage = keyof typeof WORDS;

export function noticeLanguage(locale: string | null | undefined): NoticeLanguage {
  const language = (locale ?? 'en').split('-')[0].toLowerCase();
  return language in WORDS ? (language as NoticeLanguage) : 'en';
}

/** The words for a participant's notice; `forRegistrant` gives a webinar registrant's subjects and leads. */
export function noticeWords(language: NoticeLanguage, forRegistrant = false): NoticeWords {
  const words = WORDS[language];
  if (forRegistrant) {
    const { subject, lead } = words.registrant;
    return { ...words, subject: { ...words.subject, ...subject }, lead: { ...words.lead, ...lead } };
  }
  return words as NoticeWords;
}

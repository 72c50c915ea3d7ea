import type { LocalizedText } from '../common/i18n/localized-text.js';
import type { CreateSessionDto } from '../sessions/dto/session-input.dto.js';

export interface DemoAgendaItem {
  title: LocalizedText;
  kind: 'opening' | 'presentation' | 'discussion' | 'decision' | 'break' | 'closing' | 'other';
  durationMinutes: number;
  presenters?: string[];
  children?: DemoAgendaItem[];
}

const item = (
  en: string,
  fa: string,
  ru: string,
  kind: DemoAgendaItem['kind'],
  durationMinutes: number,
  presenters: string[] = [],
  children?: DemoAgendaItem[],
): DemoAgendaItem => ({ title: { en, fa, ru }, kind, durationMinutes, presenters, children });

export const WEBINAR_AGENDA: DemoAgendaItem[] = [
  item(
    'Welcome and opening remarks',
    'خوش‌آمدگویی و سخنان افتتاحیه',
    'Приветствие и вступительное слово',
    'opening',
    10,
    ['zadboum', 'ryazantsev'],
  ),
  item(
    'Industrial cooperation: where we stand',
    'همکاری صنعتی: وضعیت کنونی',
    'Промышленная кооперация: текущее положение',
    'presentation',
    20,
    ['ryazantsev'],
  ),
  item(
    'Localising car parts production in Iran',
    'بومی‌سازی تولید قطعات خودرو در ایران',
    'Локализация производства автокомпонентов в Иране',
    'presentation',
    20,
    ['zadboum'],
  ),
  item('Questions from companies', 'پرسش‌های شرکت‌ها', 'Вопросы компаний', 'discussion', 25),
  item('Next steps', 'گام‌های بعدی', 'Дальнейшие шаги', 'closing', 5, ['rezaei']),
];

export const INDUSTRY_MEETING_AGENDA: DemoAgendaItem[] = [
  item('Opening of the meeting', 'افتتاح جلسه', 'Открытие заседания', 'opening', 15, [
    'ryazantsev',
    'zadboum',
  ]),
  item(
    'Auto industry',
    'خودروسازی',
    'Автомобильная промышленность',
    'discussion',
    60,
    [],
    [
      item(
        'Joint assembly of passenger cars',
        'مونتاژ مشترک خودروی سواری',
        'Совместная сборка легковых автомобилей',
        'presentation',
        30,
        ['rezaei'],
      ),
      item(
        'Supply of components and certification',
        'تأمین قطعات و صدور گواهی',
        'Поставки комплектующих и сертификация',
        'presentation',
        30,
        ['smirnova'],
      ),
    ],
  ),
  item('Coffee break', 'پذیرایی', 'Кофе-брейк', 'break', 15),
  item(
    'Shipbuilding on the Caspian Sea',
    'کشتی‌سازی در دریای خزر',
    'Судостроение на Каспии',
    'discussion',
    45,
    ['ryazantsev'],
  ),
  item(
    'Draft protocol of the working group',
    'پیش‌نویس صورت‌جلسهٔ کارگروه',
    'Проект протокола рабочей группы',
    'decision',
    30,
    ['smirnova', 'rezaei'],
  ),
  item('Closing', 'اختتامیه', 'Закрытие', 'closing', 15, ['zadboum']),
];

export const PLENARY_AGENDA: DemoAgendaItem[] = [
  item('Opening by the co-chairs', 'افتتاح توسط رؤسای کمیسیون', 'Открытие сопредседателями', 'opening', 20),
  item(
    'Report of the industry working group',
    'گزارش کارگروه صنعت',
    'Доклад рабочей группы по промышленности',
    'presentation',
    20,
    ['ryazantsev'],
  ),
  item(
    'Report of the trade and customs working group',
    'گزارش کارگروه تجارت و گمرک',
    'Доклад рабочей группы по торговле и таможне',
    'presentation',
    20,
    ['ahmadi', 'volkov'],
  ),
  item(
    'Report of the agriculture working group',
    'گزارش کارگروه کشاورزی',
    'Доклад рабочей группы по сельскому хозяйству',
    'presentation',
    20,
    ['kuznetsov'],
  ),
  item('Lunch', 'ناهار', 'Обед', 'break', 60),
  item(
    'Transport: the North–South corridor',
    'حمل‌ونقل: کریدور شمال–جنوب',
    'Транспорт: коридор «Север–Юг»',
    'discussion',
    45,
    ['jalali'],
  ),
  item(
    'Adoption of the final protocol',
    'تصویب صورت‌جلسهٔ نهایی',
    'Принятие итогового протокола',
    'decision',
    30,
    ['zadboum', 'ryazantsev'],
  ),
  item('Signing ceremony and press', 'مراسم امضا و رسانه‌ها', 'Церемония подписания и пресса', 'closing', 25),
];

export const CUSTOMS_CALL_AGENDA: DemoAgendaItem[] = [
  item(
    'Green corridor: exporters added this month',
    'کریدور سبز: صادرکنندگان افزوده‌شده در این ماه',
    'Зелёный коридор: новые экспортёры месяца',
    'presentation',
    15,
    ['ahmadi'],
  ),
  item(
    'Clearance times at Astara and Makhachkala',
    'زمان ترخیص در آستارا و ماخاچ‌قلعه',
    'Сроки оформления в Астаре и Махачкале',
    'discussion',
    20,
    ['volkov'],
  ),
  item(
    'Dairy and tomato export certificates',
    'گواهی‌های صادرات لبنیات و گوجه‌فرنگی',
    'Сертификаты на экспорт молочной продукции и томатов',
    'discussion',
    15,
  ),
  item('Any other business', 'سایر موارد', 'Разное', 'other', 5),
  item('Decisions and follow-up', 'تصمیمات و پیگیری', 'Решения и контроль исполнения', 'decision', 5, [
    'jalali',
  ]),
];

/**
 * The demo's one-off sessions, days from the seeding day: a webinar a month ago, the industry
 * working group's meeting in three weeks and the plenary in ten. `invite` is everyone or a
 * working group's members.
 */
export interface DemoSession {
  fields: Omit<CreateSessionDto, 'committeeId' | 'workingGroupId' | 'start'>;
  workingGroup?: string;
  day: number;
  time: string;
  /** `everyone`, or a working group's slug for its members. */
  invite: string;
  agenda: DemoAgendaItem[];
}

export const DEMO_SESSIONS: DemoSession[] = [
  {
    fields: {
      title: {
        en: 'Iran–Russia industrial and trade webinar',
        fa: 'وبینار صنعتی و تجاری ایران و روسیه',
        ru: 'Российско-иранский промышленно-торговый вебинар',
      },
      kind: 'webinar',
      format: 'online',
      timeZone: 'Europe/Moscow',
      durationMinutes: 80,
      onlineMeeting: { joinUrl: 'https://meet.example.org/ir-ru-industry-webinar', provider: 'Jitsi' },
    },
    day: -30,
    time: '11:00',
    invite: 'everyone',
    agenda: WEBINAR_AGENDA,
  },
  {
    fields: {
      title: {
        en: 'Meeting of the industry working group within the framework of the Joint Economic Committee',
        fa: 'نشست کارگروه صنعت در چارچوب کمیسیون مشترک اقتصادی',
        ru: 'Заседание рабочей группы по промышленности в рамках Межправительственной комиссии',
      },
      kind: 'working_group',
      format: 'in_person',
      timeZone: 'Europe/Moscow',
      durationMinutes: 180,
      location: {
        en: 'Ministry of Industry and Trade, Moscow',
        fa: 'وزارت صنعت و تجارت روسیه، مسکو',
        ru: 'Минпромторг России, Москва',
      },
    },
    workingGroup: 'industry',
    day: 21,
    time: '10:00',
    invite: 'industry',
    agenda: INDUSTRY_MEETING_AGENDA,
  },
  {
    fields: {
      title: {
        en: 'Plenary session of the Joint Economic Committee',
        fa: 'نشست عمومی کمیسیون مشترک اقتصادی',
        ru: 'Пленарное заседание Межправительственной комиссии',
      },
      kind: 'plenary',
      format: 'hybrid',
      timeZone: 'Asia/Tehran',
      durationMinutes: 300,
      location: {
        en: 'Ministry of Foreign Affairs, Tehran',
        fa: 'وزارت امور خارجه، تهران',
        ru: 'МИД Ирана, Тегеран',
      },
      onlineMeeting: {
        joinUrl: 'https://meet.example.org/jec-plenary',
        provider: 'Jitsi',
        accessCode: '1404',
      },
    },
    day: 70,
    time: '10:00',
    invite: 'everyone',
    agenda: PLENARY_AGENDA,
  },
];

/** The trade and customs group's monthly call, from the first of next month, for its members. */
export const DEMO_SERIES = {
  workingGroup: 'trade-customs',
  fields: {
    title: {
      en: 'Trade and customs working group call',
      fa: 'تماس ماهانهٔ کارگروه تجارت و گمرک',
      ru: 'Ежемесячный созвон рабочей группы по торговле и таможне',
    },
    kind: 'working_group',
    format: 'online',
    timeZone: 'Europe/Moscow',
    startTime: '11:00',
    durationMinutes: 60,
    rrule: 'FREQ=MONTHLY;BYDAY=-1WE;COUNT=12',
    skipNonWorkingDays: true,
    publish: true,
    onlineMeeting: { joinUrl: 'https://meet.example.org/green-corridor', provider: 'Jitsi' },
  },
  agenda: CUSTOMS_CALL_AGENDA,
} as const;

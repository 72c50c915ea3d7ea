import type { LocalizedText } from '../common/i18n/localized-text.js';

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

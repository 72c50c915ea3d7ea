import type { LocalizedText } from '../common/i18n/localized-text.js';

/**
 * The demo: the Iran–Russia Joint Economic Committee (the Permanent Russian–Iranian
 * Intergovernmental Commission on Trade and Economic Cooperation), its two delegations,
 * three working groups and a few sessions. Names are public office holders; e-mail
 * addresses are made up (example.org).
 */
export const DEMO_SLUG = 'iran-russia-jec';

export const COMMITTEE = {
  slug: DEMO_SLUG,
  name: {
    en: 'Iran–Russia Joint Economic Committee',
    fa: 'کمیسیون مشترک همکاری‌های اقتصادی ایران و روسیه',
    ru: 'Российско-иранская межправительственная комиссия по торгово-экономическому сотрудничеству',
  },
  description: {
    en: 'Standing intergovernmental commission on trade, industry, transport, customs and agriculture.',
    fa: 'کمیسیون دائمی بین‌الدولی در زمینهٔ تجارت، صنعت، حمل‌ونقل، گمرک و کشاورزی.',
    ru: 'Постоянная межправительственная комиссия по торговле, промышленности, транспорту, таможне и сельскому хозяйству.',
  },
  defaultTimeZone: 'Europe/Moscow',
  defaultLocale: 'en',
};

export const PARTIES = [
  {
    code: 'IR',
    name: { en: 'Islamic Republic of Iran', fa: 'جمهوری اسلامی ایران', ru: 'Исламская Республика Иран' },
    timeZone: 'Asia/Tehran',
    locale: 'fa',
    workWeek: [6, 7, 1, 2, 3],
    workingHours: { start: '08:00', end: '16:00' },
    holidayCountry: 'IR',
  },
  {
    code: 'RU',
    name: { en: 'Russian Federation', fa: 'فدراسیون روسیه', ru: 'Российская Федерация' },
    timeZone: 'Europe/Moscow',
    locale: 'ru',
    workWeek: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '18:00' },
    holidayCountry: 'RU',
  },
] as const;

export interface DemoParticipant {
  key: string;
  party: 'IR' | 'RU';
  fullName: LocalizedText;
  email: string;
  organization: LocalizedText;
  position: LocalizedText;
  delegationRole: 'co_chair' | 'deputy_chair' | 'secretary' | 'member' | 'expert' | 'observer';
}

export const PARTICIPANTS: DemoParticipant[] = [
  {
    key: 'zadboum',
    party: 'IR',
    fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم', ru: 'Хамид Задбум' },
    email: 'h.zadboum@mimt.example.org',
    organization: {
      en: 'Ministry of Industry, Mine and Trade',
      fa: 'وزارت صنعت، معدن و تجارت',
      ru: 'Министерство промышленности, горнодобывающей промышленности и торговли',
    },
    position: {
      en: 'Deputy Minister of Industry, Mine and Trade',
      fa: 'معاون وزیر صنعت، معدن و تجارت',
      ru: 'Заместитель министра промышленности, горнодобывающей промышленности и торговли',
    },
    delegationRole: 'deputy_chair',
  },
  {
    key: 'jalali',
    party: 'IR',
    fullName: { en: 'Kazem Jalali', fa: 'کاظم جلالی', ru: 'Казем Джалали' },
    email: 'k.jalali@mfa.example.org',
    organization: {
      en: 'Embassy of the Islamic Republic of Iran in Moscow',
      fa: 'سفارت جمهوری اسلامی ایران در مسکو',
      ru: 'Посольство Исламской Республики Иран в Москве',
    },
    position: {
      en: 'Ambassador to the Russian Federation',
      fa: 'سفیر در فدراسیون روسیه',
      ru: 'Посол в Российской Федерации',
    },
    delegationRole: 'member',
  },
  {
    key: 'ryazantsev',
    party: 'RU',
    fullName: { en: 'Oleg Ryazantsev', fa: 'اولگ ریازانتسف', ru: 'Олег Рязанцев' },
    email: 'o.ryazantsev@minprom.example.org',
    organization: {
      en: 'Ministry of Industry and Trade',
      fa: 'وزارت صنعت و تجارت',
      ru: 'Министерство промышленности и торговли',
    },
    position: {
      en: 'Deputy Minister of Industry and Trade',
      fa: 'معاون وزیر صنعت و تجارت',
      ru: 'Заместитель министра промышленности и торговли',
    },
    delegationRole: 'deputy_chair',
  },
  {
    key: 'ahmadi',
    party: 'IR',
    fullName: { en: 'Maryam Ahmadi', fa: 'مریم احمدی', ru: 'Марьям Ахмади' },
    email: 'm.ahmadi@irica.example.org',
    organization: {
      en: 'Islamic Republic of Iran Customs Administration',
      fa: 'گمرک جمهوری اسلامی ایران',
      ru: 'Таможенная администрация Ирана',
    },
    position: {
      en: 'Head of the Green Corridor Project',
      fa: 'مدیر طرح کریدور سبز',
      ru: 'Руководитель проекта «Зелёный коридор»',
    },
    delegationRole: 'expert',
  },
  {
    key: 'rezaei',
    party: 'IR',
    fullName: { en: 'Alireza Rezaei', fa: 'علی‌رضا رضایی', ru: 'Алиреза Резаи' },
    email: 'a.rezaei@mimt.example.org',
    organization: {
      en: 'Ministry of Industry, Mine and Trade',
      fa: 'وزارت صنعت، معدن و تجارت',
      ru: 'Министерство промышленности, горнодобывающей промышленности и торговли',
    },
    position: {
      en: 'Secretary of the Iranian delegation',
      fa: 'دبیر هیئت ایرانی',
      ru: 'Секретарь иранской делегации',
    },
    delegationRole: 'secretary',
  },
  {
    key: 'smirnova',
    party: 'RU',
    fullName: { en: 'Elena Smirnova', fa: 'یلنا اسمیرنوا', ru: 'Елена Смирнова' },
    email: 'e.smirnova@minprom.example.org',
    organization: {
      en: 'Ministry of Industry and Trade',
      fa: 'وزارت صنعت و تجارت',
      ru: 'Министерство промышленности и торговли',
    },
    position: {
      en: 'Secretary of the Russian delegation',
      fa: 'دبیر هیئت روسی',
      ru: 'Секретарь российской делегации',
    },
    delegationRole: 'secretary',
  },
  {
    key: 'volkov',
    party: 'RU',
    fullName: { en: 'Pyotr Volkov', fa: 'پیوتر ولکوف', ru: 'Пётр Волков' },
    email: 'p.volkov@customs.example.org',
    organization: {
      en: 'Federal Customs Service',
      fa: 'سرویس فدرال گمرک',
      ru: 'Федеральная таможенная служба',
    },
    position: {
      en: 'Deputy Head, Green Corridor',
      fa: 'معاون مدیر کریدور سبز',
      ru: 'Заместитель руководителя «Зелёного коридора»',
    },
    delegationRole: 'expert',
  },
  {
    key: 'kuznetsov',
    party: 'RU',
    fullName: { en: 'Ivan Kuznetsov', fa: 'ایوان کوزنتسف', ru: 'Иван Кузнецов' },
    email: 'i.kuznetsov@mcx.example.org',
    organization: {
      en: 'Ministry of Agriculture',
      fa: 'وزارت کشاورزی',
      ru: 'Министерство сельского хозяйства',
    },
    position: {
      en: 'Director, Food Standards Department',
      fa: 'مدیر ادارهٔ استانداردهای غذایی',
      ru: 'Директор департамента пищевых стандартов',
    },
    delegationRole: 'expert',
  },
];

export const WORKING_GROUPS = [
  {
    slug: 'industry',
    name: {
      en: 'Industry: auto industry and shipbuilding',
      fa: 'صنعت: خودروسازی و کشتی‌سازی',
      ru: 'Промышленность: автопром и судостроение',
    },
    description: {
      en: 'Car and parts production, Caspian shipbuilding.',
      fa: 'تولید خودرو و قطعات، کشتی‌سازی خزر.',
      ru: 'Производство автомобилей и комплектующих, каспийское судостроение.',
    },
    members: ['zadboum', 'ryazantsev', 'rezaei', 'smirnova'],
  },
  {
    slug: 'trade-customs',
    name: {
      en: 'Trade and customs: the green customs corridor',
      fa: 'تجارت و گمرک: کریدور سبز گمرکی',
      ru: 'Торговля и таможня: «зелёный» таможенный коридор',
    },
    description: {
      en: 'Simplified customs clearance for listed exporters.',
      fa: 'ترخیص سادهٔ گمرکی برای صادرکنندگان فهرست‌شده.',
      ru: 'Упрощённое таможенное оформление для включённых в перечень экспортёров.',
    },
    members: ['ahmadi', 'volkov', 'jalali'],
  },
  {
    slug: 'agriculture-food',
    name: {
      en: 'Agriculture and food standards',
      fa: 'کشاورزی و استانداردهای غذایی',
      ru: 'Сельское хозяйство и пищевые стандарты',
    },
    description: {
      en: 'Dairy and tomato exports, veterinary and phytosanitary rules.',
      fa: 'صادرات لبنیات و گوجه‌فرنگی، مقررات دامپزشکی و بهداشت گیاهی.',
      ru: 'Экспорт молочной продукции и томатов, ветеринарные и фитосанитарные нормы.',
    },
    members: ['kuznetsov', 'ahmadi'],
  },
] as const;

import { IANAZone } from 'luxon';

/**
 * Which zone names Quorum accepts as a zone of record or a display zone:
 * - canonical IANA names with their exact spelling and case (`Asia/Tehran`, `Asia/Kolkata`,
 *   `America/Argentina/Buenos_Aires`), plus `UTC` and `Etc/UTC`;
 * - not the tz database's deprecated backward-compatibility links: renamed cities (`Asia/Teheran`,
 *   `Asia/Calcutta`, `Europe/Kiev`), country and legacy names (`Iran`, `W-SU`, `US/Eastern`,
 *   `EST5EDT`, `CET`, `GMT`), each answered with the name to use instead;
 * - not fixed offsets (`+03:00`, `GMT+3`, `Etc/GMT+3`): a session happens in a place whose offset
 *   changes with DST, and `Etc/GMT+3` means UTC−03:00 (POSIX sign), a trap for organizers.
 */
export function isValidTimeZone(name: string): boolean {
  return timeZoneProblem(name) === undefined;
}

const answers = new Map<string, string | undefined>();
const MAX_REMEMBERED = 2_000;

/** Why `name` is not an accepted zone, with the name to use where there is one; undefined if accepted. */
export function timeZoneProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name === '') return 'a time zone is required, e.g. Asia/Tehran';
  // Asking the runtime is slow, and the same few zones are asked on every request.
  if (answers.has(name)) return answers.get(name);
  const problem = findTimeZoneProblem(name);
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  answers.set(name, problem);
  return problem;
}

function findTimeZoneProblem(name: string): string | undefined {
  if (!ZONE_NAME_SHAPE.test(name)) {
    return `"${name}" is not an IANA time zone name (like Asia/Tehran or Europe/Moscow)`;
  }
  const renamed = DEPRECATED_ALIASES.get(name.toLowerCase());
  if (renamed) return `${name} is a deprecated alias; use ${renamed}`;
  if (UTC_NAMES.has(name)) return undefined;
  if (UTC_ALIASES.test(name)) return `${name} is a deprecated alias; use UTC`;
  const fixedOffset = FIXED_OFFSET.exec(name);
  if (fixedOffset) {
    const posixMeaning = fixedOffset[1]
      ? ` (in POSIX sign, meaning UTC${fixedOffset[2] === '+' ? '−' : '+'}${fixedOffset[3]})`
      : '';
    return `${name} is a fixed offset${posixMeaning}, not a place; use a zone such as Europe/Moscow, or UTC`;
  }
  if (!IANAZone.isValidZone(name)) return `unknown time zone "${name}"; use an IANA name like Asia/Tehran`;
  const exactSpelling = knownNamesByLowerCase().get(name.toLowerCase());
  if (exactSpelling && exactSpelling !== name) {
    return `time zone names are case-sensitive; use ${exactSpelling}`;
  }
  if (!name.includes('/') || LEGACY_PREFIXES.test(name)) {
    return `${name} is a deprecated alias; use ${preferredNameFor(name)}`;
  }
  return undefined;
}

const ZONE_NAME_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const UTC_NAMES = new Set(['UTC', 'Etc/UTC']);
const FIXED_OFFSET = /^(Etc\/)?GMT([+-])(\d{1,2})$/i;
const UTC_ALIASES = /^(Etc\/)?(GMT|GMT[+-]?0|Greenwich|UCT|Universal|Zulu)$/i;
const LEGACY_PREFIXES = /^(US|Canada|Mexico|Brazil|Chile|SystemV)\//i;

// From the tz database's `backward` file: old spelling (lower-cased for lookup) → current name.
const DEPRECATED_ALIASES = new Map(
  `Asia/Teheran=Asia/Tehran Asia/Calcutta=Asia/Kolkata Asia/Saigon=Asia/Ho_Chi_Minh
  Asia/Katmandu=Asia/Kathmandu Asia/Rangoon=Asia/Yangon Asia/Dacca=Asia/Dhaka Asia/Thimbu=Asia/Thimphu
  Asia/Ujung_Pandang=Asia/Makassar Asia/Ulan_Bator=Asia/Ulaanbaatar Asia/Ashkhabad=Asia/Ashgabat
  Asia/Macao=Asia/Macau Asia/Chungking=Asia/Shanghai Asia/Chongqing=Asia/Shanghai Asia/Harbin=Asia/Shanghai
  Asia/Kashgar=Asia/Urumqi Asia/Tel_Aviv=Asia/Jerusalem Asia/Istanbul=Europe/Istanbul
  Asia/Choibalsan=Asia/Ulaanbaatar Europe/Kiev=Europe/Kyiv Europe/Uzhgorod=Europe/Kyiv
  Europe/Zaporozhye=Europe/Kyiv Europe/Tiraspol=Europe/Chisinau Europe/Belfast=Europe/London
  Atlantic/Faeroe=Atlantic/Faroe Africa/Asmera=Africa/Asmara Africa/Timbuktu=Africa/Bamako
  America/Buenos_Aires=America/Argentina/Buenos_Aires America/Catamarca=America/Argentina/Catamarca
  America/Cordoba=America/Argentina/Cordoba America/Rosario=America/Argentina/Cordoba
  America/Jujuy=America/Argentina/Jujuy America/Mendoza=America/Argentina/Mendoza
  America/Argentina/ComodRivadavia=America/Argentina/Catamarca
  America/Indianapolis=America/Indiana/Indianapolis America/Fort_Wayne=America/Indiana/Indianapolis
  America/Knox_IN=America/Indiana/Knox America/Louisville=America/Kentucky/Louisville
  America/Godthab=America/Nuuk America/Montreal=America/Toronto America/Nipigon=America/Toronto
  America/Thunder_Bay=America/Toronto America/Rainy_River=America/Winnipeg America/Pangnirtung=America/Iqaluit
  America/Yellowknife=America/Edmonton America/Santa_Isabel=America/Tijuana America/Ensenada=America/Tijuana
  America/Porto_Acre=America/Rio_Branco America/Atka=America/Adak America/Shiprock=America/Denver
  America/Virgin=America/St_Thomas America/Coral_Harbour=America/Atikokan Pacific/Enderbury=Pacific/Kanton
  Pacific/Johnston=Pacific/Honolulu Pacific/Samoa=Pacific/Pago_Pago Pacific/Truk=Pacific/Chuuk
  Pacific/Yap=Pacific/Chuuk Pacific/Ponape=Pacific/Pohnpei Antarctica/South_Pole=Antarctica/McMurdo
  Australia/ACT=Australia/Sydney Australia/Canberra=Australia/Sydney Australia/NSW=Australia/Sydney
  Australia/North=Australia/Darwin Australia/Queensland=Australia/Brisbane Australia/South=Australia/Adelaide
  Australia/Tasmania=Australia/Hobart Australia/Currie=Australia/Hobart Australia/Victoria=Australia/Melbourne
  Australia/West=Australia/Perth Australia/Yancowinna=Australia/Broken_Hill Australia/LHI=Australia/Lord_Howe`
    .split(/\s+/)
    .map((pair) => pair.split('='))
    .map(([alias, current]): [string, string] => [alias.toLowerCase(), current]),
);

// Current IANA names that ICU still files under an older spelling, so they are missing from
// Intl.supportedValuesOf('timeZone'); listed so their exact case can be checked too.
const CURRENT_NAMES_ICU_ALIASES = `Africa/Asmara America/Argentina/Buenos_Aires America/Argentina/Catamarca
  America/Argentina/Cordoba America/Argentina/Jujuy America/Argentina/Mendoza America/Atikokan
  America/Indiana/Indianapolis America/Kentucky/Louisville America/Nuuk Asia/Ho_Chi_Minh Asia/Kathmandu
  Asia/Kolkata Asia/Yangon Atlantic/Faroe Europe/Kyiv Pacific/Chuuk Pacific/Kanton Pacific/Pohnpei`.split(
  /\s+/,
);

let namesByLowerCase: Map<string, string> | undefined;

function knownNamesByLowerCase(): Map<string, string> {
  namesByLowerCase ??= new Map(
    [...Intl.supportedValuesOf('timeZone'), ...CURRENT_NAMES_ICU_ALIASES, ...UTC_NAMES].map((name) => [
      name.toLowerCase(),
      name,
    ]),
  );
  return namesByLowerCase;
}

function preferredNameFor(legacyName: string): string {
  const resolved = new Intl.DateTimeFormat('en', { timeZone: legacyName }).resolvedOptions().timeZone;
  return DEPRECATED_ALIASES.get(resolved.toLowerCase()) ?? resolved;
}

/**
 * Whether the runtime can compute with `name`, deprecated aliases included. The pure cores ask
 * this of zones that were validated already; input is checked with the stricter `isValidTimeZone`.
 */
export function isKnownTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

import type { FieldProblem } from '../common/errors/problem.js';
import { REGISTRATION_LANGUAGES, type RegistrationLanguage } from './registration.entity.js';

/** What the public form takes, checked. */
export interface RegistrationForm {
  name: string;
  email: string;
  organization: string;
  country: string;
  language: RegistrationLanguage;
}

export const FORM_LIMITS = { name: 200, organization: 200, email: 254 } as const;
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const COUNTRY = /^[A-Z]{2}$/;

/** The form's fields, or the problems with them (each naming its field). */
export function readRegistrationForm(
  body: Record<string, unknown>,
  allowedDomains: string[],
): { form?: RegistrationForm; problems: FieldProblem[] } {
  const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
  const problems: FieldProblem[] = [];
  const name = text('name');
  const email = text('email');
  const organization = text('organization');
  const country = text('country').toUpperCase();
  const language = text('language') as RegistrationLanguage;
  if (!name || name.length > FORM_LIMITS.name) problems.push({ path: 'name', message: 'is required' });
  if (!EMAIL.test(email) || email.length > FORM_LIMITS.email) {
    problems.push({ path: 'email', message: 'must be an e-mail address' });
  } else if (allowedDomains.length > 0 && !allowedDomains.includes(email.split('@')[1].toLowerCase())) {
    problems.push({ path: 'email', message: 'is not of a domain that may register' });
  }
  if (organization.length > FORM_LIMITS.organization) {
    problems.push({ path: 'organization', message: 'is too long' });
  }
  if (!COUNTRY.test(country)) problems.push({ path: 'country', message: 'must be a country' });
  if (!(REGISTRATION_LANGUAGES as readonly string[]).includes(language)) {
    problems.push({ path: 'language', message: 'must be fa, ru or en' });
  }
  if (body.consent !== 'yes') problems.push({ path: 'consent', message: 'is required' });
  if (problems.length > 0) return { problems };
  return { form: { name, email, organization, country, language }, problems };
}

/** The zone a registrant's mail shows first: their country's, when it is one of the two sides. */
export function registrantZone(country: string, zoneOfRecord: string): string {
  return COUNTRY_ZONES[country] ?? zoneOfRecord;
}

const COUNTRY_ZONES: Record<string, string> = { IR: 'Asia/Tehran', RU: 'Europe/Moscow' };

/** Countries offered first on the form; any other ISO code is taken too. */
export const FORM_COUNTRIES = [
  'IR',
  'RU',
  'AM',
  'AZ',
  'BY',
  'CN',
  'IN',
  'KZ',
  'TJ',
  'TM',
  'TR',
  'UZ',
] as const;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be lowercase letters, digits and single dashes, e.g. iran-russia-jec';
export const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LOCALE_MESSAGE = 'must be a language tag such as en, fa or ru';
export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

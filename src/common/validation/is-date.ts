import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';
import { LOCAL_DATE } from './patterns.js';

const INSTANT_OR_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A date `YYYY-MM-DD` that exists in the calendar (2026-02-28, not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return (
    typeof value === 'string' && LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

/** An instant with an offset (`2026-12-01T00:00:00Z`) or a date, read as UTC; real dates only. */
export function isInstantOrDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT_OR_DATE.test(value) &&
    DateTime.fromISO(value, { zone: 'utc', setZone: true }).isValid
  );
}

export function IsCalendarDate(options: ValidationOptions & { message: string }): PropertyDecorator {
  return check('isCalendarDate', isCalendarDate, options);
}

export function IsInstantOrDate(options: ValidationOptions & { message: string }): PropertyDecorator {
  return check('isInstantOrDate', isInstantOrDate, options);
}

function check(
  name: string,
  test: (value: unknown) => boolean,
  options: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: test },
    });
}

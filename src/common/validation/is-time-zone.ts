import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isValidTimeZone, timeZoneProblem } from '../time/time-zones.js';

/**
 * An IANA time zone the runtime knows, such as Asia/Tehran or Europe/Moscow. A refused name
 * gets the same precise answer as `?tz=` (a deprecated alias names the zone to use instead).
 */
export function IsTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? `${String(propertyName)} ${timeZoneProblem(args.value)}`
            : `${String(propertyName)} must be an IANA time zone such as Asia/Tehran or Europe/Moscow`,
      },
    });
}

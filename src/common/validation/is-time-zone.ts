import { registerDecorator } from 'class-validator';
import { isValidTimeZone } from '../time/time-zones.js';

/** An IANA time zone the runtime knows, such as Asia/Tehran or Europe/Moscow. */
export function IsTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () =>
          `${String(propertyName)} must be an IANA time zone such as Asia/Tehran or Europe/Moscow`,
      },
    });
}

import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when present it is validated — `null` included, so a
 * field that has a default but no "none" value answers 422 to `null` instead of reaching
 * a NOT NULL column. (`@IsOptional()` is for fields where `null` means "none".)
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

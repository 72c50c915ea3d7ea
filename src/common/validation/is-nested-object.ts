import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A field holding one object of `type`, validated field by field. An array is refused: a
 * nested validation alone would walk an empty array and pass it.
 */
export function IsNestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** An array of objects of `type`; an element that is not an object is refused by index. */
export function IsNestedObjects(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}

import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          code: 'invalid-id',
          detail: `${name} must be a UUID`,
          errors: [{ path: name, message: 'must be a UUID' }],
        }),
    }),
  );

import { BadRequestException, Param, ParseIntPipe, type PipeTransform } from '@nestjs/common';

const problem = (): BadRequestException =>
  new BadRequestException({
    code: 'invalid-revision',
    detail: 'revision must be a whole number from 1',
    errors: [{ path: 'revision', message: 'must be a whole number from 1' }],
  });

class RevisionRange implements PipeTransform<number, number> {
  transform(value: number): number {
    if (value < 1 || value > 2_147_483_647) throw problem();
    return value;
  }
}

/** `:revision`, a whole number from 1; anything else is a 400 naming it. */
export const RevisionParam = (): ParameterDecorator =>
  Param('revision', new ParseIntPipe({ exceptionFactory: problem }), new RevisionRange());

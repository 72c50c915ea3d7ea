import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../pagination/pagination.js';

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANG_DESCRIPTION = 'Resolve localized text in this language (else Accept-Language)';

/** The optional `?lang=` of a query: a language tag, documented alike everywhere. */
function LangField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'fa',
      description: LANG_DESCRIPTION,
    }),
    IsOptional(),
    Matches(LANGUAGE_TAG, { message: 'lang must be a language tag such as en, fa or ru' }),
  );
}

export class LangQuery {
  @LangField()
  lang?: string;
}

export class PagedLangQuery extends PageQuery {
  @LangField()
  lang?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../pagination/pagination.js';

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANG_DESCRIPTION = 'Resolve localized text in this language (else Accept-Language)';

export class LangQuery {
  @ApiPropertyOptional({
    example: 'fa',
    description: LANG_DESCRIPTION,
  })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'lang must be a language tag such as en, fa or ru' })
  lang?: string;
}

export class PagedLangQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'fa',
    description: LANG_DESCRIPTION,
  })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'lang must be a language tag such as en, fa or ru' })
  lang?: string;
}

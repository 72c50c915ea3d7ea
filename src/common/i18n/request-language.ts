import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { createValidationPipe } from '../errors/validation.js';
import { LANG_DESCRIPTION, LangQuery } from './lang-query.js';

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The language the caller asked for: `?lang=`, else the first tag of Accept-Language
 * (highest q). Undefined when neither is given.
 */
export function requestedLanguage(query: unknown, acceptLanguage: unknown): string | undefined {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  if (typeof lang === 'string' && LANGUAGE_TAG.test(lang)) return lang.toLowerCase();
  if (typeof acceptLanguage !== 'string') return undefined;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const quality = params.map((param) => /^q=([\d.]+)$/.exec(param.trim())?.[1]).find(Boolean);
      return { tag: tag.trim(), quality: quality ? Number(quality) : 1 };
    })
    .filter((entry) => LANGUAGE_TAG.test(entry.tag) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked[0]?.tag.toLowerCase();
}

/** The asked language, else the caller's own (a delegate's locale, DESIGN "Access"). */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{
    query: unknown;
    headers: Record<string, unknown>;
    principal?: { locale?: string | null };
  }>();
  return (
    requestedLanguage(request.query, request.headers['accept-language']) ??
    request.principal?.locale ??
    undefined
  );
});

interface LanguageSources {
  query: unknown;
  acceptLanguage: unknown;
}

/** Checks that the query holds nothing but a well-formed `lang`, then resolves the language. */
class LangOnlyQueryPipe implements PipeTransform<LanguageSources, Promise<string | undefined>> {
  private readonly validation = createValidationPipe();

  async transform(sources: LanguageSources): Promise<string | undefined> {
    await this.validation.transform(sources.query, { type: 'query', metatype: LangQuery });
    return requestedLanguage(sources.query, sources.acceptLanguage);
  }
}

const LanguageSources = createParamDecorator((_data: unknown, context: ExecutionContext): LanguageSources => {
  const request = context.switchToHttp().getRequest<{ query: unknown; headers: Record<string, unknown> }>();
  return { query: request.query, acceptLanguage: request.headers['accept-language'] };
});

/**
 * The language, as @RequestLanguage gives it, for a route whose query may hold only `?lang=`:
 * anything else in the query is refused with 422 as a query DTO would be, and `lang` is
 * documented. Replaces an unused `@Query() _query: LangQuery` parameter.
 */
export function LangOnlyQuery(): ParameterDecorator {
  const parameter = LanguageSources(undefined, new LangOnlyQueryPipe());
  return (target, key, index) => {
    parameter(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiQuery({ name: 'lang', required: false, type: String, example: 'fa', description: LANG_DESCRIPTION })(
      target,
      key!,
      descriptor,
    );
  };
}

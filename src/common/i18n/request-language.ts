import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

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

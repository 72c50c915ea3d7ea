/**
 * Building an Intl formatter costs far more than using one (ICU loads the locale's data each
 * time), and a page or a batch of notices reads hundreds of dates. Formatters are kept per
 * locale and options; they are immutable, so sharing them is safe. The set of keys is small
 * (languages × zones × a few option sets), bounded here all the same.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATS = 2_000;

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

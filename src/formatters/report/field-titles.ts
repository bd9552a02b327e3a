import type { Locale } from '../../engine/types.js';
import { filingFieldAt } from '../../schema/filing-pointer.js';

// A problem's field is shown by its title in the filing schema ("证件号码 /
// Document number"), in the report's language, beside its JSON Pointer: an
// official reads the title, a developer the pointer.

/** One language's part of a schema title ("中文 / English"); a title in one language only is that. */
function titleIn(bilingual: string, locale: Locale): string {
  const cut = bilingual.indexOf(' / ');
  if (cut < 0) return bilingual;
  return locale === 'zh-CN' ? bilingual.slice(0, cut) : bilingual.slice(cut + 3);
}

/** Titles by pointer for one report; a batch's problems name few distinct fields. */
export class FieldTitles {
  private readonly known = new Map<string, string>();
  constructor(private readonly locale: Locale) {}

  /** The field's title in the locale, or '' for a path the schema does not describe (an unknown key, the whole record). */
  of(pointer: string): string {
    let title = this.known.get(pointer);
    if (title === undefined) {
      const bilingual = filingFieldAt(pointer)?.title;
      title = bilingual === undefined ? '' : titleIn(bilingual, this.locale);
      this.known.set(pointer, title);
    }
    return title;
  }
}

import { en, type Strings } from "./en";
import type { Locale } from "./locales";

const dictionaries: Record<Locale, Strings> = { en };

export function strings(locale: Locale): Strings {
  return dictionaries[locale];
}

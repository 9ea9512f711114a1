import { en } from "./en";
import { es } from "./es";
import type { Dictionary } from "./dictionary";
import type { Locale } from "./locales";

const dictionaries: Record<Locale, Dictionary> = { en, es };

/** The dictionary of a locale: every interface string, for components that receive the locale as a prop. */
export function strings(locale: Locale): Dictionary {
  return dictionaries[locale];
}

export type { Dictionary };

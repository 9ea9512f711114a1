import { localePath, otherLocales, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { hasPage } from "@/lib/site/page-index";

/**
 * Links to the same page in each other language, each named in its own language ("Español" on English pages,
 * "English" on Spanish ones) and marked with that language (`lang`, so a screen reader says it right, and `hreflang`).
 * A page that has no counterpart (the parity test forbids it; the not-found page has no path) links to that
 * language's home page.
 */
export function LanguageSwitch({ locale, path, className }: { locale: Locale; path: string | null; className?: string }) {
  return (
    <>
      {otherLocales(locale).map((other) => (
        <a
          key={other}
          href={path !== null && hasPage(other, path) ? localePath(other, path) : localePath(other, "/")}
          lang={other}
          hrefLang={other}
          className={className}
        >
          {strings(other).languageName}
        </a>
      ))}
    </>
  );
}

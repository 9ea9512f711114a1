import { defaultLocale, locales, type Locale } from "@/lib/i18n/locales";

/** Where the form posts and where a stored inquiry sends the person: shared by the page, its browser module and the route. */
export const INQUIRY_API_PATH = "/api/inquiries";
export const THANKS_PATH = "/contact/thanks";

/**
 * The query parameter that carries the form's language in its action. The site sends no Referer (Referrer-Policy:
 * no-referrer), so the route learns the language from the address itself: to refuse a post in it before its body is
 * read, and to send a GET of the address back to the form it came from.
 */
const FORM_LANGUAGE_PARAM = "lang";

/** The form's action in a locale: "/api/inquiries" for the default locale, "/api/inquiries?lang=es" for the others. */
export function inquiryAction(locale: Locale): string {
  return locale === defaultLocale ? INQUIRY_API_PATH : `${INQUIRY_API_PATH}?${FORM_LANGUAGE_PARAM}=${locale}`;
}

/**
 * The form language an address names (`?lang=es`), or undefined when it names none; a value that is not a site
 * locale, or the parameter given twice, names the default locale.
 */
export function formLanguageOf(url: URL): Locale | undefined {
  const values = url.searchParams.getAll(FORM_LANGUAGE_PARAM);
  if (values.length === 0) return undefined;
  return (values.length === 1 && locales.find((l) => l === values[0])) || defaultLocale;
}

import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { localeRoute, route } from "./routes";

/** Main navigation: one entry per kind of reader plus the two things everyone needs (learn, contact), in a locale. */
export function mainNav(locale: Locale) {
  const t = strings(locale).nav;
  return [
    { href: localeRoute(locale, route("/articles")), label: t.articles },
    { href: localeRoute(locale, route("/articles/helping-a-loved-one")), label: t.forFamilies },
    { href: localeRoute(locale, route("/articles/referring-to-iop")), label: t.forProfessionals },
    { href: localeRoute(locale, route("/articles/cost-and-insurance")), label: t.cost },
    { href: localeRoute(locale, route("/contact")), label: t.contact },
  ];
}

import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { localeRoute, route } from "./routes";

/**
 * Main navigation, in a locale: one entry per kind of reader, the answers people look for first (questions, cost),
 * who we are, and the two things everyone needs (learn, contact).
 */
export function mainNav(locale: Locale) {
  const t = strings(locale).nav;
  return [
    { href: localeRoute(locale, route("/articles")), label: t.articles },
    { href: localeRoute(locale, route("/articles/iop-faq")), label: t.faq },
    { href: localeRoute(locale, route("/articles/helping-a-loved-one")), label: t.forFamilies },
    { href: localeRoute(locale, route("/articles/referring-to-iop")), label: t.forProfessionals },
    { href: localeRoute(locale, route("/articles/cost-and-insurance")), label: t.cost },
    { href: localeRoute(locale, route("/about")), label: t.about },
    { href: localeRoute(locale, route("/contact")), label: t.contact },
  ];
}

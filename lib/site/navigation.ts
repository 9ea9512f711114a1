import type { Dictionary } from "@/lib/i18n/dictionary";

/**
 * Main navigation: one entry per kind of reader, the answers people look for first (questions, cost), who we are,
 * and the two things everyone needs (learn, contact).
 */
export function mainNav(t: Dictionary["nav"]) {
  return [
    { href: "/articles", label: t.articles },
    { href: "/articles/iop-faq", label: t.faq },
    { href: "/articles/helping-a-loved-one", label: t.forFamilies },
    { href: "/articles/referring-to-iop", label: t.forProfessionals },
    { href: "/articles/cost-and-insurance", label: t.cost },
    { href: "/about", label: t.about },
    { href: "/contact", label: t.contact },
  ];
}

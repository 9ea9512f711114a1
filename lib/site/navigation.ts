import type { Dictionary } from "@/lib/i18n/dictionary";

/** Main navigation: one entry per kind of reader plus the two things everyone needs (learn, contact). */
export function mainNav(t: Dictionary["nav"]) {
  return [
    { href: "/articles", label: t.articles },
    { href: "/articles/helping-a-loved-one", label: t.forFamilies },
    { href: "/articles/referring-to-iop", label: t.forProfessionals },
    { href: "/articles/cost-and-insurance", label: t.cost },
    { href: "/contact", label: t.contact },
  ];
}

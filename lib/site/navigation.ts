import type { Dictionary } from "@/lib/i18n/dictionary";
import { route } from "./routes";

/**
 * Main navigation: one entry per kind of reader, the answers people look for first (questions, cost), who we are,
 * and the two things everyone needs (learn, contact).
 */
export function mainNav(t: Dictionary["nav"]) {
  return [
    { href: route("/articles"), label: t.articles },
    { href: route("/articles/iop-faq"), label: t.faq },
    { href: route("/articles/helping-a-loved-one"), label: t.forFamilies },
    { href: route("/articles/referring-to-iop"), label: t.forProfessionals },
    { href: route("/articles/cost-and-insurance"), label: t.cost },
    { href: route("/about"), label: t.about },
    { href: route("/contact"), label: t.contact },
  ];
}

import type { Route } from "next";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { THANKS_PATH } from "@/lib/inquiries/paths";

/**
 * A literal path inside the site, checked against the app's pages by Next's typedRoutes (next.config.ts): `Route` is
 * generated into .next/types by `next typegen` (which `npm run typecheck` runs first) and by `next build`, so a path no
 * page answers fails both. Next types only next/link's href; pages here use plain <a> (no client router), so every
 * literal internal href goes through this. Paths built at run time (articlePath) are checked by the content gates.
 */
// Marked free of side effects so a bundler drops the calls nobody reads (the browser modules import dictionaries that use it).
export const route = /* @__NO_SIDE_EFFECTS__ */ <T extends string>(href: Route<T>): Route<T> => href;

/** Pages that are not articles. `inSitemap: false` pages exist but are not for search engines. */
export const staticPages = [
  { path: route("/"), inSitemap: true, priority: 1 },
  { path: route("/articles"), inSitemap: true, priority: 0.8 },
  { path: route("/contact"), inSitemap: true, priority: 0.9 },
  { path: route("/self-check"), inSitemap: true, priority: 0.7 },
  { path: route(THANKS_PATH), inSitemap: false, priority: 0 },
  { path: route("/about"), inSitemap: true, priority: 0.5 },
  { path: route("/privacy"), inSitemap: true, priority: 0.4 },
  { path: route("/nondiscrimination"), inSitemap: true, priority: 0.4 },
] as const;

/**
 * A literal site path in a locale: `localeRoute("es", route("/contact"))` is "/es/contact". The path is checked as an
 * English route by `route()`; every locale serves the same paths under its prefix (the parity test holds them equal).
 */
export const localeRoute = <T extends string>(locale: Locale, path: Route<T>): string => localePath(locale, path);

/**
 * The trust pages: prose in content/<locale>/pages/<slug>.mdx, paths and dates here for routes, metadata and the footer;
 * titles and descriptions in the dictionary (`trustPages` in lib/i18n).
 */
export const trustPages = {
  about: { path: route("/about"), updated: "2026-11-30" },
  privacy: { path: route("/privacy"), updated: "2026-11-27" },
  nondiscrimination: { path: route("/nondiscrimination"), updated: "2026-11-30" },
} as const;

export type TrustPageKey = keyof typeof trustPages;

export const articlePath = (locale: Locale, slug: string) => localePath(locale, `/articles/${slug}`);

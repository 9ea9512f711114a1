// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { center } from "@/content/center";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { absoluteUrl } from "@/lib/seo/structured-data";
import { pageAlternates } from "@/lib/site/page-index";
import { SiteBody } from "@/components/layout/SiteBody";
import { Stylesheet } from "@/components/layout/Stylesheet";

/**
 * The one renderer for HTML answered at request time (the form shown again with its errors, and any later
 * result or error page). It uses React's own server renderer, which Next.js does not bundle here: this module
 * runs in the server entry. The page gets the same body (header, crisis help, footer) and stylesheet as the
 * prerendered pages, and no script but a page's own module from /assets (the self-check preview), so it works in
 * every browser and fits the pages' CSP.
 */
export interface RenderedPage {
  locale: Locale;
  /** The page's own title; the site's title template adds the center's name, as on every page. */
  title: string;
  /** The site path the page stands for, without the locale prefix (its language switch links there), or null. */
  path: string | null;
  /**
   * For a page that stands in for a prerendered one (the self-check preview): its description, canonical URL and
   * hreflang alternates, as the page's metadata writes them, instead of `noindex`.
   */
  indexable?: { description: string };
  children: ReactNode;
}

export function renderPage({ locale, title, path, indexable, children }: RenderedPage): string {
  const markup = renderToStaticMarkup(
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{strings(locale).site.titleTemplate(center.name).replace("%s", title)}</title>
        {indexable && path !== null ? (
          <>
            <meta name="description" content={indexable.description} />
            <link rel="canonical" href={absoluteUrl(localePath(locale, path))} />
            {Object.entries(pageAlternates(path)).map(([l, p]) => (
              <link key={l} rel="alternate" hrefLang={l} href={absoluteUrl(p)} />
            ))}
          </>
        ) : (
          // An answer to one person's post: never a page for search engines.
          <meta name="robots" content="noindex" />
        )}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <Stylesheet />
      </head>
      <SiteBody locale={locale} path={path}>
        {children}
      </SiteBody>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}

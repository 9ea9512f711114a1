import type { Metadata } from "next";
import { localePath, locales, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { CrisisSentence } from "@/components/CrisisBlock";
import { localeRoute, route } from "@/lib/site/routes";

/**
 * The one not-found page for every unknown URL, English or Spanish (app/global-not-found.tsx): it cannot know which
 * language the reader came from, so it says the same in each locale, each part marked with its language, with links
 * into that locale's pages and its crisis sentence. The first locale's heading is the h1, the others' h2.
 */
export function notFoundMetadata(): Metadata {
  const all = locales.map((l) => strings(l).notFound);
  // Next adds <meta name="robots" content="noindex"> to a not-found page itself.
  return { title: all.map((t) => t.title).join(" / "), description: all.map((t) => t.body).join(" ") };
}

function NotFoundPart({ locale, headingLevel }: { locale: Locale; headingLevel: "h1" | "h2" }) {
  const t = strings(locale);
  const Heading = headingLevel;
  return (
    <section lang={locale} aria-labelledby={`not-found-${locale}`} className="mt-8 first:mt-0">
      <Heading id={`not-found-${locale}`} className={headingLevel === "h1" ? "text-3xl font-bold" : "text-2xl font-bold"}>
        {t.notFound.title}
      </Heading>
      <p className="mt-3 text-lg">{t.notFound.body}</p>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        <li>
          <a href={localePath(locale, "/")} className="link">
            {t.nav.home}
          </a>
        </li>
        <li>
          <a href={localeRoute(locale, route("/articles"))} className="link">
            {t.nav.articles}
          </a>
        </li>
        <li>
          <a href={localeRoute(locale, route("/contact"))} className="link">
            {t.nav.contact}
          </a>
        </li>
      </ul>
      <p className="mt-6">
        <CrisisSentence locale={locale} linkClassName="font-semibold link" />
      </p>
    </section>
  );
}

/** The page's own content, inside the frame of the default locale: English first, then each other locale. */
export function NotFoundBody() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      {locales.map((l, i) => (
        <NotFoundPart key={l} locale={l} headingLevel={i === 0 ? "h1" : "h2"} />
      ))}
    </div>
  );
}

import type { Metadata } from "next";
import { center } from "@/content/center";
import { getArticle, type Article } from "@/lib/content/load";
import { medicalClinic, webPage } from "@/lib/seo/structured-data";
import { pageMetadata } from "@/lib/seo/metadata";
import { admissionsHours, afterHoursSentences, languageHelpSentences, trackSummary } from "@/lib/center/format";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { JsonLd } from "@/components/JsonLd";
import { PhoneLink } from "@/components/PhoneLink";
import { ArticleCard, LinkCard } from "@/components/article/ArticleCard";
import { HomeCost } from "@/components/mdx/CostFacts";
import { SiteFrame } from "@/components/layout/SiteBody";
import { localeRoute, route, trustPages } from "@/lib/site/routes";

const PATH = "/";

export function homeMetadata(locale: Locale): Metadata {
  // The layout's default title and description are the home page's own.
  return pageMetadata({ locale, path: PATH });
}

/** The home page, in one locale (app/(en)/page.tsx, app/(es)/es/page.tsx). */
export function HomePage({ locale }: { locale: Locale }) {
  const t = strings(locale);
  const home = t.home;
  const phone = center.phones.admissions;
  const startHere = home.startHere.map((slug) => getArticle(locale, slug)).filter((a): a is Article => Boolean(a));
  return (
    <SiteFrame locale={locale} path={PATH}>
      <JsonLd data={medicalClinic(locale)} />
      <JsonLd
        data={webPage({
          type: "WebPage",
          path: localePath(locale, PATH),
          name: t.site.title(center.name),
          description: t.site.description(center.name),
          locale,
        })}
      />
      <section aria-labelledby="hero" className="bg-brand-50 dark:bg-slate-900">
        <div className="mx-auto max-w-5xl px-4 py-10 sm:py-14">
          <h1 id="hero" className="max-w-3xl text-3xl leading-tight font-bold sm:text-5xl">
            {home.title}
          </h1>
          <p className="mt-4 max-w-3xl text-lg sm:text-xl">{home.what}</p>
          <p className="mt-3 max-w-3xl text-lg">{home.who}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <PhoneLink tel={phone.tel} display={phone.display} className="btn-primary text-lg">
              {home.call} {phone.display}
            </PhoneLink>
            <a href={localeRoute(locale, route("/contact"))} className="btn-secondary text-lg">
              {home.message}
            </a>
          </div>
          <div className="mt-3 max-w-3xl space-y-2 text-slate-700 dark:text-slate-300">
            <p>
              {home.callAnsweredBy[center.admissionsAnsweredBy]} {languageHelpSentences(center, locale)[0]} {home.callPromise}
            </p>
            <p>{afterHoursSentences(center, locale).join(" ")}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="paths" className="mx-auto max-w-5xl px-4 py-10">
        <h2 id="paths" className="text-2xl font-bold">
          {home.pathsHeading}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {home.paths.map((p) => (
            <LinkCard key={p.href} href={localePath(locale, p.href)} title={p.label} summary={p.blurb} />
          ))}
        </ul>
        {/* Outside the cards: a card is one link (ArticleCard.tsx). */}
        <p className="mt-4">
          <a href={localePath(locale, home.selfCheck.href)} className="font-semibold link">
            {home.selfCheck.label}
          </a>
        </p>
      </section>

      <section aria-labelledby="start" className="mx-auto max-w-5xl px-4 py-6">
        <h2 id="start" className="text-2xl font-bold">
          {home.startHeading}
        </h2>
        <ul className="mt-4 grid gap-3 md:grid-cols-2">
          {startHere.map((a) => (
            <ArticleCard key={a.slug} article={a} />
          ))}
          <LinkCard href={localePath(locale, trustPages.about.path)} title={t.trustPages.about.title} summary={t.trustPages.about.description} />
        </ul>
        <p className="mt-4">
          <a href={localeRoute(locale, route("/articles"))} className="font-semibold link">
            {home.allArticles}
          </a>
        </p>
      </section>

      <section aria-labelledby="program" className="mx-auto max-w-5xl px-4 py-10">
        <h2 id="program" className="text-2xl font-bold">
          {home.programHeading}
        </h2>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="text-lg font-semibold">{home.tracksHeading}</h3>
            <ul className="mt-2 space-y-2">
              {center.tracks.map((track) => (
                <li key={track.name.en}>
                  <strong>{track.name[locale]}:</strong> {trackSummary(track, locale)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-lg font-semibold">{home.hoursHeading}</h3>
            <ul className="mt-2 space-y-1">
              {admissionsHours(center, locale).map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
            <p className="mt-3">{center.serviceArea[locale]}</p>
          </div>
        </div>
        <HomeCost locale={locale} className="mt-6 max-w-3xl" />
      </section>
    </SiteFrame>
  );
}

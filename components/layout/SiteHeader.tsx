import { center } from "@/content/center";
import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { mainNav } from "@/lib/site/navigation";
import { PhoneLink } from "@/components/PhoneLink";
import { CrisisSentence } from "@/components/CrisisBlock";
import { localeRoute, route } from "@/lib/site/routes";
import { localePath } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavLinks } from "./NavLinks";

/**
 * Site header. On a phone it is three short rows: the crisis strip, the center's name with the language switch, then
 * the call button and the menu side by side (the menu's links open below both), so the page's own content starts in
 * the first screen. The phone menu is a <details> disclosure: no script, and each link loads a page that starts with it
 * closed. In a narrow row (320 px, large text) the button shows a short word and keeps "call" and the number in its
 * name; with large text on a phone the strip takes its short form and the language switch moves into the menu, so the
 * header stays within a third of the first screen (app/globals.css, "Header").
 * `path` is the page's site path without the locale prefix (null for the not-found page): the language switch links
 * to the same page in the other language, and the navigation marks the page's own link.
 */
export function SiteHeader({ locale, path }: { locale: Locale; path: string | null }) {
  const t = strings(locale);
  const items = mainNav(locale);
  const phone = center.phones.admissions;
  const current = path === null ? null : localePath(locale, path);
  return (
    <header role="banner" className="site-header border-b border-slate-200 dark:border-slate-800">
      <p className="crisis-strip no-print bg-red-800 px-4 py-1.5 text-center text-sm font-semibold text-white dark:bg-red-900">
        <span className="crisis-strip-full">
          <CrisisSentence locale={locale} linkClassName="underline underline-offset-2" />
        </span>
        <span className="crisis-strip-short">
          <CrisisSentence locale={locale} linkClassName="underline underline-offset-2" short />
        </span>
      </p>
      <div className="header-bar mx-auto max-w-5xl px-4 py-2 md:flex md:flex-wrap md:items-center md:justify-between md:gap-3 md:py-3">
        {/*
          The name and the language switch share the first row, so the call button and the menu keep theirs (on a phone
          the name is a size smaller so both fit at normal text size). When both do not fit (large text), the switch
          wraps under the name rather than squeezing it: the name breaks only at spaces (break-word, unlike the page's
          overflow-wrap: anywhere, leaves its width to the flex layout).
        */}
        <div className="header-brand-row flex flex-wrap items-center justify-between gap-x-3">
          <a
            href={localeRoute(locale, route("/"))}
            className="site-brand inline-block py-0.5 text-base font-bold [overflow-wrap:break-word] text-brand-800 no-underline sm:text-lg dark:text-brand-300"
          >
            {center.name}
          </a>
          <LanguageSwitch
            locale={locale}
            path={path}
            className="brand-language no-print inline-flex min-h-11 shrink-0 items-center rounded px-2 font-semibold text-brand-800 underline underline-offset-2 hover:bg-slate-100 dark:text-brand-300 dark:hover:bg-slate-900"
          />
        </div>
        <div className="header-actions mt-1 md:mt-0">
          <PhoneLink tel={phone.tel} display={phone.display} className="header-call no-print btn-primary text-sm sm:text-base">
            <span className="header-call-full">
              {t.callUs} <span className="whitespace-nowrap">{phone.display}</span>
            </span>
            <span className="header-call-short" aria-hidden="true">
              {t.callShort}
            </span>
          </PhoneLink>
          <nav aria-label={t.nav.label} className="md:w-auto">
            <details id="site-menu" className="group md:hidden">
              <summary className="header-menu btn-secondary cursor-pointer list-none">
                {t.nav.menu}
                <span aria-hidden="true" className="group-open:rotate-180">
                  ▾
                </span>
              </summary>
              <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                <NavLinks items={items} current={current} variant="menu" />
                <li className="menu-language">
                  <LanguageSwitch
                    locale={locale}
                    path={path}
                    className="block min-h-11 px-4 py-3 font-semibold text-brand-800 underline underline-offset-2 hover:bg-slate-50 dark:text-brand-300 dark:hover:bg-slate-900"
                  />
                </li>
              </ul>
            </details>
            <ul className="hidden md:flex md:flex-wrap md:gap-1">
              <NavLinks items={items} current={current} variant="bar" />
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

import { Fragment } from "react";
import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import {
  accessibleContact,
  afterHoursSentences,
  drugTestingSentences,
  languageHelpSentences,
  medicationSentences,
  servesSentences,
  trackSummary,
  virtualSentence,
} from "@/lib/center/format";

/** Center facts for use inside articles, so that an article never repeats a value the config holds. MDX binds `locale` (mdx-components.tsx). */
export function CenterName() {
  return <>{center.name}</>;
}

export function CenterPhone() {
  return <PhoneLink tel={center.phones.admissions.tel} display={center.phones.admissions.display} />;
}

export function CenterTracks({ locale }: { locale: Locale }) {
  return (
    <ul>
      {center.tracks.map((track) => (
        <li key={track.name.en}>
          <strong>{track.name[locale]}:</strong> {trackSummary(track, locale)}
        </li>
      ))}
    </ul>
  );
}

/** Which medications are prescribed here and which named partner gives the others. */
export function CenterMedications({ locale }: { locale: Locale }) {
  return <>{medicationSentences(center, locale).join(" ")}</>;
}

/** What happens on a call outside admissions hours, then where to turn for help now. */
export function CenterAfterHours({ locale }: { locale: Locale }) {
  return <>{afterHoursSentences(center, locale).join(" ")}</>;
}

/** Which tracks meet by video and where a person must be during them. */
export function CenterVirtual({ locale }: { locale: Locale }) {
  return <>{virtualSentence(center, locale)}</>;
}

/** The center's drug-testing practice. */
export function CenterDrugTesting({ locale }: { locale: Locale }) {
  return <>{drugTestingSentences(center, locale).join(" ")}</>;
}

/**
 * How to reach admissions without a voice call (relay, TTY, a text line, or that there is none yet), each number or
 * address a link. Used on the contact, about and nondiscrimination pages.
 */
export function CenterAccessibleContact({ locale }: { locale: Locale }) {
  return (
    <>
      {accessibleContact(center, locale).map(({ text, link }, i) => {
        const at = link ? text.indexOf(link.display) : -1;
        return (
          <Fragment key={text}>
            {i > 0 ? " " : null}
            {link && at >= 0 ? (
              <>
                {text.slice(0, at)}
                <a className="link" href={link.href}>
                  {link.display}
                </a>
                {text.slice(at + link.display.length)}
              </>
            ) : (
              text
            )}
          </Fragment>
        );
      })}
    </>
  );
}

/** Who the program serves: ages and the groups it has tracks or trained staff for. */
export function CenterServes({ locale }: { locale: Locale }) {
  return <>{servesSentences(center, locale).join(" ")}</>;
}

/** Who answers an admissions call during admissions hours, in the home page's words. */
export function CenterCallAnsweredBy({ locale }: { locale: Locale }) {
  return <>{strings(locale).home.callAnsweredBy[center.admissionsAnsweredBy]}</>;
}

/**
 * Whether admissions speaks the page's language or uses a free interpreter, then interpreting for other languages.
 * With `language` (a tagline for readers of another language, e.g. Spanish on an English page, which the page marks
 * with lang), only the first sentence, about that language, in that language.
 */
export function CenterLanguageHelp({ locale, language }: { locale: Locale; language?: Locale }) {
  return <>{language ? languageHelpSentences(center, language)[0] : languageHelpSentences(center, locale).join(" ")}</>;
}

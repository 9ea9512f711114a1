import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { PhoneLink } from "@/components/PhoneLink";
import { afterHoursSentences, drugTestingSentences, medicationSentences, trackSummary, virtualSentence } from "@/lib/center/format";

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

import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";

/** Center facts for use inside articles, so that an article never repeats a value the config holds. MDX binds `locale` (mdx-components.tsx). */
export function CenterName() {
  return <>{center.name}</>;
}

export function CenterPhone() {
  return <PhoneLink tel={center.phones.admissions.tel} display={center.phones.admissions.display} />;
}

export function CenterTracks({ locale }: { locale: Locale }) {
  const t = strings(locale).center;
  return (
    <ul>
      {center.tracks.map((track) => (
        <li key={track.name}>
          <strong>{track.name}:</strong> {t.track(track.schedule, track.hoursPerWeek)}
        </li>
      ))}
    </ul>
  );
}

export function CenterMoud({ locale }: { locale: Locale }) {
  const t = strings(locale).center;
  return <>{center.moud === "on-site" ? t.moudOnSite(center.name) : t.moudPartners(center.name)}</>;
}

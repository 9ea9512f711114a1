import type { MDXComponents } from "mdx/types";
import { Children, isValidElement, type ComponentPropsWithoutRef, type ComponentType } from "react";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { Cite } from "@/components/mdx/Cite";
import { Note } from "@/components/mdx/Note";
import { CenterAfterHours, CenterDrugTesting, CenterMedications, CenterName, CenterPhone, CenterTracks, CenterVirtual } from "@/components/mdx/CenterFacts";
import { ProcessDiagram } from "@/components/diagrams/ProcessDiagram";
import { WeekDiagram } from "@/components/diagrams/WeekDiagram";
import { TaperDiagram } from "@/components/diagrams/TaperDiagram";
import { LevelsLadder } from "@/components/diagrams/LevelsLadder";
import { CostHere, CostSummary } from "@/components/mdx/CostFacts";
import { ReferralBox } from "@/components/mdx/ReferralFacts";
import { EmergencyCall, FamilyOffer, OpioidSafety } from "@/components/mdx/FamilyFacts";
import { CenterEmail, CenterIdentity, EditionReviewers, InquiryFieldList, Placeholder, ResponseTime, RetentionDays } from "@/components/mdx/TrustFacts";

/** Links on this site are ordinary page loads; links elsewhere give the other site neither an opener nor a referrer. */
function MdxLink({ href = "", ...rest }: ComponentPropsWithoutRef<"a">) {
  if (href.startsWith("/") || href.startsWith("#")) return <a href={href} {...rest} />;
  return <a href={href} rel="noopener noreferrer" {...rest} />;
}

/** Wide tables scroll sideways on a phone; the region is focusable so keyboard users can scroll it too. */
function MdxTable({ locale, ...props }: ComponentPropsWithoutRef<"table"> & { locale: Locale }) {
  return (
    <div className="table-wrap" role="region" aria-label={strings(locale).article.tableRegion} tabIndex={0}>
      <table {...props} />
    </div>
  );
}

/** Column headers say they head columns; the first cell of each body row heads its row. */
function MdxTh(props: ComponentPropsWithoutRef<"th">) {
  return <th scope="col" {...props} />;
}

function MdxTr({ children, ...rest }: ComponentPropsWithoutRef<"tr">) {
  const cells = Children.toArray(children).filter(isValidElement);
  return (
    <tr {...rest}>
      {cells.map((cell, i) => (i === 0 && cell.type === "td" ? <th scope="row" key={cell.key} {...(cell.props as ComponentPropsWithoutRef<"th">)} /> : cell))}
    </tr>
  );
}

/** A component with its `locale` prop filled in: MDX passes only the props an article writes. */
function withLocale<P extends { locale: Locale }>(Component: ComponentType<P>, locale: Locale): ComponentType<Omit<P, "locale">> {
  const Bound = (props: Omit<P, "locale">) => <Component {...(props as P)} locale={locale} />;
  Bound.displayName = Component.displayName ?? Component.name;
  return Bound;
}

const byLocale = new Map<Locale, MDXComponents>();

/** The components MDX content renders with, their words in one locale (a translated article passes its own). */
export function mdxComponents(locale: Locale): MDXComponents {
  let components = byLocale.get(locale);
  if (!components) {
    components = {
      a: MdxLink,
      table: withLocale(MdxTable, locale),
      th: MdxTh,
      tr: MdxTr,
      Cite: withLocale(Cite, locale),
      Note,
      CenterName,
      CenterPhone,
      CenterTracks: withLocale(CenterTracks, locale),
      CenterMedications: withLocale(CenterMedications, locale),
      CenterAfterHours: withLocale(CenterAfterHours, locale),
      CenterVirtual: withLocale(CenterVirtual, locale),
      CenterDrugTesting: withLocale(CenterDrugTesting, locale),
      CostHere: withLocale(CostHere, locale),
      CostSummary: withLocale(CostSummary, locale),
      ReferralBox: withLocale(ReferralBox, locale),
      FamilyOffer: withLocale(FamilyOffer, locale),
      OpioidSafety,
      EmergencyCall: withLocale(EmergencyCall, locale),
      CenterIdentity: withLocale(CenterIdentity, locale),
      CenterEmail,
      RetentionDays,
      ResponseTime,
      InquiryFieldList: withLocale(InquiryFieldList, locale),
      EditionReviewers: withLocale(EditionReviewers, locale),
      Placeholder: withLocale(Placeholder, locale),
      ProcessDiagram: withLocale(ProcessDiagram, locale),
      WeekDiagram: withLocale(WeekDiagram, locale),
      TaperDiagram: withLocale(TaperDiagram, locale),
      LevelsLadder: withLocale(LevelsLadder, locale),
    };
    byLocale.set(locale, components);
  }
  return components;
}

/** English content lives in content/en/ and renders with the default locale's words. */
export function useMDXComponents(): MDXComponents {
  return mdxComponents(defaultLocale);
}

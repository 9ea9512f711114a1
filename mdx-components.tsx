import type { MDXComponents } from "mdx/types";
import { Children, cloneElement, isValidElement, type ComponentPropsWithoutRef, type ComponentType, type ReactElement, type ReactNode } from "react";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { Cite } from "@/components/mdx/Cite";
import { Note } from "@/components/mdx/Note";
import {
  CenterAccessibleContact,
  CenterAfterHours,
  CenterCallAnsweredBy,
  CenterDrugTesting,
  CenterLanguageHelp,
  CenterMedications,
  CenterName,
  CenterPhone,
  CenterServes,
  CenterTracks,
  CenterVirtual,
} from "@/components/mdx/CenterFacts";
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

/** Plain text of rendered MDX children (a header cell's words, for the labels of a stacked table). */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** The elements among children, whatever their nesting in arrays. */
const elements = (children: ReactNode) => Children.toArray(children).filter(isValidElement) as ReactElement<{ children?: ReactNode }>[];

/**
 * A Markdown table, captioned by the `<TableCaption>` before it (lib/content/rehype-article.mjs makes that the table's
 * <caption>, which names it). Where the table has little room (a phone, or large text) it is laid out as one block per
 * row, each cell under its column's name (app/globals.css, "Tables"), so no column is cut off: each body row's cells
 * carry their column header's words for that. The wrapper still scrolls if a table is ever wider than the page. No ARIA roles on the
 * cells: the HTML checker forbids them on a table's parts, and Chromium keeps the table's semantics in the block layout.
 */
function MdxTable({ children, ...props }: ComponentPropsWithoutRef<"table">) {
  const parts = elements(children);
  const head = parts.find((p) => p.type === "thead");
  const headerRow = head ? elements(head.props.children)[0] : undefined;
  const labels = headerRow ? elements(headerRow.props.children).map((cell) => textOf(cell.props.children)) : [];
  const labelled = parts.map((part) =>
    part.type === "tbody"
      ? cloneElement(
          part,
          {},
          elements(part.props.children).map((row) => cloneElement(row as ReactElement<{ labels?: string[] }>, { labels })),
        )
      : part,
  );
  return (
    <div className="table-wrap">
      <table {...props} className="table-stack">
        {labelled}
      </table>
    </div>
  );
}

/** Column headers say they head columns; the first cell of each body row heads its row. */
function MdxTh(props: ComponentPropsWithoutRef<"th">) {
  return <th scope="col" {...props} />;
}

function MdxTr({ children, labels, ...rest }: ComponentPropsWithoutRef<"tr"> & { labels?: string[] }) {
  const cells = Children.toArray(children).filter(isValidElement);
  return (
    <tr {...rest}>
      {cells.map((cell, i) => {
        const props = { ...(cell.props as ComponentPropsWithoutRef<"td">), ...(labels?.[i] ? { "data-label": labels[i] } : {}) };
        return i === 0 && cell.type === "td" ? <th scope="row" key={cell.key} {...props} /> : cloneElement(cell, { key: cell.key, ...props });
      })}
    </tr>
  );
}

/**
 * Written on the line just before a Markdown table, it becomes that table's caption (lib/content/rehype-article.mjs);
 * rendered anywhere else, it stops the build instead of leaving a caption without its table.
 */
function TableCaption({ children }: { children?: ReactNode }): never {
  throw new Error(`<TableCaption>${textOf(children)}</TableCaption> must be on the line just before a Markdown table (a blank line between them).`);
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
      table: MdxTable,
      TableCaption,
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
      CenterAccessibleContact: withLocale(CenterAccessibleContact, locale),
      CenterServes: withLocale(CenterServes, locale),
      CenterCallAnsweredBy: withLocale(CenterCallAnsweredBy, locale),
      CenterLanguageHelp: withLocale(CenterLanguageHelp, locale),
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

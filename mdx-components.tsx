import type { MDXComponents } from "mdx/types";
import { Children, isValidElement, type ComponentPropsWithoutRef } from "react";
import { Cite } from "@/components/mdx/Cite";
import { Note } from "@/components/mdx/Note";
import { CenterMoud, CenterName, CenterPhone, CenterTracks } from "@/components/mdx/CenterFacts";
import { ProcessDiagram } from "@/components/diagrams/ProcessDiagram";
import { WeekDiagram } from "@/components/diagrams/WeekDiagram";
import { TaperDiagram } from "@/components/diagrams/TaperDiagram";
import { LevelsLadder } from "@/components/diagrams/LevelsLadder";
import { CenterEmail, CenterIdentity, InquiryFieldList, Placeholder, ResponseTime, RetentionDays } from "@/components/mdx/TrustFacts";

/** Links on this site are ordinary page loads; links elsewhere give the other site neither an opener nor a referrer. */
function MdxLink({ href = "", ...rest }: ComponentPropsWithoutRef<"a">) {
  if (href.startsWith("/") || href.startsWith("#")) return <a href={href} {...rest} />;
  return <a href={href} rel="noopener noreferrer" {...rest} />;
}

/** Wide tables scroll sideways on a phone; the region is focusable so keyboard users can scroll it too. */
function MdxTable(props: ComponentPropsWithoutRef<"table">) {
  return (
    <div className="table-wrap" role="region" aria-label="Table (scrolls sideways on small screens)" tabIndex={0}>
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

const components: MDXComponents = {
  a: MdxLink,
  table: MdxTable,
  th: MdxTh,
  tr: MdxTr,
  Cite,
  Note,
  CenterName,
  CenterPhone,
  CenterTracks,
  CenterMoud,
  CenterIdentity,
  CenterEmail,
  RetentionDays,
  ResponseTime,
  InquiryFieldList,
  Placeholder,
  ProcessDiagram,
  WeekDiagram,
  TaperDiagram,
  LevelsLadder,
};

export function useMDXComponents(): MDXComponents {
  return components;
}

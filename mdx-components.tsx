import type { MDXComponents } from "mdx/types";
import { Children, isValidElement, type ComponentPropsWithoutRef } from "react";
import Link from "next/link";
import { Cite } from "@/components/mdx/Cite";
import { Note } from "@/components/mdx/Note";
import { CenterMoud, CenterName, CenterPhone, CenterTracks } from "@/components/mdx/CenterFacts";
import { CenterEmail, CenterIdentity, InquiryFieldList, Placeholder, ResponseTime, RetentionDays } from "@/components/mdx/TrustFacts";

/** Internal links use next/link (prefetch off: readers on slow phones should not pay for pages they may not open). */
function MdxLink({ href = "", ...rest }: ComponentPropsWithoutRef<"a">) {
  if (href.startsWith("/")) return <Link href={href} prefetch={false} {...rest} />;
  if (href.startsWith("#")) return <a href={href} {...rest} />;
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
  let first = true;
  const cells = Children.map(children, (child) => {
    if (!isValidElement<ComponentPropsWithoutRef<"td">>(child)) return child;
    if (first && child.type === "td") {
      first = false;
      return <th scope="row" {...child.props} />;
    }
    first = false;
    return child;
  });
  return <tr {...rest}>{cells}</tr>;
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
};

export function useMDXComponents(): MDXComponents {
  return components;
}

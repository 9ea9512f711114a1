import type { MDXComponents } from "mdx/types";
import type { ComponentPropsWithoutRef } from "react";
import Link from "next/link";
import { Cite } from "@/components/mdx/Cite";
import { Note } from "@/components/mdx/Note";
import { CenterMoud, CenterName, CenterPhone, CenterTracks } from "@/components/mdx/CenterFacts";

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

const components: MDXComponents = {
  a: MdxLink,
  table: MdxTable,
  Cite,
  Note,
  CenterName,
  CenterPhone,
  CenterTracks,
  CenterMoud,
};

export function useMDXComponents(): MDXComponents {
  return components;
}

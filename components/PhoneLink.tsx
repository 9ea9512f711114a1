import type { ReactNode } from "react";

/** A click-to-call link. `tel` is E.164; the visible text is what a person would dial. */
export function PhoneLink({ tel, display, className = "link", children }: { tel: string; display: string; className?: string; children?: ReactNode }) {
  return (
    <a href={`tel:${tel}`} className={className}>
      {children ?? display}
    </a>
  );
}

import type { ReactNode } from "react";

/** A calm boxed aside inside an article. */
export function Note({ children }: { children: ReactNode }) {
  return (
    <aside className="not-prose my-6 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4 text-slate-900 dark:bg-slate-900 dark:text-slate-100 [&_p+p]:mt-3">
      {children}
    </aside>
  );
}

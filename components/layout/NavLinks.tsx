"use client";

// With its file extension: the server entry (scripts/build/build-server.mjs) leaves packages to Node's ESM loader, which
// finds a subpath of a package without an exports map only by its file name.
import { usePathname } from "next/navigation.js";

interface NavItem {
  href: string;
  label: string;
}

/**
 * The main navigation's links, with the current page's link marked `aria-current="page"` and, on screen, by a bar
 * beside or under it and bolder text (never by colour alone; the bar stays in forced-colors mode).
 *
 * A client component only to read the path: `next build` renders it into every prerendered page's HTML, where
 * usePathname() is that page's path, and the build then removes the framework runtime, so no script ships with it.
 * A page rendered outside Next (server/render-page.tsx) passes `current` instead.
 */
export function NavLinks({ items, current, variant }: { items: NavItem[]; current?: string; variant: "menu" | "bar" }) {
  const pathname = usePathname();
  const here = current ?? pathname;
  const link =
    variant === "menu"
      ? "nav-link nav-link-menu block min-h-11 px-4 py-3 font-medium text-slate-900 no-underline hover:bg-slate-50 dark:text-slate-100 dark:hover:bg-slate-900"
      : "nav-link nav-link-bar block rounded px-2 py-2 font-medium text-slate-800 no-underline hover:bg-slate-100 hover:underline dark:text-slate-200 dark:hover:bg-slate-900";
  return items.map((i) => (
    <li key={i.href}>
      <a href={i.href} className={link} aria-current={i.href === here ? "page" : undefined}>
        {i.label}
      </a>
    </li>
  ));
}

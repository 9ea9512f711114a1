interface NavItem {
  href: string;
  label: string;
}

/**
 * The main navigation's links, with the current page's link marked `aria-current="page"` and, on screen, by a bar
 * beside or under it and bolder text (never by colour alone; the bar stays in forced-colors mode). `current` is the
 * page's own URL path, which every page passes down through its frame (null on the not-found page).
 */
export function NavLinks({ items, current, variant }: { items: NavItem[]; current: string | null; variant: "menu" | "bar" }) {
  const here = current;
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

"use client";

import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

/**
 * The phone menu is a <details> in the root layout, which survives client-side navigation: without this it would
 * stay open on the new page. Closes it when the path changes, as a full page load would, and keeps keyboard focus
 * on the menu button instead of losing it with the now-hidden link. Does nothing on first load, so a menu opened
 * before hydration stays open.
 */
export function CloseMenuOnNavigate({ menuId }: { menuId: string }) {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const menu = document.getElementById(menuId);
    if (!(menu instanceof HTMLDetailsElement) || !menu.open) return;
    const hadFocus = menu.contains(document.activeElement);
    menu.open = false;
    if (hadFocus) menu.querySelector("summary")?.focus();
  }, [pathname, menuId]);
  return null;
}

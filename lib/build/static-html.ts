/**
 * Pages are prerendered by Next.js, which adds its client runtime to each: React, the router and the page's
 * serialized component tree (about 132 KiB of compressed JavaScript, plus inline scripts). No page here needs
 * it: every page is static text, the phone menu is a <details> element, and the inquiry form is enhanced by
 * its own small module (components/inquiry/enhance-inquiry-form.ts). scripts/finish-build.ts removes the
 * runtime from the prerendered HTML, so a cheap phone downloads and runs only what the page uses, and the
 * Content-Security-Policy can allow scripts from this origin only, with no inline script at all.
 * Links become ordinary page loads of small HTML files, which is what a site of articles needs.
 * Pages must therefore stay fully static: a page rendered at request time (dynamic, or with `revalidate`) would
 * come with the runtime again, its inline scripts blocked by the CSP; tests/security/headers.test.ts fails then.
 */

/** Where the site's own modules are served from (built by scripts/build-client.mjs). */
export const OWN_SCRIPT_PREFIX = "/assets/";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const typeOf = (attrs: string) => /\btype\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
const srcOf = (attrs: string) => /\bsrc\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
/** JSON-LD and other data blocks are never executed. */
const isData = (attrs: string) => {
  const type = typeOf(attrs);
  return Boolean(type) && !/^(text|application)\/(javascript|ecmascript)$|^module$/i.test(type!);
};

/** Inline scripts a browser would execute (data blocks such as JSON-LD excluded). */
export function executableInlineScripts(html: string): string[] {
  return [...html.matchAll(SCRIPT)].filter(([, attrs]) => !srcOf(attrs) && !isData(attrs)).map(([, , body]) => body);
}

/** The src of every external script. */
export function externalScripts(html: string): string[] {
  return [...html.matchAll(SCRIPT)].map(([, attrs]) => srcOf(attrs)).filter((s): s is string => Boolean(s));
}

/**
 * The document without the framework's scripts: every executable script goes except the site's own modules,
 * and so do hints to preload scripts. React's output never has "</script" inside a script (it escapes "<"),
 * which is what makes a pattern safe here; the build checks the result with the functions above.
 * `keepOwn: false` also drops the site's own modules (for a response served under a script-free policy).
 */
export function stripFrameworkRuntime(html: string, { keepOwn = true }: { keepOwn?: boolean } = {}): string {
  return html
    .replace(SCRIPT, (whole, attrs: string) => {
      if (isData(attrs)) return whole;
      const src = srcOf(attrs);
      return keepOwn && src?.startsWith(OWN_SCRIPT_PREFIX) ? whole : "";
    })
    .replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>/gi, (link) => (/\bas="script"|rel="modulepreload"/i.test(link) ? "" : link));
}

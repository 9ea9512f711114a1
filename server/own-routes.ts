// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import type { Env } from "@/lib/env";
import { handleInquiryPost } from "@/lib/inquiries/handle";
import { tokenMatches } from "@/lib/inquiries/health";
import { formLanguageOf, INQUIRY_API_PATH } from "@/lib/inquiries/paths";
import { isLoopback } from "@/lib/net/loopback";
import { log } from "@/lib/log";
import { defaultLocale, localePath, locales, splitLocalePath, type Locale } from "@/lib/i18n/locales";
import { renderInquiryFormPage } from "./inquiry-form-page";
import { SELF_CHECK_PATH } from "@/components/pages/SelfCheckPage";
import { SELF_CHECK_RESULT_PATH } from "@/components/self-check/dom";
import { offeredCheck } from "@/lib/self-check/instruments";
import { handleSelfCheckPost, renderSelfCheckPreview } from "./self-check-route";
import type { InquiryRuntime } from "./inquiry-runtime";

/**
 * The requests the server entry answers itself, before Next.js sees them: the inquiry flow, which needs the
 * store, the worker and the client's address that only this process holds. Everything else is Next's.
 */
export interface OwnRouteContext {
  env: Env;
  inquiries: InquiryRuntime;
  clientAddress: string;
}

type OwnRoute = {
  methods: readonly string[];
  /** False: this deployment does not have the route, and every method gets a plain 404 (nothing says it could exist). */
  enabled?: (ctx: OwnRouteContext) => boolean;
  handle: (request: Request, ctx: OwnRouteContext) => Promise<Response>;
};

/** Where a scheduler asks for a round of delivery (DELIVERY=endpoint). */
const DELIVER_PATH = "/api/deliver";

const noStore = { "cache-control": "no-store" };

/**
 * POST /api/deliver, for platforms without long-lived processes: a scheduler (cron, a platform's scheduled job) calls
 * it every minute or so with `Authorization: Bearer $DELIVERY_SECRET`. The secret is compared in constant time over
 * equal-length digests (tokenMatches). It delivers at most DELIVERY_BATCH_MAX entries and claims none after
 * DELIVERY_DEADLINE_MS, and answers counts only. No client-address rate limit applies: the secret is the gate, and
 * a caller without it gets 401 before anything is read from the store.
 */
async function deliverRoute(request: Request, ctx: OwnRouteContext): Promise<Response> {
  const header = request.headers.get("authorization");
  const presented = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : null;
  if (!tokenMatches(presented, ctx.env.DELIVERY_SECRET)) {
    log("delivery.endpoint-refused", { reason: presented === null ? "no-credentials" : "wrong-secret" }, "warn");
    return Response.json(
      { error: "unauthorized" },
      {
        status: 401,
        headers: { ...noStore, "www-authenticate": presented === null ? 'Bearer realm="delivery"' : 'Bearer realm="delivery", error="invalid_token"' },
      },
    );
  }
  const result = await ctx.inquiries.deliverBatch(ctx.env.DELIVERY_BATCH_MAX, ctx.env.DELIVERY_DEADLINE_MS);
  // The store is unavailable or mail would reach nobody: health names which. The scheduler simply calls again.
  if (!result) return Response.json({ error: "unavailable" }, { status: 503, headers: { ...noStore, "retry-after": "60" } });
  const { sent, retry, dead, unreadable, config, leaseLost, unrecorded, remaining, stoppedBy } = result;
  return Response.json(
    { sent, retry, dead, unreadable, config, leaseLost, unrecorded, remaining, stoppedBy },
    { status: stoppedBy === "store-error" ? 503 : 200, headers: noStore },
  );
}

/**
 * The language of the form a request came from: the `lang` its action carries (lib/inquiries/paths.ts; an unknown one
 * is the default), else the locale prefix of a same-origin Referer's path (a browser sends none under the site's
 * Referrer-Policy, but a client may), else the default. Only a path is read from a Referer, never its query.
 */
function formLocale(request: Request): Locale {
  const named = formLanguageOf(new URL(request.url));
  if (named) return named;
  const referer = request.headers.get("referer");
  if (!referer) return defaultLocale;
  try {
    const url = new URL(referer);
    if (url.host !== new URL(request.url).host) return defaultLocale;
    const first = url.pathname.split("/")[1];
    return locales.find((l) => l === first) ?? defaultLocale;
  } catch {
    return defaultLocale;
  }
}

const routes: Record<string, OwnRoute> = {
  [INQUIRY_API_PATH]: {
    methods: ["POST", "GET", "HEAD"],
    handle: (request, ctx) =>
      // Someone who reloads or bookmarks the address a form posted to is sent to the form, not a blank error.
      request.method !== "POST"
        ? Promise.resolve(new Response(null, { status: 303, headers: { location: localePath(formLocale(request), "/contact"), "cache-control": "no-store" } }))
        : handleInquiryPost(request, {
            store: ctx.inquiries.store(),
            env: ctx.env,
            now: Date.now,
            clientAddress: ctx.clientAddress,
            onStored: ctx.inquiries.kickDelivery,
            renderForm: renderInquiryFormPage,
            localeHint: formLocale(request),
          }),
  },
  // Status for anyone; problems, counts and the mail transport for this machine or the holder of HEALTH_TOKEN.
  "/api/health": {
    methods: ["GET", "HEAD"],
    handle: (request, ctx) => {
      const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
      return ctx.inquiries.health(isLoopback(ctx.clientAddress) || tokenMatches(bearer, ctx.env.HEALTH_TOKEN));
    },
  },
  // The self-check without JavaScript: answers are scored here and shown at once, never stored or logged.
  [SELF_CHECK_RESULT_PATH]: {
    methods: ["POST", "GET", "HEAD"],
    handle: (request, ctx) =>
      request.method !== "POST"
        ? Promise.resolve(
            new Response(null, { status: 303, headers: { location: localePath(formLocale(request), SELF_CHECK_PATH), "cache-control": "no-store" } }),
          )
        : handleSelfCheckPost(request, { allowedOrigins: ctx.env.allowedOrigins, preview: ctx.env.SELF_CHECK_PREVIEW, localeHint: formLocale(request) }),
  },
  [DELIVER_PATH]: {
    methods: ["POST"],
    // Without a secret there is no endpoint: 404 (not 503, which tells a caller to come back later, nor 401, which
    // would say a secret exists). DELIVERY=endpoint without DELIVERY_SECRET is refused at start-up (lib/env.ts).
    enabled: (ctx) => ctx.env.DELIVERY_SECRET !== undefined,
    handle: deliverRoute,
  },
  // Liveness for load balancers: this process serves. Delivery trouble never takes the pages out of rotation.
  "/api/live": {
    methods: ["GET", "HEAD"],
    handle: async () => Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } }),
  },
};

const PAGE_METHODS = ["GET", "HEAD"];

/** Only the pages that have a scored check to preview: a language without one keeps its prerendered page. */
const selfCheckPagePaths = locales.filter((l) => offeredCheck(l, { preview: true })).map((l) => localePath(l, SELF_CHECK_PATH));
const selfCheckPreviewRoute: OwnRoute = {
  methods: PAGE_METHODS,
  handle: async (request) => {
    const html = renderSelfCheckPreview(splitLocalePath(new URL(request.url).pathname).locale);
    return new Response(request.method === "HEAD" ? null : html, {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  },
};

/**
 * Pages are read, never posted to: the site has no route handlers or server actions of Next's, so any other
 * method (POST, PUT, DELETE, OPTIONS …) on a path that is not one of the entry's own routes answers 405 here,
 * before Next sees it. No CORS: OPTIONS is refused like the rest. In development Next's own tooling (/_next/,
 * /__nextjs…) posts to itself, and is let through.
 */
const pageMethodNotAllowed = async () => new Response(null, { status: 405, headers: { allow: PAGE_METHODS.join(", "), "cache-control": "no-store" } });

/** The handler for this request, or undefined when it is Next's (a GET or HEAD of anything but the entry's own routes). */
export function ownRoute(
  pathname: string,
  method = "GET",
  { dev = false, selfCheckPreview = false }: { dev?: boolean; selfCheckPreview?: boolean } = {},
): ((request: Request, ctx: OwnRouteContext) => Promise<Response>) | undefined {
  // SELF_CHECK_PREVIEW (loopback only): the self-check page as it will be once the USAUDIT's license is confirmed.
  const preview = selfCheckPreview && PAGE_METHODS.includes(method) && selfCheckPagePaths.includes(pathname);
  const route = preview ? selfCheckPreviewRoute : Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
  if (!route) {
    if (PAGE_METHODS.includes(method) || (dev && (pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs")))) return undefined;
    return pageMethodNotAllowed;
  }
  return async (request, ctx) => {
    if (route.enabled && !route.enabled(ctx)) return Response.json({ error: "not found" }, { status: 404, headers: noStore });
    if (!route.methods.includes(request.method)) {
      return new Response(null, { status: 405, headers: { allow: route.methods.join(", "), "cache-control": "no-store" } });
    }
    return route.handle(request, ctx);
  };
}

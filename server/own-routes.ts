import type { Env } from "@/lib/env";
import { loadOrCreateKeyring, rateLimitKey } from "@/lib/inquiries/crypto";
import { handleInquiryPost } from "@/lib/inquiries/handle";
import { inquiryHealth } from "@/lib/inquiries/health";
import { INQUIRY_API_PATH } from "@/lib/inquiries/paths";
import type { InquiryStore } from "@/lib/inquiries/store/contract";
import { renderInquiryFormPage } from "./inquiry-form-page";

/**
 * The requests the server entry answers itself, before Next.js sees them: the inquiry flow, which needs the
 * store, the worker and the client's address that only this process holds. Everything else is Next's.
 */
export interface OwnRouteContext {
  env: Env;
  store: InquiryStore;
  /** Wakes this process's delivery worker after an inquiry is committed. */
  kickDelivery: () => void;
  clientAddress: string;
}

type OwnRoute = { methods: readonly string[]; handle: (request: Request, ctx: OwnRouteContext) => Promise<Response> };

const routes: Record<string, OwnRoute> = {
  [INQUIRY_API_PATH]: {
    methods: ["POST"],
    handle: (request, ctx) =>
      handleInquiryPost(request, {
        store: ctx.store,
        env: ctx.env,
        now: Date.now,
        clientAddress: ctx.clientAddress,
        rateLimitKey: rateLimitKeyFor(ctx.env),
        onStored: ctx.kickDelivery,
        renderForm: renderInquiryFormPage,
      }),
  },
  "/api/health": { methods: ["GET", "HEAD"], handle: (_request, ctx) => inquiryHealth(ctx.store, Date.now()) },
};

/**
 * The rate-limit key of the store's keyring, read once per process (the store, opened first, has made sure the key
 * exists): the same keyring, so the same key, in every process on one store.
 */
const rateLimitKeys = new Map<string, Buffer>();
function rateLimitKeyFor(env: Env): Buffer {
  const id = `${env.dataDir}\0${env.INQUIRY_KEYS ?? ""}`;
  let key = rateLimitKeys.get(id);
  if (!key) rateLimitKeys.set(id, (key = rateLimitKey(loadOrCreateKeyring(env.INQUIRY_KEYS, env.dataDir))));
  return key;
}

const PAGE_METHODS = ["GET", "HEAD"];

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
  { dev = false }: { dev?: boolean } = {},
): ((request: Request, ctx: OwnRouteContext) => Promise<Response>) | undefined {
  const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
  if (!route) {
    if (PAGE_METHODS.includes(method) || (dev && (pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs")))) return undefined;
    return pageMethodNotAllowed;
  }
  return async (request, ctx) => {
    if (!route.methods.includes(request.method)) {
      return new Response(null, { status: 405, headers: { allow: route.methods.join(", "), "cache-control": "no-store" } });
    }
    return route.handle(request, ctx);
  };
}

import type { AppLoadContext } from "@remix-run/node";
import { authenticateApiToken } from "../services/api-tokens.server";
import { enforceRateLimit } from "../services/rate-limit.server";
import { sha256Hex } from "./crypto.server";
import { AppError } from "./errors";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/**
 * English messages for API clients; the code is the stable part. A real Response, not
 * `data()`: in Remix v2 resource routes a returned `data()` loses its status and a thrown one
 * its body, while a Response is sent as it is, returned or thrown.
 */
export function apiError(
  status: number,
  code: string,
  message: string,
  headers?: HeadersInit,
  fields?: Record<string, string>,
): Response {
  const body: ApiErrorBody = { error: fields ? { code, message, fields } : { code, message } };
  const allHeaders = new Headers(headers);
  allHeaders.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status, headers: allHeaders });
}

type ApiContext = Pick<AppLoadContext, "db" | "env" | "clientIp">;
type ApiOrg = NonNullable<Awaited<ReturnType<typeof authenticateApiToken>>>;
type ApiArgs = { request: Request; context: ApiContext; params: Record<string, string | undefined> };

const bearerOf = (request: Request) => request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;

const unauthorized = () =>
  apiError(401, "unauthorized", "A valid API token is required (Authorization: Bearer <token>).", {
    "WWW-Authenticate": 'Bearer realm="anfu"',
  });

/**
 * Every API route goes through here: it authenticates the bearer token (required, or
 * optional for public data), counts the request against the token's rate limit (the IP's when
 * there is no token), turns an AppError into the JSON error shape and answers with a Response.
 */
export function apiRoute<A extends "required" | "optional">(
  auth: A,
  work: (args: ApiArgs & { org: A extends "required" ? ApiOrg : ApiOrg | null }) => Promise<unknown> | unknown,
) {
  return async (args: ApiArgs): Promise<Response> => {
    const { request, context } = args;
    const now = new Date();
    try {
      const secret = bearerOf(request);
      const org = secret || auth === "required" ? await authenticateApiToken(context.db, secret, now) : null;
      if (!org && (secret || auth === "required")) {
        await enforceRateLimit(context.db, {
          key: `api:ip:${context.clientIp}`,
          limit: context.env.RATE_LIMIT_IP_PER_MINUTE,
          now,
        });
        return unauthorized();
      }
      await enforceRateLimit(
        context.db,
        org
          ? { key: `api:token:${sha256Hex(secret!)}`, limit: context.env.RATE_LIMIT_TOKEN_PER_MINUTE, now }
          : { key: `api:ip:${context.clientIp}`, limit: context.env.RATE_LIMIT_IP_PER_MINUTE, now },
      );
      const result = await work({ ...args, org: org as never });
      // The same Content-Type as the errors above (and as Remix's json() sent before).
      return result instanceof Response
        ? result
        : new Response(JSON.stringify(result), { headers: { "Content-Type": "application/json; charset=utf-8" } });
    } catch (error) {
      if (error instanceof Response) return error;
      if (error instanceof AppError) {
        return apiError(
          error.status,
          error.code,
          (error.messageKey.split(":").pop() ?? error.code).replace(/^errors\./, "").replaceAll("_", " "),
          error.headers,
        );
      }
      throw error;
    }
  };
}

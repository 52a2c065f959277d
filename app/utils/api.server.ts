import type { AppLoadContext } from "@remix-run/node";
import { authenticateApiToken } from "../services/api-tokens.server";
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

export async function requireApiOrg(request: Request, context: Pick<AppLoadContext, "db">) {
  const header = request.headers.get("authorization");
  const secret = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  const org = await authenticateApiToken(context.db, secret);
  if (!org) {
    throw apiError(401, "unauthorized", "A valid API token is required (Authorization: Bearer <token>).", {
      "WWW-Authenticate": 'Bearer realm="anfu"',
    });
  }
  return org;
}

/** Turns service errors into the API's JSON error shape. */
export async function apiHandler<T>(work: () => Promise<T>): Promise<T | ReturnType<typeof apiError>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return apiError(error.status, error.code, error.messageKey.replaceAll("_", " "));
    throw error;
  }
}

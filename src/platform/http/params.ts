import type { FastifyRequest } from "fastify";
import { z } from "zod";

const uuid = z.uuid();

/**
 * The uuid named `key` in a request's params or query, or undefined: an id that is not a uuid
 * names nothing, so it is simply not found, never a database error.
 */
export function uuidFrom(source: unknown, key: string): string | undefined {
  const parsed = uuid.safeParse((source as Record<string, unknown> | undefined)?.[key]);
  return parsed.success ? parsed.data : undefined;
}

/** The uuid named `name` in the route's path, or undefined. */
export const uuidParam = (request: FastifyRequest, name: string) => uuidFrom(request.params, name);

// Wraps a libSQL client (file, remote or /web) in drizzle. Runtime-agnostic: hosts create the client.
import type { Client } from "@libsql/client";
// The /web flavour: drizzle-orm/libsql would import the Node client, which must stay out of
// the Worker bundle. Given a client, both wrap it the same way.
import { drizzle } from "drizzle-orm/libsql/web";
import type { Database } from "../deps.ts";
import * as schema from "./schema.ts";

export function connect(client: Client): Database {
  return drizzle(client, { schema });
}

// Wraps a libSQL client (file, remote or /web) in drizzle. Runtime-agnostic: hosts create the client.
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Database } from "../deps.ts";
import * as schema from "./schema.ts";

export function connect(client: Client): Database {
  return drizzle(client, { schema });
}

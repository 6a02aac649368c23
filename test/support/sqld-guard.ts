// The test hosts run every SQL statement the app issues past sqld's parser first
// (tools/sqld-parse/guard.ts): embedded libSQL accepts SQL that sqld/Turso refuse, so without
// this a statement that breaks on a real libSQL server passes every test. A refused statement
// throws, the request answers 500, and useHost's 5xx check fails the test that issued it,
// with the statement and sqld's message in the server's error log.
import type { Client, InStatement, Transaction } from "@libsql/client";
import { type SqldGuard, startSqldGuard } from "../../tools/sqld-parse/guard.ts";

let started: Promise<SqldGuard | null> | undefined;

/** The guard of this test worker; null (with a warning) on a machine without cargo, outside CI. */
export function sqldGuard(): Promise<SqldGuard | null> {
  started ??= startSqldGuard().then(
    ({ guard }) => guard,
    (err: Error) => {
      if (process.env.CI) throw err;
      console.warn(`sqld guard off: ${err.message}`);
      return null;
    },
  );
  return started;
}

const sqlOf = (stmt: InStatement) => (typeof stmt === "string" ? stmt : stmt.sql);

async function check(guard: SqldGuard, sql: string, mode: "statement" | "sequence"): Promise<void> {
  const reason = await guard(sql, mode);
  if (reason) throw new Error(`sqld would refuse this statement: ${reason}\n  ${sql}`);
}

function guardTransaction(tx: Transaction, guard: SqldGuard): Transaction {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === "execute")
        return async (stmt: InStatement) => {
          await check(guard, sqlOf(stmt), "statement");
          return target.execute(stmt);
        };
      if (key === "batch")
        return async (stmts: InStatement[]) => {
          for (const stmt of stmts) await check(guard, sqlOf(stmt), "statement");
          return target.batch(stmts);
        };
      if (key === "executeMultiple")
        return async (sql: string) => {
          await check(guard, sql, "sequence");
          return target.executeMultiple(sql);
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** `client`, with every statement checked by `guard` before it runs. */
export function guardClient(client: Client, guard: SqldGuard | null): Client {
  if (!guard) return client;
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "execute")
        return async (stmt: InStatement | string, args?: never) => {
          await check(guard, sqlOf(stmt), "statement");
          return args === undefined ? target.execute(stmt) : target.execute(stmt as string, args);
        };
      if (key === "batch")
        return async (stmts: InStatement[], mode?: Parameters<Client["batch"]>[1]) => {
          for (const stmt of stmts) await check(guard, sqlOf(stmt), "statement");
          return target.batch(stmts, mode);
        };
      if (key === "transaction") return async (mode?: "write" | "read" | "deferred") => guardTransaction(await target.transaction(mode), guard);
      if (key === "executeMultiple")
        return async (sql: string) => {
          await check(guard, sql, "sequence");
          return target.executeMultiple(sql);
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

//! Checks SQL texts the way sqld (the libSQL server) parses them before running them.
//!
//! stdin: NDJSON, one JSON string (an SQL text) per line.
//! stdout: one line per input line, in order, flushed after each:
//!   `{"ok":true}` or `{"ok":false,"error":"<message>"}`.
//!
//! What is mirrored (libsql-server/src/query_analysis.rs, `Statement::parse`, and its callers in
//! libsql-server/src/hrana/stmt.rs and hrana/batch.rs):
//! - the parser is `sqlite3_parser::lexer::sql::Parser` (crate libsql-sqlite3-parser 0.13.0, the
//!   feature set sqld enables), wrapped in a fallible-iterator `peekable()`; after each command
//!   sqld peeks at the next one (a peeked error is dropped by `peek()`, as in sqld);
//! - parser panics are caught and reported as "unexpected parser error";
//! - a syntax error with a `found` token is reworded "syntax error around L{line}:{col}: `{found}`",
//!   every other parser error is its Display text;
//! - a parsed command sqld does not classify (e.g. `PRAGMA journal_mode = WAL`, `VACUUM`, temp
//!   tables) is refused as "unsupported statement: {the whole SQL text}";
//! - default mode = one Hrana `execute` request or one `batch` step: the text must hold exactly
//!   one statement (`SQL string does not contain any statement` / `... more than one statement`),
//!   and the first item's error is "SQL string could not be parsed: {error}";
//! - `--sequence` = a Hrana `sequence` request (`executeMultiple`): any number of statements,
//!   the first error among them fails the text. Beware, as in sqld: the error of a statement
//!   that follows an accepted one is met while peeking, and `peek()` drops it; the parser then
//!   resumes after the bad token, so the error reported is a later one ("near BY" instead of
//!   "near ORDER"), or none at all (`SELECT 1; garbage; SELECT 3` runs SELECT 1 and SELECT 3).
//!   Check statements one by one (the default mode) to see every refusal.
//!
//! `--render` adds `"sql":[...]` to each accepted line: the statement texts sqld would hand to
//! SQLite (sqld re-renders the parsed AST, except for a lone CREATE TABLE, which it keeps as sent).

use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};

use fallible_iterator::{FallibleIterator, Peekable};
use serde_json::Value;
use sqlite3_parser::ast::{Cmd, Expr, Id, PragmaBody, QualifiedName, Stmt};
use sqlite3_parser::lexer::sql::{Error as LexError, Parser, ParserError};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Hrana `execute` / `batch` step: exactly one statement.
    Single,
    /// Hrana `sequence`: any number of statements.
    Sequence,
}

fn is_temp(name: &QualifiedName) -> bool {
    name.db_name.as_ref().map(|n| n.0.as_str()) == Some("TEMP")
}

fn is_reserved_table(name: &QualifiedName) -> bool {
    let n = name.name.0.to_lowercase();
    n == "_litestream_seq" || n == "_litestream_lock" || n == "libsql_wasm_func_table"
}

/// sqld's namespace names: what `NamespaceName::from_string` accepts, approximately
/// (ATTACH of a namespace is the only statement whose support depends on it).
fn is_namespace_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Whether sqld's `StmtKind::kind` gives this command a kind (otherwise: "unsupported statement").
fn is_supported(cmd: &Cmd) -> bool {
    match cmd {
        Cmd::Explain(Stmt::Pragma(name, body)) => pragma_supported(name, body.as_ref()),
        Cmd::Explain(_) | Cmd::ExplainQueryPlan(_) => true,
        Cmd::Stmt(stmt) => match stmt {
            Stmt::Begin(..) | Stmt::Commit(..) | Stmt::Rollback { .. } => true,
            Stmt::CreateVirtualTable { tbl_name, .. } => !is_temp(tbl_name),
            Stmt::CreateTable { tbl_name, temporary, .. } => !temporary && !is_temp(tbl_name),
            Stmt::Insert { tbl_name, .. } | Stmt::Update { tbl_name, .. } | Stmt::Delete { tbl_name, .. } => {
                !is_reserved_table(tbl_name)
            }
            Stmt::DropTable { tbl_name, .. } | Stmt::AlterTable(tbl_name, _) => !is_reserved_table(tbl_name),
            Stmt::DropIndex { .. } | Stmt::DropTrigger { .. } | Stmt::CreateIndex { .. } => true,
            Stmt::CreateTrigger { temporary, .. } => !temporary,
            Stmt::Select(_) => true,
            Stmt::Pragma(name, body) => pragma_supported(name, body.as_ref()),
            Stmt::CreateView { temporary, .. } => !temporary,
            Stmt::DropView { .. } | Stmt::Savepoint(_) | Stmt::Release(_) | Stmt::Detach(_) => true,
            Stmt::Attach { expr: Expr::Id(Id(db_name)), .. } => {
                let name = db_name.strip_prefix('"').unwrap_or(db_name);
                let name = name.strip_suffix('"').unwrap_or(name);
                is_namespace_name(name)
            }
            _ => false,
        },
    }
}

fn pragma_supported(name: &QualifiedName, body: Option<&PragmaBody>) -> bool {
    match name.name.0.to_ascii_lowercase().as_str() {
        "table_list" | "index_list" | "table_info" | "table_xinfo" | "index_info" | "index_xinfo"
        | "pragma_list" | "compile_options" | "database_list" | "function_list" | "module_list"
        | "encoding" => true,
        "schema_version" if body.is_none() => true,
        "defer_foreign_keys" | "foreign_keys" | "foreign_key_list" | "foreign_key_check"
        | "collation_list" | "data_version" | "freelist_count" | "integrity_check"
        | "legacy_file_format" | "page_count" | "quick_check" | "stats" | "user_version" => true,
        // Only readable (no argument) through sqld.
        "analysis_limit" | "application_id" | "auto_vacuum" | "automatic_index" | "busy_timeout"
        | "cache_size" | "cache_spill" | "cell_size_check" | "checkpoint_fullfsync" | "fullfsync"
        | "hard_heap_limit" | "journal_mode" | "journal_size_limit" | "legacy_alter_table"
        | "locking_mode" | "max_page_count" | "mmap_size" | "page_size" | "query_only"
        | "read_uncommitted" | "recursive_triggers" | "reverse_unordered_selects"
        | "secure_delete" | "soft_heap_limit" | "synchronous" | "temp_store" | "threads"
        | "trusted_schema" | "wal_autocheckpoint" => body.is_none(),
        _ => false,
    }
}

/// One item of sqld's `Statement::parse` iterator: the SQL text sqld would run, or the error.
type Item = Result<String, String>;

/// The statements of `sql`, as sqld's `Statement::parse` yields them.
fn parse_statements(sql: &str, limit: usize) -> Vec<Item> {
    // Boxed like sqld's (the parser is large).
    let mut parser: Option<Box<Peekable<Parser>>> = Some(Box::new(Parser::new(sql.as_bytes()).peekable()));
    let mut items = Vec::new();
    let mut count = 0u64;

    // Runs `f` on the parser, catching a panic: after one, the iteration ends (sqld takes the parser).
    fn guarded<T>(parser: &mut Option<Box<Peekable<Parser>>>, f: impl FnOnce(&mut Peekable<Parser>) -> T) -> Option<T> {
        let mut p = parser.take()?;
        match panic::catch_unwind(AssertUnwindSafe(|| {
            let r = f(&mut p);
            (r, p)
        })) {
            Ok((r, p)) => {
                *parser = Some(p);
                Some(r)
            }
            Err(_) => None,
        }
    }

    while items.len() < limit {
        if parser.is_none() {
            break;
        }
        count += 1;
        let Some(next) = guarded(&mut parser, |p| p.next()) else {
            items.push(Err("unexpected parser error".to_string()));
            break;
        };
        match next {
            Ok(Some(cmd)) => {
                let Some(has_more) = guarded(&mut parser, |p| p.peek().map_or(true, |o| o.is_some())) else {
                    items.push(Err("unexpected parser error".to_string()));
                    break;
                };
                items.push(classify(sql, count, has_more, cmd));
            }
            Ok(None) => break,
            Err(LexError::ParserError(ParserError::SyntaxError { found: Some(found), .. }, Some((line, col)))) => {
                items.push(Err(format!("syntax error around L{line}:{col}: `{found}`")));
            }
            Err(e) => items.push(Err(e.to_string())),
        }
        // Every caller stops at the first error (the sequence's `collect::<Result<_>>()`; an
        // execute has its answer once it has an error, whichever item it is).
        if matches!(items.last(), Some(Err(_))) {
            break;
        }
    }
    items
}

fn classify(original: &str, count: u64, has_more: bool, cmd: Cmd) -> Item {
    if !is_supported(&cmd) {
        return Err(format!("unsupported statement: {original}"));
    }
    if count == 1 && !has_more {
        if let Cmd::Stmt(Stmt::CreateTable { .. }) = &cmd {
            return Ok(original.to_string());
        }
    }
    Ok(cmd.to_string())
}

/// The outcome of one SQL text: the statements sqld would run, or the error message its Hrana
/// endpoint would answer with.
fn check(sql: &str, mode: Mode) -> Result<Vec<String>, String> {
    const PARSE: &str = "SQL string could not be parsed: ";
    match mode {
        Mode::Single => {
            // sqld takes the first item and only asks whether a second one exists.
            let mut items = parse_statements(sql, 2).into_iter();
            let first = match items.next() {
                Some(Ok(stmt)) => stmt,
                Some(Err(e)) => return Err(format!("{PARSE}{e}")),
                None => return Err("SQL string does not contain any statement".to_string()),
            };
            if items.next().is_some() {
                return Err("SQL string contains more than one statement".to_string());
            }
            Ok(vec![first])
        }
        Mode::Sequence => parse_statements(sql, usize::MAX)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("{PARSE}{e}")),
    }
}

fn main() {
    let mut mode = Mode::Single;
    let mut render = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--sequence" => mode = Mode::Sequence,
            "--render" => render = true,
            "-h" | "--help" => {
                println!("usage: sqld-parse [--sequence] [--render] < lines-of-json-strings");
                return;
            }
            other => {
                eprintln!("sqld-parse: unknown argument {other:?} (try --help)");
                std::process::exit(2);
            }
        }
    }
    // A parser panic is reported on stdout; keep the default hook's backtrace noise off stderr.
    panic::set_hook(Box::new(|info| eprintln!("sqld-parse: parser panicked: {info}")));

    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                eprintln!("sqld-parse: reading stdin: {e}");
                std::process::exit(1);
            }
        };
        // Written by hand so that "ok" comes first, as documented.
        let reply = match serde_json::from_str::<Value>(&line) {
            Ok(Value::String(sql)) => match check(&sql, mode) {
                Ok(stmts) if render => format!("{{\"ok\":true,\"sql\":{}}}", Value::from(stmts)),
                Ok(_) => "{\"ok\":true}".to_string(),
                Err(error) => format!("{{\"ok\":false,\"error\":{}}}", Value::from(error)),
            },
            _ => "{\"ok\":false,\"error\":\"sqld-parse: input line is not a JSON string\"}".to_string(),
        };
        // A closed stdout (the parent went away) ends the process quietly.
        if writeln!(out, "{reply}").and_then(|_| out.flush()).is_err() {
            return;
        }
    }
}

// Request and response shapes of a run's logs routes. Types come from these schemas.
import * as v from "valibot";
import { IntegerQuery, StrictObject, Text } from "../../http/schemas.ts";
import { NUL_FREE } from "../../lib/text.ts";
import { chunkLineCount, chunkTextIssue } from "./chunks.ts";

export const MAX_LOG_LINES_PER_REQUEST = 10_000;
export const DEFAULT_LOG_PAGE = 1000;
export const MAX_LOG_PAGE = 10_000;
export const MAX_LOG_TAIL = 100_000;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Seq = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

export const LogStream = v.pipe(v.picklist(["stdout", "stderr"]), v.metadata({ ref: "LogStream" }));

const LogSeqIn = v.pipe(v.number(), v.safeInteger("must be an integer"), v.minValue(0, "must be at least 0"));
const LogTimeIn = v.optional(v.pipe(v.number(), v.finite("must be a finite number"), v.description("Epoch seconds (default: when the server receives it)")));

const LogLineIn = StrictObject({
  seq: v.pipe(
    LogSeqIn,
    v.description("The line's number in the run, unique: the client numbers lines 0, 1, 2, ... in order. A line re-sent with a stored seq is ignored"),
  ),
  stream: v.optional(LogStream, "stdout"),
  time: LogTimeIn,
  text: v.pipe(Text, v.description("The line without its newline (any characters but NUL; ANSI escapes are kept as sent)")),
});

// The lines of a chunk are its text split on "\n" (the rule and why: ./chunks.ts).
/**
 * A rule the OpenAPI document shows (its generator reads the action's type and requirement)
 * and another check enforces: the chunk text's rawCheck below, which names the line at fault.
 */
const shownOnly = <A extends { "~run": unknown }>(action: A): A => ({ ...action, "~run": <T>(dataset: T) => dataset });

const LogChunkIn = v.pipe(
  StrictObject({
    stream: v.optional(LogStream, "stdout"),
    first_seq: v.pipe(LogSeqIn, v.description("The seq of the chunk's first line; the next lines are first_seq + 1, + 2, ...")),
    time: v.pipe(LogTimeIn, v.description("Epoch seconds of every line of the chunk (default: when the server receives it)")),
    text: v.pipe(
      v.string(),
      shownOnly(v.regex(NUL_FREE, "must not contain NUL characters")),
      v.rawCheck(({ dataset, addIssue }) => {
        const issue = dataset.typed ? chunkTextIssue(dataset.value, MAX_LOG_LINES_PER_REQUEST) : null;
        if (issue) addIssue({ message: issue });
      }),
      v.description(
        `Lines joined by "\\n": split on every "\\n", so a trailing "\\n" adds an empty last line and "" is one empty line. Each line takes a line's rules: at most 65,536 characters, no NUL`,
      ),
    ),
  }),
  // An unsafe first_seq breaks its own rule (a broken rule leaves the value typed: this runs
  // too). Subtracted, not added: first_seq + count may round past 2^53 back to a safe number.
  v.forward(
    v.check(
      (chunk) => !Number.isSafeInteger(chunk.first_seq) || chunkLineCount(chunk.text) - 1 <= Number.MAX_SAFE_INTEGER - chunk.first_seq,
      "with the chunk's lines, passes the largest seq (2^53 - 1)",
    ),
    ["first_seq"],
  ),
  v.metadata({ ref: "LogChunk" }),
);

export const AppendLogsBody = v.pipe(
  StrictObject({
    lines: v.optional(
      v.pipe(v.array(LogLineIn), v.minLength(1, "must hold at least one line"), v.maxLength(MAX_LOG_LINES_PER_REQUEST, "at most 10,000 lines per request")),
    ),
    chunks: v.optional(
      v.pipe(
        v.array(LogChunkIn),
        v.minLength(1, "must hold at least one chunk"),
        v.maxLength(MAX_LOG_LINES_PER_REQUEST, "at most 10,000 lines per request"),
        v.description("Lines as chunks: the lines one read of a stream gave, in one string"),
      ),
    ),
  }),
  // One of the two at least: with only these two keys allowed, at least one key (minProperties
  // in the OpenAPI document, so a client generated from it knows too).
  v.minEntries(1, "must hold lines or chunks"),
  v.check(
    (body) => (body.lines?.length ?? 0) + (body.chunks ?? []).reduce((n, chunk) => n + chunkLineCount(chunk.text), 0) <= MAX_LOG_LINES_PER_REQUEST,
    "at most 10,000 lines per request (the lines and the chunks' lines together)",
  ),
);
export type AppendLogsInput = v.InferOutput<typeof AppendLogsBody>;
export type LogLineInput = NonNullable<AppendLogsInput["lines"]>[number];

export const AppendLogsResult = v.pipe(
  v.object({
    lines: v.pipe(Count, v.description("Lines this request stored (re-sent ones are not counted)")),
    bytes: v.pipe(Count, v.description("UTF-8 bytes of text the run's logs hold after it")),
  }),
  v.metadata({ ref: "LogAppendResult" }),
);
export type AppendLogsResult = v.InferOutput<typeof AppendLogsResult>;

export const LogLine = v.pipe(
  v.object({ seq: Seq, stream: LogStream, time: v.pipe(v.number(), v.description("Epoch seconds")), text: v.string() }),
  v.metadata({ ref: "LogLine" }),
);
export type LogLine = v.InferOutput<typeof LogLine>;

export const LogPage = v.pipe(
  v.object({
    items: v.array(LogLine),
    next_after: v.pipe(v.nullable(Seq), v.description("Pass as `after` for the next page; null when there are no more lines")),
  }),
  v.metadata({ ref: "LogPage" }),
);
export type LogPage = v.InferOutput<typeof LogPage>;

export const ReadLogsQuery = v.object({
  stream: v.optional(LogStream),
  q: v.optional(
    v.pipe(
      v.string(),
      v.minLength(1, "must not be empty"),
      v.maxLength(1024, "must be at most 1,024 characters"),
      v.description("Only lines containing this text (case-sensitive)"),
    ),
  ),
  tail: v.optional(v.pipe(IntegerQuery(MAX_LOG_TAIL), v.description("Only the last N lines that stream and q keep"))),
  after: v.optional(v.pipe(IntegerQuery(Number.MAX_SAFE_INTEGER, 0), v.description("Only lines with a greater seq (next_after of the previous page)"))),
  limit: v.optional(
    v.pipe(
      IntegerQuery(MAX_LOG_PAGE),
      v.description("Lines per JSON page (default 1,000). With Accept: text/plain, at most this many lines (default: every line selected)"),
    ),
  ),
});
export type ReadLogsOptions = v.InferOutput<typeof ReadLogsQuery>;

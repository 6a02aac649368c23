// One log line on screen: seq, time, stream (stderr marked) and the text with its ANSI styles
// as spans and the search's hits as <mark>s. Everything in it is a text node; nothing from the
// line is ever markup (SECURITY.md: never innerHTML with data).
import { Fragment } from "preact";
import { memo } from "preact/compat";
import type { LogLine } from "../api/logs.ts";
import { type AnsiStyle, parseAnsi, stripAnsi } from "./ansi.ts";
import { markHits } from "./search-hits.ts";

function styleClass(s: AnsiStyle): string {
  const c: string[] = [];
  if (typeof s.fg === "number") c.push(`ansi-fg-${s.fg}`);
  if (typeof s.bg === "number") c.push(`ansi-bg-${s.bg}`);
  if (s.bold) c.push("ansi-bold");
  if (s.dim) c.push("ansi-dim");
  if (s.italic) c.push("ansi-italic");
  if (s.underline) c.push("ansi-underline");
  return c.join(" ");
}

// Preact sets a style object through CSSOM (element.style), never as markup.
function inlineStyle(s: AnsiStyle): Record<string, string> | undefined {
  if (typeof s.fg !== "string" && typeof s.bg !== "string") return undefined;
  return { ...(typeof s.fg === "string" && { color: s.fg }), ...(typeof s.bg === "string" && { backgroundColor: s.bg }) };
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

export const LogLineView = memo(function LogLineView({ line, q, jumped }: { line: LogLine; q: string; jumped: boolean }) {
  const pieces = markHits(parseAnsi(line.text), q);
  const when = new Date(line.time * 1000);
  return (
    <div class={`log-line ${line.stream}${jumped ? " jumped" : ""}`} data-seq={line.seq}>
      <span class="log-seq">{line.seq}</span>
      <time class="log-time" dateTime={when.toISOString()} title={when.toISOString()}>
        {clock.format(when)}
      </time>
      <span class="log-stream">{line.stream === "stderr" ? "err" : "out"}</span>
      <span class="log-text">
        {pieces.map((p, i) => {
          const cls = styleClass(p.style);
          const style = inlineStyle(p.style);
          const body =
            cls || style ? (
              <span class={cls || undefined} style={style}>
                {p.text}
              </span>
            ) : (
              p.text
            );
          return p.hit ? <mark key={i}>{body}</mark> : <Fragment key={i}>{body}</Fragment>;
        })}
      </span>
    </div>
  );
});

/** The first line that reads as an error: on stderr, or naming an error, exception or traceback. */
export const isErrorLine = (line: LogLine) => line.stream === "stderr" || /error|exception|traceback/i.test(stripAnsi(line.text));

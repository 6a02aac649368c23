//! A small runcamp logger in Rust (ureq + serde_json): a run with params, metric series with
//! contexts (one value NaN, one name with a "/"), a value, the run finished, then read back.
//!
//!     cargo run -- [base-url] [run-id]   (default http://127.0.0.1:8787; start one with `npm start`)

use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// A float as the API takes it: a JSON number, or "NaN", "Infinity", "-Infinity" as strings.
/// (serde_json writes NaN and ±Inf as `null`, which the API refuses.)
fn number(v: f64) -> Value {
    if v.is_nan() {
        json!("NaN")
    } else if v.is_infinite() {
        json!(if v > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        json!(v)
    }
}

/// The inverse of `number`, for values read back.
fn float(v: &Value) -> f64 {
    match v {
        Value::String(s) => s.parse().unwrap_or(f64::NAN), // "NaN", "Infinity", "-Infinity"
        _ => v.as_f64().unwrap_or(f64::NAN),
    }
}

/// The problem+json text of a refused request as the error.
fn send(request: ureq::Request, body: Option<Value>) -> Result<Value, String> {
    let result = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    match result {
        Ok(response) => response.into_json().map_err(|e| e.to_string()),
        Err(ureq::Error::Status(code, response)) => Err(format!(
            "{code} {}",
            response.into_string().unwrap_or_default()
        )),
        Err(e) => Err(e.to_string()),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let base = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:8787".into());
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let run = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| format!("rust-{millis}"));
    if let Err(e) = log_and_read(&base, &run) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

fn log_and_read(base: &str, run: &str) -> Result<(), String> {
    let runs = format!("{base}/v1/repos/examples/runs");
    let run_url = format!("{runs}/{run}");
    send(
        ureq::post(&runs),
        Some(
            json!({"id": run, "experiment": "any-language", "tags": ["rust"],
                    "params": {"lr": 0.001, "optimizer": "adam", "layers": 2}}),
        ),
    )?;
    for epoch in 0..3u32 {
        let e = f64::from(epoch);
        // A diverged evaluation at epoch 1: stored and read back as NaN.
        let val_loss = if epoch == 1 {
            f64::NAN
        } else {
            1.5 / (e + 1.0)
        };
        let points = json!([
            {"name": "loss", "context": {"subset": "train"}, "step": epoch, "value": number(1.0 / (e + 1.0)), "epoch": epoch},
            {"name": "loss", "context": {"subset": "val"}, "step": epoch, "value": number(val_loss), "epoch": epoch},
            {"name": "grad/norm", "step": epoch, "value": number(10.0 - e), "epoch": epoch},
        ]);
        // One request per epoch; re-sending a step overwrites it, so a retry never duplicates.
        send(
            ureq::post(&format!("{run_url}/metrics")),
            Some(json!({ "points": points })),
        )?;
    }
    send(
        ureq::put(&format!("{run_url}/values")),
        Some(json!([{"name": "acc", "context": {"subset": "test"}, "value": number(0.9)}])),
    )?;
    send(ureq::patch(&run_url), Some(json!({"status": "finished"})))?;

    // Read back one series as columns. A name with "/" is one path segment: escape it (%2F).
    let val = send(
        ureq::get(&format!("{run_url}/metrics/loss"))
            .query("context", r#"{"subset":"val"}"#)
            .query("format", "columnar"),
        None,
    )?;
    let norm = send(
        ureq::get(&format!("{run_url}/metrics/grad%2Fnorm")).query("format", "columnar"),
        None,
    )?;
    // Lists come in pages ({"items": [...], "next_cursor": ...}; limit up to 1,000): follow the cursor.
    let (mut count, mut cursor) = (0, None::<String>);
    loop {
        let mut request = ureq::get(&runs).query("limit", "1000");
        if let Some(c) = &cursor {
            request = request.query("cursor", c);
        }
        let page = send(request, None)?;
        count += page["items"].as_array().map_or(0, |items| items.len());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    let floats = |series: &Value| -> Vec<f64> {
        series["values"]
            .as_array()
            .map_or(vec![], |vs| vs.iter().map(float).collect())
    };
    println!(
        "run {run}: val loss {:?} at steps {}; grad/norm {:?}; {count} runs in the repo",
        floats(&val),
        val["steps"],
        floats(&norm)
    );
    Ok(())
}

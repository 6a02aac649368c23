// A small runcamp logger in Java 11+, JDK only (java.net.http): a run with params, metric
// series with contexts (one value NaN, one name with a "/"), a value, the run finished, then
// read back. Run it as a single source file, no build:
//
//     java Logger.java [base-url] [run-id]   (default http://127.0.0.1:8787; start one with `npm start`)
//
// The JSON is written by hand to stay dependency-free; a real project would use Jackson or
// Gson (then write NaN and ±Inf as the strings "NaN", "Infinity", "-Infinity", as number() does).
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Logger {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base = "http://127.0.0.1:8787";

    /** A float as the API takes it: a JSON number, or "NaN", "Infinity", "-Infinity" as strings. */
    static String number(double v) {
        if (Double.isNaN(v)) return "\"NaN\"";
        if (Double.isInfinite(v)) return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        return Double.toString(v); // shortest text that reads back as the same double
    }

    /** Sends a JSON body (or none) and returns the answer's text; a 4xx/5xx throws with the server's problem+json. */
    static String call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) throw new RuntimeException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        return response.body();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first match's group 1 in a JSON text (a sketch: use a JSON library in real code). */
    static String find(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) base = args[0];
        String run = args.length > 1 ? args[1] : "java-" + System.currentTimeMillis();
        String runPath = "/v1/repos/examples/runs/" + run;

        call("POST", "/v1/repos/examples/runs", "{\"id\": \"" + run + "\", \"experiment\": \"any-language\", \"tags\": [\"java\"],"
                + " \"params\": {\"lr\": 0.001, \"optimizer\": \"adam\", \"layers\": 2}}");
        for (int epoch = 0; epoch < 3; epoch++) {
            double valLoss = epoch == 1 ? Double.NaN : 1.5 / (epoch + 1); // a diverged evaluation at epoch 1
            String points = String.join(", ",
                    "{\"name\": \"loss\", \"context\": {\"subset\": \"train\"}, \"step\": " + epoch + ", \"value\": " + number(1.0 / (epoch + 1)) + ", \"epoch\": " + epoch + "}",
                    "{\"name\": \"loss\", \"context\": {\"subset\": \"val\"}, \"step\": " + epoch + ", \"value\": " + number(valLoss) + ", \"epoch\": " + epoch + "}",
                    "{\"name\": \"grad/norm\", \"step\": " + epoch + ", \"value\": " + number(10 - epoch) + ", \"epoch\": " + epoch + "}");
            // One request per epoch; re-sending a step overwrites it, so a retry never duplicates.
            call("POST", runPath + "/metrics", "{\"points\": [" + points + "]}");
        }
        call("PUT", runPath + "/values", "[{\"name\": \"acc\", \"context\": {\"subset\": \"test\"}, \"value\": " + number(0.9) + "}]");
        call("PATCH", runPath, "{\"status\": \"finished\"}");

        // Read back one series as columns. A name with "/" is one path segment: escape it (%2F).
        String val = call("GET", runPath + "/metrics/loss?format=columnar&context=" + query("{\"subset\":\"val\"}"), null);
        String norm = call("GET", runPath + "/metrics/grad%2Fnorm?format=columnar", null);
        // Lists come in pages ({"items": [...], "next_cursor": ...}; limit up to 1,000): follow the cursor.
        int runs = 0;
        String cursor = null;
        do {
            String page = call("GET", "/v1/repos/examples/runs?limit=1000" + (cursor == null ? "" : "&cursor=" + query(cursor)), null);
            runs += page.split("\"experiment\":").length - 1; // one per run item
            cursor = find(page, "\"next_cursor\":\"([^\"]+)\"");
        } while (cursor != null);
        System.out.println("run " + run + ": val loss [" + find(val, "\"values\":\\[([^\\]]*)\\]") + "] at steps ["
                + find(val, "\"steps\":\\[([^\\]]*)\\]") + "]; grad/norm [" + find(norm, "\"values\":\\[([^\\]]*)\\]") + "]; " + runs + " runs in the repo");
    }
}

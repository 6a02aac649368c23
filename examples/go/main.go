// A small runcamp logger in Go, standard library only: a run with params, metric series with
// contexts (one value NaN, one name with a "/"), a value, the run finished, then read back.
//
//	go run . [base-url] [run-id]     (default http://127.0.0.1:8787; start one with `npm start`)
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"
)

// Value is a float64 as the API writes it: a JSON number, or "NaN", "Infinity", "-Infinity"
// as strings (encoding/json refuses to marshal NaN and ±Inf, and JSON has no token for them).
type Value float64

func (v Value) MarshalJSON() ([]byte, error) {
	f := float64(v)
	switch {
	case math.IsNaN(f):
		return []byte(`"NaN"`), nil
	case math.IsInf(f, 1):
		return []byte(`"Infinity"`), nil
	case math.IsInf(f, -1):
		return []byte(`"-Infinity"`), nil
	}
	return json.Marshal(f)
}

func (v *Value) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil { // "NaN", "Infinity", "-Infinity"
		f, err := strconv.ParseFloat(s, 64)
		*v = Value(f)
		return err
	}
	var f float64
	err := json.Unmarshal(b, &f)
	*v = Value(f)
	return err
}

type Point struct {
	Name    string            `json:"name"`
	Context map[string]string `json:"context,omitempty"`
	Step    int               `json:"step"`
	Value   Value             `json:"value"`
	Epoch   int               `json:"epoch"`
}

var base = "http://127.0.0.1:8787"

// call sends body (if any) as JSON and decodes the answer into out (if any); a status of
// 400 or more is an error carrying the server's problem+json text.
func call(method, path string, body, out any) error {
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, base+path, reader)
	if err != nil {
		return err
	}
	req.Header.Set("content-type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	text, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode >= 400 {
		return fmt.Errorf("%s %s: %d %s", method, path, res.StatusCode, text)
	}
	if out != nil {
		return json.Unmarshal(text, out)
	}
	return nil
}

func main() {
	if len(os.Args) > 1 {
		base = os.Args[1]
	}
	run := fmt.Sprintf("go-%d", time.Now().UnixMilli())
	if len(os.Args) > 2 {
		run = os.Args[2]
	}
	if err := logAndRead(run); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func logAndRead(run string) error {
	runPath := "/v1/repos/examples/runs/" + run
	err := call("POST", "/v1/repos/examples/runs", map[string]any{
		"id": run, "experiment": "any-language", "tags": []string{"go"},
		"params": map[string]any{"lr": 0.001, "optimizer": "adam", "layers": 2},
	}, nil)
	if err != nil {
		return err
	}
	train, val := map[string]string{"subset": "train"}, map[string]string{"subset": "val"}
	for epoch := 0; epoch < 3; epoch++ {
		valLoss := 1.5 / float64(epoch+1)
		if epoch == 1 {
			valLoss = math.NaN() // a diverged evaluation: stored and read back as NaN
		}
		points := []Point{
			{Name: "loss", Context: train, Step: epoch, Value: Value(1 / float64(epoch+1)), Epoch: epoch},
			{Name: "loss", Context: val, Step: epoch, Value: Value(valLoss), Epoch: epoch},
			{Name: "grad/norm", Step: epoch, Value: Value(10 - epoch), Epoch: epoch},
		}
		// One request per epoch; re-sending a step overwrites it, so a retry never duplicates.
		if err := call("POST", runPath+"/metrics", map[string]any{"points": points}, nil); err != nil {
			return err
		}
	}
	values := []map[string]any{{"name": "acc", "context": map[string]string{"subset": "test"}, "value": Value(0.9)}}
	if err := call("PUT", runPath+"/values", values, nil); err != nil {
		return err
	}
	if err := call("PATCH", runPath, map[string]any{"status": "finished"}, nil); err != nil {
		return err
	}

	// Read back one series as columns. A name with "/" is one path segment: escape it (%2F).
	var series struct {
		Steps  []int   `json:"steps"`
		Values []Value `json:"values"`
	}
	query := url.Values{"context": {`{"subset":"val"}`}, "format": {"columnar"}}
	if err := call("GET", runPath+"/metrics/loss?"+query.Encode(), nil, &series); err != nil {
		return err
	}
	var norm struct {
		Values []Value `json:"values"`
	}
	if err := call("GET", runPath+"/metrics/"+url.PathEscape("grad/norm")+"?format=columnar", nil, &norm); err != nil {
		return err
	}
	// Lists come in pages ({"items": [...], "next_cursor": ...}; limit up to 1,000): follow the cursor.
	runs, cursor := 0, ""
	for {
		var page struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
			NextCursor *string `json:"next_cursor"`
		}
		query := url.Values{"limit": {"1000"}}
		if cursor != "" {
			query.Set("cursor", cursor)
		}
		if err := call("GET", "/v1/repos/examples/runs?"+query.Encode(), nil, &page); err != nil {
			return err
		}
		runs += len(page.Items)
		if page.NextCursor == nil {
			break
		}
		cursor = *page.NextCursor
	}
	fmt.Printf("run %s: val loss %v at steps %v; grad/norm %v; %d runs in the repo\n",
		run, floats(series.Values), series.Steps, floats(norm.Values), runs)
	return nil
}

func floats(vs []Value) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = float64(v)
	}
	return out
}

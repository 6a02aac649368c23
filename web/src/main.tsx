// The web UI: a single page app served by runcamp itself at `/`, talking to /v1.
import "uplot/dist/uPlot.min.css";
import "./styles.css";
// First, so <html data-theme> is set before anything renders.
import "./theme.ts";
import { render } from "preact";
import { LocationProvider, Route, Router } from "preact-iso";
import { TokenPrompt } from "./components/token-prompt.tsx";
import { CampaignPage } from "./pages/campaign-page.tsx";
import { ComparePage } from "./pages/compare-page.tsx";
import { MlflowRedirect, mlflowHashPath } from "./pages/mlflow-redirect.tsx";
import { ModelsPage } from "./pages/models-page.tsx";
import { NotFound } from "./pages/not-found.tsx";
import { ParamsPage } from "./pages/params-page.tsx";
import { ReposList } from "./pages/repos-list.tsx";
import { RunPage } from "./pages/run-page.tsx";
import { RunsTable } from "./pages/runs-table.tsx";
import { ScatterPage } from "./pages/scatter-page.tsx";

function App() {
  return (
    // Links to /docs, /openapi.json and /v1 are the server's, not routes of this app.
    <LocationProvider scope={/^\/(?!docs|openapi\.json|v1\/)/}>
      <Router>
        <Route path="/" component={ReposList} />
        <Route path="/repos/:repo" component={RunsTable} />
        <Route path="/repos/:repo/runs/:run" component={RunPage} />
        <Route path="/repos/:repo/compare" component={ComparePage} />
        <Route path="/repos/:repo/campaigns/:campaign" component={CampaignPage} />
        <Route path="/repos/:repo/models" component={ModelsPage} />
        <Route path="/repos/:repo/params" component={ParamsPage} />
        <Route path="/repos/:repo/scatter" component={ScatterPage} />
        <Route path="/experiments/:experiment" component={MlflowRedirect} />
        <Route path="/experiments/:experiment/runs/:run" component={MlflowRedirect} />
        <Route default component={NotFound} />
      </Router>
      <TokenPrompt />
    </LocationProvider>
  );
}

// MLflow's "View run" links are hash routes (`/#/experiments/1/runs/…`): the router reads
// paths, so the hash becomes the path it names before the first render.
const hashPath = mlflowHashPath(window.location.hash);
if (hashPath) history.replaceState(null, "", hashPath);

render(<App />, document.getElementById("app")!);

import { Layout } from "../components/layout.tsx";

export function NotFound() {
  return (
    <Layout crumbs={[{ label: "not found" }]}>
      <h1>Nothing here</h1>
      <p>
        This page does not exist. <a href="/">All repos</a>
      </p>
    </Layout>
  );
}

// The API requests the bench loads and times: one per kind of response the edge serves.

export interface Endpoint {
  name: string;
  path: string;
  /** Send If-None-Match with the ETag of a first GET (a browser or CDN revalidating). */
  revalidate?: boolean;
  status: number;
  /** Served from the isolate's response cache after the first request (the budget applies). */
  cached: boolean;
}

const RANKING = "occupations-by-median-wage";

export const endpoints: Endpoint[] = [
  { name: "ranking", path: `/api/v1/rankings/${RANKING}`, status: 200, cached: true },
  { name: "compare-occupations", path: "/api/v1/compare/occupations?a=data-scientists&b=statisticians", status: 200, cached: true },
  {
    name: "compare-metros",
    path: "/api/v1/compare/metros?a=new-york-newark-jersey-city-ny-nj&b=san-jose-sunnyvale-santa-clara-ca",
    status: 200,
    cached: true,
  },
  { name: "chart-spec", path: `/api/v1/charts/${RANKING}`, status: 200, cached: true },
  { name: "chart-svg", path: `/api/v1/charts/${RANKING}?format=svg`, status: 200, cached: true },
  { name: "ranking-csv", path: `/api/v1/rankings/${RANKING}?format=csv`, status: 200, cached: true },
  { name: "revalidate-304", path: `/api/v1/rankings/${RANKING}`, revalidate: true, status: 304, cached: true },
  { name: "not-found-404", path: "/api/v1/rankings/no-such-ranking", status: 404, cached: false },
];

/** What one endpoint answers: used to size the ceiling and static responses identically. */
export interface Probe {
  status: number;
  bytes: number;
  body: string;
  etag: string | null;
  type: string;
  /** The response's own headers (minus those workerd adds itself), for the ceiling to send the same. */
  responseHeaders: [string, string][];
}

/** Set by the runtime on every response, ours and the ceiling's alike. */
const RUNTIME_HEADERS = new Set(["content-length", "date", "transfer-encoding", "connection", "keep-alive"]);

export async function probe(base: string, ep: Endpoint): Promise<{ probe: Probe; headers: Record<string, string> }> {
  const first = await fetch(base + ep.path);
  const body = await first.text();
  const etag = first.headers.get("etag");
  const headers: Record<string, string> = ep.revalidate && etag ? { "if-none-match": etag } : {};
  const res = ep.revalidate ? await fetch(base + ep.path, { headers }) : first;
  if (ep.revalidate) await res.arrayBuffer();
  if (res.status !== ep.status) throw new Error(`${ep.name}: expected ${ep.status}, got ${res.status} from ${ep.path}`);
  const sent = ep.revalidate ? "" : body;
  return {
    probe: {
      status: res.status,
      bytes: Buffer.byteLength(sent),
      body: sent,
      etag,
      type: first.headers.get("content-type") ?? "",
      responseHeaders: [...res.headers].filter(([name]) => !RUNTIME_HEADERS.has(name)),
    },
    headers,
  };
}

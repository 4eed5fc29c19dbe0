// Reference static file server (Node `http`, files held in memory with ETags): `static-server.ts DIR PORT`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";

const [dir, port] = process.argv.slice(2) as [string, string];
const types: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
};
const files = new Map<string, { body: Buffer; etag: string; type: string }>(
  readdirSync(dir).map((name) => {
    const body = readFileSync(join(dir, name));
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 20)}"`;
    return [`/${name}`, { body, etag, type: types[extname(name)] ?? "application/octet-stream" }] as const;
  }),
);
const missing = files.get("/404.json")?.body ?? Buffer.from("Not found");

createServer((req, res) => {
  const file = files.get(req.url ?? "");
  if (!file || req.url === "/404.json") {
    res.writeHead(404, { "Content-Type": "application/problem+json", "Content-Length": missing.length });
    res.end(missing);
    return;
  }
  if (req.headers["if-none-match"] === file.etag) {
    res.writeHead(304, { ETag: file.etag });
    res.end();
    return;
  }
  res.writeHead(200, { "Content-Type": file.type, "Content-Length": file.body.length, ETag: file.etag });
  res.end(file.body);
}).listen(Number(port), "127.0.0.1");

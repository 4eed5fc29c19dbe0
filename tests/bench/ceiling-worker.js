// Ceiling worker: the fastest a workerd response can be, a constant body of the requested status and size.
const cache = new Map();
export default {
  fetch(request) {
    const url = request.url;
    let hit = cache.get(url);
    if (!hit) {
      const [, status, size] = new URL(url).pathname.split("/").slice(1);
      hit = { status: Number(status), body: Number(status) === 304 ? null : "x".repeat(Number(size)) };
      cache.set(url, hit);
    }
    return new Response(hit.body, { status: hit.status, headers: { "Content-Type": "application/json; charset=utf-8" } });
  },
};

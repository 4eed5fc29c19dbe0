// Ceiling worker: the fastest a workerd response can be, a constant body of the requested status and size,
// sent with the same response headers as the API response it stands beside (same bytes on the wire), so the
// comparison measures the app's work and not header serialisation. Everything is prepared once per URL:
// the body as bytes (a string body would be encoded again on every response) and the headers as a Headers
// object (the cheapest init for a Response in workerd; the app's cache holds its headers the same way).
// URL: /c/{status}/{size}?h={base64url of JSON [[name, value], …]} (h optional).
const cache = new Map();
const encoder = new TextEncoder();
export default {
  fetch(request) {
    const url = request.url;
    let hit = cache.get(url);
    if (!hit) {
      const u = new URL(url);
      const [, status, size] = u.pathname.split("/").slice(1);
      const h = u.searchParams.get("h");
      const pairs = h ? JSON.parse(atob(h.replace(/-/g, "+").replace(/_/g, "/"))) : [["Content-Type", "application/json; charset=utf-8"]];
      hit = { body: Number(status) === 304 ? null : encoder.encode("x".repeat(Number(size))), init: { status: Number(status), headers: new Headers(pairs) } };
      cache.set(url, hit);
    }
    return new Response(hit.body, hit.init);
  },
};

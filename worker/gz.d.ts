// Wrangler's Data rule turns *.gz imports into ArrayBuffers.
declare module "*.gz" {
  const data: ArrayBuffer;
  export default data;
}

// The public entry of core: data, worker and widgets import from here only.
export * from "./schemas";
export { bounds, PRSE_CAUTION_THRESHOLD, reliabilityMarks } from "./vocab";
export * from "./keys";
export * from "./release";
export {
  API_PREFIX,
  embedKinds,
  embedThemes,
  formats,
  paths,
  templated,
  type EmbedKind,
  type EmbedTheme,
  type FormatOf,
  type FragmentKind,
  type PathName,
} from "./urls";
export * as urls from "./urls";
export * from "./rank";
export * from "./compare";
export * from "./charts";
export * from "./messages";
export * from "./csv";
export * from "./manifest";
export * from "./metrics";
export * from "./format";
export * from "./embed";
export * from "./content";
export * from "./fragments";
export * from "./notes";
export * from "./api";
export * from "./cards";
export * from "./report-text";
export * from "./profile-text";
export * from "./cite";

// Parses API payloads with core's widget schemas (zod/mini); loaded once per page. It imports nothing the
// loader also imports, so the loader has no shared chunk to fetch before it runs. The loader fetches each
// payload at the same time as this chunk (see ../chunks.ts) and hands the JSON here.
import { ComparisonPayload, FactPayload, ProfilePayload, RankingPayload } from "../../core/embed";

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false } };

/** The parsed payload, or null when it does not match the schema. */
const parser =
  <T>(schema: Schema<T>) =>
  (json: unknown): T | null => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : null;
  };

export const parseRanking = parser(RankingPayload);
export const parseComparison = parser(ComparisonPayload);
export const parseFact = parser(FactPayload);
export const parseProfile = parser(ProfilePayload);

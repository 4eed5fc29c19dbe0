// The one error of the data pipeline: bad input named by file, row and field, turned into `file:row: field: reason`.
import type { z } from "zod";

export class BuildError extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}:${row}: ${field}: ${reason}`);
    this.name = "BuildError";
  }

  /** The first issue of a failed zod parse, as a BuildError at `file:row`. */
  static fromZod(file: string, row: number, error: z.ZodError, fallbackField = "(item)"): BuildError {
    const issue = error.issues[0]!;
    const path = issue.path.map(String).join(".");
    return new BuildError(file, row, path || fallbackField, issue.message);
  }
}

import { describe, expect, it } from "vitest";
import { safeErrorForLog } from "./app";

describe("errors written to the log", () => {
  it("keep the statement and stack but never a failed query's parameters", () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "staff_account_email_unique"'),
      {
        code: "23505",
      },
    );
    const error = new Error(
      'Failed query: insert into "participant" ("given_name") values ($1)\nparams: Alex,Hughes,1980-02-03',
      {
        cause,
      },
    );
    const logged = safeErrorForLog(error);
    expect(JSON.stringify(logged)).not.toContain("Hughes");
    expect(logged).toMatchObject({
      code: "23505",
      message: 'Failed query: insert into "participant" ("given_name") values ($1)',
    });
    expect(logged.stack).toMatch(/^\s+at /);
  });
});

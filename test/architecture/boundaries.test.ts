import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkBoundaries,
  compareWithKnown,
  countLines,
  describeKnown,
  describeViolation,
  featureCycles,
  importsOf,
  loadSourceTree,
  MAX_LINES,
  readSpecifiers,
  type SourceTree,
  type Violation,
} from "./boundaries";
import { knownViolations } from "./known-violations";

const rulesOf = (tree: SourceTree) => checkBoundaries(tree).map((violation) => violation.rule);
const lines = (count: number) => "export const x = 1;\n".repeat(count);

describe("reading imports", () => {
  it("counts static, type-only, re-exported, dynamic and type-query imports, not strings or comments", () => {
    const source = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'import { type C } from "./c";',
      'export { d } from "./d";',
      'export * from "./e";',
      'import "./f";',
      'const g = await import("./g");',
      'type H = typeof import("./h");',
      '// import { z } from "./comment";',
      'const text = "import { y } from \\"./string\\"";',
    ].join("\n");
    expect(readSpecifiers("src/x.ts", source)).toEqual([
      { text: "./a", line: 1, typeOnly: false },
      { text: "./b", line: 2, typeOnly: true },
      { text: "./c", line: 3, typeOnly: true },
      { text: "./d", line: 4, typeOnly: false },
      { text: "./e", line: 5, typeOnly: false },
      { text: "./f", line: 6, typeOnly: false },
      { text: "./g", line: 7, typeOnly: false },
      { text: "./h", line: 8, typeOnly: true },
    ]);
  });

  it("reads .tsx and resolves a specifier to .ts, .tsx or a folder's index.ts", () => {
    const tree = {
      "src/features/a/views.tsx": 'import { b } from "../b/service";\nexport const V = () => <p>{b}</p>;\n',
      "src/features/a/routes.ts": 'import { V } from "./views";\nimport { i } from "../c";\n',
      "src/features/b/service.ts": "export const b = 1;\n",
      "src/features/c/index.ts": "export const i = 1;\n",
    };
    expect(importsOf(tree).map((edge) => `${edge.from} -> ${edge.to}`)).toEqual([
      "src/features/a/views.tsx -> src/features/b/service.ts",
      "src/features/a/routes.ts -> src/features/a/views.tsx",
      "src/features/a/routes.ts -> src/features/c/index.ts",
    ]);
  });

  it("counts lines as wc -l does", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("a\nb\n")).toBe(2);
    expect(countLines("a\nb")).toBe(1);
  });
});

describe("a: nothing under src/platform/ imports a feature", () => {
  it("reports a planted import, type-only and dynamic ones included", () => {
    const tree = {
      "src/platform/http/pages.ts": 'import type { Plan } from "../../features/plans/service";\n',
      "src/platform/web/layout.tsx": 'const m = await import("../../features/home/routes");\n',
      "src/platform/web/layout.test.tsx": 'import { x } from "../../features/home/views";\n',
    };
    expect(checkBoundaries(tree)).toEqual([
      {
        rule: "platform-imports-feature",
        from: "src/platform/http/pages.ts",
        to: "src/features/plans/service",
        line: 1,
      },
      {
        rule: "platform-imports-feature",
        from: "src/platform/web/layout.tsx",
        to: "src/features/home/routes",
        line: 1,
      },
      {
        rule: "platform-imports-feature",
        from: "src/platform/web/layout.test.tsx",
        to: "src/features/home/views",
        line: 1,
      },
    ]);
  });

  it("leaves platform importing platform, and features importing platform, alone", () => {
    const tree = {
      "src/platform/http/pages.ts": 'import { render } from "../web/render";\n',
      "src/features/plans/routes.ts": 'import { render } from "../../platform/web/render";\n',
    };
    expect(checkBoundaries(tree)).toEqual([]);
  });
});

describe("b: a feature imports another only through its service.ts or schema.ts", () => {
  it("reports an import of another feature's inner file, at its top level or in a sub-folder", () => {
    const tree = {
      "src/features/plans/routes.ts": [
        'import { jobs } from "../employment/jobs";',
        'import { rtw } from "../employment/return-to-work/rules";',
        'export { x } from "../contacts/request";',
      ].join("\n"),
    };
    expect(checkBoundaries(tree).map(describeViolation)).toEqual([
      expect.stringMatching(
        /^src\/features\/plans\/routes.ts:1 imports src\/features\/employment\/jobs .*rule b/,
      ),
      expect.stringMatching(/routes.ts:2 imports src\/features\/employment\/return-to-work\/rules .*rule b/),
      expect.stringMatching(/routes.ts:3 imports src\/features\/contacts\/request .*rule b/),
    ]);
  });

  it("allows service.ts and schema.ts, in the feature or one of its sub-folders, its own files, and tests", () => {
    const tree = {
      "src/features/plans/routes.ts": [
        'import { a } from "../employment/service";',
        'import { b } from "../employment/schema";',
        'import { c } from "../employment/employers/service";',
        'import type { D } from "../employment/return-to-work/schema";',
        'import { e } from "./handlers";',
      ].join("\n"),
      "src/features/plans/routes.test.ts": 'import { jobs } from "../employment/jobs";\n',
      "src/features/plans/routes.int.test.ts": 'import { jobs } from "../employment/jobs";\n',
    };
    expect(checkBoundaries(tree)).toEqual([]);
  });

  it("holds src/demo to the same doors", () => {
    const tree = {
      "src/demo/seed.ts":
        'import { a } from "../features/plans/service";\nimport { b } from "../features/plans/edits";\n',
    };
    expect(checkBoundaries(tree)).toEqual([
      { rule: "reaches-into-feature", from: "src/demo/seed.ts", to: "src/features/plans/edits", line: 2 },
    ]);
  });

  it("lets nothing import src/demo but src/main.ts, src/app.ts and tests", () => {
    const tree = {
      "src/main.ts": 'import { seed } from "./demo/seed";\n',
      "src/app.ts": 'import { seed } from "./demo/seed";\n',
      "src/app.test.ts": 'import { seed } from "./demo/seed";\n',
      "src/demo/seed.ts": 'import { people } from "./participants";\n',
      "src/demo/participants.ts": "export const people = [];\n",
      "src/config.ts": 'import { seed } from "./demo/seed";\n',
      "src/features/home/routes.ts": 'import { seed } from "../../demo/seed";\n',
    };
    expect(checkBoundaries(tree)).toEqual([
      { rule: "imports-demo", from: "src/config.ts", to: "src/demo/seed.ts", line: 1 },
      { rule: "imports-demo", from: "src/features/home/routes.ts", to: "src/demo/seed.ts", line: 1 },
    ]);
  });
});

describe("c: no import cycle between features", () => {
  const cyclic = {
    "src/features/a/service.ts": 'import type { B } from "../b/schema";\n',
    "src/features/b/schema.ts": 'import { c } from "../c/service";\n',
    "src/features/c/service.ts": 'import { a } from "../a/service";\nimport { b } from "../b/schema";\n',
  };

  it("reports each cycle as its features and one import per edge, type-only imports included", () => {
    expect(checkBoundaries(cyclic)).toEqual([
      {
        rule: "feature-cycle",
        features: ["a", "b", "c"],
        imports: [
          { from: "src/features/a/service.ts", to: "src/features/b/schema.ts", line: 1, typeOnly: true },
          { from: "src/features/b/schema.ts", to: "src/features/c/service.ts", line: 1, typeOnly: false },
          { from: "src/features/c/service.ts", to: "src/features/a/service.ts", line: 1, typeOnly: false },
        ],
      },
      {
        rule: "feature-cycle",
        features: ["b", "c"],
        imports: [
          { from: "src/features/b/schema.ts", to: "src/features/c/service.ts", line: 1, typeOnly: false },
          { from: "src/features/c/service.ts", to: "src/features/b/schema.ts", line: 2, typeOnly: false },
        ],
      },
    ]);
    const [first] = checkBoundaries(cyclic);
    expect(describeViolation(first!)).toBe(
      "features a -> b -> c -> a (rule c: no import cycle between features): " +
        "src/features/a/service.ts:1 imports src/features/b/schema.ts; " +
        "src/features/b/schema.ts:1 imports src/features/c/service.ts; " +
        "src/features/c/service.ts:1 imports src/features/a/service.ts",
    );
  });

  it("finds none in a graph that only goes one way, and ignores tests", () => {
    const acyclic = {
      "src/features/a/service.ts": 'import { b } from "../b/service";\nimport { c } from "../c/service";\n',
      "src/features/b/service.ts": 'import { c } from "../c/service";\n',
      "src/features/c/service.ts": "export const c = 1;\n",
      "src/features/c/service.test.ts": 'import { a } from "../a/service";\n',
    };
    expect(checkBoundaries(acyclic)).toEqual([]);
  });

  it("lists every elementary cycle once, from its alphabetically first feature", () => {
    const edges = [
      ["x", "y"],
      ["y", "x"],
      ["y", "z"],
      ["z", "x"],
    ].map(([from, to]) => ({
      from: `src/features/${from}/service.ts`,
      to: `src/features/${to}/service.ts`,
      line: 1,
      typeOnly: false,
    }));
    expect(featureCycles(edges).map((cycle) => cycle.rule === "feature-cycle" && cycle.features)).toEqual([
      ["x", "y"],
      ["x", "y", "z"],
    ]);
  });
});

describe("d: no drizzle-orm in a routes or views file", () => {
  it("reports drizzle-orm in routes.ts, *-routes.ts, views.tsx, *-views.tsx and any .tsx in a feature", () => {
    const drizzle = 'import { eq } from "drizzle-orm";\n';
    const tree = {
      "src/features/a/routes.ts": drizzle,
      "src/features/a/job-routes.ts": 'import type { PgTable } from "drizzle-orm/pg-core";\n',
      "src/features/a/views.tsx": drizzle,
      "src/features/a/job-views.tsx": drizzle,
      "src/features/a/page.tsx": drizzle,
      "src/platform/auth/routes.ts": drizzle,
    };
    expect(checkBoundaries(tree).map((violation) => violation.rule === "drizzle-in-routes-or-views")).toEqual(
      Object.keys(tree).map(() => true),
    );
  });

  it("lets services, schemas and other files use drizzle-orm", () => {
    const drizzle = 'import { eq } from "drizzle-orm";\n';
    const tree = {
      "src/features/a/service.ts": drizzle,
      "src/features/a/schema.ts": 'import { pgTable } from "drizzle-orm/pg-core";\n',
      "src/features/a/routes-helper.ts": drizzle,
      "src/platform/web/render.tsx": drizzle,
    };
    expect(checkBoundaries(tree)).toEqual([]);
  });
});

describe(`e: no file under src/ over ${MAX_LINES} lines`, () => {
  it("reports a file one line over, not one at the limit", () => {
    expect(checkBoundaries({ "src/features/a/long.ts": lines(MAX_LINES + 1) })).toEqual([
      { rule: "file-too-long", file: "src/features/a/long.ts", lines: MAX_LINES + 1 },
    ]);
    expect(rulesOf({ "src/features/a/long.ts": lines(MAX_LINES) })).toEqual([]);
  });
});

describe("the ratchet", () => {
  const found: Violation[] = [
    { rule: "reaches-into-feature", from: "src/features/a/x.ts", to: "src/features/b/y.ts", line: 3 },
    { rule: "file-too-long", file: "src/features/a/long.ts", lines: 450 },
  ];

  it("passes when today's violations are exactly the known ones, a long file no longer than listed", () => {
    expect(
      compareWithKnown(found, [
        { rule: "reaches-into-feature", from: "src/features/a/x.ts", to: "src/features/b/y.ts" },
        { rule: "file-too-long", file: "src/features/a/long.ts", lines: 460 },
      ]),
    ).toEqual({ added: [], fixed: [], grown: [] });
  });

  it("names a new violation, a fixed one still listed, and a long file that grew", () => {
    const result = compareWithKnown(found, [
      { rule: "file-too-long", file: "src/features/a/long.ts", lines: 420 },
      { rule: "feature-cycle", features: ["a", "b"] },
    ]);
    expect(result.added).toEqual([found[0]]);
    expect(result.fixed.map(describeKnown)).toEqual([
      "feature-cycle a -> b (rule c: no import cycle between features)",
    ]);
    expect(result.grown).toEqual([{ violation: found[1], allowed: 420 }]);
  });
});

describe("the real tree", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const { added, fixed, grown } = compareWithKnown(checkBoundaries(loadSourceTree(root)), knownViolations);
  const regenerate = "npx tsx test/architecture/print-violations.ts --write";

  it("has no boundary violation that is not on the known list", () => {
    expect(
      added.map(describeViolation),
      "New boundary violations: fix them (the rules are in docs/architecture.md); " +
        "test/architecture/known-violations.ts lists only those that were there before the test",
    ).toEqual([]);
  });

  it("has no long file that grew past its listed length", () => {
    expect(
      grown.map(
        ({ violation, allowed }) =>
          `${violation.file} has ${violation.lines} lines, more than the ${allowed} it had when listed (rule e)`,
      ),
      "A file already over the line limit grew: make it shorter, or split it",
    ).toEqual([]);
  });

  it("still has every violation on the known list, so the list only shrinks", () => {
    expect(
      fixed.map(describeKnown),
      `Fixed, well done: take these off test/architecture/known-violations.ts (or run ${regenerate})`,
    ).toEqual([]);
  });
});

// The architecture's boundaries, checked over source text (docs/architecture.md, decision 64).
// The checker is pure over a map of path -> source so the tests can plant a violation in a tree of
// three files; `loadSourceTree` reads the real one. Imports are read with the TypeScript compiler's
// parser, not a regular expression, so `import type`, `export … from` and `import()` all count and
// an import written inside a string or comment does not.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** A source tree: paths relative to the repository, with forward slashes ("src/app.ts"). */
export type SourceTree = Record<string, string>;

export const MAX_LINES = 400;

export const RULES = {
  "platform-imports-feature": "a: nothing under src/platform/ imports anything under src/features/",
  "reaches-into-feature":
    "b: a feature (or src/demo) imports another feature only through its service.ts or schema.ts",
  "feature-cycle": "c: no import cycle between features",
  "drizzle-in-routes-or-views": "d: no drizzle-orm import in a routes or views file",
  "file-too-long": `e: no file under src/ over ${MAX_LINES} lines`,
  "imports-demo": "nothing imports src/demo except src/main.ts, src/app.ts and tests",
} as const;

export type Rule = keyof typeof RULES;
type ImportRule = Exclude<Rule, "feature-cycle" | "file-too-long">;

/** One import of one file: where it points and whether it is erased at compile time. */
export type ImportEdge = { from: string; to: string; line: number; typeOnly: boolean };

export type Violation =
  | { rule: ImportRule; from: string; to: string; line: number }
  | { rule: "feature-cycle"; features: string[]; imports: ImportEdge[] }
  | { rule: "file-too-long"; file: string; lines: number };

/** The ratchet list's shape: today's violations, without line numbers that move with every edit. */
export type KnownViolation =
  | { rule: ImportRule; from: string; to: string }
  | { rule: "feature-cycle"; features: string[] }
  | { rule: "file-too-long"; file: string; lines: number };

type Specifier = { text: string; line: number; typeOnly: boolean };

/** Every module specifier a file names: static, type-only, re-exports, `import()` and `import("x").T`. */
export function readSpecifiers(file: string, source: string): Specifier[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, kind);
  const found: Specifier[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    found.push({ text: literal.text, line, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "x"` runs x
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** A relative specifier as the file it names (tried as .ts, .tsx, /index.ts, /index.tsx). */
export function resolveSpecifier(from: string, specifier: string, tree: SourceTree): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  // A target outside the tree (a planted test tree names only what it needs) still has a path.
  return candidates.find((candidate) => candidate in tree) ?? base;
}

export const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The feature a file belongs to ("contacts"), or undefined outside src/features/. */
export function featureOf(file: string): string | undefined {
  const match = /^src\/features\/([^/]+)\//.exec(file);
  return match?.[1];
}

const isDemo = (file: string) => file.startsWith("src/demo/");

/** A feature's doors: service.ts or schema.ts at its top level or in any of its sub-folders. */
function isFeatureDoor(file: string): boolean {
  const name = path.posix.basename(file).replace(/\.tsx?$/, "");
  return name === "service" || name === "schema";
}

function isRoutesOrViews(file: string): boolean {
  const name = path.posix.basename(file);
  if (/^(.+-)?routes\.ts$/.test(name) || /^(.+-)?views\.tsx$/.test(name)) return true;
  return file.startsWith("src/features/") && name.endsWith(".tsx");
}

/** `wc -l`: the number of newline characters. */
export const countLines = (source: string) => source.split("\n").length - 1;

export function importsOf(tree: SourceTree): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [file, source] of Object.entries(tree)) {
    for (const specifier of readSpecifiers(file, source)) {
      const to = resolveSpecifier(file, specifier.text, tree) ?? specifier.text;
      edges.push({ from: file, to, line: specifier.line, typeOnly: specifier.typeOnly });
    }
  }
  return edges;
}

export function checkBoundaries(tree: SourceTree): Violation[] {
  const violations: Violation[] = [];
  const edges = importsOf(tree);
  const seen = new Set<string>();
  const report = (rule: ImportRule, edge: ImportEdge) => {
    const key = `${rule}\0${edge.from}\0${edge.to}`;
    if (seen.has(key)) return; // `import type` and `import` of one file are one crossing
    seen.add(key);
    violations.push({ rule, from: edge.from, to: edge.to, line: edge.line });
  };

  for (const edge of edges) {
    const { from, to } = edge;
    if (from.startsWith("src/platform/") && to.startsWith("src/features/")) {
      report("platform-imports-feature", edge);
    }
    const fromFeature = featureOf(from);
    const toFeature = featureOf(to);
    const consumer = fromFeature ?? (isDemo(from) ? "demo" : undefined);
    if (consumer && toFeature && consumer !== toFeature && !isTest(from) && !isFeatureDoor(to)) {
      report("reaches-into-feature", edge);
    }
    if (isDemo(to) && !isDemo(from) && from !== "src/main.ts" && from !== "src/app.ts" && !isTest(from)) {
      report("imports-demo", edge);
    }
    if (isRoutesOrViews(from) && (to === "drizzle-orm" || to.startsWith("drizzle-orm/"))) {
      report("drizzle-in-routes-or-views", edge);
    }
  }

  violations.push(...featureCycles(edges));

  for (const [file, source] of Object.entries(tree)) {
    const lines = countLines(source);
    if (file.startsWith("src/") && lines > MAX_LINES) violations.push({ rule: "file-too-long", file, lines });
  }
  return violations;
}

/**
 * Cycles in the feature graph (non-test imports, type-only included), each once, starting at its
 * alphabetically first feature, with one import that makes each of its edges. Every elementary
 * cycle is reported, not just the knot as a whole, so untying one edge visibly removes the cycles
 * through it from the ratchet list. A plain depth-first search: a dozen features need no more.
 */
export function featureCycles(edges: ImportEdge[]): Violation[] {
  const witness = new Map<string, ImportEdge>(); // "a>b" -> the first import from a into b
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = featureOf(edge.from);
    const to = featureOf(edge.to);
    if (!from || !to || from === to || isTest(edge.from)) continue;
    const key = `${from}>${to}`;
    if (!witness.has(key)) witness.set(key, edge);
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  const features = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((set) => [...set])])].sort();
  const cycles: string[][] = [];
  // Elementary cycles whose smallest feature is `start`: a depth-first search over larger features.
  for (const start of features) {
    const path: string[] = [start];
    const onPath = new Set([start]);
    const walk = (node: string) => {
      for (const next of [...(graph.get(node) ?? [])].sort()) {
        if (next === start) cycles.push([...path]);
        else if (next > start && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          path.pop();
          onPath.delete(next);
        }
      }
    };
    walk(start);
  }
  return cycles.map((cycle) => ({
    rule: "feature-cycle",
    features: cycle,
    imports: cycle.map((from, index) => witness.get(`${from}>${cycle[(index + 1) % cycle.length]}`)!),
  }));
}

/** Every .ts and .tsx file under `root`/src, keyed by its path from `root`. */
export function loadSourceTree(root: string): SourceTree {
  const tree: SourceTree = {};
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(path.join(root, directory), { withFileTypes: true })) {
      const relative = `${directory}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name))
        tree[relative] = fs.readFileSync(path.join(root, relative), "utf8");
    }
  };
  walk("src");
  // In path order, so the import chosen to witness a cycle's edge is the same on every machine.
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The ratchet entry a violation is matched by. */
export function toKnown(violation: Violation): KnownViolation {
  if (violation.rule === "feature-cycle") return { rule: violation.rule, features: violation.features };
  if (violation.rule === "file-too-long") return violation;
  return { rule: violation.rule, from: violation.from, to: violation.to };
}

function keyOf(entry: KnownViolation): string {
  if (entry.rule === "feature-cycle") return `${entry.rule} ${entry.features.join(" -> ")}`;
  if (entry.rule === "file-too-long") return `${entry.rule} ${entry.file}`;
  return `${entry.rule} ${entry.from} -> ${entry.to}`;
}

export function describeViolation(violation: Violation): string {
  const rule = `rule ${RULES[violation.rule]}`;
  if (violation.rule === "file-too-long") return `${violation.file} has ${violation.lines} lines (${rule})`;
  if (violation.rule === "feature-cycle") {
    const edges = violation.imports.map((edge) => `${edge.from}:${edge.line} imports ${edge.to}`);
    return `features ${[...violation.features, violation.features[0]].join(" -> ")} (${rule}): ${edges.join("; ")}`;
  }
  return `${violation.from}:${violation.line} imports ${violation.to} (${rule})`;
}

/**
 * Today's violations against the ratchet list: `added` are new (the build fails until they are
 * fixed), `fixed` are listed but gone (the build fails until they are taken off the list, so it
 * only shrinks), `grown` are long files now longer than the list allows.
 */
export function compareWithKnown(found: Violation[], known: KnownViolation[]) {
  const knownByKey = new Map(known.map((entry) => [keyOf(entry), entry]));
  const foundKeys = new Set(found.map((violation) => keyOf(toKnown(violation))));
  const added: Violation[] = [];
  const grown: { violation: Violation & { rule: "file-too-long" }; allowed: number }[] = [];
  for (const violation of found) {
    const entry = knownByKey.get(keyOf(toKnown(violation)));
    if (!entry) added.push(violation);
    else if (violation.rule === "file-too-long" && entry.rule === "file-too-long") {
      if (violation.lines > entry.lines) grown.push({ violation, allowed: entry.lines });
    }
  }
  const fixed = known.filter((entry) => !foundKeys.has(keyOf(entry)));
  return { added, fixed, grown };
}

export function describeKnown(entry: KnownViolation): string {
  return `${keyOf(entry)} (rule ${RULES[entry.rule]})`;
}

/** known-violations.ts as it should read for these violations (the printer's output). */
export function formatKnownViolations(violations: Violation[]): string {
  const order = Object.keys(RULES) as Rule[];
  const byKey = (a: Violation, b: Violation) => (keyOf(toKnown(a)) < keyOf(toKnown(b)) ? -1 : 1);
  const sorted = [...violations].sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule) || byKey(a, b));
  const lines = [
    "// Today's boundary violations: a ratchet. The boundaries test fails on any violation not listed",
    "// here and on any listed one that is gone, so this list only shrinks. Regenerate it with",
    "//   npx tsx test/architecture/print-violations.ts --write",
    "// and read the diff: it should only lose lines. See docs/architecture.md.",
    'import type { KnownViolation } from "./boundaries";',
    "",
    "export const knownViolations: KnownViolation[] = [",
  ];
  let rule: Rule | undefined;
  for (const violation of sorted) {
    if (violation.rule !== rule) {
      rule = violation.rule;
      lines.push(`  // ${RULES[rule]}`);
    }
    if (violation.rule === "feature-cycle") {
      // Which imports make the cycle, for the reader; line numbers would go stale, so none.
      for (const edge of violation.imports) lines.push(`  //   ${edge.from} -> ${edge.to}`);
    }
    lines.push(...formatEntry(toKnown(violation)));
  }
  lines.push("];", "");
  return lines.join("\n");
}

// One line when it fits Biome's line width (110), else one property a line: both are how Biome
// itself would print the object, so the written file passes `biome check` as it is.
function formatEntry(entry: KnownViolation): string[] {
  const literal = (value: unknown): string =>
    Array.isArray(value) ? `[${value.map(literal).join(", ")}]` : JSON.stringify(value);
  const properties = Object.entries(entry).map(([key, value]) => `${key}: ${literal(value)}`);
  const oneLine = `  { ${properties.join(", ")} },`;
  if (oneLine.length <= 110) return [oneLine];
  return ["  {", ...properties.map((property) => `    ${property},`), "  },"];
}

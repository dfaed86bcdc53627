// Prints today's boundary violations in known-violations.ts's format, with no test runner, so the
// ratchet list can be regenerated in one command after a merge:
//   npx tsx test/architecture/print-violations.ts           (to standard output)
//   npx tsx test/architecture/print-violations.ts --write   (over known-violations.ts)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkBoundaries, formatKnownViolations, loadSourceTree } from "./boundaries";

const here = path.dirname(fileURLToPath(import.meta.url));
const text = formatKnownViolations(checkBoundaries(loadSourceTree(path.resolve(here, "../.."))));
if (process.argv.includes("--write")) fs.writeFileSync(path.join(here, "known-violations.ts"), text);
else process.stdout.write(text);

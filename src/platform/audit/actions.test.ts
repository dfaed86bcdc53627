import { describe, expect, it } from "vitest";
import { createTranslator, isMessageKey } from "../web/i18n";
import { auditActions } from "./actions";

describe("audit actions", () => {
  it("gives every action the code may write a label of its own", () => {
    const missing = auditActions.filter((action) => !isMessageKey(`auditAction.${action}`));
    expect(missing).toEqual([]);
    const t = createTranslator();
    expect(t.t("auditAction.participant.emergency_access" as never)).toBe("Granted emergency access");
  });

  it("lists each action once", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});

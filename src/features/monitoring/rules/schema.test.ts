import { describe, expect, it } from "vitest";
import { defaultRuleSettings, ruleSettingsSchema } from "./schema";

describe("the settings form", () => {
  it("defaults are valid and a form post parses to the same settings", () => {
    expect(ruleSettingsSchema.parse(defaultRuleSettings)).toEqual(defaultRuleSettings);
    const form = Object.fromEntries(
      Object.entries(defaultRuleSettings).flatMap(([name, value]) =>
        typeof value === "boolean" ? (value ? [[name, "yes"]] : []) : [[name, String(value)]],
      ),
    );
    expect(ruleSettingsSchema.parse(form)).toEqual(defaultRuleSettings);
  });

  it("a threshold outside its limits, not a whole number, or left empty names that field", () => {
    const bad = {
      ...defaultRuleSettings,
      noContactDays: "3",
      missedAppointmentsCount: "2.5",
      jobEndingDays: "",
    };
    const result = ruleSettingsSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["noContactDays", "validation.ruleSettings.noContactDays"],
      ["missedAppointmentsCount", "validation.ruleSettings.missedAppointmentsCount"],
      ["jobEndingDays", "validation.ruleSettings.jobEndingDays"],
    ]);
  });
});

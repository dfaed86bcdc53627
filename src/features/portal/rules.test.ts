import { describe, expect, it } from "vitest";
import { actionsDueSoon, type OwnAction } from "./rules";

const action = (id: string, dueDate: string, status: OwnAction["status"] = "to_do"): OwnAction => ({
  id,
  description: id,
  dueDate,
  status,
  version: 1,
});

describe("what is due soon on the participant's home page", () => {
  it("shows open actions due within a fortnight, overdue ones first", () => {
    const due = actionsDueSoon(
      [action("later", "2026-12-20"), action("overdue", "2026-11-01"), action("soon", "2026-11-30")],
      "2026-11-23",
    );
    expect(due.map((item) => item.id)).toEqual(["overdue", "soon"]);
  });

  it("leaves out actions already done or no longer needed", () => {
    const due = actionsDueSoon(
      [action("done", "2026-11-24", "done"), action("dropped", "2026-11-24", "no_longer_needed")],
      "2026-11-23",
    );
    expect(due).toEqual([]);
  });

  it("counts the fourteenth day as soon, the fifteenth as not yet", () => {
    const due = actionsDueSoon([action("14", "2026-12-07"), action("15", "2026-12-08")], "2026-11-23");
    expect(due.map((item) => item.id)).toEqual(["14"]);
  });
});

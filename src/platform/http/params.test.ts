import { describe, expect, it } from "vitest";
import { uuidFrom } from "./params";

describe("ids in a request", () => {
  it("gives back a uuid and treats anything else as naming nothing", () => {
    const id = "0b6f3c1e-8a2d-4f5b-9c7e-1d2a3b4c5d6e";
    expect(uuidFrom({ employerId: id }, "employerId")).toBe(id);
    expect(uuidFrom({ employerId: "42" }, "employerId")).toBeUndefined();
    expect(uuidFrom({ employerId: [id] }, "employerId")).toBeUndefined();
    expect(uuidFrom({}, "employerId")).toBeUndefined();
    expect(uuidFrom(undefined, "employerId")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { originVerdict } from "./origin-check";

const ours = "https://tandem.example.nhs.uk";

describe("where an unsafe request came from", () => {
  it("trusts the browser's Sec-Fetch-Site when it is sent", () => {
    expect(originVerdict({ "sec-fetch-site": "same-origin" }, ours)).toBe("allowed");
    expect(originVerdict({ "sec-fetch-site": "none" }, ours)).toBe("allowed");
    expect(originVerdict({ "sec-fetch-site": "same-site" }, ours)).toBe("cross-site");
    expect(originVerdict({ "sec-fetch-site": "cross-site", origin: ours }, ours)).toBe("cross-site");
  });

  it("otherwise compares Origin with PUBLIC_URL's origin", () => {
    expect(originVerdict({ origin: ours }, ours)).toBe("allowed");
    expect(originVerdict({ origin: "https://evil.example" }, ours)).toBe("cross-site");
    expect(originVerdict({ origin: "http://tandem.example.nhs.uk" }, ours)).toBe("cross-site");
    expect(originVerdict({ origin: "https://tandem.example.nhs.uk.evil.example" }, ours)).toBe("cross-site");
    expect(originVerdict({ origin: "null" }, ours)).toBe("cross-site");
  });

  it("lets a caller that is not a browser through, to be judged by its token", () => {
    expect(originVerdict({}, ours)).toBe("allowed");
  });

  it("refuses a header sent twice with different values", () => {
    expect(originVerdict({ "sec-fetch-site": ["same-origin", "cross-site"] }, ours)).toBe("cross-site");
  });
});

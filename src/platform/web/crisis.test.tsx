import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { CrisisInformation } from "./crisis";
import { createTranslator } from "./i18n";

const t = createTranslator("en-GB");

describe("crisis information", () => {
  it("shows the UK defaults, marked as defaults on staff pages, when the organisation has written none", () => {
    const html = renderToString(<CrisisInformation t={t} text={null} forStaff />);
    expect(html).toContain("NHS 111 and choose option 2");
    expect(html).toContain("call 999");
    expect(html).toContain("116 123");
    expect(html).toContain("administrator can replace them with local crisis information");
  });

  it("leaves the note about the administrator off what the person reads, keeping the defaults", () => {
    const html = renderToString(<CrisisInformation t={t} text={null} />);
    expect(html).toContain("NHS 111 and choose option 2");
    expect(html).toContain("116 123");
    expect(html).not.toContain("administrator");
  });

  it("shows the organisation's own words, a paragraph per line, and no default", () => {
    const html = renderToString(
      <CrisisInformation t={t} text={"Local crisis line: 0800 000 0000\n\nOpen all night"} />,
    );
    expect(html).toContain("<p>Local crisis line: 0800 000 0000</p><p>Open all night</p>");
    expect(html).not.toContain("116 123");
  });
});

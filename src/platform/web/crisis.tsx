import type { Translator } from "./i18n";

/**
 * Where to get urgent help, shown prominently after a safety concern. The organisation's own
 * words when it has written them; otherwise the UK defaults from the catalogue, which each
 * organisation is expected to replace with its local crisis line.
 */
export function CrisisInformation({
  t,
  text,
  forStaff = false,
}: {
  t: Translator;
  text: string | null;
  /**
   * Staff pages only: the note that an administrator can replace the defaults. On what the person
   * reads (their own pages, the plan printed for them) it is noise about a screen they never see.
   */
  forStaff?: boolean;
}) {
  const paragraphs = (text ?? t.t("crisis.default")).split(/\n+/).filter((line) => line.trim() !== "");
  return (
    <div class="app-crisis-information">
      <h3 class="nhsuk-heading-s">{t.t("crisis.heading")}</h3>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {text === null && forStaff && <p class="nhsuk-body-s">{t.t("crisis.defaultNote")}</p>}
    </div>
  );
}

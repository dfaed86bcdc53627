import type { Translator } from "./i18n";

/**
 * Where to get urgent help, shown prominently after a safety concern. The organisation's own
 * words when it has written them; otherwise the UK defaults from the catalogue, which each
 * organisation is expected to replace with its local crisis line.
 */
export function CrisisInformation({ t, text }: { t: Translator; text: string | null }) {
  const paragraphs = (text ?? t.t("crisis.default")).split(/\n+/).filter((line) => line.trim() !== "");
  return (
    <div class="app-crisis-information">
      <h3 class="nhsuk-heading-s">{t.t("crisis.heading")}</h3>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {text === null && <p class="nhsuk-body-s">{t.t("crisis.defaultNote")}</p>}
    </div>
  );
}

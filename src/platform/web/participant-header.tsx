import type { Translator } from "./i18n";

/** Who the record is about, shown at the top of every tab so nobody writes on the wrong record. */
export type ParticipantBanner = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  /** As people read it, "943 476 5919". */
  nhsNumber: string | null;
  stageLabel: string;
};

export type RecordTab = { href: string; label: string; current: boolean };

/**
 * The record's banner and its tabs, as an NHS.UK contents list: plain links, one page each, so
 * the record works without JavaScript and every tab has its own address.
 */
export function ParticipantHeader({
  t,
  participant,
  tabs,
}: {
  t: Translator;
  participant: ParticipantBanner;
  tabs: RecordTab[];
}) {
  return (
    <div class="app-participant-header">
      <p class="nhsuk-caption-l">
        {participant.givenName} {participant.familyName}
      </p>
      <dl class="app-participant-banner">
        <div>
          <dt>{t.t("participantHeader.dateOfBirth")}</dt>
          <dd>{t.formatDate(new Date(`${participant.dateOfBirth}T12:00:00Z`), "long")}</dd>
        </div>
        <div>
          <dt>{t.t("participantHeader.nhsNumber")}</dt>
          <dd>{participant.nhsNumber ?? t.t("common.none")}</dd>
        </div>
        <div>
          <dt>{t.t("participantHeader.stage")}</dt>
          <dd>{participant.stageLabel}</dd>
        </div>
      </dl>
      <nav class="nhsuk-contents-list app-record-tabs" aria-label={t.t("participantHeader.tabs")}>
        <ol class="nhsuk-contents-list__list">
          {tabs.map((tab) =>
            tab.current ? (
              <li class="nhsuk-contents-list__item" aria-current="page" key={tab.href}>
                <span class="nhsuk-contents-list__current">{tab.label}</span>
              </li>
            ) : (
              <li class="nhsuk-contents-list__item" key={tab.href}>
                <a class="nhsuk-contents-list__link" href={tab.href}>
                  {tab.label}
                </a>
              </li>
            ),
          )}
        </ol>
      </nav>
    </div>
  );
}

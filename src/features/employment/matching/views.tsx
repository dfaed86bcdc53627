import { layoutProps } from "../../../platform/http/pages";
import type { RecordFrame } from "../../../platform/http/record-page";
import { InsetText, SummaryList, Tag, WarningCallout } from "../../../platform/web/components";
import { PagedResults } from "../../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { MatchFit, MatchReason } from "./rules";
import type { ProfileForMatching, Suggestion } from "./service";
import { SUGGESTIONS_PAGE_SIZE } from "./service";

const pounds = (pence: number) => (pence / 100).toFixed(2);
const fitColours: Record<MatchFit, "green" | "yellow" | "red" | "grey"> = {
  good: "green",
  partial: "yellow",
  poor: "red",
  unknown: "grey",
};

/** A reason in plain words: shift codes become their names, pence become pounds. */
export function reasonText(t: Translator, reason: MatchReason): string {
  const values = { ...reason.values };
  if (reason.aspect === "shifts")
    for (const name of ["fitting", "missing"] as const)
      values[name] = String(values[name] ?? "")
        .split(",")
        .filter(Boolean)
        .map((shift) => t.t(`profile.shift.${shift}` as MessageKey).toLowerCase())
        .join(", ");
  if (reason.aspect === "pay") {
    values.pay = pounds(Number(values.pay));
    values.floor = pounds(Number(values.floor));
  }
  return t.t(`matching.reason.${reason.key}` as MessageKey, values);
}

function AboutPerson({
  t,
  profile,
  mayContactEmployers,
  profileHref,
}: {
  t: Translator;
  profile: ProfileForMatching;
  mayContactEmployers: boolean;
  profileHref: string;
}) {
  const preference = profile.disclosurePreference;
  return (
    <>
      <h2>{t.t("matching.aboutPerson")}</h2>
      <SummaryList
        rows={[
          {
            key: t.t("matching.disclosure"),
            value: (
              <>
                <p>
                  {preference
                    ? t.t(`profile.disclosure.${preference}`)
                    : t.t("matching.disclosureNotRecorded")}
                </p>
                <p class="nhsuk-body-s">{t.t("matching.disclosureHint")}</p>
              </>
            ),
          },
          {
            key: t.t("matching.consent"),
            value: mayContactEmployers ? t.t("matching.consentGiven") : t.t("matching.consentNotGiven"),
          },
          {
            key: t.t("matching.lookingFor"),
            value: profile.preferredJobTypes || t.t("matching.lookingForNone"),
            action: { href: profileHref, label: t.t("matching.editProfile") },
          },
          {
            key: t.t("matching.home"),
            value: profile.criteria.postcode?.district ?? t.t("matching.homeUnknown"),
          },
        ]}
      />
    </>
  );
}

function SuggestionCard({
  t,
  suggestion,
  participantId,
  wageFloorPence,
  mayRecord,
}: {
  t: Translator;
  suggestion: Suggestion;
  participantId: string;
  wageFloorPence: number;
  mayRecord: boolean;
}) {
  const belowFloor = suggestion.hourlyPayPence < wageFloorPence;
  return (
    <li class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-m">
          <a href={`/opportunities/${suggestion.id}`}>{suggestion.title}</a>
        </h3>
        <SummaryList
          rows={[
            { key: t.t("matching.employer"), value: suggestion.employerName },
            {
              key: t.t("matching.location"),
              value: suggestion.homeBased ? t.t("matching.homeBased") : suggestion.location,
            },
            {
              key: t.t("matching.hoursAndPay"),
              value: t.t("matching.hoursAndPayValue", {
                hours: suggestion.hoursPerWeek,
                pay: pounds(suggestion.hourlyPayPence),
              }),
            },
            {
              key: t.t("matching.closes"),
              value: suggestion.closesOn
                ? t.formatDate(new Date(`${suggestion.closesOn}T12:00:00Z`))
                : t.t("matching.noClosingDate"),
            },
            { key: t.t("matching.fit"), value: t.t("matching.fitValue", { score: suggestion.score }) },
          ]}
        />
        {belowFloor && (
          <InsetText>
            <p>{t.t("matching.notCompetitive", { floor: pounds(wageFloorPence) })}</p>
          </InsetText>
        )}
        <h4 class="nhsuk-heading-s">{t.t("matching.whatMatched")}</h4>
        <ul class="nhsuk-list">
          {suggestion.reasons.map((reason) => (
            <li key={reason.aspect}>
              <Tag colour={fitColours[reason.fit]}>{t.t(`matching.fitLabel.${reason.fit}`)}</Tag>{" "}
              {reasonText(t, reason)}
            </li>
          ))}
        </ul>
        {mayRecord && (
          <p>
            <a href={`/participants/${participantId}/work/applications/new?opportunity=${suggestion.id}`}>
              {t.t("matching.recordApplication")}
              <span class="nhsuk-u-visually-hidden">
                {" "}
                {t.t("matching.recordApplicationFor", { title: suggestion.title })}
              </span>
            </a>
          </p>
        )}
      </div>
    </li>
  );
}

export function SuggestionsPage(
  props: RecordFrame & {
    profile: ProfileForMatching | null;
    mayContactEmployers: boolean;
    rows: Suggestion[];
    total: number;
    page: number;
    wageFloorPence: number;
    mayRecord: boolean;
  },
) {
  const { t, banner, profile } = props;
  const base = `/participants/${banner.id}/work/suggestions`;
  const profileHref = `/participants/${banner.id}/assessments/vocational-profile`;
  return (
    <Layout {...layoutProps(props, t.t("matching.title"), undefined, true)}>
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("matching.title")}</h1>
      <p>{t.t("matching.intro")}</p>
      <WarningCallout heading={t.t("matching.decidesHeading")}>
        <p>{t.t("matching.decides")}</p>
      </WarningCallout>
      {!profile ? (
        <>
          <p>{t.t("matching.noProfile")}</p>
          <p>
            <a href={profileHref}>{t.t("matching.startProfile")}</a>
          </p>
        </>
      ) : (
        <>
          <AboutPerson
            t={t}
            profile={profile}
            mayContactEmployers={props.mayContactEmployers}
            profileHref={profileHref}
          />
          <p class="nhsuk-body-s">{t.t("matching.approximate")}</p>
          {props.total === 0 ? (
            <>
              <p>{t.t("matching.noOpportunities")}</p>
              <p>
                <a href="/opportunities">{t.t("matching.allOpportunities")}</a>
              </p>
            </>
          ) : (
            <>
              <h2>{t.t("matching.caption")}</h2>
              <ol class="nhsuk-list" start={(props.page - 1) * SUGGESTIONS_PAGE_SIZE + 1}>
                {props.rows.map((suggestion) => (
                  <SuggestionCard
                    key={suggestion.id}
                    t={t}
                    suggestion={suggestion}
                    participantId={banner.id}
                    wageFloorPence={props.wageFloorPence}
                    mayRecord={props.mayRecord}
                  />
                ))}
              </ol>
              <PagedResults
                t={t}
                base={base}
                query={{}}
                page={props.page}
                pageCount={Math.max(1, Math.ceil(props.total / SUGGESTIONS_PAGE_SIZE))}
                total={props.total}
              />
            </>
          )}
        </>
      )}
    </Layout>
  );
}

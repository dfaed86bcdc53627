import type { RecordFrame } from "../../platform/http/record-page";
import { ButtonLink, SummaryList } from "../../platform/web/components";
import type { CapabilityView, ProfileView } from "./profiles";
import { capabilityAreas } from "./schema";

const base = (props: RecordFrame) => `/participants/${props.banner.id}/assessments`;

export function CapabilitySummary(props: RecordFrame & { capability?: CapabilityView; mayWrite: boolean }) {
  const { t, capability } = props;
  const href = `${base(props)}/capability`;
  return (
    <>
      <h2>{t.t("capability.title")}</h2>
      {!capability ? (
        <p>{t.t("capability.none")}</p>
      ) : (
        <>
          <p class="nhsuk-body-s">
            {t.t("capability.assessedBy", {
              name: capability.assessedByName,
              date: t.formatDate(capability.assessedAt, "long"),
            })}
          </p>
          <SummaryList
            rows={[
              ...capabilityAreas.map((area) => ({
                key: t.t(`capability.area.${area}`),
                value: (
                  <>
                    {t.t(`capability.level.${capability.findings[area].level}`)}
                    {capability.findings[area].notes && (
                      <p class="nhsuk-body-s">{capability.findings[area].notes}</p>
                    )}
                  </>
                ),
              })),
              {
                key: t.t("capability.adjustments"),
                value:
                  capability.adjustments.length === 0
                    ? t.t("common.none")
                    : capability.adjustments
                        .map((adjustment) => t.t(`capability.adjustment.${adjustment}`))
                        .join(", "),
              },
              { key: t.t("capability.advice"), value: capability.advice },
            ]}
          />
        </>
      )}
      {props.mayWrite && (
        <ButtonLink href={href} variant="secondary">
          {capability ? t.t("capability.change") : t.t("capability.start")}
        </ButtonLink>
      )}
    </>
  );
}

export function ProfileSummary(props: RecordFrame & { profile?: ProfileView; mayWrite: boolean }) {
  const { t, profile } = props;
  const href = `${base(props)}/vocational-profile`;
  return (
    <>
      <h2>{t.t("profile.title")}</h2>
      {!profile ? (
        <p>{t.t("profile.none")}</p>
      ) : (
        <>
          <p class="nhsuk-body-s">
            {t.t("profile.started", {
              date: t.formatDate(profile.startedAt, "long"),
              updated: t.formatDate(profile.updatedAt, "long"),
              name: profile.updatedByName,
            })}
          </p>
          <SummaryList
            rows={[
              {
                key: t.t("profile.preferredJobTypes"),
                value: profile.preferredJobTypes || t.t("common.none"),
              },
              {
                key: t.t("profile.hoursPerWeek"),
                value: profile.hoursPerWeek === null ? t.t("profile.notSaid") : String(profile.hoursPerWeek),
              },
              {
                key: t.t("profile.barriers"),
                value:
                  profile.barriers.length === 0
                    ? t.t("common.none")
                    : profile.barriers.map((barrier) => t.t(`profile.barrier.${barrier}`)).join(", "),
              },
              {
                key: t.t("profile.disclosure"),
                value: profile.disclosurePreference
                  ? t.t(`profile.disclosure.${profile.disclosurePreference}`)
                  : t.t("profile.notSaid"),
              },
            ]}
          />
        </>
      )}
      {props.mayWrite && (
        <ButtonLink href={href} variant="secondary">
          {profile ? t.t("profile.change") : t.t("profile.start")}
        </ButtonLink>
      )}
    </>
  );
}

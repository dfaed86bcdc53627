import type { RecordFrame } from "../../../platform/http/record-page";
import {
  Button,
  errorFor,
  type FieldError,
  Form,
  Select,
  Table,
  Textarea,
} from "../../../platform/web/components";
import { RecordLayout } from "../record/views";
import { careTeamRoles } from "../schema";
import type { careTeam, staffWhoCanJoin } from "./service";

type Values = Record<string, unknown>;

export function CareTeamPage(
  props: RecordFrame & {
    members: Awaited<ReturnType<typeof careTeam>>;
    candidates: Awaited<ReturnType<typeof staffWhoCanJoin>>;
    canWrite: boolean;
    values: Values;
    errors?: FieldError[];
  },
) {
  const { t, members, values, errors } = props;
  const base = `/participants/${props.banner.id}/care-team`;
  return (
    <RecordLayout {...props} title={t.t("careTeam.title")} errors={errors}>
      <h1>{t.t("careTeam.title")}</h1>
      <p>{t.t("careTeam.lead")}</p>
      {members.length === 0 ? (
        <p>{t.t("careTeam.empty")}</p>
      ) : (
        <Table
          caption={t.t("careTeam.caption")}
          columns={[
            { label: t.t("careTeam.columns.name") },
            { label: t.t("careTeam.columns.role") },
            { label: t.t("careTeam.columns.responsibility") },
            { label: t.t("careTeam.columns.since") },
            ...(props.canWrite ? [{ label: t.t("careTeam.remove") }] : []),
          ]}
          rows={members.map((member) => [
            <>
              {member.fullName}
              <br />
              <span class="nhsuk-body-s">{t.t(`role.${member.staffRole}`)}</span>
            </>,
            t.t(`careTeam.role.${member.careTeamRole}`),
            member.responsibility,
            t.formatDate(member.addedAt, "short"),
            ...(props.canWrite
              ? [
                  <form action={`${base}/${member.id}/remove`} method="post" key="remove">
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    <button class="app-link-button" type="submit">
                      {t.t("careTeam.remove")}
                      <span class="nhsuk-u-visually-hidden"> {member.fullName}</span>
                    </button>
                  </form>,
                ]
              : []),
          ])}
        />
      )}
      {props.canWrite && (
        <>
          <h2>{t.t("careTeam.add")}</h2>
          <Form action={base} csrfToken={props.csrfToken}>
            <Select
              name="staffId"
              label={t.t("careTeam.fields.staff")}
              value={values.staffId}
              error={errorFor(errors, "staffId")}
              emptyOption=""
              options={props.candidates.map((staff) => ({
                value: staff.id,
                label: `${staff.fullName} (${t.t(`role.${staff.role}`)})`,
              }))}
            />
            <Select
              name="careTeamRole"
              label={t.t("careTeam.fields.role")}
              value={values.careTeamRole}
              error={errorFor(errors, "careTeamRole")}
              emptyOption=""
              options={careTeamRoles.map((role) => ({ value: role, label: t.t(`careTeam.role.${role}`) }))}
            />
            <Textarea
              name="responsibility"
              label={t.t("careTeam.fields.responsibility")}
              hint={t.t("careTeam.fields.responsibilityHint")}
              value={values.responsibility}
              error={errorFor(errors, "responsibility")}
              rows={2}
            />
            <Button>{t.t("careTeam.add")}</Button>
          </Form>
        </>
      )}
    </RecordLayout>
  );
}

import { hasPermission, type Permission } from "../../platform/access/roles";
import type { StaffRole } from "../../platform/directory/schema";
import { layoutProps, type PageContext } from "../../platform/http/pages";
import { Card, InsetText } from "../../platform/web/components";
import type { MessageKey } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";

const cards: { href: string; heading: MessageKey; description: MessageKey; requires: Permission }[] = [
  { href: "/caseload", heading: "nav.caseload", description: "home.caseloadCard", requires: "caseload.own" },
  {
    href: "/team/caseloads",
    heading: "nav.teamCaseloads",
    description: "home.teamCaseloadsCard",
    requires: "team.view_caseloads",
  },
  {
    href: "/referrals",
    heading: "nav.referrals",
    description: "home.referralsCard",
    requires: "participant.view_referrals",
  },
  {
    href: "/referrals/new",
    heading: "nav.refer",
    description: "home.referCard",
    requires: "participant.refer",
  },
  { href: "/alerts", heading: "nav.alerts", description: "home.alertsCard", requires: "caseload.own" },
  {
    href: "/employers",
    heading: "nav.employers",
    description: "home.employersCard",
    requires: "employers.read",
  },
  {
    href: "/employer-contacts",
    heading: "nav.employerContacts",
    description: "home.employerContactsCard",
    requires: "employers.read",
  },
  {
    href: "/emergency-access",
    heading: "nav.emergencyAccess",
    description: "home.emergencyCard",
    requires: "participant.emergency_access",
  },
  {
    href: "/admin/staff",
    heading: "nav.adminStaff",
    description: "home.staffCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/teams",
    heading: "nav.adminTeams",
    description: "home.teamsCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/organisations",
    heading: "nav.adminOrganisations",
    description: "home.organisationsCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/regions",
    heading: "nav.adminRegions",
    description: "home.regionsCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/employment-settings",
    heading: "nav.adminEmploymentSettings",
    description: "home.employmentSettingsCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/monitoring-rules",
    heading: "nav.adminMonitoringRules",
    description: "home.monitoringRulesCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/outbox",
    heading: "nav.adminOutbox",
    description: "home.outboxCard",
    requires: "directory.manage",
  },
  {
    href: "/admin/audit",
    heading: "nav.auditTrail",
    description: "home.auditCard",
    requires: "audit.browse",
  },
  {
    href: "/account",
    heading: "nav.account",
    description: "home.accountCard",
    requires: "account.manage_own",
  },
];

export function HomePage(props: PageContext & { role: StaffRole }) {
  const { t, role } = props;
  const name = props.user?.fullName ?? "";
  return (
    <Layout {...layoutProps(props, t.t("home.title", { name }))}>
      <h1>{t.t("home.title", { name })}</h1>
      <p class="nhsuk-lede-text">{t.t("home.roleIntro", { role: t.t(`role.${role}`).toLowerCase() })}</p>
      <h2>{t.t("home.whatYouCanDo")}</h2>
      <p>{t.t(`home.reach.${role}`)}</p>
      <ul class="nhsuk-grid-row nhsuk-card-group">
        {cards
          .filter((card) => hasPermission(role, card.requires))
          .map((card) => (
            <li class="nhsuk-grid-column-one-half nhsuk-card-group__item" key={card.href}>
              <Card heading={t.t(card.heading)} href={card.href}>
                <p class="nhsuk-card__description">{t.t(card.description)}</p>
              </Card>
            </li>
          ))}
      </ul>
      <InsetText>
        <p>{t.t("home.voluntary")}</p>
      </InsetText>
    </Layout>
  );
}

export function AccessibilityPage(props: PageContext) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("accessibility.title"))}>
      <h1>{t.t("accessibility.title")}</h1>
      <p>{t.t("accessibility.intro")}</p>
      <p>{t.t("accessibility.points")}</p>
      <p>{t.t("accessibility.testing")}</p>
      <p>{t.t("accessibility.report")}</p>
    </Layout>
  );
}

export function PrivacyPage(props: PageContext) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("privacy.title"))}>
      <h1>{t.t("privacy.title")}</h1>
      <p>{t.t("privacy.intro")}</p>
      <p>{t.t("privacy.use")}</p>
      <p>{t.t("privacy.consent")}</p>
      <p>{t.t("privacy.audit")}</p>
    </Layout>
  );
}

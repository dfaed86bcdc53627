import type { ComponentChildren } from "preact";
import type { OwnPagesContext } from "../http/own-pages";
import { layoutProps } from "../http/pages";
import { ErrorSummary, type FieldError, NotificationBanner } from "./components";
import { Layout } from "./layout";

/** Every page of a participant's own pages: their header links and navigation, a notice, errors. */
export function OwnPagesLayout(
  props: OwnPagesContext & {
    title: string;
    notice?: string;
    errors?: FieldError[];
    backLink?: { href: string; label?: string };
    children: ComponentChildren;
  },
) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, props.title, props.errors)} links={props.links} backLink={props.backLink}>
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      {props.notice && (
        <NotificationBanner title={t.t("portal.noticeTitle")} success>
          <p class="nhsuk-notification-banner__heading">{props.notice}</p>
        </NotificationBanner>
      )}
      {props.children}
    </Layout>
  );
}

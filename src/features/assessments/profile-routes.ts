import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { checkForm, recordFormPost } from "../../platform/http/form-post";
import { translatorFor } from "../../platform/http/pages";
import { type RecordAnswer, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import type { FieldError } from "../../platform/web/components";
import { CapabilityFormPage, capabilityValues, ProfileFormPage, profileValues } from "./profile-views";
import {
  type CapabilityView,
  findCapability,
  findProfile,
  type ProfileView,
  type SaveOutcome,
  saveCapability,
  saveProfile,
} from "./profiles";
import {
  type CapabilityFormData,
  capabilityForm,
  profileForm,
  type WorkHistoryEntry,
  workHistoryEntry,
} from "./schema";
import { assessmentsPath } from "./views";

/** Work history arrives as numbered fields (job0-employer …) so the form works without JavaScript. */
export function parseWorkHistory(body: Record<string, unknown>) {
  const indices = new Set<number>();
  for (const key of Object.keys(body)) {
    const match = /^job(\d{1,2})-(employer|role|from|to|whyEnded)$/.exec(key);
    if (match) indices.add(Number(match[1]));
  }
  const entries: WorkHistoryEntry[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const fields = ["employer", "role", "from", "to", "whyEnded"] as const;
    const raw = Object.fromEntries(fields.map((field) => [field, body[`job${index}-${field}`]]));
    const parsed = workHistoryEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ field: `job${index}-${String(issue.path[0])}`, message: issue.message });
      continue;
    }
    if (Object.values(parsed.data).some((value) => value !== "")) entries.push(parsed.data);
  }
  return { entries, errors };
}

/** The version a refused form was based on, shown again with it (none for a first save). */
const postedVersion = (body: Record<string, unknown>) => Number(body.version) || null;

/** The functional capability assessment and the vocational profile, one of each per person. */
export function registerProfilePages(app: FastifyInstance, { door, clock }: AppDeps) {
  const capabilityPath = "/participants/:participantId/assessments/capability";

  app.get(
    capabilityPath,
    write,
    recordRoute(door, "read", "capability assessment", async (record, request, reply) => {
      const capability = await findCapability(record);
      return {
        page: CapabilityFormPage({
          ...(await recordFrame(record, request, reply)),
          values: capability ? capabilityValues(capability) : {},
          version: capability?.version ?? null,
        }),
      };
    }),
  );

  app.post(
    capabilityPath,
    write,
    recordFormPost<CapabilityFormData, CapabilityView | undefined, SaveOutcome<CapabilityView>>(door, {
      what: "capability assessment",
      schema: capabilityForm,
      redirectStatus: 303,
      show: async (record, request, reply, state) =>
        CapabilityFormPage({
          ...(await recordFrame(record, request, reply)),
          values: state.values,
          errors: state.errors,
          conflict: state.conflict,
          version: state.version ?? null,
        }),
      save: (record, form) => saveCapability(record, form, clock.now()),
      saved: (record) => `${assessmentsPath(record.participantId)}?notice=capability_saved`,
    }),
  );

  const profilePath = "/participants/:participantId/assessments/vocational-profile";

  app.get(
    profilePath,
    write,
    recordRoute(door, "read", "vocational profile", async (record, request, reply) => {
      const profile = await findProfile(record);
      return {
        page: ProfileFormPage({
          ...(await recordFrame(record, request, reply)),
          values: profile ? profileValues(profile) : {},
          workHistory: profile?.workHistory ?? [],
          version: profile?.version ?? null,
        }),
      };
    }),
  );

  // The work history's numbered fields are checked apart from the form's schema, their messages first.
  app.post(profilePath, write, async (request, reply) => {
    const t = translatorFor(request);
    const checked = checkForm(profileForm, request);
    const { body } = checked;
    const history = parseWorkHistory(body);
    const errors: FieldError[] = [
      ...history.errors.map((error) => ({
        ...error,
        message: t.t(error.message as "validation.tooLong", { max: "200" }),
      })),
      ...(checked.ok ? [] : checked.errors),
    ];
    const valid = checked.ok && history.errors.length === 0;
    return recordRoute(
      door,
      valid ? "write" : "read",
      "vocational profile",
      async (record, request, reply) => {
        const page = async (
          state: { errors?: FieldError[]; conflict?: ProfileView; version: number | null },
          status: number,
        ): Promise<RecordAnswer> => ({
          page: ProfileFormPage({
            ...(await recordFrame(record, request, reply)),
            values: body,
            workHistory: history.entries,
            ...state,
          }),
          status,
        });
        if (!checked.ok || history.errors.length > 0)
          return page({ version: postedVersion(body), errors }, 400);
        const saved = await saveProfile(record, checked.form, history.entries, clock.now());
        if (saved.kind === "stale")
          return page({ conflict: saved.current, version: saved.current?.version ?? null }, 409);
        const next = body.next === "add_job" ? "/vocational-profile" : "?notice=profile_saved";
        return { redirect: `${assessmentsPath(record.participantId)}${next}`, status: 303 };
      },
    )(request, reply);
  });
}

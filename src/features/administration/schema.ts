import { z } from "zod";
import {
  organisationKinds,
  professions,
  staffRoles,
  staffStatuses,
  teamKinds,
} from "../../platform/directory/schema";
import { outboundEmailStatuses } from "../../platform/mail/schema";
import type { MessageKey } from "../../platform/web/i18n";

// The directory tables (regions, organisations, teams, staff) belong to platform/directory because
// the access policy reads them; this feature owns the forms that change them.

/** A required name; `required` is the catalogue key that asks for it. */
const name = (required: MessageKey) =>
  z.string({ message: required }).trim().min(1, required).max(200, "validation.tooLong");

const version = z.coerce.number({ message: "validation.reload" }).int().min(1);

/** Checkbox values arrive as absent, one string, or several. */
const checkbox = z
  .union([z.literal("yes"), z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "yes" || value === "on" || value === "true");

const idList = z
  .union([z.uuid(), z.array(z.uuid())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const regionForm = z.object({ name: name("validation.region.name") });
export const regionUpdate = regionForm.extend({ version });

export const organisationForm = z.object({
  name: name("validation.organisation.name"),
  kind: z.enum(organisationKinds, { message: "validation.organisation.kind" }),
  regionId: z.uuid({ message: "validation.organisation.region" }),
  requireMfa: checkbox,
  /** Participants see who opened their record by role and date; names too only if this is on. */
  showStaffNamesToParticipants: checkbox,
  /** Shown to staff after a safety concern; empty means the UK defaults show. */
  crisisInformation: z
    .string()
    .trim()
    .max(2000, "validation.tooLong")
    .optional()
    .transform((value) => (value ? value : null)),
});
export const organisationUpdate = organisationForm.extend({ active: checkbox, version });

/** Blank means "none"; stored as null so the printed plan can say plainly there is none. */
const blankIsNull = (value: string) => (value === "" ? null : value);

/**
 * A UK phone number as people write it: 0 or +44 then 9 or 10 digits, spaces anywhere between
 * (01632 960 001, 020 7946 0123, +44 7700 900123). Kept as typed, with runs of spaces made one.
 */
export const teamPhone = z
  .string({ message: "validation.team.phone" })
  .trim()
  .transform((value) => value.replace(/\s+/g, " "))
  .refine((value) => value === "" || /^(?:0|\+44 ?)(?: ?\d){9,10}$/.test(value), "validation.team.phone")
  .transform(blankIsNull);

const emailShape = z.email();

export const teamEmail = z
  .string({ message: "validation.team.email" })
  .trim()
  .toLowerCase()
  .max(254, "validation.team.email")
  .refine((value) => value === "" || emailShape.safeParse(value).success, "validation.team.email")
  .transform(blankIsNull);

export const teamForm = z.object({
  name: name("validation.team.name"),
  kind: z.enum(teamKinds, { message: "validation.team.kind" }),
  organisationId: z.uuid({ message: "validation.team.organisation" }),
  phone: teamPhone.optional().transform((value) => value ?? null),
  email: teamEmail.optional().transform((value) => value ?? null),
});
export const teamUpdate = teamForm.extend({ active: checkbox, version });

export const staffInviteForm = z.object({
  fullName: name("validation.staff.fullName"),
  email: z
    .string({ message: "validation.staff.email" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "validation.staff.emailFormat" })),
  role: z.enum(staffRoles, { message: "validation.staff.role" }),
  profession: z
    .union([z.literal(""), z.enum(professions)], { message: "validation.staff.profession" })
    .optional()
    .transform((value) => (value ? value : null)),
  organisationId: z.uuid({ message: "validation.staff.organisation" }),
  teamIds: idList,
});
export const staffUpdate = staffInviteForm.omit({ email: true }).extend({ version });

const listPage = z.coerce.number().int().min(1).max(100_000).catch(1);
const searchText = z.string().trim().max(100).optional().catch(undefined);
const optionalId = z
  .union([z.literal(""), z.uuid()])
  .optional()
  .catch(undefined)
  .transform((value) => (value ? value : undefined));

export const organisationListQuery = z.object({
  q: searchText,
  regionId: optionalId,
  page: listPage.default(1),
});
export const teamListQuery = z.object({
  q: searchText,
  organisationId: optionalId,
  page: listPage.default(1),
});
export const staffListQuery = z.object({
  q: searchText,
  role: z.enum(staffRoles).optional().catch(undefined),
  status: z.enum(staffStatuses).optional().catch(undefined),
  organisationId: optionalId,
  sort: z.enum(["name", "email", "role", "last_sign_in"]).catch("name").default("name"),
  page: listPage.default(1),
});

export const outboxListQuery = z.object({
  status: z.enum(outboundEmailStatuses).optional().catch(undefined),
  page: listPage.default(1),
});

export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
export type TeamListQuery = z.infer<typeof teamListQuery>;
export type StaffListQuery = z.infer<typeof staffListQuery>;
export type OutboxListQuery = z.infer<typeof outboxListQuery>;
export type StaffInvite = z.infer<typeof staffInviteForm>;
export type StaffUpdate = z.infer<typeof staffUpdate>;

export const PAGE_SIZE = 25;

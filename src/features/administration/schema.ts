import { z } from "zod";
import {
  organisationKinds,
  professions,
  staffRoles,
  staffStatuses,
  teamKinds,
} from "../../platform/directory/schema";

// The directory tables (regions, organisations, teams, staff) belong to platform/directory because
// the access policy reads them; this feature owns the forms that change them.

const name = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(200, `The ${what} must be 200 characters or fewer`);

const version = z.coerce.number({ message: "Reload the page and try again" }).int().min(1);

/** Checkbox values arrive as absent, one string, or several. */
const checkbox = z
  .union([z.literal("yes"), z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "yes" || value === "on" || value === "true");

const idList = z
  .union([z.uuid(), z.array(z.uuid())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const regionForm = z.object({ name: name("region name") });
export const regionUpdate = regionForm.extend({ version });

export const organisationForm = z.object({
  name: name("organisation name"),
  kind: z.enum(organisationKinds, { message: "Choose what kind of organisation this is" }),
  regionId: z.uuid({ message: "Choose the region" }),
  requireMfa: checkbox,
});
export const organisationUpdate = organisationForm.extend({ active: checkbox, version });

export const teamForm = z.object({
  name: name("team name"),
  kind: z.enum(teamKinds, { message: "Choose what kind of team this is" }),
  organisationId: z.uuid({ message: "Choose the organisation" }),
});
export const teamUpdate = teamForm.extend({ active: checkbox, version });

export const staffInviteForm = z.object({
  fullName: name("person's full name"),
  email: z
    .string({ message: "Enter their work email address" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter an email address in the correct format, like name@example.nhs.uk" })),
  role: z.enum(staffRoles, { message: "Choose their role" }),
  profession: z
    .union([z.literal(""), z.enum(professions)], { message: "Choose their profession from the list" })
    .optional()
    .transform((value) => (value ? value : null)),
  organisationId: z.uuid({ message: "Choose their organisation" }),
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

export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
export type TeamListQuery = z.infer<typeof teamListQuery>;
export type StaffListQuery = z.infer<typeof staffListQuery>;
export type StaffInvite = z.infer<typeof staffInviteForm>;
export type StaffUpdate = z.infer<typeof staffUpdate>;

export const PAGE_SIZE = 25;

import { describe, expect, it } from "vitest";
import { applicationForm, disclosureForm, jobEndForm, jobStartForm } from "./forms";

const today = "2026-05-10";
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${String(issue.path[0])}: ${issue.message}`);

const start = {
  employerId: "00000000-0000-4000-8000-000000000001",
  title: "Porter",
  startedOn: "2026-05-01",
  hoursPerWeek: "22.5",
  hourlyPayPence: "£12.71",
  contractType: "permanent",
  openLabourMarket: "yes",
  timeLimitedByService: "no",
};

describe("the job start form", () => {
  it("reads pay in pounds into pence, hours with a decimal, and yes or no", () => {
    const parsed = jobStartForm(today).parse({ ...start, startedOn: "1/5/2026" });
    expect(parsed).toMatchObject({
      startedOn: "2026-05-01",
      hoursPerWeek: 22.5,
      hourlyPayPence: 1271,
      openLabourMarket: true,
      timeLimitedByService: false,
      applicationId: null,
    });
  });

  it("gives one message per mistake", () => {
    expect(
      messages(jobStartForm(today).safeParse({ ...start, startedOn: "soon", hoursPerWeek: "0" })),
    ).toEqual(["startedOn: validation.job.startedOn", "hoursPerWeek: validation.job.hoursRange"]);
    expect(messages(jobStartForm(today).safeParse({ ...start, startedOn: "2026-09-01" }))).toEqual([
      "startedOn: validation.job.startedOnRange",
    ]);
  });

  it("takes pay up to £9,999.99 an hour and refuses more", () => {
    expect(jobStartForm(today).parse({ ...start, hourlyPayPence: "9999.99" })).toMatchObject({
      hourlyPayPence: 999_999,
    });
    expect(messages(jobStartForm(today).safeParse({ ...start, hourlyPayPence: "10000" }))).toEqual([
      "hourlyPayPence: validation.job.pay",
    ]);
  });
});

describe("the job end form", () => {
  it("refuses an end before the start or in the future, and accepts the start day itself", () => {
    const form = jobEndForm(today, "2026-05-01");
    expect(messages(form.safeParse({ endedOn: "2026-04-30", endReason: "resigned" }))).toEqual([
      "endedOn: validation.job.endedBeforeStart",
    ]);
    expect(messages(form.safeParse({ endedOn: "2026-05-11", endReason: "resigned" }))).toEqual([
      "endedOn: validation.job.endedInFuture",
    ]);
    expect(form.safeParse({ endedOn: "2026-05-01", endReason: "temporary_ended" }).success).toBe(true);
  });
});

describe("the application form", () => {
  it("turns the interview's UK date and time into the instant, in summer time", () => {
    const parsed = applicationForm(today).parse({
      employerId: start.employerId,
      title: "Porter",
      status: "interview",
      appliedOn: "2026-05-01",
      interviewDate: "2026-05-12",
      interviewTime: "9.30",
    });
    expect(parsed.interviewAt?.toISOString()).toBe("2026-05-12T08:30:00.000Z");
  });

  it("asks for the time when only the date is given", () => {
    expect(
      messages(
        applicationForm(today).safeParse({
          employerId: start.employerId,
          title: "Porter",
          status: "interview",
          appliedOn: "2026-05-01",
          interviewDate: "2026-05-12",
        }),
      ),
    ).toEqual(["interviewTime: validation.application.interviewTime"]);
  });
});

describe("the disclosure form", () => {
  it("keeps the agreed words only for a condition", () => {
    const parsed = disclosureForm.parse({
      employerId: start.employerId,
      choice: "support_from_service",
      wording: "left over from before",
    });
    expect(parsed.wording).toBe("");
  });
});

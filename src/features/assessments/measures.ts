import type { HealthInformationKind } from "../../platform/access/policy";

// Each questionnaire is one definition: the form, scoring, history, charts and the FHIR
// Questionnaire export all read it, so a wording or a cut-off is changed in exactly one place.
// Item wording, options and band names are the instruments' published content (domain.md,
// section 4), kept verbatim in English: a translation is a separately validated version of the
// instrument, not a catalogue entry.

export type AnswerOption = { value: number; label: string };

export type MeasureItem = {
  /** Stable key in stored answers: "1" … "10". */
  id: string;
  text: string;
  /** LOINC code of the question, where domain.md gives one. */
  loinc?: string;
  /** Counts towards the total (PHQ-9 item 10 is asked but not scored). */
  scored: boolean;
  options: readonly AnswerOption[];
  /** The published "does not apply" choice (WSAS work item), with the person's words for it. */
  notApplicable?: { label: string };
  /** Extra words printed under the item, as the published form does. */
  hint?: string;
};

export type Band = { id: string; label: string; min: number; max: number };

export type MeasureId = "phq9" | "gad7" | "wsas" | "who5";

export type MeasureDefinition = {
  id: MeasureId;
  title: string;
  fullName: string;
  stem: string;
  recallPeriod: string;
  loinc?: { panel: string; total: string; answerList?: string };
  /** LOINC answer codes by option value, where published (PHQ-9 and GAD-7, LL358-3). */
  answerLoinc?: Readonly<Record<number, string>>;
  items: readonly MeasureItem[];
  /** The raw total's range: the sum of the scored items. */
  total: { min: number; max: number };
  /** The score people talk about: the raw total times this (WHO-5 is reported as a percentage). */
  reportedMultiplier: number;
  reportedUnit: string;
  /** Over the raw total, in order, covering min…max without gaps or overlaps. */
  bands: readonly Band[];
  /** The raw total at which a person counts as a "case" (NHS Talking Therapies), if the measure has one. */
  caseness: { threshold: number; direction: "at_or_above" | "below"; label: string } | null;
  /** The smallest change in the reported score that counts as reliable, if one is published. */
  reliableChange: number | null;
  higherIsBetter: boolean;
  /** Who may see the scores: only readers whose record handle lists this kind. */
  protectedBy: HealthInformationKind | null;
  /** An item whose answer above zero raises an urgent clinical alert whatever the total. */
  safetyItem?: { itemId: string; rule: string };
};

const frequency: readonly AnswerOption[] = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "Several days" },
  { value: 2, label: "More than half the days" },
  { value: 3, label: "Nearly every day" },
];

const frequencyLoinc = { 0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9" } as const;

const scoredItems = (texts: readonly string[], codes: readonly string[], options: readonly AnswerOption[]) =>
  texts.map((text, index) => ({
    id: String(index + 1),
    text,
    loinc: codes[index],
    scored: true,
    options,
  }));

export const phq9: MeasureDefinition = {
  id: "phq9",
  title: "PHQ-9",
  fullName: "Patient Health Questionnaire (PHQ-9)",
  stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  recallPeriod: "the last 2 weeks",
  loinc: { panel: "44249-1", total: "44261-6", answerList: "LL358-3" },
  answerLoinc: frequencyLoinc,
  items: [
    ...scoredItems(
      [
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself – or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite – being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
      ],
      ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"],
      frequency,
    ),
    {
      id: "10",
      text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
      loinc: "69722-7",
      scored: false,
      options: [
        { value: 0, label: "Not difficult at all" },
        { value: 1, label: "Somewhat difficult" },
        { value: 2, label: "Very difficult" },
        { value: 3, label: "Extremely difficult" },
      ],
    },
  ],
  total: { min: 0, max: 27 },
  reportedMultiplier: 1,
  reportedUnit: "{score}",
  bands: [
    { id: "minimal", label: "Minimal", min: 0, max: 4 },
    { id: "mild", label: "Mild", min: 5, max: 9 },
    { id: "moderate", label: "Moderate", min: 10, max: 14 },
    { id: "moderately_severe", label: "Moderately severe", min: 15, max: 19 },
    { id: "severe", label: "Severe", min: 20, max: 27 },
  ],
  caseness: { threshold: 10, direction: "at_or_above", label: "10 or more" },
  reliableChange: 6,
  higherIsBetter: false,
  protectedBy: "assessment_scores",
  safetyItem: { itemId: "9", rule: "phq9_item9" },
};

export const gad7: MeasureDefinition = {
  id: "gad7",
  title: "GAD-7",
  fullName: "Generalised Anxiety Disorder assessment (GAD-7)",
  stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  recallPeriod: "the last 2 weeks",
  loinc: { panel: "69737-5", total: "70274-6", answerList: "LL358-3" },
  answerLoinc: frequencyLoinc,
  items: scoredItems(
    [
      "Feeling nervous, anxious, or on edge",
      "Not being able to stop or control worrying",
      "Worrying too much about different things",
      "Trouble relaxing",
      "Being so restless that it is hard to sit still",
      "Becoming easily annoyed or irritable",
      "Feeling afraid as if something awful might happen",
    ],
    ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"],
    frequency,
  ),
  total: { min: 0, max: 21 },
  reportedMultiplier: 1,
  reportedUnit: "{score}",
  bands: [
    { id: "minimal", label: "Minimal", min: 0, max: 4 },
    { id: "mild", label: "Mild", min: 5, max: 9 },
    { id: "moderate", label: "Moderate", min: 10, max: 14 },
    { id: "severe", label: "Severe", min: 15, max: 21 },
  ],
  caseness: { threshold: 8, direction: "at_or_above", label: "8 or more" },
  reliableChange: 4,
  higherIsBetter: false,
  protectedBy: "assessment_scores",
};

// The published anchors sit on the even points; the odd points are unlabelled steps between them.
const impairment: readonly AnswerOption[] = [
  { value: 0, label: "0 – Not at all" },
  { value: 1, label: "1" },
  { value: 2, label: "2 – Slightly" },
  { value: 3, label: "3" },
  { value: 4, label: "4 – Definitely" },
  { value: 5, label: "5" },
  { value: 6, label: "6 – Markedly" },
  { value: 7, label: "7" },
  { value: 8, label: "8 – Very severely" },
];

export const wsas: MeasureDefinition = {
  id: "wsas",
  title: "WSAS",
  fullName: "Work and Social Adjustment Scale (WSAS)",
  stem: "People's problems sometimes affect their ability to do certain day-to-day tasks in their lives. To rate your problems look at each section and determine on the scale provided how much your problem impairs your ability to carry out the activity.",
  recallPeriod: "now",
  items: [
    {
      id: "1",
      text: "Because of my problem my ability to work is impaired.",
      hint: "'0' means 'not at all impaired' and '8' means very severely impaired to the point I can't work.",
      scored: true,
      options: impairment,
      notApplicable: {
        label: "I'm retired or choose not to have a job for reasons unrelated to my problem",
      },
    },
    {
      id: "2",
      text: "Because of my problem my home management (cleaning, tidying, shopping, cooking, looking after home or children, paying bills) is impaired.",
      scored: true,
      options: impairment,
    },
    {
      id: "3",
      text: "Because of my problem my social leisure activities (with other people e.g. parties, bars, clubs, outings, visits, dating, home entertaining) are impaired.",
      scored: true,
      options: impairment,
    },
    {
      id: "4",
      text: "Because of my problem my private leisure activities (done alone, such as reading, gardening, collecting, sewing, walking alone) are impaired.",
      scored: true,
      options: impairment,
    },
    {
      id: "5",
      text: "Because of my problem my ability to form and maintain close relationships with others, including those I live with, is impaired.",
      scored: true,
      options: impairment,
    },
  ],
  total: { min: 0, max: 40 },
  reportedMultiplier: 1,
  reportedUnit: "{score}",
  bands: [
    { id: "subclinical", label: "Subclinical", min: 0, max: 9 },
    { id: "significant", label: "Significant functional impairment", min: 10, max: 20 },
    { id: "moderately_severe", label: "Moderately severe or worse", min: 21, max: 40 },
  ],
  caseness: null,
  // domain.md gives no reliable-change figure for the WSAS, so none is claimed.
  reliableChange: null,
  higherIsBetter: false,
  // Impairment "because of my problem" is health information: it follows the same consent as the other scores.
  protectedBy: "assessment_scores",
};

const wellbeing: readonly AnswerOption[] = [
  { value: 5, label: "All of the time" },
  { value: 4, label: "Most of the time" },
  { value: 3, label: "More than half of the time" },
  { value: 2, label: "Less than half of the time" },
  { value: 1, label: "Some of the time" },
  { value: 0, label: "At no time" },
];

export const who5: MeasureDefinition = {
  id: "who5",
  title: "WHO-5",
  fullName: "WHO-5 Well-Being Index",
  stem: "Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.",
  recallPeriod: "the last two weeks",
  items: [
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
  ].map((text, index) => ({ id: String(index + 1), text, scored: true, options: wellbeing })),
  total: { min: 0, max: 25 },
  reportedMultiplier: 4,
  reportedUnit: "%",
  // Raw 0–7 is 0–28 %, "likely depression"; raw below 13 (50 % or less) is poor wellbeing.
  bands: [
    {
      id: "likely_depression",
      label: "Poor wellbeing: further assessment for depression advised",
      min: 0,
      max: 7,
    },
    { id: "poor_wellbeing", label: "Poor wellbeing", min: 8, max: 12 },
    { id: "not_indicated", label: "No indication of poor wellbeing", min: 13, max: 25 },
  ],
  caseness: { threshold: 13, direction: "below", label: "below 13 (50 % or less)" },
  reliableChange: 10,
  higherIsBetter: true,
  // WHO-5 at 28 % or less screens for likely depression: a health score, shared only with consent.
  protectedBy: "assessment_scores",
};

export const measures: readonly MeasureDefinition[] = [phq9, gad7, wsas, who5];

export const measureIds = ["phq9", "gad7", "wsas", "who5"] as const satisfies readonly MeasureId[];

export function measureById(id: string): MeasureDefinition | undefined {
  return measures.find((measure) => measure.id === id);
}

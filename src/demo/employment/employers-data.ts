import type { EmployerSector, EmployerSize } from "../../features/employment/employers/schema";

// The demo's fictional employers and job-development contacts, as staff would write them (the
// vacancies are in opportunities.ts).

type DemoEmployer = {
  name: string;
  sector: EmployerSector;
  size: EmployerSize;
  site: string;
  person: [name: string, role: string];
  notes: string;
};

export const employers: DemoEmployer[] = [
  {
    name: "Greenway Bakery",
    sector: "hospitality_and_food",
    size: "small",
    site: "High Street bakery",
    person: ["Maria Lopes", "Shop manager"],
    notes: "Happy to offer working interviews. Mornings start at 6.",
  },
  {
    name: "Northgate Supermarkets",
    sector: "retail",
    size: "large",
    site: "Retail park store",
    person: ["Daniel Price", "Store manager"],
    notes: "Recruits through the online portal; the store manager will look at applications we flag.",
  },
  {
    name: "Brightside Care Homes",
    sector: "health_and_social_care",
    size: "medium",
    site: "Oakfield House",
    person: ["Janet Boateng", "Registered manager"],
    notes: "Pays for the Care Certificate. Flexible shift patterns.",
  },
  {
    name: "Parcelpoint Logistics",
    sector: "transport_and_logistics",
    size: "large",
    site: "Distribution centre",
    person: ["Lee Harrison", "Shift manager"],
    notes: "Steady warehouse work; agency first, then permanent after 12 weeks.",
  },
  {
    name: "City Council Facilities",
    sector: "public_sector",
    size: "large",
    site: "Civic centre",
    person: ["Anita Desai", "HR business partner"],
    notes: "Guaranteed interview scheme for disabled applicants who meet the essential criteria.",
  },
  {
    name: "Sparkle Commercial Cleaning",
    sector: "cleaning_and_facilities",
    size: "medium",
    site: "Head office",
    person: ["Rob Kelly", "Area supervisor"],
    notes: "Early mornings and evenings; short shifts suit people starting back.",
  },
  {
    name: "Riverside Garden Centre",
    sector: "agriculture_and_environment",
    size: "small",
    site: "Garden centre and café",
    person: ["Helen Moss", "Owner"],
    notes: "Seasonal peak in spring; owner keen to hear from us.",
  },
  {
    name: "Hillcrest Community Trust",
    sector: "charity_and_community",
    size: "small",
    site: "Community hub",
    person: ["Femi Adeyemi", "Centre coordinator"],
    notes: "Runs the café and furniture reuse project; paid roles as well as volunteering.",
  },
  {
    name: "Apex Print and Design",
    sector: "creative_and_media",
    size: "micro",
    site: "Unit 4, Canal Works",
    person: ["Chris Wong", "Director"],
    notes: "Small team; values reliability over experience.",
  },
  {
    name: "Crestline Builders",
    sector: "construction_and_trades",
    size: "medium",
    site: "Yard and office",
    person: ["Gary Walsh", "Site manager"],
    notes: "CSCS card needed for site roles; will sponsor the test.",
  },
  {
    name: "Brookfield Sixth Form College",
    sector: "education",
    size: "medium",
    site: "Main campus",
    person: ["Ruth Ellis", "Facilities manager"],
    notes: "Term-time roles in catering and site team.",
  },
  {
    name: "Harbour Tech Support",
    sector: "technology",
    size: "small",
    site: "Business centre",
    person: ["Aisha Rahman", "Operations lead"],
    notes: "Home-based helpdesk roles after four weeks in the office.",
  },
];

/** Postcode districts near each demo region, in the order the regions are seeded. */
export const regionDistricts = [
  ["B5", "B15", "B29", "B90"],
  ["WV1", "DY1", "WS1", "B70"],
  ["BS1", "BS2", "BS16", "BS22"],
  ["CB1", "CB4", "PE1", "PE2"],
  ["TR1", "TR15", "PL25", "TR18"],
  ["CV1", "CV2", "CV11", "CV34"],
  ["GU14", "GU15", "SL1", "GU11"],
  ["HR1", "WR1", "WR5", "DY10"],
  ["M1", "M4", "M14", "OL1"],
  ["PR1", "BB1", "LA1", "FY1"],
  ["LE1", "LE2", "LE4", "LE11"],
  ["N1", "N7", "NW1", "N15"],
  ["NW10", "HA1", "W12", "UB1"],
  ["S1", "S2", "DN1", "S60"],
  ["GU1", "KT1", "RH1", "KT12"],
];

type ContactPlan = {
  daysAgo: number;
  employerIndex: number;
  faceToFace: boolean;
  type: "introduction" | "job_development" | "placement_follow_up";
  outcome: string;
  nextStep?: string;
  dueIn?: number;
};

export const contactPlans: ContactPlan[] = [
  {
    daysAgo: 18,
    employerIndex: 0,
    faceToFace: true,
    type: "introduction",
    outcome:
      "Introduced the service and how we support people at work. Manager interested in a working interview scheme.",
    nextStep: "Send the one-page leaflet about in-work support",
    dueIn: -14,
  },
  {
    daysAgo: 16,
    employerIndex: 2,
    faceToFace: true,
    type: "job_development",
    outcome:
      "Toured the home with the registered manager; talked about flexible shifts for people starting back.",
    nextStep: "Ask about the next Care Certificate intake",
    dueIn: -9,
  },
  {
    daysAgo: 15,
    employerIndex: 3,
    faceToFace: false,
    type: "job_development",
    outcome: "Phone call: warehouse recruiting for the winter peak.",
  },
  {
    daysAgo: 11,
    employerIndex: 6,
    faceToFace: true,
    type: "introduction",
    outcome: "Met the owner. She would rather meet candidates in person than read forms.",
  },
  {
    daysAgo: 9,
    employerIndex: 4,
    faceToFace: true,
    type: "job_development",
    outcome: "Talked through the guaranteed interview scheme and reasonable adjustments at interview.",
    nextStep: "Check the library assistant closing date",
    dueIn: 3,
  },
  {
    daysAgo: 8,
    employerIndex: 1,
    faceToFace: false,
    type: "placement_follow_up",
    outcome: "Called the store manager: the new starter is settling in well.",
  },
  {
    daysAgo: 4,
    employerIndex: 7,
    faceToFace: true,
    type: "job_development",
    outcome: "Met the centre coordinator about the café assistant role.",
    nextStep: "Arrange a visit to the café",
    dueIn: 5,
  },
  {
    // Today, so the specialist's week is never empty in the demo, whichever day it starts.
    daysAgo: 0,
    employerIndex: 5,
    faceToFace: true,
    type: "introduction",
    outcome: "Met the area supervisor; short early shifts available across the city.",
    nextStep: "Send details of the support we give employers",
    dueIn: 7,
  },
  {
    daysAgo: 1,
    employerIndex: 9,
    faceToFace: false,
    type: "introduction",
    outcome: "Emailed and then spoke to the site manager about labouring roles.",
  },
];

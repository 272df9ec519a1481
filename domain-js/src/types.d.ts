
// ---------------------------------------------------------------------------------------------
// The domain's JSON shapes (crate inzage-domain). Instants are RFC 3339 strings such as
// "2026-11-27T12:00:00Z", dates are "YYYY-MM-DD". Inputs reject unknown fields.
// ---------------------------------------------------------------------------------------------

/** An RFC 3339 instant, such as "2026-11-27T12:00:00Z" or "2026-11-27T13:00:00+01:00". */
export type Instant = string;
/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;
/** A natural person: a patient, a parent, a trusted person, a relative. */
export type PersonId = string;
/** A care provider known to the hospital network. */
export type PractitionerId = string;

/** From when to when a fact holds: `from` inclusive, `until` exclusive (absent or null: still holds). */
export interface Period {
  from: Instant;
  until?: Instant | null;
}

/** Which law a hospital follows: Belgium or the Netherlands. */
export type Jurisdiction = "BE" | "NL";
/** The hospital's time zone, where birthdays start at local midnight. */
export type TimeZone = "Europe/Brussels" | "Europe/Amsterdam";

/** The hospital's settings that the rules depend on. */
export interface HospitalPolicy {
  jurisdiction: Jurisdiction;
  /** Default "Europe/Brussels". */
  time_zone?: TimeZone;
  /** Reports dated before this day are never shown in the portal. Default none. */
  report_cutoff?: IsoDate | null;
  /** Whether the portal shows reports from when the patient was under 18. Default true. */
  shows_children_reports?: boolean;
  /** Belgium: the age at which a parent–child link ends. Default 15. */
  parent_link_until_age?: number;
  /** Whether the portal shows the notes of consultations. Default false. */
  shows_consultation_notes?: boolean;
}

/** The kind of an authorisation under Dutch law. */
export type AuthorisationKind = "curator" | "mentor" | "written";

/** One fact about the patient's record and the people around it, told apart by `kind`. */
export type Fact =
  | { kind: "therapeutic_relationship"; practitioner: PractitionerId; period: Period }
  | { kind: "general_practitioner"; practitioner: PractitionerId; period: Period }
  | { kind: "gp_access_refused"; period: Period }
  | { kind: "referrer_consent"; practitioner: PractitionerId; period: Period }
  | { kind: "exclusion"; practitioner: PractitionerId; period: Period }
  | { kind: "exchange_consent"; period: Period }
  | { kind: "emergency_access"; practitioner: PractitionerId; reason: string; period: Period }
  | { kind: "parent_link"; parent: PersonId; period: Period }
  | { kind: "parental_authority"; parent: PersonId; period: Period }
  | { kind: "parent_without_authority"; parent: PersonId }
  | { kind: "child_consent"; parent: PersonId; period: Period }
  | { kind: "trusted_person"; person: PersonId; period: Period }
  | { kind: "representative"; person: PersonId; period: Period }
  | { kind: "incapacity"; period: Period }
  | { kind: "authorisation"; person: PersonId; authorisation: AuthorisationKind; period: Period }
  | { kind: "relative"; person: PersonId; degree: number }
  | { kind: "objection_after_death" }
  | { kind: "data_reuse_opt_out"; period: Period };

/** The `kind` of every fact. */
export type FactKind = Fact["kind"];

/** The patient the record is about. */
export interface Patient {
  id: PersonId;
  birth_date?: IsoDate | null;
  died_at?: Instant | null;
}

/** Everything known about one record: the patient, the hospital, and the facts (a set). */
export interface Facts {
  patient: Patient;
  hospital: HospitalPolicy;
  facts?: Fact[];
}

/** Who is asking: a person logged in to the portal, or a care provider. */
export type Principal =
  | { kind: "person"; id: PersonId }
  | { kind: "practitioner"; id: PractitionerId };

/** What the principal wants to do. */
export type Action =
  | "read"
  | "read_through_exchange"
  | "request_copy"
  | "manage_access"
  | "opt_out_of_data_reuse"
  | "manage_appointments";

/** Whether a report has been validated by its author. */
export type ReportStatus = "validated" | "not_validated";

/** The facts about one report that the rules look at. */
export interface ReportFacts {
  status: ReportStatus;
  shielded: boolean;
  date: IsoDate;
  /** A note of a consultation rather than a report. Default false. */
  consultation_note?: boolean;
  /** Held back for now by the care team or the patient's own choice. Default null: not held. */
  held?: Hold | null;
}

/** Who holds an item back. */
export type HoldBy = "care_team" | "patient";

/** An item held back from the portal until `until` (exclusive); null: until a consultation not yet planned. */
export interface Hold {
  by: HoldBy;
  until?: Instant | null;
}

/** A part of the record other than the reports. */
export type Section =
  | "result"
  | "allergy"
  | "blood_group"
  | "risk"
  | "medication"
  | "appointment"
  | "leaflet";

/** What the request is about: the whole record, one report of it, or one item of a section. */
export type Resource =
  | { kind: "record" }
  | { kind: "report"; report: ReportFacts }
  | { kind: "item"; section: Section; item: ReportFacts };

/** The request to decide: who, what, on which part of the record. */
export interface Request {
  principal: Principal;
  action: Action;
  resource: Resource;
}

/** The outcome of a decision. */
export type Effect = "permit" | "deny" | "indirect_only" | "doctor_weighs";

/** The rules of the catalogue, by stable id, as the JSON spells them. */
export type RuleId =
  | "default-deny"
  | "own-record"
  | "own-record-too-young"
  | "treating-relationship"
  | "general-practitioner"
  | "gp-access-refused"
  | "referrer-consent"
  | "referrer-consent-revoked"
  | "exclusion"
  | "exchange-with-consent"
  | "exchange-not-allowed"
  | "emergency-access"
  | "be-parent-link"
  | "be-parent-link-ended"
  | "nl-parent-under-12"
  | "nl-parent-with-child-consent"
  | "nl-child-consent-missing"
  | "nl-child-decides-alone"
  | "nl-parent-without-authority"
  | "be-trusted-person"
  | "be-representative"
  | "be-representative-not-needed"
  | "nl-authorisation"
  | "designation-revoked"
  | "death"
  | "be-relative-after-death"
  | "be-objection-after-death"
  | "nl-relative-after-death"
  | "data-reuse-only-patient"
  | "report-not-validated"
  | "report-shielded"
  | "report-before-cutoff"
  | "child-report-hidden"
  | "consultation-note-not-released"
  | "held-by-care-team"
  | "held-at-patients-choice";

/** A translatable message: a key such as "reason.own_record" and its named arguments, sorted by name. */
export interface Message {
  key: string;
  /** Absent when there are none. */
  args?: [name: string, value: string][];
}

/** A decision: its effect, the rules that determined it (sorted), and one reason per rule. */
export interface Decision {
  effect: Effect;
  rules: RuleId[];
  reasons: Message[];
}

/** One change whose consequences the patient sees before confirming it. */
export type Change =
  | { kind: "add"; fact: Fact }
  | { kind: "end"; fact: Fact; at: Instant }
  | { kind: "time_passes"; at: Instant };

/** What one person gains or loses through a change. */
export interface Difference {
  principal: Principal;
  action: Action;
  before: Decision;
  after: Decision;
}

/** The outcome of a validation: the canonical value and more, or the message key of the error. */
export type Validation<T> = ({ ok: true } & T) | { ok: false; error: Message };

/** A valid login name. */
export interface LoginNameValue {
  /** The normalised text: eleven digits, the record number, or the lowercase username. */
  value: string;
  form: "national_number" | "record_number" | "username";
  /** The account key, such as "insz:85073003328" or "user:margery". */
  key: string;
}

/** A valid Belgian national register or BIS number. */
export interface InszValue {
  /** The eleven digits. */
  value: string;
  /** "YY.MM.DD-SSS.CC". */
  formatted: string;
  kind: "national_register" | "bis";
  /** Null when the number leaves the month or the day unknown. */
  birth_date: IsoDate | null;
}

/** A valid Dutch citizen service number. */
export interface BsnValue {
  /** The nine digits. */
  value: string;
  /** "XXXX.XX.XXX". */
  formatted: string;
}

/** A valid code card answer. */
export interface CodeCardAnswerValue {
  /** The eight digits. */
  value: string;
}

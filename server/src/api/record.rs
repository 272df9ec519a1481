//! What every endpoint about one record shares: loading its facts, deciding through the domain
//! crate, and writing the audit trail.

use inzage_domain::access::{Decision, Facts, Patient, PersonId, ReportStatus, Request, Resource};
use inzage_domain::release::{
    self, Hold, ItemRelease, PatientChoice, ReleaseCategory, ReleasePreference,
};
use inzage_domain::{decide, Action, HospitalPolicy, Principal, ReportFacts, Section};
use std::collections::BTreeMap;

use time::{Date, OffsetDateTime};

use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::ApiError;
use crate::network::Network;
use crate::store::{
    section_of, FactRow, ItemFacts, NewAuditEntry, PatientRow, RecordRows, ReportRow, Subject, Tx,
};
use crate::AppState;

/// The server's clock in whole seconds, the precision facts and audit entries are stored at.
pub fn now(state: &AppState) -> OffsetDateTime {
    let t = state.clock.now();
    OffsetDateTime::from_unix_timestamp(t.unix_timestamp()).unwrap_or(t)
}

/// One record: the patient and the facts the domain decides on.
pub struct Record {
    /// The facts, with the network's record-level settings.
    pub facts: Facts,
    /// What release holds look at: the patient's choices and consultations.
    pub release: ReleaseFacts,
    /// Every row it was built from, its reports included, as the store keeps them.
    stored: std::sync::Arc<RecordRows>,
}

/// The patient's release choices and the consultations an "after my consultation" choice
/// waits for (see [`inzage_domain::release`]).
#[derive(Debug, Clone, Default)]
pub struct ReleaseFacts {
    /// The choice per category, where the patient made one.
    pub choices: Vec<(ReleaseCategory, PatientChoice)>,
    /// When each consultation starts, per hospital (grouped once, as every result's and
    /// report's decision looks at its own hospital's).
    pub consultations: BTreeMap<String, Vec<OffsetDateTime>>,
}

impl ReleaseFacts {
    fn of(stored: &RecordRows) -> Result<Self, ApiError> {
        let mut choices = Vec::new();
        for row in &stored.release_choices {
            let category = ReleaseCategory::parse(&row.category);
            let preference = ReleasePreference::parse(&row.preference);
            let since = parse_date(&row.since).ok();
            match (category, preference, since) {
                (Some(category), Some(preference), Some(since)) => {
                    choices.push((category, PatientChoice { preference, since }));
                }
                _ => {
                    return Err(ApiError::Internal(anyhow::anyhow!(
                        "a stored release choice is not one: {row:?}"
                    )))
                }
            }
        }
        let mut consultations: BTreeMap<String, Vec<OffsetDateTime>> = BTreeMap::new();
        for c in &stored.consultations {
            if let Ok(start) = OffsetDateTime::from_unix_timestamp(c.starts_at) {
                consultations
                    .entry(c.hospital_id.clone())
                    .or_default()
                    .push(start);
            }
        }
        Ok(Self {
            choices,
            consultations,
        })
    }

    /// The patient's choice for `category`, if they made one.
    pub fn choice(&self, category: ReleaseCategory) -> Option<PatientChoice> {
        self.choices
            .iter()
            .find(|(c, _)| *c == category)
            .map(|(_, choice)| *choice)
    }

    /// The hold on an item of `category` from `hospital_id`, dated `day`, made available at
    /// `ready_at` (Unix seconds; `None`: the start of its day in the hospital's time zone).
    fn hold(
        &self,
        network: &Network,
        policy: &HospitalPolicy,
        hospital_id: &str,
        category: ReleaseCategory,
        day: Date,
        ready_at: Option<i64>,
    ) -> Option<Hold> {
        let tz = policy.time_zone;
        let ready = ready_at
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
            .unwrap_or_else(|| tz.start_of_day(day));
        release::hold(ItemRelease {
            day: tz.local_date(ready),
            ready,
            care_team_days: network.care_team_holds(hospital_id).days(category),
            choice: self.choice(category),
            consultations: self
                .consultations
                .get(hospital_id)
                .map_or(&[], Vec::as_slice),
        })
    }
}

/// When the hospital says the patient died, if it does; a death without a known date
/// ("deceasedBoolean": true) counts as long past.
pub fn died_at(patient: &PatientRow) -> Option<OffsetDateTime> {
    patient.deceased_at.as_deref().map(|d| {
        parse_date(d)
            .map(|d| d.midnight().assume_utc())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    })
}

impl Record {
    /// Loads a record; `None` when there is no such patient. Its rows come from memory when
    /// nothing about it changed since they were read ([`crate::store::Store::record_rows`]).
    pub async fn load(state: &AppState, patient_id: &str) -> Result<Option<Self>, ApiError> {
        let Some(stored) = state.store.record_rows(patient_id).await? else {
            return Ok(None);
        };
        let patient = &stored.patient;
        let facts = stored
            .facts
            .iter()
            .map(FactRow::to_fact)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let birth_date = patient
            .birth_date
            .as_deref()
            .and_then(|d| parse_date(d).ok());
        let died_at = died_at(patient);
        let release = ReleaseFacts::of(&stored)?;
        Ok(Some(Self {
            release,
            facts: Facts {
                patient: Patient {
                    id: PersonId(patient.id.clone()),
                    birth_date,
                    died_at,
                },
                hospital: state.config.network.record_policy(&stored.report_hospitals),
                facts,
            },
            stored,
        }))
    }

    /// The patient as stored.
    pub fn patient(&self) -> &PatientRow {
        &self.stored.patient
    }

    /// The stored facts, each with its row id (to end the right rows).
    pub fn rows(&self) -> &[FactRow] {
        &self.stored.facts
    }

    /// Its reports, newest first, joined with their hospitals (as
    /// [`crate::store::Store::reports_for_patient`] gives them), read with the rest of it.
    pub fn reports(&self) -> &[ReportRow] {
        &self.stored.reports
    }

    /// The decision on an action on the record as a whole.
    pub fn decide(&self, principal: &Principal, action: Action, now: OffsetDateTime) -> Decision {
        decide(
            &Request {
                principal: principal.clone(),
                action,
                resource: Resource::Record,
            },
            &self.facts,
            now,
        )
    }

    /// The decision on reading one of its reports, under the writing hospital's settings
    /// (from the network file, or its default with the cutoff the hospital was imported with).
    pub fn decide_report(
        &self,
        network: &Network,
        principal: &Principal,
        row: &ReportRow,
        now: OffsetDateTime,
    ) -> Result<Decision, ApiError> {
        let report = ReportFacts {
            consultation_note: row.consultation_note == 1,
            ..entry_facts(&row.report_date, row.validated, row.shielded)?
        };
        let held = Some((ReleaseCategory::Reports, row.issued_at));
        self.decide_under(
            network,
            (&row.hospital_id, row.report_cutoff.as_deref()),
            principal,
            (Resource::Report { report }, held),
            now,
        )
    }

    /// This record's report `id`, when `principal` may read it at `now`; `None` when there is
    /// no such report, it is another record's, or it is hidden from them (one answer for all
    /// three).
    pub async fn readable_report(
        &self,
        state: &AppState,
        principal: &Principal,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<Option<ReportRow>, ApiError> {
        let Some(row) = state
            .store
            .report(id)
            .await?
            .filter(|r| r.patient_id == self.patient().id)
        else {
            return Ok(None);
        };
        let readable = self
            .decide_report(&state.config.network, principal, &row, now)?
            .is_permitted();
        Ok(readable.then_some(row))
    }

    /// The decision on reading one item of a section, under its hospital's settings.
    pub fn decide_item(
        &self,
        network: &Network,
        principal: &Principal,
        row: ItemFacts<'_>,
        now: OffsetDateTime,
    ) -> Result<Decision, ApiError> {
        let section = section_of(row.section).ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("unknown section `{}`", row.section))
        })?;
        let item = entry_facts(row.item_date, row.validated, row.shielded)?;
        let held = (section == Section::Result).then_some((ReleaseCategory::Results, row.ready_at));
        self.decide_under(
            network,
            (row.hospital_id, row.report_cutoff),
            principal,
            (Resource::Item { section, item }, held),
            now,
        )
    }

    /// Decides reading `resource` of the hospital `(id, imported cutoff)` under its settings;
    /// with a release category and the instant the item was made available, any hold on it
    /// is part of the facts.
    fn decide_under(
        &self,
        network: &Network,
        (hospital_id, imported_cutoff): (&str, Option<&str>),
        principal: &Principal,
        (mut resource, release): (Resource, Option<(ReleaseCategory, Option<i64>)>),
        now: OffsetDateTime,
    ) -> Result<Decision, ApiError> {
        let imported_cutoff = imported_cutoff
            .map(parse_date)
            .transpose()
            .map_err(|e| ApiError::Internal(e.into()))?;
        let facts = Facts {
            hospital: network.policy(hospital_id, imported_cutoff),
            ..self.facts.clone()
        };
        if let (
            Some((category, ready_at)),
            Resource::Report { report: entry } | Resource::Item { item: entry, .. },
        ) = (release, &mut resource)
        {
            entry.held = self.release.hold(
                network,
                &facts.hospital,
                hospital_id,
                category,
                entry.date,
                ready_at,
            );
        }
        let request = Request {
            principal: principal.clone(),
            action: Action::Read,
            resource,
        };
        Ok(decide(&request, &facts, now))
    }
}

/// The facts the rules look at, from a stored report's or item's columns.
fn entry_facts(date: &str, validated: i64, shielded: i64) -> Result<ReportFacts, ApiError> {
    Ok(ReportFacts {
        status: if validated == 1 {
            ReportStatus::Validated
        } else {
            ReportStatus::NotValidated
        },
        shielded: shielded != 0,
        date: parse_date(date).map_err(|e| ApiError::Internal(e.into()))?,
        consultation_note: false,
        held: None,
    })
}

/// Who acts, as the audit trail records them.
pub struct Actor {
    /// Whose account.
    pub subject: Subject,
    /// Their name now.
    pub name: String,
    /// `patient` on their own record, `person` on someone else's, a practitioner's role, or a
    /// staff member's (`ombuds`).
    pub role: String,
}

impl Actor {
    /// The actor behind a session, acting on `record`.
    pub async fn of(state: &AppState, user: &CurrentUser, record: &str) -> Result<Self, ApiError> {
        let (name, role) = match &user.subject {
            Subject::Patient(id) => (
                state
                    .store
                    .patient_display_name(id)
                    .await?
                    .unwrap_or_default(),
                if id == record { "patient" } else { "person" }.to_owned(),
            ),
            Subject::Practitioner(id) => {
                let p = state.store.practitioner(id).await?;
                (
                    p.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                    p.map(|p| p.role).unwrap_or_default(),
                )
            }
            Subject::Staff(id) => {
                let s = state.store.staff(id).await?;
                (
                    s.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
                    s.map(|s| s.role).unwrap_or_default(),
                )
            }
        };
        Ok(Self {
            subject: user.subject.clone(),
            name,
            role,
        })
    }

    /// The actor behind a session, acting on a loaded record: without a query when it is the
    /// patient's own session, whose name the record holds.
    pub async fn on(
        state: &AppState,
        user: &CurrentUser,
        record: &Record,
    ) -> Result<Self, ApiError> {
        match &user.subject {
            Subject::Patient(id) if *id == record.patient().id => Ok(Self {
                subject: user.subject.clone(),
                name: record.patient().display_name(),
                role: "patient".to_owned(),
            }),
            _ => Self::of(state, user, &record.patient().id).await,
        }
    }

    /// An audit entry of this actor about a record.
    pub fn entry(
        &self,
        record: &str,
        action: &str,
        resource: &str,
        decision: &Decision,
        client: &ClientAddr,
        now: OffsetDateTime,
    ) -> NewAuditEntry {
        let (kind, id) = match &self.subject {
            Subject::Patient(id) => ("person", id.clone()),
            Subject::Practitioner(id) => ("practitioner", id.clone()),
            Subject::Staff(id) => ("staff", id.clone()),
        };
        NewAuditEntry {
            at: now.unix_timestamp(),
            actor_kind: kind.into(),
            actor_id: id,
            actor_name: self.name.clone(),
            actor_role: proxy_role(&self.role, decision).to_owned(),
            patient_id: record.to_owned(),
            action: action.into(),
            resource: resource.into(),
            outcome: if decision.is_permitted() {
                "permit"
            } else {
                "deny"
            }
            .into(),
            reasons: serde_json::to_string(&decision.reasons).unwrap_or_else(|_| "[]".into()),
            client: client.0.clone(),
        }
    }
}

/// The role of someone acting on another person's record, named after the ground the domain
/// found (a parent, a trusted person, a representative, an authorised person); any other role
/// as it is.
fn proxy_role<'a>(role: &'a str, decision: &Decision) -> &'a str {
    use inzage_domain::RuleId;
    if role != "person" {
        return role;
    }
    decision
        .rules
        .iter()
        .find_map(|rule| match rule {
            RuleId::BeParentLink | RuleId::NlParentUnder12 | RuleId::NlParentWithChildConsent => {
                Some("parent")
            }
            RuleId::BeTrustedPerson => Some("trusted_person"),
            RuleId::BeRepresentative => Some("representative"),
            RuleId::NlAuthorisation => Some("authorised"),
            _ => None,
        })
        .unwrap_or(role)
}

/// A request about a record, authorized: the record, the actor, and the permitting decision.
pub struct Authorized {
    /// The record.
    pub record: Record,
    /// Who acts.
    pub actor: Actor,
    /// The decision that permitted it.
    pub decision: Decision,
}

/// Decides `action` on a record for the session's person. A refusal is written to the audit
/// trail and answered 404 when the person may not even read the record (the same answer as for
/// a missing record), else 403 with the domain's reasons. A permit is not logged here: the
/// caller logs it with what was actually read or changed.
impl Authorized {
    /// Whether the person may also manage the record (the patient, a parent, a representative),
    /// beyond the action they were authorized for: they then see everyone's requests and threads
    /// about it, not only their own.
    pub fn manages(&self, state: &AppState, user: &CurrentUser) -> bool {
        self.record
            .decide(&user.principal(), Action::ManageAccess, now(state))
            .is_permitted()
    }
}

/// A network hospital's name as shown: the network file's, else the imported one.
pub async fn hospital_name(state: &AppState, id: &str) -> Result<String, ApiError> {
    let imported = state
        .store
        .hospital_imported_name(id)
        .await?
        .unwrap_or_default();
    Ok(state.config.network.hospital_name(id, &imported))
}

pub async fn authorize(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    record_id: &str,
    action: Action,
    resource: &str,
) -> Result<Authorized, ApiError> {
    let record = Record::load(state, record_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let now = now(state);
    let principal = user.principal();
    let decision = record.decide(&principal, action, now);
    let actor = Actor::on(state, user, &record).await?;
    if decision.is_permitted() {
        return Ok(Authorized {
            record,
            actor,
            decision,
        });
    }
    let verb = if action == Action::Read {
        "read"
    } else {
        "change"
    };
    state
        .store
        .audit(&actor.entry(record_id, verb, resource, &decision, client, now))
        .await?;
    if action != Action::Read && record.decide(&principal, Action::Read, now).is_permitted() {
        return Err(ApiError::Forbidden {
            message: inzage_domain::Message::new("error.forbidden"),
            reasons: decision.reasons,
        });
    }
    Err(ApiError::NotFound)
}

/// Writes a permitted read to the audit trail before its data leaves the server.
pub async fn log_read(
    state: &AppState,
    auth: &Authorized,
    resource: &str,
    decision: &Decision,
    client: &ClientAddr,
) -> Result<(), ApiError> {
    let record = auth.record.patient().id.as_str();
    state
        .store
        .audit(
            &auth
                .actor
                .entry(record, "read", resource, decision, client, now(state)),
        )
        .await?;
    Ok(())
}

/// Writes a change to the audit trail inside the transaction that makes it.
pub async fn log_change(
    tx: &mut Tx,
    state: &AppState,
    auth: &Authorized,
    resource: &str,
    client: &ClientAddr,
) -> Result<(), ApiError> {
    let record = auth.record.patient().id.as_str();
    tx.audit(&auth.actor.entry(
        record,
        "change",
        resource,
        &auth.decision,
        client,
        now(state),
    ))
    .await?;
    Ok(())
}

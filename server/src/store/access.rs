//! Practitioners, the access facts of each record, referral requests and reuse projects.

use anyhow::{bail, Context};
use inzage_domain::access::{AuthorisationKind, Fact, Period, PersonId, PractitionerId};
use time::OffsetDateTime;

use super::{Store, Tx};

/// A care provider known to the network.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PractitionerRow {
    /// FHIR Practitioner id.
    pub id: String,
    /// Name as shown to patients ("Dr. Mariam Gleason").
    pub name: String,
    /// `general_practitioner`, `specialist` or `referrer`.
    pub role: String,
    /// Where they work.
    pub institution: String,
    /// The network hospital they work in, if any.
    pub hospital_id: Option<String>,
}

/// A member of hospital staff.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffRow {
    /// Id.
    pub id: String,
    /// Name as shown in the audit trail ("Ombudsdienst AZ Voorbeeld").
    pub name: String,
    /// What they handle (`ombuds`).
    pub role: String,
}

/// One stored access fact: a [`Fact`] with its row id.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FactRow {
    /// Row id.
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// The fact's kind, as the domain names it.
    pub kind: String,
    /// The practitioner it names.
    pub practitioner_id: Option<String>,
    /// The person it names.
    pub person_id: Option<String>,
    /// Kind-specific detail.
    pub detail: Option<String>,
    /// Unix seconds.
    pub valid_from: i64,
    /// Unix seconds, when it ended.
    pub valid_until: Option<i64>,
}

/// A referring practitioner's request to read a record.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReferralRow {
    /// Request id.
    pub id: String,
    /// Whose record.
    pub patient_id: String,
    /// Who asks.
    pub practitioner_id: String,
    /// Why, in the practitioner's words.
    pub reason: String,
    /// Unix seconds.
    pub filed_at: i64,
}

/// Where a patient's data was reused.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReuseProjectRow {
    /// Project id.
    pub id: String,
    /// Project name.
    pub name: String,
    /// `domain::reuse::ReusePurpose` in snake_case.
    pub purpose: String,
    /// Unix seconds.
    pub used_at: i64,
}

fn instant(seconds: i64) -> anyhow::Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(seconds).context("an instant out of range")
}

impl FactRow {
    /// The domain fact this row stores.
    pub fn to_fact(&self) -> anyhow::Result<Fact> {
        let period = Period {
            from: instant(self.valid_from)?,
            until: self.valid_until.map(instant).transpose()?,
        };
        let practitioner = || {
            self.practitioner_id
                .clone()
                .map(PractitionerId)
                .with_context(|| format!("access fact {} names no practitioner", self.id))
        };
        let person = || {
            self.person_id
                .clone()
                .map(PersonId)
                .with_context(|| format!("access fact {} names no person", self.id))
        };
        let detail = || self.detail.clone().unwrap_or_default();
        Ok(match self.kind.as_str() {
            "therapeutic_relationship" => Fact::TherapeuticRelationship {
                practitioner: practitioner()?,
                period,
            },
            "general_practitioner" => Fact::GeneralPractitioner {
                practitioner: practitioner()?,
                period,
            },
            "gp_access_refused" => Fact::GpAccessRefused { period },
            "referrer_consent" => Fact::ReferrerConsent {
                practitioner: practitioner()?,
                period,
            },
            "exclusion" => Fact::Exclusion {
                practitioner: practitioner()?,
                period,
            },
            "exchange_consent" => Fact::ExchangeConsent { period },
            "emergency_access" => Fact::EmergencyAccess {
                practitioner: practitioner()?,
                reason: detail(),
                period,
            },
            "parent_link" => Fact::ParentLink {
                parent: person()?,
                period,
            },
            "parental_authority" => Fact::ParentalAuthority {
                parent: person()?,
                period,
            },
            "parent_without_authority" => Fact::ParentWithoutAuthority { parent: person()? },
            "child_consent" => Fact::ChildConsent {
                parent: person()?,
                period,
            },
            "trusted_person" => Fact::TrustedPerson {
                person: person()?,
                period,
            },
            "representative" => Fact::Representative {
                person: person()?,
                period,
            },
            "incapacity" => Fact::Incapacity { period },
            "authorisation" => Fact::Authorisation {
                person: person()?,
                authorisation: match detail().as_str() {
                    "curator" => AuthorisationKind::Curator,
                    "mentor" => AuthorisationKind::Mentor,
                    "written" => AuthorisationKind::Written,
                    other => bail!("access fact {}: unknown authorisation `{other}`", self.id),
                },
                period,
            },
            "relative" => Fact::Relative {
                person: person()?,
                degree: detail()
                    .parse()
                    .with_context(|| format!("access fact {}: kinship degree", self.id))?,
            },
            "objection_after_death" => Fact::ObjectionAfterDeath,
            "data_reuse_opt_out" => Fact::DataReuseOptOut { period },
            other => bail!("access fact {}: unknown kind `{other}`", self.id),
        })
    }

    /// A new row storing `fact` for a patient's record.
    pub fn from_fact(patient_id: &str, fact: &Fact) -> Self {
        let (kind, practitioner, person, detail): (&str, Option<&PractitionerId>, _, _) = match fact
        {
            Fact::TherapeuticRelationship { practitioner, .. } => {
                ("therapeutic_relationship", Some(practitioner), None, None)
            }
            Fact::GeneralPractitioner { practitioner, .. } => {
                ("general_practitioner", Some(practitioner), None, None)
            }
            Fact::GpAccessRefused { .. } => ("gp_access_refused", None, None, None),
            Fact::ReferrerConsent { practitioner, .. } => {
                ("referrer_consent", Some(practitioner), None, None)
            }
            Fact::Exclusion { practitioner, .. } => ("exclusion", Some(practitioner), None, None),
            Fact::ExchangeConsent { .. } => ("exchange_consent", None, None, None),
            Fact::EmergencyAccess {
                practitioner,
                reason,
                ..
            } => (
                "emergency_access",
                Some(practitioner),
                None,
                Some(reason.clone()),
            ),
            Fact::ParentLink { parent, .. } => ("parent_link", None, Some(parent), None),
            Fact::ParentalAuthority { parent, .. } => {
                ("parental_authority", None, Some(parent), None)
            }
            Fact::ParentWithoutAuthority { parent } => {
                ("parent_without_authority", None, Some(parent), None)
            }
            Fact::ChildConsent { parent, .. } => ("child_consent", None, Some(parent), None),
            Fact::TrustedPerson { person, .. } => ("trusted_person", None, Some(person), None),
            Fact::Representative { person, .. } => ("representative", None, Some(person), None),
            Fact::Incapacity { .. } => ("incapacity", None, None, None),
            Fact::Authorisation {
                person,
                authorisation,
                ..
            } => (
                "authorisation",
                None,
                Some(person),
                Some(
                    match authorisation {
                        AuthorisationKind::Curator => "curator",
                        AuthorisationKind::Mentor => "mentor",
                        AuthorisationKind::Written => "written",
                    }
                    .to_owned(),
                ),
            ),
            Fact::Relative { person, degree } => {
                ("relative", None, Some(person), Some(degree.to_string()))
            }
            Fact::ObjectionAfterDeath => ("objection_after_death", None, None, None),
            Fact::DataReuseOptOut { .. } => ("data_reuse_opt_out", None, None, None),
        };
        let period = fact.period();
        Self {
            id: uuid::Uuid::new_v4().to_string(),
            patient_id: patient_id.to_owned(),
            kind: kind.to_owned(),
            practitioner_id: practitioner.map(|p| p.0.clone()),
            person_id: person.map(|p| p.0.clone()),
            detail,
            valid_from: period.map_or(0, |p| p.from.unix_timestamp()),
            valid_until: period.and_then(|p| p.until).map(|u| u.unix_timestamp()),
        }
    }
}

const FACT_COLUMNS: &str =
    "id, patient_id, kind, practitioner_id, person_id, detail, valid_from, valid_until";

impl Store {
    /// Adds or updates a practitioner.
    pub async fn upsert_practitioner(&self, p: &PractitionerRow) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO practitioners (id, name, role, institution, hospital_id) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET name = excluded.name, \
             role = excluded.role, institution = excluded.institution, \
             hospital_id = excluded.hospital_id",
        )
        .bind(&p.id)
        .bind(&p.name)
        .bind(&p.role)
        .bind(&p.institution)
        .bind(&p.hospital_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Adds or updates a staff member.
    pub async fn upsert_staff(&self, s: &StaffRow) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO staff (id, name, role) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role",
        )
        .bind(&s.id)
        .bind(&s.name)
        .bind(&s.role)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// One staff member.
    pub async fn staff(&self, id: &str) -> anyhow::Result<Option<StaffRow>> {
        Ok(
            sqlx::query_as::<_, StaffRow>("SELECT id, name, role FROM staff WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// One practitioner.
    pub async fn practitioner(&self, id: &str) -> anyhow::Result<Option<PractitionerRow>> {
        Ok(sqlx::query_as::<_, PractitionerRow>(
            "SELECT id, name, role, institution, hospital_id FROM practitioners WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The practitioner with exactly this name (demo accounts).
    pub async fn practitioner_by_name(
        &self,
        name: &str,
    ) -> anyhow::Result<Option<PractitionerRow>> {
        Ok(sqlx::query_as::<_, PractitionerRow>(
            "SELECT id, name, role, institution, hospital_id FROM practitioners WHERE name = $1 \
             ORDER BY id LIMIT 1",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every access fact of a record, ended ones included.
    pub async fn facts_of(&self, patient_id: &str) -> anyhow::Result<Vec<FactRow>> {
        Ok(sqlx::query_as::<_, FactRow>(&format!(
            "SELECT {FACT_COLUMNS} FROM access_facts WHERE patient_id = $1 ORDER BY valid_from, id"
        ))
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The records a practitioner is named in by any fact (the patients they may look up).
    pub async fn patients_of_practitioner(
        &self,
        practitioner_id: &str,
    ) -> anyhow::Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT patient_id FROM access_facts WHERE practitioner_id = $1 \
             ORDER BY patient_id",
        )
        .bind(practitioner_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The patient with this national number, Belgian or Dutch (digits only), if any.
    pub async fn patient_by_national_number(&self, number: &str) -> anyhow::Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT id FROM patients WHERE insz = $1 OR bsn = $1 ORDER BY id LIMIT 1",
        )
        .bind(number)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.0))
    }

    /// The patient with this hospital record number, if any.
    pub async fn patient_by_record_number(&self, number: &str) -> anyhow::Result<Option<String>> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT id FROM patients WHERE record_number = $1")
                .bind(number)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| r.0))
    }

    /// The patient with this Belgian national number, if any.
    pub async fn patient_by_insz(&self, insz: &str) -> anyhow::Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT id FROM patients WHERE insz = $1")
            .bind(insz)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    /// The pending referral requests of a record, oldest first.
    pub async fn pending_referrals(&self, patient_id: &str) -> anyhow::Result<Vec<ReferralRow>> {
        Ok(sqlx::query_as::<_, ReferralRow>(
            "SELECT id, patient_id, practitioner_id, reason, filed_at FROM referral_requests \
             WHERE patient_id = $1 AND outcome IS NULL ORDER BY filed_at, id",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Where a patient's data was reused, newest first.
    pub async fn reuse_projects(&self, patient_id: &str) -> anyhow::Result<Vec<ReuseProjectRow>> {
        Ok(sqlx::query_as::<_, ReuseProjectRow>(
            "SELECT id, name, purpose, used_at FROM reuse_projects WHERE patient_id = $1 \
             ORDER BY used_at DESC, id",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records a reuse of a patient's data.
    pub async fn insert_reuse_project(
        &self,
        patient_id: &str,
        project: &ReuseProjectRow,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO reuse_projects (id, patient_id, name, purpose, used_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&project.id)
        .bind(patient_id)
        .bind(&project.name)
        .bind(&project.purpose)
        .bind(project.used_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl Tx {
    /// Stores a new fact.
    pub async fn insert_fact(&mut self, row: &FactRow) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "INSERT INTO access_facts ({FACT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        ))
        .bind(&row.id)
        .bind(&row.patient_id)
        .bind(&row.kind)
        .bind(&row.practitioner_id)
        .bind(&row.person_id)
        .bind(&row.detail)
        .bind(row.valid_from)
        .bind(row.valid_until)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Ends a stored fact at `until` (unless it ended earlier).
    pub async fn end_fact(&mut self, id: &str, until: i64) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE access_facts SET valid_until = $1 WHERE id = $2 \
             AND (valid_until IS NULL OR valid_until > $1)",
        )
        .bind(until)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Files a referral request unless the same practitioner has one pending for the record;
    /// returns whether a new one was filed.
    pub async fn file_referral(
        &mut self,
        patient_id: &str,
        practitioner_id: &str,
        reason: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        let (pending,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM referral_requests WHERE patient_id = $1 \
             AND practitioner_id = $2 AND outcome IS NULL",
        )
        .bind(patient_id)
        .bind(practitioner_id)
        .fetch_one(&mut *self.0)
        .await?;
        if pending > 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO referral_requests (id, patient_id, practitioner_id, reason, filed_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(patient_id)
        .bind(practitioner_id)
        .bind(reason)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(true)
    }

    /// Closes a practitioner's pending request for a record with an outcome; returns whether
    /// one was pending.
    pub async fn close_referral(
        &mut self,
        patient_id: &str,
        practitioner_id: &str,
        outcome: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE referral_requests SET outcome = $1, decided_at = $2 \
             WHERE patient_id = $3 AND practitioner_id = $4 AND outcome IS NULL",
        )
        .bind(outcome)
        .bind(now)
        .bind(patient_id)
        .bind(practitioner_id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() > 0)
    }
}

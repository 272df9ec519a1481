//! Records kept in memory, and the versions that tell when a kept record is stale.
//!
//! Every request about a record needs what the domain decides on (the patient, the access
//! facts, the release choices and consultations, the hospitals of its reports) and most need
//! its reports: seven queries. The store keeps these rows per record in memory and, on each
//! request, asks the database one small question instead: the record's version and the
//! hospitals' version. Triggers in the database raise a record's version in the transaction of
//! any change to those rows — made by this server, another server on the same database, an
//! import, or an administrator's SQL — so a change (a revocation, a shielded report) applies on
//! the very next request, exactly as when every row was read again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::{Backend, ConsultationRow, FactRow, PatientRow, ReleaseChoiceRow, ReportRow, Store};

/// How many records are kept in memory at most (each a few hundred KB at most; the demo's
/// largest is about 100 KB). Beyond it, an arbitrary kept record makes room.
const RECORDS_KEPT: usize = 256;

/// The version row that every change to a hospital raises: each record's report list shows
/// hospital names and cutoffs.
const HOSPITALS: &str = "*";

/// A table whose rows a [`RecordRows`] holds: its name, the column that names the record (`None`:
/// a hospital, whose change concerns every record), and which rows count.
struct Watched {
    table: &'static str,
    record: Option<&'static str>,
    rows: Option<&'static str>,
}

const WATCHED: &[Watched] = &[
    Watched {
        table: "patients",
        record: Some("id"),
        rows: None,
    },
    Watched {
        table: "access_facts",
        record: Some("patient_id"),
        rows: None,
    },
    Watched {
        table: "release_choices",
        record: Some("patient_id"),
        rows: None,
    },
    // Only appointments are consultations; results and the rest change nothing kept here.
    Watched {
        table: "record_items",
        record: Some("patient_id"),
        rows: Some("section = 'appointment'"),
    },
    Watched {
        table: "reports",
        record: Some("patient_id"),
        rows: None,
    },
    Watched {
        table: "hospitals",
        record: None,
        rows: None,
    },
];

/// One record's stored rows, as read together after its versions were read.
#[derive(Clone)]
pub struct RecordRows {
    /// The patient.
    pub patient: PatientRow,
    /// The access facts, ended ones included.
    pub facts: Vec<FactRow>,
    /// The release choices.
    pub release_choices: Vec<ReleaseChoiceRow>,
    /// The consultations.
    pub consultations: Vec<ConsultationRow>,
    /// The hospitals of its reports, the most recent first (see [`Store::report_hospitals`]).
    pub report_hospitals: Vec<String>,
    /// Its reports, newest first (see [`Store::reports_for_patient`]).
    pub reports: Vec<ReportRow>,
}

/// The record's version and the hospitals' version, as read before its rows.
type Versions = (i64, i64);

/// The records kept in memory, each with the versions it was read at.
#[derive(Default)]
pub(super) struct KeptRecords(Mutex<HashMap<String, (Versions, Arc<RecordRows>)>>);

impl std::fmt::Debug for KeptRecords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeptRecords({})", self.lock().len())
    }
}

impl KeptRecords {
    /// The kept records. Every change under the lock is a single insert or removal, so a
    /// poisoned lock holds a consistent map and is used as it is.
    fn lock(&self) -> MutexGuard<'_, HashMap<String, (Versions, Arc<RecordRows>)>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The statements that (re)create the version triggers for `backend`, in one text.
fn trigger_sql(backend: Backend) -> String {
    let mut sql = String::new();
    if backend == Backend::Postgres {
        // One function for every table: its argument names the record's column ('' for a
        // hospital, whose row has no such key, so that it raises the '*' row).
        sql.push_str(
            "CREATE OR REPLACE FUNCTION inzage_record_version() RETURNS trigger \
             LANGUAGE plpgsql AS $$ \
             DECLARE keys TEXT[] := ARRAY[]::TEXT[]; \
             BEGIN \
               IF TG_OP <> 'INSERT' THEN \
                 keys := keys || COALESCE(to_jsonb(OLD) ->> TG_ARGV[0], '*'); \
               END IF; \
               IF TG_OP <> 'DELETE' THEN \
                 keys := keys || COALESCE(to_jsonb(NEW) ->> TG_ARGV[0], '*'); \
               END IF; \
               INSERT INTO record_versions (patient_id, version) \
                 SELECT DISTINCT k, 1 FROM unnest(keys) AS k \
                 ON CONFLICT (patient_id) DO UPDATE SET version = record_versions.version + 1; \
               RETURN NULL; \
             END $$;\n",
        );
    }
    for w in WATCHED {
        for (event, old, new) in [
            ("INSERT", false, true),
            ("UPDATE", true, true),
            ("DELETE", true, false),
        ] {
            let name = format!("record_version_{}_{}", w.table, event.to_lowercase());
            let when = w.rows.map_or(String::new(), |cond| {
                let mut sides = Vec::new();
                if old {
                    sides.push(format!("OLD.{cond}"));
                }
                if new {
                    sides.push(format!("NEW.{cond}"));
                }
                format!("WHEN ({})", sides.join(" OR "))
            });
            sql.push_str(&format!("DROP TRIGGER IF EXISTS {name}"));
            if backend == Backend::Postgres {
                sql.push_str(&format!(" ON {}", w.table));
            }
            sql.push_str(";\n");
            match backend {
                Backend::Sqlite => {
                    let key = |side: &str| {
                        w.record
                            .map_or(format!("'{HOSPITALS}'"), |c| format!("{side}.{c}"))
                    };
                    let mut body = String::new();
                    for (side, used) in [("OLD", old), ("NEW", new)] {
                        if used {
                            let key = key(side);
                            // No conflict clause: a trigger's would give way to the
                            // statement's own (an import's upsert), and fail.
                            body.push_str(&format!(
                                "UPDATE record_versions SET version = version + 1 \
                                 WHERE patient_id = {key}; \
                                 INSERT INTO record_versions (patient_id, version) \
                                 SELECT {key}, 1 WHERE NOT EXISTS \
                                 (SELECT 1 FROM record_versions WHERE patient_id = {key}); "
                            ));
                        }
                    }
                    sql.push_str(&format!(
                        "CREATE TRIGGER {name} AFTER {event} ON {table} {when} \
                         BEGIN {body}END;\n",
                        table = w.table
                    ));
                }
                Backend::Postgres => {
                    sql.push_str(&format!(
                        "CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} \
                         EXECUTE FUNCTION inzage_record_version('{column}');\n",
                        table = w.table,
                        column = w.record.unwrap_or_default()
                    ));
                }
            }
        }
    }
    sql
}

impl Store {
    /// (Re)creates the triggers that raise record versions, in one transaction, so that a
    /// server that starts never sees a table without them.
    pub(super) async fn install_version_triggers(&self) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::raw_sql(&trigger_sql(self.backend))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The record's version and the hospitals' version (0 before their first change).
    async fn versions(&self, patient_id: &str) -> anyhow::Result<Versions> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT patient_id, version FROM record_versions \
             WHERE patient_id = $1 OR patient_id = $2",
        )
        .bind(patient_id)
        .bind(HOSPITALS)
        .fetch_all(&self.pool)
        .await?;
        let of = |key: &str| rows.iter().find(|(k, _)| k == key).map_or(0, |(_, v)| *v);
        Ok((of(patient_id), of(HOSPITALS)))
    }

    /// A record's rows, from memory when neither the record nor any hospital changed since they
    /// were read, else from the database (and kept); `None` when there is no such patient.
    ///
    /// The versions are read before the rows, so kept rows are never older than the versions
    /// they are kept under: a change committed in between only makes the next request read
    /// them again.
    pub async fn record_rows(&self, patient_id: &str) -> anyhow::Result<Option<Arc<RecordRows>>> {
        let versions = self.versions(patient_id).await?;
        if let Some((kept_at, rows)) = self.kept.lock().get(patient_id) {
            if *kept_at == versions {
                return Ok(Some(Arc::clone(rows)));
            }
        }
        let Some(patient) = self.patient(patient_id).await? else {
            return Ok(None);
        };
        let rows = Arc::new(RecordRows {
            patient,
            facts: self.facts_of(patient_id).await?,
            release_choices: self.release_choices(patient_id).await?,
            consultations: self.consultations_of(patient_id).await?,
            report_hospitals: self.report_hospitals(patient_id).await?,
            reports: self.reports_for_patient(patient_id).await?,
        });
        let mut kept = self.kept.lock();
        if kept.len() >= RECORDS_KEPT && !kept.contains_key(patient_id) {
            if let Some(any) = kept.keys().next().cloned() {
                kept.remove(&any);
            }
        }
        kept.insert(patient_id.to_owned(), (versions, Arc::clone(&rows)));
        Ok(Some(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_watched_table_has_a_trigger_per_event_on_both_backends() {
        for backend in [Backend::Sqlite, Backend::Postgres] {
            let sql = trigger_sql(backend);
            for w in WATCHED {
                for event in ["insert", "update", "delete"] {
                    let create = format!("CREATE TRIGGER record_version_{}_{event} ", w.table);
                    assert!(sql.contains(&create), "{backend:?}: {create}");
                }
            }
        }
    }

    #[test]
    fn appointments_alone_raise_a_version_among_record_items() {
        let sql = trigger_sql(Backend::Sqlite);
        let update = sql
            .lines()
            .find(|l| l.starts_with("CREATE TRIGGER record_version_record_items_update"))
            .unwrap_or_default();
        assert!(
            update.contains("WHEN (OLD.section = 'appointment' OR NEW.section = 'appointment')"),
            "{update}"
        );
    }
}

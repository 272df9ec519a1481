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
/// largest is about 100 KB). Beyond it, the record read least recently makes room.
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
pub(super) type KeptRecords = Kept<Arc<RecordRows>>;

/// Values kept under a key with the [`Versions`] they were read at, at most `capacity` of them;
/// the one used least recently makes room for a new one.
pub(super) struct Kept<T> {
    capacity: usize,
    entries: Mutex<Entries<T>>,
}

struct Entries<T> {
    by_key: HashMap<String, Entry<T>>,
    /// Counts every use, so that a larger `used` is a later one.
    clock: u64,
}

struct Entry<T> {
    versions: Versions,
    value: T,
    used: u64,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Self::with_capacity(RECORDS_KEPT)
    }
}

impl<T> std::fmt::Debug for Kept<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Kept({} of {})", self.lock().by_key.len(), self.capacity)
    }
}

impl<T> Kept<T> {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            entries: Mutex::new(Entries {
                by_key: HashMap::new(),
                clock: 0,
            }),
        }
    }

    /// The entries. Every change under the lock leaves them consistent (a use, one insert, or
    /// one removal then one insert), so a poisoned lock is used as it is.
    fn lock(&self) -> MutexGuard<'_, Entries<T>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: Clone> Kept<T> {
    /// The value kept under `key` if it was read at `versions` (and it counts as used now).
    fn fresh(&self, key: &str, versions: Versions) -> Option<T> {
        let mut entries = self.lock();
        entries.clock += 1;
        let now = entries.clock;
        let entry = entries
            .by_key
            .get_mut(key)
            .filter(|e| e.versions == versions)?;
        entry.used = now;
        Some(entry.value.clone())
    }

    /// Keeps `value` under `key`, read at `versions`; when full, the entry used least recently
    /// makes room.
    fn keep(&self, key: &str, versions: Versions, value: T) {
        let mut entries = self.lock();
        entries.clock += 1;
        let used = entries.clock;
        if entries.by_key.len() >= self.capacity && !entries.by_key.contains_key(key) {
            let oldest = entries
                .by_key
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                entries.by_key.remove(&oldest);
            }
        }
        entries.by_key.insert(
            key.to_owned(),
            Entry {
                versions,
                value,
                used,
            },
        );
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
        if let Some(rows) = self.kept.fresh(patient_id, versions) {
            return Ok(Some(rows));
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
        self.kept.keep(patient_id, versions, Arc::clone(&rows));
        Ok(Some(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_used_least_recently_makes_room() {
        let kept = Kept::with_capacity(2);
        kept.keep("a", (1, 0), "A");
        kept.keep("b", (1, 0), "B");
        // Reading `a` makes `b` the one used least recently.
        assert_eq!(kept.fresh("a", (1, 0)), Some("A"));
        kept.keep("c", (1, 0), "C");
        assert_eq!(kept.fresh("b", (1, 0)), None);
        assert_eq!(kept.fresh("a", (1, 0)), Some("A"));
        assert_eq!(kept.fresh("c", (1, 0)), Some("C"));
        // Keeping a key again replaces it and makes no room.
        kept.keep("c", (2, 0), "C2");
        assert_eq!(kept.fresh("a", (1, 0)), Some("A"));
        assert_eq!(kept.fresh("c", (2, 0)), Some("C2"));
    }

    #[test]
    fn an_entry_read_at_other_versions_is_not_fresh() {
        let kept = Kept::with_capacity(4);
        kept.keep("a", (3, 7), "A");
        assert_eq!(kept.fresh("a", (4, 7)), None);
        assert_eq!(kept.fresh("a", (3, 8)), None);
        assert_eq!(kept.fresh("a", (3, 7)), Some("A"));
        assert_eq!(kept.fresh("b", (3, 7)), None);
    }

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

//! The audit trail: append-only, hash-chained entries written in the transaction of what they
//! record (NEN 7513: who, for whom, what, when, why, from where, and the outcome).
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields, so
//! changing, removing or reordering any entry breaks the chain from there on;
//! [`Store::verify_audit`] names the first entry that does not fit.

use anyhow::Context;
use sha2::{Digest, Sha256};
use tokio::sync::oneshot;

use super::{Store, Tx};

/// Entries per `INSERT` statement when a group is appended: 14 values each, far below both
/// databases' limit on bound values.
const ROWS_PER_INSERT: usize = 64;

/// An entry waiting for a group commit, and where its sequence number (or the error) goes.
type Queued = (NewAuditEntry, oneshot::Sender<Result<i64, String>>);

/// The entries waiting to be appended, and the writer's turn (see [`Store::audit`]).
#[derive(Debug, Default)]
pub(super) struct AuditQueue {
    waiting: std::sync::Mutex<Vec<Queued>>,
    writer: tokio::sync::Mutex<()>,
}

impl AuditQueue {
    /// The waiting entries. A panic while the list was held cannot leave it half-changed (it
    /// is only pushed to and taken whole), so a poisoned lock is used as it is.
    fn waiting(&self) -> std::sync::MutexGuard<'_, Vec<Queued>> {
        self.waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// An entry to append; the store gives it its sequence number and hashes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NewAuditEntry {
    /// Unix seconds.
    pub at: i64,
    /// `person`, `practitioner`, `staff` or `system`.
    pub actor_kind: String,
    /// The person's, practitioner's or staff member's id.
    pub actor_id: String,
    /// Their name at the time.
    pub actor_name: String,
    /// Their role: `patient`, `person`, a practitioner's or staff member's role.
    pub actor_role: String,
    /// Whose record.
    pub patient_id: String,
    /// `read` or `change`.
    pub action: String,
    /// What was read or changed (`reports`, `report/ID`, `access`, `access/exclude/…`, …).
    pub resource: String,
    /// `permit` or `deny`.
    pub outcome: String,
    /// The decision's reasons as JSON.
    pub reasons: String,
    /// The client's address.
    pub client: Option<String>,
}

/// A stored entry: the entry, its place in the chain and its hashes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// What was recorded.
    #[sqlx(flatten)]
    pub entry: NewAuditEntry,
    /// The previous entry's hash (empty for the first).
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// Which entries of one record to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Entries with a sequence number below this (the page before).
    pub before: Option<i64>,
    /// From this instant (Unix seconds, inclusive).
    pub from: Option<i64>,
    /// Until this instant (Unix seconds, exclusive).
    pub until: Option<i64>,
    /// Only this actor's entries.
    pub actor_id: Option<String>,
    /// At most this many.
    pub limit: i64,
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyOutcome {
    /// Every entry fits.
    Intact {
        /// How many entries were checked.
        entries: i64,
    },
    /// The first entry that does not fit, and why.
    Broken {
        /// Its sequence number.
        seq: i64,
        /// What is wrong.
        problem: String,
    },
}

/// The hash of an entry: SHA-256 (hex) over the previous hash and the entry's fields.
pub fn entry_hash(prev_hash: &str, seq: i64, e: &NewAuditEntry) -> String {
    let fields = serde_json::json!([
        seq,
        e.at,
        e.actor_kind,
        e.actor_id,
        e.actor_name,
        e.actor_role,
        e.patient_id,
        e.action,
        e.resource,
        e.outcome,
        e.reasons,
        e.client
    ]);
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(fields.to_string().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

const AUDIT_COLUMNS: &str = "seq, at, actor_kind, actor_id, actor_name, actor_role, patient_id, \
     action, resource, outcome, reasons, client, prev_hash, hash";

impl Store {
    /// Begins a transaction that will write to the audit trail, holding the trail's write lock
    /// from its first statement: SQLite's `BEGIN IMMEDIATE`, or a transaction-scoped advisory
    /// lock in PostgreSQL. Concurrent writers therefore queue instead of failing halfway, and
    /// the chain stays gapless with several servers on one database.
    pub async fn begin(&self) -> anyhow::Result<Tx> {
        let tx = match self.backend {
            super::Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            super::Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                // 7513: NEN 7513, the logging standard; any constant shared by all servers.
                sqlx::query("SELECT CAST(pg_advisory_xact_lock(7513) AS TEXT)")
                    .execute(&mut *tx)
                    .await?;
                tx
            }
        };
        Ok(Tx(tx))
    }

    /// Appends one entry in its own transaction (a read that changes nothing else), and returns
    /// once it is committed.
    ///
    /// Entries are committed in groups: whoever holds the writer's turn appends every entry
    /// waiting at that moment in one transaction (one fsync), and each caller waits for the
    /// transaction that holds its own entry. Under load this turns one transaction per read
    /// into one per group, while each read still leaves the server only after its entry is
    /// durable. The group is written by a task of its own, so a request that is dropped
    /// halfway cannot abandon the others' entries.
    pub async fn audit(&self, entry: &NewAuditEntry) -> anyhow::Result<i64> {
        let (sender, mut written) = oneshot::channel();
        self.audit_queue.waiting().push((entry.clone(), sender));
        // Either another caller's group takes this entry along, or this caller gets the
        // writer's turn first and writes every entry waiting, its own among them.
        let outcome = tokio::select! {
            biased;
            outcome = &mut written => outcome,
            _turn = self.audit_queue.writer.lock() => {
                let group = std::mem::take(&mut *self.audit_queue.waiting());
                if !group.is_empty() {
                    let store = self.clone();
                    tokio::spawn(async move { store.commit_group(group).await })
                        .await
                        .context("the audit writer stopped")?;
                }
                written.await
            }
        };
        outcome
            .context("the audit entry's group was abandoned")?
            .map_err(anyhow::Error::msg)
    }

    /// Appends a group of entries in one transaction and tells each caller its outcome.
    async fn commit_group(&self, group: Vec<Queued>) {
        let (entries, callers): (Vec<_>, Vec<_>) = group.into_iter().unzip();
        let written = async {
            let mut tx = self.begin().await?;
            let seqs = tx.audit_all(&entries).await?;
            tx.commit().await?;
            anyhow::Ok(seqs)
        }
        .await;
        match written {
            Ok(seqs) => {
                for (caller, seq) in callers.into_iter().zip(seqs) {
                    // A caller that went away no longer needs its number.
                    let _ = caller.send(Ok(seq));
                }
            }
            Err(e) => {
                let message = format!("{e:#}");
                for caller in callers {
                    let _ = caller.send(Err(message.clone()));
                }
            }
        }
    }

    /// A page of one record's entries, newest first.
    ///
    /// Stays fast however long the trail: a period is first narrowed to the range of sequence
    /// numbers written in it (through the `(patient_id, at)` index), and a person's entries come
    /// through the `(patient_id, actor_id, seq)` index, so no query walks the whole trail.
    pub async fn audit_entries(
        &self,
        patient_id: &str,
        q: &AuditQuery,
    ) -> anyhow::Result<Vec<AuditRow>> {
        let from = q.from.unwrap_or(i64::MIN);
        let until = q.until.unwrap_or(i64::MAX);
        let (mut low, mut high) = (0, q.before.unwrap_or(i64::MAX));
        if q.from.is_some() || q.until.is_some() {
            let (min, max): (Option<i64>, Option<i64>) = sqlx::query_as(
                "SELECT MIN(seq), MAX(seq) FROM audit_log \
                 WHERE patient_id = $1 AND at >= $2 AND at < $3",
            )
            .bind(patient_id)
            .bind(from)
            .bind(until)
            .fetch_one(&self.pool)
            .await?;
            let (Some(min), Some(max)) = (min, max) else {
                return Ok(Vec::new());
            };
            low = min;
            high = high.min(max + 1);
        }
        // Both texts are fixed; only the values are bound.
        let (sql, actor) = match &q.actor_id {
            Some(actor) => (
                format!(
                    "SELECT {AUDIT_COLUMNS} FROM audit_log WHERE patient_id = $1 \
                     AND actor_id = $6 AND seq >= $2 AND seq < $3 AND at >= $4 AND at < $5 \
                     ORDER BY seq DESC LIMIT $7"
                ),
                Some(actor.as_str()),
            ),
            None => (
                format!(
                    "SELECT {AUDIT_COLUMNS} FROM audit_log WHERE patient_id = $1 \
                     AND seq >= $2 AND seq < $3 AND at >= $4 AND at < $5 \
                     ORDER BY seq DESC LIMIT $6"
                ),
                None,
            ),
        };
        let mut query = sqlx::query_as::<_, AuditRow>(&sql)
            .bind(patient_id)
            .bind(low)
            .bind(high)
            .bind(from)
            .bind(until);
        if let Some(actor) = actor {
            query = query.bind(actor);
        }
        Ok(query.bind(q.limit).fetch_all(&self.pool).await?)
    }

    /// Checks the whole chain in order and names the first entry that does not fit: a changed
    /// field, a missing or reordered entry, or a head that does not match the last entry.
    pub async fn verify_audit(&self) -> anyhow::Result<VerifyOutcome> {
        const PAGE: i64 = 1000;
        let mut prev_hash = String::new();
        let mut expected = 1i64;
        loop {
            let rows = sqlx::query_as::<_, AuditRow>(&format!(
                "SELECT {AUDIT_COLUMNS} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2"
            ))
            .bind(expected)
            .bind(PAGE)
            .fetch_all(&self.pool)
            .await?;
            let n = i64::try_from(rows.len()).context("page size")?;
            for row in rows {
                if row.seq != expected {
                    return Ok(VerifyOutcome::Broken {
                        seq: expected,
                        problem: format!("entry {expected} is missing (the next is {})", row.seq),
                    });
                }
                if row.prev_hash != prev_hash {
                    return Ok(VerifyOutcome::Broken {
                        seq: row.seq,
                        problem: "its link to the entry before does not match".into(),
                    });
                }
                if entry_hash(&prev_hash, row.seq, &row.entry) != row.hash {
                    return Ok(VerifyOutcome::Broken {
                        seq: row.seq,
                        problem: "its content does not match its hash".into(),
                    });
                }
                prev_hash = row.hash;
                expected += 1;
            }
            if n < PAGE {
                break;
            }
        }
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        if head_seq != expected - 1 || head_hash != prev_hash {
            return Ok(VerifyOutcome::Broken {
                seq: expected,
                problem: format!(
                    "the chain ends at entry {} but {head_seq} entries were written",
                    expected - 1
                ),
            });
        }
        Ok(VerifyOutcome::Intact {
            entries: expected - 1,
        })
    }
}

impl Tx {
    /// Appends an entry to the chain within this transaction; returns its sequence number.
    pub async fn audit(&mut self, entry: &NewAuditEntry) -> anyhow::Result<i64> {
        let seqs = self.audit_all(std::slice::from_ref(entry)).await?;
        seqs.first().copied().context("an entry was appended")
    }

    /// Appends entries to the chain, in order, within this transaction: one read of the
    /// chain's head, one `INSERT` per [`ROWS_PER_INSERT`] entries and one update of the head.
    /// Returns their sequence numbers.
    async fn audit_all(&mut self, entries: &[NewAuditEntry]) -> anyhow::Result<Vec<i64>> {
        let (last, mut prev_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&mut *self.0)
                .await?;
        let mut seq = last;
        let mut seqs = Vec::with_capacity(entries.len());
        for chunk in entries.chunks(ROWS_PER_INSERT) {
            let rows = (0..chunk.len())
                .map(|i| {
                    let first = i * 14;
                    let values: Vec<String> = (1..=14).map(|c| format!("${}", first + c)).collect();
                    format!("({})", values.join(", "))
                })
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("INSERT INTO audit_log ({AUDIT_COLUMNS}) VALUES {rows}");
            let mut insert = sqlx::query(&sql);
            for entry in chunk {
                seq += 1;
                let hash = entry_hash(&prev_hash, seq, entry);
                insert = insert
                    .bind(seq)
                    .bind(entry.at)
                    .bind(&entry.actor_kind)
                    .bind(&entry.actor_id)
                    .bind(&entry.actor_name)
                    .bind(&entry.actor_role)
                    .bind(&entry.patient_id)
                    .bind(&entry.action)
                    .bind(&entry.resource)
                    .bind(&entry.outcome)
                    .bind(&entry.reasons)
                    .bind(&entry.client)
                    .bind(std::mem::replace(&mut prev_hash, hash.clone()))
                    .bind(hash);
                seqs.push(seq);
            }
            insert.execute(&mut *self.0).await?;
        }
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(seq)
            .bind(&prev_hash)
            .execute(&mut *self.0)
            .await?;
        Ok(seqs)
    }

    /// Commits everything written in this transaction, the audit entries with it.
    pub async fn commit(self) -> anyhow::Result<()> {
        self.0.commit().await?;
        Ok(())
    }
}

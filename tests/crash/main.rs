//! Crash consistency (issue 10, item 5): writers send to a server in another process, which is
//! killed with SIGKILL at random moments, again and again, and restarted on the same database
//! and uploads folder. Afterwards, on SQLite and on PostgreSQL:
//!
//! - every write the server acknowledged is there, whole (a message with its attachment, byte for
//!   byte; a reply in its thread, the thread's counters matching its messages);
//! - nothing it refused (a 4xx) is there, and nothing that was never sent;
//! - every answered read left its audit entry (at least one per acknowledged read, at most one
//!   per read sent);
//! - the database passes its own integrity check (SQLite's `integrity_check` and
//!   `foreign_key_check`; PostgreSQL's `amcheck` on every B-tree index) and the audit chain
//!   verifies.
//!
//! SIGKILL ends the process, not the machine: what the operating system had accepted survives,
//! so this proves the server acknowledges only committed work and that a killed server starts
//! cleanly, not that the disk keeps what it was given (that is SQLite's `synchronous = FULL` and
//! PostgreSQL's fsync, which this machine cannot cut the power of).
//!
//! The binary has its own `main` (no test harness): run with [`CHILD_DATABASE`] set, it is the
//! server. `INZAGE_CRASH_KILLS` sets the kills per database (default 6, `cargo xtask soak`
//! runs 200); `INZAGE_CRASH_SEED` replays the random moments and choices of a run, which prints
//! its seed (the server's own timing still varies).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, ensure, Context};
use inzage_domain::messaging::{Department, NewReply, NewThread};
use inzage_domain::wire::{MessagesView, Thread};
use inzage_server::clock::ManualClock;
use inzage_server::store::{Store, VerifyOutcome};
use inzage_server::Application;
use inzage_tests::{test_config, Db, TestApp, TEST_START};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use tokio::sync::Mutex;

/// Set in the server's process: its database URL.
const CHILD_DATABASE: &str = "INZAGE_CRASH_CHILD_DATABASE";
/// Set in the server's process: the SPA folder it serves.
const CHILD_DIST: &str = "INZAGE_CRASH_CHILD_DIST";
/// Set in the server's process: its uploads folder.
const CHILD_UPLOADS: &str = "INZAGE_CRASH_CHILD_UPLOADS";
/// What the server prints once it listens, before its address.
const LISTENING: &str = "listening on ";

/// Writers sending at once.
const WRITERS: u64 = 4;
/// The demo hospital that holds Margery's data (messages go to its departments).
const HOSPITAL: &str = "inzage-demo-az-voorbeeld";
/// The test's name, for `--list` and filters.
const NAME: &str = "crash_consistency";

fn main() -> ExitCode {
    let result = match std::env::var(CHILD_DATABASE) {
        Ok(url) => serve(&url),
        Err(_) => run_test(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{NAME}: FAILED: {e:?}");
            ExitCode::FAILURE
        }
    }
}

/// The server's process: serves on a free port until it is killed.
fn serve(url: &str) -> anyhow::Result<()> {
    let var = |name: &str| std::env::var(name).with_context(|| format!("{name} is not set"));
    let (dist, uploads) = (
        PathBuf::from(var(CHILD_DIST)?),
        PathBuf::from(var(CHILD_UPLOADS)?),
    );
    runtime()?.block_on(async {
        let config = test_config(url, &dist, &uploads)?;
        let store = Store::connect(url).await?;
        let clock = Arc::new(ManualClock::new(TEST_START));
        let app = Application::with_store(config, clock, store).await?;
        println!("{LISTENING}{}", app.local_addr()?);
        app.run_until_stopped().await
    })
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

/// The test, unless the command line lists the tests or filters this one out (as
/// `cargo test <filter>` passes its filter to every test binary).
fn run_test() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        println!("{NAME}: test");
        return Ok(());
    }
    let exact = args.iter().any(|a| a == "--exact");
    let filtered_out = args.iter().filter(|a| !a.starts_with('-')).any(|f| {
        if exact {
            f != NAME
        } else {
            !NAME.contains(f.as_str())
        }
    });
    if filtered_out || args.iter().any(|a| a == "--ignored") {
        return Ok(());
    }
    let kills: u32 = match std::env::var("INZAGE_CRASH_KILLS") {
        Ok(n) => n.parse().context("INZAGE_CRASH_KILLS is not a number")?,
        Err(_) => 6,
    };
    let seed: u64 = match std::env::var("INZAGE_CRASH_SEED") {
        Ok(n) => n.parse().context("INZAGE_CRASH_SEED is not a number")?,
        Err(_) => {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)?
                .as_nanos() as u64
                | 1
        }
    };
    println!("{NAME}: {kills} kills per database, INZAGE_CRASH_SEED={seed}");
    runtime()?.block_on(async {
        for db in [Db::Sqlite, Db::Postgres] {
            let started = std::time::Instant::now();
            let ledger = crash_and_check(db, kills, seed).await?;
            println!(
                "{NAME} ({db:?}): ok in {:.0?}: {} messages and {} replies acknowledged, {} \
                 writes refused, {} answers lost to a kill, {} reads audited",
                started.elapsed(),
                ledger.threads.len(),
                ledger.replies.len(),
                ledger.refused.len(),
                ledger.lost.len() + ledger.reads_lost as usize,
                ledger.reads,
            );
        }
        Ok(())
    })
}

/// A small xorshift generator: the test's random moments and choices, replayable by seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What the writers sent and what the server answered.
#[derive(Default)]
struct Ledger {
    /// Threads acknowledged (201): subject → the attachment sent with the first message.
    threads: BTreeMap<String, Vec<u8>>,
    /// Replies acknowledged, by their text.
    replies: BTreeSet<String>,
    /// Writes refused with a 4xx, by subject.
    refused: BTreeSet<String>,
    /// Writes (subjects or reply texts) whose answer never came: the server was killed. They
    /// may or may not have been stored.
    lost: BTreeSet<String>,
    /// Report-list reads answered.
    reads: u64,
    /// Report-list reads whose answer never came.
    reads_lost: u64,
}

/// Seeds a database, runs `kills` crash cycles against it and checks what is left.
async fn crash_and_check(db: Db, kills: u32, seed: u64) -> anyhow::Result<Ledger> {
    let app = TestApp::spawn(db).await?;
    let client = app.signed_in("margery").await?;
    let record = app.id_of("margery");
    let foreign = app.id_of("reyna");
    // From here on, only servers in child processes use the database.
    app.stop().await?;
    let reads_before = audited_reads(&app.store, &record).await?;
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let mut random = Random(seed);
    for cycle in 0..kills {
        let server = Server::start(&app).await?;
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let writer = Writer {
                    client: client.clone(),
                    base: server.base.clone(),
                    record: record.clone(),
                    foreign: foreign.clone(),
                    name: format!("{cycle}.{w}"),
                    ledger: ledger.clone(),
                    random: Random(random.next() | 1),
                };
                tokio::spawn(writer.run())
            })
            .collect();
        // Long enough for many writes, short enough that the kill often lands in one.
        tokio::time::sleep(Duration::from_millis(50 + random.below(1_200))).await;
        server.kill()?;
        for writer in writers {
            tokio::time::timeout(Duration::from_secs(30), writer)
                .await
                .context("a writer did not end within 30 s of the kill")???;
        }
    }
    // The last restart recovers from the last kill; what it serves is checked.
    let server = Server::start(&app).await?;
    let ledger = Arc::try_unwrap(ledger)
        .map_err(|_| anyhow::anyhow!("a writer still holds the ledger"))?
        .into_inner();
    check_messages(&client, &server.base, &record, &ledger).await?;
    let reads = audited_reads(&app.store, &record).await? - reads_before;
    ensure!(
        ledger.reads <= reads && reads <= ledger.reads + ledger.reads_lost,
        "{reads} report-list reads audited, for {} answered and {} lost to a kill",
        ledger.reads,
        ledger.reads_lost
    );
    server.kill()?;
    check_integrity(db, &app.store).await?;
    match app.store.verify_audit().await? {
        VerifyOutcome::Intact { .. } => {}
        broken => bail!("the audit chain does not verify after the kills: {broken:?}"),
    }
    Ok(ledger)
}

/// Report-list reads of `record` in its audit trail.
async fn audited_reads(store: &Store, record: &str) -> anyhow::Result<u64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE patient_id = $1 AND action = 'read' \
         AND resource = 'reports' AND outcome = 'permit'",
    )
    .bind(record)
    .fetch_one(store.pool())
    .await?;
    Ok(u64::try_from(n)?)
}

/// The server in a child process: this same binary, run with [`CHILD_DATABASE`].
struct Server {
    child: Child,
    base: String,
}

impl Server {
    async fn start(app: &TestApp) -> anyhow::Result<Self> {
        let mut child = Command::new(std::env::current_exe()?)
            .env(CHILD_DATABASE, &app.database_url)
            .env(CHILD_DIST, &app.dist)
            .env(CHILD_UPLOADS, app.uploads_dir())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting the server's process")?;
        let stdout = child.stdout.take().context("no stdout")?;
        // Its address, or the end of its output if it failed to start.
        let line = tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            BufReader::new(stdout).read_line(&mut line).map(|_| line)
        });
        let mut server = Self {
            child,
            base: String::new(),
        };
        let line = tokio::time::timeout(Duration::from_secs(60), line)
            .await
            .context("the server did not start within 60 s")???;
        let addr = line
            .trim()
            .strip_prefix(LISTENING)
            .with_context(|| format!("the server did not start: {line:?}"))?;
        server.base = format!("http://{addr}");
        Ok(server)
    }

    /// SIGKILL: the process ends at once, in whatever it was doing.
    fn kill(mut self) -> anyhow::Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // A failed test does not leave servers behind (killing an ended one does nothing).
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One writer: sends until the server is gone.
struct Writer {
    client: Client,
    base: String,
    record: String,
    foreign: String,
    /// The cycle and writer, in the texts it sends.
    name: String,
    ledger: Arc<Mutex<Ledger>>,
    random: Random,
}

/// What one request came to.
enum Answer {
    Status(StatusCode, String),
    /// No answer: the server was killed.
    Lost,
}

impl Writer {
    async fn run(mut self) -> anyhow::Result<()> {
        // This writer's acknowledged threads, to reply in.
        let mut threads: Vec<String> = Vec::new();
        for n in 0.. {
            let text = format!("crash {}.{n}", self.name);
            let lost = match self.random.below(6) {
                0 | 1 => {
                    let attachment = self.attachment();
                    match self
                        .new_thread(&self.record, &text, "Zie bijlage.", &attachment)
                        .await?
                    {
                        Answer::Status(StatusCode::CREATED, body) => {
                            let thread: Thread = serde_json::from_str(&body)?;
                            threads.push(thread.summary.id);
                            self.ledger.lock().await.threads.insert(text, attachment);
                            false
                        }
                        Answer::Status(status, body) => bail!("a message: {status} {body}"),
                        Answer::Lost => self.lost(text).await,
                    }
                }
                2 if !threads.is_empty() => {
                    let thread = &threads[self.random.below(threads.len() as u64) as usize];
                    let url = format!(
                        "{}/api/v1/records/{}/messages/{thread}",
                        self.base, self.record
                    );
                    let form = form(&NewReply { body: text.clone() }, None);
                    match answer(self.client.post(url).multipart(form)).await? {
                        Answer::Status(StatusCode::CREATED | StatusCode::OK, _) => {
                            self.ledger.lock().await.replies.insert(text);
                            false
                        }
                        Answer::Status(status, body) => bail!("a reply: {status} {body}"),
                        Answer::Lost => self.lost(text).await,
                    }
                }
                3 => {
                    // Refused by validation: an empty message.
                    let answer = self.new_thread(&self.record, &text, " ", b"").await?;
                    self.refused(answer, StatusCode::UNPROCESSABLE_ENTITY, text)
                        .await?
                }
                4 => {
                    // Refused by authorization: another patient's record.
                    let answer = self.new_thread(&self.foreign, &text, "Hallo", b"").await?;
                    self.refused(answer, StatusCode::NOT_FOUND, text).await?
                }
                _ => {
                    let url = format!("{}/api/v1/records/{}/reports", self.base, self.record);
                    match answer(self.client.get(url)).await? {
                        Answer::Status(StatusCode::OK, _) => {
                            self.ledger.lock().await.reads += 1;
                            false
                        }
                        Answer::Status(status, body) => bail!("the report list: {status} {body}"),
                        Answer::Lost => {
                            self.ledger.lock().await.reads_lost += 1;
                            true
                        }
                    }
                }
            };
            if lost {
                return Ok(());
            }
        }
        Ok(())
    }

    /// A PNG's signature and header, then bytes of this writer's own, so each attachment
    /// differs (the server checks the content's type, not the image).
    fn attachment(&mut self) -> Vec<u8> {
        let mut bytes = inzage_tests::documents::png(16, 16);
        let len = 1_000 + self.random.below(60_000);
        bytes.extend((0..len).map(|_| self.random.next() as u8));
        bytes
    }

    async fn new_thread(
        &self,
        record: &str,
        subject: &str,
        body: &str,
        attachment: &[u8],
    ) -> anyhow::Result<Answer> {
        let new = NewThread {
            hospital: HOSPITAL.into(),
            department: Department::PatientQuestions,
            doctor: None,
            subject: subject.into(),
            body: body.into(),
        };
        let url = format!("{}/api/v1/records/{record}/messages", self.base);
        let file = (!attachment.is_empty()).then_some(attachment);
        answer(self.client.post(url).multipart(form(&new, file))).await
    }

    async fn lost(&self, text: String) -> bool {
        self.ledger.lock().await.lost.insert(text);
        true
    }

    /// Records a write that had to be refused with `expected`; whether the server is gone.
    async fn refused(
        &self,
        answer: Answer,
        expected: StatusCode,
        text: String,
    ) -> anyhow::Result<bool> {
        match answer {
            Answer::Status(status, _) if status == expected => {
                self.ledger.lock().await.refused.insert(text);
                Ok(false)
            }
            Answer::Status(status, body) => bail!("expected {expected}, got {status} {body}"),
            Answer::Lost => {
                // Never answered: it was refused or not even read; it must not be stored either.
                self.ledger.lock().await.refused.insert(text);
                Ok(true)
            }
        }
    }
}

/// A message form: the message as JSON, and an attachment when given.
fn form(message: &impl serde::Serialize, attachment: Option<&[u8]>) -> Form {
    let form = Form::new().text(
        "message",
        serde_json::to_string(message).unwrap_or_default(),
    );
    match attachment {
        Some(bytes) => form.part(
            "attachment",
            Part::bytes(bytes.to_vec()).file_name("foto.png"),
        ),
        None => form,
    }
}

/// Sends a request; a connection that fails or breaks is the server's death, not an error.
async fn answer(request: reqwest::RequestBuilder) -> anyhow::Result<Answer> {
    let sent = tokio::time::timeout(Duration::from_secs(20), async {
        let res = request.send().await?;
        let status = res.status();
        Ok::<_, reqwest::Error>((status, res.text().await?))
    })
    .await
    .context("a request went unanswered for 20 s while the server ran")?;
    Ok(match sent {
        Ok((status, body)) => Answer::Status(status, body),
        Err(_) => Answer::Lost,
    })
}

/// Everything acknowledged is there, whole; nothing refused or never sent is.
async fn check_messages(
    client: &Client,
    base: &str,
    record: &str,
    ledger: &Ledger,
) -> anyhow::Result<()> {
    let get = |path: String| async move {
        let res = client.get(format!("{base}{path}")).send().await?;
        ensure!(
            res.status() == StatusCode::OK,
            "GET {path}: {}",
            res.status()
        );
        Ok(res.bytes().await?.to_vec())
    };
    let view: MessagesView =
        serde_json::from_slice(&get(format!("/api/v1/records/{record}/messages")).await?)?;
    let stored: BTreeMap<&str, &str> = view
        .threads
        .iter()
        .filter(|t| t.subject.starts_with("crash "))
        .map(|t| (t.subject.as_str(), t.id.as_str()))
        .collect();
    for subject in ledger.threads.keys() {
        ensure!(
            stored.contains_key(subject.as_str()),
            "the acknowledged message {subject:?} is gone"
        );
    }
    let mut replies = BTreeSet::new();
    for (subject, id) in &stored {
        ensure!(
            !ledger.refused.contains(*subject),
            "the refused message {subject:?} was stored"
        );
        ensure!(
            ledger.threads.contains_key(*subject) || ledger.lost.contains(*subject),
            "a message {subject:?} is stored that was never sent"
        );
        let thread: Thread =
            serde_json::from_slice(&get(format!("/api/v1/records/{record}/messages/{id}")).await?)?;
        ensure!(
            thread.summary.messages as usize == thread.messages.len(),
            "{subject:?} counts {} messages and holds {}",
            thread.summary.messages,
            thread.messages.len()
        );
        let first = thread
            .messages
            .first()
            .context("a thread without a message")?;
        let [attachment] = first.attachments.as_slice() else {
            bail!(
                "{subject:?} has {} attachments, not 1",
                first.attachments.len()
            );
        };
        let bytes = get(format!(
            "/api/v1/records/{record}/messages/{id}/attachments/{}/{}",
            first.id, attachment.index
        ))
        .await?;
        if let Some(sent) = ledger.threads.get(*subject) {
            ensure!(
                &bytes == sent,
                "the attachment of {subject:?} differs from the one sent"
            );
        }
        ensure!(
            bytes.len() as u64 == attachment.size,
            "the attachment of {subject:?} is cut short"
        );
        replies.extend(thread.messages.iter().skip(1).map(|m| m.body.clone()));
    }
    for reply in &ledger.replies {
        ensure!(
            replies.contains(reply),
            "the acknowledged reply {reply:?} is gone"
        );
    }
    for reply in &replies {
        ensure!(
            ledger.replies.contains(reply) || ledger.lost.contains(reply),
            "a reply {reply:?} is stored that was never sent"
        );
    }
    Ok(())
}

/// The database's own integrity check.
async fn check_integrity(db: Db, store: &Store) -> anyhow::Result<()> {
    let pool = store.pool();
    match db {
        Db::Sqlite => {
            let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
                .fetch_all(pool)
                .await?;
            ensure!(
                rows.len() == 1 && rows[0].0 == "ok",
                "SQLite's integrity check: {rows:?}"
            );
            // Its rows are (table, rowid, parent, fkid): any row is a dangling reference.
            let dangling = sqlx::query("PRAGMA foreign_key_check")
                .fetch_all(pool)
                .await?;
            ensure!(
                dangling.is_empty(),
                "{} rows point at rows that are not there",
                dangling.len()
            );
        }
        Db::Postgres => {
            sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck")
                .execute(pool)
                .await?;
            // Checks every B-tree index of the portal's tables against its own
            // ordering (and that the heap's every row is in it); a corrupt one raises an error.
            let checked: Vec<(String, String)> = sqlx::query_as(
                "SELECT c.relname::text, bt_index_check(c.oid, true)::text FROM pg_index i \
                 JOIN pg_class c ON c.oid = i.indexrelid \
                 JOIN pg_am a ON a.oid = c.relam \
                 JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE a.amname = 'btree' AND n.nspname = 'public'",
            )
            .fetch_all(pool)
            .await?;
            ensure!(!checked.is_empty(), "no index was checked");
        }
    }
    Ok(())
}

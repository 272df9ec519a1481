//! Test support: a real server on a random loopback port, over a fresh SQLite or PostgreSQL
//! database loaded with the demo data, and typed request helpers.
//!
//! PostgreSQL tests need `INZAGE_TEST_POSTGRES` (an admin URL such as
//! `postgres://postgres@127.0.0.1:5433/postgres`); `cargo xtask test` starts a throwaway server
//! and sets it. Set `TEST_LOG=1` to see the server's logs.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Once};

use anyhow::Context;
use inzage_domain::wire::{LoginChallengeRequest, LoginChallengeResponse, LoginRequest};
use inzage_domain::CodeCardPosition;
use inzage_server::clock::ManualClock;
use inzage_server::config::{Config, HashCost};
use inzage_server::demo::{self, DemoLogin};
use inzage_server::store::Store;
use inzage_server::Application;
use time::macros::datetime;

pub mod oidc;
pub mod smtp;

/// A port nothing listens on now, for a helper process (the identity provider, the mail
/// server) to bind a moment later. It is taken below Linux's ephemeral range (32768–60999), so
/// no outgoing connection and no bind to port 0 of a parallel test can take it in between (a
/// port 0 pick could: the provider then failed to listen now and then); each call in this
/// process moves on to the next port, so two helpers never get the same one.
pub fn free_port() -> anyhow::Result<u16> {
    use std::sync::atomic::{AtomicU16, Ordering};
    const FIRST: u16 = 20_000;
    const SPAN: u16 = 12_000;
    // Test binaries of one run take turns, but two runs may share the machine: start apart.
    static NEXT: AtomicU16 = AtomicU16::new(u16::MAX);
    let _ = NEXT.compare_exchange(
        u16::MAX,
        (std::process::id() % u32::from(SPAN)) as u16,
        Ordering::SeqCst,
        Ordering::SeqCst,
    );
    for _ in 0..SPAN {
        let port = FIRST + NEXT.fetch_add(1, Ordering::SeqCst) % SPAN;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    anyhow::bail!("no free port between {FIRST} and {}", FIRST + SPAN)
}

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    /// A fresh SQLite file in a temporary folder.
    Sqlite,
    /// A fresh database on the test PostgreSQL server.
    Postgres,
}

/// The files the demo is made of: the shared Synthea bundles and the project's extra bundle.
pub fn demo_bundles() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    vec![
        root.join("../../shared/data/synthea"),
        root.join("data/inzage-demo-extra.json"),
    ]
}

/// The demo hospital network (`config/demo-network.toml`), as `cargo xtask run` uses it.
pub fn demo_network() -> anyhow::Result<inzage_server::network::Network> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../config/demo-network.toml");
    inzage_server::network::Network::load(&path)
}

/// The instant tests start at.
pub const TEST_START: time::OffsetDateTime = datetime!(2026-11-27 10:00 UTC);

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The demo logins, with their printed code cards.
    pub logins: Vec<DemoLogin>,
    /// The server's clock, to move time.
    pub clock: ManualClock,
    /// The database URL, to start a second instance on the same database.
    pub database_url: String,
    /// The store, to inspect the database.
    pub store: Store,
    /// The folder served as the SPA.
    pub dist: PathBuf,
    /// The server's task and what stops it, until [`TestApp::stop`].
    server: std::sync::Mutex<Option<Running>>,
    _dir: Arc<tempfile::TempDir>,
}

/// A server task and the sender that tells it to stop.
struct Running {
    stop: tokio::sync::oneshot::Sender<()>,
    done: tokio::task::JoinHandle<anyhow::Result<()>>,
}

fn init_logging() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            tracing_subscriber::fmt()
                .with_env_filter(
                    tracing_subscriber::EnvFilter::try_from_default_env()
                        .unwrap_or_else(|_| "info,sqlx=warn".into()),
                )
                .with_test_writer()
                .init();
        }
    });
}

/// Creates a fresh database for a test and returns its URL.
pub async fn fresh_database(db: Db, dir: &tempfile::TempDir) -> anyhow::Result<String> {
    match db {
        Db::Sqlite => Ok(format!(
            "sqlite://{}",
            dir.path().join("inzage.db").display()
        )),
        Db::Postgres => {
            let (admin, base) = postgres_admin()?;
            let name = format!("inzage_test_{}", uuid::Uuid::new_v4().simple());
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await?;
            admin.close().await;
            Ok(format!("{base}/{name}"))
        }
    }
}

async fn seed_demo(store: &Store, config: &Config) -> anyhow::Result<Vec<DemoLogin>> {
    demo::seed(
        store,
        &demo_bundles(),
        config.default_report_cutoff,
        config.password_hashing,
        TEST_START,
    )
    .await
}

/// The demo data imported once per test process and database kind (parsing 7 MB of FHIR and
/// hashing every demo password and code card took most of each test's time); each test gets
/// its own copy: a copied SQLite file, or a PostgreSQL database created from it as a template.
struct Seeded {
    db: Db,
    /// The SQLite file, or the PostgreSQL template database's name.
    source: String,
    /// The settings the demo was imported with.
    cutoff: Option<time::Date>,
    cost: HashCost,
    /// The demo's logins, the same in every copy.
    logins: Vec<DemoLogin>,
}

static SEEDED_SQLITE: tokio::sync::OnceCell<Seeded> = tokio::sync::OnceCell::const_new();
static SEEDED_POSTGRES: tokio::sync::OnceCell<Seeded> = tokio::sync::OnceCell::const_new();

/// This process's imported demo on `db`, if it was imported with `config`'s settings (a test
/// that changes them gets a fresh import).
async fn seeded(db: Db, config: &Config) -> anyhow::Result<Option<&'static Seeded>> {
    let cell = match db {
        Db::Sqlite => &SEEDED_SQLITE,
        Db::Postgres => &SEEDED_POSTGRES,
    };
    // Imported with the tests' usual settings (the network file is read only then).
    let seeded = cell
        .get_or_try_init(|| async {
            let usual = test_config("", std::path::Path::new(""), std::path::Path::new(""))?;
            Seeded::import(db, &usual).await
        })
        .await?;
    Ok(
        (seeded.cutoff == config.default_report_cutoff && seeded.cost == config.password_hashing)
            .then_some(seeded),
    )
}

impl Seeded {
    async fn import(db: Db, config: &Config) -> anyhow::Result<Self> {
        let source = match db {
            Db::Sqlite => {
                let dir = std::env::temp_dir().join("inzage-tests");
                std::fs::create_dir_all(&dir)?;
                remove_stale_copies(&dir);
                let file = dir.join(format!("demo-{}.db", std::process::id()));
                if file.exists() {
                    std::fs::remove_file(&file)?;
                }
                file.display().to_string()
            }
            Db::Postgres => format!("inzage_demo_{}", uuid::Uuid::new_v4().simple()),
        };
        let this = Self {
            db,
            source,
            cutoff: config.default_report_cutoff,
            cost: config.password_hashing,
            logins: Vec::new(),
        };
        let url = match db {
            Db::Sqlite => format!("sqlite://{}", this.source),
            Db::Postgres => {
                let (admin, base) = postgres_admin()?;
                sqlx::query(&format!("CREATE DATABASE {}", this.source))
                    .execute(&admin)
                    .await?;
                admin.close().await;
                format!("{base}/{}", this.source)
            }
        };
        let store = Store::connect(&url).await?;
        let logins = seed_demo(&store, config).await?;
        if db == Db::Sqlite {
            // One self-contained file (nothing left in a write-ahead log) to copy.
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(store.pool())
                .await?;
        }
        // A template database must have no connections while it is copied.
        store.pool().close().await;
        Ok(Self { logins, ..this })
    }

    /// A new database holding a copy of the demo; its URL.
    async fn copy(&self, dir: &tempfile::TempDir) -> anyhow::Result<String> {
        match self.db {
            Db::Sqlite => {
                let file = dir.path().join("inzage.db");
                std::fs::copy(&self.source, &file)?;
                Ok(format!("sqlite://{}", file.display()))
            }
            Db::Postgres => {
                let (admin, base) = postgres_admin()?;
                let name = format!("inzage_test_{}", uuid::Uuid::new_v4().simple());
                sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {}", self.source))
                    .execute(&admin)
                    .await?;
                admin.close().await;
                Ok(format!("{base}/{name}"))
            }
        }
    }
}

/// Removes the imported demos that earlier test processes left (a day old or more).
fn remove_stale_copies(dir: &std::path::Path) {
    let day = std::time::Duration::from_secs(24 * 3600);
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= day);
        if old && entry.file_name().to_string_lossy().starts_with("demo-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A connection to the test PostgreSQL server's admin database, and the URL without the
/// database's name.
fn postgres_admin() -> anyhow::Result<(sqlx::AnyPool, String)> {
    let admin = std::env::var("INZAGE_TEST_POSTGRES").context(
        "INZAGE_TEST_POSTGRES is not set: run the tests with `cargo xtask test`, \
         which starts a throwaway PostgreSQL",
    )?;
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect_lazy(&admin)?;
    let base = admin
        .rsplit_once('/')
        .map(|(b, _)| b.to_owned())
        .context("INZAGE_TEST_POSTGRES has no database part")?;
    Ok((pool, base))
}

impl TestApp {
    /// Starts a server on a fresh database with the demo data.
    pub async fn spawn(db: Db) -> anyhow::Result<TestApp> {
        Self::spawn_with(db, |_| {}).await
    }

    /// Like [`TestApp::spawn`], with the test's changes to the configuration (a network
    /// setting, the mail, identity providers).
    pub async fn spawn_with(
        db: Db,
        configure: impl FnOnce(&mut Config),
    ) -> anyhow::Result<TestApp> {
        init_logging();
        let dir = Arc::new(tempfile::tempdir()?);
        let dist = match std::env::var_os("INZAGE_DIST") {
            Some(d) => PathBuf::from(d),
            None => {
                let d = dir.path().join("dist");
                std::fs::create_dir_all(&d)?;
                std::fs::write(d.join("index.html"), "<!doctype html><title>Inzage</title>")?;
                d
            }
        };
        let clock = ManualClock::new(TEST_START);
        let mut config = test_config("", &dist, &dir.path().join("uploads"))?;
        configure(&mut config);
        let (database_url, store, logins) = match seeded(db, &config).await? {
            // The usual case: a copy of the demo imported once for this test process.
            Some(template) => {
                let url = template.copy(&dir).await?;
                (
                    url.clone(),
                    Store::connect(&url).await?,
                    template.logins.clone(),
                )
            }
            None => {
                let url = fresh_database(db, &dir).await?;
                let store = Store::connect(&url).await?;
                let logins = seed_demo(&store, &config).await?;
                (url, store, logins)
            }
        };
        config.database_url.clone_from(&database_url);
        let (addr, running) =
            Self::start(config, clock.clone(), store.clone(), dir.clone()).await?;
        Ok(TestApp {
            addr,
            logins,
            clock,
            database_url,
            store,
            dist,
            server: std::sync::Mutex::new(Some(running)),
            _dir: dir,
        })
    }

    /// Takes the portal down, as when the server or the network is gone: the server stops
    /// listening, closes its idle connections, and this returns once it has. The database and
    /// the files stay, for the test to look at.
    pub async fn stop(&self) -> anyhow::Result<()> {
        let running = self
            .server
            .lock()
            .map_err(|_| anyhow::anyhow!("the server's handle is poisoned"))?
            .take()
            .context("the server was already stopped")?;
        // The server may have ended by itself (it failed): its result says so below.
        let _ = running.stop.send(());
        tokio::time::timeout(std::time::Duration::from_secs(10), running.done)
            .await
            .context("the server did not stop within 10 s")??
    }

    /// Starts another server instance on the same database, as behind a load balancer.
    pub async fn spawn_second_instance(&self) -> anyhow::Result<SocketAddr> {
        let store = Store::connect(&self.database_url).await?;
        // Its handle is dropped: the second instance runs until the test ends.
        let (addr, _running) = Self::start(
            test_config(&self.database_url, &self.dist, &self.uploads_dir())?,
            self.clock.clone(),
            store,
            Arc::clone(&self._dir),
        )
        .await?;
        Ok(addr)
    }

    /// Starts a server; `folder` (the database, uploads and mail) lives as long as it runs.
    ///
    /// The server holds the folder itself, not only the `TestApp`: a test body written as
    /// `|client, base, app| async move { … app.clock … }` captures just the fields it uses
    /// (closures and async blocks capture precisely), and the rest of the `TestApp` is dropped
    /// when the body starts. When the folder went with it, the database file was deleted under
    /// the running server, which failed ("unable to open database file") as soon as its pool
    /// opened a new connection: the OpenID browser test's intermittent failure under load.
    async fn start(
        config: Config,
        clock: ManualClock,
        store: Store,
        folder: Arc<tempfile::TempDir>,
    ) -> anyhow::Result<(SocketAddr, Running)> {
        let app = Application::with_store(config, Arc::new(clock), store).await?;
        let addr = app.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let done = tokio::spawn(app.run_until(async move {
            let _folder = folder;
            // Dropping the sender without sending keeps the server up.
            if stopped.await.is_err() {
                std::future::pending::<()>().await;
            }
        }));
        Ok((addr, Running { stop, done }))
    }

    /// The base URL of the server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// The folder this server keeps uploaded documents in.
    pub fn uploads_dir(&self) -> PathBuf {
        self._dir.path().join("uploads")
    }

    /// The mails this server wrote to its mail folder so far, decoded: (recipient, subject,
    /// text body), oldest first. Mail is sent in the background: this waits up to two seconds
    /// for at least `at_least` of them.
    pub async fn mails(&self, at_least: usize) -> anyhow::Result<Vec<(String, String, String)>> {
        let dir = self._dir.path().join("mail");
        let mut waited = 0;
        loop {
            let mut found = Vec::new();
            if let Ok(entries) = std::fs::read_dir(&dir) {
                for entry in entries {
                    let path = entry?.path();
                    if path.extension().is_some_and(|e| e == "eml") {
                        let modified = entry_time(&path)?;
                        found.push((modified, std::fs::read(&path)?));
                    }
                }
            }
            if found.len() >= at_least || waited >= 40 {
                found.sort_by_key(|(t, _)| *t);
                return found.into_iter().map(|(_, raw)| parse_mail(&raw)).collect();
            }
            waited += 1;
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The id of a demo account's patient or practitioner.
    pub fn id_of(&self, username: &str) -> String {
        self.login_of(username).subject.id().to_owned()
    }

    /// A new client (its own cookie jar) logged in as a demo account.
    pub async fn signed_in(&self, username: &str) -> anyhow::Result<reqwest::Client> {
        let client = browser();
        log_in(&client, &self.url(""), self.login_of(username), username).await?;
        Ok(client)
    }

    /// A demo login by username; a test asking for one that does not exist is a broken test.
    #[allow(clippy::expect_used)]
    pub fn login_of(&self, username: &str) -> &DemoLogin {
        self.logins
            .iter()
            .find(|l| l.username == username)
            .expect("no demo login with that username")
    }
}

fn entry_time(path: &std::path::Path) -> anyhow::Result<std::time::SystemTime> {
    Ok(std::fs::metadata(path)?.modified()?)
}

/// Decodes a raw e-mail into (recipient, subject, text body), whatever its transfer encoding.
pub fn parse_mail(raw: &[u8]) -> anyhow::Result<(String, String, String)> {
    let message = mail_parser::MessageParser::default()
        .parse(raw)
        .context("not an e-mail")?;
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    let subject = message.subject().unwrap_or_default().to_owned();
    let body = message
        .body_text(0)
        .map(|b| b.into_owned())
        .unwrap_or_default();
    Ok((to, subject, body))
}

/// The value of `token=` in the first link of a mail's body.
pub fn token_in(body: &str) -> Option<String> {
    let start = body.find("token=")? + "token=".len();
    Some(
        body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect(),
    )
}

/// The configuration the tests' servers run with, on `database_url`, serving `dist` and keeping
/// uploads in `uploads` (and mail beside it): also for a server in a child process.
pub fn test_config(
    database_url: &str,
    dist: &std::path::Path,
    uploads: &std::path::Path,
) -> anyhow::Result<Config> {
    Ok(Config {
        bind: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: database_url.to_owned(),
        dist_dir: dist.to_path_buf(),
        // The real cost: tests measure the real login path.
        password_hashing: HashCost::PASSWORD,
        network: demo_network()?,
        uploads_dir: uploads.to_path_buf(),
        // Mail goes to a folder beside the uploads (see `TestApp::mails`), unless a test sets an
        // SMTP server.
        mail: inzage_server::mail::MailConfig::Folder {
            dir: uploads.with_file_name("mail"),
            from: inzage_server::mail::DEFAULT_FROM.to_owned(),
        },
        // The notification worker looks often, so a test need not wait.
        notify_every: std::time::Duration::from_millis(200),
        ..Config::default()
    })
}

/// An HTTP client with its own cookie jar, like one browser.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap_or_default()
}

/// Step one of the login: asks which code to type.
pub async fn challenge(
    client: &reqwest::Client,
    base: &str,
    username: &str,
) -> anyhow::Result<LoginChallengeResponse> {
    let res = client
        .post(format!("{base}/api/v1/login/challenge"))
        .json(&LoginChallengeRequest {
            username: username.to_owned(),
        })
        .send()
        .await?;
    anyhow::ensure!(res.status() == 200, "challenge answered {}", res.status());
    Ok(res.json().await?)
}

/// Step two of the login with the given inputs; returns the response as is.
pub async fn login_with(
    client: &reqwest::Client,
    base: &str,
    challenge_id: &str,
    username: &str,
    password: &str,
    code: &str,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(format!("{base}/api/v1/login"))
        .json(&LoginRequest {
            challenge_id: challenge_id.to_owned(),
            username: username.to_owned(),
            password: password.to_owned(),
            code: code.to_owned(),
        })
        .send()
        .await?)
}

/// Asks for a challenge and answers it with the right password and code; returns the response
/// as is (a lock still refuses it).
pub async fn answer_rightly(
    client: &reqwest::Client,
    base: &str,
    login: &DemoLogin,
    username: &str,
) -> anyhow::Result<reqwest::Response> {
    let c = challenge(client, base, username).await?;
    let code = login.card.code(c.position).printed();
    login_with(
        client,
        base,
        &c.challenge_id,
        username,
        &login.password,
        &code,
    )
    .await
}

/// The session cookie a response sets, as its whole `Set-Cookie` header.
pub fn session_cookie_of(res: &reqwest::Response) -> Option<String> {
    let prefix = format!("{}=", inzage_server::auth::SESSION_COOKIE);
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&prefix))
        .map(str::to_owned)
}

/// A demo account's session token, as its browser's cookie carries it (a client that keeps no
/// cookies logs in: a WebSocket or a load generator sends the token itself).
pub async fn session_token(app: &TestApp, username: &str) -> anyhow::Result<String> {
    let res = answer_rightly(
        &reqwest::Client::new(),
        &app.url(""),
        app.login_of(username),
        username,
    )
    .await?;
    anyhow::ensure!(res.status().is_success(), "login: {}", res.status());
    let cookie = session_cookie_of(&res).context("no session cookie")?;
    let pair = cookie.split(';').next().unwrap_or_default();
    let (_, token) = pair
        .split_once('=')
        .context("a session cookie without a value")?;
    Ok(token.to_owned())
}

/// Logs a demo account in with the right password and code; the client keeps the cookie.
pub async fn log_in(
    client: &reqwest::Client,
    base: &str,
    login: &DemoLogin,
    username: &str,
) -> anyhow::Result<()> {
    let res = answer_rightly(client, base, login, username).await?;
    anyhow::ensure!(res.status() == 200, "login answered {}", res.status());
    Ok(())
}

/// A code that is wrong for this position of the card.
pub fn wrong_code(login: &DemoLogin, position: CodeCardPosition) -> String {
    code_answer(login, position, false)
}

/// The code a person types for `position` of their card: the printed one, or when `right` is
/// false, a wrong one of the same form.
pub fn code_answer(login: &DemoLogin, position: CodeCardPosition, right: bool) -> String {
    if right {
        return login.card.code(position).printed();
    }
    let printed = login.card.code(position).expose_secret().to_owned();
    let wrong: String = printed
        .chars()
        .map(|c| {
            if c == '9' {
                '0'
            } else {
                char::from(c as u8 + 1)
            }
        })
        .collect();
    wrong
}

/// Documents to upload, plain and hostile, shared by the API, end-to-end and crash tests and
/// the benchmarks.
pub mod documents {
    use std::io::Write;

    /// A PNG's signature and header for `w` × `h` pixels: what the server checks of an image.
    pub fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(b"\x08\x02\0\0\0");
        b
    }

    /// A PNG of `len` bytes: a small image's header, padded.
    pub fn png_of_len(len: usize) -> Vec<u8> {
        let mut b = png(800, 600);
        b.resize(len, 0);
        b
    }

    /// `bytes` compressed as a PDF's FlateDecode stream holds them.
    pub fn zlib(bytes: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = z.write_all(bytes);
        z.finish().unwrap_or_default()
    }

    /// A PDF with one object stream holding `data`, encoded by `filter` (a name or an array).
    pub fn pdf_with_object_stream(filter: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = format!(
            "%PDF-1.5\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter {filter} /Length {} >>\nstream\n",
            data.len()
        )
        .into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        pdf
    }
}

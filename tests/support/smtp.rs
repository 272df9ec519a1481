//! A local SMTP server (`tests/smtp/server.mjs`, Node's `smtp-server` from the registry, pinned
//! in tools/) that writes every message it receives to a folder; its process is killed on drop.
//! The tests read mail from it exactly as a mail client would get it.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;

/// The running server.
pub struct SmtpServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

pub use crate::free_port;

impl SmtpServer {
    /// Starts a server on a free port.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_on(free_port()?).await
    }

    /// Starts a server on `port` (a mail server that comes back after being down).
    pub async fn start_on(port: u16) -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("smtp/server.mjs");
        let child = Command::new("node")
            .arg(&script)
            .arg(port.to_string())
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .context("starting node tests/smtp/server.mjs: is node on PATH?")?;
        let server = Self { child, port, dir };
        // Ready once it accepts connections.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "the SMTP server did not start (is `npm ci` done in tools/?)"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(server)
    }

    /// Its URL, for `MailConfig::Smtp`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Waits for the `n`th message (from 1) and returns it decoded: (recipient, subject, body).
    pub async fn message(&self, n: usize) -> anyhow::Result<(String, String, String)> {
        let path = self.dir.path().join(format!("{n:04}.eml"));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(raw) = std::fs::read(&path) {
                return crate::parse_mail(&raw);
            }
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "no mail number {n} arrived"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// How many messages arrived so far.
    pub fn count(&self) -> usize {
        std::fs::read_dir(self.dir.path())
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .count()
            })
            .unwrap_or(0)
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

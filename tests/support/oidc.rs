//! A real OpenID Connect provider for the tests: the npm package `oidc-provider`, configured by
//! `tests/oidc/provider.mjs` and run by Node on a free port. Dropping the handle kills the
//! process.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

/// The workspace's root folder.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub use crate::free_port;

/// A running `oidc-provider`.
pub struct OidcProvider {
    child: tokio::process::Child,
    /// Its issuer URL, `http://127.0.0.1:{port}`.
    pub issuer: String,
}

impl OidcProvider {
    /// Starts the provider on `port` with the script's configuration (`clients`, `accounts`,
    /// `scopes`, `id_token_ttl`, `test_controls`: see `tests/oidc/provider.mjs`) and waits until
    /// it listens. Node is `$INZAGE_NODE` or `node` on the PATH; the packages are those `npm ci`
    /// installs in `tools/node_modules`.
    pub async fn start(port: u16, mut config: Value) -> anyhow::Result<Self> {
        let issuer = format!("http://127.0.0.1:{port}");
        config["port"] = port.into();
        config["issuer"] = issuer.clone().into();
        let modules = workspace().join("tools/node_modules");
        anyhow::ensure!(
            modules.join("oidc-provider").is_dir(),
            "{} has no oidc-provider: run `npm ci` in tools/ (cargo xtask test does)",
            modules.display()
        );
        let node = std::env::var_os("INZAGE_NODE").unwrap_or_else(|| "node".into());
        let mut child = tokio::process::Command::new(&node)
            .arg(workspace().join("tests/oidc/provider.mjs"))
            .arg(config.to_string())
            .env("INZAGE_NODE_MODULES", &modules)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(if std::env::var_os("TEST_LOG").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {}", node.to_string_lossy()))?;
        let stdout = child.stdout.take().context("no stdout of the provider")?;
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(20), async {
            while let Some(line) = lines.next_line().await? {
                if line.starts_with("listening ") {
                    return Ok(());
                }
            }
            anyhow::bail!("the provider stopped before it listened")
        })
        .await
        .context("the provider did not start within 20 s")?;
        ready?;
        Ok(Self { child, issuer })
    }

    /// Changes the next ID token the provider issues (`aud`, `nonce`, `unpublished_key`), when
    /// started with `test_controls`.
    pub async fn next_token(&self, change: Value) -> anyhow::Result<()> {
        let res = reqwest::Client::new()
            .post(format!("{}/test/next-token", self.issuer))
            .json(&change)
            .send()
            .await?;
        anyhow::ensure!(res.status() == 204, "next-token answered {}", res.status());
        Ok(())
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

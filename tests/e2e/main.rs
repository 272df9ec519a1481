//! End-to-end tests: headless Chromium, driven through chromedriver, against the real server
//! serving the trunk-built SPA (`INZAGE_DIST`). Run by `cargo xtask test`, which builds the SPA
//! in release mode first; screenshots land in `target/e2e/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;
use fantoccini::{Client, ClientBuilder, Locator};
use inzage_tests::{Db, TestApp};

/// A chromedriver process of our own, killed with its whole process group on drop, so no
/// Chromium is left behind when a test fails.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> anyhow::Result<Self> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {chromedriver}: run `cargo xtask test`"))?;
        Ok(Self { child, port })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

/// A browser session and the server it talks to.
struct Session {
    client: Client,
    app: TestApp,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

async fn open(width: u32, height: u32) -> anyhow::Result<Session> {
    anyhow::ensure!(
        std::env::var_os("INZAGE_DIST").is_some(),
        "INZAGE_DIST is not set: run `cargo xtask test`, which builds the SPA"
    );
    let app = TestApp::spawn(Db::Sqlite).await?;
    let driver = Driver::start()?;
    let profile = tempfile::tempdir()?;
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=nl-BE",
                format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let url = format!("http://127.0.0.1:{}", driver.port);
    // chromedriver needs a moment to listen; retry the connection for a while.
    let mut last = None;
    for _ in 0..100 {
        match ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => {
                client.set_window_size(width, height).await?;
                return Ok(Session {
                    client,
                    app,
                    _driver: driver,
                    _profile: profile,
                });
            }
            Err(e) => {
                last = Some(e);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
    Err(anyhow::anyhow!(
        "chromedriver did not accept a session: {last:?}"
    ))
}

/// Runs a test body with a browser, and always closes the WebDriver session afterwards.
async fn with_browser<F, Fut>(width: u32, height: u32, body: F) -> anyhow::Result<()>
where
    F: FnOnce(Client, String, TestApp) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let s = open(width, height).await?;
    let base = s.app.url("");
    let client = s.client.clone();
    let result = body(s.client.clone(), base, s.app).await;
    let _ = client.close().await;
    result
}

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

async fn save_screenshot(client: &Client, name: &str) -> anyhow::Result<()> {
    let png = client.screenshot().await?;
    std::fs::write(screenshot_dir().join(name), png)?;
    Ok(())
}

async fn wait_css(client: &Client, css: &str) -> anyhow::Result<fantoccini::elements::Element> {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .with_context(|| format!("waiting for `{css}`"))
}

/// Waits until an element's text satisfies a condition, and returns the text.
async fn wait_text(
    client: &Client,
    css: &str,
    ok: impl Fn(&str) -> bool,
) -> anyhow::Result<String> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(e) = client.find(Locator::Css(css)).await {
            if let Ok(text) = e.text().await {
                if ok(&text) {
                    return Ok(text);
                }
            }
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "`{css}` never had the expected text"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types username and password and asks for the code; returns the position asked.
async fn credentials(
    client: &Client,
    base: &str,
    username: &str,
    password: &str,
) -> anyhow::Result<u8> {
    client.goto(&format!("{base}/inloggen")).await?;
    wait_css(client, "#username")
        .await?
        .send_keys(username)
        .await?;
    let pw = client.find(Locator::Css("#password")).await?;
    pw.send_keys(password).await?;
    // The keyboard submits the form: Enter in the password field.
    pw.send_keys("\u{E007}").await?;
    let pos = wait_css(client, "[data-testid=code-position]").await?;
    let position: u8 = pos
        .attr("data-position")
        .await?
        .context("data-position")?
        .parse()?;
    Ok(position)
}

/// Types a code into the code card field and submits with the keyboard.
async fn type_code(client: &Client, code: &str) -> anyhow::Result<()> {
    let field = wait_css(client, "#code").await?;
    field.send_keys(code).await?;
    field.send_keys("\u{E007}").await?;
    Ok(())
}

async fn log_in(client: &Client, base: &str, app: &TestApp, username: &str) -> anyhow::Result<()> {
    let login = app.login_of(username);
    let position = credentials(client, base, username, &login.password).await?;
    let code = login
        .card
        .code(inzage_domain::CodeCardPosition::new(position)?)
        .printed();
    type_code(client, &code).await?;
    wait_css(client, "[data-testid=report-list]").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_logs_in_with_the_code_card_and_reads_a_report() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        wait_text(&client, "[data-testid=user-name]", |t| {
            t == "Margery Gibson"
        })
        .await?;
        let list = wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;
        assert!(list.contains("MRI rechterknie"));
        assert!(!list.contains("Echografie abdomen"), "not validated");
        assert!(!list.contains("Psychiatrisch consult"), "shielded");
        assert!(!list.contains("RX thorax"), "before the cutoff");
        let note = client.find(Locator::Css(".note")).await?.text().await?;
        assert!(
            note.contains("AZ Voorbeeld (demo) toont verslagen vanaf 15 augustus 2016"),
            "{note}"
        );
        save_screenshot(&client, "reports.png").await?;

        client
            .find(Locator::XPath(
                "//a[.//span[text()='Ontslagbrief cardiologie']]",
            ))
            .await?
            .click()
            .await?;
        let text = wait_text(&client, "[data-testid=report]", |t| {
            t.contains("voorkamerfibrillatie")
        })
        .await?;
        assert!(text.contains("12 maart 2024"));
        assert!(text.contains("Dr. An Peeters"));
        let contact =
            wait_text(&client, "[data-testid=contact]", |t| t.contains("Telefoon")).await?;
        assert!(
            contact.contains("Neem contact op met AZ Voorbeeld (demo)."),
            "{contact}"
        );
        let tel = client
            .find(Locator::Css("[data-testid=contact] a[href^='tel:']"))
            .await?;
        assert_eq!(tel.attr("href").await?.as_deref(), Some("tel:+3216000000"));
        assert!(client
            .current_url()
            .await?
            .path()
            .ends_with("/verslagen/inzage-demo-ontslagbrief"));
        save_screenshot(&client, "report.png").await?;

        // A reload keeps the session (the cookie), and logging out ends it.
        client.refresh().await?;
        wait_text(&client, "[data-testid=report]", |t| {
            t.contains("voorkamerfibrillatie")
        })
        .await?;
        client
            .find(Locator::XPath("//button[text()='Afmelden']"))
            .await?
            .click()
            .await?;
        wait_css(&client, "#username").await?;
        client.goto(&format!("{base}/verslagen")).await?;
        wait_css(&client, "#username").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_code_fails_without_saying_which_input_was_wrong() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let login = app.login_of("margery");
        let position = credentials(&client, &base, "margery", &login.password).await?;
        let wrong = inzage_tests::wrong_code(login, inzage_domain::CodeCardPosition::new(position)?);
        type_code(&client, &wrong).await?;
        let msg = wait_text(&client, "[data-testid=form-error]", |t| !t.is_empty()).await?;
        assert_eq!(
            msg,
            "De combinatie van gebruikersnaam, wachtwoord en code klopt niet. Probeer opnieuw met een nieuwe code."
        );
        // Back at the first step, the username kept, the password cleared.
        let username = wait_css(&client, "#username").await?;
        assert_eq!(username.prop("value").await?.as_deref(), Some("margery"));
        let password = client.find(Locator::Css("#password")).await?;
        assert_eq!(password.prop("value").await?.as_deref(), Some(""));
        save_screenshot(&client, "login-failed.png").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_appear_beside_the_field() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, _app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        let username = wait_css(&client, "#username").await?;
        client
            .find(Locator::Css("button[type=submit]"))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#username-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Vul uw gebruikersnaam in.");
        assert_eq!(
            username.attr("aria-invalid").await?.as_deref(),
            Some("true")
        );
        let described = username.attr("aria-describedby").await?.unwrap_or_default();
        assert!(described.contains("username-error"), "{described}");
        let pw_msg = wait_text(&client, "#password-error", |t| !t.is_empty()).await?;
        assert_eq!(pw_msg, "Vul uw wachtwoord in.");

        // The domain crate's national number check runs in the browser.
        username.send_keys("85.07.30-033.29").await?;
        client
            .find(Locator::Css("#password"))
            .await?
            .send_keys("x")
            .await?;
        client
            .find(Locator::Css("button[type=submit]"))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#username-error", |t| !t.is_empty()).await?;
        assert_eq!(
            msg,
            "Dit rijksregisternummer klopt niet. Controleer de cijfers."
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_patients_report_url_shows_not_found() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "reyna").await?;
        client
            .goto(&format!("{base}/verslagen/inzage-demo-ontslagbrief"))
            .await?;
        let msg = wait_text(&client, "[data-testid=report-error]", |t| !t.is_empty()).await?;
        assert_eq!(
            msg,
            "Dit verslag bestaat niet, of u hebt er geen toegang toe."
        );
        let source = client.source().await?;
        assert!(!source.contains("voorkamerfibrillatie"));
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_fits_a_phone_screen() -> anyhow::Result<()> {
    with_browser(360, 740, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        client
            .goto(&format!("{base}/verslagen/inzage-demo-mri-knie"))
            .await?;
        wait_text(&client, "[data-testid=report]", |t| t.contains("meniscus")).await?;
        let overflow = client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await?;
        assert_eq!(overflow.as_i64(), Some(0), "no horizontal scrolling at 360 px");
        save_screenshot(&client, "report-phone.png").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_codes_lock_the_login_with_a_clear_message() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let login = app.login_of("reyna");
        let mut last = String::new();
        for _ in 0..5 {
            let position = credentials(&client, &base, "reyna", &login.password).await?;
            let wrong =
                inzage_tests::wrong_code(login, inzage_domain::CodeCardPosition::new(position)?);
            type_code(&client, &wrong).await?;
            last = wait_text(&client, "[data-testid=form-error]", |t| !t.is_empty()).await?;
            // Leave the page so the next round starts from an empty form.
            client.goto("about:blank").await?;
        }
        // The test clock stands at 10:00 UTC on 27 November 2026: 11:15 in Brussels.
        assert_eq!(
            last,
            "Na te veel mislukte pogingen is aanmelden tijdelijk geblokkeerd, tot 27 november 2026 om 11:15."
        );
        Ok(())
    })
    .await
}

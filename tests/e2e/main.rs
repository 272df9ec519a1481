//! End-to-end tests: headless Chromium, driven through chromedriver, against the real server
//! serving the trunk-built SPA (`INZAGE_DIST`). Run by `cargo xtask test`, which builds the SPA
//! in release mode first; screenshots land in `target/e2e/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod a11y;
mod pwa;
mod video;
mod xss;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;
use fantoccini::{Client, ClientBuilder, Locator};
use inzage_tests::{Db, TestApp};

use crate::a11y::assert_accessible;

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

/// Opens a browser whose preferred language is `lang` (a language tag such as `nl-BE`).
async fn open(width: u32, height: u32, lang: &str) -> anyhow::Result<Session> {
    open_with(width, height, lang, |_| {}).await
}

/// Like [`open`], with a change to the server's configuration (its mail, for instance).
async fn open_with(
    width: u32,
    height: u32,
    lang: &str,
    tweak: impl FnOnce(&mut inzage_server::config::Config),
) -> anyhow::Result<Session> {
    anyhow::ensure!(
        std::env::var_os("INZAGE_DIST").is_some(),
        "INZAGE_DIST is not set: run `cargo xtask test`, which builds the SPA"
    );
    // Without a configured public address, the server's is where it listens: e-mail links
    // point back to it.
    open_on(
        TestApp::spawn_with(Db::Sqlite, tweak).await?,
        width,
        height,
        lang,
    )
    .await
}

/// Opens a browser on a server the test started itself.
async fn open_on(app: TestApp, width: u32, height: u32, lang: &str) -> anyhow::Result<Session> {
    let Browser {
        client,
        driver,
        profile,
    } = browser(width, height, lang, &[]).await?;
    Ok(Session {
        client,
        app,
        _driver: driver,
        _profile: profile,
    })
}

/// A headless Chromium with its own chromedriver and profile (a test with two people opens two).
struct Browser {
    client: Client,
    driver: Driver,
    profile: tempfile::TempDir,
}

/// Opens a browser whose preferred language is `lang`, with Chromium's `extra` flags.
async fn browser(width: u32, height: u32, lang: &str, extra: &[&str]) -> anyhow::Result<Browser> {
    let driver = Driver::start()?;
    let profile = tempfile::tempdir()?;
    let mut args = vec![
        "--headless".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        format!("--lang={lang}"),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", profile.path().display()),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": args,
            // What `navigator.languages` reports, which the app follows before anyone chooses.
            "prefs": { "intl.accept_languages": lang },
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
                return Ok(Browser {
                    client,
                    driver,
                    profile,
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

/// Runs a test body with a browser that prefers Belgian Dutch, and always closes the WebDriver
/// session afterwards.
async fn with_browser<F, Fut>(width: u32, height: u32, body: F) -> anyhow::Result<()>
where
    F: FnOnce(Client, String, TestApp) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    with_browser_in("nl-BE", width, height, body).await
}

/// Runs a test body with a browser that prefers the language `lang`.
async fn with_browser_in<F, Fut>(lang: &str, width: u32, height: u32, body: F) -> anyhow::Result<()>
where
    F: FnOnce(Client, String, TestApp) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let s = open(width, height, lang).await?;
    run_in(s, body).await
}

/// Runs a test body with a Dutch browser against a server whose configuration `tweak` changes.
async fn with_browser_config<F, Fut>(
    tweak: impl FnOnce(&mut inzage_server::config::Config),
    body: F,
) -> anyhow::Result<()>
where
    F: FnOnce(Client, String, TestApp) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let s = open_with(1280, 900, "nl-BE", tweak).await?;
    run_in(s, body).await
}

/// Runs a test body in a session and always closes the WebDriver session afterwards.
async fn run_in<F, Fut>(s: Session, body: F) -> anyhow::Result<()>
where
    F: FnOnce(Client, String, TestApp) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
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

/// Waits until no element matches `css`.
async fn wait_gone(client: &Client, css: &str) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !client.find_all(Locator::Css(css)).await?.is_empty() {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "`{css}` never went away"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
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
    log_in_to(client, base, app, username, "[data-testid=report-list]").await
}

/// Logs in a care provider, who lands on their list of patients.
async fn log_in_provider(
    client: &Client,
    base: &str,
    app: &TestApp,
    username: &str,
) -> anyhow::Result<()> {
    log_in_to(client, base, app, username, "[data-testid=patient-list]").await
}

/// Logs in and waits for the element that shows the person's home page has loaded.
async fn log_in_to(
    client: &Client,
    base: &str,
    app: &TestApp,
    username: &str,
    home: &str,
) -> anyhow::Result<()> {
    let login = app.login_of(username);
    let position = credentials(client, base, username, &login.password).await?;
    let code = login
        .card
        .code(inzage_domain::CodeCardPosition::new(position)?)
        .printed();
    type_code(client, &code).await?;
    wait_css(client, home).await?;
    Ok(())
}

/// Logs out with the header's button, so the next person can log in in the same browser.
async fn log_out(client: &Client) -> anyhow::Result<()> {
    client
        .find(Locator::Css("[data-testid=logout]"))
        .await?
        .click()
        .await?;
    wait_css(client, "#username").await?;
    Ok(())
}

/// Follows a link of the header's navigation.
async fn nav(client: &Client, text: &str) -> anyhow::Result<()> {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::LinkText(text))
        .await
        .with_context(|| format!("waiting for the link `{text}`"))?
        .click()
        .await?;
    Ok(())
}

/// The Toegangen card of a person, by name.
fn entry(name: &str) -> String {
    format!("[data-testid=access-entry][data-name='{name}']")
}

/// Waits until the focused element's `data-testid` (or, for `#id`, its id) is `expected`: a page
/// moves the focus in the frame after it shows what takes it, so reading it at once races.
async fn wait_focus(client: &Client, expected: &str) -> anyhow::Result<()> {
    let script = match expected.strip_prefix('#') {
        Some(_) => "return document.activeElement && document.activeElement.id;",
        None => "return document.activeElement && document.activeElement.dataset.testid;",
    };
    let want = expected.trim_start_matches('#');
    let mut focused = serde_json::Value::Null;
    for _ in 0..100 {
        focused = client.execute(script, vec![]).await?;
        if focused.as_str() == Some(want) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("the focus stayed on {focused}, not {expected}")
}

/// A care provider's card of a patient, by name.
fn patient(name: &str) -> String {
    format!("[data-testid=provider-patient][data-name='{name}']")
}

/// Clicks a command's button, checks the confirmation panel's effect, and confirms.
async fn command_and_confirm(client: &Client, button: &str, effect: &str) -> anyhow::Result<()> {
    wait_css(client, button).await?.click().await?;
    let shown = wait_text(client, "[data-testid=confirm-effect]", |t| !t.is_empty()).await?;
    assert!(shown.contains(effect), "{shown}");
    // The panel has the focus, so the keyboard reaches "Bevestigen" next.
    wait_focus(client, "confirm-panel").await?;
    client
        .find(Locator::Css("[data-testid=confirm]"))
        .await?
        .click()
        .await?;
    wait_text(client, "[data-testid=access-status]", |t| {
        t.starts_with("Uw wijziging is opgeslagen")
    })
    .await?;
    assert!(client
        .find_all(Locator::Css("[data-testid=confirm-panel]"))
        .await?
        .is_empty());
    Ok(())
}

async fn no_horizontal_scrolling(client: &Client) -> anyhow::Result<()> {
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await?;
    if overflow.as_i64() != Some(0) {
        // Name the element that sticks out, to fix it rather than guess.
        let culprit = client
            .execute(
                "const w = document.documentElement.clientWidth; let worst = null; \
                 for (const e of document.querySelectorAll('body *')) { \
                   const r = e.getBoundingClientRect(); \
                   if (r.right > w + 1 && (!worst || r.right > worst.r)) worst = {r: r.right, e}; } \
                 return worst ? worst.e.tagName + '.' + worst.e.className + ' ' + \
                   (worst.e.dataset.testid || '') + ' right=' + Math.round(worst.r) : 'none';",
                vec![],
            )
            .await?;
        anyhow::bail!("horizontal scrolling of {overflow} px, widest: {culprit}");
    }
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
        assert!(list.contains("AZ Voorbeeld (demo)"), "{list}");
        assert!(!list.contains("RX thorax"), "before the cutoff");
        let note = client.find(Locator::Css(".note")).await?.text().await?;
        assert!(
            note.contains("AZ Voorbeeld (demo) toont verslagen vanaf 15 augustus 2016"),
            "{note}"
        );
        save_screenshot(&client, "reports.png").await?;
        assert_accessible(&client, "the reports").await?;

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
        // The letter's PDF, served as the report is.
        let document = wait_css(&client, "[data-testid=report-document]").await?;
        assert_eq!(document.text().await?, "Ontslagbrief (PDF)");
        let href = document.attr("href").await?.context("href")?;
        let bytes = app
            .signed_in("margery")
            .await?
            .get(app.url(&href))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        assert!(bytes.starts_with(b"%PDF-"));
        save_screenshot(&client, "report.png").await?;
        assert_accessible(&client, "a report").await?;

        // A reload keeps the session (the cookie), and logging out ends it.
        client.refresh().await?;
        wait_text(&client, "[data-testid=report]", |t| {
            t.contains("voorkamerfibrillatie")
        })
        .await?;
        // Who is logged in was asked once, by the page while the wasm loaded (Trunk.toml); the
        // app took that answer instead of asking again.
        let asked = client
            .execute(
                "const all = performance.getEntriesByType('resource');\
                 const wasm = all.find((e) => e.name.endsWith('.wasm'));\
                 return all.filter((e) => new URL(e.name).pathname === '/api/v1/me')\
                   .map((e) => e.startTime <= wasm.startTime);",
                vec![],
            )
            .await?;
        assert_eq!(
            asked,
            serde_json::json!([true]),
            "GET /api/v1/me, asked with the wasm"
        );
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
        assert_accessible(&client, "the login page after a wrong code").await?;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_revokes_her_gp_who_then_has_no_access() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        let gp = entry("Dr. Carol Weimann");
        let card = wait_text(&client, &gp, |t| t.contains("Kan uw dossier bekijken")).await?;
        assert!(card.contains("Huisartsenpraktijk De Linde"), "{card}");
        assert!(
            card.contains(
                "Uw huisarts Dr. Carol Weimann ziet uw dossier automatisch. U kunt dit intrekken."
            ),
            "{card}"
        );
        let page = client
            .find(Locator::Css("[data-testid=access-page]"))
            .await?
            .text()
            .await?;
        for heading in [
            "Huisarts",
            "Behandelende zorgverleners",
            "Aanvragen van verwijzers",
            "Gegevensdeling tussen ziekenhuizen (eHealth)",
            "Hergebruik van uw gegevens voor onderzoek",
            "Kankerregister",
        ] {
            assert!(page.contains(heading), "{heading} in {page}");
        }
        save_screenshot(&client, "access.png").await?;
        assert_accessible(&client, "Toegangen").await?;

        command_and_confirm(
            &client,
            &format!("{gp} button[data-command=refuse_gp]"),
            "Na deze wijziging kan Dr. Carol Weimann uw dossier niet meer bekijken (",
        )
        .await?;
        let card = wait_text(&client, &gp, |t| t.contains("Kan uw dossier niet bekijken")).await?;
        assert!(
            card.contains(
                "U hebt de automatische toegang van uw huisarts Dr. Carol Weimann ingetrokken."
            ),
            "{card}"
        );
        assert!(client
            .find(Locator::Css(&format!(
                "{gp} button[data-command=restore_gp]"
            )))
            .await
            .is_ok());

        log_out(&client).await?;
        log_in_provider(&client, &base, &app, "dr.weimann").await?;
        let margery = patient("Margery Gibson");
        wait_text(
            &client,
            &format!("{margery} [data-testid=read-status]"),
            |t| t == "Geen toegang",
        )
        .await?;
        let row = client.find(Locator::Css(&margery)).await?.text().await?;
        assert!(
            row.contains(
                "U hebt de automatische toegang van uw huisarts Dr. Carol Weimann ingetrokken."
            ),
            "{row}"
        );
        save_screenshot(&client, "provider.png").await?;
        assert_accessible(&client, "the provider's patients").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_approves_a_referrer_who_then_reads_her_reports() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        let request = "[data-testid=referral-request][data-name='Dr. Monica Kshlerin']";
        let card = wait_text(&client, request, |t| t.contains("cardiologisch nazicht")).await?;
        assert!(card.contains("Cardiologiepraktijk Kshlerin"), "{card}");
        assert!(card.contains("20 november 2026"), "{card}");
        command_and_confirm(
            &client,
            &format!("{request} button[data-command=approve_referrer]"),
            "Na deze wijziging kan Dr. Monica Kshlerin uw dossier bekijken.",
        )
        .await?;
        let card = wait_text(&client, &entry("Dr. Monica Kshlerin"), |t| {
            t.contains("Kan uw dossier bekijken")
        })
        .await?;
        assert!(
            card.contains("U hebt Dr. Monica Kshlerin toestemming gegeven"),
            "{card}"
        );
        assert!(client.find(Locator::Css(request)).await.is_err());

        log_out(&client).await?;
        log_in_provider(&client, &base, &app, "dr.kshlerin").await?;
        let margery = patient("Margery Gibson");
        wait_text(
            &client,
            &format!("{margery} [data-testid=read-status]"),
            |t| t == "Toegang",
        )
        .await?;
        client
            .find(Locator::Css(&format!(
                "{margery} [data-testid=open-record]"
            )))
            .await?
            .click()
            .await?;
        let list = wait_text(&client, "[data-testid=provider-report-list]", |t| {
            t.contains("Ontslagbrief cardiologie")
        })
        .await?;
        assert!(list.contains("AZ Voorbeeld (demo)"), "{list}");
        wait_text(&client, "h1", |t| t == "Dossier van Margery Gibson").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_excluded_specialist_cannot_open_the_record() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        let gleason = entry("Dr. Mariam Gleason");
        let card = wait_text(&client, &gleason, |t| t.contains("Kan uw dossier bekijken")).await?;
        assert!(
            card.contains("behandelt u in dit ziekenhuisnetwerk"),
            "{card}"
        );
        command_and_confirm(
            &client,
            &format!("{gleason} button[data-command=exclude]"),
            "Na deze wijziging kan Dr. Mariam Gleason uw dossier niet meer bekijken (",
        )
        .await?;
        let card = wait_text(&client, &gleason, |t| {
            t.contains("Kan uw dossier niet bekijken")
        })
        .await?;
        assert!(
            card.contains(
                "U hebt Dr. Mariam Gleason uitgesloten. Dat gaat boven elke andere toegang."
            ),
            "{card}"
        );

        log_out(&client).await?;
        log_in_provider(&client, &base, &app, "dr.gleason").await?;
        let margery = patient("Margery Gibson");
        wait_text(
            &client,
            &format!("{margery} [data-testid=read-status]"),
            |t| t == "Geen toegang",
        )
        .await?;
        client
            .find(Locator::Css(&format!(
                "{margery} [data-testid=open-record]"
            )))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "[data-testid=record-error]", |t| !t.is_empty()).await?;
        assert_eq!(
            msg,
            "U hebt geen toegang tot dit dossier, of het bestaat niet."
        );
        assert!(client
            .find(Locator::Css("[data-testid=provider-report-list]"))
            .await
            .is_err());
        // The address typed by hand gives the same answer.
        client
            .goto(&format!(
                "{base}/zorgverlener/dossier/{}",
                app.id_of("margery")
            ))
            .await?;
        let msg = wait_text(&client, "[data-testid=record-error]", |t| !t.is_empty()).await?;
        assert_eq!(
            msg,
            "U hebt geen toegang tot dit dossier, of het bestaat niet."
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_patient_sees_who_read_her_record_and_why() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in_provider(&client, &base, &app, "dr.gleason").await?;
        let margery = patient("Margery Gibson");
        wait_text(&client, &format!("{margery} [data-testid=read-status]"), |t| {
            t == "Toegang"
        })
        .await?;
        client
            .find(Locator::Css(&format!("{margery} [data-testid=open-record]")))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=provider-report-list]", |t| {
            t.contains("Ontslagbrief cardiologie")
        })
        .await?;

        log_out(&client).await?;
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Wie bekeek mijn dossier").await?;
        let read = "//tr[@data-testid='audit-row'][contains(., 'Dr. Mariam Gleason')]";
        let row = client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(read))
            .await
            .context("Dr. Gleason's read in the audit table")?
            .text()
            .await?;
        assert!(row.contains("Dr. Mariam Gleason (specialist)"), "{row}");
        assert!(row.contains("bekeek uw verslagen"), "{row}");
        assert!(row.contains("Toegestaan"), "{row}");
        assert!(
            row.contains("Dr. Mariam Gleason behandelt u in dit ziekenhuisnetwerk en ziet uw dossier zolang de behandeling loopt."),
            "{row}"
        );
        assert!(row.contains("27 november 2026 om 11:00"), "{row}");
        let table = client
            .find(Locator::Css("[data-testid=audit-table]"))
            .await?
            .text()
            .await?;
        assert!(table.contains("Margery Gibson (u zelf)"), "{table}");
        save_screenshot(&client, "audit.png").await?;
        assert_accessible(&client, "Wie bekeek mijn dossier").await?;

        // Only Dr. Gleason's entries.
        client
            .find(Locator::Css("#actor"))
            .await?
            .select_by_value(&app.id_of("dr.gleason"))
            .await?;
        client
            .find(Locator::XPath("//button[text()='Toon']"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=audit-table] tbody", |t| {
            !t.contains("u zelf") && t.contains("Dr. Mariam Gleason")
        })
        .await?;

        // A day range the wrong way round: the server's message beside the field.
        client
            .execute(
                "const set = (id, v) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); };
                 set('from', '2026-11-27'); set('until', '2026-11-01');",
                vec![],
            )
            .await?;
        client
            .find(Locator::XPath("//button[text()='Toon']"))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#until-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "De einddatum ligt vóór de begindatum.");
        let until = client.find(Locator::Css("#until")).await?;
        assert_eq!(until.attr("aria-invalid").await?.as_deref(), Some("true"));
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_referrer_asks_for_access_and_the_patient_sees_the_request() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in_provider(&client, &base, &app, "dr.kshlerin").await?;
        // The domain's validation runs in the browser: messages beside the fields.
        client
            .find(Locator::XPath("//button[text()='Aanvraag versturen']"))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#national_number-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Vul uw rijksregisternummer in.");
        let msg = wait_text(&client, "#reason-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Vul de reden van uw aanvraag in.");
        let reason = client.find(Locator::Css("#reason")).await?;
        assert_eq!(reason.attr("aria-invalid").await?.as_deref(), Some("true"));
        let described = reason.attr("aria-describedby").await?.unwrap_or_default();
        assert!(described.contains("reason-error"), "{described}");

        let number = app
            .login_of("reyna")
            .national_number
            .clone()
            .context("reyna's national number")?;
        client
            .find(Locator::Css("#national_number"))
            .await?
            .send_keys(&number)
            .await?;
        reason
            .send_keys("Nazicht na verwijzing voor hartkloppingen.")
            .await?;
        client
            .find(Locator::XPath("//button[text()='Aanvraag versturen']"))
            .await?
            .click()
            .await?;
        let status = wait_text(&client, "[data-testid=referral-status]", |t| !t.is_empty()).await?;
        assert_eq!(
            status,
            "Uw aanvraag is verstuurd. De patiënt beslist of u het dossier mag inzien."
        );

        log_out(&client).await?;
        log_in(&client, &base, &app, "reyna").await?;
        nav(&client, "Toegangen").await?;
        let card = wait_text(
            &client,
            "[data-testid=referral-request][data-name='Dr. Monica Kshlerin']",
            |t| t.contains("hartkloppingen"),
        )
        .await?;
        assert!(
            card.contains("Toestaan") && card.contains("Weigeren"),
            "{card}"
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_pages_fit_a_phone_screen() -> anyhow::Result<()> {
    with_browser(360, 740, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        wait_text(&client, &entry("Dr. Carol Weimann"), |t| {
            t.contains("Kan uw dossier bekijken")
        })
        .await?;
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "access-phone.png").await?;
        // The confirmation panel fits too.
        wait_css(
            &client,
            &format!(
                "{} button[data-command=exclude]",
                entry("Dr. Mariam Gleason")
            ),
        )
        .await?
        .click()
        .await?;
        wait_text(&client, "[data-testid=confirm-effect]", |t| !t.is_empty()).await?;
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "access-confirm-phone.png").await?;
        assert_accessible(&client, "Toegangen's confirmation on a phone").await?;
        client
            .find(Locator::Css("[data-testid=cancel]"))
            .await?
            .click()
            .await?;

        nav(&client, "Wie bekeek mijn dossier").await?;
        wait_css(&client, "[data-testid=audit-row]").await?;
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "audit-phone.png").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_patient_views_her_record_as_her_gp_sees_it() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        let gp = entry("Dr. Carol Weimann");
        wait_css(&client, &format!("{gp} [data-testid=view-as]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "h1", |t| {
            t == "Uw dossier zoals Dr. Carol Weimann het ziet"
        })
        .await?;
        let status = wait_text(&client, "[data-testid=view-as-status]", |t| !t.is_empty()).await?;
        assert_eq!(status, "Kan uw dossier bekijken");
        let list = wait_text(&client, "[data-testid=provider-report-list]", |t| {
            !t.is_empty()
        })
        .await?;
        assert!(list.contains("Ontslagbrief cardiologie"), "{list}");

        // After the GP's access is withdrawn, the same view shows nothing, with the reason.
        nav(&client, "Terug naar Toegangen").await?;
        command_and_confirm(
            &client,
            &format!("{gp} button[data-command=refuse_gp]"),
            "Dr. Carol Weimann",
        )
        .await?;
        wait_css(&client, &format!("{gp} [data-testid=view-as]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=view-as-status]", |t| {
            t == "Kan uw dossier niet bekijken"
        })
        .await?;
        wait_css(&client, "[data-testid=view-as-none]").await?;
        let page = client.find(Locator::Css("main")).await?.text().await?;
        assert!(
            page.contains(
                "U hebt de automatische toegang van uw huisarts Dr. Carol Weimann ingetrokken."
            ),
            "{page}"
        );
        Ok(())
    })
    .await
}

/// The language of the page: `<html lang>`.
async fn html_lang(client: &Client) -> anyhow::Result<String> {
    let lang = client
        .execute("return document.documentElement.lang;", vec![])
        .await?;
    Ok(lang.as_str().unwrap_or_default().to_owned())
}

/// Chooses a language with the header's switcher and waits until the page speaks it.
async fn choose_language(client: &Client, code: &str) -> anyhow::Result<()> {
    wait_css(client, &format!(".lang-switch button[data-lang={code}]"))
        .await?
        .click()
        .await?;
    wait_html_lang(client, code).await
}

async fn wait_html_lang(client: &Client, code: &str) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let lang = html_lang(client).await?;
        if lang == code {
            return Ok(());
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "<html lang> stayed `{lang}`, not `{code}`"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of the page's main content (without the header and its language switcher).
async fn main_text(client: &Client) -> anyhow::Result<String> {
    Ok(client.find(Locator::Css("main")).await?.text().await?)
}

/// Checks that none of the Dutch phrases and all of the other phrases are in `text`.
fn assert_phrases(text: &str, absent: &[&str], present: &[&str]) {
    for phrase in absent {
        assert!(
            !text.contains(phrase),
            "`{phrase}` is still on the page:\n{text}"
        );
    }
    for phrase in present {
        assert!(
            text.contains(phrase),
            "`{phrase}` is not on the page:\n{text}"
        );
    }
}

/// Whether a language button is the pressed one.
async fn pressed(client: &Client, code: &str) -> anyhow::Result<Option<String>> {
    Ok(client
        .find(Locator::Css(&format!(
            ".lang-switch button[data-lang={code}]"
        )))
        .await?
        .attr("aria-pressed")
        .await?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_page_speaks_french_and_english() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, _app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "#username").await?;
        wait_text(&client, "h1", |t| t == "Aanmelden").await?;
        assert_eq!(html_lang(&client).await?, "nl");
        assert_eq!(pressed(&client, "nl").await?.as_deref(), Some("true"));
        // Each language is named in itself, marked with its own language.
        let fr = client
            .find(Locator::Css(".lang-switch button[data-lang=fr]"))
            .await?;
        assert_eq!(fr.text().await?, "Français");
        assert_eq!(fr.attr("lang").await?.as_deref(), Some("fr"));

        choose_language(&client, "fr").await?;
        wait_text(&client, "h1", |t| t == "Se connecter").await?;
        wait_text(&client, "label[for=username]", |t| t == "Nom d'utilisateur").await?;
        wait_text(&client, "label[for=password]", |t| t == "Mot de passe").await?;
        assert_eq!(pressed(&client, "fr").await?.as_deref(), Some("true"));
        assert_eq!(pressed(&client, "nl").await?.as_deref(), Some("false"));

        // The domain's validation error beside the field, in French.
        let username = client.find(Locator::Css("#username")).await?;
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
            "Ce numéro de registre national n'est pas correct. Vérifiez les chiffres."
        );

        // The keyboard reaches the switcher: Enter on "English". The error already shown
        // follows the language.
        client
            .find(Locator::Css(".lang-switch button[data-lang=en]"))
            .await?
            .send_keys("\u{E007}")
            .await?;
        wait_html_lang(&client, "en").await?;
        wait_text(&client, "h1", |t| t == "Log in").await?;
        wait_text(&client, "label[for=username]", |t| t == "Username").await?;
        wait_text(&client, "label[for=password]", |t| t == "Password").await?;
        wait_text(&client, "#username-error", |t| {
            t == "This national register number is not correct. Please check the digits."
        })
        .await?;
        assert_phrases(
            &main_text(&client).await?,
            &[
                "Gebruikersnaam",
                "Wachtwoord",
                "codekaart",
                "Nom d'utilisateur",
            ],
            &["Log in with your username, your password and a code from your code card."],
        );

        // The browser remembers the choice before anyone logs in.
        client.refresh().await?;
        wait_text(&client, "h1", |t| t == "Log in").await?;
        assert_eq!(html_lang(&client).await?, "en");
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_switches_to_english_and_her_profile_remembers_it() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        wait_text(&client, "h1", |t| t == "Verslagen").await?;
        choose_language(&client, "en").await?;
        wait_text(&client, "h1", |t| t == "Reports").await?;
        assert_phrases(
            &main_text(&client).await?,
            &[
                "Verslagen",
                "Waarom zie ik een verslag niet?",
                "Een verslag verschijnt pas",
                "toont verslagen vanaf",
                "november",
            ],
            &[
                "Why can't I see a report?",
                "A report appears only once the doctor has approved (validated) it.",
                "shows reports from",
            ],
        );

        nav(&client, "Access").await?;
        wait_css(&client, "[data-testid=access-entry]").await?;
        wait_text(&client, "h1", |t| t == "Access to your record").await?;
        let dutch = [
            "Toegangen",
            "Wie kan uw dossier bekijken?",
            "Kan uw dossier bekijken",
            "Uw huisarts",
            "Toegang huisarts intrekken",
            "Gegevensdeling",
            "Hergebruik",
            "Bezwaar",
            "Bekijk uw dossier zoals",
            " uw dossier ",
            "Waarom",
        ];
        let english = [
            "Who can view your record?",
            "Can view your record",
            "Data sharing between hospitals (eHealth)",
            "Reuse of your data for research",
            "treats you in this hospital network and sees your record while the treatment lasts.",
        ];
        assert_phrases(&main_text(&client).await?, &dutch, &english);
        save_screenshot(&client, "access-en.png").await?;
        assert_accessible(&client, "Toegangen in English").await?;

        // Reloaded without the browser's memory: the profile says English.
        client.execute("localStorage.clear();", vec![]).await?;
        client.refresh().await?;
        wait_css(&client, "[data-testid=access-entry]").await?;
        wait_text(&client, "h1", |t| t == "Access to your record").await?;
        wait_html_lang(&client, "en").await?;
        assert_phrases(&main_text(&client).await?, &dutch, &english);
        assert_eq!(pressed(&client, "en").await?.as_deref(), Some("true"));

        // Logged out and in again, in a browser that forgot: still English after login.
        log_out(&client).await?;
        client.execute("localStorage.clear();", vec![]).await?;
        log_in(&client, &base, &app, "margery").await?;
        wait_text(&client, "h1", |t| t == "Reports").await?;
        wait_html_lang(&client, "en").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_page_in_french_gives_the_reasons_in_french() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        // Dr. Gleason opens Margery's record, which the audit trail keeps.
        log_in_provider(&client, &base, &app, "dr.gleason").await?;
        wait_css(&client, &format!("{} [data-testid=open-record]", patient("Margery Gibson")))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=provider-report-list]", |t| {
            t.contains("Ontslagbrief cardiologie")
        })
        .await?;
        log_out(&client).await?;
        log_in(&client, &base, &app, "margery").await?;
        choose_language(&client, "fr").await?;
        nav(&client, "Qui a consulté mon dossier").await?;
        wait_text(&client, "h1", |t| t == "Qui a consulté mon dossier").await?;
        let read = "//tr[@data-testid='audit-row'][contains(., 'Dr. Mariam Gleason')]";
        let row = client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(read))
            .await
            .context("Dr. Gleason's read in the audit table")?
            .text()
            .await?;
        assert!(row.contains("Dr. Mariam Gleason (spécialiste)"), "{row}");
        assert!(row.contains("a consulté vos rapports"), "{row}");
        assert!(row.contains("Autorisé"), "{row}");
        assert!(
            row.contains("Dr. Mariam Gleason vous soigne dans ce réseau hospitalier et voit votre dossier tant que le traitement dure."),
            "{row}"
        );
        assert!(row.contains("27 novembre 2026 à 11:00"), "{row}");
        let table = client
            .find(Locator::Css("[data-testid=audit-table]"))
            .await?
            .text()
            .await?;
        assert_phrases(
            &table,
            &["bekeek", "Toegestaan", "u zelf", "Wanneer", "Waarom", "uw dossier", " om "],
            &["Margery Gibson (vous-même)", "Il s'agit de votre propre dossier.", "Quand", "Pourquoi"],
        );
        wait_text(&client, "label[for=from]", |t| t == "Du").await?;
        save_screenshot(&client, "audit-fr.png").await?;
        assert_accessible(&client, "the audit page in French").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_asking_for_french_gets_french_on_the_first_visit() -> anyhow::Result<()> {
    with_browser_in("fr-BE", 1280, 900, |client, base, _app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "#username").await?;
        wait_text(&client, "h1", |t| t == "Se connecter").await?;
        assert_eq!(html_lang(&client).await?, "fr");
        assert_eq!(pressed(&client, "fr").await?.as_deref(), Some("true"));
        wait_text(&client, "label[for=username]", |t| t == "Nom d'utilisateur").await?;
        Ok(())
    })
    .await
}

// Acting for someone else (issue 5): the record menu, Gekoppelde dossiers and the back office.

/// The national number the demo gives a child without an account.
async fn insz_of(app: &TestApp, given: &str, family: &str) -> anyhow::Result<String> {
    let (id, _) = app
        .store
        .find_patient_by_name(given, family)
        .await?
        .context("demo child")?;
    app.store
        .patient(&id)
        .await?
        .and_then(|p| p.insz)
        .context("national number")
}

/// Logs in hospital staff, who land on their queue.
async fn log_in_staff(client: &Client, base: &str, app: &TestApp) -> anyhow::Result<()> {
    log_in_to(client, base, app, "ombuds", "[data-testid=staff-queue]").await
}

/// Types into a field after clearing it.
async fn fill(client: &Client, css: &str, text: &str) -> anyhow::Result<()> {
    let field = wait_css(client, css).await?;
    field.clear().await?;
    if !text.is_empty() {
        field.send_keys(text).await?;
    }
    Ok(())
}

/// Asks for a link to a child's record with the form on Gekoppelde dossiers.
async fn ask_link(client: &Client, child: &str, number: &str) -> anyhow::Result<()> {
    nav(client, "Gekoppelde dossiers").await?;
    fill(client, "#child_name", child).await?;
    fill(client, "#child_national_number", number).await?;
    fill(client, "#message", "Ik ben de moeder.").await?;
    wait_css(client, "[data-testid=link-request-submit]")
        .await?
        .click()
        .await?;
    wait_text(client, "[data-testid=link-request-status]", |t| {
        t.starts_with("Uw aanvraag is verstuurd")
    })
    .await?;
    wait_css(
        client,
        &format!("[data-testid=link-request][data-name='{child}'][data-status=pending]"),
    )
    .await?;
    Ok(())
}

/// A request's row in the staff's queue, by the child's name as written.
fn staff_row(child: &str) -> String {
    format!("[data-testid=staff-request][data-child='{child}']")
}

/// Staff approve a request, which leaves the queue with a status message.
async fn approve(client: &Client, requester: &str, child: &str) -> anyhow::Result<()> {
    let row = staff_row(child);
    wait_css(client, &format!("{row} [data-testid=approve]"))
        .await?
        .click()
        .await?;
    let expected = format!("De aanvraag van {requester} voor {child} is goedgekeurd.");
    wait_text(client, "[data-testid=staff-status]", |t| t == expected).await?;
    assert!(client.find_all(Locator::Css(&row)).await?.is_empty());
    Ok(())
}

/// Scrolls an element into view, for a screenshot of it.
async fn scroll_to(client: &Client, css: &str) -> anyhow::Result<()> {
    let element = wait_css(client, css).await?;
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'start'});",
            vec![serde_json::to_value(&element)?],
        )
        .await?;
    Ok(())
}

/// Opens the menu under the person's name and returns the records it offers, by name.
async fn record_menu(client: &Client) -> anyhow::Result<Vec<String>> {
    let toggle = wait_css(client, "[data-testid=record-menu-toggle]").await?;
    if toggle.attr("aria-expanded").await?.as_deref() != Some("true") {
        toggle.click().await?;
    }
    wait_css(
        client,
        "[data-testid=record-menu] [data-testid=record-option]",
    )
    .await?;
    let mut names = Vec::new();
    for option in client
        .find_all(Locator::Css("[data-testid=record-option]"))
        .await?
    {
        names.push(option.attr("data-name").await?.unwrap_or_default());
    }
    Ok(names)
}

/// The titles of a record's reports as the API gives them to `username`.
async fn report_titles(app: &TestApp, username: &str, record: &str) -> anyhow::Result<Vec<String>> {
    let client = app.signed_in(username).await?;
    let list: inzage_domain::wire::ReportList = client
        .get(app.url(&format!("/api/v1/records/{record}/reports")))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(list.reports.into_iter().map(|r| r.title).collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_links_her_child_switches_to_his_record_and_the_link_ends_at_15(
) -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let insz = insz_of(&app, "Jorge", "Brekke").await?;
        let (jorge, _) = app
            .store
            .find_patient_by_name("Jorge", "Brekke")
            .await?
            .context("Jorge")?;
        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(record_menu(&client).await?, ["Reyna Ziemann"]);

        // The form checks its fields in the browser, with the domain's messages beside them.
        nav(&client, "Gekoppelde dossiers").await?;
        wait_css(&client, "[data-testid=linked-none]").await?;
        wait_css(&client, "[data-testid=link-request-submit]")
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#child_name-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Vul de naam van uw kind in.");
        let msg = wait_text(&client, "#child_national_number-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Vul het rijksregisternummer of het BSN in.");
        let field = client.find(Locator::Css("#child_name")).await?;
        assert_eq!(field.attr("aria-invalid").await?.as_deref(), Some("true"));
        let described = field.attr("aria-describedby").await?.unwrap_or_default();
        assert!(described.contains("child_name-error"), "{described}");
        fill(&client, "#child_name", "Jorge Brekke").await?;
        fill(&client, "#child_national_number", "12345").await?;
        client
            .find(Locator::Css("[data-testid=link-request-submit]"))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#child_national_number-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Een rijksregisternummer heeft 11 cijfers, een BSN 9.");
        ask_link(&client, "Jorge Brekke", &insz).await?;
        log_out(&client).await?;

        // The ombuds service sees the patient the number belongs to, and approves.
        log_in_staff(&client, &base, &app).await?;
        let row = wait_text(&client, &staff_row("Jorge Brekke"), |t| {
            t.contains("Reyna Ziemann")
        })
        .await?;
        assert!(row.contains(&insz), "{row}");
        assert!(row.contains("Ik ben de moeder."), "{row}");
        assert!(
            row.contains("Jorge Brekke, geboren op 11 november 2012"),
            "{row}"
        );
        save_screenshot(&client, "staff-queue.png").await?;
        assert_accessible(&client, "the back office's queue of link requests").await?;
        approve(&client, "Reyna Ziemann", "Jorge Brekke").await?;
        wait_css(&client, "[data-testid=staff-queue-empty]").await?;
        log_out(&client).await?;

        // Reyna switches to Jorge's record from the menu under her name.
        log_in(&client, &base, &app, "reyna").await?;
        assert!(client
            .find_all(Locator::Css("[data-testid=current-record]"))
            .await?
            .is_empty());
        assert_eq!(
            record_menu(&client).await?,
            ["Reyna Ziemann", "Jorge Brekke"]
        );
        let own = client
            .find(Locator::Css(
                "[data-testid=record-option][data-name='Reyna Ziemann']",
            ))
            .await?;
        assert_eq!(own.text().await?, "Reyna Ziemann (uw eigen dossier)");
        assert_eq!(own.attr("aria-current").await?.as_deref(), Some("true"));
        save_screenshot(&client, "record-menu.png").await?;
        assert_accessible(&client, "the open record menu").await?;
        client
            .find(Locator::Css(
                "[data-testid=record-option][data-name='Jorge Brekke']",
            ))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=current-record]", |t| {
            t == "Dossier van Jorge Brekke"
        })
        .await?;
        let titles = report_titles(&app, "reyna", &jorge).await?;
        assert!(!titles.is_empty(), "Jorge has reports");
        let list = wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains(&titles[0])
        })
        .await?;
        for title in report_titles(&app, "reyna", &app.id_of("reyna")).await? {
            if !titles.contains(&title) {
                assert!(!list.contains(&title), "Reyna's own {title} in {list}");
            }
        }
        // A reload keeps the record for the tab.
        client.refresh().await?;
        wait_text(&client, "[data-testid=current-record]", |t| {
            t == "Dossier van Jorge Brekke"
        })
        .await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains(&titles[0])
        })
        .await?;

        // His audit trail names the ombuds service's decision.
        nav(&client, "Wie bekeek mijn dossier").await?;
        let trail = wait_text(&client, "[data-testid=audit-table]", |t| {
            t.contains("Ombudsdienst AZ Voorbeeld")
        })
        .await?;
        assert!(
            trail.contains("Ombudsdienst AZ Voorbeeld (ombudsdienst)"),
            "{trail}"
        );
        assert!(trail.contains("koppelde een ouder aan het dossier"), "{trail}");
        // It is his record, not hers: the page says whose.
        let intro = wait_text(&client, "main", |t| t.contains("het dossier van Jorge Brekke")).await?;
        assert!(!intro.contains("uw dossier bekijkt"), "{intro}");
        nav(&client, "Toegangen").await?;
        let access = wait_text(&client, "main", |t| {
            t.contains("Wie kan het dossier van Jorge Brekke bekijken?")
        })
        .await?;
        assert!(!access.contains("Wie kan uw dossier bekijken?"), "{access}");
        assert!(
            trail.contains("De ombudsdienst keurde de aanvraag van een ouder goed."),
            "{trail}"
        );

        // Gekoppelde dossiers explains why, and what his 15th birthday changes.
        nav(&client, "Gekoppelde dossiers").await?;
        let card = wait_text(
            &client,
            "[data-testid=linked-record][data-name='Jorge Brekke']",
            |t| t.contains("Op 11 november 2027"),
        )
        .await?;
        assert!(
            card.contains("U bent als ouder gekoppeld aan het dossier van uw kind"),
            "{card}"
        );
        assert!(
            card.contains(
                "Op 11 november 2027 wordt Jorge 15 jaar. Daarna kunt u het dossier van Jorge niet meer bekijken; Jorge kan u dan zelf toegang geven."
            ),
            "{card}"
        );
        let notice = client
            .find(Locator::Css(
                "[data-testid=linked-record][data-name='Jorge Brekke'] [data-testid=age-change]",
            ))
            .await?;
        assert_eq!(
            notice.attr("data-soon").await?.as_deref(),
            Some("false"),
            "a year ahead"
        );
        save_screenshot(&client, "linked.png").await?;
        assert_accessible(&client, "Gekoppelde dossiers").await?;

        // Midnight in Brussels on his 15th birthday: the link ends by itself. The tab still
        // remembers his record, so the app says why it shows Reyna's own.
        app.clock.set(time::macros::datetime!(2027-11-10 23:00 UTC));
        log_in(&client, &base, &app, "reyna").await?;
        wait_text(&client, "[data-testid=record-notice]", |t| {
            t == "U kunt het dossier van Jorge Brekke niet meer bekijken. U ziet nu uw eigen dossier."
        })
        .await?;
        assert!(client
            .find_all(Locator::Css("[data-testid=current-record]"))
            .await?
            .is_empty());
        assert_eq!(record_menu(&client).await?, ["Reyna Ziemann"]);
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dutch_child_of_13_gives_and_withdraws_her_mothers_access() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "reyna").await?;
        ask_link(&client, "Noor Visser", "111 222 333").await?;
        log_out(&client).await?;
        log_in_staff(&client, &base, &app).await?;
        approve(&client, "Reyna Ziemann", "Noor Visser").await?;
        log_out(&client).await?;

        // Without Noor's consent her mother does not see her record.
        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(record_menu(&client).await?, ["Reyna Ziemann"]);
        log_out(&client).await?;

        // Noor gives her mother consent on Toegangen, after the confirmation panel.
        log_in(&client, &base, &app, "noor").await?;
        nav(&client, "Toegangen").await?;
        let mum = entry("Reyna Ziemann");
        let card = wait_text(&client, &mum, |t| !t.is_empty()).await?;
        assert!(card.contains("Kan uw dossier niet bekijken"), "{card}");
        let button = wait_css(&client, &format!("{mum} button[data-command=give_child_consent]")).await?;
        assert_eq!(button.text().await?, "Toestemming geven aan ouder");
        command_and_confirm(
            &client,
            &format!("{mum} button[data-command=give_child_consent]"),
            "Na deze wijziging kan Reyna Ziemann uw dossier bekijken.",
        )
        .await?;
        wait_text(&client, &mum, |t| t.contains("Kan uw dossier bekijken")).await?;
        log_out(&client).await?;

        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(
            record_menu(&client).await?,
            ["Reyna Ziemann", "Noor Visser"]
        );
        nav(&client, "Gekoppelde dossiers").await?;
        let card = wait_text(
            &client,
            "[data-testid=linked-record][data-name='Noor Visser']",
            |t| t.contains("16 jaar"),
        )
        .await?;
        assert!(card.contains("Uw kind van 12 tot 16 jaar gaf u toestemming."), "{card}");
        assert!(
            card.contains("Daarna kunt u het dossier van Noor niet meer bekijken; Noor beslist dan zelf wie het dossier ziet."),
            "{card}"
        );
        log_out(&client).await?;

        // Noor withdraws it, and her mother no longer finds her record.
        log_in(&client, &base, &app, "noor").await?;
        nav(&client, "Toegangen").await?;
        command_and_confirm(
            &client,
            &format!("{mum} button[data-command=withdraw_child_consent]"),
            "Na deze wijziging kan Reyna Ziemann uw dossier niet meer bekijken",
        )
        .await?;
        log_out(&client).await?;
        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(record_menu(&client).await?, ["Reyna Ziemann"]);
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_refuse_with_a_reason_and_the_parent_reads_it() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let jorge = insz_of(&app, "Jorge", "Brekke").await?;
        let sherron = insz_of(&app, "Sherron", "Kutch").await?;
        log_in(&client, &base, &app, "reyna").await?;
        ask_link(&client, "Jorge Brekke", &jorge).await?;
        ask_link(&client, "Sherron Kutch", &sherron).await?;
        log_out(&client).await?;

        log_in_staff(&client, &base, &app).await?;
        // The law gives no link to a child of 15: the server's answer, beside that request.
        let row = staff_row("Sherron Kutch");
        wait_css(&client, &format!("{row} [data-testid=approve]"))
            .await?
            .click()
            .await?;
        let msg = wait_text(
            &client,
            &format!("{row} [data-testid=decision-error]"),
            |t| !t.is_empty(),
        )
        .await?;
        assert_eq!(
            msg,
            "Sherron is al 15 jaar of ouder: de wet geeft de ouder geen toegang meer via een koppeling."
        );

        // A refusal needs a reason: the error appears beside the field, which gets the focus.
        let row = staff_row("Jorge Brekke");
        wait_css(&client, &format!("{row} [data-testid=refuse]"))
            .await?
            .click()
            .await?;
        let msg = wait_text(
            &client,
            &format!("{row} [data-testid=reason-error]"),
            |t| !t.is_empty(),
        )
        .await?;
        assert_eq!(
            msg,
            "Vul de reden van de weigering in: de aanvrager leest die."
        );
        let reason = client
            .find(Locator::Css(&format!("{row} [data-testid=refusal-reason]")))
            .await?;
        assert_eq!(reason.attr("aria-invalid").await?.as_deref(), Some("true"));
        wait_focus(&client, "refusal-reason").await?;
        reason.send_keys("Geen bewijs van ouderschap.").await?;
        client
            .find(Locator::Css(&format!("{row} [data-testid=refuse]")))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-status]", |t| {
            t == "De aanvraag van Reyna Ziemann voor Jorge Brekke is geweigerd."
        })
        .await?;
        assert!(client.find_all(Locator::Css(&row)).await?.is_empty());
        // Sherron's request is still waiting.
        wait_css(&client, &staff_row("Sherron Kutch")).await?;
        log_out(&client).await?;

        log_in(&client, &base, &app, "reyna").await?;
        nav(&client, "Gekoppelde dossiers").await?;
        let refused = wait_text(
            &client,
            "[data-testid=link-request][data-name='Jorge Brekke']",
            |t| t.contains("Geweigerd"),
        )
        .await?;
        assert!(refused.contains("Geen bewijs van ouderschap."), "{refused}");
        let pending = wait_text(
            &client,
            "[data-testid=link-request][data-name='Sherron Kutch']",
            |t| !t.is_empty(),
        )
        .await?;
        assert!(pending.contains("In behandeling"), "{pending}");
        assert_eq!(record_menu(&client).await?, ["Reyna Ziemann"]);
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_record_menu_linked_records_and_the_queue_fit_a_phone_screen() -> anyhow::Result<()> {
    with_browser(360, 740, |client, base, app| async move {
        // A link to Jorge, made through the API, and Sherron's request still waiting.
        let reyna = app.signed_in("reyna").await?;
        let staff = app.signed_in("ombuds").await?;
        for (name, number) in [
            ("Jorge Brekke", insz_of(&app, "Jorge", "Brekke").await?),
            ("Sherron Kutch", insz_of(&app, "Sherron", "Kutch").await?),
        ] {
            let status: inzage_domain::wire::LinkRequestStatus = reyna
                .post(app.url("/api/v1/link-requests"))
                .json(&inzage_domain::wire::LinkRequest {
                    child_name: name.into(),
                    child_national_number: number,
                    message: "Ik ben de moeder van dit kind en vraag toegang tot het dossier."
                        .into(),
                })
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            if name == "Jorge Brekke" {
                staff
                    .post(app.url(&format!("/api/v1/staff/link-requests/{}", status.id)))
                    .json(&inzage_domain::wire::StaffDecision {
                        approve: true,
                        reason: String::new(),
                        without_authority: false,
                        incapacity: false,
                    })
                    .send()
                    .await?
                    .error_for_status()?;
            }
        }

        log_in_staff(&client, &base, &app).await?;
        scroll_to(&client, "[data-testid=staff-queue]").await?;
        wait_css(&client, &staff_row("Sherron Kutch")).await?;
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "staff-queue-phone.png").await?;
        log_out(&client).await?;

        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(
            record_menu(&client).await?,
            ["Reyna Ziemann", "Jorge Brekke"]
        );
        no_horizontal_scrolling(&client).await?;
        scroll_to(&client, "[data-testid=record-menu-toggle]").await?;
        save_screenshot(&client, "record-menu-phone.png").await?;
        // The keyboard closes the menu with Escape and is back on the toggle.
        wait_focus(&client, "record-option").await?;
        client
            .find(Locator::Css("[data-testid=record-option]"))
            .await?
            .send_keys("\u{E00C}")
            .await?;
        let toggle = client
            .find(Locator::Css("[data-testid=record-menu-toggle]"))
            .await?;
        assert_eq!(
            toggle.attr("aria-expanded").await?.as_deref(),
            Some("false")
        );
        record_menu(&client).await?;
        client
            .find(Locator::Css(
                "[data-testid=record-option][data-name='Jorge Brekke']",
            ))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=current-record]", |t| {
            t == "Dossier van Jorge Brekke"
        })
        .await?;
        no_horizontal_scrolling(&client).await?;
        nav(&client, "Gekoppelde dossiers").await?;
        wait_text(
            &client,
            "[data-testid=linked-record][data-name='Jorge Brekke']",
            |t| t.contains("Op 11 november 2027"),
        )
        .await?;
        wait_css(
            &client,
            "[data-testid=link-request][data-name='Sherron Kutch']",
        )
        .await?;
        no_horizontal_scrolling(&client).await?;
        scroll_to(&client, "[data-testid=linked-records]").await?;
        save_screenshot(&client, "linked-phone.png").await?;
        scroll_to(&client, "[data-testid=link-request-form]").await?;
        save_screenshot(&client, "link-request-phone.png").await?;
        assert_accessible(&client, "the link request form on a phone").await?;
        Ok(())
    })
    .await
}

/// A minimal valid PDF of one page with a line of text, as a scanned signed form would be.
fn minimal_pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        table.push_str(&format!("{offset:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.extend_from_slice(table.as_bytes());
    pdf
}

/// Chooses a file from disk in a file input, replacing any file chosen before.
async fn choose_file(client: &Client, css: &str, path: &std::path::Path) -> anyhow::Result<()> {
    let input = wait_css(client, css).await?;
    client
        .execute(
            "arguments[0].value = '';",
            vec![serde_json::to_value(&input)?],
        )
        .await?;
    input.send_keys(path.to_str().context("file path")?).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_designates_a_trusted_person_with_a_signed_form_and_revokes_her(
) -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let reyna = app.login_of("reyna").national_number.clone().unwrap();
        let dir = tempfile::tempdir()?;
        let pdf = dir.path().join("vertrouwenspersoon.pdf");
        std::fs::write(&pdf, minimal_pdf("Ondergetekende duidt Reyna Ziemann aan."))?;
        let text = dir.path().join("formulier.txt");
        std::fs::write(&text, "Geen PDF, maar tekst.")?;

        // The blank forms the page links to are real PDFs (copied into the build by trunk).
        for form in ["vertrouwenspersoon", "vertegenwoordiger", "machtiging"] {
            let res = reqwest::get(format!("{base}/formulieren/{form}.pdf")).await?;
            assert_eq!(res.status(), 200, "{form}");
            let bytes = res.bytes().await?;
            assert!(bytes.starts_with(b"%PDF-"), "{form} is not a PDF");
            inzage_server::upload::check_pdf(&bytes)
                .map_err(|m| anyhow::anyhow!("{form}: {}", m.key))?;
        }

        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        wait_text(&client, "#designation-title", |t| {
            t == "Een vertrouwenspersoon of vertegenwoordiger aanduiden"
        })
        .await?;
        // A Belgian record offers the Belgian kinds only.
        let select = wait_css(&client, "#designation_kind").await?;
        let mut kinds = Vec::new();
        for option in select.find_all(Locator::Css("option")).await? {
            kinds.push(option.attr("value").await?.unwrap_or_default());
        }
        assert_eq!(kinds, ["trusted_person", "representative"]);
        wait_css(&client, "[data-testid=designations-none]").await?;

        // Empty fields are checked in the browser, with the errors beside them.
        wait_css(&client, "[data-testid=designation-submit]")
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#designee_name-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Vul de naam van de persoon in.");
        let msg = wait_text(&client, "#designation_file-error", |t| !t.is_empty()).await?;
        assert_eq!(msg, "Voeg het ondertekende formulier toe (PDF).");

        // A file that is not a PDF: the server's error, beside the file field.
        fill(&client, "#designee_name", "Reyna Ziemann").await?;
        fill(&client, "#designee_national_number", &reyna).await?;
        choose_file(&client, "#designation_file", &text).await?;
        client
            .find(Locator::Css("[data-testid=designation-submit]"))
            .await?
            .click()
            .await?;
        let msg = wait_text(&client, "#designation_file-error", |t| !t.is_empty()).await?;
        assert_eq!(
            msg,
            "Dit bestand is geen PDF. Scan het ondertekende formulier als PDF."
        );
        let field = client.find(Locator::Css("#designation_file")).await?;
        assert_eq!(field.attr("aria-invalid").await?.as_deref(), Some("true"));

        // The signed form as a PDF: the request waits for the ombuds service.
        choose_file(&client, "#designation_file", &pdf).await?;
        client
            .find(Locator::Css("[data-testid=designation-submit]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=designation-status]", |t| {
            t.starts_with("Uw formulier is verstuurd")
        })
        .await?;
        let pending = wait_text(
            &client,
            "[data-testid=designation][data-name='Reyna Ziemann'][data-status=pending]",
            |t| !t.is_empty(),
        )
        .await?;
        assert!(pending.contains("Vertrouwenspersoon"), "{pending}");
        assert!(pending.contains("In behandeling"), "{pending}");
        log_out(&client).await?;

        // The ombuds service sees the person the number belongs to, and the form, and approves.
        log_in_staff(&client, &base, &app).await?;
        let row_css = "[data-testid=staff-designation][data-designee='Reyna Ziemann']";
        let row = wait_text(&client, row_css, |t| t.contains("Margery Gibson")).await?;
        let digits: String = reyna.chars().filter(char::is_ascii_digit).collect();
        assert!(row.contains(&digits), "{row}");
        assert!(row.contains("Vertrouwenspersoon"), "{row}");
        assert!(row.contains("in het netwerk: Reyna Ziemann"), "{row}");
        let link = wait_text(
            &client,
            &format!("{row_css} [data-testid=designation-form]"),
            |t| t.starts_with("Formulier bekijken (PDF, "),
        )
        .await?;
        assert_eq!(link, "Formulier bekijken (PDF, 1 kB)");
        let href = wait_css(
            &client,
            &format!("{row_css} [data-testid=designation-form]"),
        )
        .await?
        .attr("href")
        .await?
        .context("href")?;
        let form = app
            .signed_in("ombuds")
            .await?
            .get(app.url(&href))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        assert_eq!(form.as_ref(), std::fs::read(&pdf)?.as_slice());
        save_screenshot(&client, "staff-designations.png").await?;
        assert_accessible(&client, "the back office's designations").await?;
        wait_css(&client, &format!("{row_css} [data-testid=approve]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-designation-status]", |t| {
            t == "De aanduiding van Reyna Ziemann door Margery Gibson is goedgekeurd."
        })
        .await?;
        wait_css(&client, "[data-testid=staff-designations-empty]").await?;
        log_out(&client).await?;

        // Reyna finds Margery's record in the menu under her name.
        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(
            record_menu(&client).await?,
            ["Reyna Ziemann", "Margery Gibson"]
        );
        log_out(&client).await?;

        // Margery sees the approval and revokes the designation on Toegangen.
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        wait_text(
            &client,
            "[data-testid=designation][data-name='Reyna Ziemann']",
            |t| t.contains("Goedgekeurd"),
        )
        .await?;
        command_and_confirm(
            &client,
            &format!(
                "{} [data-command=revoke_designation]",
                entry("Reyna Ziemann")
            ),
            "Reyna Ziemann",
        )
        .await?;
        log_out(&client).await?;

        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(record_menu(&client).await?, ["Reyna Ziemann"]);
        Ok(())
    })
    .await
}

/// The staff member's next step on a case: chooses it, writes the question or reason, attaches
/// the document if one is given, and carries it out.
async fn staff_step(
    client: &Client,
    case: &str,
    step: &str,
    text: &str,
    document: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let form = format!("{case} [data-testid=staff-step-form]");
    wait_css(client, &format!("{form} select"))
        .await?
        .select_by_value(step)
        .await?;
    fill(client, &format!("{form} textarea"), text).await?;
    if let Some(path) = document {
        choose_file(client, &format!("{form} input[type=file]"), path).await?;
    }
    wait_css(client, &format!("{form} [data-testid=staff-step-submit]"))
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_asks_a_copy_staff_ask_a_question_and_deliver_it_and_she_downloads_it(
) -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let dir = tempfile::tempdir()?;
        let copy = dir.path().join("kopie-dossier.pdf");
        std::fs::write(
            &copy,
            minimal_pdf("Kopie van het dossier van Margery Gibson."),
        )?;

        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Aanvragen").await?;
        // The form says at once when the answer is due and what it costs, as the domain
        // assesses it under the hospital's policy and the server's clock.
        let preview = wait_text(&client, "[data-testid=request-assessment]", |t| {
            t.contains("27 december 2026")
        })
        .await?;
        assert!(preview.contains("Gratis"), "{preview}");
        assert!(
            preview.contains("De eerste kopie van uw dossier is gratis."),
            "{preview}"
        );
        wait_css(&client, "[data-testid=requests-none]").await?;

        // Destruction within the legal retention: refused in the browser, with the date.
        wait_css(&client, "#request_kind")
            .await?
            .select_by_value("destruction")
            .await?;
        wait_text(&client, "[data-testid=request-assessment]", |t| {
            t.contains("Vernietiging is mogelijk vanaf 27 november 2056.")
        })
        .await?;
        wait_css(&client, "[data-testid=request-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=request-error]", |t| {
            t.contains("30 jaar bewaard blijven")
        })
        .await?;

        // A copy, with a note.
        wait_css(&client, "#request_kind")
            .await?
            .select_by_value("copy")
            .await?;
        fill(&client, "#request_note", "Alle verslagen van 2026.").await?;
        wait_css(&client, "[data-testid=request-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=requests-status]", |t| {
            t == "Uw aanvraag is verstuurd. Het ziekenhuis antwoordt uiterlijk op 27 december 2026."
        })
        .await?;
        let card = "[data-testid=request-case][data-kind=copy]";
        let text = wait_text(&client, card, |t| t.contains("Ontvangen")).await?;
        assert!(
            text.contains("Antwoord uiterlijk op 27 december 2026"),
            "{text}"
        );
        assert!(text.contains("Alle verslagen van 2026."), "{text}");
        assert_accessible(&client, "the requests page").await?;
        log_out(&client).await?;

        // The ombuds service asks which years.
        log_in_staff(&client, &base, &app).await?;
        let row = "[data-testid=staff-request][data-kind=copy]";
        let text = wait_text(&client, row, |t| t.contains("Margery Gibson")).await?;
        assert!(text.contains("Alle verslagen van 2026."), "{text}");
        staff_step(&client, row, "ask_information", "", None).await?;
        wait_text(
            &client,
            &format!("{row} [data-testid=staff-text-error]"),
            |t| t == "Schrijf de vraag aan de aanvrager.",
        )
        .await?;
        staff_step(
            &client,
            row,
            "ask_information",
            "Ook de verslagen van 2025?",
            None,
        )
        .await?;
        wait_text(&client, "[data-testid=staff-requests-status]", |t| {
            t.contains("Het ziekenhuis heeft een vraag")
        })
        .await?;
        save_screenshot(&client, "staff-requests.png").await?;
        assert_accessible(&client, "the back office's requests").await?;
        log_out(&client).await?;

        // Margery answers.
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Aanvragen").await?;
        let asked = format!("{card}[data-status=needs_information]");
        wait_text(
            &client,
            &format!("{asked} [data-testid=case-question]"),
            |t| t.contains("Ook de verslagen van 2025?"),
        )
        .await?;
        fill(&client, &format!("{asked} textarea"), "Ja, graag ook die.").await?;
        wait_css(
            &client,
            &format!("{asked} [data-testid=case-answer-form] button"),
        )
        .await?
        .click()
        .await?;
        wait_css(&client, &format!("{card}[data-status=in_progress]")).await?;
        log_out(&client).await?;

        // Staff complete it: not without the copy, then with it.
        log_in_staff(&client, &base, &app).await?;
        let text = wait_text(&client, row, |t| t.contains("Ja, graag ook die.")).await?;
        assert!(text.contains("In behandeling"), "{text}");
        staff_step(&client, row, "complete", "", None).await?;
        wait_text(
            &client,
            &format!("{row} [data-testid=staff-delivery-error]"),
            |t| t.starts_with("Voeg het document toe"),
        )
        .await?;
        staff_step(&client, row, "complete", "", Some(&copy)).await?;
        wait_css(&client, "[data-testid=staff-requests-empty]").await?;
        log_out(&client).await?;

        // Margery downloads the copy as delivered.
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Aanvragen").await?;
        let done = format!("{card}[data-status=done]");
        wait_text(&client, &done, |t| t.contains("Afgehandeld")).await?;
        let href = wait_css(&client, &format!("{done} [data-testid=case-download]"))
            .await?
            .attr("href")
            .await?
            .context("href")?;
        let bytes = app
            .signed_in("margery")
            .await?
            .get(app.url(&href))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        assert_eq!(bytes.as_ref(), std::fs::read(&copy)?.as_slice());
        save_screenshot(&client, "requests-done.png").await?;

        // Her own statement goes into the record at once, shown as text, never as HTML.
        wait_css(&client, "#request_kind")
            .await?
            .select_by_value("correction_or_addition")
            .await?;
        fill(
            &client,
            "#request_statement",
            "Ik ben niet allergisch voor <b>penicilline</b>.",
        )
        .await?;
        wait_css(&client, "[data-testid=request-submit]")
            .await?
            .click()
            .await?;
        wait_css(
            &client,
            "[data-testid=request-case][data-kind=correction_or_addition]",
        )
        .await?;
        nav(&client, "Medisch overzicht").await?;
        let statement = wait_text(&client, "[data-testid=patient-statement]", |t| {
            t.contains("penicilline")
        })
        .await?;
        assert!(
            statement.contains("Ik ben niet allergisch voor <b>penicilline</b>."),
            "{statement}"
        );
        assert!(client
            .find_all(Locator::Css("[data-testid=patient-statement] b"))
            .await?
            .is_empty());
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relative_asks_to_see_a_deceased_fathers_record_and_staff_handle_it() -> anyhow::Result<()>
{
    with_browser(1280, 900, |client, base, app| async move {
        let dir = tempfile::tempdir()?;
        let id_card = dir.path().join("identiteitskaart.pdf");
        std::fs::write(
            &id_card,
            minimal_pdf("Identiteitskaart van Margery Gibson."),
        )?;
        let (adan, _) = app
            .store
            .find_patient_by_name("Adán", "Pulido")
            .await?
            .context("Adán")?;
        let insz = app
            .store
            .patient(&adan)
            .await?
            .and_then(|p| p.insz)
            .context("Adán's national number")?;

        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Aanvragen").await?;
        wait_css(&client, "[data-testid=relatives-link]")
            .await?
            .click()
            .await?;
        wait_css(&client, "[data-testid=relative-form]").await?;
        wait_css(&client, "#hospital")
            .await?
            .select_by_value("d78e84ec-30aa-3bba-a33a-f29a3a454662")
            .await?;
        // The domain checks the form in the browser: a number that fails its check digits,
        // a death before the birth.
        fill(&client, "#national_number", "85.07.30-033.29").await?;
        pick_date(&client, "#birth_date", "1936-08-18").await?;
        pick_date(&client, "#died_on", "1936-08-17").await?;
        wait_css(&client, "[data-testid=relative-submit]")
            .await?
            .click()
            .await?;
        let error = wait_text(&client, "#died_on-error", |t| !t.is_empty()).await?;
        assert_eq!(error, "De datum van overlijden ligt vóór de geboortedatum.");
        assert!(
            !wait_text(&client, "#national_number-error", |t| !t.is_empty())
                .await?
                .is_empty()
        );

        // Belgium: the preview says a practitioner she names inspects the record.
        fill(&client, "#national_number", &insz).await?;
        pick_date(&client, "#died_on", "2007-03-25").await?;
        fill(
            &client,
            "#motivation",
            "Erfelijke hartziekte in de familie.",
        )
        .await?;
        fill(&client, "#practitioner", "dr. An Peeters").await?;
        choose_file(&client, "#request_signer_relative", &id_card).await?;
        wait_text(&client, "[data-testid=request-assessment]", |t| {
            t.contains("via een arts die u aanwijst")
        })
        .await?;
        assert_accessible(&client, "the relative's request form").await?;
        wait_css(&client, "[data-testid=relative-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=relatives-status]", |t| {
            t.contains("27 december 2026")
        })
        .await?;
        let card = "[data-testid=request-case][data-kind=copy_for_deceased_relative]";
        let text = wait_text(&client, card, |t| t.contains("Ontvangen")).await?;
        assert!(text.contains("Erfelijke hartziekte"), "{text}");
        assert!(text.contains("dr. An Peeters"), "{text}");
        save_screenshot(&client, "relatives.png").await?;
        log_out(&client).await?;

        // The ombuds service sees whose record, her document, and completes it without a
        // document: the practitioner inspects at the hospital.
        log_in_staff(&client, &base, &app).await?;
        let row = "[data-testid=staff-request][data-kind=copy_for_deceased_relative]";
        let text = wait_text(&client, row, |t| t.contains("Adán Pulido")).await?;
        assert!(text.contains("Margery Gibson"), "{text}");
        assert!(text.contains("Ouder, kind of partner"), "{text}");
        wait_css(&client, &format!("{row} [data-testid=case-file]")).await?;
        assert!(client
            .find_all(Locator::Css(&format!("{row} input[type=file]")))
            .await?
            .is_empty());
        staff_step(&client, row, "complete", "", None).await?;
        wait_css(&client, "[data-testid=staff-requests-empty]").await?;
        log_out(&client).await?;

        log_in(&client, &base, &app, "margery").await?;
        client
            .goto(&format!("{base}/aanvragen/overleden-familielid"))
            .await?;
        wait_text(&client, &format!("{card}[data-status=done]"), |t| {
            t.contains("Afgehandeld")
        })
        .await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_asks_her_gp_an_e_consult_which_he_answers_into_the_record() -> anyhow::Result<()>
{
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Berichten").await?;
        wait_css(&client, "#message_department")
            .await?
            .select_by_value("e_consult")
            .await?;
        wait_text(&client, "[data-testid=thread-form]", |t| {
            t.contains("de vraag en het antwoord komen in uw dossier")
        })
        .await?;
        let gp = app.id_of("dr.weimann");
        wait_css(&client, "#message_doctor")
            .await?
            .select_by_value(&gp)
            .await?;
        fill(&client, "#message_subject", "Mag ik weer sporten?").await?;
        fill(
            &client,
            "#message_body",
            "Sinds de operatie doe ik rustig aan.",
        )
        .await?;
        assert_accessible(&client, "the e-consult form").await?;
        wait_css(&client, "[data-testid=message-send]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=thread-subject]", |t| {
            t == "Mag ik weer sporten?"
        })
        .await?;
        log_out(&client).await?;

        // The GP finds it on his page, opens it and answers.
        log_in_provider(&client, &base, &app, "dr.weimann").await?;
        let line = wait_text(
            &client,
            "[data-testid=doctor-threads] [data-testid=thread]",
            |t| t.contains("Mag ik weer sporten?"),
        )
        .await?;
        assert!(line.contains("Margery Gibson"), "{line}");
        client
            .find(Locator::LinkText("Mag ik weer sporten?"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=message-body]", |t| {
            t.contains("Sinds de operatie")
        })
        .await?;
        fill(
            &client,
            "#reply_body",
            "Ja, begin met korte stukken wandelen.",
        )
        .await?;
        wait_css(&client, "[data-testid=reply-send]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=thread-messages]", |t| {
            t.contains("korte stukken wandelen")
        })
        .await?;
        assert_accessible(&client, "the doctor's e-consult").await?;
        log_out(&client).await?;

        // Margery reads the answer in her record.
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Medisch overzicht").await?;
        let note = wait_text(&client, "[data-testid=e-consult-note]", |t| {
            t.contains("korte stukken wandelen")
        })
        .await?;
        assert!(note.contains("Mag ik weer sporten?"), "{note}");
        save_screenshot(&client, "e-consult-in-record.png").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_reads_her_personal_data_and_asks_to_correct_her_address() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Persoonsgegevens").await?;
        let data = wait_text(&client, "[data-testid=personal-data]", |t| {
            t.contains("Margery")
        })
        .await?;
        assert!(data.contains("Rijksregisternummer of BSN"), "{data}");
        // Nothing typed: refused beside the field, in the browser.
        wait_css(&client, "[data-testid=personal-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "#correct-error", |t| !t.is_empty()).await?;
        wait_css(&client, "#correction_field")
            .await?
            .select_by_value("postal_address")
            .await?;
        fill(&client, "#correct", "Kerkstraat 1, 3000 Leuven").await?;
        wait_css(&client, "[data-testid=personal-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=personal-status]", |t| {
            t.contains("Uw aanvraag is verstuurd")
        })
        .await?;
        assert_accessible(&client, "the personal data page").await?;
        nav(&client, "Medisch overzicht").await?;
        wait_text(&client, "[data-testid=patient-statement]", |t| {
            t.contains("Adres: Kerkstraat 1, 3000 Leuven")
        })
        .await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consultation_notes_show_where_the_hospital_releases_them() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        // Reyna's Dutch hospital releases its notes of consultations.
        log_in(&client, &base, &app, "reyna").await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Consultnotitie longziekten")
        })
        .await?;
        log_out(&client).await?;
        // AZ Voorbeeld does not: Margery's note is not listed, and the page says why notes
        // may be missing.
        log_in(&client, &base, &app, "margery").await?;
        let list = wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;
        assert!(!list.contains("Consultnotitie"), "{list}");
        let page = main_text(&client).await?;
        assert!(
            page.contains("Notities van consultaties toont een ziekenhuis alleen"),
            "{page}"
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_opens_the_leaflets_her_care_team_linked() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Folders").await?;
        let list = wait_text(&client, "[data-testid=leaflets]", |t| {
            t.contains("Kinesitherapie na een meniscusletsel")
        })
        .await?;
        assert!(list.contains("Na uw knieoperatie"), "{list}");
        assert!(!list.contains("Psychiatrie"), "{list}");
        let link = wait_css(&client, "[data-testid=leaflets] a").await?;
        assert_eq!(
            link.attr("href").await?.as_deref(),
            Some("https://azvoorbeeld.example/folders/kinesitherapie-meniscus")
        );
        assert_eq!(
            link.attr("rel").await?.as_deref(),
            Some("noopener noreferrer")
        );
        assert_accessible(&client, "the leaflets page").await?;
        Ok(())
    })
    .await
}

/// The card of the upcoming appointment whose text contains `text`.
async fn appointment_card(
    client: &Client,
    text: &str,
) -> anyhow::Result<fantoccini::elements::Element> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        for card in client
            .find_all(Locator::Css(
                "[data-testid=upcoming-appointments] [data-testid=appointment]",
            ))
            .await?
        {
            if card.text().await.is_ok_and(|t| t.contains(text)) {
                return Ok(card);
            }
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "no upcoming appointment says `{text}`"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Chooses the first free time offered and confirms it.
async fn take_first_slot(client: &Client) -> anyhow::Result<()> {
    wait_css(client, "[data-testid=slot-form] input[type=radio]")
        .await?
        .click()
        .await?;
    wait_css(client, "[data-testid=slot-confirm]")
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_books_moves_and_cancels_an_appointment_on_a_phone() -> anyhow::Result<()> {
    with_browser(390, 844, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Afspraken").await?;
        wait_css(&client, "[data-testid=book-appointment]")
            .await?
            .click()
            .await?;
        // Confirming without a choice is refused beside the choices.
        wait_css(&client, "[data-testid=slot-confirm]")
            .await?
            .click()
            .await?;
        wait_text(&client, "#slot-error", |t| {
            t.contains("Kies een vrij moment")
        })
        .await?;
        let picker = wait_text(&client, "[data-testid=slot-picker]", |t| {
            t.contains("Consultatie orthopedie")
        })
        .await?;
        // Friday 27 November 11:00 in Brussels: the first time offered is Monday at 09:00.
        assert!(picker.contains("maandag 30 november 2026"), "{picker}");
        assert!(picker.contains("vanaf 24 uur"), "{picker}");
        assert_accessible(&client, "choosing a free time").await?;
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "appointment-slots-390.png").await?;
        take_first_slot(&client).await?;
        wait_text(&client, "[data-testid=appointment-status]", |t| {
            t.contains("Uw afspraak is gemaakt: 30 november 2026 om 09:00")
        })
        .await?;
        wait_gone(&client, "[data-testid=slot-picker]").await?;

        // Moving it offers the other times of the same hospital.
        appointment_card(&client, "30 november 2026 om 09:00")
            .await?
            .find(Locator::Css("[data-testid=move-appointment]"))
            .await?
            .click()
            .await?;
        take_first_slot(&client).await?;
        wait_text(&client, "[data-testid=appointment-status]", |t| {
            t.contains("verplaatst naar 30 november 2026 om 09:30")
        })
        .await?;

        // Cancelling asks first.
        appointment_card(&client, "30 november 2026 om 09:30")
            .await?
            .find(Locator::Css("[data-testid=cancel-appointment]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=cancel-question]", |t| {
            t.contains("Wilt u deze afspraak annuleren?")
        })
        .await?;
        assert_accessible(&client, "the question before cancelling").await?;
        wait_css(&client, "[data-testid=cancel-yes]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=appointment-status]", |t| {
            t.contains("Uw afspraak van 30 november 2026 om 09:30 is geannuleerd")
        })
        .await?;
        let card = appointment_card(&client, "30 november 2026 om 09:30").await?;
        assert!(card.text().await?.contains("geannuleerd"));
        assert!(card
            .find_all(Locator::Css("[data-testid=cancel-appointment]"))
            .await?
            .is_empty());
        save_screenshot(&client, "appointments-390.png").await?;

        // The trail tells the patient what was done.
        // (Waiting for the trail to load: reading it at once found only the busy text.)
        nav(&client, "Wie bekeek mijn dossier").await?;
        wait_text(&client, "main", |trail| {
            [
                "maakte een afspraak",
                "verplaatste een afspraak",
                "annuleerde een afspraak",
            ]
            .iter()
            .all(|done| trail.contains(done))
        })
        .await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_and_the_department_exchange_messages_with_attachments() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let dir = tempfile::tempdir()?;
        let scan = dir.path().join("verwijsbrief.pdf");
        std::fs::write(&scan, minimal_pdf("Verwijsbrief van de huisarts."))?;
        let picture = inzage_tests::documents::png(640, 480);
        let drawing = dir.path().join("knie.png");
        std::fs::write(&drawing, &picture)?;
        let payload = "<img src=x onerror=alert(1)> Vraag over mijn knie";

        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Berichten").await?;
        wait_css(&client, "[data-testid=threads-none]").await?;
        let notice = wait_text(&client, "[data-testid=urgent-notice]", |t| !t.is_empty()).await?;
        assert!(notice.contains("niet voor dringende vragen"), "{notice}");
        assert!(notice.contains("+32 16 00 00 00"), "{notice}");
        assert_accessible(&client, "the messages page").await?;

        // Empty fields are refused beside them, in the browser.
        wait_css(&client, "[data-testid=message-send]")
            .await?
            .click()
            .await?;
        wait_text(&client, "#message_subject-error", |t| {
            t == "Vul een onderwerp in."
        })
        .await?;
        wait_text(&client, "#message_body-error", |t| {
            t == "Schrijf uw bericht."
        })
        .await?;

        // Markup in a message is text.
        fill(&client, "#message_subject", payload).await?;
        fill(
            &client,
            "#message_body",
            &format!("{payload}\nMag ik de verwijsbrief sturen?"),
        )
        .await?;
        choose_file(&client, "#message_attachments", &scan).await?;
        wait_css(&client, "[data-testid=message-send]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=thread-subject]", |t| t == payload).await?;
        let body = wait_text(&client, "[data-testid=message-body]", |t| !t.is_empty()).await?;
        assert!(body.starts_with(payload), "{body}");
        assert!(
            client
                .find_all(Locator::Css("[data-testid=thread-messages] img"))
                .await?
                .is_empty(),
            "no element was made from the text"
        );
        assert!(client.get_alert_text().await.is_err(), "no dialog opened");
        wait_text(&client, "[data-testid=attachment]", |t| {
            t == "verwijsbrief.pdf"
        })
        .await?;
        assert_accessible(&client, "a thread").await?;
        log_out(&client).await?;

        // The department sees one unread message, opens it and answers with a picture.
        log_in_staff(&client, &base, &app).await?;
        let line = "[data-testid=staff-threads] [data-testid=thread]";
        let text = wait_text(&client, line, |t| t.contains("1 ongelezen")).await?;
        assert!(text.contains("Margery Gibson"), "{text}");
        client
            .find(Locator::Css(&format!("{line} a")))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=thread-subject]", |t| t == payload).await?;
        fill(
            &client,
            "#reply_body",
            "Ja, graag. Hierbij een tekening van de knie.",
        )
        .await?;
        choose_file(&client, "#reply_attachments", &drawing).await?;
        wait_css(&client, "[data-testid=reply-send]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=thread-messages]", |t| {
            t.contains("Hierbij een tekening")
        })
        .await?;
        save_screenshot(&client, "staff-thread.png").await?;
        log_out(&client).await?;

        // Margery sees the unread answer and downloads the picture.
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Berichten").await?;
        wait_text(&client, "[data-testid=thread]", |t| {
            t.contains("1 ongelezen")
        })
        .await?;
        client
            .find(Locator::Css("[data-testid=thread] a"))
            .await?
            .click()
            .await?;
        wait_text(&client, ".from-hospital", |t| {
            t.contains("Ombudsdienst AZ Voorbeeld")
        })
        .await?;
        let href = wait_css(&client, ".from-hospital [data-testid=attachment]")
            .await?
            .attr("href")
            .await?
            .context("href")?;
        let bytes = app
            .signed_in("margery")
            .await?
            .get(app.url(&href))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        assert_eq!(bytes.as_ref(), picture.as_slice());
        save_screenshot(&client, "thread.png").await?;
        nav(&client, "Berichten").await?;
        wait_css(&client, "[data-testid=thread][data-unread='0']").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_chooses_her_email_notices() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        open_account(&client).await?;
        let address = wait_text(&client, "[data-testid=notify-address]", |t| !t.is_empty()).await?;
        assert!(address.contains("margery@"), "{address}");
        // Off at first: the choices wait until the notices are on.
        let topic = wait_css(&client, "[data-topic=new_message]").await?;
        assert_eq!(topic.prop("disabled").await?.as_deref(), Some("true"));
        wait_css(&client, "#notify_enabled").await?.click().await?;
        // On without a topic: refused beside the topics.
        for t in ["new_report", "new_message", "request_status"] {
            wait_css(&client, &format!("[data-topic={t}]"))
                .await?
                .click()
                .await?;
        }
        wait_css(&client, "[data-testid=notify-save]")
            .await?
            .click()
            .await?;
        wait_text(&client, "#notify_topics-error", |t| {
            t == "Kies waarover u een e-mail wilt krijgen, of zet de meldingen uit."
        })
        .await?;
        wait_css(&client, "[data-topic=new_message]")
            .await?
            .click()
            .await?;
        wait_css(&client, "#notify_frequency_daily")
            .await?
            .click()
            .await?;
        wait_css(&client, "[data-testid=notify-save]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=notify-status]", |t| {
            t == "Uw keuze voor e-mailmeldingen is bewaard."
        })
        .await?;
        assert_accessible(&client, "the account's notices").await?;
        let stored: inzage_domain::wire::NotificationView = app
            .signed_in("margery")
            .await?
            .get(app.url("/api/v1/me/notifications"))
            .send()
            .await?
            .json()
            .await?;
        assert!(stored.settings.enabled);
        assert_eq!(
            stored.settings.topics,
            [inzage_domain::notify::Topic::NewMessage]
        );
        assert_eq!(
            stored.settings.frequency,
            inzage_domain::notify::Frequency::Daily
        );

        // Another address: her own is refused beside the field; a new one waits for its link.
        fill(&client, "#notice_email", "margery@demo.inzage.example").await?;
        wait_css(&client, "[data-testid=notice-address-add]")
            .await?
            .click()
            .await?;
        let error = wait_text(&client, "#notice_email-error", |t| !t.is_empty()).await?;
        assert_eq!(error, "Dit adres krijgt de meldingen al.");
        fill(&client, "#notice_email", "dochter@example.be").await?;
        wait_css(&client, "[data-testid=notice-address-add]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=notice-address-status]", |t| {
            t.starts_with("We stuurden een link naar dat adres.")
        })
        .await?;
        let item = wait_text(&client, "[data-testid=notice-address]", |t| {
            t.contains("dochter@example.be")
        })
        .await?;
        assert!(item.contains("wacht op bevestiging"), "{item}");
        assert_accessible(&client, "the notice addresses").await?;
        wait_css(&client, "[data-testid=notice-address] button")
            .await?
            .click()
            .await?;
        wait_gone(&client, "[data-testid=notice-address]").await?;
        Ok(())
    })
    .await
}

/// Every page at a phone's, a tablet's (portrait), a small laptop's and a desktop's width: no
/// horizontal scrolling, and a screenshot of each under target/e2e/ for review.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_phone_a_tablet_and_a_desktop() -> anyhow::Result<()> {
    const WIDTHS: [u32; 4] = [360, 768, 1024, 1440];
    with_browser(1280, 900, |client, base, app| async move {
        let visit = |pages: Vec<(&'static str, &'static str, &'static str)>| {
            let client = client.clone();
            let base = base.clone();
            async move {
                for (name, path, ready) in pages {
                    for width in WIDTHS {
                        client.set_window_size(width, 900).await?;
                        client.goto(&format!("{base}{path}")).await?;
                        wait_css(&client, ready).await?;
                        no_horizontal_scrolling(&client)
                            .await
                            .with_context(|| format!("{name} at {width} px"))?;
                        save_screenshot(&client, &format!("page-{name}-{width}.png")).await?;
                        // The phone's and the desktop's layouts differ most (the menu wraps,
                        // tables become cards): axe checks both.
                        if width == WIDTHS[0] || width == WIDTHS[3] {
                            assert_accessible(&client, &format!("{name} at {width} px")).await?;
                        }
                    }
                }
                anyhow::Ok(())
            }
        };
        visit(vec![
            ("login", "/inloggen", "#username"),
            ("help", "/hulp", "[data-testid=help-contact]"),
        ])
        .await?;

        log_in(&client, &base, &app, "margery").await?;
        visit(vec![
            ("reports", "/verslagen", "[data-testid=report-list]"),
            ("access", "/toegangen", "[data-testid=access-entry]"),
            (
                "audit",
                "/wie-bekeek-mijn-dossier",
                "[data-testid=audit-table]",
            ),
            (
                "linked",
                "/gekoppelde-dossiers",
                "[data-testid=linked-record]",
            ),
            ("account", "/account", "[data-testid=session]"),
            ("results", "/resultaten", "[data-testid=results-table]"),
            ("trend", "/resultaten/718-7", "[data-testid=trend-chart]"),
            (
                "summary",
                "/medisch-overzicht",
                "[data-testid=allergy-list]",
            ),
            (
                "medications",
                "/medicatie",
                "[data-testid=current-medications]",
            ),
            (
                "appointments",
                "/afspraken",
                "[data-testid=upcoming-appointments]",
            ),
            ("leaflets", "/folders", "[data-testid=leaflets] li"),
            ("share", "/delen", "[data-testid=share-form]"),
            (
                "search",
                "/zoeken?q=meniscus",
                "[data-testid=search-hits] li",
            ),
            (
                "reports-filtered",
                "/verslagen?q=knie&from=2020-01-01",
                "[data-testid=list-filters]",
            ),
            (
                "personal",
                "/persoonsgegevens",
                "[data-testid=personal-correction]",
            ),
            ("requests", "/aanvragen", "[data-testid=request-assessment]"),
            (
                "relatives",
                "/aanvragen/overleden-familielid",
                "[data-testid=request-assessment]",
            ),
            ("messages", "/berichten", "[data-testid=urgent-notice]"),
        ])
        .await?;
        log_out(&client).await?;
        visit(vec![
            ("forgot", "/wachtwoord-vergeten", "#username"),
            ("card-request", "/codekaart-aanvragen", "#national_number"),
            (
                "new-password",
                "/wachtwoord/nieuw?token=x",
                "[data-testid=reset-start]",
            ),
            (
                "confirm-card",
                "/codekaart/bevestigen?token=x",
                "[data-testid=confirm-link-submit]",
            ),
            (
                "card-blocked",
                "/codekaart-geblokkeerd",
                "[data-testid=card-blocked]",
            ),
        ])
        .await?;

        log_in_provider(&client, &base, &app, "dr.gleason").await?;
        visit(vec![(
            "provider",
            "/zorgverlener",
            "[data-testid=provider-patient]",
        )])
        .await?;
        log_out(&client).await?;

        log_in_to(
            &client,
            &base,
            &app,
            "ombuds",
            "[data-testid=staff-queue-empty], [data-testid=staff-queue]",
        )
        .await?;
        visit(vec![(
            "backoffice",
            "/backoffice",
            "[data-testid=staff-queue-empty], [data-testid=staff-queue]",
        )])
        .await?;
        Ok(())
    })
    .await
}

// The account, the code card's life cycle and the password reset (issue 8).

use inzage_tests::smtp::SmtpServer;

/// The first link in a text that starts with `prefix`.
fn link_in(text: &str, prefix: &str) -> Option<String> {
    let start = text.find(prefix)?;
    Some(
        text[start..]
            .split(|c: char| c.is_whitespace() || c == '>' || c == '"')
            .next()?
            .to_owned(),
    )
}

/// Opens "Mijn account" from the menu under the person's name.
async fn open_account(client: &Client) -> anyhow::Result<()> {
    let toggle = wait_css(client, "[data-testid=record-menu-toggle]").await?;
    if toggle.attr("aria-expanded").await?.as_deref() != Some("true") {
        toggle.click().await?;
    }
    wait_css(client, "[data-testid=account-link]")
        .await?
        .click()
        .await?;
    wait_css(client, "[data-testid=account-card]").await?;
    Ok(())
}

/// The first bytes of what a URL of the page (a same-origin or `blob:` URL) holds, as text.
async fn fetch_start(client: &Client, url: &str) -> anyhow::Result<String> {
    let start = client
        .execute_async(
            "const [url, done] = arguments; \
             fetch(url).then(r => r.arrayBuffer()) \
               .then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 5))))) \
               .catch(e => done('error: ' + e));",
            vec![serde_json::Value::String(url.to_owned())],
        )
        .await?;
    Ok(start.as_str().unwrap_or_default().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_asks_for_a_new_card_then_blocks_hers_and_the_old_card_stops_working(
) -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        open_account(&client).await?;
        let sessions = client
            .find_all(Locator::Css("[data-testid=session][data-current=true]"))
            .await?;
        assert_eq!(sessions.len(), 1, "this session is marked");

        wait_css(&client, "[data-testid=request-card]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=account-status]", |t| {
            t.starts_with("Uw nieuwe codekaart wordt gedrukt en per post verstuurd")
        })
        .await?;
        wait_css(&client, "[data-testid=card-on-its-way]").await?;
        save_screenshot(&client, "account-card-requested.png").await?;
        assert_accessible(&client, "Mijn account after asking for a card").await?;

        // Blocking asks first, and says what it does.
        wait_css(&client, "[data-testid=block-card]")
            .await?
            .click()
            .await?;
        let effects = wait_text(&client, "[data-testid=block-effects]", |t| !t.is_empty()).await?;
        assert!(effects.contains("U wordt overal afgemeld"), "{effects}");
        // The focus moves to the panel in the frame after it shows.
        wait_focus(&client, "block-panel").await?;
        save_screenshot(&client, "account-block-confirm.png").await?;
        assert_accessible(&client, "Mijn account's confirmation to block the card").await?;
        client
            .find(Locator::Css("[data-testid=confirm-block]"))
            .await?
            .click()
            .await?;
        let page = wait_text(&client, "[data-testid=card-blocked]", |t| {
            t.contains("Uw codekaart is geblokkeerd")
        })
        .await?;
        assert!(page.contains("Zo krijgt u een nieuwe codekaart"), "{page}");
        assert!(client
            .find_all(Locator::Css("[data-testid=logout]"))
            .await?
            .is_empty());
        save_screenshot(&client, "card-blocked.png").await?;
        assert_accessible(&client, "the page of a blocked card").await?;

        // The session is gone, and the old card no longer logs in.
        client.goto(&format!("{base}/verslagen")).await?;
        wait_css(&client, "#username").await?;
        let login = app.login_of("margery");
        let position = credentials(&client, &base, "margery", &login.password).await?;
        let code = login
            .card
            .code(inzage_domain::CodeCardPosition::new(position)?)
            .printed();
        type_code(&client, &code).await?;
        let msg = wait_text(&client, "[data-testid=form-error]", |t| !t.is_empty()).await?;
        assert!(msg.starts_with("De combinatie van gebruikersnaam"), "{msg}");
        assert!(client
            .find_all(Locator::Css("[data-testid=report-list]"))
            .await?
            .is_empty());
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_resets_her_password_with_the_mailed_link_and_her_code_card() -> anyhow::Result<()>
{
    let smtp = SmtpServer::start().await?;
    let url = smtp.url();
    with_browser_config(
        move |config| {
            config.mail = inzage_server::mail::MailConfig::Smtp {
                url,
                from: inzage_server::mail::DEFAULT_FROM.to_owned(),
            };
        },
        |client, base, app| async move {
            client.goto(&format!("{base}/inloggen")).await?;
            nav(&client, "Wachtwoord vergeten?").await?;
            fill(&client, "#username", "margery").await?;
            wait_css(&client, "[data-testid=forgot-submit]")
                .await?
                .click()
                .await?;
            wait_text(&client, "[data-testid=forgot-status]", |t| {
                t.starts_with("Als deze gebruiker bestaat")
            })
            .await?;

            let (to, subject, body) = smtp.message(1).await?;
            assert!(to.starts_with("margery@"), "{to}");
            assert_eq!(subject, "Kies een nieuw wachtwoord");
            let link = link_in(&body, &format!("{base}/wachtwoord/nieuw?token="))
                .with_context(|| format!("no reset link to {base} in: {body}"))?;

            client.goto(&link).await?;
            // Nothing is sent before the person starts (mail scanners open links too).
            wait_css(&client, "[data-testid=reset-start]")
                .await?
                .click()
                .await?;
            let position: u8 = wait_css(&client, "[data-testid=code-position]")
                .await?
                .attr("data-position")
                .await?
                .context("data-position")?
                .parse()?;
            let login = app.login_of("margery");
            let code = login
                .card
                .code(inzage_domain::CodeCardPosition::new(position)?)
                .printed();
            let new_password = "zonnige ochtend aan zee";
            fill(&client, "#code", &code).await?;
            fill(&client, "#new_password", new_password).await?;
            // The repeat is checked in the browser, beside its field.
            fill(
                &client,
                "#new_password_repeat",
                "zonnige ochtend aan het meer",
            )
            .await?;
            wait_css(&client, "[data-testid=reset-submit]")
                .await?
                .click()
                .await?;
            wait_text(&client, "#new_password_repeat-error", |t| {
                t == "De twee nieuwe wachtwoorden zijn niet gelijk."
            })
            .await?;
            fill(&client, "#new_password_repeat", new_password).await?;
            wait_css(&client, "[data-testid=reset-submit]")
                .await?
                .click()
                .await?;
            wait_text(&client, "[data-testid=reset-done]", |t| {
                t.starts_with("Uw nieuwe wachtwoord is opgeslagen")
            })
            .await?;
            save_screenshot(&client, "password-reset-done.png").await?;
            assert_accessible(&client, "the new password page, done").await?;

            // The link works once.
            client.goto(&link).await?;
            wait_css(&client, "[data-testid=reset-start]")
                .await?
                .click()
                .await?;
            wait_text(&client, "[data-testid=form-error]", |t| {
                t.starts_with("Deze link is ongeldig")
            })
            .await?;

            // The new password logs in; the old one no longer does.
            let position = credentials(&client, &base, "margery", new_password).await?;
            let code = login
                .card
                .code(inzage_domain::CodeCardPosition::new(position)?)
                .printed();
            type_code(&client, &code).await?;
            wait_css(&client, "[data-testid=report-list]").await?;
            Ok(())
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_helpdesk_prints_a_card_at_the_desk_and_staff_post_the_requested_ones(
) -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        // Margery asks for a new card by post: its letter waits in the queue.
        let margery = app.signed_in("margery").await?;
        margery
            .post(app.url("/api/v1/me/code-card/request"))
            .send()
            .await?
            .error_for_status()?;

        log_in_staff(&client, &base, &app).await?;
        let row = "[data-testid=staff-card][data-name='Margery Gibson']";
        wait_css(&client, row).await?;
        let letter = wait_css(&client, &format!("{row} [data-testid=letter-download]"))
            .await?
            .prop("href")
            .await?
            .context("letter link")?;
        assert_eq!(fetch_start(&client, &letter).await?, "%PDF-");

        // The helpdesk finds her by her login name and prints a card at the desk.
        scroll_to(&client, "[data-testid=helpdesk]").await?;
        fill(&client, "#helpdesk_username", "margery").await?;
        wait_css(&client, "[data-testid=helpdesk-submit]")
            .await?
            .click()
            .await?;
        let state = wait_text(
            &client,
            "[data-testid=helpdesk-account][data-name='Margery Gibson']",
            |t| !t.is_empty(),
        )
        .await?;
        assert!(state.contains("Aanmelden is mogelijk."), "{state}");
        assert!(state.contains("Heeft een actieve codekaart."), "{state}");
        // The page cannot fetch its own `blob:` URL (the CSP's connect-src is 'self'): the test
        // keeps the blob the page makes the link of, and reads it.
        client
            .execute(
                "const make = URL.createObjectURL; \
                 URL.createObjectURL = b => { window.lastBlob = b; return make.call(URL, b); };",
                vec![],
            )
            .await?;
        wait_css(&client, "[data-testid=helpdesk-print]")
            .await?
            .click()
            .await?;
        let pdf = wait_css(&client, "[data-testid=helpdesk-card-pdf]")
            .await?
            .prop("href")
            .await?
            .context("card link")?;
        assert!(pdf.starts_with("blob:"), "{pdf}");
        let start = client
            .execute_async(
                "const done = arguments[0]; window.lastBlob.arrayBuffer() \
                   .then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 5)))));",
                vec![],
            )
            .await?;
        assert_eq!(start.as_str(), Some("%PDF-"));
        save_screenshot(&client, "helpdesk.png").await?;
        assert_accessible(&client, "the helpdesk with a card printed").await?;

        // The posted letter leaves the queue.
        wait_css(&client, &format!("{row} [data-testid=letter-posted]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-cards-status]", |t| {
            t == "De brief voor Margery Gibson is als verstuurd aangeduid."
        })
        .await?;
        assert!(client.find_all(Locator::Css(row)).await?.is_empty());

        // An unknown name says so at the form.
        fill(&client, "#helpdesk_username", "niemand.hier").await?;
        wait_css(&client, "[data-testid=helpdesk-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=helpdesk-error]", |t| {
            t == "Niemand gevonden met deze naam of dit nummer."
        })
        .await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_card_request_form_shows_a_wrong_national_number_beside_the_field() -> anyhow::Result<()>
{
    with_browser(360, 740, |client, base, _app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        nav(&client, "Codekaart aanvragen").await?;
        fill(&client, "#national_number", "85.07.30-033.29").await?;
        fill(&client, "#email", "an@example.be").await?;
        wait_css(&client, "[data-testid=card-request-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "#national_number-error", |t| {
            t == "Dit rijksregisternummer klopt niet. Controleer de cijfers."
        })
        .await?;
        let field = client.find(Locator::Css("#national_number")).await?;
        assert_eq!(field.attr("aria-invalid").await?.as_deref(), Some("true"));
        assert_eq!(
            field.attr("aria-describedby").await?.as_deref(),
            Some("national_number-hint national_number-error")
        );
        assert_eq!(
            client
                .find(Locator::Css("#email-error"))
                .await?
                .text()
                .await?,
            ""
        );
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "card-request-phone.png").await?;
        assert_accessible(&client, "the card request form with an error").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_a_patient_logs_in_with_eid_at_the_identity_provider_and_reads_her_reports(
) -> anyhow::Result<()> {
    use inzage_tests::oidc::{free_port, OidcProvider};
    anyhow::ensure!(
        std::env::var_os("INZAGE_DIST").is_some(),
        "INZAGE_DIST is not set: run `cargo xtask test`, which builds the SPA"
    );
    let port = free_port()?;
    let providers = inzage_server::identity::IdentityProviders::parse(
        &format!(
            r#"
[[provider]]
id = "eid"
kind = "be-fas"
name = {{ nl = "Aanmelden met eID of itsme", fr = "Se connecter avec eID ou itsme", en = "Log in with eID or itsme" }}
issuer = "http://127.0.0.1:{port}"
client_id = "inzage"
client_secret_env = "SECRET"
national_number_claim = "egovNRN"
scopes = ["openid", "egovNRN"]
"#
        ),
        |_| Some("e2e-secret".into()),
    )?;
    let app = TestApp::spawn_with(Db::Sqlite, |c| c.identity = providers).await?;
    // The provider signs with the real time.
    app.clock.set(time::OffsetDateTime::now_utc());
    let number: String = app
        .login_of("margery")
        .national_number
        .clone()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let _provider = OidcProvider::start(
        port,
        serde_json::json!({
            "clients": [{ "client_id": "inzage", "client_secret": "e2e-secret",
                          "redirect_uris": [app.url("/api/v1/oidc/eid/callback")] }],
            "accounts": {
                "stranger": { "name": "Someone Else", "egovNRN": "90020199704" },
                "margery": { "name": "Margery Gibson", "egovNRN": number },
            },
            "scopes": { "egovNRN": ["egovNRN"] },
        }),
    )
    .await?;
    let session = open_on(app, 1280, 900, "nl-BE").await?;
    run_in(session, |client, base, app| async move {
        // The server's clock is a test clock: it stands still unless set. The provider signs
        // with the real time and the server checks the token's iat and expiry against its own
        // clock, so the clock is brought to the real time before each trip to the provider; a
        // slow run (a loaded machine, an accessibility check on the way) otherwise left the
        // server minutes behind the provider's tokens.
        app.clock.set(time::OffsetDateTime::now_utc());
        // Someone the hospital does not know is refused, with a sentence, and stays logged out.
        client.goto(&format!("{base}/inloggen")).await?;
        let button = wait_css(&client, "[data-testid=oidc-eid]").await?;
        assert_eq!(button.text().await?, "Aanmelden met eID of itsme");
        button.click().await?;
        wait_css(&client, "#account-stranger")
            .await?
            .click()
            .await?;
        let refusal = wait_text(&client, "[data-testid=oidc-error]", |t| !t.is_empty()).await?;
        assert!(
            refusal.contains("geen patiënt met een account")
                && refusal.contains("geen account aangemaakt"),
            "{refusal}"
        );
        assert!(client
            .current_url()
            .await?
            .as_str()
            .contains("oidc_error=no_account"));
        save_screenshot(&client, "oidc-refused.png").await?;
        assert_accessible(
            &client,
            "the login page after a refused identity-provider login",
        )
        .await?;
        // The provider remembers whom it logged in (a cookie of 127.0.0.1): forget it.
        client.delete_all_cookies().await?;

        // Margery logs in at the provider and lands on her reports.
        app.clock.set(time::OffsetDateTime::now_utc());
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "[data-testid=oidc-eid]")
            .await?
            .click()
            .await?;
        wait_css(&client, "#account-margery").await?.click().await?;
        if let Err(e) = wait_text(&client, "[data-testid=user-name]", |t| {
            t == "Margery Gibson"
        })
        .await
        {
            save_screenshot(&client, "oidc-login-failed.png").await?;
            let url = client.current_url().await?;
            let text = main_text(&client).await.unwrap_or_default();
            return Err(e.context(format!("at {url}, the page said: {text}")));
        }
        if let Err(e) = wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await
        {
            save_screenshot(&client, "oidc-reports-failed.png").await?;
            let url = client.current_url().await?;
            let text = main_text(&client).await.unwrap_or_default();
            return Err(e.context(format!("at {url}, the page said: {text}")));
        }
        assert!(client.current_url().await?.path().ends_with("/verslagen"));
        save_screenshot(&client, "oidc-reports.png").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_terms_are_accepted_first_and_a_suspended_patient_reads_why() -> anyhow::Result<()> {
    with_browser_config(
        |c| c.network.terms_version = "2027-01".into(),
        |client, base, app| async move {
            // The terms come before the record, whatever page the person asks for.
            log_in_to(&client, &base, &app, "margery", "[data-testid=terms]").await?;
            client.goto(&format!("{base}/verslagen")).await?;
            wait_css(&client, "[data-testid=terms]").await?;
            let text = wait_text(&client, "[data-testid=terms]", |t| t.contains("2027-01")).await?;
            assert!(text.contains("niet bedoeld voor dringende vragen"), "{text}");
            no_horizontal_scrolling(&client).await?;
            save_screenshot(&client, "terms.png").await?;
            assert_accessible(&client, "the terms of use to accept").await?;
            // Accepting needs the box ticked: the error is beside it.
            wait_css(&client, "[data-testid=terms-submit]").await?.click().await?;
            wait_text(&client, "[data-testid=terms-error]", |t| {
                t == "Vink aan dat u de voorwaarden aanvaardt."
            })
            .await?;
            client.find(Locator::Css("#terms-accept")).await?.click().await?;
            client
                .find(Locator::Css("[data-testid=terms-submit]"))
                .await?
                .click()
                .await?;
            wait_text(&client, "[data-testid=report-list]", |t| t.contains("Ontslagbrief")).await?;
            log_out(&client).await?;

            // The hospital suspends her: she reads why, and whom to call, only after answering
            // rightly.
            let staff = app.signed_in("ombuds").await?;
            let found: inzage_domain::account::HelpdeskAccount = staff
                .post(app.url("/api/v1/staff/accounts/lookup"))
                .json(&serde_json::json!({"username": "margery"}))
                .send()
                .await?
                .json()
                .await?;
            let res = staff
                .post(app.url(&format!(
                    "/api/v1/staff/accounts/{}/suspend",
                    found.account_id.unwrap_or_default()
                )))
                .json(&serde_json::json!({"reason": "Herhaald misbruik van de berichtenfunctie"}))
                .send()
                .await?;
            anyhow::ensure!(res.status() == 204, "suspend answered {}", res.status());
            let login = app.login_of("margery");
            let position = credentials(&client, &base, "margery", &login.password).await?;
            let code = login
                .card
                .code(inzage_domain::CodeCardPosition::new(position)?)
                .printed();
            type_code(&client, &code).await?;
            let message = wait_text(&client, "[data-testid=form-error]", |t| !t.is_empty()).await?;
            assert_eq!(
                message,
                "Het ziekenhuis heeft uw toegang tot het portaal geschorst. Reden: Herhaald misbruik \
                 van de berichtenfunctie. Neem contact op met de helpdesk: +32 16 00 00 99 of \
                 helpdesk@inzage.example."
            );
            Ok(())
        },
    )
    .await
}

/// WebDriver's "Add Virtual Authenticator" (WebAuthn Level 2, §11.3), which fantoccini has no
/// method for: a platform passkey that keeps resident keys and verifies its user.
#[derive(Debug)]
struct AddVirtualAuthenticator;

impl fantoccini::wd::WebDriverCompatibleCommand for AddVirtualAuthenticator {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/webauthn/authenticator",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({
            "protocol": "ctap2",
            "transport": "internal",
            "hasResidentKey": true,
            "hasUserVerification": true,
            "isUserVerified": true,
        });
        (http::Method::POST, Some(body.to_string()))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_adds_a_passkey_and_logs_in_with_it_instead_of_the_card() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        // WebAuthn refuses IP addresses: the portal known by its loopback address is the relying
        // party `localhost`, so the browser goes there.
        let base = base.replace("127.0.0.1", "localhost");
        client.issue_cmd(AddVirtualAuthenticator).await?;
        log_in(&client, &base, &app, "margery").await?;
        client.goto(&format!("{base}/account")).await?;
        wait_css(&client, "#passkey-name")
            .await?
            .send_keys("laptop")
            .await?;
        client
            .find(Locator::Css("[data-testid=add-passkey]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=passkeys]", |t| t.contains("laptop")).await?;
        assert_accessible(&client, "Mijn account with a passkey").await?;
        log_out(&client).await?;

        let margery = app.login_of("margery");
        credentials(&client, &base, "margery", &margery.password).await?;
        let with_passkey = wait_css(&client, "[data-testid=passkey-login]").await?;
        assert_accessible(&client, "the login's code step offering a passkey").await?;
        with_passkey.click().await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;
        Ok(())
    })
    .await
}

/// The record's sections on a phone: results with a trend chart and its table, the medical
/// summary, medications and appointments, reached from the menu; nothing hidden shows and
/// nothing scrolls sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_browses_results_summary_medications_and_appointments_on_a_phone(
) -> anyhow::Result<()> {
    with_browser(360, 800, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Resultaten").await?;
        let table = wait_text(&client, "[data-testid=results-table]", |t| {
            t.contains("Hemoglobine")
        })
        .await?;
        assert!(table.contains("C-reactief proteïne (CRP)"), "{table}");
        assert!(
            table.contains("12,9 g/dL"),
            "the decimal comma in Dutch: {table}"
        );
        assert!(!table.contains("Kalium"), "a preliminary value is hidden");
        assert!(!table.contains("HIV"), "a shielded value is hidden");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "results-360.png").await?;
        assert_accessible(&client, "the results on a phone").await?;

        client
            .find(Locator::LinkText("Hemoglobine"))
            .await?
            .click()
            .await?;
        wait_css(&client, "[data-testid=trend-chart]").await?;
        let dots = client
            .find_all(Locator::Css("[data-testid=trend-chart] circle"))
            .await?;
        assert_eq!(dots.len(), 5, "one dot per value");
        let low = client
            .find_all(Locator::Css(
                "[data-testid=trend-chart] circle.out-of-range",
            ))
            .await?;
        assert_eq!(low.len(), 1, "11.2 is below the range");
        // The chart's accessible name (an SVG title is not rendered text).
        let title = client
            .find(Locator::Css("[data-testid=trend-chart] title"))
            .await?
            .prop("textContent")
            .await?;
        assert_eq!(title.as_deref(), Some("Verloop van Hemoglobine"));
        let series = wait_text(&client, "[data-testid=series-table]", |t| {
            t.contains("11,2 g/dL")
        })
        .await?;
        assert!(series.contains("te laag"), "{series}");
        assert!(series.contains("12 – 16"), "{series}");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "result-trend-360.png").await?;
        assert_accessible(&client, "one test's trend on a phone").await?;

        nav(&client, "Medisch overzicht").await?;
        let allergies = wait_text(&client, "[data-testid=allergy-list]", |t| {
            t.contains("Penicilline")
        })
        .await?;
        assert!(allergies.contains("ernstig"), "{allergies}");
        assert!(allergies.contains("geneesmiddel"), "{allergies}");
        assert!(!allergies.contains("Latex"), "a refuted allergy is hidden");
        let blood = wait_css(&client, "[data-testid=blood-group]")
            .await?
            .text()
            .await?;
        assert!(blood.contains("A Rh(D) positief"), "{blood}");
        let risks = wait_css(&client, "[data-testid=risk-list]")
            .await?
            .text()
            .await?;
        assert!(risks.contains("Verhoogd valrisico"), "{risks}");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "summary-360.png").await?;
        assert_accessible(&client, "the medical summary on a phone").await?;

        nav(&client, "Medicatie").await?;
        let current = wait_text(&client, "[data-testid=current-medications]", |t| {
            t.contains("Ibuprofen")
        })
        .await?;
        assert!(current.contains("na de maaltijd"), "{current}");
        assert!(
            current.contains("voorgeschreven door Dr. An Peeters"),
            "{current}"
        );
        let page = client.find(Locator::Css("main")).await?.text().await?;
        assert!(!page.contains("Tramadol"), "a draft prescription is hidden");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "medications-360.png").await?;
        assert_accessible(&client, "the medications on a phone").await?;

        nav(&client, "Afspraken").await?;
        let upcoming = wait_text(&client, "[data-testid=upcoming-appointments]", |t| {
            t.contains("Controle orthopedie")
        })
        .await?;
        assert!(upcoming.contains("9 maart 2027 om 10:30"), "{upcoming}");
        assert!(upcoming.contains("Campus Noord"), "{upcoming}");
        assert!(upcoming.contains("geannuleerd"), "{upcoming}");
        assert!(
            !upcoming.contains("Psychiatrie"),
            "a shielded appointment is hidden"
        );
        let past = wait_css(&client, "[data-testid=past-appointments]")
            .await?
            .text()
            .await?;
        assert!(past.contains("Consultatie orthopedie"), "{past}");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "appointments-360.png").await?;
        assert_accessible(&client, "the appointments on a phone").await?;
        Ok(())
    })
    .await
}

/// Sets a date field as a person picking a day does (a date input's typing differs by browser
/// locale, so the value is set and announced like the picker does).
async fn pick_date(client: &Client, css: &str, day: &str) -> anyhow::Result<()> {
    wait_css(client, css).await?;
    client
        .execute(
            "const f = document.querySelector(arguments[0]); f.value = arguments[1]; \
             f.dispatchEvent(new Event('input', {bubbles: true})); \
             f.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![css.into(), day.into()],
        )
        .await?;
    Ok(())
}

async fn apply_filters(client: &Client) -> anyhow::Result<()> {
    wait_css(client, "[data-testid=list-filters-apply]")
        .await?
        .click()
        .await?;
    Ok(())
}

async fn list_items(client: &Client, list: &str) -> anyhow::Result<Vec<String>> {
    let mut titles = Vec::new();
    for item in client
        .find_all(Locator::Css(&format!("[data-testid={list}] .report-title")))
        .await?
    {
        titles.push(item.text().await?);
    }
    Ok(titles)
}

/// Issue 6, items 2 and 6: the report list narrowed by words and period (a reversed period
/// gets its message beside the field, a bad day in a hand-edited URL too), and the search
/// across the record finds a report by its conclusion, never a shielded one, and opens it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_filters_her_reports_and_searches_her_record_on_a_phone() -> anyhow::Result<()> {
    with_browser(360, 800, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        let all = wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("MRI rechterknie")
        })
        .await?;
        assert!(all.contains("Ontslagbrief"), "{all}");

        // The filters are folded while they filter nothing, so a phone shows the list first.
        let folded = wait_css(&client, "[data-testid=list-filters-box]").await?;
        assert_eq!(folded.attr("open").await?, None);
        wait_css(&client, "[data-testid=list-filters-box] > summary")
            .await?
            .click()
            .await?;
        fill(&client, "#q", "RECHTERKNIE").await?;
        apply_filters(&client).await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            !t.contains("Ontslagbrief")
        })
        .await?;
        assert_eq!(
            list_items(&client, "report-list").await?,
            ["MRI rechterknie"]
        );
        let url = client.current_url().await?;
        assert_eq!(
            url.query(),
            Some("q=RECHTERKNIE"),
            "the filter is in the URL"
        );
        // The words stay in the field after the page shows the filtered list.
        let kept = wait_css(&client, "#q").await?.prop("value").await?;
        assert_eq!(kept.as_deref(), Some("RECHTERKNIE"));

        // A period that ends before it starts is refused beside the field, before sending.
        pick_date(&client, "#from", "2024-05-01").await?;
        pick_date(&client, "#to", "2024-04-01").await?;
        apply_filters(&client).await?;
        let error = wait_text(&client, "#to-error", |t| !t.is_empty()).await?;
        assert_eq!(error, "De einddatum ligt vóór de begindatum.");
        // The focus goes to the field.
        wait_focus(&client, "#to").await?;
        assert_eq!(client.current_url().await?.query(), Some("q=RECHTERKNIE"));
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "reports-filter-error-360.png").await?;
        assert_accessible(&client, "the report filters with an error on a phone").await?;

        // Clearing brings every report back, and folds the filters again.
        nav(&client, "Filters wissen").await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;
        let folded = wait_css(&client, "[data-testid=list-filters-box]").await?;
        assert_eq!(folded.attr("open").await?, None);

        // A bad day in a hand-edited URL: the message beside the field, the whole list below.
        client
            .goto(&format!("{base}/verslagen?from=31-12-2020"))
            .await?;
        let error = wait_text(&client, "#from-error", |t| !t.is_empty()).await?;
        assert_eq!(error, "Kies een geldige datum (JJJJ-MM-DD).");
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;

        nav(&client, "Zoeken").await?;
        wait_css(&client, "[data-testid=search-hits]").await?;
        fill(&client, "#q", "meniscus").await?;
        apply_filters(&client).await?;
        let hits = wait_text(&client, "[data-testid=search-hits]", |t| {
            t.contains("MRI rechterknie")
        })
        .await?;
        assert!(hits.contains("Verslag"), "the hit says what it is: {hits}");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "search-360.png").await?;
        assert_accessible(&client, "the search on a phone").await?;

        fill(&client, "#q", "therapeutische exceptie").await?;
        apply_filters(&client).await?;
        let empty = wait_text(&client, "[data-testid=list-empty]", |t| !t.is_empty()).await?;
        assert!(empty.starts_with("Niets gevonden"), "{empty}");
        assert!(list_items(&client, "search-hits").await?.is_empty());

        fill(&client, "#q", "meniscus").await?;
        apply_filters(&client).await?;
        wait_text(&client, "[data-testid=search-hits]", |t| {
            t.contains("MRI rechterknie")
        })
        .await?;
        // "meniscus" also finds a leaflet; open the report.
        client
            .find(Locator::XPath(
                "//*[@data-testid='search-hits']//a[contains(., 'MRI rechterknie')]",
            ))
            .await?
            .click()
            .await?;
        wait_text(&client, "h1", |t| t == "MRI rechterknie").await?;
        assert!(client
            .current_url()
            .await?
            .path()
            .ends_with("/verslagen/inzage-demo-mri-knie"));
        Ok(())
    })
    .await
}

/// Issue 6, item 6: a long list comes in pages. Margery's GP reads 56 of her reports: two
/// pages, with links to the next and the previous one, and the page in the address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gp_pages_through_a_long_report_list() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in_provider(&client, &base, &app, "dr.weimann").await?;
        wait_css(
            &client,
            &format!("{} [data-testid=open-record]", patient("Margery Gibson")),
        )
        .await?
        .click()
        .await?;
        let pager = wait_text(&client, "[data-testid=pager]", |t| !t.is_empty()).await?;
        assert!(pager.contains("Pagina 1 van 2"), "{pager}");
        assert!(!pager.contains("Vorige pagina"), "{pager}");
        let rows = |client: Client| async move {
            let found = client
                .find_all(Locator::Css("[data-testid=provider-report-list] tbody tr"))
                .await?;
            anyhow::Ok(found.len())
        };
        assert_eq!(rows(client.clone()).await?, 50);
        nav(&client, "Volgende pagina").await?;
        let pager = wait_text(&client, "[data-testid=pager]", |t| {
            t.contains("Pagina 2 van 2")
        })
        .await?;
        assert!(!pager.contains("Volgende pagina"), "{pager}");
        // 56 reports: a doctor also reads the consultation note the portal withholds.
        assert_eq!(rows(client.clone()).await?, 6);
        assert_eq!(client.current_url().await?.query(), Some("page=2"));
        assert_accessible(&client, "the second page of a long report list").await?;
        nav(&client, "Vorige pagina").await?;
        wait_text(&client, "[data-testid=pager]", |t| {
            t.contains("Pagina 1 van 2")
        })
        .await?;
        assert_eq!(rows(client.clone()).await?, 50);
        Ok(())
    })
    .await
}

// Accessibility measured in the browser (issue 9, item 2).

/// The pages and states no other test checks with axe (the others check theirs where they show
/// them), each opened as the person who sees it; the test lists every page's violations
/// together rather than stopping at the first. Last, the check itself is checked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_and_state_passes_axe() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let mut problems = Vec::new();
        macro_rules! check {
            ($page:expr) => {
                if let Err(e) = assert_accessible(&client, $page).await {
                    problems.push(format!("{e:#}"));
                }
            };
        }
        // The login page's states: empty, with errors beside the fields, the code step.
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "#username").await?;
        check!("the login page");
        client
            .find(Locator::Css("button[type=submit]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "#username-error", |t| !t.is_empty()).await?;
        check!("the login page with field errors");
        let login = app.login_of("margery");
        credentials(&client, &base, "margery", &login.password).await?;
        check!("the login's code step");
        client
            .goto(&format!("{base}/e-mail/bevestigen?token=x"))
            .await?;
        wait_css(&client, "[data-testid=confirm-link-submit]").await?;
        check!("the e-mail confirmation page");
        client.goto(&format!("{base}/bestaat-niet")).await?;
        wait_css(&client, "h1").await?;
        check!("the page that does not exist");

        log_in(&client, &base, &app, "margery").await?;
        client.goto(&format!("{base}/toegangen")).await?;
        wait_css(
            &client,
            &format!("{} [data-testid=view-as]", entry("Dr. Carol Weimann")),
        )
        .await?
        .click()
        .await?;
        wait_text(&client, "[data-testid=provider-report-list]", |t| {
            !t.is_empty()
        })
        .await?;
        check!("the record as the GP sees it");
        client.goto(&format!("{base}/voorwaarden")).await?;
        wait_css(&client, "[data-testid=terms]").await?;
        check!("the terms of use, accepted");
        log_out(&client).await?;

        log_in_provider(&client, &base, &app, "dr.gleason").await?;
        wait_css(
            &client,
            &format!("{} [data-testid=open-record]", patient("Margery Gibson")),
        )
        .await?
        .click()
        .await?;
        wait_text(&client, "[data-testid=provider-report-list]", |t| {
            !t.is_empty()
        })
        .await?;
        check!("a patient's record as her specialist reads it");
        anyhow::ensure!(problems.is_empty(), "{}", problems.join("\n\n"));

        // The check itself works: an unlabelled field and a low-contrast text are found.
        client
            .execute(
                "const m = document.querySelector('main');
                 m.insertAdjacentHTML('afterbegin', '<input id=unlabelled><p id=grey>grey</p>');
                 // Through the CSSOM: the page's CSP refuses style attributes.
                 document.getElementById('grey').style.color = '#bbb';",
                vec![],
            )
            .await?;
        let found = assert_accessible(&client, "a page broken on purpose")
            .await
            .err()
            .context("axe found nothing wrong on a page broken on purpose")?
            .to_string();
        for rule in [
            "label (critical)",
            "color-contrast (serious)",
            "#unlabelled",
        ] {
            assert!(found.contains(rule), "{rule} in {found}");
        }
        Ok(())
    })
    .await
}

/// A person without a mouse logs in and reads a report: only keys are pressed (Tab, Shift+Tab,
/// Enter and typing), every stop shows its focus, the skip link comes first and lands in the
/// main content, and Tab goes round the whole page and out again (no keyboard trap).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_logs_in_and_reads_a_report_with_the_keyboard_alone() -> anyhow::Result<()> {
    use a11y::{focused, press, tab, tab_stops, tab_to, type_keys};
    use fantoccini::key::Key;
    with_browser(1280, 900, |client, base, app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "#username").await?;
        // The first Tab stop is the skip link, which shows itself and moves the focus to the
        // main content; the next Tab is the first field, past the header's language buttons.
        let first = tab(&client, false).await?;
        assert!(first.describe.starts_with("a.skip-link"), "{first:?}");
        press(&client, &[Key::Enter]).await?;
        let main = focused(&client).await?;
        assert_eq!(main.id, "main", "{main:?}");
        let username = tab(&client, false).await?;
        assert_eq!(username.id, "username", "{username:?}");

        let login = app.login_of("margery");
        type_keys(&client, "margery").await?;
        let password = tab(&client, false).await?;
        assert_eq!(password.id, "password", "{password:?}");
        type_keys(&client, &login.password).await?;
        press(&client, &[Key::Enter]).await?;
        let position = wait_css(&client, "[data-testid=code-position]")
            .await?
            .attr("data-position")
            .await?
            .context("data-position")?;
        // The code step takes the focus itself: the form the person was in is gone.
        let code = focused(&client).await?;
        assert_eq!(code.id, "code", "{code:?}");
        assert!(code.visible, "{code:?}");
        let printed = login
            .card
            .code(inzage_domain::CodeCardPosition::new(position.parse()?)?)
            .printed();
        type_keys(&client, &printed).await?;
        press(&client, &[Key::Enter]).await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief cardiologie")
        })
        .await?;

        // The new page has the focus at its start: Tab goes on in the reports, not from where
        // the code field was.
        let main = focused(&client).await?;
        assert_eq!(main.id, "main", "{main:?}");
        tab_to(&client, "the report `Ontslagbrief cardiologie`", 30, |f| {
            f.tag == "a" && f.describe.contains("Ontslagbrief cardiologie")
        })
        .await?;
        press(&client, &[Key::Enter]).await?;
        wait_text(&client, "[data-testid=report]", |t| {
            t.contains("voorkamerfibrillatie")
        })
        .await?;
        assert!(client
            .current_url()
            .await?
            .path()
            .ends_with("/verslagen/inzage-demo-ontslagbrief"));
        assert_eq!(focused(&client).await?.id, "main");

        // No keyboard trap: from wherever the focus is, Tab goes round to the top of the page;
        // from the skip link it visits every stop once before leaving the page, and Shift+Tab
        // comes back the same way.
        let stops = tab_stops(&client).await?;
        let skip = |f: &a11y::Focused| f.describe.starts_with("a.skip-link");
        tab_to(&client, "the skip link, round the page", stops + 3, skip).await?;
        let mut forward = vec![focused(&client).await?];
        loop {
            let f = tab(&client, false).await?;
            if f.nothing || skip(&f) {
                break;
            }
            anyhow::ensure!(
                forward.len() <= stops,
                "Tab never left the page after {stops} stops: {forward:#?}"
            );
            forward.push(f);
        }
        let mut distinct: Vec<i64> = forward.iter().map(|f| f.index).collect();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), stops, "every stop once: {forward:#?}");
        // Back from the last stop to the skip link (passing outside the page at most once).
        let mut backward = Vec::new();
        for _ in 0..stops + 2 {
            let f = tab(&client, true).await?;
            if !f.nothing {
                backward.push(f);
            }
            if backward.len() == forward.len() {
                break;
            }
        }
        backward.reverse();
        assert_eq!(backward, forward, "Shift+Tab goes back the same way");
        Ok(())
    })
    .await
}

/// The whole body of a same-origin URL, fetched by the page in its own session.
async fn fetch_bytes(client: &Client, url: &str) -> anyhow::Result<Vec<u8>> {
    use base64::Engine;
    let encoded = client
        .execute_async(
            "const [url, done] = arguments; \
             fetch(url).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)) \
               .then(b => { const a = new Uint8Array(b); let s = ''; \
                 for (let i = 0; i < a.length; i += 8192) \
                   s += String.fromCharCode(...a.subarray(i, i + 8192)); \
                 done(btoa(s)); }) \
               .catch(e => done('error: ' + e));",
            vec![serde_json::Value::String(url.to_owned())],
        )
        .await?;
    let encoded = encoded.as_str().unwrap_or_default();
    anyhow::ensure!(!encoded.starts_with("error"), "{url}: {encoded}");
    Ok(base64::engine::general_purpose::STANDARD.decode(encoded)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_downloads_a_report_and_her_record_as_pdf() -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        let margery = app.id_of("margery");
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;
        let record_link = wait_css(&client, "[data-testid=record-pdf]").await?;
        assert_eq!(
            record_link.text().await?,
            "Het hele dossier downloaden (PDF)"
        );
        assert!(record_link.attr("download").await?.is_some());
        let record_url = record_link.prop("href").await?.context("record link")?;
        assert_eq!(record_url, format!("{base}/api/v1/records/{margery}/pdf"));
        let fhir_link = wait_css(&client, "[data-testid=record-fhir]").await?;
        let fhir_url = fhir_link.prop("href").await?.context("FHIR link")?;
        let bundle: serde_json::Value =
            serde_json::from_slice(&fetch_bytes(&client, &fhir_url).await?)?;
        assert_eq!(bundle["resourceType"], "Bundle");
        assert!(bundle.to_string().contains("Hemoglobine"));
        assert!(
            !bundle.to_string().contains("Psychiatrisch consult"),
            "shielded"
        );

        client
            .find(Locator::XPath(
                "//a[.//span[text()='Ontslagbrief cardiologie']]",
            ))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=report]", |t| {
            t.contains("voorkamerfibrillatie")
        })
        .await?;
        let link = wait_css(&client, "[data-testid=report-pdf]").await?;
        assert_eq!(link.text().await?, "PDF downloaden");
        assert!(link.attr("download").await?.is_some());
        let url = link.prop("href").await?.context("report link")?;
        assert_eq!(
            url,
            format!("{base}/api/v1/records/{margery}/reports/inzage-demo-ontslagbrief/pdf")
        );
        save_screenshot(&client, "report-pdf-link.png").await?;

        // The page's own session fetches the files the links point at.
        let pdf = fetch_bytes(&client, &url).await?;
        assert!(pdf.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&pdf)?;
        for expected in [
            "Ontslagbrief cardiologie",
            "Margery Gibson",
            "12 maart 2024",
            "Dr. An Peeters",
            "voorkamerfibrillatie",
            "via Inzage",
            "Pagina 1 van 1",
        ] {
            assert!(text.contains(expected), "{expected} missing in:\n{text}");
        }
        let pdf = fetch_bytes(&client, &record_url).await?;
        let text = pdf_extract::extract_text_from_mem(&pdf)?;
        assert!(
            text.contains("Medisch dossier van Margery Gibson"),
            "{text}"
        );
        assert!(text.contains("MRI rechterknie"));
        assert!(!text.contains("Psychiatrisch consult"), "shielded");
        assert!(!text.contains("Echografie abdomen"), "not validated");
        // The other sections follow the reports, with what they hide left out.
        for expected in [
            "Resultaten",
            "Hemoglobine",
            "Penicilline",
            "A Rh(D) positief",
            "Ibuprofen 400 mg tablet",
            "Controle orthopedie",
        ] {
            assert!(
                text.contains(expected),
                "{expected} missing in the record PDF"
            );
        }
        for hidden in [
            "Kalium (voorlopig)",
            "Latex (weerlegd)",
            "Tramadol",
            "Psychiatrie (afgeschermd)",
        ] {
            assert!(!text.contains(hidden), "{hidden} in the record PDF");
        }

        // The print stylesheet: on screen the patient's name for paper is hidden.
        let shown = client
            .execute(
                "return getComputedStyle(document.querySelector('.print-patient')).display;",
                vec![],
            )
            .await?;
        assert_eq!(shown.as_str(), Some("none"));
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_chooses_to_see_new_results_only_after_her_consultation() -> anyhow::Result<()> {
    with_browser(390, 844, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Toegangen").await?;
        let section = wait_text(&client, "[data-testid=release-results]", |t| {
            t.contains("AZ Voorbeeld (demo) toont ze 2 dagen nadat ze klaar zijn.")
        })
        .await?;
        assert!(!section.contains("Uw keuze geldt"), "{section}");
        let now = wait_css(&client, "#release_results_immediately").await?;
        assert!(
            now.is_selected().await?,
            "nothing chosen yet: as soon as shown"
        );
        client
            .find(Locator::Css(
                "label[for=release_results_after_consultation]",
            ))
            .await?
            .click()
            .await?;
        client
            .find(Locator::Css("[data-testid=release-results-save]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=release-results-status]", |t| {
            t == "Uw keuze is bewaard."
        })
        .await?;
        wait_text(&client, "[data-testid=release-results]", |t| {
            t.contains("Uw keuze geldt voor wat sinds 27 november 2026 klaar is.")
        })
        .await?;
        save_screenshot(&client, "release.png").await?;
        assert_accessible(&client, "Toegangen with the release choice").await?;

        // Two days on: vitamin D (ready the day before the choice) is past the care team's
        // hold; ferritin (ready on the day of the choice) waits for her consultation.
        app.clock.set(time::macros::datetime!(2026-11-29 12:00 UTC));
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Resultaten").await?;
        let results = wait_text(&client, "[data-testid=results-table]", |t| {
            t.contains("Vitamine D")
        })
        .await?;
        assert!(!results.contains("Ferritine"), "{results}");
        let page = wait_css(&client, "main").await?.text().await?;
        assert!(
            page.contains("omdat u koos het later te zien"),
            "the page says why a result may wait: {page}"
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_shares_a_report_by_a_link_that_opens_without_an_account_until_revoked(
) -> anyhow::Result<()> {
    with_browser(390, 844, |client, base, app| async move {
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Delen").await?;
        wait_css(&client, "[data-testid=share-none]").await?;

        // Nothing filled in: each error beside its field, checked in the browser.
        wait_css(&client, "[data-testid=share-submit]")
            .await?
            .click()
            .await?;
        wait_text(&client, "#share_label-error", |t| {
            t == "Vul in voor wie de link is."
        })
        .await?;
        wait_text(&client, "#share_reports-error", |t| {
            t == "Kies minstens één verslag."
        })
        .await?;

        wait_css(&client, "#share_label")
            .await?
            .send_keys("Dr. Weber, Charité")
            .await?;
        let first = wait_css(&client, "label[for=share_report_0]").await?;
        let title = first.text().await?;
        let title = title.split(" · ").next().unwrap_or_default().to_owned();
        first.click().await?;
        wait_css(&client, "#share_days")
            .await?
            .select_by_value("7")
            .await?;
        client
            .find(Locator::Css("[data-testid=share-submit]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=share-made]", |t| {
            t.contains("Uw link is klaar")
        })
        .await?;
        let link = wait_css(&client, "[data-testid=share-link]")
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        assert!(link.starts_with(&format!("{base}/gedeeld#")), "{link}");
        let card = wait_text(&client, "[data-testid=shares]", |t| {
            t.contains("Dr. Weber, Charité")
        })
        .await?;
        assert!(card.contains("0 keer geopend"), "{card}");
        assert!(card.contains(&title), "{card}");
        save_screenshot(&client, "share.png").await?;
        assert_accessible(&client, "Delen").await?;
        log_out(&client).await?;

        // Someone without an account opens it and reads the report.
        client.goto(&link).await?;
        let about = wait_text(&client, "[data-testid=shared-about]", |t| {
            t.contains("Gedeeld met Dr. Weber, Charité.")
        })
        .await?;
        assert!(
            about.contains("De link werkt tot 4 december 2026"),
            "{about}"
        );
        wait_text(&client, "h1", |t| t.starts_with("Verslagen van Margery")).await?;
        assert_accessible(&client, "a shared link").await?;
        wait_css(&client, "[data-testid=shared-report]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=report] h1", |t| t == title).await?;
        // The letter it carries is fetched with the link's secret, then opens from the browser.
        wait_css(&client, "[data-testid=shared-document-fetch]")
            .await?
            .click()
            .await?;
        let document = wait_css(&client, "[data-testid=shared-document]").await?;
        let href = document.attr("href").await?.unwrap_or_default();
        assert!(href.starts_with("blob:"), "{href}");
        save_screenshot(&client, "shared.png").await?;
        assert_accessible(&client, "a shared report").await?;

        // The patient sees the opening, and revokes the link; it no longer opens.
        client.goto(&base).await?;
        log_in(&client, &base, &app, "margery").await?;
        nav(&client, "Delen").await?;
        wait_text(&client, "[data-testid=shares]", |t| {
            t.contains("1 keer geopend")
        })
        .await?;
        wait_css(&client, "[data-testid=share-revoke]")
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=share-status]", |t| {
            t == "De link voor Dr. Weber, Charité werkt niet meer."
        })
        .await?;
        wait_css(&client, "[data-testid=share][data-state=revoked]").await?;
        nav(&client, "Wie bekeek mijn dossier").await?;
        wait_text(&client, "main", |t| {
            t.contains("Dr. Weber, Charité (via een gedeelde link)")
                && t.contains("opende gedeelde verslagen")
        })
        .await?;
        log_out(&client).await?;
        client.goto(&link).await?;
        wait_text(&client, "[data-testid=shared-error]", |t| {
            t == "Deze link is ingetrokken door wie hem maakte."
        })
        .await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deceased_patients_account_is_told_why_it_no_longer_logs_in() -> anyhow::Result<()> {
    with_browser(390, 844, |client, base, app| async move {
        // The hospital records Margery's death; her account answers rightly and gets no session.
        sqlx::query("UPDATE patients SET deceased_at = '2026-11-20' WHERE id = $1")
            .bind(app.id_of("margery"))
            .execute(app.store.pool())
            .await?;
        client.goto(&base).await?;
        let login = app.login_of("margery");
        let position = credentials(&client, &base, "margery", &login.password).await?;
        let code = login
            .card
            .code(inzage_domain::CodeCardPosition::new(position)?)
            .printed();
        type_code(&client, &code).await?;
        let message = wait_text(&client, "[data-testid=form-error]", |t| !t.is_empty()).await?;
        assert!(
            message.starts_with("Dit account is afgesloten: de patiënt is overleden"),
            "{message}"
        );
        assert!(
            message.contains("Is een familielid overleden?"),
            "{message}"
        );
        assert_accessible(&client, "the login page after a death").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_record_a_dutch_parent_without_authority_and_the_child_sees_why() -> anyhow::Result<()>
{
    with_browser(1280, 900, |client, base, app| async move {
        log_in(&client, &base, &app, "reyna").await?;
        ask_link(&client, "Noor Visser", "111 222 333").await?;
        log_out(&client).await?;

        // Staff refuse the request, recording that the parent has no parental authority.
        log_in_staff(&client, &base, &app).await?;
        let row = staff_row("Noor Visser");
        fill(
            &client,
            &format!("{row} [data-testid=refusal-reason]"),
            "Geen ouderlijk gezag volgens het gezagsregister.",
        )
        .await?;
        wait_css(&client, &format!("{row} [data-testid=without-authority]"))
            .await?
            .click()
            .await?;
        assert_accessible(&client, "the staff queue with the authority box").await?;
        client
            .find(Locator::Css(&format!("{row} [data-testid=refuse]")))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-status]", |t| {
            t == "De aanvraag van Reyna Ziemann voor Noor Visser is geweigerd."
        })
        .await?;
        log_out(&client).await?;

        // Noor (13) sees the parent on Toegangen with the reason, and no consent to give.
        log_in(&client, &base, &app, "noor").await?;
        nav(&client, "Toegangen").await?;
        let page = wait_text(&client, "[data-testid=access-page]", |t| {
            t.contains("Reyna Ziemann")
        })
        .await?;
        let card = wait_text(
            &client,
            "[data-testid=access-entry][data-name='Reyna Ziemann']",
            |t| !t.is_empty(),
        )
        .await?;
        assert!(card.contains("Zonder ouderlijk gezag"), "{card}\n{page}");
        assert!(client
            .find_all(Locator::Css("button[data-command=give_child_consent]"))
            .await?
            .is_empty());
        assert_accessible(&client, "Toegangen with a parent without authority").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_who_cannot_log_in_finds_help_in_her_language() -> anyhow::Result<()> {
    with_browser(390, 844, |client, base, _app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        nav(&client, "Hulp bij aanmelden").await?;
        wait_text(&client, "h1", |t| t == "Hulp bij aanmelden").await?;
        let questions = client
            .find_all(Locator::Css("[data-testid=help-question]"))
            .await?;
        assert_eq!(questions.len(), 5);
        let contact = wait_text(&client, "[data-testid=help-contact]", |t| {
            t.contains("+32 16 00 00 99")
        })
        .await?;
        assert!(contact.contains("helpdesk@inzage.example"), "{contact}");
        assert_accessible(&client, "the help page").await?;

        // In French, then on to the page that solves a lost card.
        client
            .find(Locator::Css(".lang-switch button[data-lang=fr]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "h1", |t| t == "Aide à la connexion").await?;
        wait_text(&client, "#help-card-title", |t| {
            t == "J'ai perdu ma carte de codes"
        })
        .await?;
        nav(&client, "Demander une nouvelle carte de codes").await?;
        wait_css(&client, "#national_number").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_belgian_teenager_of_15_gives_her_mother_access_as_her_trusted_person(
) -> anyhow::Result<()> {
    with_browser(1280, 900, |client, base, app| async move {
        let reyna = app.login_of("reyna").national_number.clone().unwrap();
        let dir = tempfile::tempdir()?;
        let pdf = dir.path().join("vertrouwenspersoon.pdf");
        std::fs::write(&pdf, minimal_pdf("Ondergetekende duidt Reyna Ziemann aan."))?;

        // At 15 the parent link is over; Sherron uses the portal herself and designates her
        // mother with the signed form.
        log_in(&client, &base, &app, "sherron").await?;
        nav(&client, "Toegangen").await?;
        wait_text(&client, "#designation-title", |t| {
            t == "Een vertrouwenspersoon of vertegenwoordiger aanduiden"
        })
        .await?;
        wait_css(&client, "#designation_kind")
            .await?
            .select_by_value("trusted_person")
            .await?;
        fill(&client, "#designee_name", "Reyna Ziemann").await?;
        fill(&client, "#designee_national_number", &reyna).await?;
        choose_file(&client, "#designation_file", &pdf).await?;
        client
            .find(Locator::Css("[data-testid=designation-submit]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=designation-status]", |t| {
            t.starts_with("Uw formulier is verstuurd")
        })
        .await?;
        log_out(&client).await?;

        // The ombuds service approves.
        log_in_staff(&client, &base, &app).await?;
        let row_css = "[data-testid=staff-designation][data-designee='Reyna Ziemann']";
        wait_text(&client, row_css, |t| t.contains("Sherron Kutch")).await?;
        wait_css(&client, &format!("{row_css} [data-testid=approve]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-designation-status]", |t| {
            !t.is_empty()
        })
        .await?;
        log_out(&client).await?;

        // Her mother now reads Sherron's record, as her trusted person.
        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(
            record_menu(&client).await?,
            ["Reyna Ziemann", "Sherron Kutch"]
        );
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_daughter_applies_to_represent_her_mother_who_can_no_longer_decide() -> anyhow::Result<()>
{
    with_browser(390, 844, |client, base, app| async move {
        let margery = app.login_of("margery").national_number.clone().unwrap();
        let dir = tempfile::tempdir()?;
        let pdf = dir.path().join("vertegenwoordiger.pdf");
        std::fs::write(
            &pdf,
            minimal_pdf("Reyna Ziemann vertegenwoordigt Margery Gibson."),
        )?;

        // Reyna does not manage her mother's record: she applies, on a phone.
        log_in(&client, &base, &app, "reyna").await?;
        nav(&client, "Gekoppelde dossiers").await?;
        wait_text(&client, "#representation-title", |t| {
            t == "Vertegenwoordiger worden van een volwassene die niet zelf kan beslissen"
        })
        .await?;
        // Sent empty: every reason beside its field, and the focus on the first.
        let submit = "[data-testid=representation-submit]";
        scroll_to(&client, submit).await?;
        wait_css(&client, submit).await?.click().await?;
        wait_text(&client, "#patient_name-error", |t| {
            t == "Vul de naam van de patiënt in."
        })
        .await?;
        wait_text(&client, "#representation_message-error", |t| {
            t.starts_with("Schrijf wie u bent")
        })
        .await?;
        wait_text(&client, "#representation_file-error", |t| !t.is_empty()).await?;
        wait_focus(&client, "#patient_name").await?;
        assert_accessible(&client, "the application with its errors").await?;

        wait_css(&client, "#representation_kind")
            .await?
            .select_by_value("representative")
            .await?;
        fill(&client, "#patient_name", "Margery Gibson").await?;
        fill(&client, "#patient_national_number", &margery).await?;
        fill(
            &client,
            "#representation_message",
            "Ik ben haar dochter; mijn moeder heeft dementie.",
        )
        .await?;
        choose_file(&client, "#representation_file", &pdf).await?;
        wait_css(&client, submit).await?.click().await?;
        wait_text(&client, "[data-testid=representation-status]", |t| {
            t.starts_with("Uw aanvraag is verstuurd")
        })
        .await?;
        let mine = "[data-testid=link-request][data-name='Margery Gibson'][data-status=pending]";
        wait_text(&client, mine, |t| t.contains("Vertegenwoordiger")).await?;
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "representation-application-phone.png").await?;
        log_out(&client).await?;

        // The ombuds service reads the form, and must establish the incapacity to approve.
        log_in_staff(&client, &base, &app).await?;
        let row = "[data-testid=staff-request][data-kind=representative]";
        wait_text(&client, row, |t| {
            t.contains("Margery Gibson") && t.contains("Vertegenwoordiger")
        })
        .await?;
        wait_css(&client, &format!("{row} [data-testid=application-form]")).await?;
        wait_css(&client, &format!("{row} [data-testid=approve]"))
            .await?
            .click()
            .await?;
        wait_text(
            &client,
            &format!("{row} [data-testid=incapacity-error]"),
            |t| t.starts_with("Een vertegenwoordiger treedt pas op"),
        )
        .await?;
        assert_accessible(&client, "the queue with the incapacity's error").await?;
        wait_css(&client, &format!("{row} [data-testid=incapacity]"))
            .await?
            .click()
            .await?;
        wait_css(&client, &format!("{row} [data-testid=approve]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-status]", |t| {
            t == "De aanvraag van Reyna Ziemann voor Margery Gibson is goedgekeurd."
        })
        .await?;
        log_out(&client).await?;

        // Reyna now has her mother's record in her menu, as her representative.
        log_in(&client, &base, &app, "reyna").await?;
        assert_eq!(
            record_menu(&client).await?,
            ["Reyna Ziemann", "Margery Gibson"]
        );
        nav(&client, "Gekoppelde dossiers").await?;
        wait_text(
            &client,
            "[data-testid=linked-record][data-name='Margery Gibson']",
            |t| t.contains("vertegenwoordiger"),
        )
        .await?;
        log_out(&client).await?;

        // Weeks later a doctor finds that Margery decides again: staff record it, with the
        // ground, and Reyna no longer acts in her place.
        log_in_staff(&client, &base, &app).await?;
        let row = "[data-testid=staff-incapacity][data-patient='Margery Gibson']";
        wait_text(&client, row, |t| t.contains("Reyna Ziemann")).await?;
        scroll_to(&client, row).await?;
        wait_css(&client, &format!("{row} [data-testid=capacity-regained]"))
            .await?
            .click()
            .await?;
        wait_text(&client, &format!("{row} .field-error"), |t| !t.is_empty()).await?;
        assert_accessible(&client, "the incapacities with an error").await?;
        fill(
            &client,
            &format!("{row} [data-testid=capacity-reason]"),
            "Attest dr. Gleason: mevrouw beslist weer zelf.",
        )
        .await?;
        wait_css(&client, &format!("{row} [data-testid=capacity-regained]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-incapacity-status]", |t| {
            t == "Vastgelegd: Margery Gibson beslist weer zelf."
        })
        .await?;
        wait_css(&client, "[data-testid=staff-incapacities-empty]").await?;
        log_out(&client).await?;
        log_in(&client, &base, &app, "reyna").await?;
        nav(&client, "Gekoppelde dossiers").await?;
        wait_css(&client, "[data-testid=linked-none]").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_who_cannot_log_in_asks_the_helpdesk_and_staff_answer_by_mail(
) -> anyhow::Result<()> {
    with_browser(768, 1024, |client, base, app| async move {
        // A real screenshot of the login page she is stuck on, taken by the browser.
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "#username").await?;
        let dir = tempfile::tempdir()?;
        let shot = dir.path().join("scherm.png");
        std::fs::write(&shot, client.screenshot().await?)?;

        // In French, without an account, on a tablet.
        client
            .find(Locator::Css(".lang-switch button[data-lang=fr]"))
            .await?
            .click()
            .await?;
        nav(&client, "Aide à la connexion").await?;
        let submit = "[data-testid=help-form-submit]";
        scroll_to(&client, submit).await?;
        wait_css(&client, submit).await?.click().await?;
        wait_text(&client, "#category-error", |t| {
            t == "Choisissez le sujet de votre question."
        })
        .await?;
        wait_text(&client, "#message-error", |t| {
            t == "Écrivez votre question."
        })
        .await?;
        wait_focus(&client, "#category").await?;
        assert_accessible(&client, "the help form with its errors").await?;

        wait_css(&client, "#category")
            .await?
            .select_by_value("code_card")
            .await?;
        fill(&client, "#name", "An Peeters").await?;
        fill(&client, "#email", "an.peeters@example.be").await?;
        fill(
            &client,
            "#message",
            "Ma carte de codes est tombée dans l'eau ; les codes sont illisibles.",
        )
        .await?;
        choose_file(&client, "#screenshot", &shot).await?;
        wait_css(&client, submit).await?.click().await?;
        let sent = wait_text(&client, "[data-testid=help-form-status]", |t| {
            t.starts_with("Votre question a été envoyée.")
        })
        .await?;
        let reference = sent
            .split_whitespace()
            .find(|w| w.starts_with("HD-"))
            .map(|w| {
                w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_owned()
            })
            .expect("the reference");
        no_horizontal_scrolling(&client).await?;
        save_screenshot(&client, "help-form-tablet.png").await?;

        // The helpdesk (in Dutch) reads it with the screenshot and answers.
        client
            .find(Locator::Css(".lang-switch button[data-lang=nl]"))
            .await?
            .click()
            .await?;
        log_in_staff(&client, &base, &app).await?;
        let case = format!("[data-testid=staff-help-case][data-reference='{reference}']");
        scroll_to(&client, &case).await?;
        wait_text(&client, &case, |t| {
            t.contains("An Peeters") && t.contains("zonder account") && t.contains("Mijn codekaart")
        })
        .await?;
        let link = wait_css(&client, &format!("{case} [data-testid=help-screenshot]")).await?;
        let href = link.attr("href").await?.unwrap_or_default();
        assert!(href.ends_with("/screenshot"), "{href}");
        wait_css(&client, &format!("{case} [data-testid=help-answer-send]"))
            .await?
            .click()
            .await?;
        wait_text(&client, &format!("{case} .field-error"), |t| {
            t == "Schrijf een antwoord."
        })
        .await?;
        let answer = "Vous recevrez une nouvelle carte par la poste cette semaine.";
        fill(&client, &format!("{case} textarea"), answer).await?;
        wait_css(&client, &format!("{case} [data-testid=help-answer-send]"))
            .await?
            .click()
            .await?;
        wait_text(&client, "[data-testid=staff-help-status]", |t| {
            t == format!("Het antwoord op {reference} is verstuurd.")
        })
        .await?;
        wait_css(&client, "[data-testid=staff-help-empty]").await?;
        assert_accessible(&client, "the back office after answering").await?;

        // The answer arrives by mail, in French.
        let mails = app.mails(1).await?;
        let (_, subject, body) = mails
            .iter()
            .find(|(to, ..)| to.contains("an.peeters@example.be"))
            .expect("the answer");
        assert_eq!(subject, &format!("Réponse du helpdesk ({reference})"));
        assert!(body.contains(answer), "{body}");
        Ok(())
    })
    .await
}

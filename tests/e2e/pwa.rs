//! The installable app: the manifest as Chromium reads it, the service worker that controls the
//! page, the offline notice (the browser offline, then the portal down), and the worker's rule
//! that no answer of the API, none of the medical record, is ever kept in its cache.

use std::time::Duration;

use fantoccini::{Client, Locator};
use inzage_tests::TestApp;

use crate::a11y::assert_accessible;
use crate::{choose_language, log_in, nav, save_screenshot, wait_css, wait_text, with_browser};

/// A Chrome DevTools Protocol command through chromedriver (`goog/cdp/execute`), for what
/// WebDriver has no command for: the manifest as the browser parsed it, and network emulation.
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

pub(crate) async fn cdp(
    client: &Client,
    cmd: &'static str,
    params: serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    Ok(client.issue_cmd(Cdp(cmd, params)).await?)
}

/// Runs an asynchronous script (its last argument is the callback) and returns what it gave.
async fn run_async(client: &Client, script: &str) -> anyhow::Result<serde_json::Value> {
    Ok(client.execute_async(script, vec![]).await?)
}

/// The URLs of every entry of every Cache Storage cache of the page's origin, by cache name.
const CACHED_URLS: &str = "const done = arguments[arguments.length - 1];
    (async () => {
      const out = {};
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        out[name] = (await cache.keys()).map((r) => r.url);
      }
      return out;
    })().then(done, (e) => done('error: ' + e));";

/// Waits until the service worker is active and controls the page; returns its script's URL.
async fn wait_for_controlling_worker(client: &Client) -> anyhow::Result<String> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let url = client
            .execute(
                "const c = navigator.serviceWorker && navigator.serviceWorker.controller; \
                 return c ? c.scriptURL : null;",
                vec![],
            )
            .await?;
        if let Some(url) = url.as_str() {
            return Ok(url.to_owned());
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "no service worker controls the page"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The size a PNG says it has (its IHDR chunk).
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(..8)? != b"\x89PNG\r\n\x1a\n" || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let word = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((word(16)?, word(20)?))
}

/// The manifest the page links to, as Chromium parsed it (no errors), with what a home screen
/// needs, and each icon served as what it says it is.
async fn check_manifest(client: &Client, app: &TestApp) -> anyhow::Result<()> {
    let linked = client
        .execute(
            "const l = document.querySelector('link[rel=manifest]'); return l && l.href;",
            vec![],
        )
        .await?;
    assert_eq!(
        linked.as_str(),
        Some(app.url("/manifest.webmanifest").as_str())
    );
    let parsed = cdp(client, "Page.getAppManifest", serde_json::json!({})).await?;
    assert_eq!(
        parsed["url"].as_str(),
        Some(app.url("/manifest.webmanifest").as_str()),
        "{parsed}"
    );
    assert_eq!(parsed["errors"], serde_json::json!([]), "{parsed}");
    let manifest: serde_json::Value =
        serde_json::from_str(parsed["data"].as_str().unwrap_or_default())?;
    assert_eq!(manifest["name"], "Inzage");
    assert_eq!(manifest["lang"], "nl");
    assert_eq!(manifest["start_url"], "/");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["theme_color"], "#0b5e7a");
    let icons = manifest["icons"].as_array().cloned().unwrap_or_default();
    let http = reqwest::Client::new();
    let mut seen = Vec::new();
    for icon in &icons {
        let src = icon["src"].as_str().unwrap_or_default();
        let res = http.get(app.url(src)).send().await?;
        assert_eq!(res.status(), 200, "{src}");
        let kind = icon["type"].as_str().unwrap_or_default().to_owned();
        assert_eq!(
            res.headers()["content-type"].to_str()?,
            kind.as_str(),
            "{src}"
        );
        let bytes = res.bytes().await?;
        if kind == "image/png" {
            let (w, h) = png_size(&bytes).unwrap_or_default();
            assert_eq!(
                format!("{w}x{h}"),
                icon["sizes"].as_str().unwrap_or_default(),
                "{src}"
            );
        }
        seen.push(format!(
            "{} {}",
            icon["sizes"].as_str().unwrap_or_default(),
            icon["purpose"].as_str().unwrap_or("any")
        ));
    }
    for needed in ["192x192 any", "512x512 any", "512x512 maskable", "any any"] {
        assert!(seen.iter().any(|s| s == needed), "{needed}: {seen:?}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_installs_opens_offline_and_never_caches_the_record() -> anyhow::Result<()> {
    with_browser(412, 915, |client, base, app| async move {
        client.goto(&format!("{base}/inloggen")).await?;
        wait_css(&client, "#username").await?;
        check_manifest(&client, &app).await?;

        // The worker registers itself and takes control of the page.
        let worker = wait_for_controlling_worker(&client).await?;
        assert_eq!(worker, format!("{base}/sw.js"));
        let cached = run_async(&client, CACHED_URLS).await?;
        let caches = cached.as_object().cloned().unwrap_or_default();
        assert_eq!(caches.len(), 1, "one cache, of this build: {cached}");
        let (name, urls) = caches
            .iter()
            .next()
            .map(|(n, u)| (n.clone(), u.clone()))
            .unwrap();
        assert!(name.starts_with("inzage-shell-"), "{name}");
        let urls: Vec<String> = serde_json::from_value(urls)?;
        for part in [
            "/index.html",
            "_bg.wasm",
            "/manifest.webmanifest",
            "/icons/icon-192.png",
            "/locales/en.ftl",
            "/locales/fr.ftl",
        ] {
            assert!(
                urls.iter().any(|u| u.contains(part)),
                "{part} not in the shell: {urls:?}"
            );
        }

        // A whole logged-in visit under the worker's control: reports, a report, results.
        log_in(&client, &base, &app, "margery").await?;
        wait_text(&client, "[data-testid=report-list]", |t| {
            t.contains("Ontslagbrief")
        })
        .await?;
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
        client.goto(&format!("{base}/resultaten")).await?;
        wait_css(&client, "[data-testid=results-table]").await?;
        let api_calls = client
            .execute(
                "return performance.getEntriesByType('resource') \
                   .filter((e) => e.name.includes('/api/')).length;",
                vec![],
            )
            .await?;
        assert!(api_calls.as_i64().unwrap_or_default() > 0, "{api_calls}");

        // The browser goes offline: the notice says so, politely announced, and goes away.
        let notice = "[data-testid=offline-notice]";
        assert_eq!(client.find(Locator::Css(notice)).await?.text().await?, "");
        let conditions = |offline: bool| {
            serde_json::json!({
                "offline": offline, "latency": 0,
                "downloadThroughput": -1, "uploadThroughput": -1,
            })
        };
        cdp(&client, "Network.enable", serde_json::json!({})).await?;
        cdp(
            &client,
            "Network.emulateNetworkConditions",
            conditions(true),
        )
        .await?;
        let text = wait_text(&client, notice, |t| !t.is_empty()).await?;
        assert!(text.starts_with("U bent offline."), "{text}");
        let region = wait_css(&client, notice).await?;
        assert_eq!(region.attr("role").await?.as_deref(), Some("status"));
        assert_eq!(region.attr("aria-live").await?.as_deref(), Some("polite"));
        assert_accessible(&client, "offline notice").await?;
        save_screenshot(&client, "offline-412.png").await?;
        // The French texts come from the worker's shell: the page speaks French offline too,
        // and the notice with it. Then back to Dutch.
        choose_language(&client, "fr").await?;
        wait_text(&client, notice, |t| t.starts_with("Vous êtes hors ligne.")).await?;
        choose_language(&client, "nl").await?;
        wait_text(&client, notice, |t| t.starts_with("U bent offline.")).await?;
        // A page opened meanwhile cannot load; the notice still says why.
        nav(&client, "Verslagen").await?;
        let error = wait_text(&client, "main .form-error", |t| !t.is_empty()).await?;
        assert!(
            error.starts_with("Geen verbinding met de server."),
            "{error}"
        );
        let text = client.find(Locator::Css(notice)).await?.text().await?;
        assert!(text.starts_with("U bent offline."), "{text}");
        // Back online, the notice goes away.
        cdp(
            &client,
            "Network.emulateNetworkConditions",
            conditions(false),
        )
        .await?;
        wait_text(&client, notice, str::is_empty).await?;

        // Not one answer of the API in any cache, after all that.
        let cached = run_async(&client, CACHED_URLS).await?;
        let all: Vec<String> = cached
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(|v| v.as_array())
            .flatten()
            .filter_map(|u| u.as_str().map(str::to_owned))
            .collect();
        assert!(!all.is_empty());
        assert!(
            all.iter().all(|u| !u.contains("/api/")),
            "the cache holds an API answer: {all:?}"
        );
        assert_eq!(
            all.len(),
            urls.len(),
            "the cache grew during the visit: {all:?}"
        );

        // The portal goes down. The app still opens, from the worker's shell, says the portal
        // cannot be reached, and shows nothing of the record.
        app.stop().await?;
        assert!(
            reqwest::get(app.url("/")).await.is_err(),
            "the server still answers"
        );
        client.goto(&format!("{base}/verslagen")).await?;
        let text = wait_text(&client, notice, |t| !t.is_empty()).await?;
        assert!(text.starts_with("Inzage is nu niet bereikbaar."), "{text}");
        let brand = client
            .find(Locator::Css(".brand-name"))
            .await?
            .text()
            .await?;
        assert_eq!(brand, "Inzage");
        // The page says it cannot reach the server instead of loading forever.
        wait_text(&client, "main .form-error[role=alert]", |t| {
            t.starts_with("Geen verbinding met de server.")
        })
        .await?;
        let page = client.find(Locator::Css("body")).await?.text().await?;
        assert!(!page.contains("Ontslagbrief"), "{page}");
        assert!(!page.contains("Margery"), "{page}");
        assert_accessible(&client, "the portal unreachable").await?;
        save_screenshot(&client, "unreachable-412.png").await?;
        Ok(())
    })
    .await
}

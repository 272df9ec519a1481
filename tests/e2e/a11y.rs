//! Accessibility measured in the real browser: axe-core (the npm package in `tools/`, pinned in
//! its lock and installed by `cargo xtask`) checks the page as Chromium rendered it against WCAG
//! 2.2 A and AA, and keyboard helpers press real keys through WebDriver actions, so focus moves
//! the way it does for a person without a mouse.
//!
//! Two variables help exploring: `INZAGE_AXE_TAGS=best-practice` checks other rules than WCAG's,
//! and `INZAGE_AXE_INCOMPLETE=1` prints what axe could not decide by itself, to review by eye.

use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::Context;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use serde::Deserialize;

/// The WCAG levels checked: every success criterion of level A and AA up to WCAG 2.2 that axe
/// can test automatically.
const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// The tags axe checks: [`WCAG_TAGS`], or for exploring, the comma-separated list in
/// `INZAGE_AXE_TAGS` (such as `best-practice`).
fn tags() -> Vec<String> {
    match std::env::var("INZAGE_AXE_TAGS") {
        Ok(list) if !list.trim().is_empty() => {
            list.split(',').map(|t| t.trim().to_owned()).collect()
        }
        _ => WCAG_TAGS.iter().map(|t| (*t).to_owned()).collect(),
    }
}

/// axe-core's browser bundle, read once per test run.
fn axe_source() -> anyhow::Result<&'static str> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules/axe-core/axe.min.js");
    SOURCE
        .get_or_init(|| {
            std::fs::read_to_string(&path).map_err(|e| {
                format!(
                    "reading {}: {e}; run `cargo xtask test`, which installs the npm tools",
                    path.display()
                )
            })
        })
        .as_deref()
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// One rule axe found broken, with every element that breaks it.
#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    #[serde(rename = "helpUrl")]
    help_url: String,
    nodes: Vec<Node>,
}

#[derive(Debug, Deserialize)]
struct Node {
    target: String,
    html: String,
    summary: String,
}

/// Runs axe-core on the page as it is now and fails with every violation: the rule, its impact,
/// what it asks for, and for each element its selector, its HTML and why it fails.
pub async fn assert_accessible(client: &Client, page: &str) -> anyhow::Result<()> {
    let violations = violations(client)
        .await
        .with_context(|| format!("running axe on {page}"))?;
    if violations.is_empty() {
        return Ok(());
    }
    let mut report = format!(
        "axe found {} accessibility violation(s) on {page} ({}):",
        violations.len(),
        client.current_url().await?
    );
    for v in &violations {
        report.push_str(&format!(
            "\n- {} ({}): {}\n  {}",
            v.id,
            v.impact.as_deref().unwrap_or("unknown impact"),
            v.help,
            v.help_url
        ));
        for n in &v.nodes {
            report.push_str(&format!(
                "\n    at `{}`: {}\n      {}",
                n.target,
                n.html,
                n.summary.replace('\n', "\n      ")
            ));
        }
    }
    anyhow::bail!(report)
}

async fn violations(client: &Client) -> anyhow::Result<Vec<Violation>> {
    // A page the app navigated to by itself keeps axe; a page loaded with `goto` needs it again.
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded.as_bool() != Some(true) {
        client.execute(axe_source()?, vec![]).await?;
    }
    let answer = client
        .execute_async(
            "const [tags, done] = arguments;
             axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
               .then(r => done({ checked: r.passes.length,
                 incomplete: r.incomplete.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' ' + (n.any[0] ? n.any[0].message : '')).join(' | ')),
                 violations: r.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                   nodes: v.nodes.map(n => ({
                     target: n.target.map(String).join(' '),
                     html: n.html,
                     summary: n.failureSummary || '',
                   })),
                 })) }))
               .catch(e => done({ error: String(e) }));",
            vec![serde_json::json!(tags())],
        )
        .await?;
    if let Some(error) = answer.get("error") {
        anyhow::bail!("axe.run failed: {error}");
    }
    if std::env::var_os("INZAGE_AXE_INCOMPLETE").is_some() {
        // What axe could not decide by itself (a contrast over an image, say), to review.
        eprintln!(
            "axe needs review: {:#}",
            answer.get("incomplete").cloned().unwrap_or_default()
        );
    }
    // A run that checked nothing (no rule matched the tags) would pass any page.
    anyhow::ensure!(
        answer.get("checked").and_then(|c| c.as_u64()).unwrap_or(0) > 0,
        "axe checked no rule on the page: {answer}"
    );
    Ok(serde_json::from_value(
        answer.get("violations").cloned().unwrap_or_default(),
    )?)
}

/// Presses a chord of keys (held down in order, released in reverse), as a person does: `Tab`,
/// `Shift` + `Tab`, `Enter`.
pub async fn press(client: &Client, keys: &[Key]) -> anyhow::Result<()> {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys {
        actions = actions.then(KeyAction::Down {
            value: char::from(*key),
        });
    }
    for key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up {
            value: char::from(*key),
        });
    }
    client.perform_actions(actions).await?;
    Ok(())
}

/// Types text into whatever has the focus, key by key.
pub async fn type_keys(client: &Client, text: &str) -> anyhow::Result<()> {
    let mut actions = KeyActions::new("keyboard".into());
    for c in text.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    client.perform_actions(actions).await?;
    Ok(())
}

/// The element that has the focus, described for assertions and messages.
#[derive(Debug, Deserialize, PartialEq, Eq, Clone)]
pub struct Focused {
    /// A short description: tag, id, classes, test id and text.
    pub describe: String,
    /// Whether the element is `<body>` or `<html>` (nothing in the page has the focus).
    pub nothing: bool,
    pub id: String,
    pub testid: String,
    pub tag: String,
    /// The element's place in document order, telling apart elements that read the same.
    pub index: i64,
    /// Whether the focus indicator can be seen: an outline or a box shadow.
    pub visible: bool,
}

/// Describes the focused element and whether its focus indicator shows.
pub async fn focused(client: &Client) -> anyhow::Result<Focused> {
    let value = client
        .execute(
            "const e = document.activeElement || document.body;
             const s = getComputedStyle(e);
             const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
             const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
             const text = (e.innerText || e.value || e.getAttribute('aria-label') || '')
               .trim().slice(0, 40);
             return {
               describe: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                 + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                 + (e.dataset && e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : '')
                 + (text ? ' \"' + text + '\"' : ''),
               nothing: e === document.body || e === document.documentElement,
               id: e.id || '',
               testid: (e.dataset && e.dataset.testid) || '',
               tag: e.tagName.toLowerCase(),
               index: [...document.querySelectorAll('*')].indexOf(e),
               visible: outline || shadow,
             };",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(value)?)
}

/// Presses Tab (or Shift+Tab with `back`) and checks that the element reached shows its focus.
pub async fn tab(client: &Client, back: bool) -> anyhow::Result<Focused> {
    if back {
        press(client, &[Key::Shift, Key::Tab]).await?;
    } else {
        press(client, &[Key::Tab]).await?;
    }
    let f = focused(client).await?;
    anyhow::ensure!(
        f.nothing || f.visible,
        "the focus on {} cannot be seen: no outline and no box shadow",
        f.describe
    );
    Ok(f)
}

/// Presses Tab until the focused element satisfies `want`, at most `limit` times, checking on
/// the way that every stop shows its focus; fails naming the stops when it never gets there.
pub async fn tab_to(
    client: &Client,
    what: &str,
    limit: usize,
    want: impl Fn(&Focused) -> bool,
) -> anyhow::Result<Focused> {
    let mut stops = Vec::new();
    for _ in 0..limit {
        let f = tab(client, false).await?;
        if want(&f) {
            return Ok(f);
        }
        stops.push(f.describe);
    }
    anyhow::bail!(
        "{limit} presses of Tab never reached {what}; the stops were:\n  {}",
        stops.join("\n  ")
    )
}

/// The number of elements the Tab key should reach on the page: visible, enabled, and not taken
/// out of the order with a negative tabindex.
pub async fn tab_stops(client: &Client) -> anyhow::Result<usize> {
    let n = client
        .execute(
            "const all = document.querySelectorAll(
               'a[href], button, input, select, textarea, summary, [tabindex]');
             return [...all].filter(e => !e.disabled && e.tabIndex >= 0
               && e.getClientRects().length > 0
               && getComputedStyle(e).visibility !== 'hidden'
               && !(e.type === 'radio' && !e.checked && document.querySelector(
                    'input[type=radio][name=\"' + e.name + '\"]:checked'))).length;",
            vec![],
        )
        .await?;
    n.as_u64()
        .map(|n| n as usize)
        .context("counting the tab stops")
}

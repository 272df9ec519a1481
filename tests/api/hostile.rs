//! Hostile input (issue 10, item 4), as a patient's browser could send it: uploads that are too
//! large by one byte, not what their name says, bombs, scripts hidden in a PDF, polyglots and
//! names with control characters; and SQL injection in every parameter of every operation that
//! reads one. Each is refused with a 4xx and the field's message, or stored harmlessly; nothing
//! is stored half-way and the database stays whole.

use inzage_domain::messaging::NewThread;
use inzage_domain::wire::{ErrorBody, Thread};
use inzage_server::store::VerifyOutcome;
use inzage_tests::documents::{pdf_with_object_stream, png, png_of_len, zlib};
use inzage_tests::{session_token, Db, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::Value;

use super::designations::PDF;
use super::messages::{message_form, thread};

on_both_backends!(
    hostile_uploads_are_refused_whole_with_the_fields_message,
    sql_in_any_parameter_is_only_text,
    a_slow_sender_holds_at_most_two_upload_turns,
    a_body_sent_slowly_but_steadily_is_refused_when_it_falls_behind,
    a_json_body_that_pauses_too_long_is_refused_saying_why,
);

/// The largest attachment, as `inzage_server::upload::MAX_FORM_BYTES`.
const MAX: usize = 5 * 1024 * 1024;

/// Files in the uploads folder, however deep.
fn stored_files(app: &TestApp) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| {
                let path = e.path();
                if path.is_dir() {
                    count(&path)
                } else {
                    1
                }
            })
            .sum()
    }
    count(&app.uploads_dir())
}

async fn rows(app: &TestApp, table: &str) -> anyhow::Result<i64> {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(app.store.pool())
        .await?;
    Ok(n)
}

async fn send(
    client: &Client,
    url: &str,
    files: &[(&str, &[u8])],
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .post(url)
        .multipart(message_form(&thread("Een vraag", "Zie bijlage."), files))
        .send()
        .await?)
}

async fn hostile_uploads_are_refused_whole_with_the_fields_message(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let url = app.url(&format!("/api/v1/records/{margery}/messages"));

    let exactly = png_of_len(MAX);
    let one_over = png_of_len(MAX + 1);
    let elf = b"\x7fELF\x02\x01\x01\0 a program named like a scan".to_vec();
    // A zip bomb's first bytes: a ZIP is no document, whatever it unpacks to.
    let mut zip = b"PK\x03\x04\x14\0\0\0\x08\0".to_vec();
    zip.extend_from_slice(&zlib(&vec![0; 1024 * 1024]));
    let escaped_script =
        b"%PDF-1.4\n1 0 obj << /S /JavaScript /J#53 (app.alert(1)) >> endobj\n%%EOF\n";
    let script = b"2 0 << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>";
    let hidden_script = pdf_with_object_stream("/FlateDecode", &zlib(script));
    // The same, compressed and then written as hexadecimal text (a chain of two filters).
    let hex: String = zlib(script).iter().map(|b| format!("{b:02x}")).collect();
    let encoded_script = pdf_with_object_stream("[/AHx /Fl]", format!("{hex}>").as_bytes());
    let pdf_bomb = pdf_with_object_stream("/FlateDecode", &zlib(&vec![b' '; 80 * 1024 * 1024]));
    let pixel_bomb = png(100_000, 100_000);
    let encrypted =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n";
    let refused: [(&str, &[u8], &str); 10] = [
        ("scan.png", &one_over, "upload.too_large"),
        ("scan.pdf", &elf, "upload.not_document"),
        ("scan.pdf", &zip, "upload.not_document"),
        (
            "scan.pdf",
            b"<html><script>alert(1)</script></html>",
            "upload.not_document",
        ),
        ("scan.pdf", escaped_script, "upload.active_content"),
        ("scan.pdf", &hidden_script, "upload.active_content"),
        ("scan.pdf", &encoded_script, "upload.active_content"),
        ("scan.pdf", encrypted, "upload.encrypted"),
        ("scan.pdf", &pdf_bomb, "upload.too_complex"),
        ("scan.png", &pixel_bomb, "upload.image_too_large"),
    ];
    let (threads, files) = (rows(&app, "message_threads").await?, stored_files(&app));
    for (name, bytes, key) in refused {
        // With a good document beside it, so that nothing is kept of a refused message.
        let res = send(&patient, &url, &[("ok.pdf", PDF), (name, bytes)]).await?;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{key}");
        let body: ErrorBody = res.json().await?;
        let message = body
            .fields
            .first("attachments")
            .expect("the field's message");
        assert_eq!(message.key, "messages.attachment_refused");
        let reason = message
            .args
            .iter()
            .find(|(k, _)| *k == "reason")
            .map(|(_, v)| v.as_str());
        assert_eq!(reason, Some(key), "{body:?}");
        assert!(body.text.is_some(), "a sentence to show next to the field");
    }
    assert_eq!(rows(&app, "message_threads").await?, threads);
    assert_eq!(
        stored_files(&app),
        files,
        "no file kept of a refused message"
    );

    // A NUL in a file's name breaks the part's headers: the request is refused as malformed,
    // with the API's error and nothing stored.
    let res = send(&patient, &url, &[("brief\u{0}.pdf", PDF)]).await?;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: ErrorBody = res.json().await?;
    assert_eq!(body.error, "bad_request");
    assert!(body.text.is_some());
    assert_eq!(rows(&app, "message_threads").await?, threads);

    // Exactly the limit passes; a polyglot (a PDF that is also a web page) passes as the PDF it
    // is, and comes back as a PDF download that no browser runs as a page; a name with
    // right-to-left override and isolate characters is stored without them.
    let polyglot: &[u8] =
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
    let res = send(
        &patient,
        &url,
        &[
            ("scan.png", &exactly),
            ("brief\u{202e}\u{2066}fdp.html", polyglot),
        ],
    )
    .await?;
    assert_eq!(res.status(), StatusCode::CREATED);
    let started: Thread = res.json().await?;
    let message = &started.messages[0];
    assert_eq!(message.attachments[1].name, "brieffdp.html");
    assert_eq!(message.attachments[1].media_type, "application/pdf");
    let download = patient
        .get(app.url(&format!(
            "/api/v1/records/{margery}/messages/{}/attachments/{}/2",
            started.summary.id, message.id
        )))
        .send()
        .await?;
    assert_eq!(download.status(), StatusCode::OK);
    let header = |name: &str| {
        download
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("content-disposition").starts_with("attachment;"));
    assert!(header("content-security-policy").contains("default-src"));
    assert_eq!(download.bytes().await?.as_ref(), polyglot);

    // A body beyond what the operation takes at all is cut off before it is read whole.
    let huge = vec![0u8; 40 * 1024 * 1024];
    let res = send(&patient, &url, &[("a.png", &huge)]).await?;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: ErrorBody = res.json().await?;
    assert!(body.text.is_some());
    assert_eq!(rows(&app, "message_threads").await?, threads + 1);
    Ok(())
}

/// Strings that end a SQL string or statement, in several dialects.
const SQL: [&str; 6] = [
    "' OR '1'='1",
    "1; DROP TABLE patients; --",
    "\" OR 1=1 --",
    "x') UNION SELECT id, given_name FROM patients --",
    "%' AND 1=0 UNION SELECT NULL --",
    "1' AND pg_sleep(1) IS NULL --",
];

async fn sql_in_any_parameter_is_only_text(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let patient = app.signed_in("margery").await?;
    let document: Value = patient
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await?
        .json()
        .await?;
    let (patients, reports) = (rows(&app, "patients").await?, rows(&app, "reports").await?);
    let mut sent = 0;
    let mut failures = Vec::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        let Some(op) = item.get("get") else {
            continue;
        };
        let params: Vec<(&str, &str)> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some((p["name"].as_str()?, p["in"].as_str()?)))
            .collect();
        // The identity providers' routes send the browser elsewhere; they read no data.
        if params.is_empty() || path.contains("/oidc/") {
            continue;
        }
        for (name, place) in &params {
            for payload in SQL {
                let attack = urlencoding(payload);
                // The record is Margery's, other ids are `1`, unless under attack.
                let mut url = path.clone();
                for (other, _) in params.iter().filter(|(_, place)| *place == "path") {
                    let value = match (other == name, *other) {
                        (true, _) => attack.as_str(),
                        (false, "record") => margery.as_str(),
                        (false, _) => "1",
                    };
                    url = url.replace(&format!("{{{other}}}"), value);
                }
                if *place == "query" {
                    url = format!("{url}?{name}={attack}");
                }
                let res = patient.get(app.url(&url)).send().await?;
                sent += 1;
                let status = res.status();
                if status.is_server_error() {
                    failures.push(format!("{url}: {status}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "server errors:\n{}",
        failures.join("\n")
    );
    assert!(sent > 200, "only {sent} requests");
    assert_eq!(rows(&app, "patients").await?, patients);
    assert_eq!(rows(&app, "reports").await?, reports);
    assert_eq!(
        app.store.verify_audit().await?,
        VerifyOutcome::Intact {
            entries: rows(&app, "audit_log").await?
        }
    );
    Ok(())
}

/// Percent-encodes everything but letters and digits, for a path segment or a query value.
fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// An upload whose headers and first bytes are sent, and whose body then pauses: the open
/// connection, to read the answer from later.
async fn stalled_upload(
    app: &TestApp,
    path: &str,
    token: &str,
) -> anyhow::Result<tokio::net::TcpStream> {
    let form = "--stalled\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nHalf";
    let kind = "multipart/form-data; boundary=stalled";
    stalled_body(app, "POST", path, token, kind, form).await
}

/// A request to `path` whose headers and `start` are sent, with a body announced as 100,000
/// bytes of `content_type` that then pauses: the open connection, to read the answer from
/// later.
async fn stalled_body(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    content_type: &str,
    start: &str,
) -> anyhow::Result<tokio::net::TcpStream> {
    use tokio::io::AsyncWriteExt;
    let mut socket = tokio::net::TcpStream::connect(app.addr).await?;
    let cookie = inzage_server::auth::SESSION_COOKIE;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}={token}\r\n\
         Content-Type: {content_type}\r\nContent-Length: 100000\r\n\r\n{start}",
        app.addr
    );
    socket.write_all(head.as_bytes()).await?;
    socket.flush().await?;
    Ok(socket)
}

/// The answer on `socket`: its head and its JSON body (read until the body's last brace).
async fn answer(socket: &mut (impl tokio::io::AsyncRead + Unpin)) -> anyhow::Result<String> {
    use tokio::io::AsyncReadExt;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut answer = Vec::new();
    loop {
        let mut piece = vec![0; 4096];
        let n = tokio::time::timeout_at(deadline, socket.read(&mut piece)).await??;
        answer.extend_from_slice(&piece[..n]);
        let text = String::from_utf8_lossy(&answer);
        let whole = text
            .split_once("\r\n\r\n")
            .is_some_and(|(_, body)| body.trim_end().ends_with('}'));
        if n == 0 || whole {
            return Ok(text.into_owned());
        }
    }
}

/// A person who sends uploads slowly holds at most two of the server's upload turns; a third
/// waits for one of them, while other people's uploads go on. A body that pauses longer than the
/// server allows is refused, and its turn given back.
async fn a_slow_sender_holds_at_most_two_upload_turns(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn_with(db, |c| {
        c.body_idle = std::time::Duration::from_secs(3);
    })
    .await?;
    let margery = app.id_of("margery");
    let path = format!("/api/v1/records/{margery}/messages");
    let token = session_token(&app, "margery").await?;
    let mut first = stalled_upload(&app, &path, &token).await?;
    let mut second = stalled_upload(&app, &path, &token).await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    // The same account, even from another session, waits for a third turn.
    let patient = app.signed_in("margery").await?;
    let attachment = png(40, 40);
    let third = tokio::spawn({
        let (patient, url, attachment) = (patient.clone(), app.url(&path), attachment.clone());
        async move {
            let files: &[(&str, &[u8])] = &[("scan.png", &attachment)];
            send(&patient, &url, files).await.map(|r| r.status())
        }
    });
    // Someone else's upload is served meanwhile.
    let sherron = app.id_of("sherron");
    let other = app.signed_in("sherron").await?;
    let rows = app.store.record_rows(&sherron).await?.unwrap();
    let question = NewThread {
        hospital: rows.reports[0].hospital_id.clone(),
        ..thread("Een vraag", "Zie bijlage.")
    };
    let files: &[(&str, &[u8])] = &[("scan.png", &attachment)];
    let res = other
        .post(app.url(&format!("/api/v1/records/{sherron}/messages")))
        .multipart(message_form(&question, files))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    assert!(!third.is_finished(), "the third upload waits for a turn");

    // The paused bodies are refused once they pause too long, saying why, and give their
    // turns back.
    for socket in [&mut first, &mut second] {
        let answer = answer(socket).await?;
        assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
        assert!(answer.contains(r#""error":"too_slow""#), "{answer}");
        assert!(answer.contains(r#""key":"upload.too_slow""#), "{answer}");
    }
    assert_eq!(third.await??, StatusCode::CREATED);
    Ok(())
}

/// A JSON body that pauses longer than the server allows is refused the same way as an upload,
/// in words that speak of a request, not of a file; nothing of it is kept.
async fn a_json_body_that_pauses_too_long_is_refused_saying_why(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn_with(db, |c| {
        c.body_idle = std::time::Duration::from_secs(2);
    })
    .await?;
    let token = session_token(&app, "margery").await?;
    let path = "/api/v1/me/language";
    let mut socket = stalled_body(
        &app,
        "PUT",
        path,
        &token,
        "application/json",
        r#"{"language":"fr""#,
    )
    .await?;
    let answer = answer(&mut socket).await?;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains(r#""error":"too_slow""#), "{answer}");
    assert!(answer.contains(r#""key":"error.too_slow""#), "{answer}");
    assert!(
        answer.contains("Uw verzoek kwam te traag binnen"),
        "{answer}"
    );
    // The language was not changed half-way.
    let patient = app.signed_in("margery").await?;
    let me: Value = patient
        .get(app.url("/api/v1/me"))
        .send()
        .await?
        .json()
        .await?;
    assert_ne!(me["language"], "fr", "{me}");
    Ok(())
}

/// A body that never pauses long but comes too slowly on average (a hundred bytes every quarter
/// of a second, 400 bytes per second, against the 4,000 allowed here) is refused once it falls
/// behind, and gives its upload turn back; an upload at a normal speed passes.
async fn a_body_sent_slowly_but_steadily_is_refused_when_it_falls_behind(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn_with(db, |c| {
        c.body_idle = std::time::Duration::from_secs(2);
        c.body_min_rate = 4_000;
    })
    .await?;
    let margery = app.id_of("margery");
    let path = format!("/api/v1/records/{margery}/messages");
    let token = session_token(&app, "margery").await?;
    // Both of Margery's turns, held by trickling bodies.
    let mut trickles = Vec::new();
    for _ in 0..2 {
        let (mut reply, mut body) = stalled_upload(&app, &path, &token).await?.into_split();
        let writer = tokio::spawn(async move {
            use tokio::io::AsyncWriteExt;
            // Until the server closes the connection (or 25 s, far past the test's patience).
            for _ in 0..100 {
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
                if body.write_all(&[b'x'; 100]).await.is_err() {
                    break;
                }
            }
        });
        let reply = tokio::spawn(async move { answer(&mut reply).await });
        trickles.push((writer, reply));
    }
    for (writer, reply) in trickles {
        let reply = reply.await??;
        assert!(reply.starts_with("HTTP/1.1 400"), "{reply}");
        assert!(reply.contains(r#""error":"too_slow""#), "{reply}");
        writer.abort();
    }
    // The turns are back: Margery's next upload, at a normal speed, is served.
    let patient = app.signed_in("margery").await?;
    let files: &[(&str, &[u8])] = &[("scan.png", &png(40, 40))];
    let res = send(&patient, &app.url(&path), files).await?;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    Ok(())
}

//! The authorization matrix (issue 10, item 2): every record operation of the published OpenAPI
//! document, as every kind of person, on the record they relate to, on a record that is not
//! theirs and on one that does not exist. The expected answer of each request comes from the
//! domain crate's `decide` over the record's stored facts, not from a table written here:
//!
//! - no session: 401, and nothing is logged;
//! - no such record: 404, and nothing is logged;
//! - permitted: 200, and a read of the record writes exactly one audit entry;
//! - refused, the person may read the record but not do this: 403 and one deny entry;
//! - refused, the person may not read it: 404 and one deny entry, with the same status and body
//!   as for a record that does not exist (a foreign id reveals nothing).
//!
//! The revocations (the GP's access refused, a treating specialist excluded) are made through
//! the API and checked on the very next request.
//!
//! Operations left out of the matrix are listed in [`NOT_IN_MATRIX`] with the reason and the
//! tests that cover them; the test fails when the document has a record operation that is in
//! neither list.

use std::collections::BTreeMap;

use anyhow::Context;
use inzage_domain::access::{decide, Action, Facts, Patient, Principal, Request, Resource};
use inzage_domain::calendar::parse_iso_date;
use inzage_domain::manage::AccessCommand;
use inzage_domain::{Fact, Period, PersonId, PractitionerId};
use inzage_server::clock::Clock;
use inzage_server::network::Network;
use inzage_server::store::FactRow;
use inzage_tests::{browser, demo_network, Db, TestApp, TEST_START};
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;

on_both_backends!(every_record_operation_answers_as_the_domain_decides);

/// One operation of the matrix: its method, its path (with `{record}` and the ids it needs),
/// the query it is sent with, and the action the domain decides for it.
struct Operation {
    method: Method,
    path: &'static str,
    query: &'static str,
    action: Action,
}

const fn get(path: &'static str, query: &'static str, action: Action) -> Operation {
    Operation {
        method: Method::GET,
        path,
        query,
        action,
    }
}

/// The record operations in the matrix. A `POST /access` is sent with a command whose action is
/// the one given here ([`AccessCommand::OptOutOfReuse`], which changes no access decision).
const OPERATIONS: &[Operation] = &[
    get("/api/v1/records/{record}/reports", "", Action::Read),
    get("/api/v1/records/{record}/reports/{id}", "", Action::Read),
    get(
        "/api/v1/records/{record}/reports/{id}/pdf",
        "",
        Action::Read,
    ),
    get("/api/v1/records/{record}/pdf", "", Action::Read),
    get("/api/v1/records/{record}/results", "", Action::Read),
    get("/api/v1/records/{record}/results/{code}", "", Action::Read),
    get("/api/v1/records/{record}/summary", "", Action::Read),
    get("/api/v1/records/{record}/personal-data", "", Action::Read),
    get("/api/v1/records/{record}/medications", "", Action::Read),
    get("/api/v1/records/{record}/leaflets", "", Action::Read),
    get("/api/v1/records/{record}/appointments", "", Action::Read),
    get("/api/v1/records/{record}/search", "q=a", Action::Read),
    get("/api/v1/records/{record}/release", "", Action::Read),
    get("/api/v1/fhir/Patient/{id}/$everything", "", Action::Read),
    get("/api/v1/records/{record}/access", "", Action::ManageAccess),
    get(
        "/api/v1/records/{record}/view-as",
        "kind={named_kind}&id={named_id}",
        Action::ManageAccess,
    ),
    get("/api/v1/records/{record}/audit", "", Action::ManageAccess),
    get("/api/v1/records/{record}/shares", "", Action::ManageAccess),
    get(
        "/api/v1/records/{record}/designations",
        "",
        Action::ManageAccess,
    ),
    get(
        "/api/v1/records/{record}/appointments/slots",
        "",
        Action::ManageAppointments,
    ),
    get("/api/v1/records/{record}/requests", "", Action::RequestCopy),
    get("/api/v1/records/{record}/messages", "", Action::RequestCopy),
    Operation {
        method: Method::POST,
        path: "/api/v1/records/{record}/access",
        query: "",
        action: Action::OptOutOfDataReuse,
    },
];

/// Record operations not in the matrix, with the reason and where they are tested.
const NOT_IN_MATRIX: &[(&str, &str)] = &[
    (
        "POST /api/v1/staff/incapacities/{record}/end",
        "staff only, by the record's id: tests/api/representation.rs",
    ),
    (
        "GET /api/v1/records",
        "the person's own list of records: tests/api/links.rs",
    ),
    (
        "GET /api/v1/records/{record}/reports/{id}/documents/{index}",
        "needs a report with a document: tests/api/sections.rs",
    ),
    (
        "POST /api/v1/records/{record}/appointments",
        "a booking needs a free slot: tests/api/appointments.rs",
    ),
    (
        "POST /api/v1/records/{record}/appointments/{id}/move",
        "needs an appointment and a slot: tests/api/appointments.rs",
    ),
    (
        "POST /api/v1/records/{record}/appointments/{id}/cancel",
        "needs a cancellable appointment: tests/api/appointments.rs",
    ),
    (
        "GET /api/v1/records/{record}/appointments/{id}/video",
        "decided by the appointment (domain video::may_join), not the record: tests/api/video.rs",
    ),
    (
        "GET /api/v1/records/{record}/appointments/{id}/video/signal",
        "a WebSocket, decided like the room: tests/api/video.rs",
    ),
    (
        "POST /api/v1/records/{record}/designations",
        "a signed form upload: tests/api/designations.rs",
    ),
    (
        "PUT /api/v1/records/{record}/release",
        "tests/api/release.rs",
    ),
    (
        "POST /api/v1/records/{record}/shares",
        "tests/api/shares.rs",
    ),
    (
        "POST /api/v1/records/{record}/shares/{id}/revoke",
        "needs a share: tests/api/shares.rs",
    ),
    (
        "POST /api/v1/records/{record}/requests",
        "tests/api/requests.rs",
    ),
    (
        "POST /api/v1/records/{record}/requests/{id}/answer",
        "needs a request: tests/api/requests.rs",
    ),
    (
        "GET /api/v1/records/{record}/requests/{id}/delivery",
        "needs a delivered request: tests/api/requests.rs",
    ),
    (
        "POST /api/v1/records/{record}/messages",
        "a multipart message: tests/api/messages.rs",
    ),
    (
        "GET /api/v1/records/{record}/messages/{thread}",
        "needs a thread: tests/api/messages.rs",
    ),
    (
        "POST /api/v1/records/{record}/messages/{thread}",
        "needs a thread: tests/api/messages.rs",
    ),
    (
        "GET /api/v1/records/{record}/messages/{thread}/attachments/{message}/{index}",
        "needs an attachment: tests/api/messages.rs",
    ),
];

/// What the domain's decision means for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// No session: 401, nothing logged.
    Unauthenticated,
    /// No such record: 404, nothing logged.
    Missing,
    /// Refused, and the person may not read the record: 404, one deny entry.
    Hidden,
    /// Refused, but the person may read the record: 403, one deny entry.
    Forbidden,
    /// Permitted: 200.
    Permitted,
}

/// A record of the demo and the ids its operations need, found as its own patient sees it.
struct RecordIds {
    id: String,
    report: Option<String>,
    code: Option<String>,
    /// Someone the record names, for `view-as`: (`practitioner` or `person`, id).
    named: (&'static str, String),
}

/// Someone sending requests: a name for the failure messages, a client, and their principal
/// (`None`: no session).
struct Who {
    name: &'static str,
    client: Client,
    principal: Option<Principal>,
}

async fn who(app: &TestApp, name: &'static str, username: &str) -> anyhow::Result<Who> {
    Ok(Who {
        name,
        client: app.signed_in(username).await?,
        principal: Some(app.login_of(username).subject.principal()),
    })
}

/// The record's facts as the server loads them, for the domain to decide on; `None` when
/// there is no such record.
async fn facts_of(app: &TestApp, network: &Network, record: &str) -> anyhow::Result<Option<Facts>> {
    let Some(patient) = app.store.patient(record).await? else {
        return Ok(None);
    };
    let facts = app
        .store
        .facts_of(record)
        .await?
        .iter()
        .map(FactRow::to_fact)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let birth_date = patient
        .birth_date
        .as_deref()
        .map(|d| parse_iso_date(d).context("a stored birth date that is not one"))
        .transpose()?;
    anyhow::ensure!(
        patient.deceased_at.is_none(),
        "the matrix has no deceased patient"
    );
    Ok(Some(Facts {
        patient: Patient {
            id: PersonId(record.to_owned()),
            birth_date,
            died_at: None,
        },
        hospital: network.record_policy(&app.store.report_hospitals(record).await?),
        facts,
    }))
}

fn expect(who: &Who, facts: Option<&Facts>, action: Action, now: time::OffsetDateTime) -> Expect {
    let Some(principal) = &who.principal else {
        return Expect::Unauthenticated;
    };
    let Some(facts) = facts else {
        return Expect::Missing;
    };
    let decide = |action| {
        decide(
            &Request {
                principal: principal.clone(),
                action,
                resource: Resource::Record,
            },
            facts,
            now,
        )
        .is_permitted()
    };
    if decide(action) {
        Expect::Permitted
    } else if action != Action::Read && decide(Action::Read) {
        Expect::Forbidden
    } else {
        Expect::Hidden
    }
}

/// The operation's URL on `record`, or `None` when the record has no id the path needs.
fn url_of(app: &TestApp, op: &Operation, record: &RecordIds) -> Option<String> {
    // The FHIR operation names the record (the Patient resource) `{id}`.
    let mut path = op
        .path
        .replace("{record}", &record.id)
        .replace("Patient/{id}", &format!("Patient/{}", record.id));
    if path.contains("{id}") {
        path = path.replace("{id}", record.report.as_deref()?);
    }
    if path.contains("{code}") {
        path = path.replace("{code}", record.code.as_deref()?);
    }
    let query = op
        .query
        .replace("{named_kind}", record.named.0)
        .replace("{named_id}", &record.named.1);
    Some(if query.is_empty() {
        app.url(&path)
    } else {
        app.url(&format!("{path}?{query}"))
    })
}

async fn audit_entries(app: &TestApp) -> anyhow::Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
        .fetch_one(app.store.pool())
        .await?;
    Ok(n)
}

/// One answer: its status and body (JSON when it is, else its length).
#[derive(Debug, PartialEq)]
struct Answer {
    status: StatusCode,
    body: Value,
}

async fn send(client: &Client, op: &Operation, url: &str) -> anyhow::Result<Answer> {
    let mut req = client.request(op.method.clone(), url);
    if op.method == Method::POST {
        req = req.json(&AccessCommand::OptOutOfReuse);
    }
    let res = req.send().await?;
    let status = res.status();
    let bytes = res.bytes().await?;
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::from(bytes.len()));
    Ok(Answer { status, body })
}

/// Sends every operation as `who` on each record and checks each answer against the domain;
/// returns the mismatches. `records`: the record they relate to and one that is another's;
/// `missing`: one that does not exist.
async fn check(
    app: &TestApp,
    network: &Network,
    who: &Who,
    records: &[&RecordIds],
    missing: &RecordIds,
    checked: &mut BTreeMap<String, usize>,
) -> anyhow::Result<Vec<String>> {
    let now = app.clock.now();
    // The missing record first: the others' refusals are compared with its answer. The facts
    // are read once: the matrix's only write (opting out of reuse) changes no decision.
    let mut targets = Vec::new();
    for record in std::iter::once(missing).chain(records.iter().copied()) {
        targets.push((record, facts_of(app, network, &record.id).await?));
    }
    let mut mismatches = Vec::new();
    for op in OPERATIONS {
        let mut missing_answer = None;
        for (record, facts) in &targets {
            let Some(url) = url_of(app, op, record) else {
                continue;
            };
            let expected = expect(who, facts.as_ref(), op.action, now);
            let before = audit_entries(app).await?;
            let answer = send(&who.client, op, &url).await?;
            let logged = audit_entries(app).await? - before;
            *checked
                .entry(format!("{}: {expected:?}", who.name))
                .or_default() += 1;
            let status_ok = match expected {
                Expect::Unauthenticated => answer.status == StatusCode::UNAUTHORIZED,
                Expect::Missing | Expect::Hidden => answer.status == StatusCode::NOT_FOUND,
                Expect::Forbidden => answer.status == StatusCode::FORBIDDEN,
                // Opting out twice is a conflict, not a refusal.
                Expect::Permitted => {
                    answer.status == StatusCode::OK
                        || (op.method == Method::POST && answer.status == StatusCode::CONFLICT)
                }
            };
            let logged_ok = match expected {
                Expect::Unauthenticated | Expect::Missing => logged == 0,
                Expect::Hidden | Expect::Forbidden => logged == 1,
                Expect::Permitted if op.action == Action::Read => logged == 1,
                // Looking at one's access settings is logged once; a change once, with what changed.
                Expect::Permitted => logged <= 1,
            };
            if !status_ok || !logged_ok {
                mismatches.push(format!(
                    "{} {} {url}: expected {expected:?}, got {} with {logged} audit entries: {}",
                    who.name, op.method, answer.status, answer.body
                ));
            }
            // A record that is not theirs answers exactly like one that does not exist.
            if expected == Expect::Hidden && missing_answer.as_ref() != Some(&answer) {
                mismatches.push(format!(
                    "{} {} {url}: a foreign record answers {} {}, a missing one {:?}",
                    who.name, op.method, answer.status, answer.body, missing_answer
                ));
            }
            if std::ptr::eq(*record, missing) {
                missing_answer = Some(answer);
            }
        }
    }
    Ok(mismatches)
}

/// The ids a record's operations need, as its own patient finds them.
async fn record_ids(
    app: &TestApp,
    patient: &str,
    named: (&'static str, String),
) -> anyhow::Result<RecordIds> {
    let client = app.signed_in(patient).await?;
    let id = app.id_of(patient);
    let list: Value = client
        .get(app.url(&format!("/api/v1/records/{id}/reports")))
        .send()
        .await?
        .json()
        .await?;
    let results: Value = client
        .get(app.url(&format!("/api/v1/records/{id}/results")))
        .send()
        .await?
        .json()
        .await?;
    let first = |v: &Value, list: &str, field: &str| v[list][0][field].as_str().map(str::to_owned);
    Ok(RecordIds {
        report: first(&list, "reports", "id"),
        code: first(&results, "tests", "code"),
        id,
        named,
    })
}

async fn insert_fact(app: &TestApp, record: &str, fact: &Fact) -> anyhow::Result<()> {
    let mut tx = app.store.begin().await?;
    tx.insert_fact(&FactRow::from_fact(record, fact)).await?;
    tx.commit().await?;
    Ok(())
}

async fn set_birth_date(app: &TestApp, record: &str, date: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE patients SET birth_date = $1 WHERE id = $2")
        .bind(date.to_owned())
        .bind(record.to_owned())
        .execute(app.store.pool())
        .await?;
    Ok(())
}

async fn every_record_operation_answers_as_the_domain_decides(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;

    // Every record operation of the document is in the matrix or listed as left out.
    let document: Value = browser()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await?
        .json()
        .await?;
    let mut unlisted = Vec::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        if !path.contains("{record}") && path != "/api/v1/records" {
            continue;
        }
        for method in item.as_object().into_iter().flatten().map(|(m, _)| m) {
            let name = format!("{} {path}", method.to_uppercase());
            let in_matrix = OPERATIONS
                .iter()
                .any(|op| op.path == path && op.method.as_str().eq_ignore_ascii_case(method));
            if !in_matrix && !NOT_IN_MATRIX.iter().any(|(n, _)| *n == name) {
                unlisted.push(name);
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "record operations in neither list: {unlisted:?}"
    );
    for op in OPERATIONS {
        let method = op.method.as_str().to_lowercase();
        let documented = document["paths"][op.path][method.as_str()].is_object();
        assert!(
            documented,
            "{} {} is not in the document",
            op.method, op.path
        );
    }

    let network = demo_network()?;
    let margery = app.id_of("margery");
    let reyna = app.id_of("reyna");
    let noor = app.id_of("noor");
    let gp = PractitionerId(app.id_of("dr.weimann"));
    let specialist = PractitionerId(app.id_of("dr.gleason"));

    let margery_ids = record_ids(&app, "margery", ("practitioner", gp.0.clone())).await?;
    let reyna_ids = record_ids(&app, "reyna", ("practitioner", app.id_of("dr.schroeder"))).await?;
    let noor_ids = record_ids(&app, "noor", ("person", reyna.clone())).await?;
    let missing = RecordIds {
        id: uuid::Uuid::new_v4().to_string(),
        report: margery_ids.report.clone(),
        code: margery_ids.code.clone(),
        named: margery_ids.named.clone(),
    };
    assert!(margery_ids.report.is_some() && margery_ids.code.is_some());

    // A trusted person of Margery's (Sherron), and Reyna, who has parental authority over Noor
    // (the Netherlands).
    let since = Period::since(TEST_START - time::Duration::days(1));
    insert_fact(
        &app,
        &margery,
        &Fact::TrustedPerson {
            person: PersonId(app.id_of("sherron")),
            period: since,
        },
    )
    .await?;
    insert_fact(
        &app,
        &noor,
        &Fact::ParentalAuthority {
            parent: PersonId(reyna.clone()),
            period: since,
        },
    )
    .await?;

    let anonymous = Who {
        name: "anonymous",
        client: browser(),
        principal: None,
    };
    let patient = who(&app, "patient", "margery").await?;
    let other_patient = who(&app, "another patient", "reyna").await?;
    let gp_who = who(&app, "GP", "dr.weimann").await?;
    let referrer = who(&app, "referrer without consent", "dr.kshlerin").await?;
    let treating = who(&app, "treating specialist", "dr.gleason").await?;
    let trusted = who(&app, "trusted person", "sherron").await?;
    let staff = who(&app, "staff", "ombuds").await?;
    let parent = who(&app, "parent", "reyna").await?;

    let mut checked = BTreeMap::new();
    let mut mismatches = Vec::new();
    for w in [
        &anonymous,
        &patient,
        &other_patient,
        &gp_who,
        &referrer,
        &treating,
        &trusted,
        &staff,
    ] {
        mismatches.extend(
            check(
                &app,
                &network,
                w,
                &[&margery_ids, &reyna_ids],
                &missing,
                &mut checked,
            )
            .await?,
        );
    }

    // The parent of a Dutch child under 12, of 12 to 15 without and with the child's consent,
    // and of 16 or older.
    for (born, consent) in [
        ("2016-01-10", false),
        ("2013-06-15", false),
        ("2013-06-15", true),
        ("2009-01-10", true),
    ] {
        set_birth_date(&app, &noor, born).await?;
        if consent {
            insert_fact(
                &app,
                &noor,
                &Fact::ChildConsent {
                    parent: PersonId(reyna.clone()),
                    period: since,
                },
            )
            .await?;
        }
        let before = mismatches.len();
        mismatches.extend(
            check(
                &app,
                &network,
                &parent,
                &[&noor_ids, &margery_ids],
                &missing,
                &mut checked,
            )
            .await?,
        );
        for m in &mut mismatches[before..] {
            m.insert_str(0, &format!("(child born {born}, consent {consent}) "));
        }
    }

    // Margery refuses her GP and excludes her treating specialist; both apply to the very
    // next request.
    let patient_client = &patient.client;
    for command in [
        AccessCommand::RefuseGp,
        AccessCommand::Exclude {
            practitioner: specialist.clone(),
        },
    ] {
        let res = patient_client
            .post(app.url(&format!("/api/v1/records/{margery}/access")))
            .json(&command)
            .send()
            .await?;
        assert_eq!(res.status(), StatusCode::OK, "{command:?}");
    }
    let revoked_gp = Who {
        name: "GP after the refusal",
        ..gp_who
    };
    let excluded = Who {
        name: "excluded specialist",
        ..treating
    };
    for w in [&revoked_gp, &excluded] {
        mismatches.extend(check(&app, &network, w, &[&margery_ids], &missing, &mut checked).await?);
    }

    // Within a record the person may read, another record's report answers like a missing
    // one.
    let foreign_report = reyna_ids.report.as_deref().expect("Reyna has reports");
    let read = |report: &str| app.url(&format!("/api/v1/records/{margery}/reports/{report}"));
    let foreign = patient_client.get(read(foreign_report)).send().await?;
    let (foreign_status, foreign_body) = (foreign.status(), foreign.text().await?);
    let absent = patient_client.get(read("no-such-report")).send().await?;
    assert_eq!(
        (foreign_status, foreign_body),
        (absent.status(), absent.text().await?),
        "another record's report and a missing one"
    );
    assert_eq!(foreign_status, StatusCode::NOT_FOUND);

    assert!(
        mismatches.is_empty(),
        "{} of {} requests did not answer as the domain decides:\n{}",
        mismatches.len(),
        checked.values().sum::<usize>(),
        mismatches.join("\n")
    );
    // Every kind of answer was expected somewhere, so none of the checks above is idle.
    let total: usize = checked.values().sum();
    for kind in [
        "Unauthenticated",
        "Missing",
        "Hidden",
        "Forbidden",
        "Permitted",
    ] {
        assert!(
            checked.keys().any(|k| k.ends_with(kind)),
            "no request expected {kind}: {checked:?}"
        );
    }
    println!("{total} requests, as the domain decided: {checked:#?}");
    Ok(())
}

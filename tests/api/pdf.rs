//! The record as PDF: one report and the whole record, decided and audited like the JSON
//! endpoints, read back with a PDF text extractor.

use base64::Engine;
use inzage_domain::wire::{AuditPage, ReportDetail, ReportList};
use inzage_domain::Principal;
use reqwest::StatusCode;
use serde_json::json;

use inzage_tests::{browser, Db, TestApp};

on_both_backends!(
    a_report_downloads_as_a_pdf_in_the_persons_language,
    the_whole_record_pdf_holds_exactly_the_readable_reports,
    a_pdf_of_someone_elses_or_a_hidden_report_answers_like_the_json,
    every_download_is_in_the_audit_trail,
    a_letters_pdf_is_served_as_its_report_is_and_a_hostile_one_is_refused_at_import,
);

/// A lab report for Margery with Dutch and French characters, reference ranges and a text long
/// enough to need several pages.
const LAB: &str = "pdf-test-labo";
const LAB_TITLE: &str = "Labo: créatinine en ferritine – één controle";

async fn import_lab_report(app: &TestApp) -> anyhow::Result<()> {
    let margery = app.id_of("margery");
    let text: String = (1..=300)
        .map(|i| {
            format!(
                "Regel {i}: de coördinatie van de zorg verloopt vlot, ook in de façade-kliniek.\n"
            )
        })
        .collect();
    let observation = |id: &str, name: &str, value: f64, unit: &str, range: serde_json::Value| {
        json!({"resource": {
            "resourceType": "Observation", "id": id, "status": "final",
            "code": {"text": name}, "subject": {"reference": format!("Patient/{margery}")},
            "effectiveDateTime": "2025-06-02T09:00:00+02:00",
            "valueQuantity": {"value": value, "unit": unit},
            "referenceRange": [range]
        }})
    };
    let bundle = json!({"resourceType": "Bundle", "type": "collection", "entry": [
        observation("pdf-test-ferritine", "Ferritine", 45.0, "µg/L", json!({"low": {"value": 30}, "high": {"value": 400}})),
        observation("pdf-test-creatinine", "Créatinine", 0.92, "mg/dL", json!({"text": "0,6 – 1,1"})),
        {"resource": {
            "resourceType": "DiagnosticReport", "id": LAB, "status": "final",
            "category": [{"text": "Laboratorium"}],
            "code": {"text": LAB_TITLE},
            "subject": {"reference": format!("Patient/{margery}")},
            "effectiveDateTime": "2025-06-02T09:00:00+02:00",
            "performer": [{"reference": "Organization/inzage-demo-az-voorbeeld"},
                          {"reference": "Practitioner/inzage-demo-dr-peeters"}],
            "conclusion": "Geen reden tot ongerustheid; de patiënt is naïef voor ijzersuppletie. Remgeld € 12,50 (‘ticket modérateur’).",
            "result": [{"reference": "Observation/pdf-test-ferritine"},
                       {"reference": "Observation/pdf-test-creatinine"}],
            "presentedForm": [{"contentType": "text/plain; charset=utf-8",
                "data": base64::engine::general_purpose::STANDARD.encode(text)}]
        }}
    ]});
    inzage_server::fhir::import_bundle(&app.store, &bundle.to_string(), None).await?;
    Ok(())
}

/// The text of a PDF answer, after checking it is one, as an attachment that is never cached.
pub(super) async fn pdf_text(res: reqwest::Response) -> anyhow::Result<(String, String)> {
    assert_eq!(res.status(), StatusCode::OK);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("cache-control"), "no-store");
    let disposition = header("content-disposition");
    let name = disposition
        .strip_prefix("attachment; filename=\"")
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{disposition}"))
        .to_owned();
    assert!(
        name.ends_with(".pdf")
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
        "{name}"
    );
    let pdf = res.bytes().await?;
    assert!(pdf.starts_with(b"%PDF-"));
    Ok((pdf_extract::extract_text_from_mem(&pdf)?, name))
}

/// `text` without any whitespace: the extractor joins wrapped lines with or without a space.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the PDF text holds `expected`, wherever its lines were wrapped.
pub(super) fn holds(text: &str, expected: &str) -> bool {
    squash(text).contains(&squash(expected))
}

/// The number of pages the footer gives (`Pagina 1 van N`).
fn pages_in(text: &str) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(4)
        .find(|w| w[0] == "Pagina" && w[1] == "1" && w[2] == "van")
        .and_then(|w| w[3].parse().ok())
        .unwrap_or(0)
}

async fn a_report_downloads_as_a_pdf_in_the_persons_language(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    import_lab_report(&app).await?;
    let margery = app.id_of("margery");
    let client = app.signed_in("margery").await?;
    let path = format!("/api/v1/records/{margery}/reports/{LAB}/pdf");

    let json: ReportDetail = client
        .get(app.url(&format!("/api/v1/records/{margery}/reports/{LAB}")))
        .send()
        .await?
        .json()
        .await?;
    let ranges: Vec<Option<&str>> = json
        .results
        .iter()
        .map(|l| l.reference_range.as_deref())
        .collect();
    assert_eq!(ranges, [Some("30–400"), Some("0,6 – 1,1")]);

    let (text, name) = pdf_text(client.get(app.url(&path)).send().await?).await?;
    assert_eq!(
        name,
        "verslag-2025-06-02-labo-creatinine-en-ferritine-een-controle.pdf"
    );
    for expected in [
        LAB_TITLE,
        "Margery Gibson",
        "AZ Voorbeeld (demo)",
        "2 juni 2025",
        "patiënt is naïef",
        "€ 12,50 (‘ticket modérateur’)",
        "Referentiewaarden",
        "30–400",
        "µg/L",
        "Créatinine",
        "0,6 – 1,1",
        "Regel 1: de coördinatie van de zorg verloopt vlot",
        "Regel 300:",
        "façade-kliniek",
        "via Inzage",
    ] {
        assert!(holds(&text, expected), "{expected} missing in:\n{text}");
    }
    // Three hundred lines of text run over several pages, each numbered.
    let pages = pages_in(&text);
    assert!(pages >= 5, "{pages} pages:\n{text}");
    assert!(holds(&text, &format!("Pagina {pages} van {pages}")));

    // In French when the browser asks for it (the profile has no language yet).
    let res = client
        .get(app.url(&path))
        .header("accept-language", "fr-BE,fr;q=0.9")
        .send()
        .await?;
    let (text, name) = pdf_text(res).await?;
    assert!(name.starts_with("rapport-2025-06-02-"), "{name}");
    assert!(holds(&text, "Valeurs de référence"), "{text}");
    assert!(holds(&text, "depuis Inzage"));
    assert!(holds(&text, "2 juin 2025"));
    Ok(())
}

async fn the_whole_record_pdf_holds_exactly_the_readable_reports(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    import_lab_report(&app).await?;
    let margery = app.id_of("margery");
    for who in ["margery", "dr.gleason"] {
        let client = app.signed_in(who).await?;
        let list: ReportList = client
            .get(app.url(&format!("/api/v1/records/{margery}/reports")))
            .send()
            .await?
            .json()
            .await?;
        assert!(list.reports.iter().any(|r| r.id == LAB));
        let (text, name) = pdf_text(
            client
                .get(app.url(&format!("/api/v1/records/{margery}/pdf")))
                .send()
                .await?,
        )
        .await?;
        assert!(name.starts_with("dossier-margery-gibson-"), "{name}");
        assert!(holds(&text, "Medisch dossier van Margery Gibson"));
        assert!(holds(&text, "Inhoud"));
        for report in &list.reports {
            assert!(
                holds(&text, &report.title),
                "{who}: {} missing",
                report.title
            );
        }
        // A page of contents (or more), then one page at least per report.
        assert!(pages_in(&text) > list.reports.len(), "{who}");
        assert!(holds(&text, "Regel 300:"));
        // What the list leaves out (for the patient: not validated, shielded, or from before
        // the hospital's cutoff) is never printed either.
        let hidden: Vec<&str> = [
            "Echografie abdomen",
            "Bloedafname (aangevraagd)",
            "Psychiatrisch consult",
            "Genetisch onderzoek familie",
            "RX thorax",
        ]
        .into_iter()
        .filter(|h| list.reports.iter().all(|r| r.title != *h))
        .collect();
        if who == "margery" {
            assert_eq!(hidden.len(), 5);
        }
        for title in hidden {
            assert!(!holds(&text, title), "{who}: {title} printed");
        }
        // The leaflets the care team linked are printed, the shielded one is not; a lab value
        // the care team still holds back is left out for the patient, not for her doctor.
        // (A table cell wraps its words: each is looked for on its own.)
        assert!(holds(&text, "meniscusletsel"), "{who}");
        assert!(holds(&text, "oefeningen voor thuis"), "{who}");
        assert!(
            !holds(&text, "Psychiatrie: uw eerste gesprek"),
            "{who}: a shielded leaflet printed"
        );
        assert_eq!(
            holds(&text, "Vitamine D (25-OH)"),
            who == "dr.gleason",
            "{who}: vitamin D"
        );
    }
    // Morton Hospital (a Dutch partner) hides what it wrote before the patient turned 18.
    let reyna = app.id_of("reyna");
    let child = json!({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
        "resourceType": "DiagnosticReport", "id": "pdf-test-kinderconsult", "status": "final",
        "code": {"text": "Kinderconsult groeicurve"},
        "subject": {"reference": format!("Patient/{reyna}")},
        "effectiveDateTime": "1985-05-01T10:00:00+02:00",
        "performer": [{"reference": "Organization/8ad64ecf-c817-3753-bee7-006a8e662e06"}]
    }}]});
    inzage_server::fhir::import_bundle(&app.store, &child.to_string(), None).await?;
    let client = app.signed_in("reyna").await?;
    let res = client
        .get(app.url(&format!(
            "/api/v1/records/{reyna}/reports/pdf-test-kinderconsult/pdf"
        )))
        .send()
        .await?;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let (text, _) = pdf_text(
        client
            .get(app.url(&format!("/api/v1/records/{reyna}/pdf")))
            .send()
            .await?,
    )
    .await?;
    assert!(holds(&text, "Medisch dossier van Reyna"), "{text}");
    assert!(!holds(&text, "Kinderconsult"), "a child's report printed");
    // It is there: her treating doctor, to whom the portal's report rules do not apply, gets it.
    let doctor = app.signed_in("dr.schroeder").await?;
    let (text, _) = pdf_text(
        doctor
            .get(app.url(&format!(
                "/api/v1/records/{reyna}/reports/pdf-test-kinderconsult/pdf"
            )))
            .send()
            .await?,
    )
    .await?;
    assert!(holds(&text, "Kinderconsult groeicurve"));
    Ok(())
}

async fn a_pdf_of_someone_elses_or_a_hidden_report_answers_like_the_json(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let report = "inzage-demo-ontslagbrief";
    let reyna = app.signed_in("reyna").await?;
    let schroeder = app.signed_in("dr.schroeder").await?;
    let anonymous = browser();
    let get = |client: &reqwest::Client, path: String| {
        let req = client.get(app.url(&path));
        async move {
            let res = req.send().await?;
            Ok::<_, anyhow::Error>((res.status(), res.text().await?))
        }
    };
    let json_record = format!("/api/v1/records/{margery}/reports");
    let json_report = format!("/api/v1/records/{margery}/reports/{report}");
    for client in [&reyna, &schroeder, &anonymous] {
        let (status, body) = get(client, format!("/api/v1/records/{margery}/pdf")).await?;
        assert_eq!((status, body), get(client, json_record.clone()).await?);
        let (status, body) = get(client, format!("{json_report}/pdf")).await?;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::UNAUTHORIZED,
            "{status}"
        );
        assert_eq!((status, body), get(client, json_report.clone()).await?);
    }
    assert_eq!(
        get(&anonymous, format!("/api/v1/records/{margery}/pdf"))
            .await?
            .0,
        StatusCode::UNAUTHORIZED
    );
    // Her own hidden report answers exactly like one that does not exist.
    let patient = app.signed_in("margery").await?;
    let missing = get(
        &patient,
        format!("/api/v1/records/{margery}/reports/no-such-report/pdf"),
    )
    .await?;
    assert_eq!(missing.0, StatusCode::NOT_FOUND);
    for hidden in [
        "inzage-demo-echo-voorlopig",
        "inzage-demo-psychiatrie-afgeschermd",
        "inzage-demo-rx-voor-cutoff",
    ] {
        let path = format!("/api/v1/records/{margery}/reports/{hidden}");
        assert_eq!(get(&patient, format!("{path}/pdf")).await?, missing);
        assert_eq!(get(&patient, path).await?, missing);
    }
    Ok(())
}

async fn every_download_is_in_the_audit_trail(db: Db) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let gleason = app.id_of("dr.gleason");
    let doctor = app.signed_in("dr.gleason").await?;
    let patient = app.signed_in("margery").await?;
    for (client, path) in [
        (&doctor, format!("/api/v1/records/{margery}/pdf")),
        (
            &doctor,
            format!("/api/v1/records/{margery}/reports/inzage-demo-ontslagbrief/pdf"),
        ),
        (
            &patient,
            format!("/api/v1/records/{margery}/reports/inzage-demo-psychiatrie-afgeschermd/pdf"),
        ),
    ] {
        client.get(app.url(&path)).send().await?;
    }
    let page: AuditPage = patient
        .get(app.url(&format!("/api/v1/records/{margery}/audit")))
        .send()
        .await?
        .json()
        .await?;
    let entries: Vec<(&str, &str, bool)> = page
        .entries
        .iter()
        .map(|e| {
            let who = match &e.actor {
                Principal::Practitioner { id } if id.0 == gleason => "doctor",
                Principal::Person { id } if id.0 == margery => "patient",
                _ => "other",
            };
            (who, e.resource.as_str(), e.permitted)
        })
        .collect();
    for expected in [
        ("doctor", "record/pdf", true),
        ("doctor", "report/inzage-demo-ontslagbrief/pdf", true),
        // Her refused download is there too, without saying which report it was.
        ("patient", "report", false),
    ] {
        assert!(entries.contains(&expected), "{expected:?} in {entries:?}");
    }
    Ok(())
}

async fn a_letters_pdf_is_served_as_its_report_is_and_a_hostile_one_is_refused_at_import(
    db: Db,
) -> anyhow::Result<()> {
    let app = TestApp::spawn(db).await?;
    let margery = app.id_of("margery");
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let pdf: &[u8] = super::designations::PDF;
    let png = inzage_tests::documents::png(640, 480);
    let letter = |id: &str, shielded: bool, attachments: serde_json::Value| {
        let mut r = json!({
            "resourceType": "DocumentReference", "id": id, "status": "current", "docStatus": "final",
            "type": {"text": "Ontslagbrief"}, "description": "Ontslagbrief cardiologie",
            "subject": {"reference": format!("Patient/{margery}")},
            "date": "2026-11-20T10:00:00+01:00",
            "custodian": {"reference": "Organization/inzage-demo-az-voorbeeld"},
            "content": attachments
        });
        if shielded {
            r["securityLabel"] = json!([{"coding": [{"system":
                "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}]}]);
        }
        json!({"resource": r})
    };
    let bundle = json!({"resourceType": "Bundle", "type": "collection", "entry": [
        letter("brief-met-pdf", false, json!([
            {"attachment": {"contentType": "text/plain", "data": b64(b"Zie de brief.")}},
            {"attachment": {"contentType": "application/pdf", "title": "Ontslagbrief.pdf", "data": b64(pdf)}},
            {"attachment": {"contentType": "image/png", "data": b64(&png)}},
            {"attachment": {"contentType": "application/pdf", "url": "https://elders.example/brief.pdf"}}
        ])),
        letter("brief-afgeschermd", true, json!([
            {"attachment": {"contentType": "application/pdf", "data": b64(pdf)}}
        ]))
    ]});
    inzage_server::fhir::import_bundle(&app.store, &bundle.to_string(), None).await?;
    let patient = app.signed_in("margery").await?;
    let detail: ReportDetail = patient
        .get(app.url(&format!("/api/v1/records/{margery}/reports/brief-met-pdf")))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(detail.text.as_deref(), Some("Zie de brief."));
    let docs: Vec<(u32, &str, &str)> = detail
        .documents
        .iter()
        .map(|d| (d.index, d.title.as_str(), d.media_type.as_str()))
        .collect();
    assert_eq!(
        docs,
        [
            (1, "Ontslagbrief.pdf", "application/pdf"),
            (2, "Ontslagbrief cardiologie", "image/png")
        ]
    );
    let doc = |report: &str, index: u32| {
        app.url(&format!(
            "/api/v1/records/{margery}/reports/{report}/documents/{index}"
        ))
    };
    let res = patient.get(doc("brief-met-pdf", 1)).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.bytes().await?.as_ref(), pdf);
    assert_eq!(
        patient.get(doc("brief-met-pdf", 3)).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    // The shielded letter's document answers like a missing one; so does another's record.
    assert_eq!(
        patient
            .get(doc("brief-afgeschermd", 1))
            .send()
            .await?
            .status(),
        StatusCode::NOT_FOUND
    );
    let other = app.signed_in("reyna").await?;
    assert_eq!(
        other.get(doc("brief-met-pdf", 1)).send().await?.status(),
        StatusCode::NOT_FOUND
    );
    // The FHIR export carries the documents the person may read, and only those.
    let bundle: serde_json::Value = patient
        .get(app.url(&format!("/api/v1/fhir/Patient/{margery}/$everything")))
        .send()
        .await?
        .json()
        .await?;
    let resource = |id: &str| {
        bundle["entry"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| &e["resource"])
            .find(|r| r["id"] == id)
            .cloned()
    };
    let exported = resource("brief-met-pdf").expect("the letter is exported");
    let content = exported["content"].as_array().cloned().unwrap_or_default();
    assert_eq!(content.len(), 3, "{content:?}");
    assert_eq!(content[1]["attachment"]["contentType"], "application/pdf");
    assert_eq!(content[1]["attachment"]["data"], b64(pdf));
    assert!(resource("brief-afgeschermd").is_none());

    // A PDF that runs a script refuses the bundle, naming the attachment; nothing is kept.
    let script: &[u8] =
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF";
    let hostile = json!({"resourceType": "Bundle", "type": "collection", "entry": [
        letter("brief-met-script", false, json!([
            {"attachment": {"contentType": "application/pdf", "data": b64(script)}}
        ]))
    ]});
    let e = inzage_server::fhir::import_bundle(&app.store, &hostile.to_string(), None)
        .await
        .expect_err("a PDF with a script");
    assert!(
        e.to_string().contains("content.attachment[0].data")
            && e.to_string().contains("upload.active_content"),
        "{e}"
    );
    assert!(app.store.report("brief-met-script").await?.is_none());
    Ok(())
}

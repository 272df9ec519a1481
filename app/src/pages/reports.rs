//! The list of reports and one report.

use inzage_domain::listing::ListQuery;
use inzage_domain::wire::{HospitalContact, ReportDetail, ReportList};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::listing::{empty_text, use_list, ListFilters, Pager};
use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, number_text, t, t1, tr, track};
use crate::records::{Current, Records};

/// Loads something of the current record: `None` until the current record is known.
pub(crate) async fn of_current<T, F, Fut>(
    current: Option<Result<Current, ApiFailure>>,
    load: F,
) -> Option<Result<T, ApiFailure>>
where
    F: FnOnce(Current) -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiFailure>>,
{
    match current? {
        Ok(c) => Some(load(c).await),
        Err(f) => Some(Err(f)),
    }
}

/// All reports the person may read in the current record, newest first, with why some may be
/// missing.
#[component]
pub fn ReportsPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let (query, list) = use_list(|record, q| async move { api::record_reports(&record, &q).await });
    view! {
        <h1>{move || t("reports.title")}</h1>
        {move || {
            track();
            match list.get().flatten() {
                None => view! { <p aria-busy="true">{move || t("reports.loading")}</p> }.into_any(),
                Some(result) => {
                    handle_session(&result);
                    match result {
                        Ok(list) => {
                            let current = records.get_untracked().and_then(Result::ok);
                            view! { <ReportTable list=list current=current query=query.get_untracked()/> }.into_any()
                        }
                        Err(f) => view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any(),
                    }
                }
            }
        }}
    }
}

/// Whose record a printed page shows (the print stylesheet shows it, the screen does not).
#[component]
pub(crate) fn PrintedFor(current: Option<Current>) -> impl IntoView {
    current.map(|c| {
        view! { <p class="print-only print-patient">{t1("pdf.record.title", "name", &c.name)}</p> }
    })
}

#[component]
fn ReportTable(list: ReportList, current: Option<Current>, query: ListQuery) -> impl IntoView {
    // The hospitals are those of every readable report, whatever the filters keep.
    let has_any = !list.hospitals.is_empty();
    let empty = empty_text(has_any, list.reports.is_empty(), "reports.empty");
    let page = list.page;
    let filters = has_any.then(|| {
        view! {
            <ListFilters path="/verslagen" query=query.clone() hospitals=list.hospitals.clone() words_label="reports.filter.words" folded=true/>
        }
    });
    let download = current.clone().filter(|_| has_any).map(|c| {
        let href = api::record_pdf_url(&c.record);
        let fhir = api::record_fhir_url(&c.record);
        view! {
            <p class="downloads">
                <a href=href download="" class="button-link" data-testid="record-pdf">
                    {move || t("reports.download")}
                </a>
                " "
                <a href=fhir download="" class="button-link" data-testid="record-fhir">
                    {move || t("reports.download.fhir")}
                </a>
            </p>
        }
    });
    let rows = list
        .reports
        .into_iter()
        .map(|r| {
            let href = format!("/verslagen/{}", r.id);
            view! {
                <li class="report-item">
                    <A href=href attr:class="report-link">
                        <span class="report-title">{r.title}</span>
                        <span class="report-meta">
                            <time datetime=r.date.to_string()>{date(r.date)}</time>
                            {r.category.map(|c| view! { <span class="report-category">{c}</span> })}
                            <span class="report-hospital">{r.hospital}</span>
                        </span>
                    </A>
                </li>
            }
        })
        .collect_view();
    let cutoffs = list
        .cutoffs
        .into_iter()
        .map(|c| {
            let text = tr(&inzage_domain::Message::new("reports.missing.cutoff")
                .arg("hospital", c.hospital)
                .arg("cutoff", c.cutoff.to_string()));
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <PrintedFor current=current/>
        {download}
        {filters}
        {empty}
        <ul class="report-list" data-testid="report-list">{rows}</ul>
        <Pager path="/verslagen" query=query page=page/>
        <aside class="note" aria-labelledby="missing-title">
            <h2 id="missing-title">{move || t("reports.missing.title")}</h2>
            <ul>
                <li>{move || t("reports.missing.validation")}</li>
                <li>{move || t("reports.missing.shielded")}</li>
                <li>{move || t("reports.missing.notes")}</li>
                <li>{move || t("reports.missing.held")}</li>
                {cutoffs}
            </ul>
        </aside>
    }
}

/// One report.
#[component]
pub fn ReportPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let params = use_params_map();
    let report = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        of_current(records.get(), |c| async move {
            api::record_report(&c.record, &id).await
        })
    });
    view! {
        <p><A href="/verslagen">{move || t("report.back")}</A></p>
        {move || {
            track();
            match report.get().flatten() {
                None => view! { <p aria-busy="true">{move || t("report.loading")}</p> }.into_any(),
                Some(result) => {
                    handle_session(&result);
                    match result {
                        Ok(r) => {
                            let current = records.get_untracked().and_then(Result::ok);
                            view! { <ReportView report=r current=current/> }.into_any()
                        }
                        Err(f) => view! {
                            <h1>{move || t("reports.title")}</h1>
                            <p class="form-error" role="alert" data-testid="report-error">{tr(&f.message())}</p>
                        }
                        .into_any(),
                    }
                }
            }
        }}
    }
}

/// How to reach the hospital that wrote a report.
#[component]
fn ContactBlock(hospital: String, contact: HospitalContact) -> impl IntoView {
    let phone = contact.phone.map(|p| {
        let href = format!("tel:{}", p.replace(' ', ""));
        view! { <dt>{move || t("contact.phone")}</dt><dd><a href=href>{p}</a></dd> }
    });
    let email = contact.email.map(|e| {
        let href = format!("mailto:{e}");
        view! { <dt>{move || t("contact.email")}</dt><dd><a href=href>{e}</a></dd> }
    });
    let website = contact.website.map(|w| {
        view! { <dt>{move || t("contact.website")}</dt><dd><a href=w.clone() rel="noopener">{w.clone()}</a></dd> }
    });
    view! {
        <section class="contact" aria-labelledby="contact-title" data-testid="contact">
            <h2 id="contact-title">{move || t("report.questions")}</h2>
            <p>{t1("report.questions.intro", "hospital", &hospital)}</p>
            <dl class="report-facts">{phone}{email}{website}</dl>
        </section>
    }
}

#[component]
pub(crate) fn ReportView(report: ReportDetail, current: Option<Current>) -> impl IntoView {
    let hospital_name = report.hospital.clone();
    let download = current.as_ref().map(|c| {
        let href = api::record_report_pdf_url(&c.record, &report.id);
        view! {
            <p class="downloads">
                <a href=href download="" class="button-link" data-testid="report-pdf">
                    {move || t("report.download")}
                </a>
            </p>
        }
    });
    let documents = match (&current, report.documents.is_empty()) {
        (Some(c), false) => {
            let items = report
                .documents
                .iter()
                .map(|d| {
                    let href = api::report_document_url(&c.record, &report.id, d.index);
                    let kind = match d.media_type.as_str() {
                        "application/pdf" => "PDF",
                        "image/png" => "PNG",
                        _ => "JPEG",
                    };
                    let size = number_text(&format!("{:.0}", (d.size as f64 / 1024.0).ceil()));
                    view! {
                        <li>
                            <a href=href target="_blank" rel="noopener" data-testid="report-document">{d.title.clone()}</a>
                            " ("{kind}", "{size}" kB)"
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section aria-labelledby="documents-title">
                    <h2 id="documents-title">{move || t("report.documents")}</h2>
                    <ul>{items}</ul>
                </section>
            })
        }
        _ => None,
    };
    let has_range = report.results.iter().any(|l| l.reference_range.is_some());
    let results = (!report.results.is_empty()).then(|| {
        let rows = report
            .results
            .into_iter()
            .map(|l| {
                view! {
                    <tr>
                        <th scope="row">{l.name}</th>
                        <td class="num">{l.value}</td>
                        <td>{l.unit.unwrap_or_default()}</td>
                        {has_range.then(|| view! { <td>{l.reference_range.unwrap_or_default()}</td> })}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="results-title">
                <h2 id="results-title">{move || t("report.results")}</h2>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{move || t("report.result.name")}</th>
                                <th scope="col">{move || t("report.result.value")}</th>
                                <th scope="col">{move || t("report.result.unit")}</th>
                                {has_range.then(|| view! { <th scope="col">{move || t("report.result.range")}</th> })}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    });
    view! {
        <PrintedFor current=current/>
        <article class="report" data-testid="report">
            <h1>{report.title}</h1>
            {download}
            <dl class="report-facts">
                <dt>{move || t("report.date")}</dt>
                <dd><time datetime=report.date.to_string()>{date(report.date)}</time></dd>
                <dt>{move || t("report.hospital")}</dt>
                <dd>{report.hospital}</dd>
                {report.category.map(|c| view! { <dt>{move || t("report.category")}</dt><dd>{c}</dd> })}
                {report.author.map(|a| view! { <dt>{move || t("report.author")}</dt><dd>{a}</dd> })}
            </dl>
            {report.conclusion.map(|c| view! {
                <section aria-labelledby="conclusion-title">
                    <h2 id="conclusion-title">{move || t("report.conclusion")}</h2>
                    <p>{c}</p>
                </section>
            })}
            {results}
            {documents}
            {report.text.map(|text| view! {
                <section aria-labelledby="text-title">
                    <h2 id="text-title">{move || t("report.text")}</h2>
                    <p class="report-text">{text}</p>
                </section>
            })}
            {report.contact.map(|c| view! { <ContactBlock hospital=hospital_name.clone() contact=c/> })}
        </article>
    }
}

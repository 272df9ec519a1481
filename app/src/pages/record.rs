//! The record's sections beside the reports: results (one line per test, and one test's values
//! over time as a chart and a table), the medical summary and medications (appointments are in
//! [`super::appointments`]).

use inzage_domain::listing::ListQuery;
use inzage_domain::record::{
    LeafletList, MedicalSummary, MedicationList, ResultSeries, ResultValue, ResultsOverview,
};
use inzage_domain::results::{chart, Flag, Frame, Point};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::ensure_me;
use super::handle_session;
use super::listing::{empty_text, use_list, ListFilters, Pager};
use super::reports::of_current;
use crate::api::{self, ApiFailure};
use crate::i18n::{date, date_time, number_text, t, t1, text_of, tr, track};
use crate::records::{Current, Records};

/// Shows a section once loaded: busy text, the content, or the error in an alert. Only the
/// content is built per type; the rest is [`section_state`], compiled once.
pub(crate) fn section_view<T: Clone + Send + Sync + 'static, V: IntoView + 'static>(
    data: LocalResource<Option<Result<T, ApiFailure>>>,
    loading: &'static str,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        track();
        let state = data.get().flatten().map(|result| {
            handle_session(&result);
            result.map(|v| show(v).into_view().into_any())
        });
        section_state(state, loading)
    }
}

/// The busy text (`loading`'s), the loaded content, or the failure's message in an alert.
fn section_state(state: Option<Result<AnyView, ApiFailure>>, loading: &'static str) -> AnyView {
    match state {
        None => view! { <p aria-busy="true">{move || t(loading)}</p> }.into_any(),
        Some(Ok(content)) => content,
        Some(Err(f)) => view! { <p class="form-error" role="alert" data-testid="section-error">{tr(&f.message())}</p> }
            .into_any(),
    }
}

/// A section's page: its heading, then its data for the current record once loaded.
fn section_page<T, Fut, V>(
    title: &'static str,
    loading: &'static str,
    load: impl Fn(Current) -> Fut + Copy + 'static,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiFailure>> + 'static,
    V: IntoView + 'static,
{
    ensure_me();
    let records = expect_context::<Records>();
    let data = LocalResource::new(move || of_current(records.get(), load));
    view! {
        <h1>{move || t(title)}</h1>
        {section_view(data, loading, show)}
    }
}

/// A status word the hospital's system gave (FHIR codes), in the person's language; the code
/// itself when there is no text for it.
pub(crate) fn status_text(kind: &str, code: &str) -> String {
    text_of(&format!("record.{kind}.{code}").replace('-', "_")).unwrap_or_else(|| code.to_owned())
}

fn flag_text(flag: Flag) -> Option<String> {
    match flag {
        Flag::Low => Some(t("results.flag.low")),
        Flag::High => Some(t("results.flag.high")),
        Flag::Abnormal => Some(t("results.flag.abnormal")),
        Flag::Normal | Flag::Unknown => None,
    }
}

fn value_with_unit(v: &ResultValue) -> String {
    match &v.unit {
        Some(u) => format!("{} {u}", number_text(&v.value)),
        None => number_text(&v.value),
    }
}

fn range_text(v: &ResultValue) -> Option<String> {
    let n = |x: f64| number_text(&x.to_string());
    match (v.range.and_then(|r| r.low), v.range.and_then(|r| r.high)) {
        (Some(l), Some(h)) => Some(format!("{} – {}", n(l), n(h))),
        (None, Some(h)) => Some(format!("≤ {}", n(h))),
        (Some(l), None) => Some(format!("≥ {}", n(l))),
        (None, None) => v.range_text.clone(),
    }
}

/// The flag of a value as a badge: text, not only colour.
fn flag_badge(flag: Flag) -> impl IntoView {
    flag_text(flag).map(|text| {
        let class = match flag {
            Flag::Low => "flag flag-low",
            _ => "flag flag-high",
        };
        view! { <span class=class>{text}</span> }
    })
}

/// `/resultaten`: one line per test with its latest value.
#[component]
pub fn ResultsPage() -> impl IntoView {
    ensure_me();
    let (query, data) = use_list(|record, q| async move { api::record_results(&record, &q).await });
    view! {
        <h1>{move || t("results.title")}</h1>
        {section_view(data, "results.loading", move |o: ResultsOverview| {
            view! { <ResultsTable overview=o query=query.get_untracked()/> }
        })}
    }
}

#[component]
fn ResultsTable(overview: ResultsOverview, query: ListQuery) -> impl IntoView {
    let has_any = !overview.hospitals.is_empty();
    let empty = empty_text(has_any, overview.tests.is_empty(), "results.empty");
    let page = overview.page;
    let filters = has_any.then(|| {
        view! {
            <ListFilters path="/resultaten" query=query.clone() hospitals=overview.hospitals.clone() words_label="results.filter.words" folded=true/>
        }
    });
    let rows = overview
        .tests
        .into_iter()
        .map(|s| {
            let href = format!("/resultaten/{}", s.code);
            let latest = s.latest;
            let flagged = latest.flag.is_out_of_range();
            view! {
                <tr class:out-of-range=flagged>
                    <th scope="row" data-label=move || t("results.column.test")>
                        <A href=href>{s.name}</A>
                    </th>
                    <td data-label=move || t("results.column.latest")>
                        {value_with_unit(&latest)}" "{flag_badge(latest.flag)}
                    </td>
                    <td data-label=move || t("results.column.range")>{range_text(&latest).unwrap_or_default()}</td>
                    <td data-label=move || t("results.column.date")>
                        <time datetime=latest.at.date().to_string()>{date(latest.at.date())}</time>
                    </td>
                    <td data-label=move || t("results.column.count")>{s.count}</td>
                </tr>
            }
        })
        .collect_view();
    let cutoffs = overview
        .cutoffs
        .into_iter()
        .map(|c| {
            let text = tr(&inzage_domain::Message::new("results.missing.cutoff")
                .arg("hospital", c.hospital)
                .arg("cutoff", c.cutoff.to_string()));
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        {filters}
        {empty}
        <div class="table-scroll">
            <table class="stack" data-testid="results-table">
                <caption class="visually-hidden">{move || t("results.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t("results.column.test")}</th>
                        <th scope="col">{move || t("results.column.latest")}</th>
                        <th scope="col">{move || t("results.column.range")}</th>
                        <th scope="col">{move || t("results.column.date")}</th>
                        <th scope="col">{move || t("results.column.count")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager path="/resultaten" query=query page=page/>
        <aside class="note" aria-labelledby="results-missing-title">
            <h2 id="results-missing-title">{move || t("results.missing.title")}</h2>
            <ul>
                <li>{move || t("results.missing.validation")}</li>
                <li>{move || t("results.missing.held")}</li>
                <li>{move || t("reports.missing.shielded")}</li>
                {cutoffs}
            </ul>
        </aside>
    }
}

/// `/resultaten/:code`: one test's values over time.
#[component]
pub fn ResultPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let code = params.with(|p| p.get("code").unwrap_or_default());
        of_current(records.get(), |c| async move {
            api::record_result_series(&c.record, &code).await
        })
    });
    view! {
        <p><A href="/resultaten">{move || t("results.back")}</A></p>
        {section_view(data, "results.loading", |s: ResultSeries| view! { <SeriesView series=s/> })}
    }
}

const FRAME: Frame = Frame {
    left: 56.0,
    top: 12.0,
    width: 560.0,
    height: 200.0,
};

#[component]
fn SeriesView(series: ResultSeries) -> impl IntoView {
    let numeric: Vec<&ResultValue> = series
        .values
        .iter()
        .filter(|v| v.number.is_some())
        .collect();
    let unit = series.values.iter().rev().find_map(|v| v.unit.clone());
    // The band of the latest range; values from a lab with another range keep their own flag.
    let range = series.values.iter().rev().find_map(|v| v.range);
    let points: Vec<Point> = numeric
        .iter()
        .map(|v| Point {
            date: v.at.date(),
            value: v.number.unwrap_or_default(),
        })
        .collect();
    let drawing = (points.len() >= 2).then(|| chart(&points, range, FRAME));
    let name = series.name.clone();
    let svg = drawing.map(|c| {
        let line: String = c
            .points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        let band = c.band.map(|(top, bottom)| {
            view! { <rect class="chart-band" x=FRAME.left y=top width=FRAME.width height=(bottom - top).max(1.0)/> }
        });
        let ticks = c
            .ticks
            .iter()
            .map(|tick| {
                let label = number_text(&tick.value.to_string());
                view! {
                    <line class="chart-grid" x1=FRAME.left x2=FRAME.left + FRAME.width y1=tick.y y2=tick.y/>
                    <text class="chart-tick" x=FRAME.left - 6.0 y=tick.y + 4.0 text-anchor="end">{label}</text>
                }
            })
            .collect_view();
        let dots = c
            .points
            .iter()
            .zip(&numeric)
            .map(|((x, y), v)| {
                let class = if v.flag.is_out_of_range() { "chart-dot out-of-range" } else { "chart-dot" };
                view! { <circle class=class cx=*x cy=*y r="5"/> }
            })
            .collect_view();
        let span = c.span.map(|(first, last)| {
            let bottom = FRAME.top + FRAME.height + 20.0;
            view! {
                <text class="chart-tick" x=FRAME.left y=bottom>{date(first)}</text>
                <text class="chart-tick" x=FRAME.left + FRAME.width y=bottom text-anchor="end">{date(last)}</text>
            }
        });
        let title = t1("results.chart.title", "test", &name);
        view! {
            <figure class="chart">
                <svg viewBox="0 0 640 240" role="img" aria-labelledby="chart-title" data-testid="trend-chart"
                    preserveAspectRatio="xMidYMid meet">
                    <title id="chart-title">{title}</title>
                    {band}
                    {ticks}
                    <polyline class="chart-line" points=line/>
                    {dots}
                    {span}
                </svg>
                <figcaption>
                    {move || t("results.chart.caption")}
                    {range.is_some().then(|| view! { " "{move || t("results.chart.band")} })}
                </figcaption>
            </figure>
        }
    });
    let rows = series
        .values
        .iter()
        .rev()
        .map(|v| {
            let flagged = v.flag.is_out_of_range();
            view! {
                <tr class:out-of-range=flagged>
                    <th scope="row" data-label=move || t("results.column.date")>{date_time(v.at)}</th>
                    <td data-label=move || t("results.column.value")>{value_with_unit(v)}" "{flag_badge(v.flag)}</td>
                    <td data-label=move || t("results.column.range")>{range_text(v).unwrap_or_default()}</td>
                    <td data-label=move || t("results.column.hospital")>{v.hospital.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>{series.name.clone()}</h1>
        {unit.map(|u| view! { <p class="muted">{t1("results.unit", "unit", &u)}</p> })}
        {svg}
        <div class="table-scroll">
            <table class="stack" data-testid="series-table">
                <caption>{t1("results.table.caption", "test", &series.name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t("results.column.date")}</th>
                        <th scope="col">{move || t("results.column.value")}</th>
                        <th scope="col">{move || t("results.column.range")}</th>
                        <th scope="col">{move || t("results.column.hospital")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// `/medisch-overzicht`: allergies, blood group and risks.
#[component]
pub fn SummaryPage() -> impl IntoView {
    section_page(
        "summary.title",
        "summary.loading",
        |c| async move { api::record_summary(&c.record).await },
        |s: MedicalSummary| view! { <SummaryView summary=s/> },
    )
}

#[component]
fn SummaryView(summary: MedicalSummary) -> impl IntoView {
    let no_allergies = summary.allergies.is_empty();
    let allergies = summary
        .allergies
        .into_iter()
        .map(|a| {
            let high = a.criticality.as_deref() == Some("high");
            let details = [
                a.category.map(|c| status_text("allergy_category", &c)),
                a.clinical_status.map(|c| status_text("clinical", &c)),
                Some(t1("summary.recorded", "date", &a.recorded.to_string())),
                Some(a.hospital),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            view! {
                <li class="item-card" class:critical=high>
                    <span class="item-title">{a.name}</span>
                    {high.then(|| view! { <span class="flag flag-high">{move || t("summary.critical")}</span> })}
                    <span class="item-meta">{details}</span>
                </li>
            }
        })
        .collect_view();
    let no_risks = summary.risks.is_empty();
    let risks = summary
        .risks
        .into_iter()
        .map(|r| {
            let details = [
                r.clinical_status.map(|c| status_text("clinical", &c)),
                Some(t1("summary.since", "date", &r.onset.to_string())),
                r.ended.map(|e| t1("summary.until", "date", &e.to_string())),
                Some(r.hospital),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            view! {
                <li class="item-card">
                    <span class="item-title">{r.name}</span>
                    <span class="item-meta">{details}</span>
                </li>
            }
        })
        .collect_view();
    let blood = match summary.blood_group {
        Some(b) => view! {
            <p data-testid="blood-group"><strong>{b.value}</strong>" "
                <span class="item-meta">{t1("summary.determined", "date", &b.determined.to_string())}" · "{b.hospital}</span>
            </p>
        }
        .into_any(),
        None => view! { <p>{move || t("summary.blood_group.unknown")}</p> }.into_any(),
    };
    let no_statements = summary.statements.is_empty();
    let statements = summary
        .statements
        .into_iter()
        .map(|st| {
            let details = [
                t1("summary.statement.filed", "date", &st.filed.to_string()),
                st.hospital,
                super::requests::status_text(st.status),
            ]
            .join(" · ");
            view! {
                <li class="item-card" data-testid="patient-statement">
                    <span class="item-title statement-text">{st.text}</span>
                    <span class="item-meta">{details}</span>
                </li>
            }
        })
        .collect_view();
    let no_e_consults = summary.e_consults.is_empty();
    let e_consults = summary
        .e_consults
        .into_iter()
        .map(|e| {
            let lines = e
                .exchange
                .into_iter()
                .map(|l| {
                    view! {
                        <li>
                            <span class="item-meta">{format!("{} · {}", l.author, date(l.sent))}</span>
                            <p class="staff-message">{l.text}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="item-card" data-testid="e-consult-note">
                    <span class="item-title">{e.subject}</span>
                    <span class="item-meta">{format!("{} · {}", date(e.asked), e.doctor)}</span>
                    <ol class="e-consult-exchange">{lines}</ol>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="allergies-title">
            <h2 id="allergies-title">{move || t("summary.allergies")}</h2>
            {no_allergies.then(|| view! { <p>{move || t("summary.allergies.none")}</p> })}
            <ul class="item-list" data-testid="allergy-list">{allergies}</ul>
        </section>
        <section aria-labelledby="blood-title">
            <h2 id="blood-title">{move || t("summary.blood_group")}</h2>
            {blood}
        </section>
        <section aria-labelledby="risks-title">
            <h2 id="risks-title">{move || t("summary.risks")}</h2>
            {no_risks.then(|| view! { <p>{move || t("summary.risks.none")}</p> })}
            <ul class="item-list" data-testid="risk-list">{risks}</ul>
        </section>
        <section aria-labelledby="statements-title">
            <h2 id="statements-title">{move || t("summary.statements")}</h2>
            <p class="hint">{move || t("summary.statements.hint")}</p>
            {no_statements.then(|| view! { <p>{move || t("summary.statements.none")}</p> })}
            <ul class="item-list" data-testid="statement-list">{statements}</ul>
        </section>
        <section aria-labelledby="e-consults-title">
            <h2 id="e-consults-title">{move || t("summary.e_consults")}</h2>
            {no_e_consults.then(|| view! { <p>{move || t("summary.e_consults.none")}</p> })}
            <ul class="item-list" data-testid="e-consult-notes">{e_consults}</ul>
        </section>
    }
}

/// `/folders`: the patient leaflets the care team linked, each a page of the hospital's website.
#[component]
pub fn LeafletsPage() -> impl IntoView {
    section_page(
        "leaflets.title",
        "leaflets.loading",
        |c| async move { api::record_leaflets(&c.record).await },
        |l: LeafletList| view! { <LeafletsView list=l/> },
    )
}

#[component]
fn LeafletsView(list: LeafletList) -> impl IntoView {
    let none = list.leaflets.is_empty();
    let cards = list
        .leaflets
        .into_iter()
        .map(|l| {
            let meta = format!(
                "{} · {}",
                t1("leaflets.linked", "date", &date(l.linked)),
                l.hospital
            );
            view! {
                <li class="item-card">
                    <a class="item-title" href=l.url target="_blank" rel="noopener noreferrer">
                        {l.title}
                        <span class="visually-hidden">{move || t("leaflets.new_window")}</span>
                    </a>
                    <span class="item-meta">{meta}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{move || t("leaflets.intro")}</p>
        {none.then(|| view! { <p>{move || t("leaflets.none")}</p> })}
        <ul class="item-list" data-testid="leaflets">{cards}</ul>
    }
}

/// `/medicatie`: current and past medications.
#[component]
pub fn MedicationsPage() -> impl IntoView {
    section_page(
        "medications.title",
        "medications.loading",
        |c| async move { api::record_medications(&c.record).await },
        |m: MedicationList| view! { <MedicationsView list=m/> },
    )
}

#[component]
fn MedicationsView(list: MedicationList) -> impl IntoView {
    let (current, past): (Vec<_>, Vec<_>) = list.medications.into_iter().partition(|m| m.current);
    let cards = |items: Vec<inzage_domain::record::MedicationItem>| {
        items
            .into_iter()
            .map(|m| {
                let period = match m.end {
                    Some(end) => format!("{} – {}", date(m.start), date(end)),
                    None => t1("summary.since", "date", &m.start.to_string()),
                };
                let details = [
                    Some(status_text("medication", &m.status)),
                    Some(period),
                    m.prescriber
                        .map(|p| t1("medications.prescriber", "name", &p)),
                    Some(m.hospital),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
                view! {
                    <li class="item-card">
                        <span class="item-title">{m.name}</span>
                        {m.dosage.map(|d| view! { <span class="item-dosage">{d}</span> })}
                        <span class="item-meta">{details}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let no_current = current.is_empty();
    let no_past = past.is_empty();
    view! {
        <section aria-labelledby="current-title">
            <h2 id="current-title">{move || t("medications.current")}</h2>
            {no_current.then(|| view! { <p>{move || t("medications.none")}</p> })}
            <ul class="item-list" data-testid="current-medications">{cards(current)}</ul>
        </section>
        <section aria-labelledby="past-title">
            <h2 id="past-title">{move || t("medications.past")}</h2>
            {no_past.then(|| view! { <p>{move || t("medications.none")}</p> })}
            <ul class="item-list" data-testid="past-medications">{cards(past)}</ul>
        </section>
        <aside class="note"><p>{move || t("medications.note")}</p></aside>
    }
}

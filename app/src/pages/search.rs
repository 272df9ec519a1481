//! `/zoeken`: search across the record, filtered by hospital and period; each hit links to the
//! page that shows it.

use inzage_domain::listing::ListQuery;
use inzage_domain::record::{HitKind, SearchHit, SearchResults};
use leptos::prelude::*;
use leptos_router::components::A;

use super::ensure_me;
use super::listing::{empty_text, use_list, ListFilters, Pager};
use super::record::section_view;
use crate::api;
use crate::i18n::{date, t, tr};

/// The page that shows a hit, and the name of its kind.
fn target(hit: &SearchHit) -> (String, &'static str) {
    match hit.kind {
        HitKind::Report => (format!("/verslagen/{}", hit.id), "search.kind.report"),
        HitKind::Result => (format!("/resultaten/{}", hit.id), "search.kind.result"),
        HitKind::Allergy => ("/medisch-overzicht".into(), "search.kind.allergy"),
        HitKind::BloodGroup => ("/medisch-overzicht".into(), "search.kind.blood_group"),
        HitKind::Risk => ("/medisch-overzicht".into(), "search.kind.risk"),
        HitKind::Medication => ("/medicatie".into(), "search.kind.medication"),
        HitKind::Appointment => ("/afspraken".into(), "search.kind.appointment"),
        HitKind::Leaflet => ("/folders".into(), "search.kind.leaflet"),
    }
}

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    ensure_me();
    let (query, data) = use_list(|record, q| async move { api::record_search(&record, &q).await });
    view! {
        <h1>{move || t("search.title")}</h1>
        <p>{move || t("search.intro")}</p>
        {section_view(data, "search.loading", move |found: SearchResults| {
            view! { <Hits found=found query=query.get_untracked()/> }
        })}
    }
}

#[component]
fn Hits(found: SearchResults, query: ListQuery) -> impl IntoView {
    let has_any = !found.hospitals.is_empty();
    let empty = empty_text(has_any, found.hits.is_empty(), "search.empty");
    let page = found.page;
    let filters = has_any.then(|| {
        view! {
            <ListFilters path="/zoeken" query=query.clone() hospitals=found.hospitals.clone() words_label="search.words"/>
        }
    });
    let hits = found
        .hits
        .into_iter()
        .map(|hit| {
            let (href, kind) = target(&hit);
            view! {
                <li class="report-item">
                    <A href=href attr:class="report-link">
                        <span class="report-title">{hit.title}</span>
                        <span class="report-meta">
                            <span class="report-category">{move || t(kind)}</span>
                            <time datetime=hit.date.to_string()>{date(hit.date)}</time>
                            <span class="report-hospital">{hit.hospital}</span>
                        </span>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        {filters}
        <div role="status" aria-live="polite" class="visually-hidden" data-testid="search-count">
            {move || tr(&inzage_domain::Message::new("search.count").arg("count", page.total.to_string()))}
        </div>
        {empty}
        <ul class="report-list" data-testid="search-hits">{hits}</ul>
        <Pager path="/zoeken" query=query page=page/>
    }
}

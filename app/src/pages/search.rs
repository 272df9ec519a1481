//! `/zoeken`: search across the record, filtered by hospital and period; each hit links to the
//! page that shows it.

use inzage_domain::listing::ListQuery;
use inzage_domain::record::{HitKind, SearchHit, SearchResults};
use leptos::prelude::*;
use leptos_router::components::A;

use super::listing::{empty_text, sendable, use_list_query, ListFilters, Pager};
use super::reports::of_current;
use super::{ensure_me, handle_session};
use crate::api;
use crate::i18n::{date, t, tr, track};
use crate::records::Records;

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
    }
}

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let query = use_list_query();
    let data = LocalResource::new(move || {
        let q = sendable(&query.get());
        of_current(records.get(), |c| async move {
            api::record_search(&c.record, &q).await
        })
    });
    view! {
        <h1>{move || t("search.title")}</h1>
        <p>{move || t("search.intro")}</p>
        {move || {
            track();
            match data.get().flatten() {
                None => view! { <p aria-busy="true">{move || t("search.loading")}</p> }.into_any(),
                Some(result) => {
                    handle_session(&result);
                    match result {
                        Ok(found) => view! { <Hits found=found query=query.get_untracked()/> }.into_any(),
                        Err(f) => view! { <p class="form-error" role="alert" data-testid="section-error">{tr(&f.message())}</p> }.into_any(),
                    }
                }
            }
        }}
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

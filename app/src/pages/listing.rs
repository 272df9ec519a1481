//! The filters and pages of the record's lists (reports, results, search): a search form of
//! words, hospital and period whose values live in the page's URL (so back, forward and a
//! bookmark keep them), checked by the domain crate before anything is sent, and a pager.

use inzage_domain::listing::{HospitalOption, ListQuery, Page};
use inzage_domain::wire::FieldErrors;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::linked::focus_first_error;
use super::login::Field;
use super::reports::of_current;
use crate::api::{self, ApiFailure};
use crate::i18n::{t, tr};
use crate::records::Records;

/// The list query in the current URL.
pub(crate) fn use_list_query() -> Memo<ListQuery> {
    let map = use_query_map();
    Memo::new(move |_| {
        map.with(|m| ListQuery {
            hospital: m.get("hospital"),
            from: m.get("from"),
            to: m.get("to"),
            q: m.get("q"),
            page: m.get("page"),
        })
    })
}

/// The current record's list for the filters in the URL: the query, and the data, loaded
/// again when the record or the query changes.
pub(crate) fn use_list<T, Fut>(
    load: impl Fn(String, ListQuery) -> Fut + Copy + 'static,
) -> (
    Memo<ListQuery>,
    LocalResource<Option<Result<T, ApiFailure>>>,
)
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiFailure>> + 'static,
{
    let records = expect_context::<Records>();
    let query = use_list_query();
    let data = LocalResource::new(move || {
        let q = sendable(&query.get());
        of_current(records.get(), move |c| load(c.record, q))
    });
    (query, data)
}

/// What to ask the server for the query in the URL: the query itself, or, when a hand-edited
/// or old URL holds a bad filter, no filter at all; the form then shows the error beside its
/// field (the server would refuse the same query with the same message).
fn sendable(query: &ListQuery) -> ListQuery {
    match query.validate() {
        Ok(_) => query.clone(),
        Err(_) => ListQuery::default(),
    }
}

/// The search form: words, hospital and period. Applying it starts again at page one.
#[component]
pub(crate) fn ListFilters(
    /// The page's own path, e.g. `/verslagen`.
    #[prop(into)]
    path: String,
    /// The query the page shows now.
    query: ListQuery,
    /// The hospitals to choose from.
    hospitals: Vec<HospitalOption>,
    /// The label of the words field.
    words_label: &'static str,
    /// Whether the form starts folded under a "Search and filter" summary while it filters
    /// nothing (on a list, so that a phone shows the list first); a search page shows it open.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let words = RwSignal::new(query.q.clone().unwrap_or_default());
    let hospital = RwSignal::new(query.hospital.clone().unwrap_or_default());
    let from = RwSignal::new(query.from.clone().unwrap_or_default());
    let to = RwSignal::new(query.to.clone().unwrap_or_default());
    let errors = RwSignal::new(query.validate().err().unwrap_or_default());
    let narrowing = query.validate().map(|f| f.is_narrowing()).unwrap_or(true);
    let navigate = use_navigate();
    let clear = path.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let next = ListQuery {
            q: Some(words.get_untracked()),
            hospital: Some(hospital.get_untracked()),
            from: Some(from.get_untracked()),
            to: Some(to.get_untracked()),
            page: None,
        };
        match next.validate() {
            Err(e) => {
                errors.set(e);
                focus_first_error();
            }
            Ok(_) => {
                errors.set(FieldErrors::default());
                navigate(&api::with_query(&path, &next), Default::default());
            }
        }
    };
    let options = hospitals
        .into_iter()
        .map(|h| view! { <option value=h.id>{h.name}</option> })
        .collect_view();
    let form = view! {
        <form role="search" class="list-filters" on:submit=submit novalidate data-testid="list-filters">
            <Field id="q" label=Signal::derive(move || t(words_label)) value=words errors=errors kind="search"/>
            <div class="field">
                <label for="hospital">{move || t("list.hospital")}</label>
                <select
                    id="hospital"
                    name="hospital"
                    prop:value=move || hospital.get()
                    on:change=move |ev| hospital.set(event_target_value(&ev))
                >
                    <option value="">{move || t("list.hospital.all")}</option>
                    {options}
                </select>
            </div>
            <Field id="from" label=Signal::derive(|| t("list.from")) value=from errors=errors kind="date"/>
            <Field id="to" label=Signal::derive(|| t("list.to")) value=to errors=errors kind="date"/>
            <p class="form-error" role="alert" data-testid="list-filters-error">
                {move || errors.with(|e| e.first("page").map(tr))}
            </p>
            <div class="actions">
                <button type="submit" data-testid="list-filters-apply">{move || t("list.apply")}</button>
                {narrowing.then(|| view! { <A href=clear attr:class="button-link">{move || t("list.clear")}</A> })}
            </div>
        </form>
    };
    if folded {
        // Open when it filters something or holds an error, so what it does stays in sight.
        let open = narrowing;
        view! {
            <details class="list-filters-box" open=open data-testid="list-filters-box">
                <summary>{move || t("list.filters")}</summary>
                {form}
            </details>
        }
        .into_any()
    } else {
        form.into_any()
    }
}

/// Where the list stands and links to the pages before and after; nothing when it fits on one.
#[component]
pub(crate) fn Pager(#[prop(into)] path: String, query: ListQuery, page: Page) -> impl IntoView {
    let count = page.count();
    (count > 1).then(|| {
        let link = |number: u32, key: &'static str, rel: &'static str| {
            let href = api::with_query(&path, &query.with_page(number));
            view! { <A href=href attr:rel=rel attr:class="button-link">{move || t(key)}</A> }
        };
        let before = (page.number > 1)
            .then(|| link(page.number.min(count + 1) - 1, "list.previous", "prev"));
        let after = (page.number < count).then(|| link(page.number + 1, "list.next", "next"));
        let number = page.number.to_string();
        let of = count.to_string();
        view! {
            <nav class="pager" aria-label=move || t("list.pages") data-testid="pager">
                {before}
                <span aria-current="page">
                    {move || tr(&inzage_domain::Message::new("list.page")
                        .arg("number", number.clone())
                        .arg("count", of.clone()))}
                </span>
                {after}
            </nav>
        }
    })
}

/// What a list says when it shows nothing: that the record has nothing of the kind yet
/// (`empty_key`), or that the filters leave nothing.
pub(crate) fn empty_text(
    has_any: bool,
    page_empty: bool,
    empty_key: &'static str,
) -> Option<impl IntoView> {
    let key = match (has_any, page_empty) {
        (false, _) => empty_key,
        (true, true) => "list.nothing_found",
        (true, false) => return None,
    };
    Some(view! { <p data-testid="list-empty">{move || t(key)}</p> })
}

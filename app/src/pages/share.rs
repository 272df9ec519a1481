//! Sharing reports by a link: `/delen` makes a time-limited link to chosen reports and lists
//! the record's links with a button to revoke each; `/gedeeld#<secret>` opens one without an
//! account. The form is checked with the domain's `NewShare::check` before it is sent, and the
//! server checks it again; what a link shows is decided by the server at every opening.

use inzage_domain::listing::ListQuery;
use inzage_domain::sharing::{
    NewShare, OpenShare, ShareCreated, ShareList, ShareState, ShareSummary, SharedDocument,
    SharedRecord,
};
use inzage_domain::wire::{FieldErrors, ReportDetail, ReportList};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::linked::focus_first_error;
use super::login::Field;
use super::record::section_view;
use super::reports::{of_current, ReportView};
use super::{ensure_me, handle_session, renamed_field, show_failure};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, date_time, t, t1, tr, track};
use crate::records::{Current, Records};

/// The link's durations the form offers, in days.
const DAYS: [u8; 4] = [1, 7, 14, 30];

/// What `/delen` needs of the current record.
#[derive(Clone)]
struct ShareData {
    current: Current,
    shares: ShareList,
    reports: ReportList,
}

/// `/delen`: the record's links and a form for a new one.
#[component]
pub fn SharePage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let data = LocalResource::new(move || {
        of_current(records.get(), |current| async move {
            let shares = api::shares(&current.record).await?;
            let reports = api::record_reports(&current.record, &ListQuery::default()).await?;
            Ok(ShareData {
                current,
                shares,
                reports,
            })
        })
    });
    view! {
        <h1>{move || t("share.title")}</h1>
        <p>{move || t("share.intro")}</p>
        {section_view(data, "share.loading", |d: ShareData| view! { <ShareView data=d/> })}
    }
}

/// The domain names the form's fields `label`, `days` and `reports`; on the page they are
/// `share_label`, `share_days` and `share_reports`.
fn beside_the_fields(errors: FieldErrors) -> FieldErrors {
    let errors = renamed_field(errors, "label", "share_label");
    let errors = renamed_field(errors, "days", "share_days");
    renamed_field(errors, "reports", "share_reports")
}

#[component]
fn ShareView(data: ShareData) -> impl IntoView {
    let record = StoredValue::new(data.current.record.clone());
    let shares = RwSignal::new(data.shares.shares);
    let label = RwSignal::new(String::new());
    let days = RwSignal::new(14u8);
    let chosen = RwSignal::new(Vec::<String>::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let made = RwSignal::new(None::<ShareCreated>);
    let status = RwSignal::new(None::<String>);
    let link_ref = NodeRef::<leptos::html::Input>::new();

    // The new link's field takes the focus as soon as it shows, so it can be copied at once.
    Effect::new(move |_| {
        if let Some(el) = link_ref.get() {
            let _ = el.focus();
            el.select();
        }
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        status.set(None);
        let form = NewShare {
            label: label.get_untracked(),
            days: days.get_untracked(),
            // In the list's order, whatever order they were ticked in.
            reports: chosen.get_untracked(),
        };
        if let Err(e) = form.check() {
            errors.set(beside_the_fields(e));
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::make_share(&record.get_value(), &form).await {
                Ok(created) => {
                    errors.set(FieldErrors::default());
                    label.set(String::new());
                    chosen.set(Vec::new());
                    shares.update(|s| s.insert(0, created.share.clone()));
                    made.set(Some(created));
                }
                Err(f) => {
                    show_failure(f, errors, failure);
                    errors.update(|e| *e = beside_the_fields(std::mem::take(e)));
                }
            }
            busy.set(false);
        });
    };

    let revoke = move |id: String| {
        failure.set(None);
        status.set(None);
        leptos::task::spawn_local(async move {
            match api::revoke_share(&record.get_value(), &id).await {
                Ok(summary) => {
                    let text = t1("share.revoke.done", "label", &summary.label);
                    shares.update(|list| {
                        for s in list.iter_mut().filter(|s| s.id == summary.id) {
                            *s = summary.clone();
                        }
                    });
                    status.set(Some(text));
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                }
            }
        });
    };

    let order: Vec<String> = data.reports.reports.iter().map(|r| r.id.clone()).collect();
    let order = StoredValue::new(order);
    let reports_error = move || errors.with(|e| e.first("share_reports").map(tr));
    let boxes = data
        .reports
        .reports
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let id = format!("share_report_{i}");
            let report = r.id.clone();
            let line = format!("{} · {} · {}", r.title, date(r.date), r.hospital);
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-report=r.id.clone()
                        prop:checked={
                            let report = report.clone();
                            move || chosen.with(|c| c.contains(&report))
                        }
                        aria-invalid=move || if reports_error().is_some() { "true" } else { "false" }
                        aria-describedby="share_reports-error"
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let report = report.clone();
                            chosen.update(|c| {
                                c.retain(|x| *x != report);
                                if on {
                                    c.push(report);
                                }
                                order.with_value(|o| c.sort_by_key(|x| o.iter().position(|y| y == x)));
                            });
                            errors.update(|e| {
                                e.0.remove("share_reports");
                            });
                        }
                    />
                    <label for=id>{line}</label>
                </div>
            }
        })
        .collect_view();
    let day_options = DAYS
        .into_iter()
        .map(|d| {
            let key = if d == 1 {
                "share.days.one"
            } else {
                "share.days.n"
            };
            view! {
                <option value=d.to_string() selected=move || days.get() == d>
                    {move || t1(key, "days", &d.to_string())}
                </option>
            }
        })
        .collect_view();
    let days_error = move || errors.with(|e| e.first("share_days").map(tr));

    let new_link = move || {
        made.get().map(|created| {
            let href = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .map(|origin| format!("{origin}/gedeeld#{}", created.token))
                .unwrap_or_default();
            view! {
                <div class="card confirm-panel" data-testid="share-made">
                    <h2 id="share-made-title">{move || t("share.made.title")}</h2>
                    <p>{t1("share.made.text", "date", &date_time(created.share.expires))}</p>
                    <label for="share_link">{move || t("share.made.link")}</label>
                    <input
                        id="share_link"
                        type="text"
                        readonly=true
                        prop:value=href
                        node_ref=link_ref
                        data-testid="share-link"
                    />
                    <p class="hint">{move || t("share.made.once")}</p>
                </div>
            }
        })
    };

    let none = move || {
        shares
            .with(Vec::is_empty)
            .then(|| view! { <p data-testid="share-none">{move || t("share.none")}</p> })
    };
    let list = move || {
        shares
            .get()
            .into_iter()
            .map(|s| view! { <ShareCard share=s revoke=revoke/> })
            .collect_view()
    };

    view! {
        <div class="status-region" role="status" aria-live="polite" data-testid="share-status">
            {move || status.get().map(|s| view! { <p class="status-message">{s}</p> })}
        </div>
        <div aria-live="polite">{new_link}</div>
        <section class="card" aria-labelledby="share-form-title">
            <h2 id="share-form-title">{move || t("share.form.title")}</h2>
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <form on:submit=submit novalidate data-testid="share-form">
                <Field
                    id="share_label"
                    label=Signal::derive(move || t("share.form.label"))
                    hint=Signal::derive(move || t("share.form.label.hint"))
                    value=label
                    errors=errors
                />
                <div class="field" class:has-error=move || days_error().is_some()>
                    <label for="share_days">{move || t("share.form.days")}</label>
                    <select
                        id="share_days"
                        aria-describedby="share_days-error"
                        on:change=move |ev| {
                            days.set(event_target_value(&ev).parse().unwrap_or(0));
                            errors.update(|e| {
                                e.0.remove("share_days");
                            });
                        }
                    >
                        {day_options}
                    </select>
                    <p class="field-error" id="share_days-error" role="alert">{days_error}</p>
                </div>
                <fieldset class="field" class:has-error=move || reports_error().is_some()>
                    <legend>{move || t("share.form.reports")}</legend>
                    <p class="hint">{move || t("share.form.reports.hint")}</p>
                    {boxes}
                    <p class="field-error" id="share_reports-error" role="alert">{reports_error}</p>
                </fieldset>
                <button type="submit" data-testid="share-submit" disabled=move || busy.get()>
                    {move || t("share.form.submit")}
                </button>
            </form>
        </section>
        <section aria-labelledby="share-list-title">
            <h2 id="share-list-title">{move || t("share.list.title")}</h2>
            {none}
            <ul class="item-list" data-testid="shares">{list}</ul>
        </section>
    }
}

/// One link in the list: for whom, what, until when, how often opened; a button while open.
#[component]
fn ShareCard(share: ShareSummary, revoke: impl Fn(String) + Copy + 'static) -> impl IntoView {
    let state = match share.state {
        ShareState::Open => t1("share.state.open", "date", &date_time(share.expires)),
        ShareState::Expired => t1("share.state.expired", "date", &date_time(share.expires)),
        ShareState::Revoked => t1(
            "share.state.revoked",
            "date",
            &share.revoked.map(date_time).unwrap_or_default(),
        ),
    };
    let opened = t1("share.opened", "count", &share.opened.to_string());
    let made = t1("share.made_by", "name", &share.made_by);
    let titles = share.reports.join(", ");
    let id = share.id.clone();
    let button = (share.state == ShareState::Open).then(|| {
        let label = t1("share.revoke.label", "label", &share.label);
        view! {
            <div class="item-actions">
                <button type="button" class="secondary" aria-label=label data-testid="share-revoke" on:click=move |_| revoke(id.clone())>
                    {move || t("share.revoke")}
                </button>
            </div>
        }
    });
    view! {
        <li class="item-card" data-testid="share" data-state=format!("{:?}", share.state).to_lowercase()>
            <span class="item-title"><bdi>{share.label}</bdi></span>
            <span class="item-meta">{state}</span>
            <span>{titles}</span>
            <span class="item-meta">{made}" · "{opened}</span>
            {button}
        </li>
    }
}

/// `/gedeeld#<secret>`: a shared link, opened without an account.
#[component]
pub fn SharedPage() -> impl IntoView {
    let token = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default();
    let loaded = RwSignal::new(None::<Result<SharedRecord, ApiFailure>>);
    {
        let token = token.clone();
        leptos::task::spawn_local(async move {
            loaded.set(Some(api::open_share(&OpenShare { token }).await));
        });
    }
    let token = StoredValue::new(token);
    let open = RwSignal::new(None::<usize>);
    move || {
        track();
        match loaded.get() {
            None => view! { <p aria-busy="true">{move || t("shared.loading")}</p> }.into_any(),
            Some(Err(f)) => {
                let text = match &f {
                    ApiFailure::Server { status: 404, .. } => t("shared.unknown"),
                    f => tr(&f.message()),
                };
                view! {
                    <h1>{move || t("shared.title")}</h1>
                    <p class="form-error" role="alert" data-testid="shared-error">{text}</p>
                }
                .into_any()
            }
            Some(Ok(shared)) => match open.get() {
                Some(i) if i < shared.reports.len() => {
                    let report = shared.reports[i].clone();
                    let documents = SharedDocuments(SharedDocumentsProps {
                        token: token.get_value(),
                        report: report.clone(),
                    });
                    view! {
                        <p>
                            <button type="button" class="secondary" data-testid="shared-back" on:click=move |_| open.set(None)>
                                {move || t("shared.back")}
                            </button>
                        </p>
                        <ReportView report=report current=None/>
                        {documents}
                    }
                    .into_any()
                }
                _ => view! { <SharedOverview shared=shared open=open/> }.into_any(),
            },
        }
    }
}

#[component]
fn SharedOverview(shared: SharedRecord, open: RwSignal<Option<usize>>) -> impl IntoView {
    let born = shared
        .birth_date
        .map(|d| t1("shared.born", "date", &date(d)));
    let items = shared
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let meta = format!("{} · {}", date(r.date), r.hospital);
            view! {
                <li class="item-card">
                    <button type="button" class="link-button item-title" data-testid="shared-report" on:click=move |_| open.set(Some(i))>
                        {r.title.clone()}
                    </button>
                    <span class="item-meta">{meta}</span>
                </li>
            }
        })
        .collect_view();
    let none = shared.reports.is_empty();
    view! {
        <h1>{t1("shared.heading", "name", &shared.patient)}</h1>
        <p data-testid="shared-about">
            {born.map(|b| view! { {b}" " })}
            {t1("shared.for", "label", &shared.label)}" "
            {t1("shared.until", "date", &date_time(shared.expires))}
        </p>
        <p>{move || t("shared.intro")}</p>
        {none.then(|| view! { <p>{move || t("shared.none")}</p> })}
        <ul class="item-list" data-testid="shared-reports">{items}</ul>
    }
}

/// The documents of a shared report (a letter as PDF, a scan): each fetched with the link's
/// secret on request, then offered as a link to open it.
#[component]
fn SharedDocuments(token: String, report: ReportDetail) -> impl IntoView {
    if report.documents.is_empty() {
        return ().into_any();
    }
    let token = StoredValue::new(token);
    let items = report
        .documents
        .into_iter()
        .map(|d| {
            let fetched = RwSignal::new(None::<String>);
            let failure = RwSignal::new(None::<Message>);
            let busy = RwSignal::new(false);
            let ask = SharedDocument {
                token: token.get_value(),
                report: report.id.clone(),
                index: d.index,
            };
            let media_type = d.media_type.clone();
            let fetch = move |_| {
                let ask = ask.clone();
                let media_type = media_type.clone();
                busy.set(true);
                failure.set(None);
                leptos::task::spawn_local(async move {
                    match api::shared_document(&ask).await {
                        Ok(bytes) => match super::blob_url(&bytes, &media_type) {
                            Some(url) => fetched.set(Some(url)),
                            None => failure.set(Some(Message::new("error.network"))),
                        },
                        Err(f) => failure.set(Some(f.message())),
                    }
                    busy.set(false);
                });
            };
            let title = d.title.clone();
            view! {
                <li>
                    {move || match fetched.get() {
                        Some(url) => view! {
                            <a href=url target="_blank" rel="noopener" data-testid="shared-document">
                                {t1("shared.document.open", "title", &title)}
                            </a>
                        }
                        .into_any(),
                        None => {
                            let label = t1("shared.document.fetch", "title", &d.title);
                            view! {
                                <button type="button" class="secondary" data-testid="shared-document-fetch" on:click=fetch.clone() disabled=move || busy.get()>
                                    {label}
                                </button>
                            }
                            .into_any()
                        }
                    }}
                    <span class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="shared-documents-title">
            <h2 id="shared-documents-title">{move || t("report.documents")}</h2>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

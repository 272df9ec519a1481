//! "Wie bekeek mijn dossier": the record's audit trail as the patient sees it, newest first,
//! filtered by day and person, with every entry's outcome and reasons in plain words, in the
//! person's language.

use std::collections::BTreeMap;

use inzage_domain::access::Principal;
use inzage_domain::wire::{AuditEntry, FieldErrors};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use time::format_description::well_known::Rfc3339;

use super::login::Field;
use super::{ensure_me, handle_session, no_record};
use crate::api::{self, ApiFailure, AuditQuery};
use crate::i18n::{date_time, reason_text, t, t1, t_record, text_of, tr};
use crate::records::Records;

/// The id of an entry's actor, as the `actor` filter takes it.
fn actor_id(actor: &Principal) -> String {
    match actor {
        Principal::Person { id } => id.0.clone(),
        Principal::Practitioner { id } => id.0.clone(),
    }
}

/// The actor's role at the time, in words ("huisarts", "u zelf").
fn role_label(role: &str) -> Option<String> {
    let key = match role {
        "patient" => "audit.role.patient",
        "general_practitioner" => "audit.role.general_practitioner",
        "specialist" => "audit.role.specialist",
        "referrer" => "audit.role.referrer",
        "person" => "audit.role.person",
        "ombuds" => "audit.role.ombuds",
        "parent" => "audit.role.parent",
        "trusted_person" => "audit.role.trusted_person",
        "representative" => "audit.role.representative",
        "authorised" => "audit.role.authorised",
        "relative" => "audit.role.relative",
        "share_link" => "audit.role.share_link",
        _ => return None,
    };
    Some(t(key))
}

/// What the actor did, in words: the action and the resource of the entry.
fn what_label(entry: &AuditEntry) -> String {
    let resource = entry.resource.as_str();
    let read = entry.action == "read";
    let key = match resource {
        "reports" if read => "audit.what.reports",
        "access" if read => "audit.what.access",
        "audit" if read => "audit.what.audit",
        "results" if read => "audit.what.results",
        r if read && r.starts_with("results/") => "audit.what.result",
        "summary" if read => "audit.what.summary",
        "medications" if read => "audit.what.medications",
        "appointments" if read => "audit.what.appointments",
        "leaflets" if read => "audit.what.leaflets",
        "shares" if read => "audit.what.shares",
        "release" if read => "audit.what.release",
        r if !read && r.starts_with("release/") => "audit.what.release_change",
        r if read && r.starts_with("share/") => "audit.what.share_opened",
        r if !read && r.starts_with("share/new/") => "audit.what.share_new",
        r if !read && r.starts_with("share/revoke/") => "audit.what.share_revoke",
        r if !read && r.starts_with("appointment/book/") => "audit.what.appointment_book",
        r if !read && r.starts_with("appointment/move/") => "audit.what.appointment_move",
        r if !read && r.starts_with("appointment/cancel/") => "audit.what.appointment_cancel",
        "referral_request" => "audit.what.referral_request",
        r if r.starts_with("link/approved/") => "audit.what.link_approved",
        r if r.starts_with("link/refused/") => "audit.what.link_refused",
        r if r.starts_with("representation/approved/") => "audit.what.representation_approved",
        r if r.starts_with("representation/refused/") => "audit.what.representation_refused",
        "incapacity/ended" => "audit.what.capacity_regained",
        r if r.starts_with("video/joined/") => "audit.what.video_joined",
        r if r.starts_with("video/left/") => "audit.what.video_left",
        r if r.starts_with("video/refused/") => "audit.what.video_refused",
        "code_card/blocked" => "audit.what.code_card_blocked",
        "code_card/requested" => "audit.what.code_card_requested",
        "code_card/posted" => "audit.what.code_card_posted",
        "code_card/printed" => "audit.what.code_card_printed",
        "account/suspended" => "audit.what.account_suspended",
        "account/resumed" => "audit.what.account_resumed",
        "record/pdf" if read => "audit.what.record_pdf",
        r if read && r.starts_with("report/") && r.ends_with("/pdf") => "audit.what.report_pdf",
        r if read && (r == "report" || r.starts_with("report/")) => "audit.what.report",
        r if !read && r.starts_with("access/") => {
            // `access/<command>` or `access/<command>/<practitioner>`.
            let kind = r.split('/').nth(1).unwrap_or_default();
            let change =
                text_of(&format!("audit.change.{kind}")).unwrap_or_else(|| t("audit.change.other"));
            return t1("audit.what.change_access", "change", &change);
        }
        "messages" if read => "audit.what.messages",
        r if r.starts_with("message/") && r.ends_with("/attachment") => {
            "audit.what.message_attachment"
        }
        r if read && r.starts_with("message/") => "audit.what.message_read",
        r if r.starts_with("message/") => "audit.what.message_sent",
        "requests" if read => "audit.what.requests",
        // A filing the domain refused before it was a request (a correction by a trusted
        // person, say): the refusal is in the trail under the plain resource.
        "request" if !read => "audit.what.request_attempt",
        r if r.starts_with("request/") => {
            // `request/<kind>`, `request/<kind>/answer`, `request/<kind>/delivery` or
            // `request/<kind>/<status>` (staff's step).
            let mut parts = r.split('/').skip(1);
            let kind = t(&format!(
                "requests.kind.{}",
                parts.next().unwrap_or_default()
            ));
            return match parts.next() {
                None => t1("audit.what.request_filed", "kind", &kind),
                Some("answer") => t1("audit.what.request_answered", "kind", &kind),
                Some("delivery") => t1("audit.what.request_delivery", "kind", &kind),
                Some(status) => tr(&Message::new("audit.what.request_status")
                    .arg("kind", kind)
                    .arg("status", t(&format!("requests.status.{status}")))),
            };
        }
        _ if read => "audit.what.read_other",
        _ => "audit.what.change_other",
    };
    t_record(key)
}

/// The reasons of an entry as sentences; a practitioner's reasons name them by their name.
fn reasons_of(entry: &AuditEntry) -> Vec<String> {
    let practitioner = matches!(entry.actor, Principal::Practitioner { .. });
    entry
        .reasons
        .iter()
        .map(|r| {
            reason_text(r, |_| {
                if practitioner {
                    Some(entry.actor_name.clone())
                } else {
                    None
                }
            })
        })
        .collect()
}

/// The audit page.
#[component]
pub fn AuditPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let actor = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let next_before = RwSignal::new(None::<i64>);
    // Everyone seen so far, by id, for the "Persoon" filter.
    let actors = RwSignal::new(BTreeMap::<String, String>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let loading = RwSignal::new(true);
    // The filters of the list on screen, for "Meer laden".
    let shown = RwSignal::new(AuditQuery::default());

    let fetch = move |query: AuditQuery, append: bool| {
        loading.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = match records.get_untracked() {
                Some(Ok(current)) => api::audit(&current.record, &query).await,
                Some(Err(f)) => Err(f),
                None => Err(no_record()),
            };
            match result {
                Ok(page) => {
                    actors.update(|a| {
                        for e in &page.entries {
                            a.entry(actor_id(&e.actor))
                                .or_insert_with(|| e.actor_name.clone());
                        }
                    });
                    next_before.set(page.next_before);
                    if append {
                        entries.update(|list| list.extend(page.entries));
                    } else {
                        entries.set(page.entries);
                    }
                    shown.set(query);
                }
                Err(ApiFailure::Server { status: 422, body }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                }
                Err(f) => failure.set(Some(f)),
            }
            loading.set(false);
        });
    };
    // The trail of the current record, again when it changes.
    Effect::new(move |_| {
        if records.get().is_some() {
            from.set(String::new());
            until.set(String::new());
            actor.set(String::new());
            actors.set(BTreeMap::new());
            fetch(AuditQuery::default(), false);
        }
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        errors.set(FieldErrors::default());
        fetch(
            AuditQuery {
                from: from.get_untracked(),
                until: until.get_untracked(),
                actor: actor.get_untracked(),
                before: None,
            },
            false,
        );
    };

    let more = move |_| {
        if let Some(before) = next_before.get_untracked() {
            let mut query = shown.get_untracked();
            query.before = Some(before);
            fetch(query, true);
        }
    };

    let options = move || {
        actors
            .get()
            .into_iter()
            .map(|(id, name)| {
                let selected = actor.with(|a| *a == id);
                view! { <option value=id selected=selected>{name}</option> }
            })
            .collect_view()
    };

    let rows = move || {
        entries
            .get()
            .into_iter()
            .map(|e| {
                let who = match role_label(&e.actor_role) {
                    Some(role) => format!("{} ({role})", e.actor_name),
                    None => e.actor_name.clone(),
                };
                let reasons = reasons_of(&e)
                    .into_iter()
                    .map(|r| view! { <li>{r}</li> })
                    .collect_view();
                let outcome = if e.permitted {
                    t("audit.permitted")
                } else {
                    t("audit.denied")
                };
                view! {
                    <tr data-testid="audit-row" class:denied=!e.permitted>
                        <td data-label=move || t("audit.column.when")>
                            <time datetime=e.at.format(&Rfc3339).unwrap_or_default()>{date_time(e.at)}</time>
                        </td>
                        <th scope="row" data-label=move || t("audit.column.who")>{who}</th>
                        <td data-label=move || t("audit.column.what")>{what_label(&e)}</td>
                        <td data-label=move || t("audit.column.outcome")>{outcome}</td>
                        <td data-label=move || t("audit.column.why")><ul class="reasons">{reasons}</ul></td>
                    </tr>
                }
            })
            .collect_view()
    };

    let error = move || {
        failure.get().map(|f| {
            handle_session::<()>(&Err(f.clone()));
            view! { <p class="form-error" role="alert" data-testid="audit-error">{tr(&f.message())}</p> }
        })
    };

    view! {
        <h1>{move || t("audit.title")}</h1>
        <p>{move || t_record("audit.intro")}</p>
        <form class="audit-filters" on:submit=submit novalidate aria-label=move || t("audit.filters")>
            <Field
                id="from"
                label=Signal::derive(|| t("audit.from"))
                value=from
                errors=errors
                kind="date"
            />
            <Field
                id="until"
                label=Signal::derive(|| t("audit.until"))
                value=until
                errors=errors
                kind="date"
            />
            <div class="field">
                <label for="actor">{move || t("audit.actor")}</label>
                <select
                    id="actor"
                    name="actor"
                    on:change=move |ev| actor.set(event_target_value(&ev))
                    prop:value=move || actor.get()
                >
                    <option value="" selected=move || actor.with(String::is_empty)>
                        {move || t("audit.actor.everyone")}
                    </option>
                    {options}
                </select>
            </div>
            <div class="field filter-submit">
                <button type="submit" disabled=move || loading.get()>{move || t("audit.apply")}</button>
            </div>
        </form>
        {error}
        <div aria-live="polite" aria-busy=move || if loading.get() { "true" } else { "false" }>
            <table class="stack audit-table" data-testid="audit-table">
                <caption>{move || t_record("audit.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t("audit.column.when")}</th>
                        <th scope="col">{move || t("audit.column.who")}</th>
                        <th scope="col">{move || t("audit.column.what")}</th>
                        <th scope="col">{move || t("audit.column.outcome")}</th>
                        <th scope="col">{move || t("audit.column.why")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || (!loading.get() && entries.with(Vec::is_empty))
                .then(|| view! { <p>{move || t("audit.empty")}</p> })}
            {move || loading.get().then(|| view! { <p>{move || t("common.loading")}</p> })}
        </div>
        {move || next_before.get().map(|_| view! {
            <p>
                <button type="button" class="secondary" data-testid="audit-more" on:click=more disabled=move || loading.get()>
                    {move || t("audit.more")}
                </button>
            </p>
        })}
    }
}

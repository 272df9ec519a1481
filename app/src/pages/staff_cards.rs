//! The back office's code cards: the letters to post (download, then mark as posted), and the
//! helpdesk (look an account up by a login name, see its state, lift a lock, print a new card at
//! the desk for a patient who is there in person).

use inzage_domain::account::{AccountLookup, HelpdeskAccount, StaffCardRequest};
use inzage_domain::wire::FieldErrors;
use inzage_domain::{LoginName, Message};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::handle_session;
use super::linked::focus_first_error;
use super::login::Field;
use super::staff::{done, queue_items, queue_table, StatusLine};
use crate::api::{self, ApiFailure};
use crate::i18n::{date_time, t, t1, text_of, tr, track};

/// "Codekaarten": printed letters waiting to be posted, oldest first.
#[component]
pub fn CodeCardQueue() -> impl IntoView {
    let queue = RwSignal::new(None::<Result<Vec<StaffCardRequest>, ApiFailure>>);
    let posted = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        queue.set(Some(api::staff_code_cards().await));
    });
    // A posted letter leaves the queue; the status message takes the focus the row had.
    let on_posted = move |id: String, name: String| {
        posted.set(Some(name));
        done(queue, |r| r.id == id, status_ref);
    };
    let body = move || {
        track();
        match queue_items(queue.get(), Some("staff-cards-error")) {
            Err(state) => state,
            Ok(list) => {
                let empty = list.is_empty().then_some("staff.cards.empty");
                let rows = list
                    .into_iter()
                    .map(|r| view! { <LetterRow request=r on_posted=on_posted/> })
                    .collect_view()
                    .into_any();
                let columns = &[
                    "staff.cards.column.patient",
                    "staff.cards.column.address",
                    "staff.cards.column.channel",
                    "staff.cards.column.confirmed",
                    "staff.cards.column.letter",
                ];
                queue_table("staff-cards", "staff.cards.caption", columns, empty, rows)
            }
        }
    };
    view! {
        <section aria-labelledby="staff-cards-title">
            <h2 id="staff-cards-title">{move || t("staff.cards.title")}</h2>
            <p>{move || t("staff.cards.intro")}</p>
            <StatusLine
                node_ref=status_ref
                testid="staff-cards-status"
                text=Signal::derive(move || posted.get().map(|n| t1("staff.cards.posted", "name", &n)))
            />
            {body}
        </section>
    }
}

/// One letter: whom it goes to, where, and the buttons to download it and mark it posted.
#[component]
fn LetterRow(
    request: StaffCardRequest,
    on_posted: impl Fn(String, String) + Copy + 'static,
) -> impl IntoView {
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let id = request.id.clone();
    let name = request.patient_name.clone();
    let mark = move |_| {
        failure.set(None);
        busy.set(true);
        let id = id.clone();
        let name = name.clone();
        leptos::task::spawn_local(async move {
            match api::staff_posted(&id).await {
                Ok(()) => on_posted(id, name),
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                    busy.set(false);
                }
            }
        });
    };
    let channel = text_of(&format!("staff.cards.channel.{}", request.channel))
        .unwrap_or_else(|| request.channel.clone());
    let record = request
        .record_number
        .clone()
        .map(|n| t1("staff.cards.record_number", "number", &n));
    let address = request
        .postal_address
        .clone()
        .unwrap_or_else(|| t("staff.cards.no_address"));
    let download_label = t1("staff.cards.download_of", "name", &request.patient_name);
    let posted_label = t1("staff.cards.mark_posted_of", "name", &request.patient_name);
    let error_id = format!("letter-error-{}", request.id);
    view! {
        <tr data-testid="staff-card" data-name=request.patient_name.clone()>
            <th scope="row" data-label=t("staff.cards.column.patient")>
                {request.patient_name.clone()}
                {record.map(|r| view! { <br/>{r} })}
            </th>
            <td data-label=t("staff.cards.column.address") class="staff-message">{address}</td>
            <td data-label=t("staff.cards.column.channel")>{channel}</td>
            <td data-label=t("staff.cards.column.confirmed")>{date_time(request.confirmed_at)}</td>
            <td data-label=t("staff.cards.column.letter") class="staff-decision">
                <p class="form-error" id=error_id.clone() role="alert">{move || failure.get().map(|m| tr(&m))}</p>
                <div class="actions">
                    <a
                        class="button-link"
                        href=api::staff_letter_url(&request.id)
                        download="codekaart.pdf"
                        aria-label=download_label
                        data-testid="letter-download"
                    >
                        {t("staff.cards.download")}
                    </a>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        data-testid="letter-posted"
                        aria-label=posted_label
                        aria-describedby=error_id
                        disabled=move || busy.get()
                        on:click=mark
                    >
                        {t("staff.cards.mark_posted")}
                    </button>
                </div>
            </td>
        </tr>
    }
}

/// "Helpdesk": find an account by any of its login names; see whether it is locked, disabled,
/// has a card and open sessions; lift a lock; print a card at the desk.
#[component]
pub fn Helpdesk() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let found = RwSignal::new(None::<HelpdeskAccount>);
    let busy = RwSignal::new(false);

    let look_up = move || {
        form_error.set(None);
        let typed = name.get_untracked();
        let mut e = FieldErrors::default();
        e.check("helpdesk_username", LoginName::parse(&typed));
        if !e.is_empty() {
            errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::staff_lookup(&AccountLookup { username: typed }).await {
                Ok(a) => found.set(Some(a)),
                Err(ApiFailure::Server { mut body, .. }) if !body.fields.is_empty() => {
                    // The server names the field `username`; the page's field has its own id.
                    if let Some(m) = body.fields.0.remove("username") {
                        body.fields.0.insert("helpdesk_username".into(), m);
                    }
                    errors.set(body.fields);
                    focus_first_error();
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    found.set(None);
                    form_error.set(Some(
                        if matches!(&f, ApiFailure::Server { status: 404, .. }) {
                            Message::new("staff.helpdesk.not_found")
                        } else {
                            f.message()
                        },
                    ));
                }
            }
            busy.set(false);
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        look_up();
    };
    view! {
        <section class="referral" aria-labelledby="helpdesk-title" data-testid="helpdesk">
            <h2 id="helpdesk-title">{move || t("staff.helpdesk.title")}</h2>
            <p>{move || t("staff.helpdesk.intro")}</p>
            <div class="form-error" role="alert" data-testid="helpdesk-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate>
                <Field
                    id="helpdesk_username"
                    label=Signal::derive(|| t("staff.helpdesk.username"))
                    hint=Signal::derive(|| t("login.username.hint"))
                    value=name
                    errors=errors
                />
                <button type="submit" data-testid="helpdesk-submit" disabled=move || busy.get()>
                    {move || t("staff.helpdesk.submit")}
                </button>
            </form>
            {move || {
                track();
                found.get().map(|a| view! { <HelpdeskResult account=a on_change=look_up/> })
            }}
        </section>
    }
}

/// The account found, with what the helpdesk can do for it.
#[component]
fn HelpdeskResult(
    account: HelpdeskAccount,
    on_change: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let failure = RwSignal::new(None::<Message>);
    let status = RwSignal::new(None::<String>);
    let card_url = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    on_cleanup(move || {
        if let Some(old) = card_url.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    let unlock = {
        let id = account.account_id.clone();
        move |_| {
            let Some(id) = id.clone() else { return };
            failure.set(None);
            busy.set(true);
            leptos::task::spawn_local(async move {
                match api::staff_unlock(&id).await {
                    Ok(()) => on_change(),
                    Err(f) => {
                        handle_session::<()>(&Err(f.clone()));
                        failure.set(Some(f.message()));
                    }
                }
                busy.set(false);
            });
        }
    };
    let print = {
        let patient = account.patient_id.clone();
        move |_| {
            let Some(patient) = patient.clone() else {
                return;
            };
            failure.set(None);
            status.set(None);
            busy.set(true);
            leptos::task::spawn_local(async move {
                match api::staff_print(&patient).await {
                    Ok(bytes) => match super::blob_url(&bytes, "application/pdf") {
                        Some(url) => {
                            if let Some(old) = card_url.get_untracked() {
                                let _ = web_sys::Url::revoke_object_url(&old);
                            }
                            card_url.set(Some(url));
                            status.set(Some(t("staff.helpdesk.printed")));
                        }
                        None => failure.set(Some(Message::new("error.network"))),
                    },
                    Err(f) => {
                        handle_session::<()>(&Err(f.clone()));
                        failure.set(Some(f.message()));
                    }
                }
                busy.set(false);
            });
        }
    };
    let reason = RwSignal::new(String::new());
    let reason_errors = RwSignal::new(FieldErrors::default());
    let suspend = {
        let id = account.account_id.clone();
        move |_| {
            let Some(id) = id.clone() else { return };
            failure.set(None);
            status.set(None);
            let form = inzage_domain::account::Suspension {
                reason: reason.get_untracked(),
            };
            // The same check as the server's, beside the field at once.
            if let Err(e) = form.validate() {
                reason_errors.set(e);
                return;
            }
            busy.set(true);
            leptos::task::spawn_local(async move {
                match api::staff_suspend(&id, &form.reason).await {
                    Ok(()) => {
                        status.set(Some(t("staff.helpdesk.suspend_done")));
                        on_change();
                    }
                    Err(ApiFailure::Server { status: 422, body }) => reason_errors.set(body.fields),
                    Err(f) => {
                        handle_session::<()>(&Err(f.clone()));
                        failure.set(Some(f.message()));
                    }
                }
                busy.set(false);
            });
        }
    };
    let resume = {
        let id = account.account_id.clone();
        move |_| {
            let Some(id) = id.clone() else { return };
            failure.set(None);
            busy.set(true);
            leptos::task::spawn_local(async move {
                match api::staff_resume(&id).await {
                    Ok(()) => {
                        status.set(Some(t("staff.helpdesk.resume_done")));
                        on_change();
                    }
                    Err(f) => {
                        handle_session::<()>(&Err(f.clone()));
                        failure.set(Some(f.message()));
                    }
                }
                busy.set(false);
            });
        }
    };
    let suspended = account.suspended_reason.clone();
    let state = if account.account_id.is_none() {
        t("staff.helpdesk.no_account")
    } else if account.disabled {
        t("staff.helpdesk.disabled")
    } else if let Some(until) = account.locked_until {
        t1("staff.helpdesk.locked_until", "when", &date_time(until))
    } else {
        t("staff.helpdesk.can_log_in")
    };
    let failures = t1(
        "staff.helpdesk.failures",
        "count",
        &account.failures.to_string(),
    );
    let card = if account.has_card {
        t("staff.helpdesk.has_card")
    } else {
        t("staff.helpdesk.no_card")
    };
    let sessions = t1(
        "staff.helpdesk.sessions",
        "count",
        &account.sessions.to_string(),
    );
    let has_account = account.account_id.is_some();
    let is_patient = account.patient_id.is_some();
    let unlock_label = t1("staff.helpdesk.unlock_of", "name", &account.display_name);
    let print_label = t1("staff.helpdesk.print_of", "name", &account.display_name);
    view! {
        <div class="person-card" data-testid="helpdesk-account" data-name=account.display_name.clone()>
            <p class="person-name">{account.display_name.clone()}</p>
            <p class="setting-state" data-testid="helpdesk-state">{state}</p>
            {suspended.clone().map(|r| view! {
                <p class="setting-state" data-testid="helpdesk-suspended">
                    {t1("staff.helpdesk.suspended", "reason", &r)}
                </p>
            })}
            {has_account.then(|| view! {
                <p class="person-meta">{failures}</p>
                <p class="person-meta">{card}</p>
                <p class="person-meta">{sessions}</p>
            })}
            <div role="status" aria-live="polite" data-testid="helpdesk-status">
                {move || status.get().map(|s| view! { <p class="status-message">{s}</p> })}
            </div>
            <p class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</p>
            <div class="actions">
                {has_account.then(|| view! {
                    <button
                        type="button"
                        class="secondary"
                        data-testid="helpdesk-unlock"
                        aria-label=unlock_label
                        disabled=move || busy.get()
                        on:click=unlock
                    >
                        {t("staff.helpdesk.unlock")}
                    </button>
                })}
                {is_patient.then(|| view! {
                    <button
                        type="button"
                        data-testid="helpdesk-print"
                        aria-label=print_label
                        disabled=move || busy.get()
                        on:click=print
                    >
                        {t("staff.helpdesk.print")}
                    </button>
                })}
            </div>
            {(has_account && suspended.is_none()).then(|| view! {
                <div class="suspend">
                    <Field
                        id="suspend_reason"
                        label=Signal::derive(move || t("staff.helpdesk.suspend_reason"))
                        value=reason
                        errors=reason_errors
                    />
                    <button
                        type="button"
                        class="danger"
                        data-testid="helpdesk-suspend"
                        disabled=move || busy.get()
                        on:click=suspend
                    >
                        {t("staff.helpdesk.suspend")}
                    </button>
                </div>
            })}
            {(has_account && suspended.is_some()).then(|| view! {
                <button
                    type="button"
                    class="secondary"
                    data-testid="helpdesk-resume"
                    disabled=move || busy.get()
                    on:click=resume
                >
                    {t("staff.helpdesk.resume")}
                </button>
            })}
            {move || card_url.get().map(|url| view! {
                <p>
                    <a class="button-link" href=url download="codekaart.pdf" data-testid="helpdesk-card-pdf">
                        {t("staff.helpdesk.download")}
                    </a>
                </p>
            })}
        </div>
    }
}

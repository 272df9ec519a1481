//! `/afspraken`: upcoming and past appointments, and booking, moving and cancelling them online
//! where the hospital offers it.
//!
//! The server says what each appointment allows (`changes`, decided by the domain crate under
//! the hospital's settings) and whether the person can book; the page shows only those
//! buttons, and the server decides again when one is used.

use inzage_domain::appointments::{AppointmentChange, AppointmentChanged, FreeSlot, FreeSlots};
use inzage_domain::record::{AppointmentItem, AppointmentList};
use inzage_domain::wire::FieldErrors;
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use super::linked::focus_first_error;
use super::record::{section_view, status_text};
use super::reports::of_current;
use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date_time, local_time, local_weekday, t, t1, tr, track};
use crate::records::Records;

/// What is open on the page: nothing, the booking form, moving one appointment, or the question
/// whether to cancel one.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Open {
    Nothing,
    Book,
    Move(String),
    Cancel(String),
}

/// The page's shared state: what is open, the confirmation of the last change, and a counter
/// that reloads the list.
#[derive(Clone, Copy)]
struct Page {
    record: Signal<Option<String>>,
    open: RwSignal<Open>,
    done: RwSignal<Option<String>>,
    reload: RwSignal<u32>,
}

impl Page {
    /// After a change: says what it did, closes the form and reloads the list.
    fn changed(self, c: &AppointmentChanged) {
        let when = date_time(c.appointment.start);
        let mut text = t1(
            &format!("appointments.done.{}", c.change.as_str()),
            "when",
            &when,
        );
        if c.mailed {
            text.push(' ');
            text.push_str(&t("appointments.done.mailed"));
        }
        self.done.set(Some(text));
        self.open.set(Open::Nothing);
        self.reload.update(|n| *n += 1);
    }
}

/// `/afspraken`.
#[component]
pub fn AppointmentsPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        of_current(records.get(), |c| async move {
            api::record_appointments(&c.record).await
        })
    });
    let page = Page {
        record: Signal::derive(move || records.get().and_then(Result::ok).map(|c| c.record)),
        open: RwSignal::new(Open::Nothing),
        done: RwSignal::new(None),
        reload,
    };
    view! {
        <h1>{move || t("appointments.title")}</h1>
        <div role="status" aria-live="polite" data-testid="appointment-status">
            {move || page.done.get().map(|d| view! { <p class="status-message">{d}</p> })}
        </div>
        {section_view(data, "appointments.loading", move |list: AppointmentList| {
            view! { <AppointmentsView list=list page=page/> }
        })}
    }
}

#[component]
fn AppointmentsView(list: AppointmentList, page: Page) -> impl IntoView {
    let no_upcoming = list.upcoming.is_empty();
    let no_past = list.past.is_empty();
    let can_book = list.can_book;
    view! {
        {can_book.then(|| view! {
            <section aria-labelledby="book-title" class="appointment-booking">
                <h2 id="book-title" class="visually-hidden">{move || t("appointments.book")}</h2>
                {move || (page.open.get() != Open::Book).then(|| view! {
                    <button type="button" data-testid="book-appointment" on:click=move |_| {
                        page.done.set(None);
                        page.open.set(Open::Book);
                    }>{t("appointments.book")}</button>
                })}
                {move || (page.open.get() == Open::Book).then(|| view! { <SlotPicker page=page moving=None/> })}
            </section>
        })}
        <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{move || t("appointments.upcoming")}</h2>
            {no_upcoming.then(|| view! { <p>{move || t("appointments.none")}</p> })}
            <ul class="item-list" data-testid="upcoming-appointments">
                {list.upcoming.into_iter().map(|a| view! { <AppointmentCard item=a page=Some(page)/> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="past-appointments-title">
            <h2 id="past-appointments-title">{move || t("appointments.past")}</h2>
            {no_past.then(|| view! { <p>{move || t("appointments.none")}</p> })}
            <ul class="item-list" data-testid="past-appointments">
                {list.past.into_iter().map(|a| view! { <AppointmentCard item=a page=None/> }).collect_view()}
            </ul>
        </section>
    }
}

/// One appointment; upcoming ones (with `page`) carry the changes the person can make online.
#[component]
fn AppointmentCard(item: AppointmentItem, page: Option<Page>) -> impl IntoView {
    let cancelled = item.status == "cancelled" || item.status == "noshow";
    let details = [
        item.location.clone(),
        item.practitioner
            .as_ref()
            .map(|p| t1("appointments.with", "name", p)),
        Some(item.hospital.clone()),
        item.video.then(|| t("appointments.video.badge")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let id = item.id.clone();
    let actions = page.map(|page| {
        let may_move = item.changes.contains(&AppointmentChange::Move);
        let may_cancel = item.changes.contains(&AppointmentChange::Cancel);
        let closed = item.change_closed.clone();
        let (move_id, cancel_id, open_id) = (id.clone(), id.clone(), id.clone());
        let video = (item.video && matches!(item.status.as_str(), "booked" | "arrived"))
            .then(|| page.record.get_untracked())
            .flatten()
            .map(|record| super::video::href(&record, &id));
        view! {
            {closed.map(|m| view! { <p class="item-note" data-testid="change-closed">{tr(&m)}</p> })}
            {video.map(|href| view! {
                <p class="item-note">
                    <A href=href attr:data-testid="open-video">{move || t("appointments.video.open")}</A>
                    " "{move || t("appointments.video.hint")}
                </p>
            })}
            <div class="item-actions">
                {may_move.then(|| view! {
                    <button type="button" class="secondary" data-testid="move-appointment" on:click=move |_| {
                        page.done.set(None);
                        page.open.set(Open::Move(move_id.clone()));
                    }>{t("appointments.move")}</button>
                })}
                {may_cancel.then(|| view! {
                    <button type="button" class="secondary" data-testid="cancel-appointment" on:click=move |_| {
                        page.done.set(None);
                        page.open.set(Open::Cancel(cancel_id.clone()));
                    }>{t("appointments.cancel")}</button>
                })}
            </div>
            {move || match page.open.get() {
                Open::Move(m) if m == open_id => view! { <SlotPicker page=page moving=Some(m)/> }.into_any(),
                Open::Cancel(c) if c == open_id => view! { <CancelQuestion page=page id=c/> }.into_any(),
                _ => ().into_any(),
            }}
        }
    });
    view! {
        <li class="item-card" class:cancelled=cancelled data-testid="appointment">
            <span class="item-title">{item.description}</span>
            <time class="item-when" datetime=item.start.to_string()>{date_time(item.start)}</time>
            <span class="item-status">{status_text("appointment", &item.status)}</span>
            <span class="item-meta">{details}</span>
            {actions}
        </li>
    }
}

/// Asks before cancelling.
#[component]
fn CancelQuestion(page: Page, id: String) -> impl IntoView {
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let yes = move |_| {
        let Some(record) = page.record.get_untracked() else {
            return;
        };
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::cancel_appointment(&record, &id).await {
                Ok(c) => page.changed(&c),
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="confirm" role="group" aria-labelledby="cancel-question" data-testid="cancel-question">
            <p id="cancel-question">{move || t("appointments.cancel.confirm")}</p>
            <p class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</p>
            <button type="button" class="danger" data-testid="cancel-yes" disabled=move || busy.get() on:click=yes>
                {move || t("appointments.cancel.yes")}
            </button>
            <button type="button" class="secondary" on:click=move |_| page.open.set(Open::Nothing)>
                {move || t("appointments.cancel.no")}
            </button>
        </div>
    }
}

/// The free slots to book (or, with `moving`, to move that appointment to), grouped by day, one
/// to choose, and a button to confirm.
#[component]
fn SlotPicker(page: Page, moving: Option<String>) -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let slots = {
        let moving = moving.clone();
        LocalResource::new(move || {
            reload.track();
            let record = page.record.get();
            let moving = moving.clone();
            async move {
                let record = record?;
                Some(api::appointment_slots(&record, moving.as_deref()).await)
            }
        })
    };
    let chosen = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let is_move = moving.is_some();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let Some(slot) = chosen.get_untracked() else {
            let mut e = FieldErrors::default();
            e.add("slot", Message::new("appointments.no_slot"));
            errors.set(e);
            focus_first_error();
            return;
        };
        let Some(record) = page.record.get_untracked() else {
            return;
        };
        let moving = moving.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match &moving {
                Some(id) => api::move_appointment(&record, id, &slot).await,
                None => api::book_appointment(&record, &slot).await,
            };
            match result {
                Ok(c) => page.changed(&c),
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_first_error();
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                    // Someone may have taken the slot: show what is free now.
                    chosen.set(None);
                    reload.update(|n| *n += 1);
                }
            }
            busy.set(false);
        });
    };
    let slot_error = move || errors.get().first("slot").map(tr);
    let title = if is_move {
        "appointments.slots.move_title"
    } else {
        "appointments.slots.title"
    };
    let choices = move |free: FreeSlots| {
        if free.slots.is_empty() {
            return view! { <p data-testid="no-slots">{t("appointments.slots.none")}</p> }
                .into_any();
        }
        let hint = t1(
            "appointments.slots.hint",
            "hours",
            &free.change_until_hours.to_string(),
        );
        let days = by_day(free.slots)
            .into_iter()
            .map(|(day, slots)| {
                let radios = slots
                    .into_iter()
                    .map(|s| slot_choice(s, chosen, errors))
                    .collect_view();
                view! {
                    <fieldset class="slot-day">
                        <legend>{day}</legend>
                        {radios}
                    </fieldset>
                }
            })
            .collect_view();
        view! {
            <form on:submit=submit.clone() novalidate data-testid="slot-form">
                <p class="hint">{hint}</p>
                <div class="field" class:has-error=move || slot_error().is_some()>
                    {days}
                    <p class="field-error" id="slot-error" role="alert">{slot_error}</p>
                </div>
                <button type="submit" data-testid="slot-confirm" disabled=move || busy.get()>
                    {move || t("appointments.slots.confirm")}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <div class="card slot-picker" data-testid="slot-picker">
            <h3>{move || t(title)}</h3>
            <p class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</p>
            {move || {
                track();
                match slots.get().flatten() {
                    None => view! { <p aria-busy="true">{t("appointments.slots.loading")}</p> }.into_any(),
                    Some(Err(f)) => {
                        handle_session(&Err::<(), _>(f.clone()));
                        view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any()
                    }
                    Some(Ok(free)) => choices(free),
                }
            }}
            <button type="button" class="secondary" on:click=move |_| page.open.set(Open::Nothing)>
                {move || t("appointments.slots.close")}
            </button>
        </div>
    }
}

/// One slot as a radio button: its time, what for, with whom, where.
fn slot_choice(
    s: FreeSlot,
    chosen: RwSignal<Option<String>>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let input_id = format!("slot-{}", s.id.replace(['/', '.'], "-"));
    let details = [
        Some(s.service),
        s.practitioner.map(|p| t1("appointments.with", "name", &p)),
        s.location,
        Some(s.hospital),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let time = format!("{} – {}", local_time(s.start), local_time(s.end));
    let id = s.id.clone();
    let invalid = move || errors.get().first("slot").is_some();
    view! {
        <div class="checkbox slot">
            <input
                type="radio"
                name="slot"
                id=input_id.clone()
                value=s.id.clone()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby="slot-error"
                prop:checked=move || chosen.get().as_deref() == Some(id.as_str())
                on:change=move |_| {
                    chosen.set(Some(s.id.clone()));
                    errors.set(FieldErrors::default());
                }
            />
            <label for=input_id>
                <span class="slot-time">{time}</span>
                <span class="item-meta">{details}</span>
            </label>
        </div>
    }
}

/// Slots grouped by their local day, in order.
fn by_day(slots: Vec<FreeSlot>) -> Vec<(String, Vec<FreeSlot>)> {
    let mut days: Vec<(String, Vec<FreeSlot>)> = Vec::new();
    for s in slots {
        let day = local_weekday(s.start);
        match days.last_mut() {
            Some((d, list)) if *d == day => list.push(s),
            _ => days.push((day, vec![s])),
        }
    }
    days
}

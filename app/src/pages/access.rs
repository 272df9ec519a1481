//! The "Toegangen" page: who can read the patient's record and why, and the patient's commands.
//!
//! The page runs the domain crate on the facts the server sends: `manage::overview` groups the
//! people, `manage::plan` decides which buttons to offer, and `access::effects` previews what a
//! command changes before the patient confirms it. The server runs the same `plan` again before
//! it stores anything, so the page only shapes what is offered; it grants nothing. Below, the
//! patient designates a trusted person or representative with a signed form.

use inzage_domain::access::{effects, Action, Change, PersonId, Principal};
use inzage_domain::manage::{overview, plan, settings, AccessCommand, Entry, Group};
use inzage_domain::reuse::{may_reuse, ReusePurpose};
use inzage_domain::wire::{AccessView, PractitionerRole};
use inzage_domain::{Message, PractitionerId};
use leptos::prelude::*;
use leptos_router::components::A;

use super::designations::DesignationSection;
use super::release::ReleaseSection;
use super::{current_me, ensure_me, handle_session, no_record};
use crate::api::{self, ApiFailure};
use crate::i18n::{local_day, reason_text, t, t1, t_record, tr, tr_record, track};
use crate::records::{Current, Records};
use crate::Session;

/// The record and the view the page shows, and who manages it.
#[derive(Clone)]
struct Page {
    /// The record's id.
    record: String,
    /// The patient, as the domain names the one who manages access.
    me: Principal,
    /// The server's latest answer.
    view: AccessView,
}

/// A command waiting for the patient's confirmation, with the changes that carry it out. The
/// panel words it and its effect in the current language when it is shown.
#[derive(Clone)]
struct Pending {
    command: AccessCommand,
    changes: Vec<Change>,
}

/// A command carried out, with the view it was asked on (which still names the person it was
/// about), for the status message.
#[derive(Clone)]
struct Done {
    command: AccessCommand,
    view: AccessView,
}

/// The groups of the overview in the order the page shows them, with their headings.
const GROUPS: [(Group, &str); 8] = [
    (
        Group::GeneralPractitioner,
        "access.group.general_practitioner",
    ),
    (Group::Treating, "access.group.treating"),
    (Group::Referrer, "access.group.referrer"),
    (Group::Emergency, "access.group.emergency"),
    (Group::TrustedPerson, "access.group.trusted_person"),
    (Group::Representative, "access.group.representative"),
    (Group::Parent, "access.group.parent"),
    (Group::Excluded, "access.group.excluded"),
];

/// The button text of a command.
fn button_text(command: &AccessCommand) -> String {
    t(&format!("command.{}", command.kind()))
}

/// The name the view gives a person or practitioner id.
fn name_of(view: &AccessView, id: &str) -> Option<String> {
    view.people
        .iter()
        .find(|c| match &c.principal {
            Principal::Person { id: p } => p.0 == id,
            Principal::Practitioner { id: p } => p.0 == id,
        })
        .map(|c| c.name.clone())
}

/// The name of a principal, or a neutral phrase when the view does not name them.
fn principal_name(view: &AccessView, principal: &Principal) -> String {
    view.card(principal)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| t("access.unknown_person"))
}

/// A command in words: its button text and, if it is about a practitioner or a person (a
/// parent), their name.
fn command_label(view: &AccessView, command: &AccessCommand) -> String {
    let text = button_text(command);
    let who = match (command.practitioner(), command.person()) {
        (Some(p), _) => Some(Principal::Practitioner { id: p.clone() }),
        (None, Some(p)) => Some(Principal::Person { id: p.clone() }),
        (None, None) => None,
    };
    match who {
        Some(who) => format!("{text} ({})", principal_name(view, &who)),
        None => text,
    }
}

/// What a command's changes mean for who can read the record, one sentence per person.
fn effect_lines(view: &AccessView, changes: &[Change]) -> Vec<String> {
    let diffs = effects(&view.facts, changes, view.now);
    let mut lines = Vec::new();
    for d in &diffs {
        let name = principal_name(view, &d.principal);
        let gains = d.after.is_permitted() && !d.before.is_permitted();
        let loses = d.before.is_permitted() && !d.after.is_permitted();
        let line = match (d.action, gains, loses) {
            (Action::Read, true, _) => tr_record(&Message::new("confirm.gains").arg("name", name)),
            (Action::Read, _, true) => {
                let count = view.card(&d.principal).map_or(0, |c| c.readable_reports);
                let key = match count {
                    0 => "confirm.loses_none",
                    1 => "confirm.loses_one",
                    _ => "confirm.loses",
                };
                tr_record(
                    &Message::new(key)
                        .arg("name", name)
                        .arg("count", count.to_string()),
                )
            }
            (Action::ReadThroughExchange, true, _) => {
                tr_record(&Message::new("confirm.exchange_gains").arg("name", name))
            }
            (Action::ReadThroughExchange, _, true) => {
                tr_record(&Message::new("confirm.exchange_loses").arg("name", name))
            }
            _ => continue,
        };
        lines.push(line);
    }
    if !diffs.iter().any(|d| d.action == Action::Read) {
        lines.push(t_record("confirm.no_read_change"));
    }
    lines
}

/// Loads the view of the current record. The one who manages access is the logged-in person
/// (whose id is their own record's): the patient on their own record, a parent on a child's.
async fn load(session: Session, current: Current) -> Result<Page, ApiFailure> {
    let me = current_me(session).await?;
    let own = me.record.ok_or_else(no_record)?;
    let view = api::access_view(&current.record).await?;
    Ok(Page {
        me: Principal::Person { id: PersonId(own) },
        record: current.record,
        view,
    })
}

/// A failure as sentences: its message, the domain's reasons and any field messages.
fn failure_lines(failure: &ApiFailure, view: Option<&AccessView>) -> Vec<String> {
    let mut lines = vec![tr(&failure.message())];
    if let ApiFailure::Server { body, .. } = failure {
        for reason in &body.reasons {
            lines.push(reason_text(reason, |id| view.and_then(|v| name_of(v, id))));
        }
        for messages in body.fields.0.values() {
            lines.extend(messages.iter().map(tr));
        }
    }
    lines
}

/// The "Toegangen" page.
#[component]
pub fn AccessPage() -> impl IntoView {
    ensure_me();
    let session = expect_context::<Session>();
    let page = RwSignal::new(None::<Result<Page, ApiFailure>>);
    let pending = RwSignal::new(None::<Pending>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<Done>);
    let panel_ref = NodeRef::<leptos::html::Div>::new();
    let status_ref = NodeRef::<leptos::html::Div>::new();
    let title_ref = NodeRef::<leptos::html::H1>::new();

    // Loads the page again when the current record changes.
    let records = expect_context::<Records>();
    Effect::new(move |_| {
        let current = records.get();
        page.set(None);
        pending.set(None);
        status.set(None);
        match current {
            None => {}
            Some(Err(f)) => page.set(Some(Err(f))),
            Some(Ok(c)) => leptos::task::spawn_local(async move {
                let loaded = load(session, c.clone()).await;
                // Only the answer for the record still current counts.
                if records.get_untracked() == Some(Ok(c)) {
                    page.set(Some(loaded));
                }
            }),
        }
    });

    // The confirmation panel takes the focus as soon as it appears, so a keyboard or screen
    // reader user lands on the question instead of staying at the button far below.
    Effect::new(move |_| {
        if let Some(panel) = panel_ref.get() {
            let _ = panel.focus();
        }
    });

    let ask = move |command: AccessCommand| {
        let next = page.with_untracked(|p| match p {
            Some(Ok(p)) => {
                let changes = plan(&p.me, &command, &p.view.facts, p.view.now).ok()?;
                Some(Pending { command, changes })
            }
            _ => None,
        });
        failure.set(None);
        status.set(None);
        pending.set(next);
    };

    let cancel = move |_| {
        pending.set(None);
        failure.set(None);
        if let Some(title) = title_ref.get_untracked() {
            let _ = title.focus();
        }
    };

    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let Some((record, before)) = page.with_untracked(|pg| match pg {
            Some(Ok(pg)) => Some((pg.record.clone(), pg.view.clone())),
            _ => None,
        }) else {
            return;
        };
        busy.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            match api::access_command(&record, &p.command).await {
                Ok(view) => {
                    page.update(|pg| {
                        if let Some(Ok(pg)) = pg {
                            pg.view = view;
                        }
                    });
                    pending.set(None);
                    status.set(Some(Done {
                        command: p.command,
                        view: before,
                    }));
                    if let Some(el) = status_ref.get_untracked() {
                        let _ = el.focus();
                    }
                }
                Err(f) => failure.set(Some(f)),
            }
            busy.set(false);
        });
    };

    let panel = move || {
        pending.get().map(|p| {
            let (label, lines) = page.with_untracked(|pg| match pg {
                Some(Ok(pg)) => (
                    command_label(&pg.view, &p.command),
                    effect_lines(&pg.view, &p.changes),
                ),
                _ => (button_text(&p.command), Vec::new()),
            });
            let effects = lines
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view();
            let error = move || {
                failure.get().map(|f| {
                    handle_session::<()>(&Err(f.clone()));
                    let lines = page.with_untracked(|pg| {
                        let view = match pg {
                            Some(Ok(pg)) => Some(&pg.view),
                            _ => None,
                        };
                        failure_lines(&f, view)
                    });
                    let items = lines
                        .into_iter()
                        .map(|l| view! { <li>{l}</li> })
                        .collect_view();
                    view! { <ul class="form-error panel-error" data-testid="confirm-error">{items}</ul> }
                })
            };
            view! {
                <div
                    class="confirm-panel"
                    role="region"
                    aria-labelledby="confirm-title"
                    tabindex="-1"
                    node_ref=panel_ref
                    data-testid="confirm-panel"
                >
                    <h2 id="confirm-title">{move || t("confirm.title")}</h2>
                    <p>{t1("confirm.command", "command", &label)}</p>
                    <ul class="effects" data-testid="confirm-effect">{effects}</ul>
                    <div role="alert">{error}</div>
                    <div class="actions">
                        <button
                            type="button"
                            data-testid="confirm"
                            on:click=confirm
                            disabled=move || busy.get()
                        >
                            {move || if busy.get() { t("confirm.busy") } else { t("common.confirm") }}
                        </button>
                        <button type="button" class="secondary" data-testid="cancel" on:click=cancel>
                            {move || t("common.cancel")}
                        </button>
                    </div>
                </div>
            }
        })
    };

    let body = move || {
        track();
        match page.get() {
            None => view! { <p aria-busy="true">{move || t("common.loading")}</p> }.into_any(),
            Some(Err(f)) => {
                handle_session::<()>(&Err(f.clone()));
                view! { <p class="form-error" role="alert" data-testid="access-error">{tr(&f.message())}</p> }
                .into_any()
            }
            Some(Ok(p)) => view! {
                <People page=p.clone() ask=ask/>
                <Requests page=p.clone() ask=ask/>
                <Exchange page=p.clone() ask=ask/>
                <Reuse page=p ask=ask/>
            }
            .into_any(),
        }
    };

    // The designation section follows the record and its country only, so a command carried
    // out above does not empty its form.
    let target = Memo::new(move |_| {
        page.with(|p| match p {
            Some(Ok(p)) => Some((p.record.clone(), p.view.facts.hospital.jurisdiction)),
            _ => None,
        })
    });
    let designations = move || {
        target.get().map(|(record, jurisdiction)| {
            view! {
                <DesignationSection record=record.clone() jurisdiction=jurisdiction/>
                <ReleaseSection record=record/>
            }
        })
    };

    view! {
        <h1 tabindex="-1" node_ref=title_ref>{move || t("access.title")}</h1>
        <p>{move || t_record("access.intro")}</p>
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=status_ref
            data-testid="access-status"
        >
            {move || {
                status.get().map(|done| {
                    let text = t1("access.done", "command", &command_label(&done.view, &done.command));
                    view! { <p class="status-message">{text}</p> }
                })
            }}
        </div>
        <div aria-live="polite">{panel}</div>
        <div class="access-page" data-testid="access-page">{body}</div>
        {designations}
    }
}

/// The buttons of some commands, each offered only when `plan` accepts it.
fn command_buttons(
    page: &Page,
    commands: Vec<AccessCommand>,
    about: Option<String>,
    ask: impl Fn(AccessCommand) + Copy + 'static,
) -> impl IntoView {
    let buttons = commands
        .into_iter()
        .filter(|c| plan(&page.me, c, &page.view.facts, page.view.now).is_ok())
        .map(|c| {
            let text = button_text(&c);
            // The visible text starts the accessible name, so voice control still finds it.
            let label = match &about {
                Some(name) => format!("{text}: {name}"),
                None => text.clone(),
            };
            let kind = c.kind();
            let secondary = matches!(
                c,
                AccessCommand::Exclude { .. } | AccessCommand::RefuseReferrer { .. }
            );
            view! {
                <button
                    type="button"
                    class:secondary=secondary
                    data-command=kind
                    aria-label=label
                    on:click=move |_| ask(c.clone())
                >
                    {text}
                </button>
            }
        })
        .collect_view();
    view! { <div class="actions">{buttons}</div> }
}

/// Who can read the record, grouped as the domain's overview groups them.
#[component]
fn People(page: Page, ask: impl Fn(AccessCommand) + Copy + 'static) -> impl IntoView {
    let entries = overview(&page.me, &page.view.facts, page.view.now);
    let empty = entries.is_empty();
    let groups = GROUPS
        .iter()
        .filter_map(|(group, key)| {
            let members: Vec<&Entry> = entries.iter().filter(|e| e.group == *group).collect();
            if members.is_empty() {
                return None;
            }
            let id = format!("group-{}", key.trim_start_matches("access.group."));
            let note = (*group == Group::Treating)
                .then(|| view! { <p class="group-note">{move || t("access.treating.note")}</p> });
            let cards = members
                .into_iter()
                .map(|e| person_card(&page, e, ask))
                .collect_view();
            let heading_id = id.clone();
            Some(view! {
                <section class="access-group" aria-labelledby=id>
                    <h3 id=heading_id>{t(key)}</h3>
                    {note}
                    <ul class="person-list">{cards}</ul>
                </section>
            })
        })
        .collect_view();
    view! {
        <section aria-labelledby="people-title">
            <h2 id="people-title">{move || t_record("access.people.title")}</h2>
            {empty.then(|| view! { <p>{move || t_record("access.people.empty")}</p> })}
            {groups}
        </section>
    }
}

fn role_label(role: PractitionerRole) -> String {
    t(&format!("role.{}", role.as_str()))
}

fn person_card(
    page: &Page,
    entry: &Entry,
    ask: impl Fn(AccessCommand) + Copy + 'static,
) -> impl IntoView {
    let view = &page.view;
    let card = view.card(&entry.principal);
    let name = principal_name(view, &entry.principal);
    let role = card.and_then(|c| c.role).map(role_label);
    let institution = card.and_then(|c| c.institution.clone());
    let meta = [role, institution]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let reads = entry.read.is_permitted();
    let reasons = entry
        .read
        .reasons
        .iter()
        .map(|r| {
            let text = reason_text(r, |id| name_of(view, id));
            view! { <li>{text}</li> }
        })
        .collect_view();
    let buttons = command_buttons(page, entry.commands.clone(), Some(name.clone()), ask);
    let data_name = name.clone();
    let view_as_href = match &entry.principal {
        Principal::Practitioner { id } => format!("/toegangen/bekijk-als/practitioner/{}", id.0),
        Principal::Person { id } => format!("/toegangen/bekijk-als/person/{}", id.0),
    };
    let view_as_text = t1("access.view_as", "name", &name);
    view! {
        <li class="person-card" data-testid="access-entry" data-name=data_name>
            <p class="person-name">{name}</p>
            {(!meta.is_empty()).then(|| view! { <p class="person-meta">{meta}</p> })}
            <p class="read-status" class:can-read=reads class:cannot-read=!reads data-testid="read-status">
                {if reads { t_record("access.can_read") } else { t_record("access.cannot_read") }}
            </p>
            <ul class="reasons" aria-label=move || t("access.why")>{reasons}</ul>
            <p><A href=view_as_href attr:data-testid="view-as">{view_as_text}</A></p>
            {buttons}
        </li>
    }
}

/// Referring practitioners' requests awaiting the patient's answer.
#[component]
fn Requests(page: Page, ask: impl Fn(AccessCommand) + Copy + 'static) -> impl IntoView {
    let empty = page.view.requests.is_empty();
    let items = page
        .view
        .requests
        .iter()
        .map(|r| {
            let who = Principal::Practitioner {
                id: r.practitioner.clone(),
            };
            let name = principal_name(&page.view, &who);
            let institution = page.view.card(&who).and_then(|c| c.institution.clone());
            let practitioner: PractitionerId = r.practitioner.clone();
            let buttons = command_buttons(
                &page,
                vec![
                    AccessCommand::ApproveReferrer {
                        practitioner: practitioner.clone(),
                    },
                    AccessCommand::RefuseReferrer { practitioner },
                ],
                Some(name.clone()),
                ask,
            );
            let data_name = name.clone();
            view! {
                <li class="person-card" data-testid="referral-request" data-name=data_name>
                    <p class="person-name">{name}</p>
                    {institution.map(|i| view! { <p class="person-meta">{i}</p> })}
                    <p class="person-meta">{t1("access.request.filed", "date", &local_day(r.filed_at))}</p>
                    <p><strong>{move || t("access.request.reason")}": "</strong>{r.reason.clone()}</p>
                    {buttons}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="requests-title">
            <h2 id="requests-title">{move || t("access.requests.title")}</h2>
            {empty.then(|| view! { <p>{move || t("access.requests.empty")}</p> })}
            <ul class="person-list">{items}</ul>
        </section>
    }
}

/// The consent for exchange between institutions.
#[component]
fn Exchange(page: Page, ask: impl Fn(AccessCommand) + Copy + 'static) -> impl IntoView {
    let given = settings(&page.view.facts, page.view.now).exchange_consent;
    let command = if given {
        AccessCommand::WithdrawExchangeConsent
    } else {
        AccessCommand::GiveExchangeConsent
    };
    view! {
        <section class="setting" aria-labelledby="exchange-title" data-testid="exchange">
            <h2 id="exchange-title">{move || t("access.exchange.title")}</h2>
            <p>{move || t("access.exchange.intro")}</p>
            <p class="setting-state">
                {if given { t("access.exchange.given") } else { t("access.exchange.not_given") }}
            </p>
            {command_buttons(&page, vec![command], None, ask)}
        </section>
    }
}

fn purpose_label(purpose: ReusePurpose) -> String {
    t(match purpose {
        ReusePurpose::ExternalResearch => "purpose.external_research",
        ReusePurpose::CancerRegistry => "purpose.cancer_registry",
        ReusePurpose::AcademicResearch => "purpose.academic_research",
        ReusePurpose::Teaching => "purpose.teaching",
    })
}

/// The reuse opt-out and where the data was reused.
#[component]
fn Reuse(page: Page, ask: impl Fn(AccessCommand) + Copy + 'static) -> impl IntoView {
    let since = settings(&page.view.facts, page.view.now).reuse_opted_out_since;
    let command = if since.is_some() {
        AccessCommand::WithdrawReuseOptOut
    } else {
        AccessCommand::OptOutOfReuse
    };
    let state = match since {
        Some(at) => t1("access.reuse.opted_out_since", "date", &local_day(at)),
        None => t("access.reuse.not_opted_out"),
    };
    let empty = page.view.projects.is_empty();
    let projects = page
        .view
        .projects
        .iter()
        .map(|p| {
            let (_, why) = may_reuse(p.purpose, since, p.used_at);
            view! {
                <li class="project" data-testid="project">
                    <p class="person-name">{p.name.clone()}</p>
                    <p class="person-meta">
                        {purpose_label(p.purpose)}" · "
                        {t1("access.project.used", "date", &local_day(p.used_at))}
                    </p>
                    <p>{tr(&why)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="setting" aria-labelledby="reuse-title" data-testid="reuse">
            <h2 id="reuse-title">{move || t("access.reuse.title")}</h2>
            <p>{move || t("access.reuse.intro")}</p>
            <ul>
                <li>{move || t("access.reuse.not_retroactive")}</li>
                <li>{move || t("access.reuse.public_interest")}</li>
            </ul>
            <p class="setting-state">{state}</p>
            {command_buttons(&page, vec![command], None, ask)}
            <h3>{move || t("access.projects.title")}</h3>
            {empty.then(|| view! { <p>{move || t("access.projects.empty")}</p> })}
            <ul class="person-list">{projects}</ul>
        </section>
    }
}

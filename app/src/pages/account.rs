//! "Mijn account", for every kind of account: the username, the e-mail address, changing the
//! password, the code card (its state, a new card, blocking it after loss or theft) and the open
//! sessions (end one, or all of them). Each form checks its fields with the domain's rules, the
//! same the server applies, and shows the server's own errors beside the same fields.

use inzage_domain::account::{
    AccountView, CodeCardMode, EmailChange, PasswordChange, SessionInfo, UsernameChange,
};
use inzage_domain::wire::{AccountKind, FieldErrors};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::linked::focus_first_error;
use super::login::{Field, NewPassword, NewPasswordFields};
use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date_time, t, t1, text_of, tr, track};
use crate::records;
use crate::Session;

/// The account as loaded, shared by the page's sections.
pub(super) type Loaded = RwSignal<Option<Result<AccountView, ApiFailure>>>;

/// What the last change did, shown above the sections. The sections are built again from the
/// reloaded account after a change, so the message lives on the page and takes the focus the
/// section's button had.
#[derive(Clone, Copy)]
pub(super) struct Notice {
    message: RwSignal<Option<Message>>,
    region: NodeRef<leptos::html::Div>,
}

impl Notice {
    pub(super) fn tell(self, message: Message) {
        self.message.set(Some(message));
        let region = self.region;
        request_animation_frame(move || {
            if let Some(el) = region.get_untracked() {
                let _ = el.focus();
            }
        });
    }

    pub(super) fn clear(self) {
        self.message.set(None);
    }
}

/// Loads (again) the account into `account`.
pub(super) fn load(account: Loaded) {
    leptos::task::spawn_local(async move {
        let result = api::account().await;
        account.set(Some(result));
    });
}

/// Shows a failure beside its fields, or at the form when it names none.
pub(super) fn show_failure(
    failure: ApiFailure,
    errors: RwSignal<FieldErrors>,
    form_error: RwSignal<Option<Message>>,
) {
    match failure {
        ApiFailure::Server { body, .. } if !body.fields.is_empty() => {
            errors.set(body.fields);
            focus_first_error();
        }
        other => {
            handle_session::<()>(&Err(other.clone()));
            form_error.set(Some(other.message()));
        }
    }
}

/// The words a new password may not contain, as far as the browser knows them: the username and
/// the parts of the person's name (the server adds the national and record numbers).
fn context_words(account: &AccountView, me: Option<&inzage_domain::wire::Me>) -> Vec<String> {
    let mut words: Vec<String> = account.username.iter().cloned().collect();
    if let Some(me) = me {
        words.extend(me.display_name.split_whitespace().map(str::to_owned));
    }
    words
}

/// The page.
#[component]
pub fn AccountPage() -> impl IntoView {
    ensure_me();
    let account: Loaded = RwSignal::new(None);
    let notice = Notice {
        message: RwSignal::new(None),
        region: NodeRef::new(),
    };
    provide_context(notice);
    load(account);
    let body = move || {
        track();
        match account.get() {
            None => view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any(),
            Some(Err(f)) => {
                handle_session::<()>(&Err(f.clone()));
                view! { <p class="form-error" role="alert" data-testid="account-error">{tr(&f.message())}</p> }
                    .into_any()
            }
            Some(Ok(a)) => view! {
                <Identity account=a.clone() loaded=account/>
                <super::notifications::Notifications/>
                <PasswordForm account=a.clone() loaded=account/>
                <CodeCard account=a.clone() loaded=account/>
                <super::passkey::Passkeys account=a.clone() loaded=account/>
                <Sessions account=a loaded=account/>
            }
            .into_any(),
        }
    };
    view! {
        <h1>{move || t("account.title")}</h1>
        <p>{move || t("account.intro")}</p>
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=notice.region
            data-testid="account-status"
        >
            {move || notice.message.get().map(|m| view! { <p class="status-message">{tr(&m)}</p> })}
        </div>
        <div data-testid="account">{body}</div>
    }
}

/// The username and the e-mail address, each with its own form.
#[component]
fn Identity(account: AccountView, loaded: Loaded) -> impl IntoView {
    let username = RwSignal::new(account.username.clone().unwrap_or_default());
    let email = RwSignal::new(account.email.clone().unwrap_or_default());
    let username_errors = RwSignal::new(FieldErrors::default());
    let email_errors = RwSignal::new(FieldErrors::default());
    let username_error = RwSignal::new(None::<Message>);
    let email_error = RwSignal::new(None::<Message>);
    let notice = expect_context::<Notice>();
    let busy = RwSignal::new(false);

    let save_username = move |ev: SubmitEvent| {
        ev.prevent_default();
        username_error.set(None);
        notice.clear();
        let req = UsernameChange {
            username: username.get_untracked().trim().to_owned(),
        };
        if let Err(e) = req.validate() {
            username_errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::change_username(&req).await {
                Ok(()) => {
                    notice.tell(Message::new("account.username.saved"));
                    load(loaded);
                }
                // "Taken" comes as a conflict without fields: it belongs beside the field.
                Err(ApiFailure::Server { status: 409, body }) => {
                    let mut e = FieldErrors::default();
                    e.add("username", body.message);
                    username_errors.set(e);
                    focus_first_error();
                }
                Err(f) => show_failure(f, username_errors, username_error),
            }
            busy.set(false);
        });
    };

    let save_email = move |ev: SubmitEvent| {
        ev.prevent_default();
        email_error.set(None);
        notice.clear();
        let req = EmailChange {
            email: email.get_untracked().trim().to_owned(),
        };
        if let Err(e) = req.validate() {
            email_errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::change_email(&req).await {
                Ok(ack) => {
                    notice.tell(ack.message);
                    load(loaded);
                }
                Err(f) => show_failure(f, email_errors, email_error),
            }
            busy.set(false);
        });
    };

    let current_username = account.username.clone();
    let current_email = account.email.clone();
    let confirmed = account.email_confirmed;
    view! {
        <section class="card referral" aria-labelledby="account-username-title" data-testid="account-username">
            <h2 id="account-username-title">{move || t("account.username.title")}</h2>
            <p data-testid="account-username-now">
                {move || match &current_username {
                    Some(u) => t1("account.username.now", "username", u),
                    None => t("account.username.none"),
                }}
            </p>
            <div class="form-error" role="alert">{move || username_error.get().map(|m| tr(&m))}</div>
            <form on:submit=save_username novalidate>
                <Field
                    id="username"
                    label=Signal::derive(|| t("account.username.label"))
                    hint=Signal::derive(|| t("account.username.hint"))
                    value=username
                    errors=username_errors
                    autocomplete="username"
                />
                <button type="submit" data-testid="save-username" disabled=move || busy.get()>
                    {move || t("account.username.submit")}
                </button>
            </form>
        </section>
        <section class="card referral" aria-labelledby="account-email-title" data-testid="account-email">
            <h2 id="account-email-title">{move || t("account.email.title")}</h2>
            <p data-testid="account-email-now">
                {move || match &current_email {
                    Some(e) if confirmed => t1("account.email.now_confirmed", "email", e),
                    Some(e) => t1("account.email.now_unconfirmed", "email", e),
                    None => t("account.email.none"),
                }}
            </p>
            <div class="form-error" role="alert">{move || email_error.get().map(|m| tr(&m))}</div>
            <form on:submit=save_email novalidate>
                <Field
                    id="email"
                    label=Signal::derive(|| t("account.email.label"))
                    hint=Signal::derive(|| t("account.email.hint"))
                    value=email
                    errors=email_errors
                    kind="email"
                    autocomplete="email"
                    inputmode="email"
                />
                <button type="submit" data-testid="save-email" disabled=move || busy.get()>
                    {move || t("account.email.submit")}
                </button>
            </form>
        </section>
    }
}

/// Changing the password: the current one, the new one twice.
#[component]
fn PasswordForm(account: AccountView, loaded: Loaded) -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let current = RwSignal::new(String::new());
    let password = NewPassword::empty();
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let notice = expect_context::<Notice>();
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        notice.clear();
        let req = PasswordChange {
            current_password: current.get_untracked(),
            new_password: password.new.get_untracked(),
        };
        let words = me.with_untracked(|m| context_words(&account, m.as_ref()));
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut found = req.validate(&refs).err().unwrap_or_default();
        password.check_repeat(&mut found);
        if !found.is_empty() {
            errors.set(found);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::change_password(&req).await {
                Ok(()) => {
                    current.set(String::new());
                    password.clear();
                    notice.tell(Message::new("account.password.saved"));
                    load(loaded);
                }
                Err(f) => show_failure(f, errors, form_error),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card referral" aria-labelledby="account-password-title" data-testid="account-password">
            <h2 id="account-password-title">{move || t("account.password.title")}</h2>
            <p>{move || t("account.password.intro")}</p>
            <div class="form-error" role="alert">{move || form_error.get().map(|m| tr(&m))}</div>
            <form on:submit=submit novalidate>
                <Field
                    id="current_password"
                    label=Signal::derive(|| t("account.password.current"))
                    value=current
                    errors=errors
                    kind="password"
                    autocomplete="current-password"
                />
                <NewPasswordFields password=password errors=errors/>
                <button type="submit" data-testid="save-password" disabled=move || busy.get()>
                    {move || t("account.password.submit")}
                </button>
            </form>
        </section>
    }
}

/// The code card: its state, a new card by post, and blocking it after loss or theft.
#[component]
fn CodeCard(account: AccountView, loaded: Loaded) -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let navigate = use_navigate();
    let patient = me.with_untracked(|m| m.as_ref().map(|m| m.kind)) == Some(AccountKind::Patient);
    let notice = expect_context::<Notice>();
    let failure = RwSignal::new(None::<Message>);
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let panel_ref = NodeRef::<leptos::html::Div>::new();
    let block_ref = NodeRef::<leptos::html::Button>::new();

    let request = move |_| {
        failure.set(None);
        notice.clear();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::request_card().await {
                Ok(ack) => {
                    notice.tell(ack.message);
                    load(loaded);
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                }
            }
            busy.set(false);
        });
    };
    let ask_block = move |_| {
        failure.set(None);
        confirming.set(true);
        // The panel takes the focus, so the keyboard and a screen reader land on the consequences.
        request_animation_frame(move || {
            if let Some(p) = panel_ref.get_untracked() {
                let _ = p.focus();
            }
        });
    };
    let cancel = move |_| {
        confirming.set(false);
        if let Some(b) = block_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let block = move |_| {
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::block_card().await {
                Ok(()) => {
                    // Every session ended on the server: the browser forgets the person too.
                    records::forget();
                    me.set(None);
                    navigate("/codekaart-geblokkeerd", Default::default());
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                    busy.set(false);
                }
            }
        });
    };

    let mode = match account.code_card_mode {
        CodeCardMode::Rotation => t("account.card.mode.rotation"),
        CodeCardMode::SingleUse { .. } => t("account.card.mode.single_use"),
    };
    let single_use = matches!(account.code_card_mode, CodeCardMode::SingleUse { .. });
    let state = if account.has_card {
        t("account.card.active")
    } else {
        t("account.card.none")
    };
    let left = (account.has_card && single_use).then(|| {
        t1(
            "account.card.codes_left",
            "count",
            &account.codes_left.to_string(),
        )
    });
    let on_its_way = account.card_on_its_way;
    let offers = account.offers_new_card && !on_its_way;
    let has_card = account.has_card;
    view! {
        <section class="card referral" aria-labelledby="account-card-title" data-testid="account-card">
            <h2 id="account-card-title">{t("account.card.title")}</h2>
            <p data-testid="card-state">{state}</p>
            <p data-testid="card-mode">{mode}</p>
            {left.map(|l| view! { <p data-testid="codes-left">{l}</p> })}
            {on_its_way.then(|| view! { <p class="status-message" data-testid="card-on-its-way">{t("account.card.on_its_way")}</p> })}
            {offers.then(|| view! { <p class="status-message" data-testid="card-offer">{t("account.card.offer")}</p> })}
            <div class="form-error" role="alert" data-testid="card-error">{move || failure.get().map(|m| tr(&m))}</div>
            {if patient {
                view! {
                    <p>{t("account.card.request.intro")}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class=if offers { "" } else { "secondary" }
                            data-testid="request-card"
                            disabled=move || busy.get() || on_its_way
                            on:click=request
                        >
                            {t("account.card.request")}
                        </button>
                    </div>
                }
                .into_any()
            } else {
                view! { <p data-testid="card-helpdesk">{t("account.card.ask_helpdesk")}</p> }.into_any()
            }}
            {has_card.then(|| view! {
                <h3>{t("account.card.block.title")}</h3>
                <p>{t("account.card.block.intro")}</p>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        data-testid="block-card"
                        node_ref=block_ref
                        aria-expanded=move || if confirming.get() { "true" } else { "false" }
                        aria-controls="block-panel"
                        on:click=ask_block
                    >
                        {t("account.card.block")}
                    </button>
                </div>
            })}
            <Show when=move || confirming.get()>
                <div
                    id="block-panel"
                    class="confirm-panel"
                    role="region"
                    aria-labelledby="block-confirm-title"
                    tabindex="-1"
                    node_ref=panel_ref
                    data-testid="block-panel"
                >
                    <h3 id="block-confirm-title">{t("account.card.block.confirm_title")}</h3>
                    <ul class="effects" data-testid="block-effects">
                        <li>{t("account.card.block.effect_cards")}</li>
                        <li>{t("account.card.block.effect_sessions")}</li>
                        <li>{t("account.card.block.effect_new_card")}</li>
                    </ul>
                    <div class="actions">
                        <button type="button" data-testid="confirm-block" disabled=move || busy.get() on:click=block.clone()>
                            {move || if busy.get() { t("confirm.busy") } else { t("account.card.block.confirm") }}
                        </button>
                        <button type="button" class="secondary" data-testid="cancel-block" on:click=cancel>
                            {t("common.cancel")}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// How a session was started, in words.
fn method_text(method: &str) -> String {
    text_of(&format!("account.session.method.{method}"))
        .unwrap_or_else(|| t1("account.session.method.other", "method", method))
}

/// The open sessions, this one first and marked; end one, or all of them.
#[component]
fn Sessions(account: AccountView, loaded: Loaded) -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let navigate = use_navigate();
    let failure = RwSignal::new(None::<Message>);
    let notice = expect_context::<Notice>();
    let busy = RwSignal::new(false);
    let end_one = move |id: String| {
        failure.set(None);
        notice.clear();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::end_session(&id).await {
                Ok(()) => {
                    notice.tell(Message::new("account.session.ended"));
                    load(loaded);
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                }
            }
            busy.set(false);
        });
    };
    let end_all = move |_| {
        failure.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::end_all_sessions().await {
                Ok(()) => {
                    records::forget();
                    me.set(None);
                    navigate("/inloggen", Default::default());
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                    busy.set(false);
                }
            }
        });
    };
    let items = account
        .sessions
        .into_iter()
        .map(|s: SessionInfo| {
            let id = s.id.clone();
            let started = t1("account.session.started", "when", &date_time(s.created_at));
            let seen = t1("account.session.last_seen", "when", &date_time(s.last_seen_at));
            let label = t1("account.session.end_label", "when", &date_time(s.created_at));
            let from = s
                .client_addr
                .clone()
                .map(|a| t1("account.session.from", "address", &a));
            view! {
                <li class="person-card" data-testid="session" data-current=s.current.to_string()>
                    <p class="person-name">
                        {method_text(&s.method)}
                        {s.current.then(|| view! { " "<strong data-testid="session-current">{t("account.session.current")}</strong> })}
                    </p>
                    <p class="person-meta">{started}</p>
                    <p class="person-meta">{seen}</p>
                    {from.map(|f| view! { <p class="person-meta">{f}</p> })}
                    {s.user_agent.clone().map(|ua| view! { <p class="person-meta">{ua}</p> })}
                    {(!s.current).then(|| view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="secondary"
                                data-testid="end-session"
                                aria-label=label
                                disabled=move || busy.get()
                                on:click=move |_| end_one(id.clone())
                            >
                                {t("account.session.end")}
                            </button>
                        </div>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="account-sessions-title" data-testid="account-sessions">
            <h2 id="account-sessions-title">{t("account.sessions.title")}</h2>
            <p>{t("account.sessions.intro")}</p>
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <ul class="person-list" data-testid="sessions">{items}</ul>
            <div class="actions">
                <button type="button" class="secondary" data-testid="end-all-sessions" disabled=move || busy.get() on:click=end_all>
                    {t("account.sessions.end_all")}
                </button>
            </div>
        </section>
    }
}

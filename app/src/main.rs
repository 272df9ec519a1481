//! Inzage's browser app: a Leptos single-page app, rendered in the browser, talking JSON to the
//! server. It validates input with the same domain crate the server uses, so both give the same
//! error for the same input; the server still decides every request on its own.

mod api;
mod i18n;
mod offline;
mod pages;
mod records;

use inzage_domain::explain::Language;
use inzage_domain::wire::{AccountKind, LanguageChoice, LinkedRecord, Me};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::i18n::{t, t1, Lang};
use crate::records::Records;

/// Who is logged in, shared by every page: `None` before the first answer or after logout.
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<Me>>);

fn main() {
    console_error_panic_hook::set_once();
    // The static first screen of index.html (the header, what Inzage is) is painted before the
    // app replaces it. On a slow phone connection it has long been on screen while the wasm
    // loaded; when the wasm comes faster than the first frame, it is still shown for that frame
    // instead of never.
    request_animation_frame(|| set_timeout(start, std::time::Duration::ZERO));
}

fn start() {
    let wanted = initial_language();
    // Leptos's own task spawner is set up when the app mounts, so not yet.
    wasm_bindgen_futures::spawn_local(async move {
        // English and French texts are fetched first; the static first screen stays until
        // then. Without them (offline on a first visit), the app starts in Dutch.
        let language = if i18n::load(wanted).await {
            wanted
        } else {
            Language::Nl
        };
        offline::remove_static_shell();
        // Who is logged in was asked with the page; the pages' first question takes that
        // answer while they mount, and later ones ask the server.
        api::keep_early_me();
        leptos::mount::mount_to_body(move || view! { <App language/> });
        set_timeout(api::forget_early_me, std::time::Duration::ZERO);
        offline::register_service_worker();
    });
}

/// Where the browser remembers the language chosen, so the login page speaks it before login.
const LANGUAGE_STORAGE_KEY: &str = "inzage.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language the app starts in: the one chosen before on this browser, else the first of the
/// browser's languages the portal speaks, else Dutch. The person's profile, once the server
/// says who is logged in, overrides it.
fn initial_language() -> Language {
    let stored = storage()
        .and_then(|s| s.get_item(LANGUAGE_STORAGE_KEY).ok().flatten())
        .and_then(|code| Language::from_tag(&code));
    stored.or_else(browser_language).unwrap_or_default()
}

fn browser_language() -> Option<Language> {
    let navigator = web_sys::window()?.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Language::from_tag(&tag))
}

thread_local! {
    /// The language asked for last, so that a slower fetch of an earlier choice cannot switch
    /// the page back to it.
    static WANTED: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

/// Speaks `language` from now on, once its texts are here: the texts, `<html lang>` and the
/// browser's memory.
fn apply_language(Lang(lang): Lang, language: Language) {
    WANTED.with(|w| w.set(Some(language)));
    leptos::task::spawn_local(async move {
        if !i18n::load(language).await || WANTED.with(std::cell::Cell::get) != Some(language) {
            return;
        }
        if lang.get_untracked() != language {
            lang.set(language);
        }
        set_html_lang(language);
        if let Some(s) = storage() {
            let _ = s.set_item(LANGUAGE_STORAGE_KEY, language.code());
        }
    });
}

fn set_html_lang(language: Language) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", language.code());
    }
}

/// The app, speaking `language` (whose texts are here) until the person or their profile
/// chooses another.
#[component]
fn App(language: Language) -> impl IntoView {
    let session = Session(RwSignal::new(None));
    provide_context(session);
    let lang = Lang(RwSignal::new(language));
    i18n::install(lang.0);
    offline::install();
    set_html_lang(lang.0.get_untracked());
    provide_context(lang);
    // The language in the person's profile wins as soon as the server says who is logged in.
    let Session(me) = session;
    provide_context(Records::new(me));
    Effect::new(move |_| {
        if let Some(language) = me.with(|m| m.as_ref().and_then(|m| m.language)) {
            apply_language(lang, language);
        }
    });
    view! {
        <Router>
            <FocusOnNavigation/>
            // The router takes over clicks on links, and only scrolls to `#main`: the skip link
            // moves the focus itself, so Tab goes on in the main content.
            <a class="skip-link" href="#main" on:click=skip_to_main>{move || t("nav.skip")}</a>
            <Header/>
            <pages::terms::TermsGate/>
            <main id="main" tabindex="-1">
                <offline::OfflineNotice/>
                <CurrentRecord/>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=pages::login::LoginPage/>
                    <Route path=path!("/inloggen") view=pages::login::LoginPage/>
                    <Route path=path!("/hulp") view=pages::help::HelpPage/>
                    <Route path=path!("/verslagen") view=pages::reports::ReportsPage/>
                    <Route path=path!("/verslagen/:id") view=pages::reports::ReportPage/>
                    <Route path=path!("/resultaten") view=pages::record::ResultsPage/>
                    <Route path=path!("/resultaten/:code") view=pages::record::ResultPage/>
                    <Route path=path!("/medisch-overzicht") view=pages::record::SummaryPage/>
                    <Route path=path!("/medicatie") view=pages::record::MedicationsPage/>
                    <Route path=path!("/persoonsgegevens") view=pages::personal::PersonalDataPage/>
                    <Route path=path!("/afspraken") view=pages::appointments::AppointmentsPage/>
                    <Route path=path!("/folders") view=pages::record::LeafletsPage/>
                    <Route path=path!("/zoeken") view=pages::search::SearchPage/>
                    <Route path=path!("/aanvragen") view=pages::requests::RequestsPage/>
                    <Route
                        path=path!("/aanvragen/overleden-familielid")
                        view=pages::relatives::RelativeRequestsPage
                    />
                    <Route path=path!("/berichten") view=pages::messages::MessagesPage/>
                    <Route path=path!("/berichten/:thread") view=pages::messages::ThreadPage/>
                    <Route
                        path=path!("/backoffice/berichten/:thread")
                        view=pages::messages::StaffThreadPage
                    />
                    <Route path=path!("/toegangen") view=pages::access::AccessPage/>
                    <Route path=path!("/delen") view=pages::share::SharePage/>
                    <Route path=path!("/gedeeld") view=pages::share::SharedPage/>
                    <Route
                        path=path!("/toegangen/bekijk-als/:kind/:id")
                        view=pages::view_as::ViewAsPage
                    />
                    <Route path=path!("/wie-bekeek-mijn-dossier") view=pages::audit::AuditPage/>
                    <Route path=path!("/gekoppelde-dossiers") view=pages::linked::LinkedPage/>
                    <Route path=path!("/backoffice") view=pages::staff::BackofficePage/>
                    <Route path=path!("/account") view=pages::account::AccountPage/>
                    <Route path=path!("/voorwaarden") view=pages::terms::TermsPage/>
                    <Route
                        path=path!("/wachtwoord-vergeten")
                        view=pages::recovery::ForgotPasswordPage
                    />
                    <Route path=path!("/wachtwoord/nieuw") view=pages::recovery::NewPasswordPage/>
                    <Route
                        path=path!("/codekaart-aanvragen")
                        view=pages::recovery::CardRequestPage
                    />
                    <Route
                        path=path!("/codekaart/bevestigen")
                        view=pages::recovery::ConfirmCardRequestPage
                    />
                    <Route
                        path=path!("/meldingen/adres-bevestigen")
                        view=pages::recovery::ConfirmNoticeAddressPage
                    />
                    <Route
                        path=path!("/e-mail/bevestigen")
                        view=pages::recovery::ConfirmEmailPage
                    />
                    <Route
                        path=path!("/codekaart-geblokkeerd")
                        view=pages::recovery::CardBlockedPage
                    />
                    <Route path=path!("/zorgverlener") view=pages::provider::ProviderPage/>
                    <Route path=path!("/videoconsult") view=pages::video::VideoPage/>
                    <Route
                        path=path!("/zorgverlener/e-consult/:thread")
                        view=pages::messages::DoctorThreadPage
                    />
                    <Route
                        path=path!("/zorgverlener/dossier/:record")
                        view=pages::provider::ProviderRecordPage
                    />
                </Routes>
            </main>
        </Router>
    }
}

/// Moves the focus to the main content when the app shows another page and the focus was lost
/// with the old page (the link or form that was activated is gone) or is still on the
/// navigation's link: a screen reader then reads the new page, and Tab continues in it instead
/// of from wherever the removed element was. The first page of a visit keeps the browser's own
/// start, where the skip link is the first Tab stop. A page that puts the focus somewhere on
/// purpose (a form's field, a confirmation) keeps it.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(focus_main_if_lost);
        }
        path
    });
}

fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}

fn focus_main() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
    {
        let _ = main.focus();
    }
}

fn focus_main_if_lost() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = match document.active_element() {
        None => true,
        Some(e) => {
            e.tag_name().eq_ignore_ascii_case("body")
                || e.closest(".site-nav").ok().flatten().is_some()
        }
    };
    if lost {
        focus_main();
    }
}

#[component]
fn Header() -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let navigate = use_navigate();
    let menu_open = RwSignal::new(false);
    // The menu closes when the person goes to another page.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    let logout = move |_| {
        let navigate = navigate.clone();
        menu_open.set(false);
        leptos::task::spawn_local(async move {
            // Whatever the answer, the browser forgets the person and the record they chose.
            let _ = api::logout().await;
            records::forget();
            me.set(None);
            navigate("/inloggen", Default::default());
        });
    };
    let kind = move || me.with(|m| m.as_ref().map(|m| m.kind));
    let name = move || me.get().map(|m| m.display_name).unwrap_or_default();
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="brand-name">{move || t("app.name")}</span>
                <span class="brand-tagline">{move || t("app.tagline")}</span>
            </div>
            <LanguageSwitcher/>
            <Show when=move || me.with(Option::is_some)>
                <nav aria-label=move || t("nav.main") class="site-nav">
                    {move || match kind() {
                        Some(AccountKind::Practitioner) => view! {
                            <A href="/zorgverlener">{move || t("nav.provider")}</A>
                        }
                        .into_any(),
                        Some(AccountKind::Staff) => view! {
                            <A href="/backoffice">{move || t("nav.staff")}</A>
                        }
                        .into_any(),
                        _ => view! {
                            <A href="/verslagen">{move || t("nav.reports")}</A>
                            <A href="/resultaten">{move || t("nav.results")}</A>
                            <A href="/medisch-overzicht">{move || t("nav.summary")}</A>
                            <A href="/medicatie">{move || t("nav.medications")}</A>
                            <A href="/persoonsgegevens">{move || t("nav.personal")}</A>
                            <A href="/afspraken">{move || t("nav.appointments")}</A>
                            <A href="/folders">{move || t("nav.leaflets")}</A>
                            <A href="/zoeken">{move || t("nav.search")}</A>
                            <A href="/berichten">{move || t("nav.messages")}</A>
                            <A href="/aanvragen">{move || t("nav.requests")}</A>
                            <A href="/toegangen">{move || t("nav.access")}</A>
                            <A href="/delen">{move || t("nav.share")}</A>
                            <A href="/wie-bekeek-mijn-dossier">{move || t("nav.audit")}</A>
                            <A href="/gekoppelde-dossiers">{move || t("nav.linked")}</A>
                        }
                        .into_any(),
                    }}
                </nav>
                <div class="user">
                    <span class="visually-hidden">{move || t("nav.logged_in_as")}" "</span>
                    <button
                        type="button"
                        class="record-menu-toggle secondary"
                        aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                        aria-controls="record-menu"
                        data-testid="record-menu-toggle"
                        on:click=move |_| menu_open.update(|o| *o = !*o)
                    >
                        <span class="user-name" data-testid="user-name">{name}</span>
                        <span class="visually-hidden">
                            {move || if kind() == Some(AccountKind::Patient) {
                                t("records.menu.label")
                            } else {
                                t("account.menu.toggle")
                            }}
                        </span>
                        <span class="chevron" aria-hidden="true"></span>
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        data-testid="logout"
                        on:click=logout.clone()
                    >
                        {move || t("nav.logout")}
                    </button>
                </div>
                <Show when=move || menu_open.get()>
                    <RecordMenu open=menu_open patient=kind() == Some(AccountKind::Patient)/>
                </Show>
            </Show>
        </header>
    }
}

/// The menu under the person's name: for a patient, their own record first, then the records
/// they may read for someone else (choosing one makes it the current record and shows its
/// reports); for everyone, "Mijn account".
#[component]
fn RecordMenu(open: RwSignal<bool>, patient: bool) -> impl IntoView {
    let records = expect_context::<Records>();
    let navigate = use_navigate();
    let first = NodeRef::<leptos::html::Button>::new();
    let account_link = NodeRef::<leptos::html::A>::new();
    // The keyboard lands in the menu when it opens.
    Effect::new(move |_| {
        if let Some(b) = first.get() {
            let _ = b.focus();
        } else if let Some(a) = account_link.get() {
            if !patient {
                let _ = a.focus();
            }
        }
    });
    let close = move || {
        open.set(false);
        if let Some(toggle) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector("[data-testid=record-menu-toggle]")
                .ok()
                .flatten()
        }) {
            if let Ok(toggle) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(toggle) {
                let _ = toggle.focus();
            }
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    let items = move || {
        let current = records.get().and_then(Result::ok).map(|c| c.record);
        records
            .list
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, linked)| {
                let navigate = navigate.clone();
                let is_current = current.as_deref() == Some(linked.record.as_str());
                let label = if linked.own {
                    t1("records.menu.own", "name", &linked.name)
                } else {
                    linked.name.clone()
                };
                let data_name = linked.name.clone();
                let choose = move |_| {
                    let chosen: &LinkedRecord = &linked;
                    records.choose(chosen);
                    open.set(false);
                    navigate("/verslagen", Default::default());
                };
                let node = if i == 0 { first } else { NodeRef::new() };
                view! {
                    <li>
                        <button
                            type="button"
                            class="record-option"
                            data-testid="record-option"
                            data-name=data_name
                            aria-current=if is_current { Some("true") } else { None }
                            node_ref=node
                            on:click=choose
                        >
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div
            id="record-menu"
            class="record-menu"
            role="group"
            aria-label=move || t("account.menu.label")
            data-testid="record-menu"
            on:keydown=on_keydown
        >
            {patient.then(|| view! {
                <p id="record-menu-title" class="record-menu-title">{move || t("records.menu.title")}</p>
                <ul class="record-menu-list">{items}</ul>
                <p class="record-menu-more">
                    <A href="/gekoppelde-dossiers" on:click=move |_| open.set(false)>
                        {move || t("records.menu.manage")}
                    </A>
                </p>
            })}
            <p class="record-menu-more">
                <a
                    href="/account"
                    data-testid="account-link"
                    node_ref=account_link
                    on:click=move |_| open.set(false)
                >
                    {move || t("nav.account")}
                </a>
            </p>
        </div>
    }
}

/// Whose record the pages show, when it is not the person's own, and why the tab went back to
/// their own record when a remembered one can no longer be read.
#[component]
fn CurrentRecord() -> impl IntoView {
    let records = expect_context::<Records>();
    let other = move || records.get().and_then(Result::ok).filter(|c| !c.own);
    view! {
        <div role="status" aria-live="polite" data-testid="record-notice" class="record-notice-region">
            {move || records.gone.get().map(|name| view! {
                <p class="status-message">{t1("records.gone", "name", &name)}</p>
            })}
        </div>
        {move || other().map(|c| view! {
            <p class="current-record" data-testid="current-record">
                {t1("records.current", "name", &c.name)}
            </p>
        })}
    }
}

/// The three languages, each named in itself, on every page. Choosing one speaks it at once and,
/// when someone is logged in, remembers it in their profile.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let Session(me) = expect_context::<Session>();
    let choose = move |language: Language| {
        apply_language(lang, language);
        let logged_in = me.with_untracked(Option::is_some);
        if !logged_in {
            return;
        }
        // The session's copy changes first, so it never switches the page back.
        me.update(|m| {
            if let Some(m) = m {
                m.language = Some(language);
            }
        });
        leptos::task::spawn_local(async move {
            let choice = LanguageChoice {
                language: Some(language),
            };
            if let Ok(m) = api::set_language(&choice).await {
                // A later choice may have been made meanwhile: keep the newest.
                if lang.0.get_untracked() == language {
                    me.set(Some(m));
                }
            }
        });
    };
    let buttons = [
        (Language::Nl, "Nederlands"),
        (Language::Fr, "Français"),
        (Language::En, "English"),
    ]
    .into_iter()
    .map(|(language, name)| {
        let active = move || lang.0.get() == language;
        view! {
            <button
                type="button"
                class="lang-option"
                lang=language.code()
                data-lang=language.code()
                aria-pressed=move || if active() { "true" } else { "false" }
                on:click=move |_| choose(language)
            >
                {name}
            </button>
        }
    })
    .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=move || t("lang.choose")>
            {buttons}
        </div>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>{move || t("notfound.title")}</h1>
        <p>{move || t("notfound.body")}</p>
    }
}

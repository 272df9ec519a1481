//! Inzage's browser app: a Leptos single-page app, rendered in the browser, talking JSON to the
//! server. It validates input with the same domain crate the server uses, so both give the same
//! error for the same input; the server still decides every request on its own.

mod api;
mod i18n;
mod pages;

use inzage_domain::wire::{AccountKind, Me};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::i18n::t;

/// Who is logged in, shared by every page: `None` before the first answer or after logout.
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<Me>>);

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let session = Session(RwSignal::new(None));
    provide_context(session);
    view! {
        <Router>
            <a class="skip-link" href="#main">{t("nav.skip")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=pages::login::LoginPage/>
                    <Route path=path!("/inloggen") view=pages::login::LoginPage/>
                    <Route path=path!("/verslagen") view=pages::reports::ReportsPage/>
                    <Route path=path!("/verslagen/:id") view=pages::reports::ReportPage/>
                    <Route path=path!("/toegangen") view=pages::access::AccessPage/>
                    <Route
                        path=path!("/toegangen/bekijk-als/:kind/:id")
                        view=pages::view_as::ViewAsPage
                    />
                    <Route path=path!("/wie-bekeek-mijn-dossier") view=pages::audit::AuditPage/>
                    <Route path=path!("/zorgverlener") view=pages::provider::ProviderPage/>
                    <Route
                        path=path!("/zorgverlener/dossier/:record")
                        view=pages::provider::ProviderRecordPage
                    />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let navigate = use_navigate();
    let logout = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            // Whatever the answer, the browser forgets the person.
            let _ = api::logout().await;
            me.set(None);
            navigate("/inloggen", Default::default());
        });
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="brand-name">{t("app.name")}</span>
                <span class="brand-tagline">{t("app.tagline")}</span>
            </div>
            <Show when=move || me.with(Option::is_some)>
                <nav aria-label=t("nav.main") class="site-nav">
                    {move || {
                        let kind = me.with(|m| m.as_ref().map(|m| m.kind));
                        match kind {
                            Some(AccountKind::Practitioner) => view! {
                                <A href="/zorgverlener">{t("nav.provider")}</A>
                            }
                            .into_any(),
                            _ => view! {
                                <A href="/verslagen">{t("nav.reports")}</A>
                                <A href="/toegangen">{t("nav.access")}</A>
                                <A href="/wie-bekeek-mijn-dossier">{t("nav.audit")}</A>
                            }
                            .into_any(),
                        }
                    }}
                </nav>
                <div class="user">
                    <span class="visually-hidden">{t("nav.logged_in_as")}" "</span>
                    <span class="user-name" data-testid="user-name">
                        {move || me.get().map(|m| m.display_name).unwrap_or_default()}
                    </span>
                    <button type="button" class="secondary" on:click=logout.clone()>
                        {t("nav.logout")}
                    </button>
                </div>
            </Show>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>{t("notfound.title")}</h1>
        <p>{t("notfound.body")}</p>
    }
}

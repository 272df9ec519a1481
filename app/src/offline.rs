//! Whether the portal can be reached, and the notice that says so: the browser's own online
//! state (`navigator.onLine` and its `online`/`offline` events) and whether the last call to the
//! API got an answer at all. Also the service worker's registration, which keeps the app shell
//! so the portal opens, and shows this notice, without a network.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::t;

/// The two things the notice follows.
#[derive(Clone, Copy)]
struct Connection {
    /// What the browser says: `false` when it knows it has no network.
    online: RwSignal<bool>,
    /// The last API call failed without an answer (the server or the network is down).
    unreachable: RwSignal<bool>,
}

thread_local! {
    // Reachable from the API calls, which run outside the component tree.
    static CONNECTION: Cell<Option<Connection>> = const { Cell::new(None) };
}

/// Follows the browser's online state from now on; called once when the app starts.
pub fn install() {
    let online = RwSignal::new(browser_online());
    let unreachable = RwSignal::new(false);
    CONNECTION.with(|c| {
        c.set(Some(Connection {
            online,
            unreachable,
        }))
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, value) in [("online", true), ("offline", false)] {
        let listener = Closure::<dyn Fn()>::new(move || {
            online.set(value);
            // Back online, the portal is presumed reachable until a call says otherwise.
            if value {
                unreachable.set(false);
            }
        });
        if window
            .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
            .is_ok()
        {
            // The listener lives as long as the page.
            listener.forget();
        }
    }
}

fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Records whether an API call got an answer (any status) or failed on the way.
pub fn note_answer(answered: bool) {
    if let Some(c) = CONNECTION.with(Cell::get) {
        if c.unreachable.get_untracked() == answered {
            c.unreachable.set(!answered);
        }
    }
}

/// The notice on every page while the portal cannot be reached. The region is always there and
/// polite, so a screen reader announces the text when it appears.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let connection = CONNECTION.with(Cell::get);
    let message = move || {
        let c = connection?;
        if !c.online.get() {
            Some(t("offline.notice"))
        } else if c.unreachable.get() {
            Some(t("offline.unreachable"))
        } else {
            None
        }
    };
    view! {
        <div role="status" aria-live="polite" class="offline-region" data-testid="offline-notice">
            {move || message().map(|text| view! { <p class="offline-notice">{text}</p> })}
        </div>
    }
}

/// Registers the service worker (`/sw.js`, the whole site in its scope) once the page has
/// loaded, so fetching the shell for the cache does not compete with the first visit. Browsers
/// without service workers (or pages that are not a secure context) simply go without.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !supported {
        return;
    }
    let register = move || {
        let promise = navigator.service_worker().register("/sw.js");
        leptos::task::spawn_local(async move {
            if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                web_sys::console::warn_2(&"service worker not registered:".into(), &e);
            }
        });
    };
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        register();
    } else {
        let listener = Closure::once_into_js(register);
        let _ = window.add_event_listener_with_callback("load", listener.unchecked_ref());
    }
}

/// Removes the static first paint of `index.html` (the header and "loading"), which the app
/// replaces.
pub fn remove_static_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app-shell"))
    {
        shell.remove();
    }
}

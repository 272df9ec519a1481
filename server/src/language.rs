//! The language of the server's own words (error messages): the person's profile language when
//! the session says so, else the request's `Accept-Language`, else Dutch.
//!
//! A middleware puts a slot for the language in the request and in a task-local, so the session
//! extractor can refine it and an error turned into a response anywhere in the handler reads it.

use std::sync::{Arc, Mutex};

use axum::extract::Request;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use inzage_i18n::{Language, Translator};

/// The language chosen for this request's answer.
#[derive(Clone, Default)]
pub struct ResponseLanguage(Arc<Mutex<Language>>);

impl ResponseLanguage {
    /// The person's own choice wins over the browser's.
    pub fn set(&self, language: Language) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = language;
    }

    fn get(&self) -> Language {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

tokio::task_local! {
    static CURRENT: ResponseLanguage;
}

/// The first language of an `Accept-Language` header the portal speaks (by weight, then order).
pub fn from_headers(headers: &HeaderMap) -> Option<Language> {
    let value = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut tags: Vec<(f32, usize, Language)> = value
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            Language::from_tag(tag)
                .filter(|_| weight > 0.0)
                .map(|l| (weight, i, l))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.first().map(|t| t.2)
}

/// The middleware: a slot with the browser's language, for the rest of the request.
pub async fn layer(mut request: Request, next: Next) -> Response {
    let slot = ResponseLanguage::default();
    if let Some(l) = from_headers(request.headers()) {
        slot.set(l);
    }
    request.extensions_mut().insert(slot.clone());
    CURRENT.scope(slot, next.run(request)).await
}

/// The translator for this request's language (Dutch outside a request).
pub fn translator() -> Translator {
    Translator::new(CURRENT.try_with(ResponseLanguage::get).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(v) = v.parse() {
            h.insert(ACCEPT_LANGUAGE, v);
        }
        h
    }

    #[test]
    fn the_browsers_best_language_the_portal_speaks() {
        assert_eq!(
            from_headers(&headers("fr-BE,fr;q=0.9,en;q=0.8")),
            Some(Language::Fr)
        );
        assert_eq!(
            from_headers(&headers("de-DE,en;q=0.5,nl;q=0.7")),
            Some(Language::Nl)
        );
        assert_eq!(
            from_headers(&headers("en;q=0,fr;q=0.1")),
            Some(Language::Fr)
        );
        assert_eq!(from_headers(&headers("de")), None);
        assert_eq!(from_headers(&HeaderMap::new()), None);
    }
}

//! Uploaded documents (signed forms): checked by content, not by name, and kept outside the web
//! root under a name the server chooses.

use std::path::{Path, PathBuf};

use inzage_domain::Message;
use sha2::{Digest, Sha256};

/// The largest form or identity document a person uploads.
pub const MAX_FORM_BYTES: usize = 5 * 1024 * 1024;

/// The largest document staff deliver in answer to a request: a copy of a whole record, or
/// imaging as PDF or images, runs to tens of megabytes.
pub const MAX_DELIVERY_BYTES: usize = 100 * 1024 * 1024;

fn too_large(max: usize) -> Message {
    Message::new("upload.too_large").arg("max", format!("{} MB", max / (1024 * 1024)))
}

/// How much of a PDF's decoded streams a check holds in memory at most, and what the streams of
/// a small file may decode to in all, while they are searched for active content (see
/// [`crate::pdfscan`]): a small file that decodes to more is a decompression bomb, refused.
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// What a larger file's streams may decode to in all, per byte of the file. A copy of a long
/// record, thousands of pages of text, decodes to a few times its size; a bomb to hundreds or
/// thousands of times. The memory a check holds stays [`MAX_INFLATED`].
const DECODED_PER_BYTE: usize = 8;

/// The decoding limits for a PDF of `len` bytes.
fn pdf_limits(len: usize) -> crate::pdfscan::Limits {
    crate::pdfscan::Limits {
        decoded: MAX_INFLATED.max(len.saturating_mul(DECODED_PER_BYTE)),
        held: MAX_INFLATED,
    }
}

/// How many requests that carry an upload are served at once, in the whole server: each holds
/// its body in memory (up to the route's limit, 15 MB for a message) while it is checked and
/// stored, so more wait their turn, their bodies still unread.
pub const UPLOADS_AT_ONCE: usize = 8;

/// How many of those turns one account holds at once: a third upload of the same account waits
/// until one of its first two is done, so that one person cannot take every turn.
pub const UPLOADS_PER_ACCOUNT: usize = 2;

static UPLOADING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(UPLOADS_AT_ONCE);

type Places = std::collections::HashMap<String, std::sync::Arc<tokio::sync::Semaphore>>;

/// Each account's places among the upload turns: [`UPLOADS_PER_ACCOUNT`] per account, kept only
/// while someone of that account holds or waits for one.
#[derive(Debug, Default)]
pub struct Sending(std::sync::Mutex<Places>);

impl Sending {
    /// The places. Each change under the lock is one whole insert or removal, so a poisoned
    /// lock holds a consistent map and is used as it is.
    fn places(&self) -> std::sync::MutexGuard<'_, Places> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// `key`'s places, made when it has none.
    fn of(&self, key: &str) -> std::sync::Arc<tokio::sync::Semaphore> {
        std::sync::Arc::clone(self.places().entry(key.to_owned()).or_insert_with(|| {
            std::sync::Arc::new(tokio::sync::Semaphore::new(UPLOADS_PER_ACCOUNT))
        }))
    }

    /// Forgets `key`'s places when nobody holds or waits for one.
    fn forget_if_idle(&self, key: &str) {
        let mut places = self.places();
        if places.get(key).is_some_and(|p| {
            std::sync::Arc::strong_count(p) == 1 && p.available_permits() == UPLOADS_PER_ACCOUNT
        }) {
            places.remove(key);
        }
    }
}

/// One of an account's places, given back (and the account forgotten when it was its last) when
/// dropped, also while still waiting for it.
struct Place {
    sending: std::sync::Arc<Sending>,
    key: String,
    permit: Option<tokio::sync::OwnedSemaphorePermit>,
}

impl Drop for Place {
    fn drop(&mut self) {
        self.permit.take();
        self.sending.forget_if_idle(&self.key);
    }
}

/// A turn to send an upload: taken after the session is checked and before the body is read,
/// as an argument of every upload handler before its body. At most [`UPLOADS_PER_ACCOUNT`] per
/// account and [`UPLOADS_AT_ONCE`] in the whole server; a stranger never holds one.
pub struct UploadTurn {
    _turn: tokio::sync::SemaphorePermit<'static>,
    _place: Place,
}

impl axum::extract::FromRequestParts<crate::AppState> for UploadTurn {
    type Rejection = crate::error::ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        // A person is counted by account; someone asking for help before logging in, by
        // address.
        let key = match crate::api::CurrentUser::from_request_parts(parts, state).await {
            Ok(user) => format!("account {}", user.account_id),
            Err(crate::error::ApiError::Unauthenticated) => {
                let Ok(client) = crate::api::ClientAddr::from_request_parts(parts, state).await;
                format!("address {}", client.0.unwrap_or_default())
            }
            Err(e) => return Err(e),
        };
        let mut place = Place {
            sending: std::sync::Arc::clone(&state.uploads),
            permit: None,
            key,
        };
        let closed = |e: tokio::sync::AcquireError| crate::error::ApiError::Internal(e.into());
        // Neither semaphore is ever closed.
        place.permit = Some(
            state
                .uploads
                .of(&place.key)
                .acquire_owned()
                .await
                .map_err(closed)?,
        );
        let turn = UPLOADING.acquire().await.map_err(closed)?;
        Ok(UploadTurn {
            _turn: turn,
            _place: place,
        })
    }
}

/// How fast a request's body must arrive: [`crate::config::Config::body_idle`] and
/// [`crate::config::Config::body_min_rate`].
#[derive(Debug, Clone, Copy)]
pub struct BodyPace {
    /// The longest pause between two pieces, and the time a body is given before its pace
    /// counts.
    pub idle: std::time::Duration,
    /// The least average speed after that, in bytes per second.
    pub min_rate: u64,
}

/// Refuses a request whose body pauses longer than the pace's `idle` between two pieces, or
/// arrives slower than its `min_rate` on average (400 either way): a client that sends a body
/// slowly cannot hold a connection, or an upload's turn, for long.
pub async fn body_pace_limit(
    axum::extract::State(pace): axum::extract::State<BodyPace>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let request = request.map(|body| {
        let paced = axum::body::Body::new(MinRate::new(body, pace.idle, pace.min_rate));
        axum::body::Body::new(tower_http::timeout::TimeoutBody::new(pace.idle, paced))
    });
    next.run(request).await
}

/// A body that must keep an average pace: from its first read it has `grace`, and each byte
/// received buys `1 / rate` of a second more. Once that time is spent while waiting for more,
/// it fails with [`TooSlow`]. (Apache's `RequestReadTimeout body=…,MinRate=…` is the same
/// rule.) The clock starts at the first read, so a request that waits for an upload's turn
/// before its body is read loses nothing by waiting.
pub struct MinRate<B> {
    inner: B,
    grace: std::time::Duration,
    rate: u64,
    deadline: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl<B> MinRate<B> {
    /// `inner`, to be read at `rate` bytes per second on average after `grace`.
    pub fn new(inner: B, grace: std::time::Duration, rate: u64) -> Self {
        Self {
            inner,
            grace,
            rate: rate.max(1),
            deadline: None,
        }
    }
}

/// The time `bytes` more bytes buy at `rate` bytes per second (at least 1: [`MinRate::new`]
/// makes sure of it).
fn allowance(bytes: usize, rate: u64) -> std::time::Duration {
    let nanos = (bytes as u128).saturating_mul(1_000_000_000) / u128::from(rate);
    std::time::Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

/// A request body that arrived slower than the server allows.
#[derive(Debug, thiserror::Error)]
#[error("the request's body arrived too slowly")]
pub struct TooSlow;

impl<B> http_body::Body for MinRate<B>
where
    B: http_body::Body<Data = axum::body::Bytes> + Unpin,
    B::Error: Into<axum::BoxError>,
{
    type Data = axum::body::Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        use std::future::Future;
        use std::task::Poll;
        let this = &mut *self;
        let (grace, rate) = (this.grace, this.rate);
        let deadline = this
            .deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(grace)));
        match std::pin::Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    let later = deadline.deadline() + allowance(data.len(), rate);
                    deadline.as_mut().reset(later);
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(other) => Poll::Ready(other.map(|r| r.map_err(Into::into))),
            Poll::Pending => match deadline.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(TooSlow)))),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// How many uploaded documents are checked at once, in the whole server. A check costs up to
/// [`MAX_INFLATED`] of memory and a CPU core for a while (a decompression bomb); more requests
/// wait their turn, so that a crowd of hostile uploads bounds the server's memory and leaves the
/// async workers free for every other request.
pub const CHECKS_AT_ONCE: usize = 2;

static CHECKING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(CHECKS_AT_ONCE);

/// Runs a check of an uploaded document (such as [`check_document`]) on the blocking pool, at
/// most [`CHECKS_AT_ONCE`] at a time.
pub async fn check_in_turn<T: Send + 'static>(
    bytes: &axum::body::Bytes,
    check: impl FnOnce(&[u8]) -> T + Send + 'static,
) -> T {
    // The semaphore is static and never closed.
    let _turn = CHECKING.acquire().await;
    let bytes = bytes.clone();
    match tokio::task::spawn_blocking(move || check(&bytes)).await {
        Ok(result) => result,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Checks that `bytes` are a PDF of at most [`MAX_FORM_BYTES`] without active content.
pub fn check_pdf(bytes: &[u8]) -> Result<(), Message> {
    check_pdf_within(bytes, MAX_FORM_BYTES)
}

fn check_pdf_within(bytes: &[u8], max: usize) -> Result<(), Message> {
    if bytes.is_empty() {
        return Err(Message::new("upload.missing"));
    }
    if bytes.len() > max {
        return Err(too_large(max));
    }
    // A PDF starts with its header (within the first KiB, as readers allow) and ends with
    // `%%EOF` (within the last KiB).
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    use crate::pdfscan::find;
    if find(head, b"%PDF-").is_none() || find(tail, b"%%EOF").is_none() {
        return Err(Message::new("upload.not_pdf"));
    }
    // What cannot be read cannot be checked: an encrypted PDF is refused, with a way out.
    if crate::pdfscan::encrypted(bytes) {
        return Err(Message::new("upload.encrypted"));
    }
    match crate::pdfscan::active_content(bytes, pdf_limits(bytes.len())) {
        Ok(false) => {}
        Ok(true) => return Err(Message::new("upload.active_content")),
        Err(crate::pdfscan::TooComplex) => return Err(Message::new("upload.too_complex")),
    }
    Ok(())
}

/// The largest image accepted, in pixels per side and in all (a small file that decodes into a
/// huge bitmap is refused before anyone opens it).
const MAX_SIDE: u32 = 12_000;
const MAX_PIXELS: u64 = 50_000_000;

/// Checks an identity document or a signed form: a plain PDF (as [`check_pdf`]), a PNG or a
/// JPEG of at most [`MAX_FORM_BYTES`], recognised by its content. Returns its media type.
pub fn check_document(bytes: &[u8]) -> Result<&'static str, Message> {
    check_document_within(bytes, MAX_FORM_BYTES)
}

/// [`check_document`] for a document of at most `max` bytes (staff's deliveries:
/// [`MAX_DELIVERY_BYTES`]).
pub fn check_document_within(bytes: &[u8], max: usize) -> Result<&'static str, Message> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(b"\xff\xd8\xff") {
        if bytes.len() > max {
            return Err(too_large(max));
        }
        let (media, size) = if bytes[0] == 0x89 {
            ("image/png", png_size(bytes))
        } else {
            ("image/jpeg", jpeg_size(bytes))
        };
        let Some((w, h)) = size else {
            return Err(Message::new("upload.not_document"));
        };
        if w == 0
            || h == 0
            || w > MAX_SIDE
            || h > MAX_SIDE
            || u64::from(w) * u64::from(h) > MAX_PIXELS
        {
            return Err(Message::new("upload.image_too_large"));
        }
        return Ok(media);
    }
    match check_pdf_within(bytes, max) {
        Ok(()) => Ok("application/pdf"),
        Err(m) if m.key == "upload.not_pdf" => Err(Message::new("upload.not_document")),
        Err(m) => Err(m),
    }
}

/// A PNG's width and height from its IHDR chunk, which must come first.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// A JPEG's width and height from its first start-of-frame segment.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xff {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            let h = u16::from_be_bytes([*b.get(i + 5)?, *b.get(i + 6)?]);
            let w = u16::from_be_bytes([*b.get(i + 7)?, *b.get(i + 8)?]);
            return Some((u32::from(w), u32::from(h)));
        }
        if len < 2 {
            return None;
        }
        i += 2 + len;
    }
    None
}

/// The SHA-256 of a document, hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where the document of designation request `id` is kept.
pub fn path_of(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.pdf"))
}

/// Keeps a designation form; never overwrites one.
pub async fn store(dir: &Path, id: &str, bytes: &[u8]) -> anyhow::Result<()> {
    store_at(&path_of(dir, id), bytes).await
}

/// Keeps a document at `path` (whose folder is created if needed), synced to disk; never
/// overwrites one.
pub async fn store_at(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    use tokio::io::AsyncWriteExt;
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .await?;
    file.write_all(bytes).await?;
    file.sync_all().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::pdfscan::tests::zlib;

    const PDF: &[u8] =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    /// Takes one of `key`'s places.
    async fn place(sending: &std::sync::Arc<Sending>, key: &str) -> Place {
        Place {
            sending: std::sync::Arc::clone(sending),
            key: key.to_owned(),
            permit: Some(sending.of(key).acquire_owned().await.unwrap()),
        }
    }

    #[tokio::test]
    async fn an_account_waits_for_a_third_place_and_is_forgotten_when_idle() {
        let sending = std::sync::Arc::new(Sending::default());
        let first = place(&sending, "a").await;
        let second = place(&sending, "a").await;
        let other = place(&sending, "b").await;
        let third = tokio::spawn({
            let sending = std::sync::Arc::clone(&sending);
            async move { place(&sending, "a").await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!third.is_finished(), "a third place waits");
        drop(first);
        let third = third.await.unwrap();
        drop((second, third, other));
        assert!(sending.places().is_empty(), "{:?}", sending.places().keys());
    }

    #[test]
    fn only_a_plain_pdf_of_at_most_5_mb_passes() {
        assert_eq!(check_pdf(PDF), Ok(()));
        let key = |b: &[u8]| check_pdf(b).unwrap_err().key.into_owned();
        assert_eq!(key(b""), "upload.missing");
        assert_eq!(key(b"\x89PNG\r\n\x1a\n....%%EOF"), "upload.not_pdf");
        assert_eq!(key(b"%PDF-1.4 no end"), "upload.not_pdf");
        let script =
            b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF";
        assert_eq!(key(script), "upload.active_content");
        // The same names written with `#xx` escapes, as a PDF reader reads them.
        assert_eq!(
            key(b"%PDF-1.4\n<< /J#53 (app.alert(1)) >>\n%%EOF"),
            "upload.active_content"
        );
        assert_eq!(
            key(b"%PDF-1.4\n<< /#4Fpen#41ction 2 0 R >>\n%%EOF"),
            "upload.active_content"
        );
        assert_eq!(
            key(b"%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF"),
            "upload.encrypted"
        );
        // A harmless name that merely contains a `#` passes.
        assert_eq!(
            check_pdf(b"%PDF-1.4\n<< /Title#20One /Type /Catalog >>\n%%EOF"),
            Ok(())
        );
        // Hidden in a compressed object stream (PDF 1.5).
        let hidden = pdf_with_stream(&zlib(b"<< /S /JavaScript /JS (app.alert(1)) >>"));
        assert_eq!(key(&hidden), "upload.active_content");
        assert_eq!(
            check_pdf(&pdf_with_stream(&zlib(b"BT /F1 12 Tf (Hallo) Tj ET"))),
            Ok(())
        );
        // A stream that is not zlib at all (an image) is no reason to refuse.
        assert_eq!(
            check_pdf(&pdf_with_stream(b"\xff\xd8\xff not zlib")),
            Ok(())
        );
        // A decompression bomb: about 300 KB that inflate to 65 MB.
        let bomb = pdf_with_stream(&zlib(&vec![0; MAX_INFLATED + 1024 * 1024]));
        assert!(bomb.len() < MAX_FORM_BYTES);
        assert_eq!(key(&bomb), "upload.too_complex");
        let mut big = PDF.to_vec();
        big.resize(MAX_FORM_BYTES + 1, b' ');
        big.extend_from_slice(b"%%EOF");
        assert_eq!(key(&big), "upload.too_large");
        let mut exact = b"%PDF-1.4\n".to_vec();
        exact.resize(MAX_FORM_BYTES - 6, b' ');
        exact.extend_from_slice(b"\n%%EOF");
        assert_eq!(exact.len(), MAX_FORM_BYTES);
        assert_eq!(check_pdf(&exact), Ok(()));
        // Staff's deliveries may be larger, up to their own limit, which the message names.
        assert_eq!(
            check_document_within(&big, MAX_DELIVERY_BYTES),
            Ok("application/pdf")
        );
        let mut huge = b"%PDF-1.4\n".to_vec();
        huge.resize(MAX_DELIVERY_BYTES + 1, b' ');
        huge.extend_from_slice(b"\n%%EOF");
        let refused = check_document_within(&huge, MAX_DELIVERY_BYTES).unwrap_err();
        assert_eq!(
            refused,
            Message::new("upload.too_large").arg("max", "100 MB")
        );
    }

    #[test]
    fn a_larger_file_may_decode_to_more_in_all_but_holds_no_more() {
        let form = pdf_limits(MAX_FORM_BYTES);
        assert_eq!((form.decoded, form.held), (MAX_INFLATED, MAX_INFLATED));
        let delivery = pdf_limits(MAX_DELIVERY_BYTES);
        assert_eq!(delivery.decoded, MAX_DELIVERY_BYTES * DECODED_PER_BYTE);
        assert_eq!(delivery.held, MAX_INFLATED);
        assert_eq!(pdf_limits(usize::MAX).decoded, usize::MAX);

        // A delivered copy of a long record: a 10 MB scan and nine 8 MB pages of text, 72 MB
        // decoded in all, more than a form may decode to but within eight times the file.
        let text = zlib(&vec![b' '; 8 * 1024 * 1024]);
        let mut copy = crate::pdfscan::tests::pdf("/Filter /DCTDecode", &vec![0xa5; 10 << 20]);
        for _ in 0..9 {
            copy.extend_from_slice(&pdf_with_stream(&text));
        }
        assert_eq!(
            check_document_within(&copy, MAX_DELIVERY_BYTES),
            Ok("application/pdf")
        );
        // Its text alone, in a small file, is a bomb.
        let mut text_only = b"%PDF-1.4\n".to_vec();
        for _ in 0..9 {
            text_only.extend_from_slice(&pdf_with_stream(&text));
        }
        assert_eq!(
            check_document_within(&text_only, MAX_DELIVERY_BYTES),
            Err(Message::new("upload.too_complex"))
        );
    }

    fn pdf_with_stream(data: &[u8]) -> Vec<u8> {
        crate::pdfscan::tests::pdf("/Filter /FlateDecode", data)
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(b"\x08\x02\0\0\0");
        b
    }

    fn jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut b = b"\xff\xd8\xff\xe0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec();
        b.extend_from_slice(b"\xff\xc0\x00\x11\x08");
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b
    }

    #[test]
    fn documents_are_pdfs_pngs_or_jpegs_by_content_of_a_sane_size() {
        assert_eq!(check_document(PDF), Ok("application/pdf"));
        assert_eq!(check_document(&png(1200, 800)), Ok("image/png"));
        assert_eq!(check_document(&jpeg(1200, 800)), Ok("image/jpeg"));
        let key = |b: &[u8]| check_document(b).unwrap_err().key.into_owned();
        assert_eq!(
            key(b"hello, a text file named id.png"),
            "upload.not_document"
        );
        assert_eq!(key(b"GIF89a...."), "upload.not_document");
        assert_eq!(key(b""), "upload.missing");
        // A decompression bomb: a tiny file that claims 100,000 x 100,000 pixels.
        assert_eq!(key(&png(100_000, 100_000)), "upload.image_too_large");
        assert_eq!(key(&jpeg(60_000, 60_000)), "upload.image_too_large");
        assert_eq!(key(&png(0, 10)), "upload.image_too_large");
        assert_eq!(key(b"\x89PNG\r\n\x1a\nnot a chunk"), "upload.not_document");
        let mut big = png(10, 10);
        big.resize(MAX_FORM_BYTES + 1, 0);
        assert_eq!(key(&big), "upload.too_large");
        let script = b"%PDF-1.4\n<< /JS (x) >>\n%%EOF";
        assert_eq!(key(script), "upload.active_content");
    }
}

#[cfg(test)]
mod pace {
    use std::pin::Pin;
    use std::task::{Context, Poll};
    use std::time::Duration;

    use axum::body::Bytes;
    use http_body::{Body, Frame};

    use super::{MinRate, TooSlow};

    /// A body of `left` pieces of `size` bytes, one every `every`.
    struct Trickle {
        left: usize,
        size: usize,
        every: Duration,
        next: Pin<Box<tokio::time::Sleep>>,
    }

    impl Trickle {
        fn new(left: usize, size: usize, every: Duration) -> Self {
            let next = Box::pin(tokio::time::sleep(every));
            Self {
                left,
                size,
                every,
                next,
            }
        }
    }

    impl Body for Trickle {
        type Data = Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            use std::future::Future;
            if self.left == 0 {
                return Poll::Ready(None);
            }
            if self.next.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            self.left -= 1;
            let every = self.every;
            self.next
                .as_mut()
                .reset(tokio::time::Instant::now() + every);
            Poll::Ready(Some(Ok(Frame::data(Bytes::from(vec![b'x'; self.size])))))
        }
    }

    /// Reads the whole body: its length, or whether it failed for being too slow.
    async fn read(mut body: MinRate<Trickle>) -> Result<usize, bool> {
        let mut len = 0;
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        {
            match frame {
                Ok(frame) => len += frame.data_ref().map_or(0, Bytes::len),
                Err(e) => return Err(e.is::<TooSlow>()),
            }
        }
        Ok(len)
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_keeps_the_pace_is_read_whole() {
        // 100 bytes buy a second; they come every 0.9 s, for 30 s in all.
        let body = MinRate::new(
            Trickle::new(33, 100, Duration::from_millis(900)),
            Duration::from_secs(2),
            100,
        );
        assert_eq!(read(body).await, Ok(3300));
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_falls_behind_fails_once_its_time_is_spent() {
        // 100 bytes every 1.1 s at 100 bytes per second: a tenth of a second lost each time.
        let start = tokio::time::Instant::now();
        let body = MinRate::new(
            Trickle::new(100, 100, Duration::from_millis(1100)),
            Duration::from_secs(2),
            100,
        );
        assert_eq!(read(body).await, Err(true));
        // Two seconds of grace, the first piece at 1.1 s: 0.9 s ahead, lost after nine more
        // pieces. With ten pieces read, the time is spent at 2 + 10 = 12 s, before the
        // eleventh (due at 12.1 s).
        assert_eq!(start.elapsed(), Duration::from_secs(12));
    }

    #[tokio::test(start_paused = true)]
    async fn the_clock_starts_at_the_first_read() {
        // Made, then left waiting (as for an upload's turn) far longer than its grace.
        let body = MinRate::new(
            Trickle::new(3, 100, Duration::from_millis(500)),
            Duration::from_secs(1),
            100,
        );
        tokio::time::sleep(Duration::from_secs(60)).await;
        // The trickle's first piece is long due; the others keep the pace.
        assert_eq!(read(body).await, Ok(300));
    }
}

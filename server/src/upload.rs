//! Uploaded documents (signed forms): checked by content, not by name, and kept outside the web
//! root under a name the server chooses.

use std::path::{Path, PathBuf};

use inzage_domain::Message;
use sha2::{Digest, Sha256};

/// The largest form accepted.
pub const MAX_FORM_BYTES: usize = 5 * 1024 * 1024;

/// What a PDF must not carry: scripts, actions that launch programs, embedded files.
const ACTIVE: [&[u8]; 5] = [
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/OpenAction",
];

/// Checks that `bytes` are a PDF of at most [`MAX_FORM_BYTES`] without active content.
pub fn check_pdf(bytes: &[u8]) -> Result<(), Message> {
    if bytes.is_empty() {
        return Err(Message::new("upload.missing"));
    }
    if bytes.len() > MAX_FORM_BYTES {
        return Err(Message::new("upload.too_large").arg("max", "5 MB"));
    }
    // A PDF starts with its header (within the first KiB, as readers allow) and ends with
    // `%%EOF` (within the last KiB).
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if find(head, b"%PDF-").is_none() || find(tail, b"%%EOF").is_none() {
        return Err(Message::new("upload.not_pdf"));
    }
    if ACTIVE.iter().any(|needle| find(bytes, needle).is_some()) {
        return Err(Message::new("upload.active_content"));
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The SHA-256 of a document, hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where the document of request `id` is kept.
pub fn path_of(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.pdf"))
}

/// Keeps a document; never overwrites one.
pub async fn store(dir: &Path, id: &str, bytes: &[u8]) -> anyhow::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    use tokio::io::AsyncWriteExt;
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path_of(dir, id))
        .await?;
    file.write_all(bytes).await?;
    file.sync_all().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const PDF: &[u8] =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

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
        let mut big = PDF.to_vec();
        big.resize(MAX_FORM_BYTES + 1, b' ');
        big.extend_from_slice(b"%%EOF");
        assert_eq!(key(&big), "upload.too_large");
        let mut exact = b"%PDF-1.4\n".to_vec();
        exact.resize(MAX_FORM_BYTES - 6, b' ');
        exact.extend_from_slice(b"\n%%EOF");
        assert_eq!(exact.len(), MAX_FORM_BYTES);
        assert_eq!(check_pdf(&exact), Ok(()));
    }
}

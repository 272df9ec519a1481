//! The installable app's files as the server sends them: the manifest and the service worker
//! with their content types, what browsers may cache and for how long, the precompressed copies
//! by the request's Accept-Encoding, and a Content-Security-Policy that lets the worker and the
//! manifest come from the portal only. Over a small `dist` of the test's own, so the rules are
//! checked whatever the SPA build holds.

use inzage_tests::{Db, TestApp};
use reqwest::StatusCode;

const WASM: &str = "/inzage-app-0a1b2c3d4e5f6789_bg.wasm";

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A server whose SPA folder holds a shell like trunk's, with brotli copies of two files.
async fn spawn_with_shell() -> anyhow::Result<(TestApp, tempfile::TempDir)> {
    let dist = tempfile::tempdir()?;
    let write = |path: &str, bytes: &[u8]| std::fs::write(dist.path().join(&path[1..]), bytes);
    write(
        "/index.html",
        b"<!doctype html><title>Inzage</title><link rel=\"manifest\" href=\"/manifest.webmanifest\">",
    )?;
    write("/index.html.br", b"brotli index")?;
    write("/manifest.webmanifest", br#"{"name":"Inzage"}"#)?;
    write("/sw.js", b"const BUILD = \"test\";")?;
    write("/sw.js.br", b"brotli worker")?;
    write(WASM, b"\0asm")?;
    let dir = dist.path().to_path_buf();
    let app = TestApp::spawn_with(Db::Sqlite, move |c| c.dist_dir = dir).await?;
    Ok((app, dist))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_manifest_and_the_worker_have_their_types_and_are_always_revalidated(
) -> anyhow::Result<()> {
    let (app, _dist) = spawn_with_shell().await?;
    let client = reqwest::Client::new();
    for (path, content_type) in [
        ("/manifest.webmanifest", "application/manifest+json"),
        ("/sw.js", "text/javascript"),
    ] {
        let res = client.get(app.url(path)).send().await?;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, "content-type"), content_type, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
    }
    // The page itself, also where a client route falls back to it.
    for path in ["/", "/index.html", "/verslagen"] {
        let res = client.get(app.url(path)).send().await?;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_files_are_immutable_and_the_api_is_never_stored() -> anyhow::Result<()> {
    let (app, _dist) = spawn_with_shell().await?;
    let client = reqwest::Client::new();
    let res = client.get(app.url(WASM)).send().await?;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "content-type"), "application/wasm");
    assert_eq!(
        header(&res, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    // A missing hashed file is not cached for a year (it falls back to the page).
    let res = client
        .get(app.url("/inzage-app-ffffffffffffffff.js"))
        .send()
        .await?;
    assert_eq!(header(&res, "cache-control"), "no-cache");
    // The API keeps its own rule: never stored, whatever the static files do.
    let res = client.get(app.url("/api/v1/me")).send().await?;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(header(&res, "cache-control"), "no-store");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_that_accepts_brotli_gets_the_precompressed_copy() -> anyhow::Result<()> {
    let (app, _dist) = spawn_with_shell().await?;
    let client = reqwest::Client::new();
    for (path, brotli) in [
        ("/sw.js", "brotli worker"),
        ("/index.html", "brotli index"),
        ("/verslagen", "brotli index"),
    ] {
        let res = client
            .get(app.url(path))
            .header("accept-encoding", "gzip, deflate, br")
            .send()
            .await?;
        assert_eq!(header(&res, "content-encoding"), "br", "{path}");
        assert!(header(&res, "vary").contains("accept-encoding"), "{path}");
        assert_eq!(res.text().await?, brotli, "{path}");
        // Without brotli in Accept-Encoding, the plain file.
        let res = client
            .get(app.url(path))
            .header("accept-encoding", "gzip")
            .send()
            .await?;
        assert_eq!(header(&res, "content-encoding"), "", "{path}");
        assert_ne!(res.text().await?, brotli, "{path}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_policy_lets_the_worker_and_manifest_come_from_the_portal_only() -> anyhow::Result<()> {
    let (app, _dist) = spawn_with_shell().await?;
    let res = reqwest::get(app.url("/")).await?;
    let csp = header(&res, "content-security-policy");
    assert!(csp.contains("worker-src 'self';"), "{csp}");
    assert!(csp.contains("manifest-src 'self';"), "{csp}");
    assert!(csp.contains("default-src 'self';"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("blob:"), "{csp}");
    Ok(())
}

#[test]
fn only_names_with_trunks_hash_count_as_hashed() {
    use inzage_server::is_hashed_asset;
    for (path, hashed) in [
        ("/inzage-app-0a1b2c3d4e5f6789_bg.wasm", true),
        ("/inzage-app-0a1b2c3d4e5f6789.js", true),
        ("/style-9f8e7d6c5b4a3f2e.css", true),
        ("/favicon-1234abcd.svg", true),
        ("/sw.js", false),
        ("/manifest.webmanifest", false),
        ("/index.html", false),
        ("/icons/icon-192.png", false),
        ("/formulieren/machtiging.pdf", false),
        ("/style-dead.css", false),
        ("/api/v1/records-0a1b2c3d4e5f6789.json", false),
    ] {
        assert_eq!(is_hashed_asset(path), hashed, "{path}");
    }
}

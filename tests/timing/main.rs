//! The login's timing (issue 10, item 3): how long a refused login takes does not tell an
//! unknown username from a wrong password or a wrong code. Every login runs the same Argon2id
//! verifications, against dummy hashes when the name is unknown; this measures that it does.
//!
//! Not a speed target: the three kinds of refusal are timed interleaved, round after round, on
//! the same server, and only their medians are compared with each other, so the machine's
//! speed and its noise fall on all three alike. It is a test binary of its own: inside the API
//! tests, other tests' servers shared the cores and their bursts made the medians differ by up
//! to 15%.

use inzage_tests::{browser, challenge, code_answer, login_with, Db, TestApp};
use reqwest::StatusCode;
use std::time::{Duration, Instant};

/// Rounds of the three refusals.
const ROUNDS: usize = 24;
/// How far apart the medians may be, as a share of the largest. The Argon2id work (three
/// verifications of 19 MiB and two passes each) takes most of a login; the database steps that
/// differ between the cases are a few hundred microseconds of it.
const TOLERANCE: f64 = 0.10;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_logins_time_does_not_say_which_input_was_wrong() -> anyhow::Result<()> {
    let app = TestApp::spawn(Db::Sqlite).await?;
    let base = app.url("");
    let margery = app.login_of("margery");
    // (what is wrong, username, password, whether the code is right)
    let cases = [
        ("unknown username", "nobody-here", "inzage-demo", true),
        ("wrong password", "margery", "inzage-demx", true),
        ("wrong code", "margery", "inzage-demo", false),
    ];
    let mut times: [Vec<Duration>; 3] = Default::default();
    for round in 0..ROUNDS {
        for i in 0..cases.len() {
            // A different order each round, so no case always follows another.
            let case = (i + round) % cases.len();
            let (_, username, password, code_ok) = cases[case];
            // The failures would lock the account and the address: forget them, so every
            // attempt takes the path of an ordinary wrong answer.
            for table in ["login_failures", "rate_limits"] {
                sqlx::query(&format!("DELETE FROM {table}"))
                    .execute(app.store.pool())
                    .await?;
            }
            let client = browser();
            let c = challenge(&client, &base, username).await?;
            let code = code_answer(margery, c.position, code_ok);
            let started = Instant::now();
            let res =
                login_with(&client, &base, &c.challenge_id, username, password, &code).await?;
            let took = started.elapsed();
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{}", cases[case].0);
            times[case].push(took);
        }
    }
    let medians: Vec<Duration> = times
        .iter_mut()
        .map(|t| {
            t.sort();
            t[t.len() / 2]
        })
        .collect();
    let slowest = medians.iter().max().copied().unwrap_or_default();
    let fastest = medians.iter().min().copied().unwrap_or_default();
    let report: Vec<String> = cases
        .iter()
        .zip(&medians)
        .map(|((what, ..), m)| format!("{what}: {m:.1?}"))
        .collect();
    println!("median time of a refused login: {}", report.join(", "));
    assert!(
        (slowest - fastest).as_secs_f64() <= TOLERANCE * slowest.as_secs_f64(),
        "the medians differ by more than {:.0}%: {}",
        TOLERANCE * 100.0,
        report.join(", ")
    );
    Ok(())
}

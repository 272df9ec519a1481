//! The notification worker: tells people of news by e-mail, as their settings ask, and delivers
//! the outbox with retries.
//!
//! News is noted where it happens (`Tx::add_news`: a department's answer, a request's new
//! status, a new report at import). Each round, for every person with untold news, the worker
//! keeps what they want told (a new report only if the domain lets them read it now), and when
//! their pace allows queues one notice with how much is new of each kind — never what it is.
//! Then it delivers the mails that are due; a failed delivery is tried again later
//! (`notify::retry_after`) and given up after `notify::MAX_ATTEMPTS`. Time is the server's
//! clock; several instances share the work through the outbox's claims.

use std::time::Duration as StdDuration;

use inzage_domain::contact::EmailAddress;
use inzage_domain::explain::Language;
use inzage_domain::manage::next_age_change;
use inzage_domain::notify::{
    age_change_notice, retry_after, Frequency, NotificationSettings, Topic,
};
use inzage_domain::{PersonId, Principal};
use inzage_i18n::Translator;

use crate::api::record::Record;
use crate::store::{OutboxRow, SettingsRow, Waiting};
use crate::AppState;

/// The settings a stored row holds, or the defaults (off).
pub fn settings_of(row: Option<&SettingsRow>) -> NotificationSettings {
    match row {
        None => NotificationSettings::default(),
        Some(r) => NotificationSettings {
            enabled: r.enabled == 1,
            topics: r.topics.split(',').filter_map(Topic::parse).collect(),
            frequency: Frequency::parse(&r.frequency).unwrap_or(Frequency::Immediately),
        },
    }
}

/// How long a claimed mail is left to the instance that claimed it.
const CLAIM_SECONDS: i64 = 300;

/// How often the worker looks for birthdays that change who may see a record, in the server's
/// clock's seconds.
const AGE_SCAN_SECONDS: i64 = 3600;

/// One round: tell news, once an hour look for coming birthdays that change access (`last_scan`
/// is when it last did), then deliver what is due.
pub async fn run_once(state: &AppState, last_scan: &mut Option<i64>) -> anyhow::Result<()> {
    for person in state.store.waiting_people().await? {
        tell(state, person).await?;
    }
    let now = crate::api::record::now(state).unix_timestamp();
    if last_scan.is_none_or(|t| now - t >= AGE_SCAN_SECONDS || now < t) {
        age_changes(state).await?;
        *last_scan = Some(now);
    }
    deliver(state).await
}

/// The account's confirmed address and the person's confirmed extra ones.
pub(crate) async fn confirmed_addresses(
    state: &AppState,
    person: &str,
    account: Option<&str>,
) -> anyhow::Result<Vec<EmailAddress>> {
    let mut addresses: Vec<EmailAddress> = account
        .and_then(|e| EmailAddress::parse(e).ok())
        .into_iter()
        .collect();
    for (extra, confirmed) in state.store.notice_addresses(person).await? {
        if let (Some(_), Ok(a)) = (confirmed, EmailAddress::parse(&extra)) {
            addresses.push(a);
        }
    }
    Ok(addresses)
}

/// Tells the patient and every person whose access changes, from a month before, of the next
/// birthday that changes who may see a minor's record (the domain's `next_age_change` and
/// `age_change_notice`): once per person, record and birthday, to their confirmed addresses,
/// without naming the record or what is in it.
async fn age_changes(state: &AppState) -> anyhow::Result<()> {
    let now = crate::api::record::now(state);
    // Nobody's access changes after 18; 19 years back leaves room for every time zone.
    let since = now
        .date()
        .replace_year(now.year() - 19)
        .unwrap_or(now.date());
    for (id, _) in state.store.born_since(&since.to_string()).await? {
        let Some(record) = Record::load(state, &id)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?
        else {
            continue;
        };
        let Some(change) = next_age_change(&record.facts, now) else {
            continue;
        };
        for person in age_change_notice(&change, &record.facts.patient.id, now) {
            let Some((email, language)) = state.store.notice_contact(&person.0).await? else {
                continue;
            };
            let addresses = confirmed_addresses(state, &person.0, email.as_deref()).await?;
            let language = language
                .as_deref()
                .and_then(Language::from_tag)
                .unwrap_or_default();
            let args = serde_json::to_string(&[
                ("date", change.on.to_string()),
                ("link", state.config.public_url()),
            ])?;
            let mails: Vec<OutboxRow> = addresses
                .iter()
                .map(|to| OutboxRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    to_address: to.as_str().to_owned(),
                    language: language.code().to_owned(),
                    subject_key: "mail.age_change.subject".into(),
                    body_key: "mail.age_change.body".into(),
                    args: args.clone(),
                    attempts: 0,
                    next_attempt_at: now.unix_timestamp(),
                })
                .collect();
            let mut tx = state.store.begin().await?;
            if tx
                .note_age_change_notice(
                    &person.0,
                    &id,
                    &change.on.to_string(),
                    now.unix_timestamp(),
                )
                .await?
            {
                tx.queue_mails(&mails, now.unix_timestamp()).await?;
            }
            tx.commit().await?;
        }
    }
    Ok(())
}

/// Whether news about report `id` may be told to `person`: only a report they may read now, in
/// their own record or in one they act on (a parent's child, say).
async fn may_tell_report(state: &AppState, person: &str, id: &str) -> anyhow::Result<bool> {
    let Some(row) = state.store.report(id).await? else {
        return Ok(false);
    };
    let Some(record) = Record::load(state, &row.patient_id)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
    else {
        return Ok(false);
    };
    let principal = Principal::Person {
        id: PersonId(person.to_owned()),
    };
    let now = crate::api::record::now(state);
    Ok(record
        .decide_report(&state.config.network, &principal, &row, now)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .is_permitted())
}

async fn tell(state: &AppState, w: Waiting) -> anyhow::Result<()> {
    let now = crate::api::record::now(state);
    let settings = settings_of(
        w.enabled
            .map(|enabled| SettingsRow {
                person_id: w.person_id.clone(),
                enabled,
                topics: w.topics.clone().unwrap_or_default(),
                frequency: w.frequency.clone().unwrap_or_default(),
                last_sent_at: w.last_sent_at,
            })
            .as_ref(),
    );
    let last_sent = w
        .last_sent_at
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok());
    let mut counts: Vec<(Topic, u32)> = Vec::new();
    let mut ids = Vec::new();
    for (id, topic, reference) in state.store.untold(&w.person_id).await? {
        let told = match (Topic::parse(&topic), reference) {
            (Some(Topic::NewReport), Some(report)) if settings.wants(Topic::NewReport) => {
                may_tell_report(state, &w.person_id, &report).await?
            }
            (Some(t), _) => settings.wants(t),
            (None, _) => false,
        };
        if told {
            if let Some(topic) = Topic::parse(&topic) {
                match counts.iter_mut().find(|(t, _)| *t == topic) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((topic, 1)),
                }
            }
        }
        ids.push(id);
    }
    let addresses = confirmed_addresses(state, &w.person_id, w.email.as_deref()).await?;
    if !counts.is_empty() && !addresses.is_empty() && !settings.due(last_sent, now) {
        // The person's pace: this news waits for the next notice.
        return Ok(());
    }
    // News nobody wants told, or that no confirmed address can carry, is set aside: it is
    // not told later, when it is no longer news.
    let mut mails = Vec::new();
    if !counts.is_empty() {
        let language = w
            .language
            .as_deref()
            .and_then(Language::from_tag)
            .unwrap_or_default();
        counts.sort();
        let mut args: Vec<(String, String)> = counts
            .iter()
            .map(|(t, n)| (t.as_str().to_owned(), n.to_string()))
            .collect();
        args.push(("link".into(), state.config.public_url()));
        let args = serde_json::to_string(&args)?;
        for to in &addresses {
            mails.push(OutboxRow {
                id: uuid::Uuid::new_v4().to_string(),
                to_address: to.as_str().to_owned(),
                language: language.code().to_owned(),
                subject_key: "mail.notice.subject".into(),
                body_key: "mail.notice.body".into(),
                args: args.clone(),
                attempts: 0,
                next_attempt_at: now.unix_timestamp(),
            });
        }
    }
    let mut tx = state.store.begin().await?;
    tx.tell(&w.person_id, &ids, now.unix_timestamp(), &mails)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The notice's text: what is new, kind by kind, without saying what it is; any other mail's
/// (an age change) is its keys with its arguments.
fn compose(row: &OutboxRow) -> anyhow::Result<(String, String)> {
    let language = Language::from_tag(&row.language).unwrap_or_default();
    let t = Translator::new(language);
    let args: Vec<(String, String)> = serde_json::from_str(&row.args)?;
    if row.body_key != "mail.notice.body" {
        let mut named: Vec<(&str, String)> = Vec::new();
        for (name, value) in &args {
            // A day is written out in the language.
            let value = match crate::config::parse_date(value) {
                Ok(day) if name == "date" => inzage_domain::explain::long_date(day, language),
                _ => value.clone(),
            };
            named.push((name.as_str(), value));
        }
        let text = |key: &str| {
            t.text(key, &named)
                .ok_or_else(|| anyhow::anyhow!("no text for {key}"))
        };
        return Ok((text(&row.subject_key)?, text(&row.body_key)?));
    }
    let mut lines = Vec::new();
    let mut link = String::new();
    for (name, value) in &args {
        if name == "link" {
            link.clone_from(value);
        } else if let Some(line) =
            t.text(&format!("mail.notice.{name}"), &[("count", value.clone())])
        {
            lines.push(format!("- {line}"));
        }
    }
    let subject = t
        .text(&row.subject_key, &[])
        .ok_or_else(|| anyhow::anyhow!("no text for {}", row.subject_key))?;
    let body = t
        .text(&row.body_key, &[("news", lines.join("\n")), ("link", link)])
        .ok_or_else(|| anyhow::anyhow!("no text for {}", row.body_key))?;
    Ok((subject, body))
}

async fn deliver(state: &AppState) -> anyhow::Result<()> {
    let now = crate::api::record::now(state).unix_timestamp();
    for row in state.store.due_mails(now, 50).await? {
        if !state.store.claim_mail(&row, now + CLAIM_SECONDS).await? {
            continue;
        }
        let attempt = u32::try_from(row.attempts + 1).unwrap_or(u32::MAX);
        let result = match compose(&row) {
            Ok((subject, body)) => {
                state
                    .mailer
                    .send_text(&row.to_address, &subject, &body)
                    .await
            }
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                state
                    .store
                    .mail_tried(&row.id, now, true, None, None)
                    .await?
            }
            Err(e) => {
                let error = format!("{e:#}");
                tracing::warn!(mail = %row.id, attempt, error = %error, "a notice was not delivered");
                let next = retry_after(attempt).map(|d| now + d.whole_seconds());
                state
                    .store
                    .mail_tried(&row.id, now, false, next, Some(&error))
                    .await?;
            }
        }
    }
    Ok(())
}

/// Runs the worker every `every` until the process stops.
pub fn spawn(state: AppState, every: StdDuration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        let mut last_scan = None;
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = run_once(&state, &mut last_scan).await {
                tracing::warn!(error = %format!("{e:#}"), "the notification worker failed a round");
            }
        }
    });
}

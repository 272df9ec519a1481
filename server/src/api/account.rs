//! The person's own account (password, username, e-mail, sessions, the code card), the ways back
//! in without logging in (password reset by e-mail link and code card; code card request by
//! national number and a confirmed e-mail address), and the back office's side of code cards
//! (posting the printed letters, printing one at the desk, the helpdesk's unlock).

use crate::error::Path;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use inzage_domain::access::{Decision, Effect};
use inzage_domain::account::{
    AccountLookup, AccountView, Acknowledgement, CodeCardRequestForm, EmailChange, HelpdeskAccount,
    LinkToken, PasswordChange, PasswordResetCompletion, PasswordResetRequest, ResetChallenge,
    SessionInfo, StaffCardRequest, Suspension, Terms, TermsAcceptance, UsernameChange,
};
use inzage_domain::contact::EmailAddress;
use inzage_domain::login::PasswordError;
use inzage_domain::wire::{ErrorBody, FieldErrors, Me};
use inzage_domain::{LoginName, Message, Password};
use inzage_i18n::Language;
use time::OffsetDateTime;

use super::record::Actor;
use super::{links, login_refusal, set_cookie, user_agent, ClientAddr, CurrentUser};
use crate::auth::{hash_secret, token_hash, Client, LoginOutcome, SessionToken};
use crate::cardletter::{self, Holder};
use crate::error::{ApiError, ApiJson};
use crate::limits;
use crate::mail::Mail;
use crate::store::{AccountProfile, Subject};
use crate::AppState;

/// How long a password reset link works.
pub const RESET_TTL: time::Duration = time::Duration::hours(1);
/// How long an e-mail confirmation link works.
pub const CONFIRM_TTL: time::Duration = time::Duration::hours(24);
/// The password hash of an account created for a code card, before its first password: no
/// password verifies against it; the person chooses one through the reset link.
pub const NO_PASSWORD: &str = "!";

const PURPOSE_RESET: &str = "password_reset";
const PURPOSE_EMAIL: &str = "confirm_email";
const PURPOSE_CARD: &str = "confirm_card_request";

fn instant(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

pub(super) fn language_of(profile: Option<&str>) -> Language {
    profile
        .and_then(Language::from_tag)
        .unwrap_or_else(|| crate::language::translator().language())
}

/// The words a person's password may not contain: their username, national number, record
/// number and names.
async fn context_words(
    state: &AppState,
    profile: &AccountProfile,
) -> Result<Vec<String>, ApiError> {
    let mut words: Vec<String> = profile.username.iter().cloned().collect();
    if let Some(patient) = &profile.patient_id {
        if let Some(p) = state.store.patient(patient).await? {
            words.extend(p.insz);
            words.extend(p.bsn);
            words.extend(p.record_number);
            words.push(p.given_name);
            words.push(p.family_name);
        }
    }
    Ok(words)
}

/// The server's half of the password rules: the domain's (length, context words) and the
/// blocklist, zxcvbn's dictionaries of common passwords (too large for the browser): a password
/// guessable in fewer than 10^8 tries is refused.
fn check_new_password(input: &str, words: &[String]) -> Result<Password, PasswordError> {
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let password = inzage_domain::account::choose_password(input, &refs)?;
    if zxcvbn::zxcvbn(input, &refs).guesses_log10() < 8.0 {
        return Err(PasswordError::Common);
    }
    Ok(password)
}

/// A single-use link to send by e-mail.
pub(super) struct Link<'a> {
    /// `password_reset`, `confirm_email` or `confirm_card_request`.
    pub(super) purpose: &'static str,
    /// The account or request it is for.
    pub(super) subject_id: &'a str,
    pub(super) to: &'a EmailAddress,
    pub(super) language: Language,
    pub(super) ttl: time::Duration,
    /// The SPA's page the link opens, e.g. `/wachtwoord/nieuw`.
    pub(super) page: &'static str,
    /// The mail's message keys (`mail.reset` gives `mail.reset.subject` and `.body`).
    pub(super) mail: (&'static str, &'static str),
}

/// Stores a new link's token (only its hash; the subject's older links for the same purpose
/// stop working) and mails it, with the link's lifetime in minutes as `minutes`.
pub(super) async fn send_link(state: &AppState, link: Link<'_>) -> Result<(), ApiError> {
    let now = state.clock.now();
    let token = SessionToken::generate();
    state
        .store
        .revoke_email_tokens(link.subject_id, link.purpose, now.unix_timestamp())
        .await?;
    state
        .store
        .insert_email_token(
            &token_hash(token.as_str()),
            link.purpose,
            link.subject_id,
            Some(link.to.as_str()),
            now.unix_timestamp(),
            (now + link.ttl).unix_timestamp(),
        )
        .await?;
    let url = format!(
        "{}{}?token={}",
        state.config.public_url(),
        link.page,
        token.as_str()
    );
    state.mailer.send_later(Mail {
        to: link.to,
        language: link.language,
        subject: link.mail.0,
        body: link.mail.1,
        args: vec![
            ("link", url),
            ("minutes", link.ttl.whole_minutes().to_string()),
        ],
    });
    Ok(())
}

/// Uses a confirmation link: valid for this purpose now, and used by exactly one request (a
/// second click, or two at once, gets `account.link_invalid`).
pub(super) async fn take_link(
    state: &AppState,
    token: &str,
    purpose: &'static str,
    now: i64,
) -> Result<crate::store::EmailTokenRow, ApiError> {
    let hash = token_hash(token);
    let row = state
        .store
        .email_token(&hash, purpose, now)
        .await?
        .ok_or_else(|| field_error("token", "account.link_invalid"))?;
    if !state.store.use_email_token(&hash, now).await? {
        return Err(field_error("token", "account.link_invalid"));
    }
    Ok(row)
}

pub(super) fn accepted(key: &'static str) -> (StatusCode, Json<Acknowledgement>) {
    (
        StatusCode::ACCEPTED,
        Json(Acknowledgement {
            message: Message::new(key),
        }),
    )
}

pub(super) fn field_error(field: &str, key: &'static str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add(field, Message::new(key));
    ApiError::Validation(errors)
}

async fn hash_password(state: &AppState, password: &Password) -> Result<String, ApiError> {
    let secret = password.expose_secret().to_owned();
    let cost = state.config.password_hashing;
    Ok(
        tokio::task::spawn_blocking(move || hash_secret(&secret, cost))
            .await
            .map_err(|e| ApiError::Internal(e.into()))??,
    )
}

async fn profile(state: &AppState, who: &CurrentUser) -> Result<AccountProfile, ApiError> {
    state
        .store
        .account_profile(&who.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)
}

/// `GET /me/account`.
#[utoipa::path(get, path = "/api/v1/me/account", tag = "account", security(("session" = [])),
    responses((status = 200, description = "The account: username, e-mail, code card, open sessions", body = AccountView),
        (status = 401, description = "No valid session", body = ErrorBody)))]
pub async fn view(
    State(state): State<AppState>,
    who: CurrentUser,
) -> Result<Json<AccountView>, ApiError> {
    let profile = profile(&state, &who).await?;
    let now = state.clock.now();
    let cards = state.store.card_state(&who.account_id).await?;
    let mode = state.auth.mode();
    let codes_left = if cards.has_active {
        mode.codes_left(cards.used.len())
    } else {
        0
    };
    let mut sessions: Vec<SessionInfo> = state
        .store
        .sessions_of(&who.account_id, now.unix_timestamp())
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            current: s.id == who.session_id,
            id: s.id,
            method: s.method,
            created_at: instant(s.created_at),
            last_seen_at: instant(s.last_seen_at),
            client_addr: s.client_addr,
            user_agent: s.user_agent,
        })
        .collect();
    sessions.sort_by_key(|s| !s.current);
    Ok(Json(AccountView {
        username: profile.username,
        email: profile.email,
        email_confirmed: profile.email_confirmed_at.is_some(),
        code_card_mode: mode,
        has_card: cards.has_active,
        codes_left,
        offers_new_card: cards.has_active && !cards.pending && mode.offers_new_card(codes_left),
        card_on_its_way: cards.pending,
        sessions,
        passkeys: super::passkeys::list(&state, &who.account_id).await?,
    }))
}

/// `PUT /me/password`: the current password and a new one; every other session ends.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "account", security(("session" = [])),
    request_body = PasswordChange,
    responses((status = 204, description = "Changed; the person's other sessions are ended"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 422, description = "The current password is wrong, or the new one does not follow the rules", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(form): ApiJson<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let profile = profile(&state, &who).await?;
    let words = context_words(&state, &profile).await?;
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let (current, _) = form.validate(&refs).map_err(ApiError::Validation)?;
    let new = check_new_password(&form.new_password, &words)
        .map_err(|e| ApiError::Validation(one_error("new_password", &e)))?;
    let hash = profile.password_hash.clone();
    let typed = current.expose_secret().to_owned();
    let right = tokio::task::spawn_blocking(move || crate::auth::verify_secret(&typed, &hash))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    if !right {
        return Err(field_error(
            "current_password",
            "account.current_password_wrong",
        ));
    }
    let hash = hash_password(&state, &new).await?;
    state.store.set_password(&who.account_id, &hash).await?;
    state
        .store
        .end_sessions(&who.account_id, Some(&who.session_id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn one_error<E: inzage_domain::HasMessageKey>(field: &str, e: &E) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(field, Message::from(e));
    errors
}

/// `PUT /me/username`.
#[utoipa::path(put, path = "/api/v1/me/username", tag = "account", security(("session" = [])),
    request_body = UsernameChange,
    responses((status = 204, description = "The new username works at the next login"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 409, description = "Another account has this username", body = ErrorBody),
        (status = 422, description = "Not a valid username", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn change_username(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(form): ApiJson<UsernameChange>,
) -> Result<StatusCode, ApiError> {
    let username = form.validate().map_err(ApiError::Validation)?;
    if !state
        .store
        .set_username(&who.account_id, username.as_str())
        .await?
    {
        return Err(ApiError::Conflict(Message::new("account.username_taken")));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `PUT /me/email`: the new address is used once confirmed by the link sent to it.
#[utoipa::path(put, path = "/api/v1/me/email", tag = "account", security(("session" = [])),
    request_body = EmailChange,
    responses((status = 202, description = "A confirmation link was sent to the address", body = Acknowledgement),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 422, description = "Not an e-mail address", body = ErrorBody),
        (status = 429, description = "Too many changes in an hour", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn change_email(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(form): ApiJson<EmailChange>,
) -> Result<(StatusCode, Json<Acknowledgement>), ApiError> {
    let email = form.validate().map_err(ApiError::Validation)?;
    limits::check(
        &state.store,
        limits::EMAIL_CHANGES_PER_ACCOUNT,
        &who.account_id,
        state.clock.now(),
    )
    .await?;
    let profile = profile(&state, &who).await?;
    send_link(
        &state,
        Link {
            purpose: PURPOSE_EMAIL,
            subject_id: &who.account_id,
            to: &email,
            language: language_of(profile.language.as_deref()),
            ttl: CONFIRM_TTL,
            page: "/e-mail/bevestigen",
            mail: ("mail.confirm_email.subject", "mail.confirm_email.body"),
        },
    )
    .await?;
    Ok(accepted("account.email_confirmation_sent"))
}

/// `POST /email/confirm`: the link from the mail confirms the address.
#[utoipa::path(post, path = "/api/v1/email/confirm", tag = "account", request_body = LinkToken,
    responses((status = 200, description = "The address is confirmed", body = Acknowledgement),
        (status = 422, description = "The link is unknown, used or expired", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn confirm_email(
    State(state): State<AppState>,
    ApiJson(link): ApiJson<LinkToken>,
) -> Result<Json<Acknowledgement>, ApiError> {
    let now = state.clock.now().unix_timestamp();
    let row = take_link(&state, &link.token, PURPOSE_EMAIL, now).await?;
    let email = row
        .email
        .ok_or_else(|| field_error("token", "account.link_invalid"))?;
    state
        .store
        .set_email(&row.subject_id, &email, Some(now))
        .await?;
    Ok(Json(Acknowledgement {
        message: Message::new("account.email_confirmed"),
    }))
}

/// `DELETE /me/sessions/{id}`: ends one of the person's sessions.
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", tag = "account", security(("session" = [])),
    params(("id" = String, Path, description = "The session's public id")),
    responses((status = 204, description = "Ended"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "Not one of the person's sessions", body = ErrorBody)))]
pub async fn end_session(
    State(state): State<AppState>,
    who: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if state.store.end_session(&who.account_id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// `POST /me/sessions/end-all`: logs out everywhere, this browser included.
#[utoipa::path(post, path = "/api/v1/me/sessions/end-all", tag = "account", security(("session" = [])),
    responses((status = 204, description = "Every session ended; the cookie is cleared"),
        (status = 401, description = "No valid session", body = ErrorBody)))]
pub async fn end_all_sessions(
    State(state): State<AppState>,
    who: CurrentUser,
) -> Result<Response, ApiError> {
    state.store.end_sessions(&who.account_id, None).await?;
    let cookie = set_cookie(&state, "", 0)?;
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

/// Writes an event of the person's account (a code card's, a suspension) to the record's audit
/// trail: who did it, and why in the audit's words.
async fn audit_account_event(
    state: &AppState,
    who: &CurrentUser,
    patient_id: &str,
    resource: &str,
    reason: &'static str,
    client: &ClientAddr,
) -> Result<(), ApiError> {
    let actor = Actor::of(state, who, patient_id).await?;
    let why = Decision {
        effect: Effect::Permit,
        rules: Vec::new(),
        reasons: vec![Message::new(reason)],
    };
    state
        .store
        .audit(&actor.entry(
            patient_id,
            "change",
            resource,
            &why,
            client,
            state.clock.now(),
        ))
        .await?;
    Ok(())
}

async fn audit_card_event(
    state: &AppState,
    who: &CurrentUser,
    patient_id: &str,
    event: &str,
    client: &ClientAddr,
) -> Result<(), ApiError> {
    let reason: &'static str = match event {
        "blocked" => "reason.code_card_blocked",
        "requested" => "reason.code_card_requested",
        "posted" => "reason.code_card_posted",
        _ => "reason.code_card_printed",
    };
    audit_account_event(
        state,
        who,
        patient_id,
        &format!("code_card/{event}"),
        reason,
        client,
    )
    .await
}

/// `POST /me/code-card/block`: after loss or theft. Every card of the account stops working and
/// every session ends at once, this one too; a new card keeps the password.
#[utoipa::path(post, path = "/api/v1/me/code-card/block", tag = "account", security(("session" = [])),
    responses((status = 204, description = "Blocked; every session ended and the cookie cleared"),
        (status = 401, description = "No valid session", body = ErrorBody)))]
pub async fn block_card(
    State(state): State<AppState>,
    who: CurrentUser,
    client: ClientAddr,
) -> Result<Response, ApiError> {
    if let Subject::Patient(id) = &who.subject {
        audit_card_event(&state, &who, id, "blocked", &client).await?;
    }
    state
        .store
        .block_cards(&who.account_id, state.clock.now().unix_timestamp())
        .await?;
    let cookie = set_cookie(&state, "", 0)?;
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

/// Prints a new card for a patient's account (creating the account when the patient has none):
/// the codes are hashed and stored as a pending card, and appear only in the returned PDF.
async fn print_card(
    state: &AppState,
    patient_id: &str,
    email: Option<&str>,
) -> Result<(String, Vec<u8>), ApiError> {
    let now = state.clock.now();
    let patient = state
        .store
        .patient(patient_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let account = match state.store.account_of_patient(patient_id).await? {
        Some(a) => a.id,
        None => {
            state
                .store
                .create_account(
                    &Subject::Patient(patient_id.to_owned()),
                    None,
                    NO_PASSWORD,
                    now.unix_timestamp(),
                )
                .await?
        }
    };
    if let (Some(email), Some(profile)) = (email, state.store.account_profile(&account).await?) {
        if profile.email.is_none() {
            state
                .store
                .set_email(&account, email, Some(now.unix_timestamp()))
                .await?;
        }
    }
    let profile = state
        .store
        .account_profile(&account)
        .await?
        .ok_or(ApiError::NotFound)?;
    let card = crate::auth::PrintedCard::random()?;
    let hashes = tokio::task::spawn_blocking({
        let card = card.clone();
        move || card.hashes()
    })
    .await
    .map_err(|e| ApiError::Internal(e.into()))??;
    let card_id = state
        .store
        .issue_pending_card(&account, &hashes, now.unix_timestamp())
        .await?;
    let holder = Holder {
        name: patient.display_name(),
        postal_address: patient.postal_address.clone(),
        login_hint: profile
            .username
            .clone()
            .or(patient.insz.clone())
            .or(patient.record_number.clone())
            .unwrap_or_default(),
        first_password: profile.password_hash == NO_PASSWORD,
        network: state.config.network.name.clone(),
        public_url: state.config.public_url(),
        issued: now.date(),
    };
    let pdf = cardletter::letter(&holder, &card, language_of(profile.language.as_deref()))?;
    Ok((card_id, pdf))
}

fn letter_path(state: &AppState, request_id: &str) -> std::path::PathBuf {
    state
        .config
        .uploads_dir
        .join("code-cards")
        .join(format!("{request_id}.pdf"))
}

/// `POST /me/code-card/request`: a patient asks for a new card by post (it works from its first
/// use on, which ends the old one).
#[utoipa::path(post, path = "/api/v1/me/code-card/request", tag = "account", security(("session" = [])),
    responses((status = 202, description = "The card will be printed and posted to the address the hospital holds", body = Acknowledgement),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Only patients receive cards by post; others ask the helpdesk", body = ErrorBody)))]
pub async fn request_card(
    State(state): State<AppState>,
    who: CurrentUser,
    client: ClientAddr,
) -> Result<(StatusCode, Json<Acknowledgement>), ApiError> {
    let patient_id = links::person(&who)?.to_owned();
    let request = state
        .store
        .insert_card_request(
            "account",
            None,
            None,
            Some(&patient_id),
            "unconfirmed",
            None,
            state.clock.now().unix_timestamp(),
            None,
        )
        .await?;
    queue_letter(&state, &request, &patient_id, None).await?;
    audit_card_event(&state, &who, &patient_id, "requested", &client).await?;
    Ok(accepted("account.card_on_its_way"))
}

/// Prints the card of a confirmed request into the mailing folder and queues it for posting.
async fn queue_letter(
    state: &AppState,
    request_id: &str,
    patient_id: &str,
    email: Option<&str>,
) -> Result<(), ApiError> {
    let (card_id, pdf) = print_card(state, patient_id, email).await?;
    let path = letter_path(state, request_id);
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| ApiError::Internal(e.into()))?;
    }
    tokio::fs::write(&path, pdf)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    state
        .store
        .advance_card_request(
            request_id,
            "unconfirmed",
            "to_post",
            Some(patient_id),
            Some(&card_id),
            None,
            state.clock.now().unix_timestamp(),
        )
        .await?;
    Ok(())
}

/// `POST /code-card-requests`: anyone asks for a card with a Belgian national number and an
/// e-mail address; the link sent there confirms the request. The answer is the same whether the
/// number is known or not, and the card only ever goes by post to the address the hospital holds.
#[utoipa::path(post, path = "/api/v1/code-card-requests", tag = "account", request_body = CodeCardRequestForm,
    responses((status = 202, description = "A confirmation link was sent to the address", body = Acknowledgement),
        (status = 422, description = "A field does not validate (the national number's check digits, the address)", body = ErrorBody),
        (status = 429, description = "Too many requests from this address: try again after Retry-After seconds", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn request_card_online(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    ApiJson(form): ApiJson<CodeCardRequestForm>,
) -> Result<(StatusCode, Json<Acknowledgement>), ApiError> {
    let (number, email) = form.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    limits::check_address(
        &state.store,
        limits::CARD_REQUESTS_PER_ADDRESS,
        addr.as_deref(),
        now,
    )
    .await?;
    // However many requests name one e-mail address, it gets a few mails an hour at most.
    if !limits::allow(
        &state.store,
        limits::CARD_MAILS_PER_ADDRESS,
        email.as_str(),
        now,
    )
    .await?
    {
        return Ok(accepted("account.card_request_sent"));
    }
    let request = state
        .store
        .insert_card_request(
            "online",
            Some(number.as_str()),
            Some(email.as_str()),
            None,
            "unconfirmed",
            None,
            now.unix_timestamp(),
            None,
        )
        .await?;
    send_link(
        &state,
        Link {
            purpose: PURPOSE_CARD,
            subject_id: &request,
            to: &email,
            language: crate::language::from_headers(&headers).unwrap_or(Language::Nl),
            ttl: CONFIRM_TTL,
            page: "/codekaart/bevestigen",
            mail: ("mail.confirm_card.subject", "mail.confirm_card.body"),
        },
    )
    .await?;
    Ok(accepted("account.card_request_sent"))
}

/// `POST /code-card-requests/confirm`: the link confirms the address; a card is printed for the
/// patient with that number, if there is one, for posting. Same answer either way.
#[utoipa::path(post, path = "/api/v1/code-card-requests/confirm", tag = "account", request_body = LinkToken,
    responses((status = 200, description = "Confirmed: a card is posted if the number is known", body = Acknowledgement),
        (status = 422, description = "The link is unknown, used or expired", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn confirm_card_request(
    State(state): State<AppState>,
    ApiJson(link): ApiJson<LinkToken>,
) -> Result<Json<Acknowledgement>, ApiError> {
    let now = state.clock.now().unix_timestamp();
    let row = take_link(&state, &link.token, PURPOSE_CARD, now).await?;
    let request = state
        .store
        .card_request(&row.subject_id)
        .await?
        .ok_or_else(|| field_error("token", "account.link_invalid"))?;
    let patient = match &request.national_number {
        Some(n) => state.store.patient_by_insz(n).await?,
        None => None,
    };
    match patient {
        Some(patient_id) => {
            queue_letter(&state, &request.id, &patient_id, row.email.as_deref()).await?;
        }
        None => {
            state
                .store
                .advance_card_request(&request.id, "unconfirmed", "unknown", None, None, None, now)
                .await?;
        }
    }
    Ok(Json(Acknowledgement {
        message: Message::new("account.card_request_confirmed"),
    }))
}

/// `POST /password-reset`: sends a reset link to the account's confirmed address, if the account
/// exists and has one. The answer is the same in every case.
#[utoipa::path(post, path = "/api/v1/password-reset", tag = "account", request_body = PasswordResetRequest,
    responses((status = 202, description = "If the account exists and has a confirmed e-mail address, a link was sent", body = Acknowledgement),
        (status = 422, description = "Not a username", body = ErrorBody),
        (status = 429, description = "Too many requests from this address: try again after Retry-After seconds", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn request_reset(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(form): ApiJson<PasswordResetRequest>,
) -> Result<(StatusCode, Json<Acknowledgement>), ApiError> {
    let name = form.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    limits::check_address(
        &state.store,
        limits::RESETS_PER_ADDRESS,
        addr.as_deref(),
        now,
    )
    .await?;
    let account = state.store.find_account(&name).await?;
    // An account gets a few reset mails an hour at most; the answer does not say so.
    let account = match account {
        Some(a)
            if limits::allow(
                &state.store,
                limits::RESET_MAILS_PER_ACCOUNT,
                &a.account_id,
                now,
            )
            .await? =>
        {
            Some(a)
        }
        _ => None,
    };
    if let Some(account) = account {
        let profile = state.store.account_profile(&account.account_id).await?;
        if let Some((profile, email)) = profile.and_then(|p| {
            let email = p
                .email
                .clone()
                .filter(|_| p.email_confirmed_at.is_some())
                .and_then(|e| EmailAddress::parse(&e).ok())?;
            Some((p, email))
        }) {
            // A new link replaces the older ones.
            send_link(
                &state,
                Link {
                    purpose: PURPOSE_RESET,
                    subject_id: &profile.id,
                    to: &email,
                    language: language_of(profile.language.as_deref()),
                    ttl: RESET_TTL,
                    page: "/wachtwoord/nieuw",
                    mail: ("mail.reset.subject", "mail.reset.body"),
                },
            )
            .await?;
        }
    }
    Ok(accepted("account.reset_sent"))
}

async fn reset_account(
    state: &AppState,
    token: &str,
) -> Result<(AccountProfile, crate::store::AccountAuth), ApiError> {
    let now = state.clock.now().unix_timestamp();
    let row = state
        .store
        .email_token(&token_hash(token), PURPOSE_RESET, now)
        .await?
        .ok_or_else(|| field_error("token", "account.link_invalid"))?;
    let profile = state
        .store
        .account_profile(&row.subject_id)
        .await?
        .ok_or_else(|| field_error("token", "account.link_invalid"))?;
    let auth = crate::store::AccountAuth {
        account_id: profile.id.clone(),
        patient_id: profile.patient_id.clone(),
        practitioner_id: profile.practitioner_id.clone(),
        staff_id: profile.staff_id.clone(),
        password_hash: profile.password_hash.clone(),
        suspended_reason: profile.suspended_reason.clone(),
    };
    Ok((profile, auth))
}

/// `POST /password-reset/challenge`: the link is valid; which code of the card to give.
#[utoipa::path(post, path = "/api/v1/password-reset/challenge", tag = "account", request_body = LinkToken,
    responses((status = 200, description = "The code card position to answer with the new password", body = ResetChallenge),
        (status = 422, description = "The link is unknown, used or expired", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn reset_challenge(
    State(state): State<AppState>,
    ApiJson(link): ApiJson<LinkToken>,
) -> Result<Json<ResetChallenge>, ApiError> {
    let (_, auth) = reset_account(&state, &link.token).await?;
    let (challenge_id, position) = state
        .auth
        .challenge_account(&auth, state.clock.now())
        .await?;
    Ok(Json(ResetChallenge {
        challenge_id,
        position,
    }))
}

/// `POST /password-reset/complete`: the link, a code from the card and the new password. The link
/// works once; every session of the account ends.
#[utoipa::path(post, path = "/api/v1/password-reset/complete", tag = "account", request_body = PasswordResetCompletion,
    responses((status = 204, description = "The new password is set; log in with it"),
        (status = 401, description = "The code is wrong, or the challenge invalid", body = ErrorBody),
        (status = 423, description = "Locked after too many failures", body = ErrorBody),
        (status = 422, description = "The link is invalid, or the new password does not follow the rules", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn complete_reset(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    ApiJson(form): ApiJson<PasswordResetCompletion>,
) -> Result<StatusCode, ApiError> {
    let (profile, auth) = reset_account(&state, &form.token).await?;
    let words = context_words(&state, &profile).await?;
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let (code, _) = form.validate(&refs).map_err(ApiError::Validation)?;
    let new = check_new_password(&form.new_password, &words)
        .map_err(|e| ApiError::Validation(one_error("new_password", &e)))?;
    let now = state.clock.now();
    let client = Client {
        addr: addr.as_deref(),
        user_agent: user_agent(&headers),
    };
    match state
        .auth
        .verify_card(&form.challenge_id, &auth, &code, client, now)
        .await?
    {
        LoginOutcome::Success { .. } => {}
        other => return Err(login_refusal(other, &state.config.network.helpdesk)),
    }
    if !state
        .store
        .use_email_token(&token_hash(&form.token), now.unix_timestamp())
        .await?
    {
        return Err(field_error("token", "account.link_invalid"));
    }
    let hash = hash_password(&state, &new).await?;
    state.store.set_password(&profile.id, &hash).await?;
    state.store.end_sessions(&profile.id, None).await?;
    state
        .store
        .revoke_email_tokens(&profile.id, PURPOSE_RESET, now.unix_timestamp())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /staff/code-cards`: printed letters waiting to be posted, oldest first.
#[utoipa::path(get, path = "/api/v1/staff/code-cards", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "Letters to post", body = Vec<StaffCardRequest>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_queue(
    State(state): State<AppState>,
    who: CurrentUser,
) -> Result<Json<Vec<StaffCardRequest>>, ApiError> {
    links::staff(&who)?;
    let mut out = Vec::new();
    for r in state.store.cards_to_post().await? {
        let Some(patient) = (match &r.patient_id {
            Some(p) => state.store.patient(p).await?,
            None => None,
        }) else {
            continue;
        };
        out.push(StaffCardRequest {
            id: r.id,
            channel: r.channel,
            patient_name: patient.display_name(),
            record_number: patient.record_number.clone(),
            postal_address: patient.postal_address.clone(),
            confirmed_at: instant(r.confirmed_at.unwrap_or(r.created_at)),
        });
    }
    Ok(Json(out))
}

fn pdf_response(pdf: Vec<u8>, name: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        pdf,
    )
        .into_response()
}

/// `GET /staff/code-cards/{id}/letter`: the printable letter with the card, until it is posted.
#[utoipa::path(get, path = "/api/v1/staff/code-cards/{id}/letter", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The request")),
    responses((status = 200, description = "The letter with the card", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No letter waits for this request (unknown, or posted already)", body = ErrorBody)))]
pub async fn staff_letter(
    State(state): State<AppState>,
    who: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    links::staff(&who)?;
    let request = state
        .store
        .card_request(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if request.status != "to_post" {
        return Err(ApiError::NotFound);
    }
    let pdf = tokio::fs::read(letter_path(&state, &id))
        .await
        .map_err(|_| ApiError::NotFound)?;
    Ok(pdf_response(pdf, "codekaart.pdf"))
}

/// `POST /staff/code-cards/{id}/posted`: the letter went out; its file (the only copy of the
/// codes) is deleted.
#[utoipa::path(post, path = "/api/v1/staff/code-cards/{id}/posted", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The request")),
    responses((status = 204, description = "Marked as posted; the letter's file is deleted"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No letter waits for this request", body = ErrorBody)))]
pub async fn staff_posted(
    State(state): State<AppState>,
    who: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let staff_id = links::staff(&who)?.to_owned();
    let request = state
        .store
        .card_request(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !state
        .store
        .advance_card_request(
            &id,
            "to_post",
            "posted",
            None,
            None,
            Some(&staff_id),
            state.clock.now().unix_timestamp(),
        )
        .await?
    {
        return Err(ApiError::NotFound);
    }
    match tokio::fs::remove_file(letter_path(&state, &id)).await {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(ApiError::Internal(e.into())),
    }
    if let Some(patient) = &request.patient_id {
        audit_card_event(&state, &who, patient, "posted", &client).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /staff/patients/{id}/code-card`: prints a card at the desk (for a patient without a
/// national number, or who is there in person). The PDF is the only copy of the codes and is not
/// kept.
#[utoipa::path(post, path = "/api/v1/staff/patients/{id}/code-card", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The patient")),
    responses((status = 200, description = "The letter with the new card, to print now", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such patient", body = ErrorBody)))]
pub async fn staff_print(
    State(state): State<AppState>,
    who: CurrentUser,
    client: ClientAddr,
    Path(patient_id): Path<String>,
) -> Result<Response, ApiError> {
    let staff_id = links::staff(&who)?.to_owned();
    let (card_id, pdf) = print_card(&state, &patient_id, None).await?;
    state
        .store
        .insert_card_request(
            "desk",
            None,
            None,
            Some(&patient_id),
            "printed",
            Some(&card_id),
            state.clock.now().unix_timestamp(),
            Some(&staff_id),
        )
        .await?;
    audit_card_event(&state, &who, &patient_id, "printed", &client).await?;
    Ok(pdf_response(pdf, "codekaart.pdf"))
}

/// `POST /staff/accounts/lookup`: the helpdesk finds a patient or account by any login name.
#[utoipa::path(post, path = "/api/v1/staff/accounts/lookup", tag = "staff", security(("session" = [])),
    request_body = AccountLookup,
    responses((status = 200, description = "The patient or account and its login state", body = HelpdeskAccount),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No patient or account by that name", body = ErrorBody),
        (status = 422, description = "Not a login name", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn staff_lookup(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(form): ApiJson<AccountLookup>,
) -> Result<Json<HelpdeskAccount>, ApiError> {
    links::staff(&who)?;
    let mut errors = FieldErrors::default();
    let name = errors
        .check("username", LoginName::parse(&form.username))
        .ok_or(ApiError::Validation(errors))?;
    let now = state.clock.now().unix_timestamp();
    let (patient_id, account) = match state.store.find_account(&name).await? {
        Some(a) => (
            a.patient_id.clone(),
            state.store.account_profile(&a.account_id).await?,
        ),
        None => {
            let patient = match &name {
                LoginName::NationalNumber(n) => state.store.patient_by_insz(n.as_str()).await?,
                LoginName::RecordNumber(n) => {
                    state.store.patient_by_record_number(n.as_str()).await?
                }
                LoginName::Username(_) => None,
            };
            let patient = patient.ok_or(ApiError::NotFound)?;
            let account = state.store.account_of_patient(&patient).await?;
            (Some(patient), account)
        }
    };
    let display_name = match (&patient_id, &account) {
        (Some(p), _) => state
            .store
            .patient_display_name(p)
            .await?
            .unwrap_or_default(),
        (None, Some(a)) => super::me_of(&state, &a.subject()?).await?.display_name,
        (None, None) => return Err(ApiError::NotFound),
    };
    let Some(account) = account else {
        return Ok(Json(HelpdeskAccount {
            account_id: None,
            display_name,
            patient_id,
            failures: 0,
            locked_until: None,
            disabled: false,
            has_card: false,
            sessions: 0,
            suspended_reason: None,
        }));
    };
    let failures = state
        .store
        .failure_state(&format!("account:{}", account.id))
        .await?;
    let cards = state.store.card_state(&account.id).await?;
    Ok(Json(HelpdeskAccount {
        display_name,
        patient_id,
        failures: failures.total,
        locked_until: failures.locked_until.filter(|u| *u > now).map(instant),
        disabled: failures.total >= crate::auth::DISABLE_AFTER,
        has_card: cards.has_active,
        sessions: state.store.sessions_of(&account.id, now).await?.len(),
        suspended_reason: account.suspended_reason.clone(),
        account_id: Some(account.id),
    }))
}

/// `GET /terms`: the version of the terms of use in force and whom to contact.
#[utoipa::path(get, path = "/api/v1/terms", tag = "account",
    responses((status = 200, description = "The terms' version (their text is in the app, in three languages) and the helpdesk", body = Terms)))]
pub async fn terms(State(state): State<AppState>) -> Json<Terms> {
    let network = &state.config.network;
    Json(Terms {
        version: network.terms_version.clone(),
        helpdesk_phone: network.helpdesk.phone.clone(),
        helpdesk_email: network.helpdesk.email.clone(),
    })
}

/// `PUT /me/terms`: the person accepts the terms in force.
#[utoipa::path(put, path = "/api/v1/me/terms", tag = "account", security(("session" = [])),
    request_body = TermsAcceptance,
    responses((status = 200, description = "Accepted; who is logged in, with nothing left to accept", body = Me),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 409, description = "Not the version in force (the page is out of date)", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn accept_terms(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(form): ApiJson<TermsAcceptance>,
) -> Result<Json<Me>, ApiError> {
    if form.version != state.config.network.terms_version {
        return Err(ApiError::Conflict(Message::new("account.terms_outdated")));
    }
    state
        .store
        .accept_terms(
            &who.account_id,
            &form.version,
            state.clock.now().unix_timestamp(),
        )
        .await?;
    Ok(Json(super::me_of(&state, &who.subject).await?))
}

/// `POST /staff/accounts/{id}/suspend`: the hospital suspends an account for misuse; its sessions
/// end at once and the person reads the reason when they log in.
#[utoipa::path(post, path = "/api/v1/staff/accounts/{id}/suspend", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The account")), request_body = Suspension,
    responses((status = 204, description = "Suspended; every session of the account ended"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody),
        (status = 422, description = "A reason is required", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn staff_suspend(
    State(state): State<AppState>,
    who: CurrentUser,
    client: ClientAddr,
    Path(account_id): Path<String>,
    ApiJson(form): ApiJson<Suspension>,
) -> Result<StatusCode, ApiError> {
    let staff_id = links::staff(&who)?.to_owned();
    let reason = form.validate().map_err(ApiError::Validation)?;
    let profile = state
        .store
        .account_profile(&account_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    state
        .store
        .suspend(
            &account_id,
            &reason,
            &staff_id,
            state.clock.now().unix_timestamp(),
        )
        .await?;
    if let Some(patient) = &profile.patient_id {
        audit_account_event(
            &state,
            &who,
            patient,
            "account/suspended",
            "reason.account_suspended",
            &client,
        )
        .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /staff/accounts/{id}/resume`: lifts a suspension.
#[utoipa::path(post, path = "/api/v1/staff/accounts/{id}/resume", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The account")),
    responses((status = 204, description = "The person can log in again"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody)))]
pub async fn staff_resume(
    State(state): State<AppState>,
    who: CurrentUser,
    client: ClientAddr,
    Path(account_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    links::staff(&who)?;
    let profile = state
        .store
        .account_profile(&account_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    state.store.resume(&account_id).await?;
    if let Some(patient) = &profile.patient_id {
        audit_account_event(
            &state,
            &who,
            patient,
            "account/resumed",
            "reason.account_resumed",
            &client,
        )
        .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /staff/accounts/{id}/unlock`: the helpdesk lifts a lock or a disabled login after
/// checking the person's identity.
#[utoipa::path(post, path = "/api/v1/staff/accounts/{id}/unlock", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The account")),
    responses((status = 204, description = "Failures forgotten; the person can log in again"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody)))]
pub async fn staff_unlock(
    State(state): State<AppState>,
    who: CurrentUser,
    Path(account_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    links::staff(&who)?;
    state
        .store
        .account_profile(&account_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    state
        .store
        .clear_failures(&format!("account:{account_id}"))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

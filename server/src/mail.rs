//! E-mail: reset links, confirmation links and notices, in the person's language.
//!
//! Mail goes to an SMTP server (`INZAGE_SMTP_URL`, e.g. `smtp://127.0.0.1:2525` for a local relay
//! or `smtps://user:pass@mail.example.be` with TLS) or, when none is configured (the demo), into a
//! folder as `.eml` files (`INZAGE_MAIL_DIR`, default `mail/`) that a developer can open. Sending
//! runs in the background, so a request answers in the same time whether a mail was sent or not.

use std::path::PathBuf;

use anyhow::Context;
use inzage_domain::contact::EmailAddress;
use inzage_i18n::{Language, Translator};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where mail goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailConfig {
    /// An SMTP server, by URL (`smtp://`, `smtps://`, with `?tls=required` for STARTTLS).
    Smtp {
        /// The server's URL.
        url: String,
        /// The sender.
        from: String,
    },
    /// A folder of `.eml` files.
    Folder {
        /// The folder.
        dir: PathBuf,
        /// The sender.
        from: String,
    },
}

/// The sender when `INZAGE_MAIL_FROM` is not set.
pub const DEFAULT_FROM: &str = "Inzage <noreply@inzage.example>";

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig::Folder {
            dir: PathBuf::from("mail"),
            from: DEFAULT_FROM.into(),
        }
    }
}

impl MailConfig {
    /// Reads `INZAGE_SMTP_URL`, `INZAGE_MAIL_DIR` and `INZAGE_MAIL_FROM`.
    pub fn from_env() -> anyhow::Result<Self> {
        let from = std::env::var("INZAGE_MAIL_FROM").unwrap_or_else(|_| DEFAULT_FROM.into());
        from.parse::<Mailbox>().with_context(|| {
            format!("INZAGE_MAIL_FROM `{from}` is not an address like Inzage <noreply@example.be>")
        })?;
        Ok(match std::env::var("INZAGE_SMTP_URL") {
            Ok(url) => {
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&url).with_context(|| {
                    format!("INZAGE_SMTP_URL `{url}` is not an SMTP URL like smtp://host:25")
                })?;
                MailConfig::Smtp { url, from }
            }
            Err(_) => MailConfig::Folder {
                dir: std::env::var("INZAGE_MAIL_DIR").map_or_else(|_| "mail".into(), PathBuf::from),
                from,
            },
        })
    }
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Each mail is written to a hidden temporary name and renamed to `<uuid>.eml`, so whoever
    /// picks mail up from the folder (a relay, a test) never reads half a message.
    Folder(PathBuf),
}

impl Transport {
    async fn deliver(&self, message: Message) -> anyhow::Result<()> {
        match self {
            Transport::Smtp(t) => {
                t.send(message).await?;
            }
            Transport::Folder(dir) => {
                let name = uuid::Uuid::new_v4();
                let partial = dir.join(format!(".{name}.eml.part"));
                let done = dir.join(format!("{name}.eml"));
                tokio::fs::write(&partial, message.formatted())
                    .await
                    .with_context(|| format!("writing {}", partial.display()))?;
                tokio::fs::rename(&partial, &done)
                    .await
                    .with_context(|| format!("renaming {}", partial.display()))?;
            }
        }
        Ok(())
    }
}

/// Sends the portal's e-mails.
#[derive(Clone)]
pub struct Mailer {
    transport: std::sync::Arc<Transport>,
    from: Mailbox,
}

/// One e-mail: the message keys of its subject and body, and the body's arguments.
pub struct Mail<'a> {
    /// The recipient.
    pub to: &'a EmailAddress,
    /// The language to write in.
    pub language: Language,
    /// The key of the subject, e.g. `mail.reset.subject`.
    pub subject: &'static str,
    /// The key of the body.
    pub body: &'static str,
    /// The body's arguments.
    pub args: Vec<(&'static str, String)>,
}

impl Mailer {
    /// Prepares the transport (creating the folder when mail goes to one).
    pub fn new(config: &MailConfig) -> anyhow::Result<Self> {
        let (transport, from) = match config {
            MailConfig::Smtp { url, from } => (
                Transport::Smtp(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build()),
                from,
            ),
            MailConfig::Folder { dir, from } => {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating the mail folder {}", dir.display()))?;
                (Transport::Folder(dir.clone()), from)
            }
        };
        Ok(Self {
            transport: std::sync::Arc::new(transport),
            from: from.parse()?,
        })
    }

    /// Writes the mail in its language and sends it.
    pub async fn send(&self, mail: Mail<'_>) -> anyhow::Result<()> {
        let message = self.compose(&mail)?;
        self.transport.deliver(message).await
    }

    /// Sends in the background; a failure is logged, never shown to the person (whose answer must
    /// not depend on whether a mail went out).
    pub fn send_later(&self, mail: Mail<'_>) {
        let message = match self.compose(&mail) {
            Ok(m) => m,
            Err(e) => {
                tracing::error!("composing a mail: {e:#}");
                return;
            }
        };
        let transport = self.transport.clone();
        tokio::spawn(async move {
            if let Err(e) = transport.deliver(message).await {
                tracing::error!("sending a mail: {e:#}");
            }
        });
    }

    /// Sends a text already in the person's language, now (the notification worker retries).
    pub async fn send_text(&self, to: &str, subject: &str, body: &str) -> anyhow::Result<()> {
        let message = self.build(to, subject.to_owned(), body.to_owned())?;
        self.transport.deliver(message).await
    }

    fn build(&self, to: &str, subject: String, body: String) -> anyhow::Result<Message> {
        Ok(Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)?)
    }

    fn compose(&self, mail: &Mail<'_>) -> anyhow::Result<Message> {
        let t = Translator::new(mail.language);
        let args: Vec<(&str, String)> = mail.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        let subject = t
            .text(mail.subject, &args)
            .with_context(|| format!("no text for {}", mail.subject))?;
        let body = t
            .text(mail.body, &args)
            .with_context(|| format!("no text for {}", mail.body))?;
        self.build(mail.to.as_str(), subject, body)
    }
}

//! What the resident's and the case officer's pages show of a case: the same shapes, filled in
//! through `JournalEntry::seen_as` so each side sees only what the policy allows.

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use uuid::Uuid;

use super::{Addition, CaseStatus, JournalEntry, JournalVersion, Message, StatusChange, StatusKind};
use crate::applications::FileLink;
use crate::applications::files::size_label;
use crate::i18n::{Catalogues, Locale, format_stockholm};
use crate::policy::CaseRole;

/// A due date as the pages write it (ISO, as Swedish is written).
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// One step of the timeline.
pub struct TimelineStep {
    pub when: String,
    pub label_key: &'static str,
    pub due: Option<String>,
    pub note: Option<String>,
    pub by: Option<String>,
}

impl TimelineStep {
    pub fn new(change: &StatusChange) -> Self {
        Self {
            when: format_stockholm(change.changed_at),
            label_key: change.kind().label_key(),
            due: change.due_on.map(format_date),
            note: change.note.clone(),
            by: change.changed_by_name.clone(),
        }
    }
}

/// The status now and what happens next, in plain language.
pub struct StatusView {
    pub label_key: &'static str,
    pub tag_class: &'static str,
    pub due: Option<String>,
    pub next: String,
}

impl StatusView {
    pub fn new(status: CaseStatus, contact: Option<&str>, catalogues: &Catalogues, locale: Locale) -> Self {
        let kind = status.kind();
        let due = status.due().map(format_date);
        let contact =
            contact.map_or_else(|| catalogues.text(locale, "case-contact-none-short"), str::to_string);
        let args: [(&str, FluentValue<'_>); 2] =
            [("due", due.clone().unwrap_or_default().into()), ("contact", contact.into())];
        Self {
            label_key: kind.label_key(),
            tag_class: kind.tag_class(),
            due,
            next: catalogues.text_with(locale, kind.next_key(), &args),
        }
    }
}

pub struct VersionView {
    pub version: i32,
    /// The version number as text, for the catalogue.
    pub number: String,
    pub when: String,
    pub author: String,
    pub body: String,
    pub shared: bool,
    pub reason: Option<String>,
}

impl VersionView {
    fn new(version: &JournalVersion) -> Self {
        Self {
            version: version.version,
            number: version.version.to_string(),
            when: format_stockholm(version.written_at),
            author: version.written_by_name.clone(),
            body: version.body.clone(),
            shared: version.sharing.is_shared(),
            reason: version.sharing.reason().map(str::to_string),
        }
    }
}

pub struct AdditionView {
    pub when: String,
    pub author: String,
    pub body: String,
    pub disputes: bool,
    /// The version of the entry the resident commented on.
    pub version: Option<String>,
}

impl AdditionView {
    pub fn new(addition: &Addition) -> Self {
        Self {
            when: format_stockholm(addition.added_at),
            author: addition.author_name.clone(),
            body: addition.body.clone(),
            disputes: addition.disputes,
            version: addition.entry_version.map(|v| v.to_string()),
        }
    }
}

/// An entry as one side sees it: the version in force, the earlier ones, and what the
/// resident added to it.
pub struct EntryView {
    pub id: Uuid,
    pub href: String,
    pub current: VersionView,
    /// Earlier versions, newest first.
    pub earlier: Vec<VersionView>,
    pub earlier_count: i64,
    pub additions: Vec<AdditionView>,
    pub disputed: bool,
}

impl EntryView {
    /// The entries `role` may see, each with its additions. `href` makes an entry's own address.
    pub fn list(
        journal: &[JournalEntry],
        additions: &[Addition],
        role: CaseRole,
        href: impl Fn(Uuid) -> String,
    ) -> Vec<EntryView> {
        journal
            .iter()
            .filter_map(|entry| entry.seen_as(role))
            .map(|entry| {
                let additions: Vec<AdditionView> = additions
                    .iter()
                    .filter(|a| a.entry_id == Some(entry.id))
                    .map(AdditionView::new)
                    .collect();
                let versions: Vec<VersionView> = entry.versions.iter().map(VersionView::new).collect();
                let mut versions = versions.into_iter().rev();
                let current = versions.next().expect("seen_as keeps at least one version");
                let earlier: Vec<VersionView> = versions.collect();
                EntryView {
                    id: entry.id,
                    href: href(entry.id),
                    current,
                    earlier_count: i64::try_from(earlier.len()).unwrap_or(i64::MAX),
                    earlier,
                    disputed: additions.iter().any(|a| a.disputes),
                    additions,
                }
            })
            .collect()
    }
}

pub struct MessageView {
    pub when: String,
    pub sender: String,
    pub from_resident: bool,
    pub body: String,
    pub unread: bool,
    pub files: Vec<FileLink>,
}

impl MessageView {
    /// The messages with their attachments, each downloaded from `file_href(id)`.
    pub fn list(messages: &[Message], file_href: impl Fn(Uuid) -> String) -> Vec<Self> {
        messages
            .iter()
            .map(|message| Self {
                when: format_stockholm(message.sent_at),
                sender: message.sender_name.clone(),
                from_resident: message.from_resident,
                body: message.body.clone(),
                unread: message.read_at.is_none(),
                files: message
                    .files
                    .iter()
                    .map(|f| FileLink {
                        name: f.file_name.clone(),
                        size: size_label(f.size_bytes),
                        href: file_href(f.id),
                        id: f.id,
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A choice in a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A status in a select: its value and catalogue key.
pub struct StatusChoice {
    pub value: &'static str,
    pub label_key: &'static str,
    pub selected: bool,
}

impl StatusChoice {
    pub fn list(kinds: &[StatusKind], selected: &str) -> Vec<StatusChoice> {
        kinds
            .iter()
            .map(|k| StatusChoice {
                value: k.as_str(),
                label_key: k.label_key(),
                selected: k.as_str() == selected,
            })
            .collect()
    }
}

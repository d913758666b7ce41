//! Meetings a resident books with their contact person: the officer's weekly windows and blocked
//! dates, the free times they leave, and bookings that can be rebooked or cancelled up to a set
//! notice, by either side. No time is ever booked twice (see `store`).
//!
//! `slots` and `placing` hold the pure rules, `reference` the booking reference, `store` the SQL,
//! `making` the bookings sent at the same moment made together; the pages are in `resident`
//! (book, see, rebook, cancel) and `officer` (availability, cancel).

pub mod ics;
pub mod making;
pub mod officer;
pub mod placing;
pub mod reference;
pub mod resident;
pub mod slots;
pub mod store;

pub use placing::{BookOutcome, MAX_COMING_PER_CASE, NewBooking};
pub use store::WindowRow;

use uuid::Uuid;

use crate::db::UtcTime;

/// How a meeting is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingMode {
    InPerson,
    Phone,
    Video,
}

impl MeetingMode {
    pub const ALL: [MeetingMode; 3] = [MeetingMode::InPerson, MeetingMode::Phone, MeetingMode::Video];

    pub fn as_str(self) -> &'static str {
        match self {
            MeetingMode::InPerson => "in_person",
            MeetingMode::Phone => "phone",
            MeetingMode::Video => "video",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// The catalogue key of its short name, for lists of times.
    pub fn short_key(self) -> &'static str {
        match self {
            MeetingMode::InPerson => "booking-mode-in-person-short",
            MeetingMode::Phone => "booking-mode-phone-short",
            MeetingMode::Video => "booking-mode-video-short",
        }
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            MeetingMode::InPerson => "booking-mode-in-person",
            MeetingMode::Phone => "booking-mode-phone",
            MeetingMode::Video => "booking-mode-video",
        }
    }
}

/// A booking as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Booking {
    pub id: Uuid,
    pub reference: String,
    pub case_id: Uuid,
    pub resident_id: Uuid,
    pub officer_id: Uuid,
    pub starts_at: UtcTime,
    pub ends_at: UtcTime,
    pub mode: String,
    pub place: Option<String>,
    pub status: String,
    pub sequence: i32,
}

impl Booking {
    pub fn is_booked(&self) -> bool {
        self.status == "booked"
    }

    pub fn mode(&self) -> MeetingMode {
        MeetingMode::parse(&self.mode).unwrap_or(MeetingMode::Phone)
    }

    /// The calendar UID: stable for the booking's life.
    pub fn uid(&self) -> String {
        format!("booking-{}@nara", self.id)
    }

    pub fn slot(&self) -> slots::Slot {
        slots::Slot { starts_at: self.starts_at, ends_at: self.ends_at }
    }
}

/// E-mails each resident whose booked meeting starts within a day that they have one, and where
/// to read more: not when or with whom (an e-mail shows on lock screens and in shared inboxes). Each reminder is claimed first, so several processes can run
/// this at once. Returns how many were sent.
pub async fn send_reminders(
    db: &crate::db::Db,
    catalogues: &crate::i18n::Catalogues,
    link_base: &url::Url,
    now: UtcTime,
) -> anyhow::Result<usize> {
    let mut sent = 0;
    for booking in store::bookings_to_remind(db, now).await? {
        let mail = match crate::identity::store::mail_address(db, booking.resident_id).await? {
            Some((to, locale)) => {
                let link = link_base
                    .join(&locale.href(&format!("/mina-sidor/bokningar/{}", booking.id)))
                    .map(|u| u.to_string())?;
                let args = [("link", link.into())];
                Some(crate::mail::Email {
                    to,
                    subject: catalogues.plain_with(locale, "mail-booking-reminder-subject", &args),
                    body: catalogues.plain_with(locale, "mail-booking-reminder-body", &args),
                })
            }
            None => None,
        };
        // The claim and its e-mail commit together: a reminder is neither lost nor sent twice.
        let mut tx = db.begin().await?;
        if !store::mark_booking_reminded(&mut tx, booking.id).await? {
            continue;
        }
        if let Some(mail) = &mail {
            crate::mail::store::enqueue(&mut tx, mail).await?;
        }
        tx.commit().await?;
        sent += usize::from(mail.is_some());
    }
    Ok(sent)
}

/// A meeting as a case page lists it.
pub struct CaseMeeting {
    pub when: String,
    pub until: String,
    pub mode_key: &'static str,
    pub booked: bool,
    /// The resident's page of the booking.
    pub href: Option<String>,
    /// The officer's cancel button.
    pub cancel_action: Option<String>,
}

/// A case's meetings, newest first, as the resident (links to each booking) or the officer
/// (cancel buttons for coming ones) sees them.
pub async fn case_meetings(
    db: &crate::db::Db,
    ctx: &crate::web::page::PageContext,
    case_id: Uuid,
    for_officer: bool,
) -> anyhow::Result<Vec<CaseMeeting>> {
    let now = UtcTime::now();
    Ok(store::bookings_of_case(db, case_id)
        .await?
        .into_iter()
        .map(|b| CaseMeeting {
            when: crate::i18n::format_stockholm(b.starts_at),
            until: crate::i18n::format_stockholm_time(b.ends_at),
            mode_key: b.mode().label_key(),
            booked: b.is_booked(),
            href: (!for_officer).then(|| ctx.href(&format!("/mina-sidor/bokningar/{}", b.id))),
            cancel_action: (for_officer && b.is_booked() && b.starts_at > now)
                .then(|| ctx.href(&format!("/handlaggare/bokningar/{}/avboka", b.id))),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_round_trip() {
        for mode in MeetingMode::ALL {
            assert_eq!(MeetingMode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(MeetingMode::parse("carrier pigeon"), None);
    }
}

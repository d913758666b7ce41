//! Telling the people of a proposal what happened to it: its authors at every step (the seed's
//! proposers "were lost on the way"), and its followers of the steps that change its path. The
//! e-mails are built before the action's transaction and queued in it, so they go out exactly
//! when the step is kept.

use super::store::{self, Proposal, Recipient};
use crate::i18n::Locale;
use crate::mail::Email;
use crate::web::state::AppState;

/// A step of a proposal's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Saved,
    Sent,
    Coauthor,
    Comment,
    Shortlisted,
    Declined,
    TestStarted,
    TestClosed,
}

impl Step {
    fn key(self) -> &'static str {
        match self {
            Step::Saved => "saved",
            Step::Sent => "sent",
            Step::Coauthor => "coauthor",
            Step::Comment => "comment",
            Step::Shortlisted => "shortlisted",
            Step::Declined => "declined",
            Step::TestStarted => "test-started",
            Step::TestClosed => "test-closed",
        }
    }

    /// Whether followers hear of it too: the steps of the proposal's public path.
    fn for_followers(self) -> bool {
        matches!(self, Step::Shortlisted | Step::Declined | Step::TestStarted | Step::TestClosed)
    }
}

fn mail(state: &AppState, to: &Recipient, proposal: &Proposal, step: Step, reason: &str) -> Option<Email> {
    let address = to.email.clone()?;
    let locale = to.language.as_deref().map_or(Locale::SV, Locale::from_code);
    let link = state.absolute(&locale.href(&format!("/ideer/forslag/{}", proposal.id)));
    let args = [
        ("title", proposal.text.title.clone().into()),
        ("link", link.into()),
        ("reason", reason.to_string().into()),
    ];
    let key = step.key();
    Some(Email {
        to: address,
        subject: state.catalogues.plain_with(locale, &format!("mail-idea-{key}-subject"), &args),
        body: state.catalogues.plain_with(locale, &format!("mail-idea-{key}-body"), &args),
    })
}

/// The e-mails of one step: to `to` when given (a new co-author), otherwise to the authors and,
/// for the public steps, the followers (each person once).
pub async fn mails(
    state: &AppState,
    proposal: &Proposal,
    step: Step,
    reason: &str,
    to: Option<&Recipient>,
) -> anyhow::Result<Vec<Email>> {
    let mut people: Vec<Recipient> = match to {
        Some(one) => vec![one.clone()],
        None => store::authors(&state.db, proposal.id).await?,
    };
    if to.is_none() && step.for_followers() {
        for follower in store::followers(&state.db, proposal.id).await? {
            if !people.iter().any(|p| p.id == follower.id) {
                people.push(follower);
            }
        }
    }
    Ok(people.iter().filter_map(|p| mail(state, p, proposal, step, reason)).collect())
}

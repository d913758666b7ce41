//! A plan as both sides read it: participants, goals, who does what by when, the resident's view
//! and where the agreement stands. Built from the store's rows and the rules in `plans`.

use uuid::Uuid;

use super::{Missing, Plan, PlanStatus, Responsible, store};
use crate::i18n::{Locale, format_stockholm};
use crate::web::errors::AppError;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// An action as shown.
pub struct ActionView {
    pub id: Uuid,
    pub body: String,
    /// Who does it, in the page's language (the resident's own actions say "you" on my pages).
    pub who: String,
    pub due: String,
    pub done: Option<String>,
    pub overdue: bool,
}

/// A participant as shown: a name, and where they come from.
pub struct ParticipantView {
    pub name: String,
    pub organisation: Option<String>,
}

/// One choice of a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct PlanView {
    pub id: Uuid,
    pub title: String,
    pub status: PlanStatus,
    pub version: i32,
    pub created: String,
    pub units: Vec<ParticipantView>,
    pub outside: Vec<ParticipantView>,
    pub goals: Vec<String>,
    pub actions: Vec<ActionView>,
    pub follow_up: Option<String>,
    pub follow_up_overdue: bool,
    pub resident_view: Option<String>,
    pub resident_view_at: Option<String>,
    pub agreed_at: Option<String>,
    pub followed_up_at: Option<String>,
    /// What the plan lacks before the resident can agree, as catalogue keys.
    pub missing: Vec<&'static str>,
    /// Who may be made responsible for a new action.
    pub responsible_choices: Vec<(Responsible, String)>,
}

impl PlanView {
    /// Reads the plan's parts. `resident_words` names the resident in "who does it": "you" on
    /// my pages, their name in the back office.
    pub async fn load(
        state: &AppState,
        shell: &Shell<'_>,
        plan: &Plan,
        units: &[store::PlanUnit],
        resident_words: &str,
    ) -> Result<Self, AppError> {
        let locale = shell.locale();
        let outside = store::outside_participants(&state.db, plan.id).await?;
        let goals = store::goals(&state.db, plan.id).await?;
        let actions = store::actions(&state.db, plan.id).await?;
        let today = crate::stockholm::today();
        let unit_name =
            |sv: &str, en: &str| if locale == Locale::EN { en.to_string() } else { sv.to_string() };
        let actions: Vec<ActionView> = actions
            .into_iter()
            .map(|a| {
                let who = match (&a.unit_name_sv, &a.unit_name_en, &a.outside_name) {
                    (Some(sv), Some(en), _) => unit_name(sv, en),
                    (_, _, Some(name)) => {
                        format!("{name}, {}", a.outside_organisation.clone().unwrap_or_default())
                    }
                    _ => resident_words.to_string(),
                };
                ActionView {
                    id: a.id,
                    overdue: super::action_overdue(a.due_on, a.done_at.is_some(), today),
                    body: a.body,
                    who,
                    due: a.due_on.format("%Y-%m-%d").to_string(),
                    done: a.done_at.map(format_stockholm),
                }
            })
            .collect();
        let mut responsible_choices = vec![(Responsible::Resident, resident_words.to_string())];
        responsible_choices
            .extend(units.iter().map(|u| (Responsible::Unit(u.unit_id), unit_name(&u.name_sv, &u.name_en))));
        responsible_choices.extend(
            outside.iter().map(|o| (Responsible::Outside(o.id), format!("{}, {}", o.name, o.organisation))),
        );
        let missing = super::missing_for_agreement(goals.len(), actions.len(), plan.follow_up_on);
        Ok(Self {
            id: plan.id,
            title: plan.title.clone(),
            status: plan.status,
            version: plan.version,
            created: format_stockholm(plan.created_at),
            units: units
                .iter()
                .map(|u| ParticipantView { name: unit_name(&u.name_sv, &u.name_en), organisation: None })
                .collect(),
            outside: outside
                .into_iter()
                .map(|o| ParticipantView { name: o.name, organisation: Some(o.organisation) })
                .collect(),
            goals: goals.into_iter().map(|g| g.body).collect(),
            actions,
            follow_up: plan.follow_up_on.map(|d| d.format("%Y-%m-%d").to_string()),
            follow_up_overdue: super::follow_up_overdue(plan.status, plan.follow_up_on, today),
            resident_view: plan.resident_view.clone(),
            resident_view_at: plan.resident_view_at.map(format_stockholm),
            agreed_at: plan.agreed_at.map(format_stockholm),
            followed_up_at: plan.followed_up_at.map(format_stockholm),
            missing: missing.into_iter().map(Missing::label_key).collect(),
            responsible_choices,
        })
    }

    pub fn is_draft(&self) -> bool {
        self.status == PlanStatus::Draft
    }

    /// Whether the resident can agree now.
    pub fn can_agree(&self) -> bool {
        self.status == PlanStatus::Draft && self.missing.is_empty()
    }

    pub fn can_follow_up(&self) -> bool {
        super::may_follow_up(self.status)
    }

    /// The choices of "who does it", with `selected` chosen.
    pub fn who_choices(&self, selected: &str) -> Vec<Choice> {
        self.responsible_choices
            .iter()
            .map(|(who, label)| {
                let value = who.form_value();
                Choice { selected: value == selected, value, label: label.clone() }
            })
            .collect()
    }
}

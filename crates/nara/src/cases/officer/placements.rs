//! A child's placements and a young person's youth sentence on the officer's case page: the
//! section's rows and forms, and the four changes (add and end each). Each change is one
//! transaction with its audit entry (the resident as subject: it is their personal data).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::case_page::{Drafts, case_page};
use super::{case_href, officer_event};
use crate::audit::Action;
use crate::cases::Case;
use crate::cases::access::worked_case;
use crate::cases::placements::{
    self, Outcome, Placement, PlacementKind, SentenceKind, SentenceTerms, YouthSentence, store,
};
use crate::db::Db;
use crate::web::errors::AppError;
use crate::web::form::{Form, FormErrors};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// What the officer typed into the section's forms, to show again with an error.
#[derive(Debug, Default)]
pub struct RecordDrafts {
    pub placement_kind: String,
    pub placement_start: String,
    pub placement_end: String,
    pub end_placement: String,
    pub end_placement_on: String,
    pub sentence_kind: String,
    pub sentence_hours: String,
    pub sentence_plan: String,
    pub sentence_decided: String,
    pub end_sentence: String,
    pub sentence_outcome: String,
    pub sentence_ended: String,
}

/// One row of the section: a placement or a sentence as the page lists it.
pub struct RecordRow {
    pub id: String,
    pub label_key: &'static str,
    /// Hours of youth service, or the youth-care plan.
    pub detail: String,
    pub from: String,
    pub to: Option<String>,
    pub outcome_key: Option<&'static str>,
    /// Still open (a placement without an end, an ongoing sentence): the form that ends it offers it.
    pub open: bool,
}

/// A form's choice: value, catalogue key, selected.
pub struct KeyChoice {
    pub value: &'static str,
    pub label_key: &'static str,
    pub selected: bool,
}

/// The section of the case page.
pub struct RecordSection {
    pub placements: Vec<RecordRow>,
    pub sentences: Vec<RecordRow>,
    pub placement_kinds: Vec<KeyChoice>,
    pub sentence_kinds: Vec<KeyChoice>,
    pub outcomes: Vec<KeyChoice>,
    pub drafts: RecordDrafts,
}

impl RecordSection {
    pub async fn load(db: &Db, case: &Case, drafts: RecordDrafts) -> Result<Self, AppError> {
        let placements = store::placements(db, case.id).await?.iter().map(placement_row).collect();
        let sentences = store::sentences(db, case.id).await?.iter().map(sentence_row).collect();
        let placement_kinds = PlacementKind::ALL
            .into_iter()
            .map(|k| KeyChoice {
                value: k.as_str(),
                label_key: k.label_key(),
                selected: k.as_str() == drafts.placement_kind,
            })
            .collect();
        let sentence_kinds = SentenceKind::ALL
            .into_iter()
            .map(|k| KeyChoice {
                value: k.as_str(),
                label_key: k.label_key(),
                selected: k.as_str() == drafts.sentence_kind,
            })
            .collect();
        let outcomes = [Outcome::Completed, Outcome::BrokenOff]
            .into_iter()
            .map(|o| KeyChoice {
                value: o.as_str(),
                label_key: o.label_key(),
                selected: o.as_str() == drafts.sentence_outcome,
            })
            .collect();
        Ok(Self { placements, sentences, placement_kinds, sentence_kinds, outcomes, drafts })
    }

    pub fn open_placements(&self) -> impl Iterator<Item = &RecordRow> {
        self.placements.iter().filter(|p| p.open)
    }

    pub fn ongoing_sentences(&self) -> impl Iterator<Item = &RecordRow> {
        self.sentences.iter().filter(|s| s.open)
    }

    pub fn has_open_placements(&self) -> bool {
        self.open_placements().next().is_some()
    }

    pub fn has_ongoing_sentences(&self) -> bool {
        self.ongoing_sentences().next().is_some()
    }
}

fn placement_row(p: &Placement) -> RecordRow {
    RecordRow {
        id: p.id.to_string(),
        label_key: p.kind.label_key(),
        detail: String::new(),
        from: p.start_on.to_string(),
        to: p.end_on.map(|d| d.to_string()),
        outcome_key: None,
        open: p.end_on.is_none(),
    }
}

fn sentence_row(s: &YouthSentence) -> RecordRow {
    RecordRow {
        id: s.id.to_string(),
        label_key: s.terms.kind().label_key(),
        detail: match &s.terms {
            SentenceTerms::Hours(hours) => hours.to_string(),
            SentenceTerms::CarePlan(plan) => plan.clone(),
        },
        from: s.decided_on.to_string(),
        to: s.ended_on.map(|d| d.to_string()),
        outcome_key: Some(s.outcome.label_key()),
        open: s.outcome == Outcome::Ongoing,
    }
}

async fn again(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    errors: FormErrors,
    record: RecordDrafts,
) -> Result<Response, AppError> {
    case_page(state, ctx, case, errors, Drafts { record, ..Default::default() }, None).await
}

fn done(ctx: &PageContext, case: &Case, notice: &str) -> Response {
    Redirect::to(&format!("{}?klart={notice}#placeringar", case_href(ctx, case.id))).into_response()
}

/// Writes one change of the section with its audit entry, as one transaction.
async fn record_change(
    ctx: &PageContext,
    case: &Case,
    action: Action,
    object_type: &'static str,
    object: Uuid,
    mut tx: crate::db::Tx,
) -> Result<(), AppError> {
    crate::audit::store::append(&mut tx, &officer_event(ctx, case, action, object_type, object)?).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct PlacementForm {
    #[serde(default, rename = "placement-kind")]
    kind: String,
    #[serde(default, rename = "placement-start")]
    start: String,
    #[serde(default, rename = "placement-end")]
    end: String,
}

/// `POST /handlaggare/arenden/{case}/placeringar`: a placement of the child.
pub async fn add_placement(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<PlacementForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let new = match placements::parse_placement(&form.kind, &form.start, &form.end) {
        Ok(new) => new,
        Err(errors) => {
            let drafts = RecordDrafts {
                placement_kind: form.kind,
                placement_start: form.start,
                placement_end: form.end,
                ..Default::default()
            };
            return again(&state, &ctx, &case, errors, drafts).await;
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let placement = store::add_placement(&mut tx, case.id, &new, me).await?;
    record_change(&ctx, &case, Action::PlacementRecorded, "placement", placement, tx).await?;
    Ok(done(&ctx, &case, "placering"))
}

#[derive(Deserialize)]
pub struct EndPlacementForm {
    #[serde(default, rename = "end-placement")]
    placement: String,
    #[serde(default, rename = "end-placement-on")]
    end: String,
}

/// `POST /handlaggare/arenden/{case}/placeringar/avsluta`: one of the open placements ends.
pub async fn end_placement(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<EndPlacementForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let known = store::placements(&state.db, case.id).await?;
    let refused = |errors: FormErrors, form: EndPlacementForm| {
        let drafts =
            RecordDrafts { end_placement: form.placement, end_placement_on: form.end, ..Default::default() };
        (errors, drafts)
    };
    let (placement, end_on) = match placements::parse_placement_end(&known, &form.placement, &form.end) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let (errors, drafts) = refused(errors, form);
            return again(&state, &ctx, &case, errors, drafts).await;
        }
    };
    let mut tx = state.db.begin_write().await?;
    if !store::end_placement(&mut tx, case.id, placement, end_on).await? {
        // Ended by someone else since the page was read: nothing was written.
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("end-placement", "placement-error-choose");
        let (errors, drafts) = refused(errors, form);
        return again(&state, &ctx, &case, errors, drafts).await;
    }
    record_change(&ctx, &case, Action::PlacementEnded, "placement", placement, tx).await?;
    Ok(done(&ctx, &case, "placering-avslutad"))
}

#[derive(Deserialize)]
pub struct SentenceForm {
    #[serde(default, rename = "sentence-kind")]
    kind: String,
    #[serde(default, rename = "sentence-hours")]
    hours: String,
    #[serde(default, rename = "sentence-plan")]
    plan: String,
    #[serde(default, rename = "sentence-decided")]
    decided: String,
}

/// `POST /handlaggare/arenden/{case}/pafoljder`: a youth sentence of the young person.
pub async fn add_sentence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<SentenceForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let new = match placements::parse_sentence(&form.kind, &form.hours, &form.plan, &form.decided) {
        Ok(new) => new,
        Err(errors) => {
            let drafts = RecordDrafts {
                sentence_kind: form.kind,
                sentence_hours: form.hours,
                sentence_plan: form.plan,
                sentence_decided: form.decided,
                ..Default::default()
            };
            return again(&state, &ctx, &case, errors, drafts).await;
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let sentence = store::add_sentence(&mut tx, case.id, &new, me).await?;
    record_change(&ctx, &case, Action::YouthSentenceRecorded, "youth_sentence", sentence, tx).await?;
    Ok(done(&ctx, &case, "pafoljd"))
}

#[derive(Deserialize)]
pub struct EndSentenceForm {
    #[serde(default, rename = "end-sentence")]
    sentence: String,
    #[serde(default, rename = "sentence-outcome")]
    outcome: String,
    #[serde(default, rename = "sentence-ended")]
    ended: String,
}

/// `POST /handlaggare/arenden/{case}/pafoljder/avsluta`: how an ongoing sentence ended.
pub async fn end_sentence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<EndSentenceForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let known = store::sentences(&state.db, case.id).await?;
    let refused = |errors: FormErrors, form: EndSentenceForm| {
        let drafts = RecordDrafts {
            end_sentence: form.sentence,
            sentence_outcome: form.outcome,
            sentence_ended: form.ended,
            ..Default::default()
        };
        (errors, drafts)
    };
    let (sentence, outcome, ended_on) =
        match placements::parse_sentence_end(&known, &form.sentence, &form.outcome, &form.ended) {
            Ok(parsed) => parsed,
            Err(errors) => {
                let (errors, drafts) = refused(errors, form);
                return again(&state, &ctx, &case, errors, drafts).await;
            }
        };
    let mut tx = state.db.begin_write().await?;
    if !store::end_sentence(&mut tx, case.id, sentence, outcome, ended_on).await? {
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("end-sentence", "sentence-error-choose");
        let (errors, drafts) = refused(errors, form);
        return again(&state, &ctx, &case, errors, drafts).await;
    }
    record_change(&ctx, &case, Action::YouthSentenceEnded, "youth_sentence", sentence, tx).await?;
    Ok(done(&ctx, &case, "pafoljd-avslutad"))
}

//! Staff's side: the forms of their units, written as text and published in versions after
//! they pass every check, and the attachments of an application in a case they work on.

use crate::web::form::Form;
use crate::web::form::Query;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::definition::{self, DefinitionError, FormDefinition};
use super::store::{self, FormRow};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::i18n::format_stockholm;
use crate::identity::Role;
use crate::plain_language::hints::{Hints, Wording};
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The first version of a new form: one step with one question, to be written over.
const STARTER: &str = r#"title_sv = "Ansök om …"
title_en = "Apply for …"
intro_sv = "Berätta vad du behöver. Det tar ungefär fem minuter."
intro_en = "Tell us what you need. It takes about five minutes."

[[steps]]
title_sv = "Din situation"
title_en = "Your situation"

[[steps.questions]]
id = "behov"
type = "long_text"
label_sv = "Vad behöver du hjälp med?"
label_en = "What do you need help with?"
required = true
"#;

/// The log's entry for what staff did with a form (no resident is its subject).
fn form_event(ctx: &PageContext, unit: Uuid, form: Uuid, action: Action) -> Result<AuditEvent, AppError> {
    let me = ctx.person()?.person.id;
    let actor = AuditActor { person_id: Some(me), role: Role::Staff.as_str().into(), unit_id: Some(unit) };
    Ok(AuditEvent::new(actor, action, "application_form").object(form).request(ctx.request_id.clone()))
}

/// The form if this person may manage it; staff of another unit are refused, and audited.
async fn managed_form(state: &AppState, ctx: &PageContext, slug: &str) -> Result<FormRow, AppError> {
    let form = store::form_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let allowed = policy::may_manage_forms(&ctx.current.actor, form.unit_id);
    guard::allow(state, ctx, allowed, Target::new("application_form", form.id), Refusal::Forbidden).await?;
    Ok(form)
}

pub struct FormLine {
    pub title: String,
    pub href: String,
    pub unit: String,
    pub version: i32,
    pub open: bool,
}

pub struct UnitChoice {
    pub id: Uuid,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "applications/staff_forms.html")]
struct FormsPage<'a> {
    shell: Shell<'a>,
    forms: Vec<FormLine>,
    units: Vec<UnitChoice>,
    errors: FormErrors,
    slug: String,
}

async fn forms_page(
    state: &AppState,
    ctx: &PageContext,
    errors: FormErrors,
    slug: String,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let mine: Vec<Uuid> = ctx.person()?.units_for(Role::Staff).collect();
    let units: Vec<_> = crate::identity::store::list_units(&state.db)
        .await?
        .iter()
        .filter(|u| mine.contains(&u.id))
        .cloned()
        .collect();
    let mut forms = Vec::new();
    for form in store::forms_of_units(&state.db, &mine).await? {
        let definition = super::definition_of(&form.definition)?;
        forms.push(FormLine {
            title: definition.title.get(locale).to_string(),
            href: ctx.href(&format!("/handlaggare/ansokningsformular/{}", form.slug)),
            unit: units
                .iter()
                .find(|u| u.id == form.unit_id)
                .map(|u| u.name(locale).to_string())
                .unwrap_or_default(),
            version: form.version,
            open: form.open,
        });
    }
    let page = FormsPage {
        shell: ctx.shell(state),
        forms,
        units: units
            .iter()
            .enumerate()
            .map(|(i, u)| UnitChoice { id: u.id, name: u.name(locale).to_string(), selected: i == 0 })
            .collect(),
        errors,
        slug,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /handlaggare/ansokningsformular`: the forms of the person's units.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    forms_page(&state, &ctx, FormErrors::default(), String::new()).await
}

#[derive(Deserialize)]
pub struct NewForm {
    #[serde(default)]
    adress: String,
    #[serde(default)]
    enhet: String,
}

/// Whether an address is plain: lower-case letters, digits and hyphens.
fn valid_slug(slug: &str) -> bool {
    (3..=60).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// `POST /handlaggare/ansokningsformular`: a new form with a first version to write over.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<NewForm>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let unit = Uuid::try_parse(&form.enhet).map_err(|_| AppError::BadRequest)?;
    if !policy::may_manage_forms(&ctx.current.actor, unit) {
        return Err(AppError::Forbidden);
    }
    let slug = form.adress.trim().to_lowercase();
    let mut errors = FormErrors::default();
    if !valid_slug(&slug) {
        errors.add("adress", "forms-error-slug");
        return forms_page(&state, &ctx, errors, form.adress).await;
    }
    let mut tx = state.db.begin_write().await?;
    let Some(created) = store::create_form(&mut tx, &slug, unit, STARTER, me).await? else {
        drop(tx);
        errors.add("adress", "forms-error-slug-taken");
        return forms_page(&state, &ctx, errors, form.adress).await;
    };
    crate::audit::store::append(&mut tx, &form_event(&ctx, unit, created, Action::ApplicationFormPublished)?)
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/handlaggare/ansokningsformular/{slug}"))).into_response())
}

/// A problem with the text, as the editor lists it.
pub struct ProblemLine {
    pub key: &'static str,
    pub detail: String,
}

pub struct VersionLine {
    pub version: i32,
    pub by: String,
    pub at: String,
}

#[derive(Template)]
#[template(path = "applications/staff_form.html")]
struct EditorPage<'a> {
    shell: Shell<'a>,
    title: String,
    slug: String,
    open: bool,
    version: i32,
    /// The version the text in the box was written from (kept when it comes back with problems).
    based_on: i32,
    source: String,
    problems: Vec<ProblemLine>,
    conflict: bool,
    outline: FormDefinition,
    versions: Vec<VersionLine>,
    action: String,
    open_action: String,
    notice: bool,
    /// The checker's hints for the Swedish texts of the definition.
    hints: Hints,
}

struct Draft {
    source: String,
    based_on: i32,
    problems: Vec<ProblemLine>,
    conflict: bool,
}

async fn editor_page(
    state: &AppState,
    ctx: &PageContext,
    form: &FormRow,
    draft: Option<Draft>,
    notice: bool,
) -> Result<Response, AppError> {
    let outline = super::definition_of(&form.definition)?;
    let invalid = draft.as_ref().is_some_and(|d| !d.problems.is_empty() || d.conflict);
    let draft = draft.unwrap_or(Draft {
        source: form.definition.clone(),
        based_on: form.version,
        problems: Vec::new(),
        conflict: false,
    });
    let base = ctx.href(&format!("/handlaggare/ansokningsformular/{}", form.slug));
    let hints = Wording::of(state, ctx).await?.toml("definition", &draft.source);
    let page = EditorPage {
        hints,
        shell: ctx.shell(state),
        title: outline.title.get(ctx.location.locale).to_string(),
        slug: form.slug.clone(),
        open: form.open,
        version: form.version,
        based_on: draft.based_on,
        source: draft.source,
        problems: draft.problems,
        conflict: draft.conflict,
        outline,
        versions: store::form_versions(&state.db, form.id)
            .await?
            .into_iter()
            .map(|v| VersionLine {
                version: v.version,
                by: v.published_by_name,
                at: format_stockholm(v.published_at),
            })
            .collect(),
        open_action: format!("{base}/oppen"),
        action: base,
        notice,
    };
    let status = if invalid { INVALID } else { axum::http::StatusCode::OK };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct EditorQuery {
    klart: Option<String>,
}

/// `GET /handlaggare/ansokningsformular/{form}`: the text of the newest version, an outline of
/// it as residents will meet it, and the versions so far.
pub async fn editor(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(query): Query<EditorQuery>,
) -> Result<Response, AppError> {
    let form = managed_form(&state, &ctx, &slug).await?;
    editor_page(&state, &ctx, &form, None, query.klart.is_some()).await
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    definition: String,
    /// The version the text was written from: publishing over someone else's newer one is refused.
    #[serde(default)]
    version: i32,
}

/// `POST /handlaggare/ansokningsformular/{form}`: checks the text and publishes it as the next
/// version. New applications use it; drafts keep the version they were started with.
pub async fn publish(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(sent): Form<PublishForm>,
) -> Result<Response, AppError> {
    let form = managed_form(&state, &ctx, &slug).await?;
    let source = sent.definition.replace("\r\n", "\n");
    if let Err(problems) = definition::parse(&source) {
        let problems = problems
            .iter()
            .map(|p: &DefinitionError| ProblemLine { key: p.key(), detail: p.detail() })
            .collect();
        return editor_page(
            &state,
            &ctx,
            &form,
            Some(Draft { source, based_on: sent.version, problems, conflict: false }),
            false,
        )
        .await;
    }
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let published = if sent.version == form.version {
        store::publish_form_version(&mut tx, form.id, form.version, &source, me).await?
    } else {
        None
    };
    if published.is_none() {
        drop(tx);
        // Someone published meanwhile: the text is kept in the box, nothing is lost.
        let form = store::form_by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
        return editor_page(
            &state,
            &ctx,
            &form,
            Some(Draft { source, based_on: form.version, problems: Vec::new(), conflict: true }),
            false,
        )
        .await;
    }
    let event = form_event(&ctx, form.unit_id, form.id, Action::ApplicationFormPublished)?;
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/handlaggare/ansokningsformular/{slug}?klart=publicerat")))
        .into_response())
}

#[derive(Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    open: String,
}

/// `POST /handlaggare/ansokningsformular/{form}/oppen`: opens or closes the form for new
/// applications (drafts already started can still be sent).
pub async fn set_open(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(sent): Form<OpenForm>,
) -> Result<Response, AppError> {
    let form = managed_form(&state, &ctx, &slug).await?;
    let mut tx = state.db.begin_write().await?;
    store::set_form_open(&mut tx, form.id, sent.open == "ja").await?;
    crate::audit::store::append(
        &mut tx,
        &form_event(&ctx, form.unit_id, form.id, Action::ApplicationFormChanged)?,
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/handlaggare/ansokningsformular/{slug}"))).into_response())
}

/// `GET /handlaggare/arenden/{case}/bilagor/{file}`: an attachment of the application a case
/// was opened from, for staff who may work on the case. The read is audited with its purpose.
pub async fn case_file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((case_id, file_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let case = crate::cases::access::worked_case(&state, &ctx, case_id).await?;
    let application = store::application_of_case(&state.db, case.id).await?.ok_or(AppError::NotFound)?;
    let (name, content_type, content) =
        store::application_file(&state.db, application.id, file_id).await?.ok_or(AppError::NotFound)?;
    let me = ctx.person()?.person.id;
    let event = AuditEvent::new(
        AuditActor { person_id: Some(me), role: Role::Staff.as_str().into(), unit_id: Some(case.unit_id) },
        Action::ApplicationFileRead,
        "application_file",
    )
    .object(file_id)
    .subject(case.resident_id)
    .purpose(crate::cases::access::PURPOSE)
    .request(ctx.request_id.clone());
    crate::audit::store::record(&state.db, &event).await?;
    super::download(&name, &content_type, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_form_passes_its_own_checks() {
        assert!(definition::parse(STARTER).is_ok());
    }

    #[test]
    fn addresses_are_plain() {
        assert!(valid_slug("samtalsstod"));
        assert!(valid_slug("stod-for-anhoriga-2"));
        assert!(!valid_slug("ab"));
        assert!(!valid_slug("Stöd"));
        assert!(!valid_slug("-x-y"));
        assert!(!valid_slug("a/../b"));
    }
}

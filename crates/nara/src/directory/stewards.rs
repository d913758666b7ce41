//! Keeping entries up to date by those listed: a person asks to represent an association (or
//! registers a new one), staff approve the link, the representative edits and confirms the entry
//! (their list of entries is `my_associations`).
//! Changes to key facts wait for staff; everything else is published at once. Staff also see the
//! entries whose facts are more than a year old.

use crate::web::form::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use uuid::Uuid;

use super::form::{DAY_FIELDS, EntryForm};
use super::store::{self, Pending};
use super::{Entry, EntryKind, LANGUAGES, WayIn, key_facts_differ};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::{Db, UtcTime};
use crate::identity::{Role, RoleGrant};
use crate::plain_language::hints::{Hints, Wording};
use crate::policy::{self, EntryEditing};
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The entry at `slug` and how the signed-in person may change it; a refusal is audited.
async fn editable(
    state: &AppState,
    ctx: &PageContext,
    slug: &str,
) -> Result<(Entry, EntryEditing), AppError> {
    let person = ctx.person()?;
    let entry = crate::directory::store::entry_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let approved =
        store::representation(&state.db, entry.id, person.person.id).await?.as_deref() == Some("approved");
    let Some(editing) = policy::may_edit_entry(&ctx.current.actor, approved) else {
        let target = Target::new("directory_entry", entry.id);
        return Err(guard::refuse(
            state,
            &ctx.current.actor,
            ctx.request_id.clone(),
            target,
            Refusal::Forbidden,
        )
        .await);
    };
    Ok((entry, editing))
}

/// One checkbox or radio of the entry form.
pub struct Option_ {
    pub value: String,
    pub label: String,
    pub lang: Option<&'static str>,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "directory/edit.html")]
struct EditPage<'a> {
    shell: Shell<'a>,
    title: String,
    action: String,
    errors: FormErrors,
    form: EntryForm,
    kinds: Vec<Option_>,
    areas: Vec<Option_>,
    groups: Vec<Option_>,
    languages: Vec<Option_>,
    ways: Vec<Option_>,
    days: Vec<(&'static str, String, String)>,
    reviewed: bool,
    confirm_action: Option<String>,
    /// Where to suggest a referral (when editing an existing entry).
    referral_action: Option<String>,
    referral_missing: bool,
    /// The checker's hints under the Swedish description.
    hints: Hints,
}

/// What the entry form page shows besides the choices it offers.
struct EditView {
    title: String,
    action: String,
    form: EntryForm,
    errors: FormErrors,
    editing: EntryEditing,
    confirm_action: Option<String>,
    referral_action: Option<String>,
    referral_missing: bool,
}

async fn edit_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    view: EditView,
) -> Result<EditPage<'a>, AppError> {
    let EditView { title, action, form, errors, editing, confirm_action, referral_action, referral_missing } =
        view;
    let shell = ctx.shell(state);
    let locale = ctx.location.locale;
    let areas = crate::help_areas::store::list(&state.db).await?;
    let groups = crate::setup::store::target_groups(&state.db).await?;
    let options =
        |items: Vec<(String, String, Option<&'static str>)>, chosen: &dyn Fn(&str) -> bool| -> Vec<Option_> {
            items
                .into_iter()
                .map(|(value, label, lang)| Option_ { checked: chosen(&value), value, label, lang })
                .collect()
        };
    let hints = Wording::of(state, ctx).await?.plain("beskrivning", &form.description_sv);
    Ok(EditPage {
        hints,
        kinds: options(
            EntryKind::ALL
                .iter()
                .map(|k| (k.code().into(), shell.t(&format!("directory-kind-{}", k.code())), None))
                .collect(),
            &|v| v == form.kind,
        ),
        areas: options(
            areas.iter().map(|a| (a.slug.clone(), a.name(locale).to_string(), None)).collect(),
            &|v| form.areas.iter().any(|a| a == v),
        ),
        groups: options(
            groups.iter().map(|g| (g.slug.clone(), g.name(locale).to_string(), None)).collect(),
            &|v| form.groups.iter().any(|g| g == v),
        ),
        languages: options(
            LANGUAGES.iter().map(|(code, name)| (code.to_string(), name.to_string(), Some(*code))).collect(),
            &|v| form.languages.iter().any(|l| l == v),
        ),
        ways: options(
            WayIn::ALL
                .iter()
                .map(|w| (w.code().into(), shell.t(&format!("directory-way-{}", w.code())), None))
                .collect(),
            &|v| v == form.way_in,
        ),
        days: DAY_FIELDS
            .iter()
            .enumerate()
            .map(|(i, field)| (*field, format!("directory-weekday-{}", i + 1), form.days[i].clone()))
            .collect(),
        reviewed: editing == EntryEditing::KeyFactsReviewed,
        shell,
        title,
        action,
        form,
        errors,
        confirm_action,
        referral_action,
        referral_missing,
    })
}

/// The areas of help and target groups an entry may be filed under, by slug.
async fn known_slugs(state: &AppState) -> Result<(Vec<String>, Vec<String>), AppError> {
    let areas = crate::help_areas::store::list(&state.db).await?.iter().map(|a| a.slug.clone()).collect();
    let groups =
        crate::setup::store::target_groups(&state.db).await?.iter().map(|g| g.slug.clone()).collect();
    Ok((areas, groups))
}

#[derive(Debug, Default, Deserialize)]
pub struct EditParams {
    #[serde(default)]
    hanvisning: String,
}

/// `GET /forening/{slug}/redigera`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    crate::web::form::Query(params): crate::web::form::Query<EditParams>,
) -> Result<Response, AppError> {
    let (entry, editing) = editable(&state, &ctx, &slug).await?;
    let confirm = Some(ctx.href(&format!("/forening/{slug}/bekrafta")));
    let view = EditView {
        title: entry.name.clone(),
        action: ctx.href(&format!("/forening/{slug}/redigera")),
        form: EntryForm::from_entry(&entry),
        errors: FormErrors::default(),
        editing,
        confirm_action: confirm,
        referral_action: Some(ctx.href(&format!("/forening/{slug}/hanvisning"))),
        referral_missing: params.hanvisning == "saknas",
    };
    let page = edit_page(&state, &ctx, view).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /forening/{slug}/redigera`: staff publish; a representative's change to key facts waits.
pub async fn edit_submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (entry, editing) = editable(&state, &ctx, &slug).await?;
    let form = EntryForm::from_pairs(&pairs);
    let (areas, groups) = known_slugs(&state).await?;
    let changed = match form.to_entry(&entry, &areas, &groups) {
        Ok(changed) => changed,
        Err(errors) => {
            let view = EditView {
                title: entry.name.clone(),
                action: ctx.href(&format!("/forening/{slug}/redigera")),
                form,
                errors,
                editing,
                confirm_action: None,
                referral_action: None,
                referral_missing: false,
            };
            let page = edit_page(&state, &ctx, view).await?;
            return Ok((INVALID, render(&page)?).into_response());
        }
    };
    let person = ctx.person()?.person.id;
    // Saving the form also confirms that the facts are right.
    let changed = Entry { confirmed_at: UtcTime::now(), ..changed };
    let notice = if editing == EntryEditing::KeyFactsReviewed && key_facts_differ(&entry, &changed) {
        // What is not a key fact is published now; the rest waits for staff.
        let now = Entry {
            name: entry.name.clone(),
            kind: entry.kind,
            org_number: entry.org_number.clone(),
            description_sv: entry.description_sv.clone(),
            description_en: entry.description_en.clone(),
            areas: entry.areas.clone(),
            ..changed.clone()
        };
        // The published part and the proposal commit together.
        let mut tx = state.db.begin().await?;
        store::write_entry(&mut tx, &now, Some(person)).await?;
        store::propose_change(&mut tx, &changed, person).await?;
        tx.commit().await?;
        "review"
    } else {
        crate::directory::store::save_entry(&state.db, &changed, Some(person)).await?;
        "saved"
    };
    Ok(Redirect::to(&ctx.href(&format!("/forening?sparad={notice}"))).into_response())
}

/// `POST /forening/{slug}/bekrafta`: the facts are right as they are.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (entry, _) = editable(&state, &ctx, &slug).await?;
    let confirmed = Entry { confirmed_at: UtcTime::now(), ..entry };
    crate::directory::store::save_entry(&state.db, &confirmed, Some(ctx.person()?.person.id)).await?;
    Ok(Redirect::to(&ctx.href("/forening?sparad=confirmed")).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ClaimForm {
    #[serde(default)]
    note: String,
}

/// `POST /stod/{slug}/foretrada`: ask to represent an association listed in the directory.
pub async fn claim(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<ClaimForm>,
) -> Result<Response, AppError> {
    let entry = crate::directory::store::entry_by_slug(&state.db, &slug)
        .await?
        .filter(|e| e.published)
        .ok_or(AppError::NotFound)?;
    let note: String = form.note.trim().chars().take(500).collect();
    let mut tx = state.db.begin().await?;
    let note = Some(note.as_str()).filter(|n| !n.is_empty());
    store::request_representation(&mut tx, entry.id, ctx.person()?.person.id, note).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/forening?sparad=requested")).into_response())
}

fn register_view(state: &AppState, ctx: &PageContext, form: EntryForm, errors: FormErrors) -> EditView {
    EditView {
        title: ctx.shell(state).t("register-association-title"),
        action: ctx.href("/forening/ny"),
        form,
        errors,
        editing: EntryEditing::KeyFactsReviewed,
        confirm_action: None,
        referral_action: None,
        referral_missing: false,
    }
}

/// `GET /forening/ny`.
pub async fn register_form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let view =
        register_view(&state, &ctx, EntryForm::from_entry(&Entry::blank(false)), FormErrors::default());
    let page = edit_page(&state, &ctx, view).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /forening/ny`: a new association, unpublished until staff approve its representative.
pub async fn register_submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let person = ctx.person()?.person.id;
    let form = EntryForm::from_pairs(&pairs);
    let (areas, groups) = known_slugs(&state).await?;
    let entry = match form.to_entry(&Entry::blank(false), &areas, &groups) {
        Ok(entry) => entry,
        Err(errors) => {
            let page = edit_page(&state, &ctx, register_view(&state, &ctx, form, errors)).await?;
            return Ok((INVALID, render(&page)?).into_response());
        }
    };
    let slug = free_slug(&state.db, &entry.name).await?;
    let entry = Entry { slug, published: false, ..entry };
    // The new entry and the request to represent it commit together.
    let mut tx = state.db.begin().await?;
    store::write_entry(&mut tx, &entry, Some(person)).await?;
    store::request_representation(&mut tx, entry.id, person, None).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/forening?sparad=registered")).into_response())
}

/// `fontanhuset`, `fontanhuset-2`, …: the first address not taken.
pub(crate) async fn free_slug(db: &Db, name: &str) -> anyhow::Result<String> {
    let base = super::slug_of(name);
    let base = if base.is_empty() { "forening".to_string() } else { base };
    for n in 1.. {
        let candidate = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        if crate::directory::store::entry_by_slug(db, &candidate).await?.is_none() {
            return Ok(candidate);
        }
    }
    unreachable!("the loop above returns")
}

#[derive(Debug, Default, Deserialize)]
pub struct ReferralForm {
    #[serde(default)]
    till: String,
}

/// `POST /forening/{slug}/hanvisning`: refer people on to another entry, given by its address
/// (`/stod/anhorigstodet`, a whole link, or just `anhorigstodet`). Staff publish it; a
/// representative's suggestion waits for staff.
pub async fn suggest_referral(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<ReferralForm>,
) -> Result<Response, AppError> {
    let (entry, editing) = editable(&state, &ctx, &slug).await?;
    let typed = form.till.trim().trim_end_matches('/');
    let target_slug = typed.rsplit('/').next().unwrap_or_default();
    let target = match crate::directory::store::entry_by_slug(&state.db, target_slug)
        .await?
        .filter(|t| t.published && t.id != entry.id)
    {
        Some(target) => target,
        None => {
            return Ok(Redirect::to(&ctx.href(&format!("/forening/{slug}/redigera?hanvisning=saknas#till")))
                .into_response());
        }
    };
    let accepted = editing == EntryEditing::Publish;
    crate::directory::store::add_referral(
        &state.db,
        entry.id,
        target.id,
        accepted,
        Some(ctx.person()?.person.id),
    )
    .await?;
    let notice = if accepted { "referral" } else { "referral-review" };
    Ok(Redirect::to(&ctx.href(&format!("/forening?sparad={notice}"))).into_response())
}

/// `POST /personal/katalog/hanvisningar/{from}/{to}/{beslut}`.
pub async fn decide_referral(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((from, to, word)): Path<(Uuid, Uuid, String)>,
) -> Result<Response, AppError> {
    if !store::decide_referral(&state.db, from, to, decision(&word)?).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&ctx.href("/personal/katalog")).into_response())
}

/// A waiting item of the staff work list with its decision forms.
pub struct WorkItem {
    pub pending: Pending,
    pub href: String,
    pub approve_action: String,
    pub decline_action: String,
    pub proposed: Option<Entry>,
}

#[derive(Template)]
#[template(path = "directory/worklist.html")]
struct WorkListPage<'a> {
    shell: Shell<'a>,
    claims: Vec<WorkItem>,
    changes: Vec<WorkItem>,
    /// (from name, to name, accept action, decline action)
    referrals: Vec<(String, String, String, String)>,
    stale: Vec<(String, String, String)>,
}

/// `GET /personal/katalog`: requests and changes waiting for a decision; entries over a year old.
pub async fn worklist(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let item = |pending: Pending, kind: &str, proposed: Option<Entry>| WorkItem {
        href: ctx.href(&format!("/stod/{}", pending.entry_slug)),
        approve_action: ctx.href(&format!("/personal/katalog/{kind}/{}/godkann", pending.id)),
        decline_action: ctx.href(&format!("/personal/katalog/{kind}/{}/avsla", pending.id)),
        pending,
        proposed,
    };
    let claims = store::pending_representations(&state.db)
        .await?
        .into_iter()
        .map(|p| item(p, "foretradare", None))
        .collect();
    let changes = store::pending_changes(&state.db)
        .await?
        .into_iter()
        .map(|(p, e)| item(p, "andringar", Some(e)))
        .collect();
    let year_ago = UtcTime(Utc::now() - chrono::Duration::days(super::CONFIRM_EVERY_DAYS));
    let stale = store::entries_confirmed_before(&state.db, year_ago, 200)
        .await?
        .into_iter()
        .map(|(slug, name, confirmed)| {
            (
                ctx.href(&format!("/forening/{slug}/redigera")),
                name,
                crate::i18n::format_stockholm(confirmed).chars().take(10).collect(),
            )
        })
        .collect();
    let referrals = store::pending_referrals(&state.db)
        .await?
        .into_iter()
        .map(|(from, _, from_name, to, to_name)| {
            let action = |word: &str| ctx.href(&format!("/personal/katalog/hanvisningar/{from}/{to}/{word}"));
            (from_name, to_name, action("godkann"), action("avsla"))
        })
        .collect();
    Ok(render(&WorkListPage { shell: ctx.shell(&state), claims, changes, referrals, stale })?.into_response())
}

fn decision(word: &str) -> Result<bool, AppError> {
    match word {
        "godkann" => Ok(true),
        "avsla" => Ok(false),
        _ => Err(AppError::NotFound),
    }
}

/// `POST /personal/katalog/foretradare/{id}/{beslut}`: approving also publishes a new association
/// and makes the person an association representative (the role that leads them to "Mina
/// föreningar" after log-in), unless they already are one.
pub async fn decide_claim(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, word)): Path<(Uuid, String)>,
) -> Result<Response, AppError> {
    let approve = decision(&word)?;
    let by = ctx.person()?.person.id;
    // The decision, the publication of a new association and the role commit together.
    let mut tx = state.db.begin_write().await?;
    let (entry_id, person) =
        store::decide_representation(&mut tx, id, approve, by).await?.ok_or(AppError::NotFound)?;
    if approve && let Some(entry) = store::entry_in(&mut tx, entry_id).await?.filter(|e| !e.published) {
        store::write_entry(&mut tx, &Entry { published: true, ..entry }, Some(by)).await?;
    }
    let representative = RoleGrant { role: Role::Association, unit_id: None };
    if approve && crate::identity::store::grant_role(&mut tx, person, representative).await? {
        let granted = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::RoleGranted, "account")
            .object(person)
            .subject(person)
            .purpose(Role::Association.as_str())
            .request(ctx.request_id.clone());
        crate::audit::store::append(&mut tx, &granted).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/personal/katalog")).into_response())
}

/// `POST /personal/katalog/andringar/{id}/{beslut}`.
pub async fn decide_change(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, word)): Path<(Uuid, String)>,
) -> Result<Response, AppError> {
    let approve = decision(&word)?;
    if !store::decide_change(&state.db, id, approve, ctx.person()?.person.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&ctx.href("/personal/katalog")).into_response())
}

/// Reminds those who keep an entry up to date a month before its facts turn a year old, and again
/// each month after, until they confirm. Returns the number of e-mails queued.
pub async fn send_confirmation_reminders(
    db: &Db,
    catalogues: &crate::i18n::Catalogues,
    link_base: &url::Url,
) -> anyhow::Result<usize> {
    let now = Utc::now();
    let due_before =
        UtcTime(now - chrono::Duration::days(super::CONFIRM_EVERY_DAYS - super::REMIND_DAYS_BEFORE));
    let reminded_before = UtcTime(now - chrono::Duration::days(30));
    let due = store::confirmation_reminders_due(db, due_before, reminded_before).await?;
    let mut claimed: Vec<Uuid> = Vec::new();
    let mut sent = 0;
    for (entry, name, address) in due {
        let locale = crate::i18n::Locale::SV;
        let link = link_base.join("/forening").map(|u| u.to_string()).unwrap_or_default();
        let args = [("name", name.into()), ("link", link.into())];
        let mail = crate::mail::Email {
            to: address,
            subject: catalogues.plain_with(locale, "mail-directory-confirm-subject", &args),
            body: catalogues.plain_with(locale, "mail-directory-confirm-body", &args),
        };
        // The claim and its e-mail commit together: a reminder is neither lost nor sent twice.
        let mut tx = db.begin_write().await?;
        if !claimed.contains(&entry) {
            if !store::claim_confirmation_reminder(&mut tx, entry, reminded_before).await? {
                continue;
            }
            claimed.push(entry);
        }
        crate::mail::store::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

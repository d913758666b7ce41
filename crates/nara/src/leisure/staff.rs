//! The desk (`/personal/fritidsbanken`): reservations to hand over and loans past due, the scan
//! page where a label's code is typed or scanned, and an item's page with what can be done with
//! it now: hand over a reservation, lend at the desk (name and phone only), take it back at any
//! lending place, or move it to its next step.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access;
use super::photos::PhotoView;
use super::resident::{LoanView, loan_view};
use super::store::{self, ItemRow};
use super::{MAX_NAME_CHARS, MAX_PHONE_CHARS, Step};
use crate::audit::Action;
use crate::i18n::{Catalogues, Locale, format_stockholm};
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, bounded_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

pub const DESK: &str = "/personal/fritidsbanken";
pub const SCAN: &str = "/personal/fritidsbanken/skanna";

pub fn item_path(code: &str) -> String {
    format!("/personal/fritidsbanken/artikel/{code}")
}

/// A line at the desk: no names (those are on the item's page, read and logged one at a time).
pub struct DeskLine {
    pub item_href: String,
    pub loan: LoanView,
}

#[derive(Template)]
#[template(path = "leisure/desk.html")]
struct DeskPage<'a> {
    shell: Shell<'a>,
    reserved: Vec<DeskLine>,
    overdue: Vec<DeskLine>,
    /// (place, [(step's key, count)]).
    steps: Vec<(String, Vec<(&'static str, i64)>)>,
    /// Participants' work to sign off: (id, participant, task's key, minutes, what was done, when).
    work: Vec<(Uuid, String, &'static str, i32, String, String)>,
}

/// `GET /personal/fritidsbanken`.
pub async fn desk(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let shell = ctx.shell(&state);
    let places = store::places(&state.db).await?;
    let place_name =
        |id: Uuid| places.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_default();
    let (mut reserved, mut overdue) = (Vec::new(), Vec::new());
    for loan in store::desk_loans(&state.db, crate::stockholm::today()).await? {
        let line = DeskLine {
            item_href: ctx.href(&item_path(&loan.code)),
            loan: loan_view(&shell, &loan, place_name(loan.place_id)),
        };
        if loan.state == "reserved" { reserved.push(line) } else { overdue.push(line) }
    }
    let counts = store::step_counts(&state.db).await?;
    let steps = places
        .iter()
        .map(|p| {
            let per_step = Step::ALL
                .iter()
                .map(|s| {
                    let n = counts
                        .iter()
                        .find(|(place, step, _)| *place == p.id && step == s.code())
                        .map_or(0, |c| c.2);
                    (s.label_key(), n)
                })
                .collect();
            (p.name.clone(), per_step)
        })
        .collect();
    let work = store::unsigned_work(&state.db, ctx.person()?.person.id)
        .await?
        .into_iter()
        .map(|w| {
            let task = super::Task::parse(&w.task).map_or("leisure-task-sort", super::Task::label_key);
            (w.id, w.participant, task, w.minutes, w.what_done, format_stockholm(w.recorded_at))
        })
        .collect();
    Ok(render(&DeskPage { shell, reserved, overdue, steps, work })?.into_response())
}

/// `POST /personal/fritidsbanken/timmar/{work}/godkann`: the supervisor signs off recorded work.
pub async fn sign_off(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(work): Path<Uuid>,
) -> Result<Response, AppError> {
    if !store::work_exists(&state.db, work).await? {
        return Err(AppError::NotFound);
    }
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if store::sign_off(&mut tx, work, me).await? {
        crate::audit::store::append(
            &mut tx,
            &access::event(&ctx, Action::LeisureHoursSignedOff, "leisure_work", work),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(Redirect::to(&format!("{}#timmar", ctx.href(DESK))).into_response())
}

#[derive(Template)]
#[template(path = "leisure/scan.html")]
struct ScanPage<'a> {
    shell: Shell<'a>,
    errors: FormErrors,
    code: String,
    script: &'static str,
}

#[derive(Deserialize, Default)]
pub struct ScanQuery {
    kod: Option<String>,
}

/// `GET /personal/fritidsbanken/skanna`: type (or scan) a label's code. A well-formed code that
/// names no item is a 404, like any guessed address.
pub async fn scan(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ScanQuery>,
) -> Result<Response, AppError> {
    let typed = query.kod.unwrap_or_default();
    let mut errors = FormErrors::default();
    if !typed.trim().is_empty() {
        // A scanned label holds the item page's whole address; the code is its last part.
        let code = typed.trim().trim_end_matches('/').rsplit('/').next().unwrap_or_default();
        if super::normalise_code(code).is_some() {
            let item = access::item_by_code(&state, code).await?;
            return Ok(Redirect::to(&ctx.href(&item_path(&item.code))).into_response());
        }
        errors.add("kod", "leisure-error-code");
    }
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = ScanPage {
        shell: ctx.shell(&state),
        errors,
        code: typed,
        script: crate::web::assets::leisure_scan_href(),
    };
    let mut response = (status, render(&page)?).into_response();
    // The camera reads the label where the browser can: this page alone may ask for it.
    response.extensions_mut().insert(crate::web::security::UsesCamera);
    Ok(response)
}

/// One move in an item's history.
pub struct MoveView {
    pub when: String,
    pub step_key: &'static str,
    pub place: String,
    pub by: String,
}

#[derive(Template)]
#[template(path = "leisure/item.html")]
struct ItemPage<'a> {
    shell: Shell<'a>,
    item: ItemRow,
    kind: String,
    category_key: String,
    step_key: &'static str,
    condition_key: String,
    place: String,
    loan: Option<(LoanView, String)>,
    lend_at_desk: bool,
    take_back: bool,
    moves: Vec<(String, &'static str)>,
    places: Vec<(Uuid, String)>,
    history: Vec<MoveView>,
    errors: FormErrors,
    kept: Kept,
    photo: Option<PhotoView>,
    notice: Option<&'static str>,
}

/// What was typed into the page's forms, shown again beside their errors.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    pub name: String,
    pub phone: String,
    pub alt: String,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klart: Option<String>,
}

/// The item's page, with errors (and a 4xx) when an action on it was refused.
pub(super) async fn item_page(
    state: &AppState,
    ctx: &PageContext,
    item: ItemRow,
    errors: FormErrors,
    kept: Kept,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let places = store::places(&state.db).await?;
    let place_name =
        |id: Uuid| places.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_default();
    let loan = store::active_loan(&state.db, item.id).await?;
    if let Some(loan) = loan.as_ref().filter(|l| l.borrower.is_some()) {
        // The borrower's name is personal data: reading it is logged, with them as subject when
        // they have an account (a desk borrower's is logged against the loan, whose name and
        // phone are deleted at the return).
        let event = match loan.borrower_id {
            Some(borrower) => {
                access::event(ctx, Action::LeisureLoanViewed, "leisure_item", item.id).subject(borrower)
            }
            None => access::event(ctx, Action::LeisureLoanViewed, "leisure_loan", loan.id),
        };
        crate::audit::store::record(&state.db, &event).await?;
    }
    let step = item.step();
    let locale = ctx.location.locale;
    let name = if locale == Locale::EN { &item.name_en } else { &item.name_sv };
    let history = store::history(&state.db, item.id)
        .await?
        .into_iter()
        .map(|m| MoveView {
            when: format_stockholm(m.moved_at),
            step_key: Step::parse(&m.to_step).map_or("leisure-step-retired", Step::label_key),
            place: m.place,
            by: m.moved_by.unwrap_or_default(),
        })
        .collect();
    let page = ItemPage {
        kind: if item.size.is_empty() { name.clone() } else { format!("{name} ({})", item.size) },
        category_key: super::category_key(&item.category),
        step_key: step.label_key(),
        condition_key: format!("leisure-condition-{}", item.condition),
        place: place_name(item.place_id),
        loan: loan
            .as_ref()
            .map(|l| (loan_view(&shell, l, place_name(l.place_id)), l.borrower.clone().unwrap_or_default())),
        lend_at_desk: step == Step::Available && !item.held,
        take_back: step == Step::Lent,
        moves: if item.held {
            Vec::new()
        } else {
            step.by_hand().map(|s| (s.code().to_string(), s.label_key())).collect()
        },
        places: places.iter().map(|p| (p.id, p.name.clone())).collect(),
        history,
        errors,
        kept,
        photo: store::photo(&state.db, item.type_id).await?.map(PhotoView::from),
        notice,
        shell,
        item,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /personal/fritidsbanken/artikel/{code}`.
pub async fn item(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let notice = match query.klart.as_deref() {
        Some("utlamnad") => Some("leisure-notice-lent"),
        Some("tillbaka") => Some("leisure-notice-returned"),
        Some("flyttad") => Some("leisure-notice-moved"),
        Some("erbjuden") => Some("leisure-notice-offered"),
        Some("foto") => Some("leisure-notice-photo"),
        Some("foto-borttaget") => Some("leisure-notice-photo-removed"),
        _ => None,
    };
    item_page(&state, &ctx, item, FormErrors::default(), Default::default(), notice).await
}

#[derive(Template)]
#[template(path = "leisure/label.html")]
struct LabelPage<'a> {
    shell: Shell<'a>,
    kind: String,
    code: String,
    typed: String,
    qr: String,
}

/// `GET /personal/fritidsbanken/artikel/{code}/etikett`: a printable label. The QR code holds the
/// item page's whole address, so a phone's own camera opens it too; the code is printed under it
/// in groups of four for typing.
pub async fn label(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let address = state.base_url.join(&ctx.href(&item_path(&item.code))).map_err(anyhow::Error::from)?;
    let qr = super::label::qr_svg(address.as_str())?;
    let name = if ctx.location.locale == Locale::EN { &item.name_en } else { &item.name_sv };
    let page = LabelPage {
        kind: if item.size.is_empty() { name.clone() } else { format!("{name} ({})", item.size) },
        typed: super::label::grouped(&item.code),
        code: item.code,
        qr,
        shell: ctx.shell(&state),
    };
    Ok(render(&page)?.into_response())
}

/// Back to the item's page, with a notice of what was done.
pub(super) fn done(ctx: &PageContext, item: &ItemRow, notice: &str) -> Response {
    Redirect::to(&format!("{}?klart={notice}", ctx.href(&item_path(&item.code)))).into_response()
}

#[derive(Deserialize, Default)]
pub struct LendForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    phone: String,
}

/// A phone number as people write it: digits, spaces, dashes and a leading plus, 6–15 digits.
fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && phone
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && i == 0))
}

/// `POST /personal/fritidsbanken/artikel/{code}/lamna-ut`: hands over the item's reservation, or
/// lends a free item at the desk to someone who leaves a name and phone number only.
pub async fn lend(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    Form(form): Form<LendForm>,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let me = ctx.person()?.person.id;
    let today = crate::stockholm::today();
    if let Some(loan) = store::active_loan(&state.db, item.id).await?.filter(|l| l.state == "reserved") {
        let mut tx = state.db.begin_write().await?;
        if store::hand_over(&mut tx, &loan, me, today).await? {
            let mut event = access::event(&ctx, Action::LeisureLent, "leisure_loan", loan.id);
            if let Some(borrower) = loan.borrower_id {
                event = event.subject(borrower);
            }
            crate::audit::store::append(&mut tx, &event).await?;
            tx.commit().await?;
        }
        return Ok(done(&ctx, &item, "utlamnad"));
    }
    let mut errors = FormErrors::default();
    let name = bounded_text(&form.name, MAX_NAME_CHARS);
    if let Err(problem) = &name {
        problem.add_to(&mut errors, "name", "leisure-error-name", "leisure-error-name-long");
    }
    let phone = bounded_text(&form.phone, MAX_PHONE_CHARS).ok().filter(|p| phone_ok(p));
    if phone.is_none() {
        errors.add("phone", "leisure-error-phone");
    }
    let (Ok(name), Some(phone), true) = (name, phone, errors.is_empty()) else {
        return item_page(
            &state,
            &ctx,
            item,
            errors,
            Kept { name: form.name, phone: form.phone, ..Kept::default() },
            None,
        )
        .await;
    };
    let mut tx = state.db.begin_write().await?;
    let Some(loan) = store::lend_at_desk(&mut tx, &item, &name, &phone, Some(me), today).await? else {
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("name", "leisure-error-not-free");
        return item_page(
            &state,
            &ctx,
            item,
            errors,
            Kept { name: form.name, phone: form.phone, ..Kept::default() },
            None,
        )
        .await;
    };
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::LeisureLent, "leisure_loan", loan))
        .await?;
    tx.commit().await?;
    Ok(done(&ctx, &item, "utlamnad"))
}

#[derive(Deserialize, Default)]
pub struct ReturnForm {
    #[serde(default)]
    place: String,
}

/// `POST /personal/fritidsbanken/artikel/{code}/ta-emot`: the item comes back at this lending
/// place (any of them: the item moves there). A desk borrower's name and phone are deleted.
pub async fn take_back(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    Form(form): Form<ReturnForm>,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let place = Uuid::parse_str(form.place.trim()).map_err(|_| AppError::BadRequest)?;
    if !store::is_place(&state.db, place).await? {
        return Err(AppError::BadRequest);
    }
    let me = ctx.person()?.person.id;
    let borrower = store::active_loan(&state.db, item.id).await?.and_then(|l| l.borrower_id);
    let mut tx = state.db.begin_write().await?;
    if let Some(loan) = store::return_item(&mut tx, &item, place, me).await? {
        let mut event = access::event(&ctx, Action::LeisureReturned, "leisure_loan", loan);
        if let Some(borrower) = borrower {
            event = event.subject(borrower);
        }
        crate::audit::store::append(&mut tx, &event).await?;
        tx.commit().await?;
    }
    Ok(done(&ctx, &item, "tillbaka"))
}

#[derive(Deserialize, Default)]
pub struct MoveForm {
    #[serde(default)]
    to: String,
}

/// Moves an item on by hand (staff at the desk, or a participant's task) inside the action's
/// transaction and, when it becomes available, reserves it for the first on its kind's waitlist
/// with an e-mail to them. `None` when the move is not allowed now; `Some(offered)` otherwise.
pub async fn move_on(
    tx: &mut crate::db::Tx,
    catalogues: &Catalogues,
    link_base: &url::Url,
    item: &ItemRow,
    to: Step,
    by: Uuid,
    event: crate::audit::AuditEvent,
) -> Result<Option<bool>, AppError> {
    if !store::move_item(tx, item, item.step(), to, by).await? {
        return Ok(None);
    }
    crate::audit::store::append(tx, &event).await?;
    let offered = to == Step::Available
        && super::offers::offer_next(
            tx,
            catalogues,
            link_base,
            item,
            event.actor.clone(),
            event.request_id.clone(),
        )
        .await?;
    Ok(Some(offered))
}

/// `POST /personal/fritidsbanken/artikel/{code}/steg`: the next step of the item's life.
pub async fn next_step(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let item = access::item_by_code(&state, &code).await?;
    let to = Step::parse(form.to.trim()).ok_or(AppError::BadRequest)?;
    let me = ctx.person()?.person.id;
    let event = access::event(&ctx, Action::LeisureItemMoved, "leisure_item", item.id);
    let mut tx = state.db.begin_write().await?;
    let moved = move_on(&mut tx, &state.catalogues, &state.base_url, &item, to, me, event).await?;
    if moved.is_some() {
        tx.commit().await?;
    } else {
        drop(tx);
    }
    match moved {
        Some(true) => Ok(done(&ctx, &item, "erbjuden")),
        Some(false) => Ok(done(&ctx, &item, "flyttad")),
        None => {
            let mut errors = FormErrors::default();
            errors.add("to", "leisure-error-move");
            item_page(&state, &ctx, item, errors, Default::default(), None).await
        }
    }
}

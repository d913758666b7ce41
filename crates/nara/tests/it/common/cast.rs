//! The people and objects the route-table suites share: residents, an association, an organiser
//! and staff of unit X, staff of unit Y, a reviewer and an administrator, and a target resident whose application opened a case
//! in unit X. Used by the access matrix and the hostile-input sweep.
#![allow(dead_code)]

use nara::cases::Sharing;
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use nara::policy::Access;
use uuid::Uuid;

use super::app::person;

pub struct Cast {
    /// (label, person id or None for anonymous, roles held)
    pub actors: Vec<(&'static str, Option<Uuid>, Vec<Role>)>,
    pub target: Uuid,
    /// The target's case in unit X, opened by their application, and a shared entry in it.
    pub case: Uuid,
    pub entry: Uuid,
    /// The target's application and its attachment.
    pub application: Uuid,
    pub file: Uuid,
    /// The target's coordinated plan, which unit X (only) takes part in, and an action in it.
    pub plan: Uuid,
    pub plan_action: Uuid,
}

/// The address of unit X's application form.
pub const FORM: &str = "formular-x";
pub const FORM_SOURCE: &str = "title_sv = \"Ansök\"\n[[steps]]\ntitle_sv = \"Steg\"\n\
    [[steps.questions]]\nid = \"intyg\"\ntype = \"file\"\nlabel_sv = \"Intyg\"\n";

pub async fn cast(db: &Db) -> Cast {
    let unit_x = nara::identity::store::upsert_unit(db, "x", "Enhet X", "Unit X").await.unwrap();
    let unit_y = nara::identity::store::upsert_unit(db, "y", "Enhet Y", "Unit Y").await.unwrap();
    let grant = |role, unit| RoleGrant { role, unit_id: unit };
    let resident_a = person(db, "a@example.se", "Resident A", &[]).await;
    let resident_b = person(db, "b@example.se", "Resident B", &[]).await;
    let association = person(db, "forening@example.se", "Förening", &[grant(Role::Association, None)]).await;
    let organiser_x =
        person(db, "arrangor@example.se", "Organiser X", &[grant(Role::Organiser, Some(unit_x))]).await;
    let staff_x = person(db, "x@example.se", "Staff X", &[grant(Role::Staff, Some(unit_x))]).await;
    let staff_y = person(db, "y@example.se", "Staff Y", &[grant(Role::Staff, Some(unit_y))]).await;
    let reviewer =
        person(db, "granskare@example.se", "Reviewer", &[grant(Role::LogReviewer, Some(unit_x))]).await;
    let admin = person(db, "admin@example.se", "Admin", &[grant(Role::Admin, None)]).await;
    let grant_assessor =
        person(db, "bidrag@example.se", "Grant assessor", &[grant(Role::GrantAssessor, None)]).await;
    let leisure_staff =
        person(db, "fritidsbank@example.se", "Leisure staff", &[grant(Role::LeisureStaff, None)]).await;
    let participant =
        person(db, "deltagare@example.se", "Participant", &[grant(Role::LeisureParticipant, None)]).await;
    let coordinator =
        person(db, "samordnare@example.se", "Coordinator", &[grant(Role::Coordinator, None)]).await;
    let reporter = person(db, "reporter@example.se", "Reporter", &[grant(Role::Reporter, None)]).await;
    let plain_reviewer =
        person(db, "klarsprak@example.se", "Plain reviewer", &[grant(Role::PlainReviewer, None)]).await;
    let target = person(db, "target@example.se", "Target", &[]).await;
    // The target applies with an attachment; the application opens the case, with staff X (the
    // only officer of unit X) as contact person.
    super::actions::create_form(db, FORM, unit_x, FORM_SOURCE, staff_x).await.unwrap().unwrap();
    let form = nara::applications::store::form_by_slug(db, FORM).await.unwrap().unwrap();
    let application = nara::applications::store::start_application(db, &form, target).await.unwrap();
    let pdf = b"%PDF-1.4\n%%EOF\n";
    let checked = nara::applications::files::check("intyg.pdf", pdf, Default::default()).unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let file = nara::applications::store::add_application_file(&mut tx, application, "intyg", &checked, pdf)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    let case = match super::actions::submit_application(db, application, "T", &Default::default(), &[])
        .await
        .unwrap()
        .unwrap()
    {
        nara::applications::store::Submitted::Now(case) => case,
        other => panic!("{other:?}"),
    };
    assert_eq!(nara::cases::store::case(db, case).await.unwrap().unwrap().officer_id, Some(staff_x));
    let entry =
        super::actions::write_journal_entry(db, case, staff_x, "Delad", &Sharing::Shared).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let plan =
        nara::plans::store::create(&mut tx, target, Some(case), "Plan", unit_x, staff_x).await.unwrap();
    let due = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    let plan_action = nara::plans::store::add_action(
        &mut tx,
        plan,
        nara::plans::Responsible::Unit(unit_x),
        "Ring",
        due,
        staff_x,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    Cast {
        actors: vec![
            ("anonymous", None, vec![]),
            ("resident A", Some(resident_a), vec![]),
            ("resident B", Some(resident_b), vec![]),
            ("association", Some(association), vec![Role::Association]),
            ("organiser of unit X", Some(organiser_x), vec![Role::Organiser]),
            ("staff of unit X", Some(staff_x), vec![Role::Staff]),
            ("staff of unit Y", Some(staff_y), vec![Role::Staff]),
            ("log reviewer", Some(reviewer), vec![Role::LogReviewer]),
            ("admin", Some(admin), vec![Role::Admin]),
            ("grant assessor", Some(grant_assessor), vec![Role::GrantAssessor]),
            ("leisure staff", Some(leisure_staff), vec![Role::LeisureStaff]),
            ("leisure participant", Some(participant), vec![Role::LeisureParticipant]),
            ("coordinator", Some(coordinator), vec![Role::Coordinator]),
            ("reporter", Some(reporter), vec![Role::Reporter]),
            ("plain-language reviewer", Some(plain_reviewer), vec![Role::PlainReviewer]),
        ],
        target,
        case,
        entry,
        application,
        file,
        plan,
        plan_action,
    }
}

/// A concrete address for a route pattern: ids name the target person and the target's case and
/// plan, tokens are unknown.
pub fn concrete(path: &str, cast: &Cast) -> String {
    path.replace("{id}", &cast.target.to_string())
        .replace("{case}", &cast.case.to_string())
        .replace("{entry}", &cast.entry.to_string())
        .replace("{token}", "ingen-sadan-lank")
        .replace("{version}/{name}", "0/nara.css")
        .replace("{provider}", "e-legitimation")
        .replace("{application}", &cast.application.to_string())
        .replace("{file}", &cast.file.to_string())
        .replace("{step}", "1")
        .replace("{form}", FORM)
        .replace("{plan}", &cast.plan.to_string())
        .replace("{action}", &cast.plan_action.to_string())
        .replace("{survey}", "event")
        .replace("{question}", "ingen-sadan-fraga")
        .replace("{invitation}", &uuid::Uuid::nil().to_string())
        // The leisure bank: a loan that is nobody's, a label code that names no item.
        .replace("{loan}", &uuid::Uuid::nil().to_string())
        .replace("{work}", &uuid::Uuid::nil().to_string())
        .replace("{code}", "ingensadankodfinnsharabc")
        // The text review: a text that is nobody's.
        .replace("{text}", &uuid::Uuid::nil().to_string())
}

pub fn allowed(access: Access, roles: &[Role], signed_in: bool) -> bool {
    match access {
        Access::Public => true,
        Access::SignedIn => signed_in,
        Access::Role(Role::Resident) => signed_in,
        Access::Role(role) => roles.contains(&role),
    }
}

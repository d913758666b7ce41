//! Setting up a fresh installation, on both databases: the set-up file (one transaction, idempotent,
//! never removing what is in use, each problem named by line and column), the administrators'
//! pages for units, areas of help and target groups with their history, and the search page's
//! configured contact.

use crate::common;

use std::path::Path;
use std::process::Command;

use axum::http::StatusCode;
use common::app::{TestApp, person};
use nara::audit::{AuditActor, AuditFilter};
use nara::db::{Db, UtcTime};
use nara::directory::{Entry, EntryKind, WayIn};
use nara::identity::{Role, RoleGrant};
use nara::setup::{Item, Kind, Refusal, SearchContact, Step, UnitKind, Use, file, history, store};

const EXAMPLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../municipality.example.toml"));
const NARA: &str = env!("CARGO_BIN_EXE_nara");

async fn load(db: &Db, source: &str) -> Result<Vec<Step>, Refusal> {
    let changes = file::parse(source).unwrap_or_else(|e| panic!("{e:?}"));
    store::change(db, &changes, &AuditActor::system(), None).await.unwrap()
}

/// The set-up changes in the audit log.
async fn logged(db: &Db) -> Vec<nara::audit::AuditSearchLine> {
    let filter = AuditFilter { action: Some("setup_changed".into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 100).await.unwrap()
}

fn entry(slug: &str, name: &str, areas: &[&str], groups: &[&str]) -> Entry {
    Entry {
        slug: slug.into(),
        kind: EntryKind::City,
        name: name.into(),
        description_sv: "Vi hjälper dig.".into(),
        areas: areas.iter().map(|a| a.to_string()).collect(),
        target_groups: groups.iter().map(|g| g.to_string()).collect(),
        phone: Some("042-10 50 00".into()),
        way_in: WayIn::DropIn,
        confirmed_at: UtcTime::now(),
        ..Entry::blank(true)
    }
}

on_both_backends!(the_example_file_sets_up_an_empty_database_once, Migrated, |db| {
    assert!(nara::identity::store::list_units(&db).await.unwrap().is_empty(), "a new database has no units");
    assert!(nara::help_areas::store::list(&db).await.unwrap().is_empty());
    assert_eq!(store::target_groups(&db).await.unwrap().len(), 10, "it starts with the ten target groups");

    let steps = load(&db, EXAMPLE).await.unwrap();
    assert_eq!(steps.len(), 3 + 11 + 1, "units, areas and the contact: {steps:?}");
    let units = store::items(&db, Kind::Unit).await.unwrap();
    assert_eq!(units.len(), 3);
    let Some(Item::Unit(kvalitet)) = units.iter().find(|u| u.slug() == "kvalitet") else {
        panic!("{units:?}")
    };
    assert_eq!(kvalitet.kind, UnitKind::Development);
    assert_eq!(nara::help_areas::store::list(&db).await.unwrap().len(), 11);
    assert_eq!(store::search_contact(&db).await.unwrap(), Some(SearchContact::Entry("kontaktcenter".into())));
    let audit = logged(&db).await;
    assert_eq!(audit.len(), 1, "one change, one entry in the audit log");
    assert_eq!(audit[0].actor_role, "system");
    let history = store::history(&db, "units", "vuxen").await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].change.as_str(), history[0].changed_by.as_deref()), ("created", None));

    // Again: nothing changes, nothing is logged.
    assert_eq!(load(&db, EXAMPLE).await.unwrap(), vec![]);
    assert_eq!(logged(&db).await.len(), 1);
    assert_eq!(store::history(&db, "units", "vuxen").await.unwrap().len(), 1);
});

on_both_backends!(a_changed_file_updates_what_changed_and_keeps_the_history, Migrated, |db| {
    load(&db, EXAMPLE).await.unwrap();
    let changed = EXAMPLE.replace("name_sv = \"Vuxenenheten\"", "name_sv = \"Enheten för vuxna\"").replace(
        "slug = \"fritid\"\nname_sv = \"Fritid\"",
        "slug = \"fritid\"\nhome_page = false\nposition = 99\nname_sv = \"Fritid\"",
    );
    let steps = load(&db, &changed).await.unwrap();
    assert_eq!(nara::setup::describe(&steps), "updated units/vuxen; updated areas/fritid");
    let names: Vec<_> =
        nara::identity::store::list_units(&db).await.unwrap().iter().cloned().map(|u| u.name_sv).collect();
    assert!(names.contains(&"Enheten för vuxna".to_string()), "{names:?}");
    let home: Vec<_> =
        nara::help_areas::store::on_home_page(&db).await.unwrap().iter().map(|a| a.slug.clone()).collect();
    assert!(!home.contains(&"fritid".to_string()) && home.len() == 10, "{home:?}");
    assert_eq!(
        nara::help_areas::store::list(&db).await.unwrap().last().unwrap().slug,
        "fritid",
        "the search still has it, last"
    );

    let rows = store::history(&db, "units", "vuxen").await.unwrap();
    let lines = history::lines(Kind::Unit, &rows);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].what_key, "setup-history-updated");
    assert_eq!(lines[0].fields.len(), 1, "only the Swedish name changed: {:?}", lines[0].fields);
    assert_eq!(lines[0].fields[0].label_key, "setup-field-name-sv");
    assert_eq!(logged(&db).await.len(), 2);
});

on_both_backends!(nothing_in_use_is_removed_and_a_refused_file_writes_nothing, Migrated, |db| {
    load(&db, EXAMPLE).await.unwrap();
    let vuxen =
        nara::identity::store::list_units(&db).await.unwrap().iter().find(|u| u.slug == "vuxen").unwrap().id;
    person(&db, "anna@example.se", "Anna Berg", &[RoleGrant { role: Role::Staff, unit_id: Some(vuxen) }])
        .await;
    nara::directory::store::save_entry(&db, &entry("stodet", "Stödet", &["boende"], &["unga"]), None)
        .await
        .unwrap();
    let new_unit = "[[units]]\nslug = \"ny\"\nname_sv = \"Ny\"\nname_en = \"New\"\nkind = \"service\"\n";

    let refused = load(&db, &format!("{new_unit}[remove]\nunits = [\"vuxen\"]\n")).await.unwrap_err();
    assert_eq!(
        refused,
        Refusal::InUse {
            kind: Kind::Unit,
            slug: "vuxen".into(),
            uses: vec![Use { key: "setup-use-roles", count: 1 }]
        }
    );
    let units: Vec<_> =
        nara::identity::store::list_units(&db).await.unwrap().iter().cloned().map(|u| u.slug).collect();
    assert!(
        units.contains(&"vuxen".to_string()) && !units.contains(&"ny".to_string()),
        "one transaction: {units:?}"
    );
    for (list, slug) in [("areas", "boende"), ("target_groups", "unga")] {
        let refused = load(&db, &format!("[remove]\n{list} = [\"{slug}\"]\n")).await.unwrap_err();
        let Refusal::InUse { uses, .. } = refused else { panic!("{refused:?}") };
        assert_eq!(uses, vec![Use { key: "setup-use-entries", count: 1 }], "{slug}");
    }
    assert_eq!(logged(&db).await.len(), 1, "refusals change nothing");

    // What nothing uses goes; naming something that is not there changes nothing.
    let removed =
        load(&db, "[remove]\nunits = [\"kvalitet\", \"finns-inte\"]\nareas = [\"fritid\"]\n").await.unwrap();
    assert_eq!(nara::setup::describe(&removed), "removed units/kvalitet; removed areas/fritid");
    assert!(store::item(&db, Kind::Unit, "kvalitet").await.unwrap().is_none());
    let rows = store::history(&db, "units", "kvalitet").await.unwrap();
    assert_eq!(rows.last().unwrap().change, "removed");
});

on_both_backends!(the_search_page_offers_the_configured_contact, Migrated, |db| {
    load(&db, EXAMPLE).await.unwrap();
    let app = TestApp::new(db.clone());
    let nothing = "/sok?q=tandl%C3%A4kare";
    // The example names the entry `kontaktcenter`, which is not published yet.
    assert!(!app.get(nothing, None).await.body.contains("contact-heading"));
    nara::directory::store::save_entry(
        &db,
        &entry("kontaktcenter", "Stadens kontaktcenter", &["boende"], &[]),
        None,
    )
    .await
    .unwrap();
    let offered = app.get(nothing, None).await.body;
    assert!(
        offered.contains("href=\"/stod/kontaktcenter\"") && offered.contains("tel:+4642105000"),
        "{offered}"
    );

    let details = "[search_contact]\nname = \"Socialtjänstens växel\"\nphone = \"042-10 60 00\"\n\
                   hours_sv = \"Vardagar 8–16\"\nhours_en = \"Weekdays 8 am to 4 pm\"\n";
    load(&db, details).await.unwrap();
    let offered = app.get(nothing, None).await.body;
    assert!(offered.contains("Socialtjänstens växel") && offered.contains("tel:+4642106000"), "{offered}");
    assert!(offered.contains("Vardagar 8–16") && !offered.contains("/stod/kontaktcenter"));
    assert!(app.get("/en/sok?q=xyzzy", None).await.body.contains("Weekdays 8 am to 4 pm"));
    assert!(
        !app.get("/sok?q=kontaktcenter", None).await.body.contains("contact-heading"),
        "not when something is found"
    );
});

on_both_backends!(renamed_areas_and_new_target_groups_reach_the_directory, Migrated, |db| {
    load(&db, EXAMPLE).await.unwrap();
    nara::directory::store::save_entry(&db, &entry("stodet", "Stödet", &["boende"], &["unga"]), None)
        .await
        .unwrap();
    let app = TestApp::new(db.clone());
    let search = "/sok?q=bostadsfr%C3%A5gor";
    assert!(!app.get(search, None).await.body.contains("/stod/stodet"));
    let renamed =
        "[[areas]]\nslug = \"boende\"\nname_sv = \"Bostadsfrågor\"\nname_en = \"Housing\"\nposition = 4\n";
    load(&db, renamed).await.unwrap();
    assert!(app.get(search, None).await.body.contains("/stod/stodet"), "the index holds the new name");

    assert_eq!(app.get("/sok?malgrupp=pensionarer", None).await.status, StatusCode::BAD_REQUEST);
    let group =
        "[[target_groups]]\nslug = \"pensionarer\"\nname_sv = \"Pensionärer\"\nname_en = \"Pensioners\"\n";
    load(&db, group).await.unwrap();
    let filtered = app.get("/sok?malgrupp=pensionarer", None).await;
    assert_eq!(filtered.status, StatusCode::OK);
    assert!(filtered.body.contains("Pensionärer"));
    let renamed_group =
        "[[target_groups]]\nslug = \"unga\"\nname_sv = \"Ungdomar\"\nname_en = \"Youth\"\nposition = 2\n";
    load(&db, renamed_group).await.unwrap();
    assert!(
        app.get("/stod/stodet", None).await.body.contains("Ungdomar"),
        "the entry shows the group's name"
    );
});

on_both_backends!(an_administrator_sets_up_units_areas_and_groups_from_admin, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let admin =
        person(&db, "admin@example.se", "Erik Admin", &[RoleGrant { role: Role::Admin, unit_id: None }])
            .await;
    let staff = person(&db, "anna@example.se", "Anna Berg", &[]).await;
    let token = nara::sessions::store::start_session(&db, admin).await.unwrap();
    let cookie = Some(token.as_str());

    let start = app.get("/admin", cookie).await;
    assert!(
        start.body.contains("Det finns inga enheter än") && start.body.contains("href=\"/admin/enheter\"")
    );
    let empty = app.get("/admin/enheter", cookie).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("Här finns inget än."));

    // Wrong fields: the error summary, each field named, and what was typed kept.
    let wrong = app
        .post("/admin/enheter", &[("slug", "Vuxen enhet"), ("name_sv", ""), ("name_en", "Adults")], cookie)
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("<title>Fel:"), "{}", wrong.body);
    for field in ["#slug", "#name_sv", "#kind"] {
        assert!(wrong.body.contains(&format!("href=\"{field}\"")), "{field}");
    }
    assert!(wrong.body.contains("value=\"Vuxen enhet\""));

    let unit =
        [("slug", "vuxen"), ("name_sv", "Vuxenenheten"), ("name_en", "Adults"), ("kind", "case_handling")];
    let added = app.post("/admin/enheter", &unit, cookie).await;
    assert_eq!(added.location(), "/admin/enheter/vuxen?klart=ny");
    let page = app.get(added.location(), cookie).await;
    assert!(
        page.body.contains("Det är tillagt.")
            && page.body.contains("Lades till")
            && page.body.contains("Erik Admin")
    );
    let taken = app.post("/admin/enheter", &unit, cookie).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body.contains("Adressen används redan"));

    let edit = [
        ("name_sv", "Vuxenenheten"),
        ("name_en", "Adult services"),
        ("kind", "service"),
        ("phone", "042-10 51 00"),
    ];
    let saved = app.post("/admin/enheter/vuxen", &edit, cookie).await;
    assert_eq!(saved.location(), "/admin/enheter/vuxen?klart=sparad");
    let page = app.get("/admin/enheter/vuxen", cookie).await.body;
    assert!(page.contains("Ändrades") && page.contains("Adults → Adult services"), "{page}");
    assert!(page.contains("Myndighetsutövning → Verksamhet"));
    let again = app.post("/admin/enheter/vuxen", &edit, cookie).await;
    assert_eq!(again.location(), "/admin/enheter/vuxen?klart=oforandrad");
    assert_eq!(
        store::history(&db, "units", "vuxen").await.unwrap().len(),
        2,
        "an unchanged save records nothing"
    );
    let bad_phone = app
        .post(
            "/admin/enheter/vuxen",
            &[("name_sv", "V"), ("name_en", "A"), ("kind", "service"), ("phone", "ring oss")],
            cookie,
        )
        .await;
    assert_eq!(bad_phone.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_phone.body.contains("href=\"#phone\""));

    // The unit is what staff get their roles in.
    let unit_id = nara::identity::store::list_units(&db).await.unwrap()[0].id.to_string();
    let granted = app
        .post(&format!("/admin/personer/{staff}/roller"), &[("role", "staff"), ("unit", &unit_id)], cookie)
        .await;
    assert_eq!(granted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        nara::identity::store::grants(&db, staff).await.unwrap()[0].unit_id.map(|u| u.to_string()),
        Some(unit_id)
    );
    let refused = app.post("/admin/enheter/vuxen/ta-bort", &[], cookie).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("href=\"#uses\"") && refused.body.contains("en roll"), "{}", refused.body);
    assert!(store::item(&db, Kind::Unit, "vuxen").await.unwrap().is_some());

    // An unused target group goes; an area can be kept off the home page.
    let group =
        [("slug", "pensionarer"), ("name_sv", "Pensionärer"), ("name_en", "Pensioners"), ("position", "11")];
    assert_eq!(app.post("/admin/malgrupper", &group, cookie).await.status, StatusCode::SEE_OTHER);
    let gone = app.post("/admin/malgrupper/pensionarer/ta-bort", &[], cookie).await;
    assert_eq!(gone.location(), "/admin/malgrupper?klart=borttagen");
    assert!(store::item(&db, Kind::Group, "pensionarer").await.unwrap().is_none());
    let area = [("slug", "boende"), ("name_sv", "Boende"), ("name_en", "Housing"), ("position", "1")];
    assert_eq!(app.post("/admin/omraden", &area, cookie).await.status, StatusCode::SEE_OTHER);
    assert!(!app.get("/", None).await.body.contains("Boende"), "the box was not ticked");
    assert!(app.get("/sok", None).await.body.contains("Boende"), "the search offers it");
    let shown = [("name_sv", "Boende"), ("name_en", "Housing"), ("position", "1"), ("home_page", "true")];
    app.post("/admin/omraden/boende", &shown, cookie).await;
    // The home page offers an area only once something is behind it.
    assert!(!app.get("/", None).await.body.contains("Boende"), "nothing filed under it yet");
    let housing = Entry {
        slug: "bostad".into(),
        name: "Bostadsteamet".into(),
        areas: vec!["boende".into()],
        ..Entry::blank(true)
    };
    nara::directory::store::save_entry(&db, &housing, None).await.unwrap();
    assert!(app.get("/", None).await.body.contains("Boende"));

    assert_eq!(logged(&db).await.iter().filter(|l| l.actor_name.as_deref() == Some("Erik Admin")).count(), 6);
    for path in ["/en/admin/enheter", "/en/admin/enheter/vuxen", "/en/admin/omraden", "/admin/malgrupper"] {
        assert_eq!(app.get(path, cookie).await.status, StatusCode::OK, "{path}");
    }
    for path in ["/admin/finns-inte", "/admin/enheter/finns-inte"] {
        assert_eq!(app.get(path, cookie).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        app.post("/admin/enheter/finns-inte/ta-bort", &[], cookie).await.status,
        StatusCode::NOT_FOUND
    );
});

/// `nara` with no configuration from the developer's environment, on a SQLite file in `dir`.
fn nara(dir: &Path) -> Command {
    let mut command = Command::new(NARA);
    command.current_dir(dir).env_remove("DATABASE_URL").env("NARA_METRICS_BIND", "127.0.0.1:0");
    for (key, _) in std::env::vars() {
        if key.starts_with("NARA_") && key != "NARA_METRICS_BIND" {
            command.env_remove(key);
        }
    }
    command
}

#[test]
fn nara_setup_names_each_problem_and_loads_a_good_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[units]]\nslug = \"Vuxen\"\nname_sv = \"V\"\nname_en = \"A\"\nkind = \"service\"\nnmae = \"x\"\n",
    )
    .unwrap();
    let output = nara(dir.path()).args(["setup", "--file"]).arg(&bad).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("bad.toml: line 2, column 8: units[1].slug: Write the address"), "{stderr}");
    assert!(stderr.contains("line 6, column 1: units[1].nmae: There is no such key"), "{stderr}");
    assert!(stderr.contains("2 problem(s)"), "{stderr}");
    assert!(!dir.path().join("data/nara.db").exists(), "a bad file never opens the database");

    let good = dir.path().join("municipality.toml");
    std::fs::write(&good, EXAMPLE).unwrap();
    let first = nara(dir.path()).args(["setup", "--file"]).arg(&good).output().unwrap();
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(stdout.contains("14 created, 1 updated, 0 removed"), "{stdout}");
    assert!(stdout.contains("kontaktcenter") && stdout.contains("not published yet"), "{stdout}");
    let second = nara(dir.path()).args(["setup", "--file"]).arg(&good).output().unwrap();
    assert!(String::from_utf8_lossy(&second.stdout).contains("Nothing changed"));
    let verify = nara(dir.path()).args(["audit", "verify"]).output().unwrap();
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));

    let in_use = dir.path().join("remove.toml");
    std::fs::write(&in_use, "[remove]\nareas = [\"boende\"]\n").unwrap();
    let removed = nara(dir.path()).args(["setup", "--file"]).arg(&in_use).output().unwrap();
    assert!(
        removed.status.success(),
        "nothing uses the area yet: {}",
        String::from_utf8_lossy(&removed.stderr)
    );
    assert!(String::from_utf8_lossy(&removed.stdout).contains("0 created, 0 updated, 1 removed"));
}

on_both_backends!(two_administrators_adding_the_same_unit_at_once_get_one_unit, Migrated, |db| {
    let add = || {
        let db = db.clone();
        tokio::spawn(async move {
            let source =
                "[[units]]\nslug = \"ny\"\nname_sv = \"Ny\"\nname_en = \"New\"\nkind = \"service\"\n";
            let changes = nara::setup::Changes { new_only: true, ..file::parse(source).unwrap() };
            store::change(&db, &changes, &AuditActor::system(), None).await.unwrap()
        })
    };
    let (first, second) = (add(), add());
    let mut outcomes = vec![first.await.unwrap(), second.await.unwrap()];
    outcomes.sort_by_key(Result::is_ok);
    assert_eq!(outcomes[0], Err(Refusal::Taken { kind: Kind::Unit, slug: "ny".into() }), "{outcomes:?}");
    assert_eq!(outcomes[1].as_ref().map(Vec::len), Ok(1));
    assert_eq!(store::history(&db, "units", "ny").await.unwrap().len(), 1);
});

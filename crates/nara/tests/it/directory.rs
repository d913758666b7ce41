//! The directory of support on both databases: storage with versions, Swedish search through the
//! real index, "open now", the pages, open data read back by real parsers, and anonymous counts.

use crate::common;

use axum::http::StatusCode;
use chrono::{NaiveTime, Utc};
use common::app::TestApp;
use nara::db::{Db, UtcTime};
use nara::directory::hours::{Interval, OpeningHours};
use nara::directory::search::{Filters, SearchIndex, SearchRequest};
use nara::directory::{Entry, EntryKind, WayIn};
use nara::help_areas::HelpArea;
use uuid::Uuid;

fn entry(slug: &str, name: &str, description: &str) -> Entry {
    Entry {
        id: Uuid::new_v4(),
        slug: slug.into(),
        kind: EntryKind::Association,
        name: name.into(),
        description_sv: description.into(),
        description_en: None,
        areas: vec![],
        target_groups: vec![],
        age_min: None,
        age_max: None,
        languages: vec!["sv".into()],
        phone: Some("042-12 34 56".into()),
        email: None,
        website: None,
        street_address: Some("Storgatan 1".into()),
        postal_code: Some("252 21".into()),
        city: Some("Helsingborg".into()),
        hours: None,
        premises_accessibility: None,
        way_in: WayIn::DropIn,
        org_number: None,
        published: true,
        confirmed_at: UtcTime::now(),
        updated_at: UtcTime::now(),
    }
}

fn area(slug: &str, name: &str) -> HelpArea {
    HelpArea {
        slug: slug.into(),
        position: 1,
        name_sv: name.into(),
        name_en: name.into(),
        summary_sv: String::new(),
        summary_en: String::new(),
    }
}

/// The entries the search tests look for.
async fn directory(db: &Db) -> Vec<HelpArea> {
    nara::help_areas::store::upsert(db, &area("alkohol-droger-spel", "Alkohol, droger och spel"))
        .await
        .unwrap();
    nara::help_areas::store::upsert(db, &area("pengar-och-skulder", "Pengar och skulder")).await.unwrap();
    let mut treatment = entry(
        "mottagningen",
        "Mottagningen för alkohol och droger",
        "Samtal och behandling vid alkoholmissbruk. Vi har också missbruksvård för unga.",
    );
    treatment.kind = EntryKind::City;
    treatment.areas = vec!["alkohol-droger-spel".into()];
    treatment.languages = vec!["sv".into(), "ar".into()];
    nara::directory::store::save_entry(db, &treatment, None).await.unwrap();
    let mut debt = entry("skuldradgivning", "Budget- och skuldrådgivningen", "Råd om skulder och budget.");
    debt.kind = EntryKind::City;
    debt.areas = vec!["pengar-och-skulder".into()];
    nara::directory::store::save_entry(db, &debt, None).await.unwrap();
    nara::directory::store::save_entry(
        db,
        &entry("anhorigforeningen", "Anhörigföreningen", "Gemenskap för anhöriga."),
        None,
    )
    .await
    .unwrap();
    nara::directory::store::save_entry(
        db,
        &entry("faret", "Fårets vänner", "Vi klipper får på landet."),
        None,
    )
    .await
    .unwrap();
    nara::directory::store::save_entry(
        db,
        &entry("pappagruppen", "Pappagruppen", "Samtal för en far med små barn."),
        None,
    )
    .await
    .unwrap();
    nara::help_areas::store::list(db).await.unwrap().to_vec()
}

fn request(text: &str) -> SearchRequest {
    SearchRequest { text: text.into(), filters: Filters::default(), page: 1, now: Utc::now() }
}

async fn slugs(index: &SearchIndex, db: &Db, request: SearchRequest) -> Vec<String> {
    index.refresh(db, &nara::help_areas::store::list(db).await.unwrap()).await.unwrap();
    index.search(&request).unwrap().hits.into_iter().map(|h| h.shown.entry.slug.clone()).collect()
}

on_both_backends!(an_entry_keeps_every_version_and_its_referrals, Migrated, |db| {
    let mut first = entry("fontanhuset", "Fontänhuset", "Ett klubbhus.");
    first.hours = Some(OpeningHours::weekdays(
        NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
    ));
    first.org_number = Some("802412-3450".into());
    let editor = common::app::person(&db, "kerstin@example.se", "Kerstin Ali", &[]).await;
    nara::directory::store::save_entry(&db, &first, None).await.unwrap();
    let mut changed = first.clone();
    changed.description_sv = "Ett klubbhus för psykisk hälsa.".into();
    nara::directory::store::save_entry(&db, &changed, Some(editor)).await.unwrap();

    let stored = nara::directory::store::entry_by_slug(&db, "fontanhuset").await.unwrap().unwrap();
    assert_eq!(stored.description_sv, "Ett klubbhus för psykisk hälsa.");
    assert_eq!(stored.hours, first.hours, "opening hours survive the round trip");
    let versions = nara::directory::store::entry_versions(&db, first.id).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.version).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(versions[1].changed_by, Some(editor), "who made the change is kept");
    let old: Entry = serde_json::from_str(&versions[0].snapshot).unwrap();
    assert_eq!(old.description_sv, "Ett klubbhus.", "the earlier version is kept whole");
    assert_eq!(
        nara::directory::store::last_directory_change(&db).await.unwrap(),
        nara::directory::store::directory_changes_since(&db, 0, 10).await.unwrap().last().unwrap().0
    );

    let other = entry("anhorigstodet", "Anhörigstödet", "Stöd.");
    nara::directory::store::save_entry(&db, &other, None).await.unwrap();
    nara::directory::store::add_referral(&db, first.id, other.id, false, Some(editor)).await.unwrap();
    assert!(
        nara::directory::store::referrals_from(&db, first.id).await.unwrap().is_empty(),
        "a suggestion waits for staff"
    );
    nara::directory::store::add_referral(&db, first.id, other.id, true, None).await.unwrap();
    assert_eq!(nara::directory::store::referrals_from(&db, first.id).await.unwrap()[0].slug, "anhorigstodet");
    assert!(
        nara::directory::store::add_referral(&db, first.id, first.id, true, None).await.is_err(),
        "no entry refers to itself"
    );
});

on_both_backends!(swedish_search_finds_compounds_synonyms_and_typos, Migrated, |db| {
    directory(&db).await;
    let index = SearchIndex::in_memory().unwrap();
    // A compound word is found by its parts, at the end and at the start.
    assert_eq!(slugs(&index, &db, request("missbruk")).await, vec!["mottagningen"]);
    // Inflections share a stem.
    assert_eq!(slugs(&index, &db, request("skulderna")).await, vec!["skuldradgivning"]);
    // Synonyms, both ways: "beroende" finds missbruk, "närstående" finds anhöriga.
    assert_eq!(slugs(&index, &db, request("beroende")).await, vec!["mottagningen"]);
    assert_eq!(slugs(&index, &db, request("närstående")).await, vec!["anhorigforeningen"]);
    // A compound in the query finds the words written apart.
    assert_eq!(slugs(&index, &db, request("skuldbudget")).await, vec!["skuldradgivning"]);
    // One typo in a longer word.
    assert_eq!(slugs(&index, &db, request("skuldrådgivnngen")).await, vec!["skuldradgivning"]);
    // å/ä/ö are letters of their own: "får" (sheep) is not "far" (father).
    assert_eq!(slugs(&index, &db, request("får")).await, vec!["faret"]);
    assert_eq!(slugs(&index, &db, request("far")).await, vec!["pappagruppen"]);
    // Nothing: an empty list, not an error.
    assert!(slugs(&index, &db, request("xyzzy")).await.is_empty());
});

on_both_backends!(filters_narrow_and_fresh_entries_rank_first, Migrated, |db| {
    directory(&db).await;
    let index = SearchIndex::in_memory().unwrap();
    let mut by_area = request("");
    by_area.filters.area = Some("pengar-och-skulder".into());
    assert_eq!(slugs(&index, &db, by_area).await, vec!["skuldradgivning"]);
    let mut by_language = request("samtal");
    by_language.filters.language = Some("ar".into());
    assert_eq!(slugs(&index, &db, by_language).await, vec!["mottagningen"]);
    let mut by_kind = request("");
    by_kind.filters.kind = Some(EntryKind::City);
    let mut city = slugs(&index, &db, by_kind).await;
    city.sort();
    assert_eq!(city, vec!["mottagningen", "skuldradgivning"]);

    // Two entries alike but for when they were last confirmed: the fresh one ranks first.
    let mut old = entry("gammal", "Samtalsstöd", "Samtalsstöd för vuxna.");
    old.confirmed_at = UtcTime(Utc::now() - chrono::Duration::days(500));
    nara::directory::store::save_entry(&db, &old, None).await.unwrap();
    nara::directory::store::save_entry(&db, &entry("farsk", "Samtalsstöd", "Samtalsstöd för vuxna."), None)
        .await
        .unwrap();
    index.refresh(&db, &[]).await.unwrap();
    let results = index.search(&request("samtalsstöd")).unwrap();
    let order: Vec<&str> = results.hits.iter().map(|h| h.shown.entry.slug.as_str()).collect();
    assert_eq!(&order[..2], &["farsk", "gammal"]);
    assert!(results.hits[1].stale && !results.hits[0].stale);
});

on_both_backends!(open_now_follows_the_opening_hours, Migrated, |db| {
    let nine_to_five = OpeningHours::weekdays(
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
    );
    let mut day = entry("dagtid", "Dagverksamheten", "Stöd på dagen.");
    day.hours = Some(nine_to_five);
    nara::directory::store::save_entry(&db, &day, None).await.unwrap();
    let mut night = entry("natt", "Nattjouren", "Stöd på natten.");
    let mut night_hours = OpeningHours::default();
    for weekday in &mut night_hours.weekly {
        weekday.push(Interval::new(
            NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        ));
    }
    night.hours = Some(night_hours);
    nara::directory::store::save_entry(&db, &night, None).await.unwrap();
    nara::directory::store::save_entry(
        &db,
        &entry("okand", "Okända tider", "Stöd när som helst kanske."),
        None,
    )
    .await
    .unwrap();
    let index = SearchIndex::in_memory().unwrap();

    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc);
    let mut open = request("stöd");
    open.filters.open_now = true;
    // Wednesday 2 December 2026, 10:00 in Stockholm (09:00 UTC).
    open.now = at("2026-12-02T09:00:00Z");
    assert_eq!(slugs(&index, &db, open.clone()).await, vec!["dagtid"]);
    // 23:30 the same evening.
    open.now = at("2026-12-02T22:30:00Z");
    assert_eq!(slugs(&index, &db, open.clone()).await, vec!["natt"]);
    open.filters.open_now = false;
    assert_eq!(slugs(&index, &db, open).await.len(), 3, "without the filter, unknown hours are found too");
});

on_both_backends!(a_search_with_many_matches_says_more_than_it_counted, Migrated, |db| {
    directory(&db).await;
    let areas = nara::help_areas::store::list(&db).await.unwrap();
    // One more match than is counted, a few hundred of them (more than one ranking pool) in an area.
    let many = nara::directory::search::MAX_COUNTED + 1;
    let mut tx = db.begin().await.unwrap();
    for n in 0..many {
        let mut club = entry(&format!("klubb-{n}"), &format!("Gemenskapsklubben {n}"), "Gemenskap och fika.");
        if n % 4 == 0 {
            club.areas = vec!["pengar-och-skulder".into()];
        }
        nara::directory::store::write_entry(&mut tx, &club, None).await.unwrap();
    }
    tx.commit().await.unwrap();
    let index = SearchIndex::in_memory().unwrap();
    index.refresh(&db, &areas).await.unwrap();

    let all = index.search(&request("gemenskap")).unwrap();
    assert!(all.more, "more matches than are counted");
    assert_eq!((all.total, all.hits.len()), (nara::directory::search::MAX_COUNTED, 20));
    let mut in_area = request("gemenskap");
    in_area.filters.area = Some("pengar-och-skulder".into());
    let narrowed = index.search(&in_area).unwrap();
    assert_eq!((narrowed.total, narrowed.more), (many.div_ceil(4), false), "counted exactly below the cap");
    let few = index.search(&request("klipper")).unwrap();
    assert_eq!((few.total, few.more), (1, false));

    let app = TestApp::new(db.clone());
    let swedish = app.get("/sok?q=gemenskap", None).await;
    assert!(swedish.body.contains("Över 1\u{a0}000 träffar"), "the heading says more than it counted");
    assert!(swedish.body.contains("sida=2"), "and offers the next page");
    let english = app.get("/en/sok?q=gemenskap", None).await;
    assert!(english.body.contains("More than 1,000 results"));
    let last = app.get("/sok?q=gemenskap&sida=50", None).await;
    assert!(!last.body.contains("sida=51"), "the pages end where the count does");
    assert!(last.body.contains("sida=49\" rel=\"prev\"") && last.body.contains("<title>Sida 50 – "));
    assert!(
        last.body.contains("aria-label=\"Sidor med sökträffar\"") && !swedish.body.contains("<title>Sida")
    );
    let far = index.search(&SearchRequest { page: 10_000, ..request("gemenskap") }).unwrap();
    assert!(far.hits.is_empty() && far.more, "a page past the count, asked for by hand, shows nothing");
    let exact = app.get("/sok?q=gemenskap&omrade=pengar-och-skulder", None).await;
    assert!(exact.body.contains(&format!("{} träffar", many.div_ceil(4))), "an exact count below it");
});

on_both_backends!(a_search_that_matches_more_than_it_reads_chooses_among_the_freshest, Migrated, |db| {
    // 250 entries confirmed 0 to 249 days ago, and 10 that match far better, confirmed 300 days
    // ago (not stale: within a year).
    let mut tx = db.begin().await.unwrap();
    for n in 0..250 {
        let mut club = entry(&format!("klubb-{n}"), &format!("Klubben {n}"), "Gemenskap och fika.");
        club.confirmed_at = UtcTime(Utc::now() - chrono::Duration::days(n));
        nara::directory::store::write_entry(&mut tx, &club, None).await.unwrap();
    }
    for n in 0..10 {
        let mut best = entry(&format!("basta-{n}"), "Gemenskap", "Gemenskap, gemenskap och gemenskap.");
        best.confirmed_at = UtcTime(Utc::now() - chrono::Duration::days(300));
        nara::directory::store::write_entry(&mut tx, &best, None).await.unwrap();
    }
    tx.commit().await.unwrap();

    let whole = slugs(&SearchIndex::in_memory().unwrap(), &db, request("gemenskap")).await;
    assert!(
        whole[..10].iter().all(|s| s.starts_with("basta-")),
        "every match read: the best first: {whole:?}"
    );

    // Reading at most a page's worth of matches (the ranking pool, 200): the 200 freshest.
    let budgeted = SearchIndex::in_memory().unwrap().with_visit_budget(0);
    budgeted.refresh(&db, &[]).await.unwrap();
    let results = budgeted.search(&request("gemenskap")).unwrap();
    assert_eq!((results.total, results.more), (260, false), "every match is still counted");
    assert_eq!(results.hits.len(), 20);
    for hit in &results.hits {
        let age = Utc::now() - hit.shown.entry.confirmed_at.0;
        assert!(
            hit.shown.entry.slug.starts_with("klubb-") && age.num_days() < 200,
            "{}",
            hit.shown.entry.slug
        );
    }
});

on_both_backends!(freshness_reorders_the_best_matches_beyond_the_first_page, Migrated, |db| {
    // Equally relevant entries, all stale but the one written last: it ranks first.
    for n in 0..30 {
        let mut old = entry(&format!("gammal-{n}"), "Samtalsstöd", "Samtalsstöd för vuxna.");
        old.confirmed_at = UtcTime(Utc::now() - chrono::Duration::days(500));
        nara::directory::store::save_entry(&db, &old, None).await.unwrap();
    }
    nara::directory::store::save_entry(&db, &entry("farsk", "Samtalsstöd", "Samtalsstöd för vuxna."), None)
        .await
        .unwrap();
    // A stale entry that matches far better (the rare word too) stays above the fresh one.
    let mut best = entry("bast", "Samtalsstöd för unga", "Samtalsstöd för unga.");
    best.confirmed_at = UtcTime(Utc::now() - chrono::Duration::days(500));
    nara::directory::store::save_entry(&db, &best, None).await.unwrap();
    let index = SearchIndex::in_memory().unwrap();
    let found = slugs(&index, &db, request("samtalsstöd unga")).await;
    assert_eq!(&found[..2], &["bast", "farsk"]);
    let mut second = request("samtalsstöd unga");
    second.page = 2;
    let rest = slugs(&index, &db, second).await;
    assert_eq!(rest.len(), 12);
    assert!(!rest.contains(&"farsk".to_string()) && rest.iter().all(|s| s.starts_with("gammal-")));
});

on_both_backends!(open_now_reads_the_hours_the_index_holds, Migrated, |db| {
    let areas = directory(&db).await;
    let mut day = entry("dagtid", "Dagverksamheten", "Stöd på dagen.");
    day.areas = vec!["pengar-och-skulder".into()];
    day.hours = Some(OpeningHours::weekdays(
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
    ));
    nara::directory::store::save_entry(&db, &day, None).await.unwrap();
    let index = SearchIndex::in_memory().unwrap();
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc);
    // Browsing an area, open now, without words: Wednesday 2 December 2026, 23:30 in Stockholm.
    let mut open = request("");
    open.filters = Filters { area: Some("pengar-och-skulder".into()), open_now: true, ..Default::default() };
    open.now = at("2026-12-02T22:30:00Z");
    assert!(slugs(&index, &db, open.clone()).await.is_empty(), "closed in the evening");

    // The hours change to around the clock: the index holds the new hours after the change.
    day.hours = Some(OpeningHours { always: true, ..Default::default() });
    nara::directory::store::save_entry(&db, &day, None).await.unwrap();
    assert_eq!(slugs(&index, &db, open.clone()).await, vec!["dagtid"]);
    let results = index.search(&open).unwrap();
    assert_eq!((results.total, results.more), (1, false));
    index.rebuild(&db, &areas).await.unwrap();
    assert_eq!(slugs(&index, &db, open).await, vec!["dagtid"], "and after a rebuild");
});

on_both_backends!(open_now_decides_each_entry_by_its_own_hours_when_many_share_them, Migrated, |db| {
    directory(&db).await;
    let day_hours = OpeningHours::weekdays(
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
    );
    let night_hours = OpeningHours { always: true, ..Default::default() };
    // Entries with one of two schedules, and one with none, in turn: the index decides each
    // schedule once, and every entry must still get its own answer.
    for n in 0..9 {
        let mut place = entry(&format!("plats-{n}"), "Mötesplats", "Mötesplats för alla.");
        place.areas = vec!["pengar-och-skulder".into()];
        place.hours = match n % 3 {
            0 => Some(day_hours.clone()),
            1 => Some(night_hours.clone()),
            _ => None,
        };
        nara::directory::store::save_entry(&db, &place, None).await.unwrap();
    }
    let index = SearchIndex::in_memory().unwrap();
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc);
    let mut open = request("mötesplats");
    open.filters = Filters { open_now: true, ..Default::default() };
    let sorted = |mut found: Vec<String>| {
        found.sort();
        found
    };
    // Wednesday 2 December 2026, 23:30 and 12:00 in Stockholm.
    open.now = at("2026-12-02T22:30:00Z");
    assert_eq!(sorted(slugs(&index, &db, open.clone()).await), ["plats-1", "plats-4", "plats-7"]);
    open.now = at("2026-12-02T11:00:00Z");
    assert_eq!(
        sorted(slugs(&index, &db, open).await),
        ["plats-0", "plats-1", "plats-3", "plats-4", "plats-6", "plats-7"]
    );
});

on_both_backends!(every_index_sees_a_change_made_anywhere, Migrated, |db| {
    directory(&db).await;
    // Two indexes over one database, as two server processes have.
    let first = SearchIndex::in_memory().unwrap();
    let second = SearchIndex::in_memory().unwrap();
    assert_eq!(slugs(&first, &db, request("klubbhus")).await, Vec::<String>::new());
    assert_eq!(slugs(&second, &db, request("klubbhus")).await, Vec::<String>::new());

    let mut club = entry("klubbhuset", "Klubbhuset", "Ett klubbhus för gemenskap.");
    nara::directory::store::save_entry(&db, &club, None).await.unwrap();
    assert_eq!(slugs(&first, &db, request("klubbhus")).await, vec!["klubbhuset"]);
    assert_eq!(slugs(&second, &db, request("klubbhus")).await, vec!["klubbhuset"]);

    club.published = false;
    nara::directory::store::save_entry(&db, &club, None).await.unwrap();
    assert!(
        slugs(&first, &db, request("klubbhus")).await.is_empty(),
        "an unpublished entry leaves the index"
    );
    assert!(slugs(&second, &db, request("klubbhus")).await.is_empty());
    assert_eq!(first.applied(), nara::directory::store::last_directory_change(&db).await.unwrap());
});

on_both_backends!(an_index_on_disk_remembers_how_far_it_got, Migrated, |db| {
    directory(&db).await;
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(slugs(&index, &db, request("skulder")).await, vec!["skuldradgivning"]);
        assert!(SearchIndex::open(dir.path()).is_err(), "one writer per index directory");
    }
    nara::directory::store::save_entry(&db, &entry("ny", "Skuldfria", "Vi pratar om skulder."), None)
        .await
        .unwrap();
    let reopened = SearchIndex::open(dir.path()).unwrap();
    let before = reopened.applied();
    assert!(before > 0, "the position is kept in the index");
    let mut found = slugs(&reopened, &db, request("skulder")).await;
    found.sort();
    assert_eq!(found, vec!["ny", "skuldradgivning"], "only the change since is applied");
    assert_eq!(reopened.rebuild(&db, &[]).await.unwrap(), 6);
});

on_both_backends!(the_search_page_helps_even_when_nothing_is_found, Migrated, |db| {
    directory(&db).await;
    let mut contact = entry("kontaktcenter", "Stadens kontaktcenter", "Vi hjälper dig vidare.");
    contact.phone = Some("042-10 50 00".into());
    nara::directory::store::save_entry(&db, &contact, None).await.unwrap();
    let offer = nara::setup::Changes {
        contact: Some(Some(nara::setup::SearchContact::Entry("kontaktcenter".into()))),
        ..Default::default()
    };
    nara::setup::store::change(&db, &offer, &nara::audit::AuditActor::system(), None).await.unwrap().unwrap();
    let app = TestApp::new(db.clone());

    let found = app.get("/sok?q=missbruk", None).await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains("<mark>alkoholmissbruk</mark>"), "the match is highlighted");
    assert!(found.body.contains("href=\"/stod/mottagningen\""));
    assert!(found.body.contains("Öppettiderna är inte kända"));

    let english = app.get("/en/sok?q=skulder", None).await;
    assert!(english.body.contains("href=\"/en/stod/skuldradgivning\""));

    let nothing = app.get("/sok?q=Tandl%C3%A4kare%20%20p%C3%A5%20natten", None).await;
    assert_eq!(nothing.status, StatusCode::OK);
    assert!(nothing.body.contains("Vi hittade inget som passar"));
    assert!(nothing.body.contains("tel:+4642105000"), "the contact centre is offered");
    assert!(nothing.body.contains("href=\"/sok?omrade=pengar-och-skulder\""), "and the areas to browse");

    let bad = app.get("/sok?q=stod&omrade=finns-inte", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("Välj ett av alternativen i listan"));
    assert_eq!(app.get("/sok?q=stod&sida=noll", None).await.status, StatusCode::BAD_REQUEST);

    // Counted without anything that identifies the person: a day's number and the normalised words.
    app.state.usage.flush(&db).await.unwrap();
    let today = Utc::now().with_timezone(&chrono_tz::Europe::Stockholm).date_naive();
    let weeks = nara::directory::store::directory_counts_since(&db, today).await.unwrap();
    assert_eq!((weeks[0].searches, weeks[0].no_results), (3, 1));
    let missed =
        nara::directory::store::missed_queries(&db, &[nara::directory::iso_week(today)], 10).await.unwrap();
    assert_eq!(missed, vec![nara::directory::MissedQuery { query: "tandläkare på natten".into(), count: 1 }]);
});

on_both_backends!(an_entry_page_shows_the_facts_and_where_else_to_turn, Migrated, |db| {
    directory(&db).await;
    let mut club = entry("fontanhuset", "Fontänhuset", "Ett klubbhus </script> för psykisk hälsa.");
    club.hours = Some(OpeningHours { always: true, ..Default::default() });
    club.org_number = Some("802412-3450".into());
    nara::directory::store::save_entry(&db, &club, None).await.unwrap();
    let to = nara::directory::store::entry_by_slug(&db, "anhorigforeningen").await.unwrap().unwrap();
    nara::directory::store::add_referral(&db, club.id, to.id, true, None).await.unwrap();
    let app = TestApp::new(db.clone());

    let page = app.get("/stod/fontanhuset", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Fontänhuset</h1>"));
    assert!(page.body.contains("Öppet dygnet runt"));
    assert!(page.body.contains("Passar detta inte dig? Prova också"));
    assert!(page.body.contains("href=\"/stod/anhorigforeningen\""));
    let json_ld = page
        .body
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(json_ld).unwrap();
    assert_eq!(value["@type"], "Organization");
    assert_eq!(value["description"], "Ett klubbhus </script> för psykisk hälsa.");
    assert_eq!(value["address"]["addressLocality"], "Helsingborg");

    let mut hidden = entry("dold", "Dold", "Inte publicerad.");
    hidden.published = false;
    nara::directory::store::save_entry(&db, &hidden, None).await.unwrap();
    assert_eq!(app.get("/stod/dold", None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/stod/finns-inte", None).await.status, StatusCode::NOT_FOUND);
});

on_both_backends!(open_data_reads_back_as_json_and_csv, Migrated, |db| {
    directory(&db).await;
    for n in 0..101 {
        nara::directory::store::save_entry(
            &db,
            &entry(&format!("forening-{n:03}"), &format!("Förening {n:03}"), "Stöd."),
            None,
        )
        .await
        .unwrap();
    }
    let mut hidden = entry("dold", "Dold", "Inte publicerad.");
    hidden.published = false;
    nara::directory::store::save_entry(&db, &hidden, None).await.unwrap();
    let app = TestApp::new(db.clone());

    let first = app.get("/api/v1/organisations", None).await;
    assert_eq!(first.status, StatusCode::OK);
    let page: serde_json::Value = serde_json::from_str(&first.body).unwrap();
    assert_eq!(page["total"], 106);
    assert_eq!(page["organisations"].as_array().unwrap().len(), 100);
    assert_eq!(page["next"], "http://nara.example.se/api/v1/organisations?page=2");
    let second_page = app.get("/api/v1/organisations?page=2", None).await;
    let second: serde_json::Value = serde_json::from_str(&second_page.body).unwrap();
    assert_eq!(second["organisations"].as_array().unwrap().len(), 6);
    assert!(second["next"].is_null());
    assert!(!first.body.contains("Inte publicerad") && !second_page.body.contains("Inte publicerad"));
    assert_eq!(app.get("/api/v1/organisations?page=-1", None).await.status, StatusCode::BAD_REQUEST);

    let csv = app.get("/api/v1/organisations.csv", None).await;
    assert!(csv.headers[axum::http::header::CONTENT_TYPE].to_str().unwrap().starts_with("text/csv"));
    let text = csv.body.strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[1], "namn");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 106);
    let treatment = rows.iter().find(|r| &r[0] == "mottagningen").unwrap();
    assert_eq!(&treatment[5], "alkohol-droger-spel");
    assert_eq!(&treatment[7], "sv,ar");
});

on_both_backends!(an_index_made_from_another_database_is_rebuilt, Migrated, |db| {
    let dir = tempfile::tempdir().unwrap();
    {
        // An index made from a different database (another demo run, a restored backup).
        let other_db = common::TestDb::sqlite(common::Schema::Migrated).await;
        let other = other_db.db.clone();
        directory(&other).await;
        let index = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(slugs(&index, &other, request("skulder")).await, vec!["skuldradgivning"]);
    }
    nara::directory::store::save_entry(&db, &entry("egen", "Egen förening", "Vi pratar om skulder."), None)
        .await
        .unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(slugs(&index, &db, request("skulder")).await, vec!["egen"], "nothing from the other database");
});

/// A staff member and a person who will represent an association.
async fn stewards(db: &Db) -> (String, String, Uuid) {
    use nara::identity::{Role, RoleGrant};
    let unit = nara::identity::store::upsert_unit(db, "kvalitet", "Kvalitet och utveckling", "Quality")
        .await
        .unwrap();
    let staff = common::app::person(
        db,
        "personal@example.se",
        "Maria Holm",
        &[RoleGrant { role: Role::Staff, unit_id: Some(unit) }],
    )
    .await;
    let rep = common::app::person(db, "kerstin@example.se", "Kerstin Ali", &[]).await;
    (
        nara::sessions::store::start_session(db, staff).await.unwrap(),
        nara::sessions::store::start_session(db, rep).await.unwrap(),
        rep,
    )
}

pub(crate) fn association(slug: &str) -> Entry {
    let mut club = entry(slug, "Fontänhuset", "Ett klubbhus för psykisk hälsa.");
    club.org_number = Some("802412-3450".into());
    club.areas = vec!["pengar-och-skulder".into()];
    club
}

/// The form as the edit page would post it for `entry`, with `changes` on top.
pub(crate) fn posted(entry: &Entry, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let form = nara::directory::form::EntryForm::from_entry(entry);
    let mut pairs = vec![
        ("namn", form.name),
        ("typ", form.kind),
        ("orgnr", form.org_number),
        ("beskrivning", form.description_sv),
        ("telefon", form.phone),
        ("vag_in", form.way_in),
        ("tider_1", form.days[0].clone()),
    ];
    pairs.extend(form.areas.into_iter().map(|a| ("omrade", a)));
    let mut pairs: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for (key, value) in changes {
        pairs.retain(|(k, _)| k != key);
        pairs.push((key.to_string(), value.to_string()));
    }
    pairs
}

async fn post_pairs(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
    token: &str,
) -> common::app::Answer {
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post(path, &borrowed, Some(token)).await
}

on_both_backends!(an_association_keeps_its_entry_up_to_date_and_staff_review_key_facts, Migrated, |db| {
    directory(&db).await;
    let club = association("fontanhuset");
    nara::directory::store::save_entry(&db, &club, None).await.unwrap();
    let (staff, rep, rep_id) = stewards(&db).await;
    let app = TestApp::new(db.clone());

    // Not yet a representative: the edit page is refused, and the refusal is audited.
    assert_eq!(app.get("/forening/fontanhuset/redigera", Some(&rep)).await.status, StatusCode::FORBIDDEN);
    let denied = nara::audit::store::search(
        &db,
        &nara::audit::AuditFilter { action: Some("access_denied".into()), ..Default::default() },
        10,
    )
    .await
    .unwrap();
    assert_eq!(denied.len(), 1);

    // Ask, and staff approve.
    let asked = app.post("/stod/fontanhuset/foretrada", &[("note", "Ordförande")], Some(&rep)).await;
    assert_eq!(asked.location(), "/forening?sparad=requested");
    assert!(app.get("/forening", Some(&rep)).await.body.contains("Väntar på att staden godkänner"));
    let waiting = nara::directory::store::pending_representations(&db).await.unwrap();
    assert_eq!(
        (waiting[0].person_name.as_str(), waiting[0].note.as_deref()),
        ("Kerstin Ali", Some("Ordförande"))
    );
    assert!(app.get("/personal/katalog", Some(&staff)).await.body.contains("Ordförande"));
    app.post(&format!("/personal/katalog/foretradare/{}/godkann", waiting[0].id), &[], Some(&staff)).await;
    assert_eq!(
        nara::directory::store::representation(&db, club.id, rep_id).await.unwrap().as_deref(),
        Some("approved")
    );

    // A new phone number is published at once.
    let edit = app.get("/forening/fontanhuset/redigera", Some(&rep)).await;
    assert_eq!(edit.status, StatusCode::OK);
    let saved = post_pairs(
        &app,
        "/forening/fontanhuset/redigera",
        &posted(&club, &[("telefon", "042-99 99 99")]),
        &rep,
    )
    .await;
    assert_eq!(saved.location(), "/forening?sparad=saved");
    assert_eq!(
        nara::directory::store::entry_by_slug(&db, "fontanhuset").await.unwrap().unwrap().phone.as_deref(),
        Some("042-99 99 99")
    );

    // A new description waits for staff; the public page keeps the old one until then.
    let current = nara::directory::store::entry_by_slug(&db, "fontanhuset").await.unwrap().unwrap();
    let proposal = posted(
        &current,
        &[("beskrivning", "Ett klubbhus där medlemmar arbetar tillsammans."), ("telefon", "042-11 11 11")],
    );
    assert_eq!(
        post_pairs(&app, "/forening/fontanhuset/redigera", &proposal, &rep).await.location(),
        "/forening?sparad=review"
    );
    let public = app.get("/stod/fontanhuset", None).await.body;
    assert!(public.contains("Ett klubbhus för psykisk hälsa.") && public.contains("042-11 11 11"));
    let changes = nara::directory::store::pending_changes(&db).await.unwrap();
    assert_eq!(changes.len(), 1);
    app.post(&format!("/personal/katalog/andringar/{}/godkann", changes[0].0.id), &[], Some(&staff)).await;
    let published = nara::directory::store::entry_by_slug(&db, "fontanhuset").await.unwrap().unwrap();
    assert_eq!(published.description_sv, "Ett klubbhus där medlemmar arbetar tillsammans.");
    let versions = nara::directory::store::entry_versions(&db, club.id).await.unwrap();
    assert_eq!(versions.last().unwrap().changed_by, Some(rep_id), "the proposer is recorded as the author");
    assert_eq!(versions.len(), 4);

    // Confirming without changes renews the date; a bad form keeps what was typed and names the field.
    let before = published.confirmed_at;
    app.post("/forening/fontanhuset/bekrafta", &[], Some(&rep)).await;
    assert!(
        nara::directory::store::entry_by_slug(&db, "fontanhuset").await.unwrap().unwrap().confirmed_at
            > before
    );
    let bad = post_pairs(
        &app,
        "/forening/fontanhuset/redigera",
        &posted(&published, &[("orgnr", "802412-3451"), ("tider_1", "hela dagen")]),
        &rep,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#orgnr\"") && bad.body.contains("href=\"#tider_1\""));
    assert!(bad.body.contains("value=\"hela dagen\""), "nothing typed is lost");
});

on_both_backends!(a_new_association_is_published_when_staff_approve_it, Migrated, |db| {
    directory(&db).await;
    let (staff, rep, _) = stewards(&db).await;
    let app = TestApp::new(db.clone());
    let fresh = Entry { hours: None, ..association("") };
    let mut form =
        posted(&fresh, &[("namn", "Språkcafé Gemenskap"), ("beskrivning", "Vi pratar svenska och fikar.")]);
    form.push(("malgrupp".into(), "nyanlanda".into()));
    let answer = post_pairs(&app, "/forening/ny", &form, &rep).await;
    assert_eq!(answer.location(), "/forening?sparad=registered");
    assert_eq!(
        app.get("/stod/sprakcafe-gemenskap", None).await.status,
        StatusCode::NOT_FOUND,
        "not public before approval"
    );
    // The same search before and after: what a search found is remembered, and must not outlive
    // the change.
    let search = "/sok?q=spr%C3%A5kcaf%C3%A9";
    assert!(!app.get(search, None).await.body.contains("href=\"/stod/sprakcafe-gemenskap\""));
    let waiting = nara::directory::store::pending_representations(&db).await.unwrap();
    app.post(&format!("/personal/katalog/foretradare/{}/godkann", waiting[0].id), &[], Some(&staff)).await;
    assert_eq!(app.get("/stod/sprakcafe-gemenskap", None).await.status, StatusCode::OK);
    assert!(app.get(search, None).await.body.contains("href=\"/stod/sprakcafe-gemenskap\""));
});

on_both_backends!(those_who_keep_an_entry_are_reminded_to_confirm_it, Migrated, |db| {
    let (_, rep, rep_id) = stewards(&db).await;
    let _ = rep;
    let mut old = association("gammal");
    old.confirmed_at = UtcTime(Utc::now() - chrono::Duration::days(340));
    nara::directory::store::save_entry(&db, &old, None).await.unwrap();
    nara::directory::store::save_entry(&db, &association("farsk"), None).await.unwrap();
    {
        let mut tx = db.begin_write().await.unwrap();
        nara::directory::store::request_representation(&mut tx, old.id, rep_id, None).await.unwrap();
        tx.commit().await.unwrap();
    }
    let waiting = nara::directory::store::pending_representations(&db).await.unwrap();
    {
        let mut tx = db.begin_write().await.unwrap();
        nara::directory::store::decide_representation(&mut tx, waiting[0].id, true, rep_id).await.unwrap();
        tx.commit().await.unwrap();
    }

    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base = url::Url::parse("http://nara.example.se/").unwrap();
    let round = nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap();
    assert_eq!(round.confirmation_reminders, 1, "only the entry near a year old");
    let mail = nara::mail::store::outbox(&db).await.unwrap();
    assert!(mail.iter().any(|m| m.to_address == "kerstin@example.se" && m.subject.contains("Fontänhuset")));
    assert_eq!(
        nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap().confirmation_reminders,
        0,
        "once a month"
    );
});

on_both_backends!(a_csv_import_is_all_or_nothing_unless_valid_rows_are_chosen, Migrated, |db| {
    directory(&db).await;
    let (staff, rep, _) = stewards(&db).await;
    let app = TestApp::new(db.clone());
    let file = "namn;beskrivning;omraden;telefon;organisationsnummer\n\
                Idrottsföreningen Kullen;Fotboll och innebandy för alla åldrar;pengar-och-skulder;042-11 22 33;802412-3450\n\
                ;Saknar namn;pengar-och-skulder;042-11 22 33;802412-3450\n";
    let before = nara::directory::store::count_published_entries(&db).await.unwrap();

    assert_eq!(
        app.post_multipart(
            "/personal/katalog/import",
            &[("fil", Some("a.csv"), file.as_bytes())],
            Some(&rep)
        )
        .await
        .status,
        StatusCode::FORBIDDEN,
        "staff only"
    );
    let refused = app
        .post_multipart("/personal/katalog/import", &[("fil", Some("a.csv"), file.as_bytes())], Some(&staff))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("<th scope=\"row\">3</th>")
            && refused.body.contains("Skriv verksamhetens namn")
    );
    assert!(refused.body.contains("Ingenting har sparats"));
    assert_eq!(
        nara::directory::store::count_published_entries(&db).await.unwrap(),
        before,
        "nothing written"
    );

    let chosen = app
        .post_multipart(
            "/personal/katalog/import",
            &[("fil", Some("a.csv"), file.as_bytes()), ("bara_giltiga", None, b"1")],
            Some(&staff),
        )
        .await;
    assert_eq!(chosen.status, StatusCode::OK);
    assert!(chosen.body.contains("En post är importerad"));
    assert_eq!(nara::directory::store::count_published_entries(&db).await.unwrap(), before + 1);
    assert!(app.get("/sok?q=innebandy", None).await.body.contains("href=\"/stod/idrottsforeningen-kullen\""));

    let unreadable = app
        .post_multipart(
            "/personal/katalog/import",
            &[("fil", Some("a.csv"), b"namn;telefon\nA;1")],
            Some(&staff),
        )
        .await;
    assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unreadable.body.contains("Första raden måste namnge kolumnerna"));
});

on_both_backends!(referrals_are_suggested_by_associations_and_published_by_staff, Migrated, |db| {
    directory(&db).await;
    let club = association("fontanhuset");
    nara::directory::store::save_entry(&db, &club, None).await.unwrap();
    let (staff, rep, rep_id) = stewards(&db).await;
    {
        let mut tx = db.begin_write().await.unwrap();
        nara::directory::store::request_representation(&mut tx, club.id, rep_id, None).await.unwrap();
        tx.commit().await.unwrap();
    }
    let request = nara::directory::store::pending_representations(&db).await.unwrap().remove(0);
    {
        let mut tx = db.begin_write().await.unwrap();
        nara::directory::store::decide_representation(&mut tx, request.id, true, rep_id).await.unwrap();
        tx.commit().await.unwrap();
    }
    let app = TestApp::new(db.clone());

    let missing =
        app.post("/forening/fontanhuset/hanvisning", &[("till", "/stod/finns-inte")], Some(&rep)).await;
    assert!(missing.location().ends_with("hanvisning=saknas#till"));
    assert!(
        app.get("/forening/fontanhuset/redigera?hanvisning=saknas", Some(&rep))
            .await
            .body
            .contains("Vi hittade inget stöd med den adressen")
    );

    let suggested = app
        .post(
            "/forening/fontanhuset/hanvisning",
            &[("till", "http://nara.example.se/stod/anhorigforeningen/")],
            Some(&rep),
        )
        .await;
    assert_eq!(suggested.location(), "/forening?sparad=referral-review");
    assert!(
        !app.get("/stod/fontanhuset", None).await.body.contains("href=\"/stod/anhorigforeningen\""),
        "waits for staff"
    );
    let waiting = nara::directory::store::pending_referrals(&db).await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert!(
        app.get("/personal/katalog", Some(&staff)).await.body.contains("Fontänhuset → Anhörigföreningen")
    );
    app.post(
        &format!("/personal/katalog/hanvisningar/{}/{}/godkann", waiting[0].0, waiting[0].3),
        &[],
        Some(&staff),
    )
    .await;
    assert!(app.get("/stod/fontanhuset", None).await.body.contains("href=\"/stod/anhorigforeningen\""));

    // Staff refer directly; someone who does not represent the entry cannot.
    let direct =
        app.post("/forening/fontanhuset/hanvisning", &[("till", "skuldradgivning")], Some(&staff)).await;
    assert_eq!(direct.location(), "/forening?sparad=referral");
    assert_eq!(nara::directory::store::referrals_from(&db, club.id).await.unwrap().len(), 2);
    let stranger = nara::sessions::store::start_session(
        &db,
        common::app::person(&db, "annan@example.se", "Annan", &[]).await,
    )
    .await
    .unwrap();
    assert_eq!(
        app.post("/forening/fontanhuset/hanvisning", &[("till", "mottagningen")], Some(&stranger))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
});

on_both_backends!(the_entry_form_shows_plain_language_hints_for_the_saved_description, Migrated, |db| {
    directory(&db).await;
    let club = association("fontanhuset");
    nara::directory::store::save_entry(&db, &club, None).await.unwrap();
    let (staff, _, _) = stewards(&db).await;
    let app = TestApp::new(db.clone());
    let hint = "”erhålla”: skriv hellre ”få”";
    let before = app.get("/forening/fontanhuset/redigera", Some(&staff)).await.body;
    assert!(before.contains("id=\"beskrivning-klarsprak\"") && !before.contains(hint), "{before}");
    let text = "Hos oss kan du erhålla stöd varje vecka.";
    let saved =
        post_pairs(&app, "/forening/fontanhuset/redigera", &posted(&club, &[("beskrivning", text)]), &staff)
            .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "the hints never block saving: {}", saved.body);
    let form = app.get("/forening/fontanhuset/redigera", Some(&staff)).await.body;
    assert!(form.contains(hint) && form.contains("LIX "), "{form}");
    assert!(form.contains("data-klarsprak-for=\"beskrivning\"") && form.contains("/klarsprak.js\""));

    // The hints follow the word list staff manage: a pair added there shows at once.
    assert!(!form.contains("”vecka”"), "{form}");
    let mut tx = db.begin_write().await.unwrap();
    nara::plain_language::word_list::store::save(&mut tx, None, "vecka", "sju dagar", None)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    let form = app.get("/forening/fontanhuset/redigera", Some(&staff)).await.body;
    assert!(form.contains("”vecka”: skriv hellre ”sju dagar”"), "{form}");
});

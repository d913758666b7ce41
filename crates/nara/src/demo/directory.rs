//! Demo entries for the directory: the city's own services, associations and the region, in the
//! spirit of the seeds (a contact centre as the way in, the clubhouse Fontänhuset, support for
//! relatives, debt advice). Names of associations are real kinds of organisations; the details
//! (addresses, numbers) are made up.

use chrono::NaiveTime;
use uuid::Uuid;

use crate::db::{Db, UtcTime};
use crate::directory::hours::{Exception, Interval, OpeningHours};
use crate::directory::{Entry, EntryKind, WayIn, store};

fn t(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN)
}

/// Office hours with the coming Christmas and New Year holidays.
fn office(opens: NaiveTime, closes: NaiveTime) -> OpeningHours {
    let mut hours = OpeningHours::weekdays(opens, closes);
    let year = chrono::Utc::now().date_naive().format("%Y").to_string().parse().unwrap_or(2026);
    for (month, day, note) in
        [(12, 24, "Julafton"), (12, 25, "Juldagen"), (12, 26, "Annandag jul"), (12, 31, "Nyårsafton")]
    {
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(year, month, day) {
            hours.exceptions.push(Exception { date, intervals: Vec::new(), note: Some(note.into()) });
        }
    }
    hours
}

struct Demo {
    slug: &'static str,
    kind: EntryKind,
    name: &'static str,
    sv: &'static str,
    en: &'static str,
    areas: &'static [&'static str],
    groups: &'static [&'static str],
    languages: &'static [&'static str],
    phone: Option<&'static str>,
    email: Option<&'static str>,
    website: Option<&'static str>,
    street: Option<&'static str>,
    hours: Option<OpeningHours>,
    premises: Option<&'static str>,
    way_in: WayIn,
    org_number: Option<&'static str>,
    /// How many days ago the facts were confirmed.
    confirmed_days_ago: i64,
}

fn demos() -> Vec<Demo> {
    let evenings = {
        let mut hours = OpeningHours::default();
        hours.weekly[1].push(Interval::new(t(17, 0), t(20, 0)));
        hours.weekly[3].push(Interval::new(t(17, 0), t(20, 0)));
        hours.weekly[5].push(Interval::new(t(11, 0), t(14, 0)));
        hours
    };
    vec![
        Demo {
            slug: "kontaktcenter",
            kind: EntryKind::City,
            name: "Stadens kontaktcenter",
            sv: "Hit kan du ringa, mejla eller komma när du inte vet vart du ska vända dig. Vi lyssnar på vad du behöver och hjälper dig vidare till rätt stöd i staden, i regionen eller hos en förening.",
            en: "Call, e-mail or visit us when you do not know where to turn. We listen to what you need and help you on to the right support in the city, the region or an association.",
            areas: &[
                "pengar-och-skulder",
                "boende",
                "barn-och-familj",
                "stod-till-anhoriga",
                "ensamhet-och-gemenskap",
            ],
            groups: &["vuxna", "unga", "aldre"],
            languages: &["sv", "en", "ar", "so", "fa"],
            phone: Some("042-10 50 00"),
            email: Some("kontaktcenter@demo.nara.se"),
            website: None,
            street: Some("Drottninggatan 2"),
            hours: Some(office(t(8, 0), t(17, 0))),
            premises: Some("Entré i gatuplan med automatisk dörr. Hörslinga i receptionen."),
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 20,
        },
        Demo {
            slug: "socialjouren",
            kind: EntryKind::City,
            name: "Socialjouren",
            sv: "Akut hjälp från socialtjänsten när det inte kan vänta, till exempel om ett barn far illa eller om du utsätts för våld. Öppet dygnet runt via telefon.",
            en: "Urgent help from the social services when it cannot wait, for example if a child is at risk or you are exposed to violence. Open around the clock by phone.",
            areas: &["vald-i-nara-relationer", "barn-och-familj", "boende"],
            groups: &["barn", "unga", "vuxna"],
            languages: &["sv", "en"],
            phone: Some("042-10 60 00"),
            email: None,
            website: None,
            street: None,
            hours: Some(OpeningHours { always: true, ..Default::default() }),
            premises: None,
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 40,
        },
        Demo {
            slug: "mottagningen-beroende",
            kind: EntryKind::City,
            name: "Mottagningen för alkohol, droger och spel",
            sv: "Samtal och behandling för dig som vill ändra hur du dricker, använder droger eller spelar. Vi hjälper också när någon i familjen dricker för mycket. Du behöver ingen remiss.",
            en: "Talks and treatment if you want to change your drinking, drug use or gambling. We also help when there is alcohol abuse in the family. No referral is needed.",
            areas: &["alkohol-droger-spel", "stod-till-anhoriga"],
            groups: &["vuxna", "unga", "anhoriga"],
            languages: &["sv", "en", "ar"],
            phone: Some("042-10 51 20"),
            email: Some("beroende@demo.nara.se"),
            website: None,
            street: Some("Södra Storgatan 31"),
            hours: Some(office(t(8, 0), t(16, 30))),
            premises: Some("Hiss till tredje våningen. Tillgänglig toalett."),
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 60,
        },
        Demo {
            slug: "budget-och-skuldradgivning",
            kind: EntryKind::City,
            name: "Budget- och skuldrådgivningen",
            sv: "Gratis råd om budget och skulder. Vi hjälper dig att få överblick, prata med inkasso och Kronofogden och ansöka om skuldsanering.",
            en: "Free advice on budgets and debt. We help you get an overview, talk to debt collectors and the Enforcement Authority, and apply for debt relief.",
            areas: &["pengar-och-skulder"],
            groups: &["vuxna", "unga"],
            languages: &["sv", "en", "pl"],
            phone: Some("042-10 52 40"),
            email: Some("skuldradgivning@demo.nara.se"),
            website: None,
            street: Some("Drottninggatan 2"),
            hours: Some(office(t(9, 0), t(15, 0))),
            premises: Some("Entré i gatuplan med automatisk dörr."),
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 100,
        },
        Demo {
            slug: "relationsvaldsteamet",
            kind: EntryKind::City,
            name: "Relationsvåldsteamet",
            sv: "Stöd och skydd för dig som utsätts för våld, hot eller kontroll av en partner eller någon i familjen. Vi hjälper också barn som har sett våld, och den som utövar våld och vill sluta.",
            en: "Support and protection if a partner or family member uses violence, threats or control against you. We also help children who have seen violence, and people who use violence and want to stop.",
            areas: &["vald-i-nara-relationer", "barn-och-familj"],
            groups: &["vuxna", "barn", "kvinnor", "man", "hbtqi"],
            languages: &["sv", "en", "ar", "fa", "ti"],
            phone: Some("042-10 53 00"),
            email: None,
            website: None,
            street: None,
            hours: Some(office(t(8, 0), t(16, 30))),
            premises: None,
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 30,
        },
        Demo {
            slug: "anhorigstodet",
            kind: EntryKind::City,
            name: "Anhörigstödet",
            sv: "För dig som hjälper eller oroar dig för en närstående. Enskilda samtal, stödgrupper och avlösning så att du får tid för dig själv.",
            en: "For you who help or worry about someone close to you. One-to-one talks, support groups and respite so you get time for yourself.",
            areas: &["stod-till-anhoriga", "psykisk-halsa"],
            groups: &["anhoriga", "vuxna", "aldre"],
            languages: &["sv", "en", "bs"],
            phone: Some("042-10 54 10"),
            email: Some("anhorigstod@demo.nara.se"),
            website: None,
            street: Some("Bergaliden 12"),
            hours: Some(office(t(8, 0), t(16, 0))),
            premises: Some("Entré i gatuplan. Parkering för rörelsehindrade vid entrén."),
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 200,
        },
        Demo {
            slug: "familjestodet",
            kind: EntryKind::City,
            name: "Familjestödet",
            sv: "Samtal för föräldrar, barn och unga när det är svårt hemma. Föräldrakurser och stöd vid separation.",
            en: "Talks for parents, children and young people when things are hard at home. Parenting courses and support during separation.",
            areas: &["barn-och-familj"],
            groups: &["foraldrar", "barn", "unga"],
            languages: &["sv", "en", "ar", "so"],
            phone: Some("042-10 55 50"),
            email: Some("familjestod@demo.nara.se"),
            website: None,
            street: Some("Furutorpsgatan 8"),
            hours: Some(office(t(8, 0), t(17, 0))),
            premises: Some("Lekhörna och skötrum. Hiss finns."),
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 90,
        },
        Demo {
            slug: "fontanhuset",
            kind: EntryKind::Association,
            name: "Fontänhuset",
            sv: "Ett klubbhus för dig som har eller har haft psykisk ohälsa. Här arbetar medlemmar och handledare tillsammans i köket, caféet och kontoret, och du får stöd till arbete och studier. Medlemskapet är gratis.",
            en: "A clubhouse for people who live or have lived with mental ill health. Members and staff work side by side in the kitchen, café and office, with support towards work and studies. Membership is free.",
            areas: &["psykisk-halsa", "arbete-och-sysselsattning", "ensamhet-och-gemenskap"],
            groups: &["vuxna"],
            languages: &["sv", "en"],
            phone: Some("042-12 34 56"),
            email: Some("info@fontanhuset.demo.nara.se"),
            website: Some("https://fontanhuset.demo.nara.se/"),
            street: Some("Kullagatan 40"),
            hours: Some(office(t(8, 30), t(16, 0))),
            premises: Some("Trappa vid entrén, ramp på baksidan."),
            way_in: WayIn::DropIn,
            org_number: Some("802412-3450"),
            confirmed_days_ago: 45,
        },
        Demo {
            slug: "kvinnojouren",
            kind: EntryKind::Association,
            name: "Kvinnojouren Frida",
            sv: "En ideell förening som stöttar kvinnor och unga som utsätts för våld och hot. Du kan få samtal, hjälp med kontakten med myndigheter och ett skyddat boende. Alla som arbetar här har tystnadsplikt.",
            en: "A voluntary association supporting women and young people exposed to violence and threats. Support talks, help with the authorities and sheltered housing. Everyone who works here is bound by confidentiality.",
            areas: &["vald-i-nara-relationer", "boende"],
            groups: &["kvinnor", "unga"],
            languages: &["sv", "en", "ar", "fa", "so"],
            phone: Some("042-12 00 11"),
            email: Some("stod@kvinnojouren.demo.nara.se"),
            website: None,
            street: None,
            hours: Some(evenings.clone()),
            premises: None,
            way_in: WayIn::DropIn,
            org_number: Some("802498-7656"),
            confirmed_days_ago: 120,
        },
        Demo {
            slug: "lankarna",
            kind: EntryKind::Association,
            name: "Länkföreningen Ankaret",
            sv: "Stöd från andra som har varit där, för dig som vill bli fri från alkohol eller droger. Vi har samtalsgrupper, gemenskap och aktiviteter utan droger. Anhöriga är också välkomna.",
            en: "Peer support if you want to be free from dependence on alcohol or drugs. Talk groups, community and drug-free activities. Relatives are welcome.",
            areas: &["alkohol-droger-spel", "ensamhet-och-gemenskap"],
            groups: &["vuxna", "anhoriga"],
            languages: &["sv"],
            phone: Some("042-13 57 90"),
            email: Some("ankaret@demo.nara.se"),
            website: None,
            street: Some("Hälsovägen 5"),
            hours: Some(evenings),
            premises: Some("Lokalen ligger i källaren, ingen hiss."),
            way_in: WayIn::DropIn,
            org_number: Some("802456-1238"),
            confirmed_days_ago: 430,
        },
        Demo {
            slug: "maskrosbarn",
            kind: EntryKind::Association,
            name: "Maskrosbarn",
            sv: "Stöd för unga som har en förälder med missbruk, psykisk ohälsa eller som utövar våld. Stödsamtal, läger och en chatt där du kan vara anonym.",
            en: "Support for young people with a parent who has an addiction or mental ill health, or who uses violence. Support talks, camps and a chat where you can stay anonymous.",
            areas: &["barn-och-familj", "alkohol-droger-spel", "psykisk-halsa"],
            groups: &["unga", "barn"],
            languages: &["sv", "en"],
            phone: None,
            email: Some("stod@maskrosbarn.demo.nara.se"),
            website: Some("https://maskrosbarn.demo.nara.se/"),
            street: None,
            hours: None,
            premises: None,
            way_in: WayIn::DropIn,
            org_number: Some("802411-2230"),
            confirmed_days_ago: 75,
        },
        Demo {
            slug: "fritidsbanken",
            kind: EntryKind::Other,
            name: "Fritidsbanken",
            sv: "Låna sport- och fritidsutrustning gratis i upp till 14 dagar: skridskor, cyklar, tält och mycket mer. Ingen kostnad och inget medlemskap.",
            en: "Borrow sports and leisure equipment for free for up to 14 days: skates, bikes, tents and much more. No cost and no membership.",
            areas: &["fritid"],
            groups: &["barn", "unga", "vuxna", "aldre"],
            languages: &["sv", "en", "ar", "uk"],
            phone: Some("042-10 59 90"),
            email: None,
            website: None,
            street: Some("Mörsaregatan 4"),
            hours: Some(evenings_and_saturday()),
            premises: Some("Entré i gatuplan."),
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 15,
        },
        Demo {
            slug: "beroendemottagningen-regionen",
            kind: EntryKind::Region,
            name: "Beroendemottagningen, Region Skåne",
            sv: "Regionens vård för dig som är beroende av alkohol, narkotika, läkemedel eller spel. Här får du hjälp med abstinens och medicin. Du kan söka själv eller få en remiss från vårdcentralen.",
            en: "The region's specialist care for dependence on alcohol, drugs, medicines and gambling. Withdrawal treatment and medication. You can contact them yourself or be referred by your health centre.",
            areas: &["alkohol-droger-spel", "psykisk-halsa"],
            groups: &["vuxna"],
            languages: &["sv", "en"],
            phone: Some("042-406 00 00"),
            email: None,
            website: Some("https://www.1177.se/"),
            street: Some("Bryggaregatan 10"),
            hours: Some(office(t(8, 0), t(16, 0))),
            premises: Some("Hiss och tillgänglig toalett."),
            way_in: WayIn::Referral,
            org_number: None,
            confirmed_days_ago: 180,
        },
        Demo {
            slug: "harbarget",
            kind: EntryKind::City,
            name: "Natthärbärget Gläntan",
            sv: "Tak över huvudet i natt när du inte har någonstans att sova. Säng, dusch, kvällsmat och frukost. Kom direkt, ingen anmälan behövs. Dagen efter hjälper personalen dig vidare till socialtjänsten.",
            en: "A roof over your head tonight when you have nowhere to sleep. A bed, a shower, supper and breakfast. Just come, no registration needed. The next day staff help you on to the social services.",
            areas: &["boende"],
            groups: &["vuxna"],
            languages: &["sv", "en", "pl"],
            phone: Some("042-10 57 70"),
            email: None,
            website: None,
            street: Some("Västra Sandgatan 9"),
            hours: Some(nights(t(20, 0), t(9, 0))),
            premises: Some("Entré i gatuplan. Ett rum anpassat för rullstol."),
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 25,
        },
        Demo {
            slug: "bostadsteamet",
            kind: EntryKind::City,
            name: "Bostadsteamet",
            sv: "Stöd om du riskerar att bli av med din bostad, till exempel för att hyran inte är betald eller hyresvärden har sagt upp kontraktet. Vi kontaktar hyresvärden, hjälper dig med en plan för hyresskulden och med att söka ny bostad om du har blivit vräkt.",
            en: "Support if you risk losing your home, for example because the rent is unpaid or the landlord has terminated the lease. We contact the landlord, help you plan how to pay the rent arrears and look for a new home if you have been evicted.",
            areas: &["boende", "pengar-och-skulder"],
            groups: &["vuxna", "foraldrar"],
            languages: &["sv", "en", "ar", "so"],
            phone: Some("042-10 56 60"),
            email: Some("bostadsteamet@demo.nara.se"),
            website: None,
            street: Some("Drottninggatan 2"),
            hours: Some(office(t(8, 0), t(16, 30))),
            premises: Some("Entré i gatuplan med automatisk dörr."),
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 50,
        },
        Demo {
            slug: "ekonomiskt-bistand",
            kind: EntryKind::City,
            name: "Ekonomiskt bistånd",
            sv: "Försörjningsstöd när pengarna inte räcker till mat, hyra och andra nödvändiga kostnader, efter att du har prövat andra vägar. Du ansöker hos socialtjänsten och får en handläggare.",
            en: "Income support when your money does not cover food, rent and other necessary costs, after you have tried other ways. You apply to the social services and get a case officer.",
            areas: &["pengar-och-skulder"],
            groups: &["vuxna", "foraldrar"],
            languages: &["sv", "en", "ar", "so", "ti"],
            phone: Some("042-10 51 50"),
            email: None,
            website: None,
            street: Some("Drottninggatan 2"),
            hours: Some(office(t(8, 0), t(16, 0))),
            premises: Some("Entré i gatuplan med automatisk dörr."),
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 35,
        },
        Demo {
            slug: "traffpunkten",
            kind: EntryKind::City,
            name: "Träffpunkten Ljuset",
            sv: "En öppen mötesplats för vuxna och äldre som vill träffa andra. Kaffe, samtal, promenadgrupp, sång och spelkvällar. Kom när du vill, det kostar ingenting.",
            en: "An open meeting place for adults and older people who want to meet others. Coffee, conversation, a walking group, singing and games evenings. Come when you like, it is free.",
            areas: &["ensamhet-och-gemenskap", "fritid"],
            groups: &["vuxna", "aldre"],
            languages: &["sv", "en", "fi", "bs"],
            phone: Some("042-10 58 80"),
            email: None,
            website: None,
            street: Some("Bergaliden 12"),
            hours: Some(office(t(10, 0), t(16, 0))),
            premises: Some("Entré i gatuplan. Hörslinga."),
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 10,
        },
        Demo {
            slug: "psykiatrisk-akutmottagning",
            kind: EntryKind::Region,
            name: "Psykiatriska akutmottagningen, Region Skåne",
            sv: "Akut psykiatrisk vård dygnet runt för dig som mår mycket dåligt, har tankar på att ta ditt liv eller inte känner igen dig själv. Du kan komma direkt eller följa med någon.",
            en: "Emergency psychiatric care around the clock if you feel very unwell, have thoughts of ending your life or do not recognise yourself. You can come directly or come along with someone.",
            areas: &["psykisk-halsa"],
            groups: &["vuxna", "unga"],
            languages: &["sv", "en"],
            phone: Some("042-406 10 00"),
            email: None,
            website: Some("https://www.1177.se/"),
            street: Some("Södra Vallgatan 5"),
            hours: Some(OpeningHours { always: true, ..Default::default() }),
            premises: Some("Entré i gatuplan."),
            way_in: WayIn::DropIn,
            org_number: None,
            confirmed_days_ago: 70,
        },
        Demo {
            slug: "sluta-utova-vald",
            kind: EntryKind::City,
            name: "Mottagningen för dig som utövar våld",
            sv: "Samtal och behandling för dig som har slagit, hotat eller kontrollerat en partner eller ett barn och vill sluta. Vi hjälper dig att förstå ditt beteende och ta ansvar, så att ingen behöver vara rädd för dig.",
            en: "Talks and treatment if you have hit, threatened or controlled a partner or a child and want to stop. We help you understand your behaviour and take responsibility, so that nobody has to be afraid of you.",
            areas: &["vald-i-nara-relationer"],
            groups: &["vuxna", "man"],
            languages: &["sv", "en", "ar"],
            phone: Some("042-10 53 40"),
            email: None,
            website: None,
            street: None,
            hours: Some(office(t(8, 0), t(16, 30))),
            premises: None,
            way_in: WayIn::Appointment,
            org_number: None,
            confirmed_days_ago: 30,
        },
    ]
}

/// Every night from `opens` to `closes` the next morning (a night shelter).
fn nights(opens: NaiveTime, closes: NaiveTime) -> OpeningHours {
    let mut hours = OpeningHours::default();
    for day in hours.weekly.iter_mut() {
        day.push(Interval::new(opens, closes));
    }
    hours
}

fn evenings_and_saturday() -> OpeningHours {
    let mut hours = OpeningHours::default();
    for day in [0, 2, 4] {
        hours.weekly[day].push(Interval::new(t(15, 0), t(18, 0)));
    }
    hours.weekly[5].push(Interval::new(t(10, 0), t(13, 0)));
    hours
}

/// Referrals between demo entries: (from, to).
const REFERRALS: &[(&str, &str)] = &[
    ("kontaktcenter", "budget-och-skuldradgivning"),
    ("kontaktcenter", "anhorigstodet"),
    ("mottagningen-beroende", "lankarna"),
    ("mottagningen-beroende", "beroendemottagningen-regionen"),
    ("mottagningen-beroende", "maskrosbarn"),
    ("relationsvaldsteamet", "kvinnojouren"),
    ("relationsvaldsteamet", "socialjouren"),
    ("anhorigstodet", "fontanhuset"),
    ("relationsvaldsteamet", "sluta-utova-vald"),
    ("bostadsteamet", "budget-och-skuldradgivning"),
    ("harbarget", "socialjouren"),
    ("lankarna", "mottagningen-beroende"),
];

/// Where the starting vocabulary's wordings lead among the demo's entries, as a city's staff would
/// link them: (a phrase of the wording, entries). And the demo's own wordings.
const VOCABULARY_LINKS: &[(&str, &[&str])] = &[
    ("rädd för min partner", &["relationsvaldsteamet", "kvinnojouren", "socialjouren"]),
    ("kontrollerar mig", &["relationsvaldsteamet", "kvinnojouren"]),
    ("skyddat boende", &["kvinnojouren"]),
    ("jag slår min", &["sluta-utova-vald"]),
    ("pappa slår mamma", &["relationsvaldsteamet", "maskrosbarn"]),
    ("dricker", &["mottagningen-beroende"]),
    ("jag dricker", &["mottagningen-beroende", "lankarna"]),
    ("pappa dricker", &["maskrosbarn", "mottagningen-beroende"]),
    ("droger", &["mottagningen-beroende"]),
    ("spelberoende", &["mottagningen-beroende", "beroendemottagningen-regionen"]),
    ("sluta dricka", &["mottagningen-beroende", "lankarna", "beroendemottagningen-regionen"]),
    ("ingenstans att sova", &["harbarget", "socialjouren", "bostadsteamet"]),
    ("vräkt", &["bostadsteamet"]),
    ("skulder", &["budget-och-skuldradgivning"]),
    ("pengarna räcker inte", &["ekonomiskt-bistand"]),
    ("vill inte leva", &["psykiatrisk-akutmottagning"]),
    ("mår dåligt", &["psykiatrisk-akutmottagning"]),
    ("anhörig", &["anhorigstodet"]),
    ("barn far illa", &["socialjouren", "familjestodet"]),
    ("bråk hemma", &["familjestodet"]),
    ("ensam", &["traffpunkten"]),
    ("låna utrustning", &["fritidsbanken"]),
];

/// The demo's own wordings: (phrases, entries).
const VOCABULARY_OWN: &[(&[&str], &[&str])] = &[
    (
        &[
            "vet inte vart jag ska vända mig",
            "vart vänder jag mig",
            "vem kan hjälpa mig",
            "don't know where to turn",
            "who can help me",
        ],
        &["kontaktcenter"],
    ),
    (&["anonyma alkoholister", "kamratstöd", "självhjälpsgrupp", "AA", "peer support"], &["lankarna"]),
];

/// Links the starting vocabulary to the demo's entries, once.
async fn seed_vocabulary(db: &Db) -> anyhow::Result<()> {
    use crate::directory::vocabulary::{Wording, store as words};
    let wordings = words::all(db).await?;
    if wordings.iter().any(|w| !w.entries.is_empty()) {
        return Ok(());
    }
    let mut tx = db.begin_write().await?;
    for (phrase, entries) in VOCABULARY_LINKS {
        if let Some(wording) = wordings.iter().find(|w| w.phrases.iter().any(|p| p == phrase)) {
            let entries = entries.iter().map(|s| s.to_string()).collect();
            words::save(&mut tx, &Wording { entries, ..wording.clone() }, None).await?;
        }
    }
    for (phrases, entries) in VOCABULARY_OWN {
        let wording = Wording {
            id: Uuid::new_v4(),
            phrases: phrases.iter().map(|s| s.to_string()).collect(),
            areas: Vec::new(),
            entries: entries.iter().map(|s| s.to_string()).collect(),
            crisis: false,
            updated_at: UtcTime::now(),
        };
        words::save(&mut tx, &wording, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    for demo in demos() {
        if store::entry_by_slug(db, demo.slug).await?.is_some() {
            continue;
        }
        let entry = Entry {
            id: Uuid::new_v4(),
            slug: demo.slug.into(),
            kind: demo.kind,
            name: demo.name.into(),
            description_sv: demo.sv.into(),
            description_en: Some(demo.en.into()),
            areas: demo.areas.iter().map(|s| s.to_string()).collect(),
            target_groups: demo.groups.iter().map(|s| s.to_string()).collect(),
            age_min: None,
            age_max: None,
            languages: demo.languages.iter().map(|s| s.to_string()).collect(),
            phone: demo.phone.map(Into::into),
            email: demo.email.map(Into::into),
            website: demo.website.map(Into::into),
            street_address: demo.street.map(Into::into),
            postal_code: demo.street.map(|_| "252 21".into()),
            city: demo.street.map(|_| "Helsingborg".into()),
            hours: demo.hours,
            premises_accessibility: demo.premises.map(Into::into),
            way_in: demo.way_in,
            org_number: demo.org_number.map(Into::into),
            published: true,
            confirmed_at: UtcTime(now - chrono::Duration::days(demo.confirmed_days_ago)),
            updated_at: UtcTime(now),
        };
        store::save_entry(db, &entry, None).await?;
    }
    // The demo association account keeps Fontänhuset up to date; another resident waits for approval.
    for (email, slug, approve) in
        [("forening@demo.nara.se", "fontanhuset", true), ("invanare2@demo.nara.se", "lankarna", false)]
    {
        let Some(address) = crate::identity::EmailAddress::parse(email) else { continue };
        let (Some((person, _)), Some(entry)) = (
            crate::identity::store::person_by_email(db, &address).await?,
            store::entry_by_slug(db, slug).await?,
        ) else {
            continue;
        };
        if store::representation(db, entry.id, person.id).await?.is_none() {
            let mut tx = db.begin_write().await?;
            store::request_representation(&mut tx, entry.id, person.id, Some("Ordförande")).await?;
            tx.commit().await?;
            if approve {
                let pending = store::pending_representations(db).await?;
                if let Some(request) = pending.iter().find(|p| p.entry_id == entry.id) {
                    let mut tx = db.begin_write().await?;
                    store::decide_representation(&mut tx, request.id, true, person.id).await?;
                    tx.commit().await?;
                }
            }
        }
    }
    for (from, to) in REFERRALS {
        if let (Some(from), Some(to)) =
            (store::entry_by_slug(db, from).await?, store::entry_by_slug(db, to).await?)
        {
            store::add_referral(db, from.id, to.id, true, None).await?;
        }
    }
    seed_vocabulary(db).await
}

#[cfg(test)]
mod tests {
    use crate::i18n::klarsprak::problems;
    use crate::plain_language::{checker, glossary};

    /// The demo shows what a good entry looks like: each Swedish description passes the same
    /// plain-language test as the product's own texts. Figures: `-- --nocapture`.
    #[test]
    fn demo_descriptions_are_plain_swedish() {
        let demos = super::demos();
        let glossary = glossary::builtin();
        let all: Vec<&str> = demos.iter().map(|d| d.sv).collect();
        let together = checker::check(&all.join("\n\n"), glossary);
        println!(
            "Demo directory: {} descriptions, LIX together {:.1}",
            all.len(),
            together.lix.unwrap_or_default()
        );
        let mut failing = Vec::new();
        for demo in &demos {
            let found = problems(&checker::check(demo.sv, glossary));
            println!("  {}: LIX {:.1}", demo.slug, checker::check(demo.sv, glossary).lix.unwrap_or_default());
            if !found.is_empty() {
                failing.push(format!("{}: {found}", demo.slug));
            }
        }
        assert!(failing.is_empty(), "demo descriptions to rewrite:\n{}", failing.join("\n"));
    }
}

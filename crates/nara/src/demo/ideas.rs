//! The demo's ideas, after the seed's Bootcamp: a campaign whose six proposals (two each to
//! explore, test and scale up) went through the council and the vote, were tested with coaches
//! and closed with their lessons (one test still runs), a new campaign open for proposals now (with
//! one proposal waiting for its council), so the form and the council can be tried, and a spring
//! campaign whose vote is open today.

use chrono::{Days, NaiveDate, NaiveTime};
use uuid::Uuid;

use crate::db::Db;
use crate::ideas::calendar::{self, Date};
use crate::ideas::store::{self, NewCampaign, NewTest};
use crate::ideas::{Category, Eligibility, Lessons, NextStep, ProposalText};
use crate::identity::EmailAddress;

async fn person(db: &Db, email: &str) -> anyhow::Result<Option<Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

/// One of the seed's six proposals with what became of it.
struct Seeded {
    category: Category,
    title: &'static str,
    problem: &'static str,
    whose: &'static str,
    voices: &'static str,
    try_in_week: &'static str,
    signs: &'static str,
    people: &'static str,
    kronor: i64,
    reason: &'static str,
    coach: &'static str,
    goal: &'static str,
    log: [&'static str; 2],
    happened: &'static str,
    surprised: &'static str,
    /// `None`: the test still runs.
    next: Option<(NextStep, &'static str)>,
}

const SIX: [Seeded; 6] = [
    Seeded {
        category: Category::Explore,
        title: "Upplevelsen av att chatta och kommunicera digitalt med socialförvaltningen",
        problem: "Många som har kontakt med oss vill skriva i stället för att ringa, men vi vet inte hur det känns att chatta eller mejla med socialförvaltningen, eller vad som gör att man inte hör av sig alls.",
        whose: "Invånare som söker stöd och deras anhöriga",
        voices: "I utvecklingsgruppen sa flera att de inte vågar ringa och att telefontiderna passar dåligt. En ung person sa: jag skriver hellre, då hinner jag tänka.",
        try_in_week: "Intervjua tio personer som har kontakt med oss om hur de vill höra av sig, och pröva en enkel skriftlig kontaktväg med två handläggare under veckan.",
        signs: "Vi kan beskriva tre tydliga behov och vet om en skriftlig kontaktväg gör det lättare att höra av sig.",
        people: "Två handläggare, en brukarutvecklare och en coach",
        kronor: 2_000,
        reason: "Frågan kommer ofta upp i utvecklingsgruppen och vi vet för lite om den. Bra att börja med att lyssna.",
        coach: "Idéslussen, coach för utforska",
        goal: "En sammanställning av insikter från intervjuerna, presenterad för enheterna.",
        log: [
            "Vi gjorde fyra intervjuer och skrev ner citat.",
            "Sex intervjuer till. Mönster: man vill kunna skriva på kvällen.",
        ],
        happened: "Vi intervjuade tio personer. Nästan alla ville kunna skriva, särskilt på kvällar.",
        surprised: "Att flera hellre skrev korta meddelanden än bokade möten, även om viktiga saker.",
        next: Some((
            NextStep::HandOver,
            "Enheten för digital utveckling, som får insikterna och feedback från enheterna",
        )),
    },
    Seeded {
        category: Category::Explore,
        title: "Ungas upplevelse av att ta till våld",
        problem: "Vi möter unga som har använt våld, men vi vet för lite om hur de själva ser på det och vad som kunde ha hjälpt dem att välja annorlunda.",
        whose: "Unga som har använt våld och personal som möter dem",
        voices: "En ungdom sa i ett samtal: ingen frågade mig någonsin varför. Personal säger att de saknar ett sätt att prata om det utan att döma.",
        try_in_week: "Samtala med sex unga och tre medarbetare om situationer där våld användes, och vad som hade kunnat ändra det.",
        signs: "Vi har insikter som räcker för att formulera något konkret att testa tillsammans med unga.",
        people: "Två socialsekreterare, en fältassistent och en coach",
        kronor: 1_500,
        reason: "Viktig fråga där de ungas röst saknas. Förslaget är tydligt om att lyssna först.",
        coach: "Idéslussen, coach för utforska",
        goal: "Insikter som räcker för att ta fram en första idé att testa.",
        log: ["Två samtal med unga. De ville bli tagna på allvar.", "Samtal med personal om hur de frågar."],
        happened: "Sex unga och tre medarbetare berättade. Teamet samlade bra insikter.",
        surprised: "Hur ofta de unga sa att ingen hade frågat dem vad som hände innan.",
        next: Some((NextStep::TestAgain, "Idéslussen, tillsammans med teamet")),
    },
    Seeded {
        category: Category::Test,
        title: "Kortare utredningar med mindre upprepning för brukare",
        problem: "Brukare får berätta samma sak för flera handläggare, om och om igen, och utredningarna tar lång tid. Det tröttar ut dem och gör att de tappar förtroendet.",
        whose: "Familjer som utreds och handläggarna som utreder",
        voices: "Föräldrar har sagt: jag har berättat det här fem gånger. Handläggare säger att de ofta frågar om saker som redan finns i akten.",
        try_in_week: "En handläggare och en familj gör utredningen i tre samtal med ett gemensamt underlag som familjen får läsa och rätta.",
        signs: "Familjen säger att de inte behövde upprepa sig, och utredningen blir klar på kortare tid.",
        people: "Två handläggare, en familj och en coach",
        kronor: 3_000,
        reason: "Tydligt problem, tydligt test och mätbart resultat. Passar testveckan.",
        coach: "Idéslussen, coach för testa",
        goal: "Ett gemensamt underlag prövat i en utredning, med familjens omdöme.",
        log: [
            "Första samtalet med familjen. Underlaget delades.",
            "Familjen rättade två saker i underlaget.",
        ],
        happened: "Utredningen gjordes i tre samtal. Familjen upprepade sig mycket mindre.",
        surprised: "Att familjen ville skriva i underlaget själv, inte bara läsa.",
        next: Some((
            NextStep::TestAgain,
            "Anna och Anneli, inom socialförvaltningens test för samskapande (Lab 3.0)",
        )),
    },
    Seeded {
        category: Category::Test,
        title: "Fortbildning inom till exempel psykisk ohälsa och missbruk som går att använda direkt i möten",
        problem: "Fortbildning är ofta lång och allmän, och det är svårt att använda den i nästa möte med en brukare. Medarbetare känner sig osäkra i svåra samtal.",
        whose: "Medarbetare som möter brukare med psykisk ohälsa eller missbruk",
        voices: "Medarbetare har sagt: jag vet vad diagnosen heter men inte vad jag ska säga. Brukare säger att de märker när personalen är osäker.",
        try_in_week: "Pröva korta utbildningspass på en timme om krishantering, följda av samtal om hur det gick i veckans möten.",
        signs: "Deltagarna säger att de använde något från passet i ett möte samma vecka.",
        people: "En föreläsare, åtta medarbetare och en coach",
        kronor: 5_000,
        reason: "Konkret och lätt att pröva. Pengarna räcker till en föreläsare.",
        coach: "Idéslussen, coach för testa",
        goal: "Två korta pass genomförda, med deltagarnas omdöme efter en vecka.",
        log: [
            "Första passet om krishantering. Nio deltog.",
            "Uppföljning: sex hade använt något i ett möte.",
        ],
        happened: "Två pass hölls. Sex av nio använde något i ett möte samma vecka.",
        surprised: "Hur mycket deltagarna uppskattade att prata om sina egna möten efteråt.",
        next: Some((NextStep::ScaleUp, "Anette, Helena och Jhana, som bokar en föreläsare i krishantering")),
    },
    Seeded {
        category: Category::ScaleUp,
        title: "Att brukare har en ansvarig kontaktperson som arbetar enligt case management",
        problem: "Brukare med många kontakter vet inte vem de ska vända sig till och skickas runt. Varje ny kontakt börjar om från början.",
        whose: "Brukare och familjer med stöd från flera verksamheter",
        voices: "En förälder sa: jag vill ha en person som vet allt och som jag kan ringa. Det är det som oftast kommer upp i utvecklingsgruppen.",
        try_in_week: "Två handläggare blir ansvariga kontaktpersoner för två familjer och samordnar alla kontakter under veckan.",
        signs: "Familjerna vet vem de ska ringa och behöver inte berätta om sig själva för nya personer.",
        people: "Tre handläggare, två familjer och en coach",
        kronor: 2_500,
        reason: "Arbetssättet fungerar på andra håll. Värt att sprida till fler familjer.",
        coach: "Idéslussen, coach för skala upp",
        goal: "Två familjer med en ansvarig kontaktperson, och en beskrivning av vad teamet behöver.",
        log: ["Kontaktpersonerna träffade familjerna.", "Första samordningsmötet med skolan."],
        happened: "",
        surprised: "",
        next: None,
    },
    Seeded {
        category: Category::ScaleUp,
        title: "Att ge behandling hemma hos brukare (hemmahosare)",
        problem: "Behandling på kontoret passar inte alla. Vissa familjer kommer inte, och det som sägs på kontoret är svårt att använda hemma.",
        whose: "Familjer som har svårt att komma till kontoret",
        voices: "En mamma sa: det är lättare när ni ser hur det är hos oss. Behandlare säger att de lär sig mer på ett hembesök än på tre möten.",
        try_in_week: "Samla det behandlare har lärt sig om att arbeta hemma hos familjer och pröva det med tre nya behandlare.",
        signs: "Fler behandlare vill och vågar arbeta hemma hos familjer, och familjerna uteblir mindre.",
        people: "Två erfarna behandlare, tre nya och en coach",
        kronor: 1_000,
        reason: "Arbetssättet har en lång historia i förvaltningen. Bra att samla erfarenheterna innan det sprids.",
        coach: "Idéslussen, coach för skala upp",
        goal: "En sammanställning av arbetssättet som kollegor kan använda.",
        log: ["Intervjuer med två erfarna behandlare.", "Tre nya behandlare följde med på hembesök."],
        happened: "Joachim och Veronica sammanställde vad de har lärt sig om arbetssättet.",
        surprised: "Hur många kollegor som ville ta del av insikterna.",
        next: Some((NextStep::HandOver, "Joachim och Veronica, som delar sammanställningen med kollegorna")),
    },
];

/// A proposal of the later campaigns: only its text.
struct Brief {
    category: Category,
    title: &'static str,
    problem: &'static str,
    whose: &'static str,
    voices: &'static str,
    try_in_week: &'static str,
    signs: &'static str,
    people: &'static str,
    kronor: i64,
}

impl Brief {
    fn text(&self) -> ProposalText {
        ProposalText {
            category: Some(self.category),
            title: self.title.into(),
            problem: self.problem.into(),
            whose: self.whose.into(),
            voices: self.voices.into(),
            heard_link: None,
            try_in_week: self.try_in_week.into(),
            signs: self.signs.into(),
            people: self.people.into(),
            money_ore: self.kronor * 100,
        }
    }
}

/// Sent to the next Bootcamp and waiting for its council.
const WAITING: Brief = Brief {
    category: Category::Test,
    title: "Brev från socialtjänsten som går att förstå",
    problem: "Många som får brev från oss förstår inte vad beslutet betyder eller vad de ska göra härnäst, och ringer flera gånger eller hör inte av sig alls.",
    whose: "Invånare som får beslut och kallelser med post",
    voices: "I utvecklingsgruppen sa flera att de läser breven många gånger och ändå inte vet om de har fått ja eller nej.",
    try_in_week: "Under en vecka skriver två handläggare om fem vanliga brev tillsammans med två brukarutvecklare och skickar de nya breven.",
    signs: "De som får de nya breven säger att de förstod vad som gäller, och färre ringer för att fråga.",
    people: "Två handläggare och två brukarutvecklare",
    kronor: 1_000,
};

/// Chosen by the spring campaign's council: its vote is open today.
const ON_THE_BALLOT: [(Brief, &str); 2] = [
    (
        Brief {
            category: Category::Test,
            title: "Öppen mottagning på biblioteket en kväll i veckan",
            problem: "Det är svårt att komma till socialkontoret på dagtid, och många vill inte synas i väntrummet. De frågar därför inte om stöd de har rätt till.",
            whose: "Invånare som arbetar dagtid eller inte vill gå till kontoret",
            voices: "På en träff i utvecklingsgruppen sa flera att biblioteket känns tryggt: där vet ingen varför man är där.",
            try_in_week: "Två socialsekreterare sitter på stadsbiblioteket mellan 17 och 20 tre kvällar under en vecka och svarar på frågor.",
            signs: "Minst tio personer kommer och frågar, och några av dem säger att de annars inte hade hört av sig.",
            people: "Två socialsekreterare och en bibliotekarie",
            kronor: 1_500,
        },
        "Tydligt test som når dem som inte kommer till oss i dag. Lätt att genomföra under en vecka.",
    ),
    (
        Brief {
            category: Category::Test,
            title: "Sms-påminnelse dagen före ett möte",
            problem: "Många möten blir inte av för att personen glömmer tiden eller inte hittar kallelsen, och då dröjer det veckor till nästa tid.",
            whose: "Invånare som har möten med handläggare och deras handläggare",
            voices: "Brukare har sagt att brevet med tiden försvinner bland andra papper. Handläggare säger att var femte tid blir tom.",
            try_in_week: "Under en vecka får alla som har ett möte på en enhet ett sms dagen före, med tid, plats och ett nummer att ringa.",
            signs: "Färre tider blir tomma den veckan än veckan före, och de som fick sms säger att det hjälpte.",
            people: "En handläggare och en administratör",
            kronor: 500,
        },
        "Enkelt och billigt att pröva, och problemet med tomma tider är stort.",
    ),
];

fn days(today: NaiveDate, offset: i64) -> NaiveDate {
    let magnitude = Days::new(offset.unsigned_abs());
    if offset < 0 { today.checked_sub_days(magnitude) } else { today.checked_add_days(magnitude) }
        .unwrap_or(today)
}

/// Adds the demo ideas once; a database that already has the Bootcamp is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    if store::campaign_by_slug(db, "bootcamp").await?.is_some() {
        return Ok(());
    }
    let mut people = Vec::new();
    for email in [
        "handlaggare.vuxen@demo.nara.se",
        "handlaggare.barn@demo.nara.se",
        "invanare@demo.nara.se",
        "forening@demo.nara.se",
        "arrangor@demo.nara.se",
        "invanare2@demo.nara.se",
    ] {
        match person(db, email).await? {
            Some(id) => people.push(id),
            None => return Ok(()),
        }
    }
    let (anna, jonas, sara, lina) = (people[0], people[1], people[2], people[4]);
    let catalogues = crate::i18n::Catalogues::load()?;
    let today = crate::stockholm::today();
    let everyone = Eligibility { staff: true, residents: true, associations: true };
    let done = NewCampaign {
        slug: "bootcamp".into(),
        title: "Idéslussens Bootcamp".into(),
        summary: "Förslag från medarbetare, invånare och föreningar på hur socialtjänsten kan bli bättre. Rådet valde ut sex förslag, alla fick rösta, och förslagen testades i grupper med en coach.".into(),
        opens_on: days(today, -70),
        closes_on: days(today, -50),
        eligibility: everyone,
        money_cap_ore: 500_000,
        council_on: days(today, -45),
        vote_opens_on: days(today, -40),
        vote_closes_on: days(today, -36),
        votes_per_person: 2,
        test_week_starts_on: days(today, -28),
    };
    let next = NewCampaign {
        slug: "bootcamp-2027".into(),
        title: "Nästa Bootcamp: en vecka av tester".into(),
        summary: "Den här gången gör vi bara tester, under en intensiv vecka, med en liten budget som ska användas och en namngiven medarrangör. Skriv ett förslag!".into(),
        opens_on: days(today, -7),
        closes_on: days(today, 30),
        eligibility: everyone,
        money_cap_ore: 1_000_000,
        council_on: days(today, 35),
        vote_opens_on: days(today, 40),
        vote_closes_on: days(today, 45),
        votes_per_person: 1,
        test_week_starts_on: days(today, 60),
    };
    let spring = NewCampaign {
        slug: "bootcamp-var".into(),
        title: "Vårens Bootcamp: omröstningen pågår".into(),
        summary: "Rådet har valt ut förslagen. Nu röstar alla som får delta, en röst var, innan testveckan."
            .into(),
        opens_on: days(today, -30),
        closes_on: days(today, -15),
        eligibility: everyone,
        money_cap_ore: 500_000,
        council_on: days(today, -10),
        vote_opens_on: days(today, -1),
        vote_closes_on: days(today, 6),
        votes_per_person: 1,
        test_week_starts_on: days(today, 14),
    };
    let at = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or_else(|| anyhow::anyhow!("a time"));

    // One transaction: a seed that stops half-way leaves nothing, and runs again in full.
    let mut tx = db.begin_write().await?;
    let mut campaign_ids = Vec::new();
    for c in [&done, &next, &spring] {
        campaign_ids.push(store::create_campaign(&mut tx, c, anna).await?);
        let dates = [
            (calendar::slug(&c.slug, "rad"), "idea-calendar-council", c.council_on, at(13)?, 120),
            (calendar::slug(&c.slug, "omrostning"), "idea-calendar-vote", c.vote_opens_on, at(9)?, 60),
            (
                calendar::slug(&c.slug, "testvecka"),
                "idea-calendar-test-week",
                c.test_week_starts_on,
                at(9)?,
                480,
            ),
        ];
        for (slug, key, day, start, minutes) in dates {
            calendar::add(&mut tx, &catalogues, &Date { slug, key, title: &c.title, day, start, minutes })
                .await?;
        }
    }
    let campaign = campaign_ids[0];
    for member in [sara, lina, anna] {
        store::add_council_member(&mut tx, campaign, member, anna).await?;
    }
    store::add_council_member(&mut tx, campaign_ids[1], sara, anna).await?;
    store::create_proposal(&mut tx, campaign_ids[1], people[5], &WAITING.text(), true).await?;
    store::add_council_member(&mut tx, campaign_ids[2], lina, anna).await?;
    for (i, (brief, reason)) in ON_THE_BALLOT.iter().enumerate() {
        let id = store::create_proposal(&mut tx, campaign_ids[2], people[i + 1], &brief.text(), true).await?;
        store::decide(&mut tx, id, true, reason).await?;
    }
    store::sign_up(&mut tx, campaign, anna, 10, "Karin Ström").await?;
    store::sign_up(&mut tx, campaign, jonas, 10, "Per Holm").await?;
    let mut proposal_ids = Vec::new();
    for (i, s) in SIX.iter().enumerate() {
        let text = ProposalText {
            category: Some(s.category),
            title: s.title.into(),
            problem: s.problem.into(),
            whose: s.whose.into(),
            voices: s.voices.into(),
            heard_link: (i == 0).then(|| "/kalender/utvecklingsgrupp".to_string()),
            try_in_week: s.try_in_week.into(),
            signs: s.signs.into(),
            people: s.people.into(),
            money_ore: s.kronor * 100,
        };
        let author = people[i % 4];
        let id = store::create_proposal(&mut tx, campaign, author, &text, true).await?;
        store::decide(&mut tx, id, true, s.reason).await?;
        proposal_ids.push(id);
    }
    // A seventh that the council left out, with its reason.
    let thin = ProposalText {
        category: Some(Category::Explore),
        title: "Fler möten mellan enheterna".into(),
        problem: "Enheterna träffas för sällan och vet för lite om varandras arbete, så brukare skickas mellan dem utan att någon tar ett helhetsansvar.".into(),
        whose: "Medarbetare på olika enheter".into(),
        voices: "Medarbetare säger att de inte vet vem de ska ringa på andra enheter, och brukare säger att de skickas runt.".into(),
        heard_link: None,
        try_in_week: "Ordna ett gemensamt frukostmöte för tre enheter varje dag under en vecka och se vad som händer.".into(),
        signs: "Medarbetarna vet vem de ska kontakta på de andra enheterna efter veckan.".into(),
        people: "Tre enhetschefer".into(),
        money_ore: 400_000,
    };
    let left_out = store::create_proposal(&mut tx, campaign, jonas, &thin, true).await?;
    store::decide(
        &mut tx,
        left_out,
        false,
        "Viktigt, men det liknar förslaget om en ansvarig kontaktperson, som vi tar med. Vi föreslår att ni går ihop.",
    )
    .await?;
    store::add_comment(
        &mut tx,
        proposal_ids[2],
        sara,
        true,
        "Får familjen läsa underlaget innan det skickas vidare?",
    )
    .await?;
    store::add_comment(
        &mut tx,
        proposal_ids[2],
        anna,
        false,
        "Ja, familjen läser och rättar underlaget i varje samtal.",
    )
    .await?;
    store::follow(&mut tx, proposal_ids[4], sara).await?;
    // Votes, two per person: only the day is kept with each ballot.
    let vote_day = done.vote_opens_on;
    let choices: [[usize; 2]; 6] = [[2, 4], [2, 5], [4, 0], [2, 3], [1, 4], [3, 5]];
    for (voter, chosen) in people.iter().zip(choices) {
        let chosen: Vec<Uuid> = chosen.iter().map(|&i| proposal_ids[i]).collect();
        store::cast(&mut tx, campaign, *voter, vote_day, &chosen).await?;
    }
    // The tests, with a presentation each in the calendar, a log, spending and lessons.
    for (i, s) in SIX.iter().enumerate() {
        let id = proposal_ids[i];
        let week = done.test_week_starts_on;
        let presentation = Date {
            slug: calendar::slug(&format!("bootcamp-{}", i + 1), "presentation"),
            key: "idea-calendar-presentation",
            title: s.title,
            day: days(week, 4),
            start: at(14)?,
            minutes: 60,
        };
        let series = calendar::add(&mut tx, &catalogues, &presentation).await?;
        let new = NewTest {
            coach_name: s.coach.into(),
            co_organiser_name: "Maja Lund, utvecklingsstrateg på socialförvaltningen".into(),
            delivery_goal: s.goal.into(),
            budget_ore: 500_000,
        };
        let Some(test) = store::start_test(&mut tx, id, &new, series, anna).await? else { continue };
        store::join_test(&mut tx, test, people[i % 4]).await?;
        store::join_test(&mut tx, test, jonas).await?;
        for (d, entry) in s.log.iter().enumerate() {
            store::write_log(&mut tx, test, days(week, i64::try_from(d)?), entry, anna).await?;
        }
        store::add_spending(&mut tx, test, "Fika och material", s.kronor * 100, week, anna).await?;
        if let Some((step, owner)) = s.next {
            let lessons = Lessons {
                what_happened: s.happened.into(),
                what_surprised: s.surprised.into(),
                next_step: Some(step),
                next_owner: owner.into(),
            };
            store::close_test(&mut tx, test, &lessons).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

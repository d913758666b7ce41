-- The managed vocabulary of search: everyday words and phrases, in Swedish and English with their
-- inflections, that lead to areas of help and entries (directory::vocabulary). Staff change it under
-- /personal/katalog/ord; every change is kept whole in the history with who made it, and raises the
-- version by which each server process's search knows to read it again. It starts with a list written
-- for the areas of the example set-up; phrases for areas an installation does not have lead nowhere.
-- Also: the way in's visits are counted per day beside searches (measure 'visit').

CREATE TABLE directory_vocabulary (
    id          BLOB PRIMARY KEY NOT NULL,
    -- JSON array of phrases, as staff wrote them.
    phrases     TEXT NOT NULL,
    -- JSON arrays: help-area slugs, directory-entry slugs.
    areas       TEXT NOT NULL DEFAULT '[]',
    entries     TEXT NOT NULL DEFAULT '[]',
    -- About acute danger, violence or suicide: a matching search shows the crisis lines first.
    crisis      BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at  TEXT NOT NULL
);

CREATE TABLE directory_vocabulary_history (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    wording_id  BLOB NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('created', 'updated', 'removed')),
    changed_by  BLOB REFERENCES people (id),
    changed_at  TEXT NOT NULL,
    -- The whole wording as JSON after the change (before it, for a removal).
    snapshot    TEXT NOT NULL
);
CREATE INDEX directory_vocabulary_history_wording ON directory_vocabulary_history (wording_id, seq);

CREATE TABLE directory_vocabulary_state (
    id          INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version     INTEGER NOT NULL
);
INSERT INTO directory_vocabulary_state (id, version) VALUES (1, 1);

INSERT INTO directory_vocabulary (id, phrases, areas, entries, crisis, updated_at)
SELECT randomblob(16), column1, column2, '[]', column3, strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now') FROM (VALUES
    ('["rädd för min partner", "rädd för min man", "rädd för min fru", "rädd för min pojkvän", "rädd för ' ||
     'min flickvän", "rädd för min sambo", "rädd för honom", "rädd för henne", "slår mig", "slog mig", ' ||
     '"sparkar mig", "misshandlar mig", "misshandlad", "misshandel", "hotar mig", "hotade mig", "hotar att ' ||
     'döda mig", "våld hemma", "utsatt för våld", "utsätts för våld", "våldtagen", "våldtäkt", "tvingar ' ||
     'mig till sex", "stryptag", "afraid of my partner", "afraid of my husband", "afraid of my wife", ' ||
     '"afraid of my boyfriend", "scared of my partner", "hits me", "hit me", "beats me", "kicks me", ' ||
     '"threatens me", "threatened to kill me", "domestic violence", "domestic abuse", "abused by my", ' ||
     '"raped", "violence at home", "våld", "våld i nära relationer", "relationsvåld", "partnervåld", ' ||
     '"violence", "violent partner"]',
     '["vald-i-nara-relationer"]', TRUE),
    ('["kontrollerar mig", "kontrollerande", "svartsjuk", "får inte träffa mina vänner", "tar min ' ||
     'telefon", "tar mina pengar", "psykisk misshandel", "hedersvåld", "hedersförtryck", ' ||
     '"tvångsäktenskap", "controls me", "controlling partner", "jealous partner", "honour violence", ' ||
     '"forced marriage"]',
     '["vald-i-nara-relationer"]', FALSE),
    ('["skyddat boende", "skyddad bostad", "kvinnojour", "tjejjour", "killjour", "mansjour", "sheltered ' ||
     'housing", "women''s shelter", "safe house"]',
     '["vald-i-nara-relationer", "boende"]', FALSE),
    ('["jag slår min", "jag slår mina", "jag har slagit", "jag slog min", "utövar våld", "jag är våldsam", ' ||
     '"kan inte kontrollera min ilska", "aggressiv mot min", "I hit my", "I have hit my", "I am violent", ' ||
     '"I use violence", "anger problem"]',
     '["vald-i-nara-relationer"]', FALSE),
    ('["pappa slår mamma", "mamma slår pappa", "slår mamma", "slår pappa", "våld mellan föräldrarna", "dad ' ||
     'hits mum", "dad hits mom", "my parents fight"]',
     '["vald-i-nara-relationer", "barn-och-familj"]', TRUE),
    ('["dricker", "dricker för mycket", "super", "full", "berusad", "alkohol", "alkoholist", ' ||
     '"alkoholiserad", "fyllo", "bakfull", "drinks", "drinking", "drunk", "alcohol", "alcoholic"]',
     '["alkohol-droger-spel"]', FALSE),
    ('["pappa dricker", "mamma dricker", "förälder dricker", "föräldrar dricker", "pappa super", "mamma ' ||
     'super", "pappa är alkoholist", "mamma är alkoholist", "förälder med missbruk", "förälder som ' ||
     'dricker", "pappa tar droger", "mamma tar droger", "dad drinks", "mum drinks", "mom drinks", "parent ' ||
     'drinks", "parents drink", "dad is an alcoholic", "mum is an alcoholic", "mom is an alcoholic", ' ||
     '"parent with an addiction"]',
     '["alkohol-droger-spel", "barn-och-familj"]', FALSE),
    ('["jag dricker", "jag super", "jag dricker för mycket", "mitt drickande", "I drink", "my drinking", ' ||
     '"I drink too much"]',
     '["alkohol-droger-spel"]', FALSE),
    ('["droger", "knark", "narkotika", "hasch", "cannabis", "amfetamin", "kokain", "tabletter", "tar ' ||
     'droger", "röker på", "drugs", "takes drugs", "weed", "addiction", "addicted"]',
     '["alkohol-droger-spel"]', FALSE),
    ('["spelar bort", "spelberoende", "spelproblem", "spelskulder", "spelar för mycket", "casino", ' ||
     '"betting", "gambling", "gambles", "gambling problem"]',
     '["alkohol-droger-spel"]', FALSE),
    ('["sluta dricka", "vill sluta dricka", "nykter", "nykterhet", "drogfri", "stop drinking", "quit ' ||
     'drinking", "sober", "abstinens", "avgiftning", "withdrawal", "detox"]',
     '["alkohol-droger-spel"]', FALSE),
    ('["ingenstans att sova", "ingenstans att bo", "sova i natt", "sover ute", "bostadslös", "hemlös", ' ||
     '"hemlösa", "tak över huvudet", "natthärbärge", "härbärge", "utslängd", "kastad ut", "nowhere to ' ||
     'sleep", "nowhere to live", "sleeping rough", "sleep outside", "homeless", "shelter tonight", "kicked ' ||
     'out"]',
     '["boende"]', FALSE),
    ('["vräkt", "vräkta", "vräkning", "vräker", "avhyst", "avhysning", "uppsagd från lägenheten", ' ||
     '"uppsägning av hyreskontraktet", "hyresskuld", "hyresskulder", "kan inte betala hyran", "obetald ' ||
     'hyra", "evicted", "eviction", "can''t pay the rent", "cannot pay the rent", "rent arrears", "unpaid ' ||
     'rent"]',
     '["boende", "pengar-och-skulder"]', FALSE),
    ('["skulder", "skuld", "inkasso", "kronofogden", "betalningsanmärkning", "skuldsanering", "sms-lån", ' ||
     '"snabblån", "räkningar", "debt", "debts", "debt collector", "bailiff", "bills"]',
     '["pengar-och-skulder"]', FALSE),
    ('["pengarna räcker inte", "har inga pengar", "inga pengar till mat", "råd med mat", "socialbidrag", ' ||
     '"försörjningsstöd", "ekonomiskt bistånd", "no money", "money for food", "can''t afford food", ' ||
     '"benefits", "welfare", "income support"]',
     '["pengar-och-skulder"]', FALSE),
    ('["vill inte leva", "vill dö", "ta mitt liv", "ta livet av mig", "självmord", "självmordstankar", ' ||
     '"suicid", "suicidtankar", "skada mig själv", "skadar mig själv", "skär mig", "orkar inte leva", ' ||
     '"kill myself", "suicide", "suicidal", "end my life", "ending my life", "don''t want to live", "want ' ||
     'to die", "self-harm", "hurt myself"]',
     '["psykisk-halsa"]', TRUE),
    ('["mår dåligt", "mår väldigt dåligt", "mår mycket dåligt", "deprimerad", "depression", "ångest", ' ||
     '"panikångest", "nedstämd", "utbränd", "feel low", "feel bad", "depressed", "anxiety", "mental ' ||
     'health", "mental illness"]',
     '["psykisk-halsa"]', FALSE),
    ('["anhörig", "anhöriga", "närstående", "stödgrupp för anhöriga", "anhöriggrupp", "självhjälpsgrupp", ' ||
     '"orolig för min", "tar hand om min", "vårdar min", "min son", "min dotter", "min bror", "min ' ||
     'syster", "mitt barn", "my son", "my daughter", "my brother", "my sister", "avlösning", "relatives", ' ||
     '"family member", "support group for relatives", "carer", "caring for", "I care for", "worried about ' ||
     'my"]',
     '["stod-till-anhoriga"]', FALSE),
    ('["barn far illa", "ett barn far illa", "orolig för ett barn", "grannens barn", "orosanmälan", "barn ' ||
     'som far illa", "child at risk", "worried about a child", "child is being hurt", "child is being ' ||
     'abused"]',
     '["barn-och-familj"]', TRUE),
    ('["bråk hemma", "bråkar hemma", "tonåring", "tonåringen", "föräldrastöd", "föräldraskap", ' ||
     '"uppfostran", "skilsmässa", "separation", "vårdnad", "parenting", "teenager", "divorce", "custody"]',
     '["barn-och-familj"]', FALSE),
    ('["ensam", "ensamhet", "känner mig ensam", "isolerad", "inga vänner", "träffa nya vänner", "träffa ' ||
     'andra", "sällskap", "pensionär", "lonely", "loneliness", "no friends", "meet people", "make ' ||
     'friends", "isolated"]',
     '["ensamhet-och-gemenskap"]', FALSE),
    ('["jobb", "arbete", "arbetslös", "söka jobb", "praktik", "sysselsättning", "meningsfull vardag", ' ||
     '"unemployed", "find a job", "work placement"]',
     '["arbete-och-sysselsattning"]', FALSE),
    ('["låna utrustning", "skridskor", "cykel", "tält", "idrott", "fritidsaktiviteter", "borrow", "bike", ' ||
     '"skates", "sports", "leisure"]',
     '["fritid"]', FALSE),
    ('["diskriminerad", "diskriminering", "rasism", "trakasserad", "kränkt", "illa behandlad", ' ||
     '"discriminated", "racism", "harassed"]',
     '["diskriminering"]', FALSE),
    ('["akut", "nödsituation", "livsfara", "i fara", "kan inte vänta", "emergency", "in danger", "urgent"]',
     '[]', TRUE)
);

-- SQLite cannot change a CHECK constraint: the counts table is made again with 'visit' allowed.
CREATE TABLE directory_counts_new (
    day         TEXT NOT NULL,
    measure     TEXT NOT NULL CHECK (measure IN ('search', 'view', 'no_result', 'visit')),
    count       INTEGER NOT NULL,
    PRIMARY KEY (day, measure)
);
INSERT INTO directory_counts_new (day, measure, count) SELECT day, measure, count FROM directory_counts;
DROP TABLE directory_counts;
ALTER TABLE directory_counts_new RENAME TO directory_counts;

//! What the engine must do, as tables. One `check` per behaviour group.

use sspr_lookup::answer::Unknown;
use sspr_lookup::catalog::{Area, Catalog, Entry, Kind};
use sspr_lookup::{Answer, Confidence, Config, Engine, IndexConfig, Note};
use std::sync::OnceLock;

/// The engine over the full catalog, built once for this file's tests.
fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT))
}

fn ask(q: &str) -> Answer {
    engine().lookup(q, &Config::DEFAULT)
}

/// `expect`: the ranked group keys (first hit of each group, in order), or empty for no match.
fn check(cases: &[(&str, &[&str])]) {
    for (q, expect) in cases {
        let a = ask(q);
        let got: Vec<String> = a.groups.iter().map(|g| g.hits[0].key.clone()).collect();
        if expect.is_empty() {
            assert!(a.no_match, "{q:?}: expected no match, got {got:?}");
        } else {
            assert!(!a.no_match, "{q:?}: expected {expect:?}, got no match");
            assert_eq!(got, *expect, "{q:?}");
        }
    }
}

#[test]
fn every_code_in_a_paste_is_its_own_answer_in_order() {
    check(&[
        (
            "Event ID 33004 then later Event ID 32002",
            &["EVENT_33004", "EVENT_32002"],
        ),
        ("SSPR_0030 and also SSPR_0029", &["SSPR_0030", "SSPR_0029"]),
        ("Event ID: 6329 ... 0x80230619", &["ADSYNC_6329"]),
        // An HRESULT the catalog explains says which 6329 it is: it comes first.
        (
            "error 6329 with the text 0x8023061f",
            &["HR_8023061F", "ADSYNC_6329"],
        ),
        (
            "hr=800700CE and hr=80230402",
            &["HR_800700CE", "HR_80230402"],
        ),
        // Two screen codes and the text of one: both codes stay answers (the text does not
        // overrule a code when it can belong to the other one).
        (
            "SSPR_0013 SSPR_0014 Additional security info is needed to reset your password. To proceed, contact your admin",
            &["SSPR_0013", "SSPR_0014"],
        ),
    ]);
}

#[test]
fn guids_dates_and_names_make_no_codes() {
    check(&[
        (
            "TrackingId: 0b8d2c1e-3210-4cde-8f00-123456789abc 2024-03-14 10:32:07 bob@contoso.com",
            &[],
        ),
        ("Correlation ID 32002aaa-0000-1111-2222-333344445555", &[]),
        ("user33004@contoso.com 11/22/2026", &[]),
    ]);
}

#[test]
fn text_beats_a_code_it_contradicts() {
    let a = ask("SSPR_0012: You are not a member of a group enabled for password reset. Contact your admin and request to be added to the group.");
    assert_eq!(a.groups[0].hits[0].key, "SSPR_0013");
    assert_eq!(
        a.notes,
        vec![Note::Misprint {
            key: "SSPR_0013".into(),
            code: "SSPR_0012".into()
        }],
        "the answer says why"
    );
    assert_eq!(
        sspr_lookup::i18n::strings(engine().catalog(), "sv").note(&a.notes[0]),
        "Texten hör till SSPR_0013; äldre artiklar skriver felaktigt koden SSPR_0012."
    );
    // The code alone is still its own entry.
    check(&[("SSPR_0012", &["SSPR_0012"])]);
}

#[test]
fn unknown_hresults_are_decoded_without_a_match() {
    let a = ask("0x80070005 Access is denied");
    assert!(a.no_match);
    assert_eq!(a.hresults.len(), 1);
    assert_eq!(a.hresults[0].win32, Some(5));
    let a = ask("hr=80230626");
    assert!(a.no_match);
    assert_eq!(a.hresults[0].facility, 35);
}

#[test]
fn other_products_codes_are_named_not_matched() {
    let a = ask("AADSTS50126: Error validating credentials due to invalid username or password.");
    assert!(a.no_match);
    assert_eq!(unknown(&a), [("AADSTS50126", Unknown::SignIn(50126))]);
    let a = ask("SSPR_0042");
    assert!(a.no_match);
    assert_eq!(unknown(&a), [("SSPR_0042", Unknown::Sspr)]);
}

/// The unknown codes of an answer: (code, what it is).
fn unknown(a: &Answer) -> Vec<(&str, Unknown)> {
    a.unknown_codes
        .iter()
        .map(|u| (u.code.as_str(), u.kind))
        .collect()
}

#[test]
fn codes_that_are_not_ours_say_what_they_are() {
    // (paste, unknown codes in order, each once)
    let cases: &[(&str, &[(&str, Unknown)])] = &[
        (
            "aadsts90014: The required field 'request' is missing",
            &[("AADSTS90014", Unknown::SignIn(90014))],
        ),
        (
            "AADSTS50126 then AADSTS050126 and aadsts50126",
            &[("AADSTS50126", Unknown::SignIn(50126))],
        ),
        (
            "ADSTS50126 and AADSTSfoo<script>",
            &[
                ("ADSTS50126", Unknown::Foreign),
                ("AADSTSfoo", Unknown::Foreign),
            ],
        ),
        (
            "Event ID 4740, then SSPR_0099 and AADSTS50053",
            &[
                ("4740", Unknown::Number),
                ("SSPR_0099", Unknown::Sspr),
                ("AADSTS50053", Unknown::SignIn(50053)),
            ],
        ),
        ("SSPR_0014 and hr=0x8007FFFF", &[]),
    ];
    for (q, want) in cases {
        assert_eq!(unknown(&ask(q)), *want, "{q}");
    }
}

#[test]
fn a_paste_about_another_event_gets_guesses_not_an_answer() {
    // Event 4740 is a Windows lockout event: ADUserAccountLockedOut may be a guess, not a match.
    let a = ask("Event ID 4740: A user account was locked out.");
    assert!(a.no_match);
    assert_eq!(unknown(&a), [("4740", Unknown::Number)]);
    assert!(a.candidates.iter().any(|h| h.key == "EVENT_33006"));
}

#[test]
fn answers_carry_confidence_spans_and_language() {
    let q = "Vi har upptäckt att tillbakaskrivning av lösenord inte har aktiverats.";
    let a = ask(q);
    let h = &a.groups[0].hits[0];
    assert_eq!(h.key, "SSPR_0010");
    assert_eq!(h.lang.as_deref(), Some("sv"));
    assert!(h.confidence >= Confidence::Medium);
    assert!(!h.spans.is_empty());
    for (s, e) in &h.spans {
        assert!(q.is_char_boundary(*s) && q.is_char_boundary(*e) && s < e);
    }
    assert_eq!(a.detected_lang.as_deref(), Some("sv"));
    let a = ask("SSPR_0014");
    assert_eq!(a.groups[0].hits[0].confidence, Confidence::High);
    assert_eq!(a.groups[0].hits[0].spans, vec![(0, 9)]);
}

#[test]
fn any_input_is_answered_without_panicking() {
    let big = "SSPR_0014 ".repeat(100_000);
    let weird = [
        "",
        " ",
        "\u{0}\u{1}\u{7f}\u{200b}\u{202e}\u{2066}",
        "🙂🙃🤔 SSPR_0014 🙂",
        "\u{feff}SSPR\u{200b}_0014",
        "ـــ ٣٢٠٠٢ ـــ",
        "日本語のテキスト 32002",
        big.as_str(),
    ];
    for q in weird {
        let _ = ask(q);
    }
    let a = ask(&big);
    assert!(a.truncated);
    assert_eq!(a.groups[0].hits[0].key, "SSPR_0014");
    // Invalid UTF-8 cannot reach a &str; the CLI reads bytes lossily.
    let lossy =
        String::from_utf8_lossy(&[0x53, 0xff, 0xfe, 0x33, 0x32, 0x30, 0x30, 0x32]).into_owned();
    let _ = ask(&lossy);
}

#[test]
fn lookups_are_deterministic() {
    let q = "Log Name: Application\nSource: PasswordResetService\nEvent ID: 33008\nuser: a@b.c";
    assert_eq!(ask(q), ask(q));
}

#[test]
fn config_defaults_respect_their_documented_constraints() {
    let c = Config::DEFAULT;
    // Pruning must never drop a passage that could still score as a guess.
    assert!(c.min_precision.powf(c.precision_weight) < c.text_low);
    assert!(c.text_low < c.text_medium && c.text_medium < c.text_high);
    assert!(c.max_text_bytes >= 2048 && c.max_code_bytes >= c.max_text_bytes);
    assert!(c.max_guesses <= 10 && c.max_alternatives <= 5);
    assert!(c.phrase_led_raise <= c.phrase_raise);
    assert!(c.text_medium <= c.contest_below && c.contest_below <= c.text_high);
    assert!((0.0..=0.3).contains(&c.phrase_lead) && c.phrase_led_raise >= 0.0);
    let i = IndexConfig::DEFAULT;
    assert!(i.list_item_weight <= i.later_passage_weight && i.later_passage_weight <= 1.0);
}

/// Three hand-made entries: what the engine does follows from the catalog it is given.
fn tiny() -> Engine {
    let catalog = Catalog {
        entries: vec![
            Entry::new("SSPR_0014", Kind::Screen, Area::Screen)
                .code("UserNotProperlyConfigured")
                .text(
                    "en",
                    "Security info missing",
                    "Additional security info is needed",
                    "The user has no phone or e-mail registered.",
                ),
            Entry::new("EVENT_32002", Kind::Event, Area::Events)
                .code("32002")
                .text(
                    "en",
                    "Service bus unreachable",
                    "Error connecting to the service bus",
                    "The sync server cannot reach the relay endpoint.",
                ),
            Entry::new("printer-jam", Kind::Symptom, Area::Usage).text(
                "en",
                "Printer jam",
                "",
                "Paper is stuck inside the printer tray rollers.",
            ),
        ],
        ..Catalog::default()
    };
    Engine::new(catalog, &IndexConfig::DEFAULT)
}

#[test]
fn an_engine_answers_from_the_catalog_it_is_given() {
    let eng = tiny();
    let keys = |q: &str| {
        let a = eng.lookup(q, &Config::DEFAULT);
        (a.no_match, a.keys())
    };
    let cases: &[(&str, bool, &[&str])] = &[
        ("SSPR_0014", false, &["SSPR_0014"]),
        ("UserNotProperlyConfigured", false, &["SSPR_0014"]),
        ("Event ID: 32002", false, &["EVENT_32002"]),
        (
            "paper is stuck inside the printer tray",
            false,
            &["printer-jam"],
        ),
        // Not in this catalog, though the full one has it.
        ("SSPR_0029", true, &[]),
        ("hr=800700CE", true, &[]),
    ];
    for (q, no_match, want) in cases {
        let (nm, got) = keys(q);
        assert_eq!(nm, *no_match, "{q}: {got:?}");
        assert_eq!(
            got.iter().map(String::as_str).collect::<Vec<_>>(),
            *want,
            "{q}"
        );
    }
}

#[test]
fn two_engines_over_two_catalogs_do_not_share_anything() {
    let small = tiny();
    let full = engine();
    let q = "SSPR_0029";
    assert!(small.lookup(q, &Config::DEFAULT).no_match);
    assert_eq!(full.lookup(q, &Config::DEFAULT).keys()[0], "SSPR_0029");
    assert_eq!(small.catalog().entries.len(), 3);
}

#[test]
fn another_config_changes_the_answer_not_the_engine() {
    let eng = tiny();
    let q = "paper is stuck inside the printer tray";
    let strict = Config {
        text_medium: 0.99,
        text_high: 0.995,
        ..Config::DEFAULT
    };
    assert!(!eng.lookup(q, &Config::DEFAULT).no_match);
    assert!(
        eng.lookup(q, &strict).no_match,
        "a higher bar turns the answer into a guess"
    );
    assert_eq!(eng.lookup(q, &strict).candidates[0].key, "printer-jam");
    assert!(
        !eng.lookup(q, &Config::DEFAULT).no_match,
        "the engine itself is unchanged"
    );
}

#[test]
fn explain_reports_how_much_of_the_paste_the_passage_explains() {
    // (paste, best entry, precision at least, precision below): a whole message is explained
    // nearly whole; the same words inside another product's sentence only in part.
    for (q, key, lo, hi) in [
        (
            "We've detected that password reset hasn't been enabled by your administrator.",
            "SSPR_0009",
            0.9,
            1.01,
        ),
        (
            "Please enter a valid email address.",
            "usage-using-address",
            0.3,
            0.6,
        ),
    ] {
        let x = &engine().explain(q, &Config::DEFAULT)[0];
        assert_eq!(x.key, key, "{q}");
        assert!(
            lo <= x.precision && x.precision < hi,
            "{q}: precision {}",
            x.precision
        );
    }
}

/// A language that knows much less of the paste than the best one is not scanned: an English
/// sentence does not reach a Spanish passage that shares two product words with it.
#[test]
fn languages_that_know_little_of_the_paste_are_not_scanned() {
    let catalog = Catalog {
        entries: vec![
            Entry::new("stopped", Kind::Symptom, Area::Writeback).text(
                "en",
                "The password writeback service stopped",
                "The password writeback service stopped unexpectedly on the sync server",
                "Restart the service.",
            ),
            Entry::new("other", Kind::Symptom, Area::Writeback).text(
                "es",
                "El writeback de password falla",
                "El servicio de writeback de password no arranca en el servidor",
                "Reinicie el servicio.",
            ),
        ],
        ..Catalog::default()
    };
    let eng = Engine::new(catalog, &IndexConfig::DEFAULT);
    let q = "the writeback service stopped unexpectedly, password resets fail";
    // (share kept, whether the Spanish entry is a candidate at all)
    for (share, spanish) in [(Config::DEFAULT.lang_keep_share, false), (0.0, true)] {
        let cfg = Config {
            lang_keep_share: share,
            ..Config::DEFAULT
        };
        let keys: Vec<String> = eng.explain(q, &cfg).into_iter().map(|e| e.key).collect();
        assert_eq!(keys.first().map(String::as_str), Some("stopped"), "{share}");
        assert_eq!(
            keys.iter().any(|k| k == "other"),
            spanish,
            "{share}: {keys:?}"
        );
    }
}

/// Engines over a hand-made catalog of `entries`: without, then with, lexicon file `file` merged.
fn without_and_with(entries: &[Entry], file: &str) -> (Engine, Engine) {
    let with = |merge: bool| {
        let mut cat = Catalog {
            entries: entries.to_vec(),
            ..Catalog::default()
        };
        if merge {
            cat.add_language(file).expect("the file merges");
        }
        Engine::new(cat, &IndexConfig::DEFAULT)
    };
    (with(false), with(true))
}

/// A usage symptom with English text only, for the hand-made catalogs of the phrase tests.
fn usage_en(key: &str, title: &str, text: &str) -> Entry {
    Entry::new(key, Kind::Symptom, Area::Usage).text("en", title, "", text)
}

/// The SMS entry of the phrase tests.
fn no_sms() -> Entry {
    usage_en(
        "no-sms",
        "The user never receives the password reset SMS or phone call",
        "The mobile number may be wrong, or the carrier blocks short codes.",
    )
}

/// The licence entry of the phrase tests.
fn no_licence() -> Entry {
    usage_en(
        "no-licence",
        "Your organization lacks the licenses required for password reset",
        "Ask your admin to review the license assignments.",
    )
}

/// The lexicon (`catalog/lexicon/`): words of one concept, in any language, meet. On a small
/// hand-made catalog of look-alike pairs, a description that differs from both only in a word
/// the lexicon gives the same concept as one of them ranks that one first; without the lexicon
/// the pair ties (the first in the catalog wins) or nothing matches.
#[test]
fn lexicon_words_meet_the_articles_words() {
    let en = |key: &str, text: &str| {
        Entry::new(key, Kind::Symptom, Area::Usage).text("en", text, "", text)
    };
    let zh = |key: &str, text: &str| {
        Entry::new(key, Kind::Symptom, Area::Usage).text("zh-cn", text, "", text)
    };
    let entries = vec![
        en(
            "account-locked",
            "The on-premises account is locked, so the password cannot be written back.",
        ),
        en(
            "account-disabled",
            "The on-premises account is disabled, so the password cannot be written back.",
        ),
        en(
            "no-group",
            "Your organization has no group for password reset.",
        ),
        en(
            "no-licence",
            "Your organization has no licence for password reset.",
        ),
        zh("email-missing", "验证邮件一直收不到，无法重置密码"),
        zh("sms-missing", "验证短信一直收不到，无法重置密码"),
        // Other Chinese passages, so that the pairs the two share are not too common to count.
        zh("printer", "打印机卡纸了，请打开纸盒"),
        zh("network", "网络连接超时，请检查代理服务器"),
        zh("locked", "账户已被锁定，请联系管理员解锁"),
        zh("history", "新密码不能与最近用过的相同"),
    ];
    let lexicon = "V\ten\tlicense\tlicence\tseat\tp1\n\
                   V\ten\tdisabled\tdisabled\tdeactivat*\n\
                   V\tzh-cn\tsms\t短信\t简讯\n";
    let (plain, lexical) = without_and_with(&entries, lexicon);
    let first = |eng: &Engine, q: &str| {
        let a = eng.lookup(q, &Config::DEFAULT);
        a.groups
            .first()
            .map(|g| g.hits[0].key.clone())
            .or_else(|| a.candidates.first().map(|h| h.key.clone()))
    };
    // (description, the entry it means, what comes first without the lexicon: the look-alike
    // by catalog order, or nothing)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "The on-premises account is deactivated, so the password cannot be written back.",
            "account-disabled",
            Some("account-locked"),
        ),
        (
            "Your organization has no seat for password reset.",
            "no-licence",
            Some("no-group"),
        ),
        ("验证简讯一直收不到，无法重置密码", "sms-missing", None),
    ];
    for (q, want, without) in cases {
        assert_eq!(
            first(&lexical, q).as_deref(),
            Some(*want),
            "{q} with the lexicon"
        );
        assert_eq!(first(&plain, q).as_deref(), *without, "{q} without it");
    }
}

/// Phrases (`catalog/phrases/`): a description in people's words that shares little with an
/// entry's article text answers through the entry's phrases, in the phrase's language; the
/// phrases are matched, never shown; without them the description finds nothing or a look-alike.
#[test]
fn phrases_answer_descriptions_in_peoples_words() {
    let entries = vec![
        no_sms(),
        usage_en(
            "no-email",
            "The user never receives the password reset email",
            "Check the spam folder and the alternate email address registered.",
        ),
        no_licence(),
        usage_en(
            "not-in-group",
            "You are not a member of a group enabled for password reset",
            "Ask your admin to add you to the group.",
        ),
    ];
    let phrases = "P\ten\tno-sms\tthe text with the code never shows up on my phone\n\
                   P\ten\tno-email\tnothing lands in my inbox when i ask for the code\n\
                   P\ten\tno-licence\tour company never bought the premium plan for this\n\
                   P\tde\tnot-in-group\tich bin nicht in der gruppe die zurücksetzen darf\n\
                   P\tde\tno-sms\tdie sms mit dem code kommt nie an\n\
                   P\tde\tno-email\tkeine mail im postfach angekommen\n";
    let (plain, phrased) = without_and_with(&entries, phrases);
    // The bar for answers ranked by phrases is set on the real catalog (docs/figures.md); on
    // four entries with a few phrases each, scores are not on that scale, so it is lowered here.
    let cfg = Config {
        phrase_raise: 0.0,
        ..Config::DEFAULT
    };
    let top = |eng: &Engine, q: &str| {
        let a = eng.lookup(q, &cfg);
        a.groups.first().map(|g| g.hits[0].clone())
    };
    // (description, the entry it means)
    let cases: &[(&str, &str)] = &[
        (
            "the text with the code never shows up on my phone",
            "no-sms",
        ),
        ("code text never shows up on the phone", "no-sms"),
        ("nothing lands in my inbox", "no-email"),
        ("company never bought the premium plan", "no-licence"),
        (
            "ich bin nicht in der gruppe, die das passwort zurücksetzen darf",
            "not-in-group",
        ),
    ];
    for (q, want) in cases {
        let hit = top(&phrased, q).unwrap_or_else(|| panic!("{q}: no confident answer"));
        assert_eq!(hit.key, *want, "{q} with the phrases");
        assert!(
            top(&plain, q).is_none_or(|h| h.key != *want),
            "{q}: answered without the phrases too, so this case shows nothing"
        );
    }
    // Matched, never shown: the entry has no German text, so the card falls back to English.
    let a = phrased.lookup(cases[4].0, &cfg);
    assert!(!a.no_match);
    let text = sspr_lookup::view::answer_text(phrased.catalog(), &a, "de");
    assert!(!text.contains("nicht in der gruppe"), "{text}");
    assert!(text.contains("You are not a member"), "{text}");
}

/// "Not ours" phrases (key `-`): a description that is more like another product's problem than
/// like any entry's phrases is not answered through phrases, so a look-alike phrase of an entry
/// does not make it a confident answer.
#[test]
fn not_ours_phrases_keep_other_products_out() {
    let entries = vec![no_sms(), no_licence()];
    // Both engines have these (other subjects, so that no word is in most phrases: a word that
    // common is a stop word, see `IndexConfig::stop_share`); only the second has the game's.
    let ours = "P\ten\tno-sms\tthe text with the code never shows up on my phone\n\
                P\ten\tno-licence\tour company never bought the premium plan for this\n\
                P\ten\t-\toutlook keeps asking for my password every hour\n\
                P\ten\t-\tbitlocker wants a recovery key after the update\n\
                P\ten\t-\tteams is stuck on a white screen after sign in\n";
    let game = "P\ten\t-\tthe code text for my game never shows up on my phone\n";
    let (_, without_game) = without_and_with(&entries, ours);
    let (_, with_game) = without_and_with(&entries, &format!("{ours}{game}"));
    let cfg = Config {
        phrase_raise: 0.0,
        ..Config::DEFAULT
    };
    let first = |eng: &Engine, q: &str| {
        let a = eng.lookup(q, &cfg);
        a.groups.first().map(|g| g.hits[0].key.clone())
    };
    // (description, its answer without the game's "not ours" phrase, and with it)
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        (
            "the text with the code for my game never shows up on my phone",
            Some("no-sms"),
            None,
        ),
        // Ours stays ours: the entry's phrase describes it better than the other product's.
        (
            "the text with the code never shows up on my phone",
            Some("no-sms"),
            Some("no-sms"),
        ),
        (
            "company never bought the premium plan",
            Some("no-licence"),
            Some("no-licence"),
        ),
        // Each line stands for itself: another product's line does not hide ours.
        (
            "outlook keeps asking for my password every hour\n\
             the text with the code never shows up on my phone",
            Some("no-sms"),
            Some("no-sms"),
        ),
    ];
    for (q, without, with) in cases {
        assert_eq!(
            first(&without_game, q).as_deref(),
            *without,
            "{q} without the game's"
        );
        assert_eq!(
            first(&with_game, q).as_deref(),
            *with,
            "{q} with the game's"
        );
    }
}

/// Two phrases of one entry that both describe the paste are two descriptions agreeing: they
/// outweigh one phrase of another entry that alone matches a little more of it than either.
#[test]
fn phrases_of_one_entry_agreeing_add_up() {
    // Article texts that share no word with the paste: only the phrases decide.
    let entries = vec![
        usage_en("no-sms", "Blocked by the carrier", "Ask the carrier."),
        usage_en(
            "no-email",
            "Mail is filtered as spam",
            "Look in the junk folder.",
        ),
    ];
    // Each no-sms phrase has one half of the paste; the no-email phrase has most of both halves,
    // so it alone beats either no-sms phrase alone.
    let phrases = "P\ten\tno-sms\treset code never arrives anywhere\n\
                   P\ten\tno-sms\tphone screen shows nothing either\n\
                   P\ten\tno-email\tcode never arrives anywhere, screen shows nothing\n\
                   P\ten\t-\toutlook keeps asking for my password every hour\n\
                   P\ten\t-\tbitlocker wants a recovery key after the update\n\
                   P\ten\t-\tteams is stuck on a white screen after sign in\n\
                   P\ten\t-\tmy laptop will not join the wifi at work\n\
                   P\ten\t-\tonedrive stopped syncing my documents folder\n\
                   P\ten\t-\tthe printer cannot send scans by mail anymore\n\
                   P\ten\t-\twindows hello forgot my face after the upgrade\n";
    // (The other subjects keep common words from being stop words: `IndexConfig::stop_share`.)
    let (_, phrased) = without_and_with(&entries, phrases);
    let cfg = Config {
        phrase_raise: 0.0,
        ..Config::DEFAULT
    };
    let q = "reset code never arrives anywhere, phone screen shows nothing either";
    let first = |cfg: &Config| {
        let a = phrased.lookup(q, cfg);
        a.groups.first().map(|g| g.hits[0].key.clone())
    };
    assert_eq!(first(&cfg).as_deref(), Some("no-sms"));
    // Counting only each entry's best passage (no share of the next), the other entry wins.
    let best_only = Config {
        second_passage: 0.0,
        ..cfg
    };
    assert_eq!(first(&best_only).as_deref(), Some("no-email"));
}

/// A description of another product's problem that a "not ours" phrase describes better than
/// any entry gets "no confident match" without guesses: our entries that match it even worse
/// are no help. Guesses that beat the "not ours" phrase stay.
#[test]
fn guesses_worse_than_another_products_problem_are_dropped() {
    let eng = engine();
    // (description, whether guesses remain)
    let cases: &[(&str, bool)] = &[
        ("Outlook me pide la contraseña cada cinco minutos", false),
        ("Uw wachtwoord is verlopen en moet worden gewijzigd.", false),
        // One of ours, not confident: its guesses stay.
        (
            "je reçois jamais le code par texto pour reinitialiser",
            true,
        ),
    ];
    for (q, kept) in cases {
        let a = eng.lookup(q, &Config::DEFAULT);
        assert!(a.no_match, "{q}");
        assert_eq!(!a.candidates.is_empty(), *kept, "{q}: {:?}", a.candidates);
    }
}

/// A description in people's words that names nothing of the catalog's subject (no password,
/// reset, writeback, account, tenant…, in any language: `text::SUBJECT`) is not answered
/// through phrases, however well it matches one: it is worded like one of ours and is about
/// something else. With a word of the subject, the same words are answered.
#[test]
fn phrases_answer_only_descriptions_that_name_the_subject() {
    let eng = engine();
    // (description, answer or None for "no confident match")
    let cases: &[(&str, Option<&str>)] = &[
        ("die SMS mit dem Code von meiner Bank kommt nicht an", None),
        (
            "die SMS mit dem Code zum Zurücksetzen des Passworts kommt nicht an",
            Some("usage-sms-call"),
        ),
    ];
    for (q, want) in cases {
        let a = eng.lookup(q, &Config::DEFAULT);
        let first = a.groups.first().map(|g| g.hits[0].key.as_str());
        assert_eq!(first, *want, "{q}");
    }
    // Still a guess: the reader sees what it looks like.
    let a = eng.lookup(cases[0].0, &Config::DEFAULT);
    assert_eq!(
        a.candidates.first().map(|h| h.key.as_str()),
        Some("usage-sms-call")
    );
    // Every concept the rule names is one the lexicon has (a misspelt name would be ignored).
    let lex = &eng.catalog().lexicon;
    for name in sspr_lookup::rank::text::SUBJECT.split_whitespace() {
        assert!(
            lex.concept_number(name).is_some(),
            "{name} is not a concept"
        );
    }
}

/// A paste carrying a code is an error's text, not a description: phrases never answer it, and
/// a paste the articles answer is answered as before.
#[test]
fn phrases_never_answer_a_paste_with_codes() {
    let eng = Engine::new(Catalog::embedded(), &IndexConfig::DEFAULT);
    // (paste, the answer's first key or None for "no confident match")
    let cases: &[(&str, Option<&str>)] = &[
        ("SSPR_0014", Some("SSPR_0014")),
        (
            "0x80070005 the text with the code never comes to my phone",
            None,
        ),
    ];
    for (q, want) in cases {
        let a = eng.lookup(q, &Config::DEFAULT);
        let first = a.groups.first().map(|g| g.hits[0].key.as_str());
        assert_eq!(first, *want, "{q}");
    }
}

/// A description the articles answer only weakly (medium, below `Config::contest_below`) while
/// the phrases would confidently answer another entry is contested: "no confident match", with
/// the phrases' ranking (which holds both) as guesses. A weak answer the phrases agree with
/// stands, and so does one that only another line of the paste contradicts. With the rule
/// off, the articles' weak look-alike was the answer.
#[test]
fn a_weak_articles_answer_the_phrases_contradict_is_no_confident_match() {
    let eng = engine();
    let off = Config {
        contest_below: Config::DEFAULT.text_medium,
        ..Config::DEFAULT
    };
    // (description, answer with the rule off, with it: Ok(answer) or Err(first guess))
    let cases: &[(&str, &str, Result<&str, &str>)] = &[
        (
            "der Dienst kann die Konfigurationsdatei für Writeback beim Starten nicht lesen",
            "EVENT_31015",
            Err("EVENT_32005"),
        ),
        (
            "nach Neustart vom Connect Server kommt der Writeback Endpunkt nicht hoch",
            "guide-restart-sync-service",
            Err("ADSYNC_6800"),
        ),
        (
            "온프렘에서 비활성화된 계정이라서 쓰기 저장 실패",
            "HR_8023061F",
            Err("EVENT_33005"),
        ),
        // The phrases agree: the articles' weak answer stands.
        (
            "la cuenta del conector de AD no tiene permiso para restablecer contraseñas",
            "EVENT_33004",
            Ok("EVENT_33004"),
        ),
        // Only the text the answer came from is weighed against the phrases: another line,
        // about another problem, does not contest it (and the cost stays one segment's).
        (
            "la cuenta del conector de AD no tiene permiso para restablecer contraseñas\n\
             i never get the text with the code when i try to reset my password",
            "EVENT_33004",
            Ok("EVENT_33004"),
        ),
    ];
    let outcome = |a: &Answer| match a.groups.first() {
        Some(g) => Ok(g.hits[0].key.clone()),
        None => Err(a
            .candidates
            .first()
            .map_or(String::new(), |h| h.key.clone())),
    };
    // The multi-line case means something only because its second line, alone, would contest.
    let second = "i never get the text with the code when i try to reset my password";
    let alone = eng.lookup(second, &Config::DEFAULT);
    assert!(alone
        .groups
        .first()
        .is_some_and(|g| g.hits[0].key != "EVENT_33004"));
    for (q, before, now) in cases {
        let was = eng.lookup(q, &off);
        assert_eq!(outcome(&was), Ok(before.to_string()), "{q}, rule off");
        let a = eng.lookup(q, &Config::DEFAULT);
        let now = now.map(str::to_string).map_err(str::to_string);
        assert_eq!(outcome(&a), now, "{q}");
        if now.is_err() {
            assert!(a.no_match, "{q}");
            // The articles' look-alike is still among the guesses.
            assert!(a.candidates.iter().any(|h| h.key == *before), "{q}");
        }
    }
}

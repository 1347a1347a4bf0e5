//! What a row without an activity or a category most likely is, from what
//! the sheet does say: the name, the legal form, the sector and the
//! category's own words. A suggestion names its clue, is shown « à
//! vérifier » in the import preview, and stays marked in the register
//! ([`crate::model::dossier::ToCheck`]) until she confirms it: the 60 %
//! threshold must never rest silently on one guess made for every row.
//!
//! The rules are ordered from the strongest clue to the weakest: an
//! institution's name (« Université », « École », « Laboratoire »…) outweighs
//! a sector (a school of textile engineering is not a textile mill), a
//! company's legal form or sector decides its activity, and a row with no
//! clue at all gets no suggestion (she chooses).

use super::mapping::normalise;
use crate::model::dossier::{Activity, MemberCategory};

/// What a row says about its member, as typed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Clues<'a> {
    pub name: &'a str,
    pub legal_form: &'a str,
    pub sector: &'a str,
    /// The category's cell, when the sheet has one (already understood or
    /// not): « Centre technique » says as much as a name does.
    pub category: &'a str,
}

/// One suggested value and the words that suggested it, for « à vérifier ».
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess<T> {
    pub value: T,
    /// « nom : Université », « secteur : textile ».
    pub clue: String,
}

/// The suggestions for one row; `None` where nothing in the row tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestion {
    pub activity: Option<Guess<Activity>>,
    pub category: Option<Guess<MemberCategory>>,
}

/// A keyword: matched as a whole word, or as the start of a word when it
/// ends with `*` (« industri* » matches « industriel », « industries »).
/// Several words are matched in sequence (« bureau d etudes »).
type Keywords = &'static [&'static str];

/// Training, innovation and research bodies (the call's second category),
/// by words no firm's name carries.
const RESEARCH: Keywords = &[
    "universit*",
    "ecole*",
    "faculte*",
    "institut*",
    "laboratoire*",
    "labo",
    "ensa",
    "ensam",
    "encg",
    "est",
    "fst",
    "ista",
    "ofppt",
    "cnrst",
    "inra",
    "mascir",
    "technopole*",
    "lycee*",
    "academie*",
];

/// Words of a training or research body that a firm may also carry
/// (« Centre Auto SARL »): they count only without a company legal form.
const RESEARCH_WEAK: Keywords = &["centre*", "center", "recherche", "formation", "incubateur*"];

/// Associations and public bodies (the call's « autres collèges »).
/// Checked before [`RESEARCH`]: « Centre régional d'investissement » is an
/// administration, not a research centre.
const REPRESENTATIVE: Keywords = &[
    "association*",
    "federation*",
    "chambre*",
    "ministere*",
    "direction regionale",
    "delegation*",
    "conseil regional",
    "commune*",
    "prefecture*",
    "province*",
    "wilaya*",
    "centre regional d investissement",
    "cri",
    "office national",
    "onssa",
    "amdie",
    "collectivite*",
    "administration*",
    "organisme public",
    "etablissement public",
];

/// Words of a public body or association that a firm may also carry
/// (« Agence Atlas Communication SARL »).
const REPRESENTATIVE_WEAK: Keywords = &["agence*", "fondation*", "groupement*", "office*"];

/// Company legal forms (and the words that stand for them).
const COMPANY: Keywords = &[
    "sarl*",
    "sarlau",
    "sa",
    "sas",
    "sasu",
    "snc",
    "scs",
    "sca",
    "ste",
    "societe*",
    "ets",
    "etablissements",
    "entreprise*",
    "s a r l",
    "s a",
    "group",
    "groupe",
    "holding",
    "industries",
    "pme",
    "tpe",
    "startup*",
    "start up",
];

/// Technological activities (checked before industry: « ingénierie
/// mécanique » is a design office).
const TECHNOLOGICAL: Keywords = &[
    "techno*",
    "informatique*",
    "logiciel*",
    "software*",
    "numerique*",
    "digital*",
    "tic",
    "it",
    "telecom*",
    "electronique*",
    "ingenierie*",
    "engineering",
    "bureau d etudes",
    "bureau d etude",
    "etudes techniques",
    "r d",
    "rd",
    "recherche et developpement",
    "data",
    "intelligence artificielle",
    "ia",
    "cloud",
    "cyber*",
    "web",
    "automatisme*",
    "robotique*",
    "biotech*",
    "systemes d information",
    "innovation",
    "smart",
    "iot",
    "drone*",
    "laser*",
];

/// Industrial activities: making things.
const INDUSTRIAL: Keywords = &[
    "industri*",
    "fabric*",
    "usine*",
    "manufactur*",
    "production",
    "transformat*",
    "textile*",
    "confection*",
    "habillement",
    "cuir*",
    "chaussure*",
    "agroalimentaire*",
    "agro*",
    "conserve*",
    "conserverie*",
    "biscuit*",
    "huilerie*",
    "minoterie*",
    "laiterie*",
    "emballage*",
    "plasturgie*",
    "plastique*",
    "chimi*",
    "pharma*",
    "cosmetique*",
    "metallurgi*",
    "metallique*",
    "mecanique*",
    "siderurgi*",
    "automobile*",
    "cablage*",
    "aeronautique*",
    "materiaux",
    "ceramique*",
    "verrerie*",
    "papeterie*",
    "carton*",
    "imprimerie*",
    "ameublement",
    "meuble*",
    "ciment*",
    "sucrerie*",
    "boisson*",
    "fonderie*",
    "chaudronnerie*",
    "decolletage*",
    "recyclage*",
    "filature*",
    "tissage*",
    "bonneterie*",
    "moulage*",
    "injection",
    "assemblage*",
    "equipementier*",
];

/// The call's « secteurs spécifiques »: crafts and local produce.
const SPECIFIC: Keywords = &[
    "specifique*",
    "artisanat*",
    "artisan*",
    "terroir*",
    "argan*",
    "safran*",
    "cooperative*",
    "halieutique*",
];

/// Services and trade: members, but not industrial, technological or
/// specific firms.
const OTHER: Keywords = &[
    "service*",
    "commerce*",
    "commercial*",
    "negoce*",
    "distribution*",
    "import",
    "export",
    "conseil*",
    "consulting*",
    "cabinet*",
    "banque*",
    "bancaire*",
    "assurance*",
    "transport*",
    "logistique*",
    "comptab*",
    "avocat*",
    "immobilier*",
    "communication*",
    "evenementiel*",
    "nettoyage",
    "gardiennage",
    "restauration",
    "hotel*",
    "tourisme",
    "audit*",
    "courtage",
    "location",
];

/// A text's words, each as typed and normalised (accents, case).
struct Words<'a>(Vec<(&'a str, String)>);

impl<'a> Words<'a> {
    fn of(text: &'a str) -> Self {
        Self(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (w, normalise(w)))
                .collect(),
        )
    }

    /// The words as typed of the first keyword of `list` found.
    fn find(&self, list: Keywords) -> Option<String> {
        list.iter().find_map(|k| {
            let (stem, prefix) = match k.strip_suffix('*') {
                Some(s) => (s, true),
                None => (*k, false),
            };
            let parts: Vec<&str> = stem.split(' ').collect();
            let last = parts.len().checked_sub(1)?;
            self.0.windows(parts.len()).find_map(|w| {
                let hit = w
                    .iter()
                    .zip(&parts)
                    .enumerate()
                    .all(|(i, ((_, word), part))| {
                        if prefix && i == last {
                            word.starts_with(part)
                        } else {
                            word == part
                        }
                    });
                hit.then(|| {
                    w.iter()
                        .map(|(typed, _)| *typed)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            })
        })
    }
}

/// The suggestions for one row.
pub fn suggest(clues: Clues<'_>) -> Suggestion {
    let name = Words::of(clues.name);
    let legal = Words::of(clues.legal_form);
    let sector = Words::of(clues.sector);
    let category = Words::of(clues.category);
    let clue = |what: &str, typed: String| format!("{what} : « {typed} »");
    let sources = [
        ("nom", &name),
        ("forme juridique", &legal),
        ("catégorie", &category),
    ];
    let body_in = |representative: Keywords, research: Keywords| {
        sources.iter().find_map(|(what, words)| {
            words
                .find(representative)
                .map(|k| (MemberCategory::OtherRepresentative, clue(what, k)))
                .or_else(|| {
                    words
                        .find(research)
                        .map(|k| (MemberCategory::TrainingResearch, clue(what, k)))
                })
        })
    };
    let company = [
        ("forme juridique", &legal),
        ("nom", &name),
        ("catégorie", &category),
    ]
    .iter()
    .find_map(|(what, words)| words.find(COMPANY).map(|k| clue(what, k)));
    // An institution's own words first; words a firm may share only when
    // no legal form says « firm ».
    let body = body_in(REPRESENTATIVE, RESEARCH).or_else(|| {
        company
            .is_none()
            .then(|| body_in(REPRESENTATIVE_WEAK, RESEARCH_WEAK))
            .flatten()
    });
    if let Some((value, clue)) = body {
        // Not an industrial firm, whatever its sector.
        return Suggestion {
            activity: Some(Guess {
                value: Activity::Other,
                clue: clue.clone(),
            }),
            category: Some(Guess { value, clue }),
        };
    }
    let activity = [("secteur", &sector), ("nom", &name)]
        .iter()
        .find_map(|(what, words)| {
            [
                (TECHNOLOGICAL, Activity::Technological),
                (SPECIFIC, Activity::Specific),
                (INDUSTRIAL, Activity::Industrial),
                (OTHER, Activity::Other),
            ]
            .iter()
            .find_map(|(list, value)| {
                words.find(list).map(|k| Guess {
                    value: *value,
                    clue: clue(what, k),
                })
            })
        });
    // A firm by its legal form, or by having a firm's activity.
    let category = company
        .or_else(|| activity.as_ref().map(|a| a.clue.clone()))
        .map(|clue| Guess {
            value: MemberCategory::EngagedCompany,
            clue,
        });
    Suggestion { activity, category }
}

/// The activity a word of the activity column means when it is not one of
/// the call's words: a sector or a trade (« R&D », « Bureau d'études »,
/// « Textile »), or a training body's (« Formation »: not a firm's
/// activity that counts).
pub fn activity_word(word: &str) -> Option<Activity> {
    let words = Words::of(word);
    if words.find(RESEARCH).is_some() || words.find(RESEARCH_WEAK).is_some() {
        return Some(Activity::Other);
    }
    [
        (TECHNOLOGICAL, Activity::Technological),
        (SPECIFIC, Activity::Specific),
        (INDUSTRIAL, Activity::Industrial),
        (OTHER, Activity::Other),
    ]
    .into_iter()
    .find_map(|(list, value)| words.find(list).map(|_| value))
}

/// What the activity column accepts, for the message of a word not
/// understood.
pub const ACCEPTED_ACTIVITIES: &str = "Industrielle, Technologique, Spécifique ou Autre, \
     ou un métier comme « Textile », « Agroalimentaire », « Logiciel », « R&D », \
     « Bureau d'études », « Artisanat », « Services », « Formation »";

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str, sector: &str) -> Suggestion {
        suggest(Clues {
            name,
            sector,
            ..Clues::default()
        })
    }

    #[test]
    fn institutions_are_never_industrial_firms() {
        for name in [
            "Université Sidi Mohamed Ben Abdellah",
            "École Nationale des Sciences Appliquées de Fès",
            "Centre Technique du Textile et de l'Habillement",
            "Laboratoire de génie des procédés",
            "Institut Spécialisé de Technologie Appliquée",
            "ENSAM Meknès",
        ] {
            let s = of(name, "Textile");
            assert_eq!(s.activity.map(|g| g.value), Some(Activity::Other), "{name}");
            assert_eq!(
                s.category.map(|g| g.value),
                Some(MemberCategory::TrainingResearch),
                "{name}"
            );
        }
        for name in [
            "Association des Industriels du Saïss",
            "Chambre de Commerce, d'Industrie et de Services",
            "Centre Régional d'Investissement Fès-Meknès",
            "Fédération des industries agroalimentaires",
        ] {
            let s = of(name, "Agroalimentaire");
            assert_eq!(s.activity.map(|g| g.value), Some(Activity::Other), "{name}");
            assert_eq!(
                s.category.map(|g| g.value),
                Some(MemberCategory::OtherRepresentative),
                "{name}"
            );
        }
    }

    #[test]
    fn a_company_takes_its_activity_from_its_sector_then_its_name() {
        let cases = [
            ("Atlas Emballages SARL", "Plasturgie", Activity::Industrial),
            (
                "Saïss Soft",
                "Développement logiciel",
                Activity::Technological,
            ),
            ("Bureau d'études Kawtar", "", Activity::Technological),
            (
                "Coopérative Tighanimine",
                "Huile d'argan",
                Activity::Specific,
            ),
            ("Fès Conseil", "Conseil en gestion", Activity::Other),
            ("Biscuiterie du Détroit", "", Activity::Industrial),
            ("Meknès Data", "R&D", Activity::Technological),
        ];
        for (name, sector, activity) in cases {
            let s = of(name, sector);
            assert_eq!(
                s.activity.map(|g| g.value),
                Some(activity),
                "{name} / {sector}"
            );
            assert_eq!(
                s.category.map(|g| g.value),
                Some(MemberCategory::EngagedCompany),
                "{name}"
            );
        }
    }

    #[test]
    fn no_clue_no_suggestion() {
        let s = of("Kawtar", "");
        assert_eq!(s, Suggestion::default());
        // A legal form says « a firm », not which activity.
        let s = suggest(Clues {
            name: "Kawtar",
            legal_form: "SARL AU",
            ..Clues::default()
        });
        assert!(s.activity.is_none());
        assert_eq!(
            s.category.map(|g| (g.value, g.clue)),
            Some((
                MemberCategory::EngagedCompany,
                "forme juridique : « SARL »".to_string()
            ))
        );
    }

    #[test]
    fn the_clue_names_the_words_that_decided() {
        let s = of("Université Euromed", "");
        assert_eq!(
            s.activity.map(|g| g.clue),
            Some("nom : « Université »".to_string())
        );
    }

    #[test]
    fn a_legal_form_outweighs_words_a_firm_may_share() {
        let s = of("Centre Auto Fès SARL", "Mécanique");
        assert_eq!(s.activity.map(|g| g.value), Some(Activity::Industrial));
        let s = of("Agence Atlas Communication", "");
        assert_eq!(
            s.category.map(|g| g.value),
            Some(MemberCategory::OtherRepresentative)
        );
        let s = of("Université Privée de Fès SA", "");
        assert_eq!(
            s.category.map(|g| g.value),
            Some(MemberCategory::TrainingResearch)
        );
    }

    #[test]
    fn the_words_people_use_for_activities() {
        for (word, activity) in [
            ("Formation", Activity::Other),
            ("R&D", Activity::Technological),
            ("Bureau d'études", Activity::Technological),
            ("Ingénierie", Activity::Technological),
            ("Textile", Activity::Industrial),
            ("Agro-alimentaire", Activity::Industrial),
            ("Artisanat", Activity::Specific),
            ("Négoce", Activity::Other),
        ] {
            assert_eq!(activity_word(word), Some(activity), "{word}");
        }
        assert_eq!(activity_word("Kawtar"), None);
    }

    #[test]
    fn short_keywords_match_whole_words_only() {
        // « est » (École supérieure de technologie) is not in « Estampage »,
        // « it » not in « Italie », « sa » not in « Safi ».
        let s = of("Estampage de Safi", "Italie");
        assert!(s.category.is_none() && s.activity.is_none(), "{s:?}");
    }
}

//! `import-members TABLEUR --into FICHIER [--merge] [--map …]
//! [--activite-par-defaut …] [--categorie-par-defaut …]`: the member
//! register from a spreadsheet. The plan is made and applied under the
//! dossier's lock, on the file as it is then, so two imports at once both
//! keep their members.

use super::Declared;
use super::args::{Exit, Given, Opt, Spec, Usage};
use super::import_console::{self as console, ACTIVITY_WORDS, CATEGORY_WORDS};
use super::outcome::{Failure, Outcome};
use crate::service::import::{Applied, DuplicatePolicy, Field, apply_to_file};

/// The import's typed arguments.
pub type ImportMembers = console::Request;

const NAME: &str = "import-members";

/// The field keys `--map` accepts, from the import's own list.
fn notes() -> String {
    let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
    format!(
        "Champs de --map : {}.\nActivités : {}. Catégories : {}.",
        keys.join(" "),
        ACTIVITY_WORDS.replace('|', " "),
        CATEGORY_WORDS.replace('|', " ")
    )
}

impl Declared for console::Request {
    const SPEC: Spec = Spec {
        name: NAME,
        summary: "importe le registre des membres d'un tableur (CSV, XLSX, XLS, ODS)",
        synopsis: "TABLEUR --into FICHIER.ron [--merge] [--map Colonne=champ,…] [--activite-par-defaut A] [--categorie-par-defaut C] [--accepter-suggestions]",
        files: &["TABLEUR"],
        files_min: 1,
        options: &[
            Opt {
                long: "into",
                short: None,
                value: Some("FICHIER.ron"),
                help: "le dossier à compléter (obligatoire) ; il n'est enregistré que si des lignes sont importées",
            },
            Opt {
                long: "merge",
                short: None,
                value: None,
                help: "complète les membres déjà présents (même ICE ou même nom) au lieu de les ignorer",
            },
            Opt {
                long: "map",
                short: None,
                value: Some("Colonne=champ,…"),
                help: "impose le champ d'une colonne, donnée par son titre ou son numéro (1 pour la première) ; répétable",
            },
            Opt {
                long: "accepter-suggestions",
                short: None,
                value: None,
                help: "les lignes sans activité ou sans catégorie prennent celle que suggèrent leur nom, leur forme juridique et leur secteur (« Université » : formation et recherche) ; marquées « à vérifier » au registre",
            },
            Opt {
                long: "activite-par-defaut",
                short: None,
                value: Some("A"),
                help: "l'activité des lignes qui n'en donnent pas (sans elle, ces lignes ne sont pas importées)",
            },
            Opt {
                long: "categorie-par-defaut",
                short: None,
                value: Some("C"),
                help: "la catégorie des lignes qui n'en donnent pas (sans elle, ces lignes ne sont pas importées)",
            },
        ],
        appel: "accepté, sans effet : l'import n'a pas besoin du profil d'appel",
        about: "Importe le registre des membres : CSV (séparé par ; ou , en UTF-8, UTF-16 ou\n\
                Windows-1252), XLSX, XLS ou ODS. Les colonnes sont reconnues d'après leur titre et\n\
                listées ; chaque ligne non ajoutée est expliquée. Les doublons (même ICE ou même nom)\n\
                sont ignorés, ou complétés avec --merge. Le dossier est relu et enregistré sous son\n\
                verrou : deux imports en même temps gardent tous deux leurs membres.",
        notes: Some(notes),
        examples: &[
            "import-members membres.xlsx --into mon-cluster.ron",
            "import-members membres.csv --into mon-cluster.ron --merge --map Secteur=secteur,3=ville --activite-par-defaut industrielle",
        ],
        exits: &[
            (
                Exit::Ok,
                "membres importés, ou rien à importer (le dossier n'est alors pas modifié)",
            ),
            (
                Exit::Unusable,
                "tableur ou dossier illisible, colonne absente ou erreur d'utilisation ; le dossier n'est pas modifié",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        let usage = |m: String| Usage::new(Some(NAME), m);
        let mut req = console::Request {
            sheet: given.required_file(0)?,
            into: given.required_path("into")?,
            ..Default::default()
        };
        if given.flag("merge")? {
            req.options.policy = DuplicatePolicy::Merge;
        }
        req.options.accept_suggestions = given.flag("accepter-suggestions")?;
        for map in given.all("map")? {
            let map = map.to_str().ok_or_else(|| {
                usage(format!(
                    "« --map » : « {} » n'est pas du texte lisible",
                    map.to_string_lossy()
                ))
            })?;
            for pair in map.split(',').filter(|p| !p.trim().is_empty()) {
                let (column, field) = pair
                    .rsplit_once('=')
                    .ok_or_else(|| usage(format!("« {pair} » : attendu Colonne=champ")))?;
                let field = Field::from_key(field)
                    .ok_or_else(|| usage(format!("champ « {field} » inconnu")))?;
                req.overrides.push((column.trim().to_string(), field));
            }
        }
        if let Some(v) = given.text("activite-par-defaut")? {
            req.options.default_activity = Some(console::activity_word(&v).ok_or_else(|| {
                usage(format!(
                    "activité « {v} » non reconnue (attendu {ACTIVITY_WORDS})"
                ))
            })?);
        }
        if let Some(v) = given.text("categorie-par-defaut")? {
            req.options.default_category = Some(console::category_word(&v).ok_or_else(|| {
                usage(format!(
                    "catégorie « {v} » non reconnue (attendu {CATEGORY_WORDS})"
                ))
            })?);
        }
        // `--appel` is accepted by every command; the import needs no profile.
        given.profile()?;
        Ok(req)
    }
}

pub fn run(req: ImportMembers) -> Result<Outcome, Failure> {
    match apply_to_file(&req.into, |dossier| console::plan(&req, dossier))? {
        Applied::Saved(summary) => {
            println!("{summary} — dossier enregistré : {}", req.into.display());
            Ok(Outcome::Done)
        }
        Applied::Nothing(summary) => {
            println!("Rien à importer : {summary}. Le dossier n'a pas été modifié.");
            Ok(Outcome::Done)
        }
        Applied::Stopped(console::Failure::Usage(e)) => {
            Err(Failure::Usage(Usage::new(Some(NAME), e)))
        }
        Applied::Stopped(console::Failure::Unreadable(e)) => Err(Failure::Import(e)),
    }
}

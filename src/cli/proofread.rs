//! `proofread FICHIER [-o RELECTURE.docx]`: the written sections as a Word
//! document for the board to correct, through the core's copy job.

use std::path::PathBuf;

use super::args::{Exit, Given, Opt, Spec, Usage};
use super::outcome::{Failure, Outcome};
use super::{Declared, open};
use crate::service::proofcopy;

#[derive(Debug, PartialEq)]
pub struct Proofread {
    pub input: PathBuf,
    /// `None`: beside the dossier, named after it.
    pub output: Option<PathBuf>,
    pub profile: Option<PathBuf>,
}

impl Declared for Proofread {
    const SPEC: Spec = Spec {
        name: "proofread",
        summary: "écrit la copie de relecture (document Word) que le Président et le Conseil corrigent avant signature",
        synopsis: "FICHIER.ron [-o RELECTURE.docx]",
        files: &["FICHIER.ron"],
        files_min: 1,
        options: &[Opt {
            long: "output",
            short: Some('o'),
            value: Some("RELECTURE.docx"),
            help: "le document à écrire (par défaut FICHIER-relecture.docx, à côté du dossier) ; jamais le dossier, une pièce jointe ni une copie déjà corrigée",
        }],
        appel: "utilise ce profil d'appel (intitulé, lignes du budget, catégories d'actions) au lieu de celui de l'édition du dossier",
        about: "Écrit les sections rédigées du dossier technique (sections 1 à 6 : carte d'identité,\n\
                gouvernance, stratégie, partenariats et projets, start-up, plan d'action et budget)\n\
                dans un document Word (.docx) à ouvrir avec Word ou LibreOffice, où le Président et le\n\
                Conseil d'Administration commentent et corrigent le texte avant de signer. Les titres\n\
                de l'appel y sont des titres (Titre 1, 2, 3) ; une rubrique vide porte « [à rédiger] ».\n\
                Ce n'est pas le dossier à déposer. Une copie déjà modifiée (corrections enregistrées)\n\
                n'est jamais remplacée : la nouvelle copie prend alors un autre nom.",
        notes: None,
        examples: &[
            "proofread mon-cluster.ron",
            "proofread mon-cluster.ron -o relecture-conseil.docx",
        ],
        exits: &[
            (Exit::Ok, "copie de relecture écrite"),
            (
                Exit::Unusable,
                "dossier illisible, sortie refusée (copie déjà corrigée, autre fichier) ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        Ok(Proofread {
            input: given.required_file(0)?,
            output: given.path("output")?,
            profile: given.profile()?,
        })
    }
}

pub fn run(args: Proofread) -> Result<Outcome, Failure> {
    let (dossier, profile) = open(&args.input, args.profile.as_deref())?;
    let output = args
        .output
        .unwrap_or_else(|| proofcopy::default_path(&args.input));
    let today = proofcopy::today(&profile);
    proofcopy::write(&dossier, &profile, Some(&args.input), &output, today)
        .map_err(Failure::Job)?;
    println!("Copie de relecture écrite : {}", output.display());
    Ok(Outcome::Done)
}

//! Which column holds which member field, guessed from the headers, and how
//! the sheet's words map onto the dossier's categories.

use crate::model::dossier::{Activity, CompanySize, MemberCategory};

/// A member field a column can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Category,
    Activity,
    Sector,
    City,
    Size,
    Ice,
    Rc,
    TaxId,
    Cnss,
    ContactName,
    Function,
    Email,
    Phone,
    Joined,
    FeeCategory,
    /// « Forme juridique »: not kept in the register, a clue for rows
    /// without a category or an activity ([`super::classify`]).
    LegalForm,
    Ignore,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Name,
        Field::Category,
        Field::Activity,
        Field::Sector,
        Field::City,
        Field::Size,
        Field::Ice,
        Field::Rc,
        Field::TaxId,
        Field::Cnss,
        Field::ContactName,
        Field::Function,
        Field::Email,
        Field::Phone,
        Field::Joined,
        Field::FeeCategory,
        Field::LegalForm,
        Field::Ignore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Raison sociale",
            Field::Category => "Catégorie",
            Field::Activity => "Activité",
            Field::Sector => "Secteur",
            Field::City => "Ville",
            Field::Size => "Taille",
            Field::Ice => "ICE",
            Field::Rc => "RC",
            Field::TaxId => "IF",
            Field::Cnss => "CNSS",
            Field::ContactName => "Contact",
            Field::Function => "Fonction",
            Field::Email => "E-mail",
            Field::Phone => "Téléphone",
            Field::Joined => "Date d'adhésion",
            Field::FeeCategory => "Catégorie de cotisation",
            Field::LegalForm => "Forme juridique (indice, non conservée)",
            Field::Ignore => "(ignorer)",
        }
    }

    /// The short name used by `import-members --map`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "nom",
            Field::Category => "categorie",
            Field::Activity => "activite",
            Field::Sector => "secteur",
            Field::City => "ville",
            Field::Size => "taille",
            Field::Ice => "ice",
            Field::Rc => "rc",
            Field::TaxId => "if",
            Field::Cnss => "cnss",
            Field::ContactName => "contact",
            Field::Function => "fonction",
            Field::Email => "email",
            Field::Phone => "telephone",
            Field::Joined => "adhesion",
            Field::FeeCategory => "cotisation",
            Field::LegalForm => "forme",
            Field::Ignore => "ignorer",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        let key = normalise(key);
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Lower case, without accents or punctuation, single spaces: how headers
/// and words are compared.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().to_lowercase().chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'œ' => 'o',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// The field a header most likely names.
pub fn guess_field(header: &str) -> Field {
    let h = normalise(header);
    let has = |words: &[&str]| {
        words
            .iter()
            .any(|w| h == *w || h.split(' ').any(|x| x == *w))
    };
    let starts = |p: &str| h.starts_with(p);
    if h.is_empty() {
        Field::Ignore
    } else if has(&["ice"]) {
        Field::Ice
    } else if has(&["rc"]) || starts("registre de commerce") || starts("registre du commerce") {
        Field::Rc
    } else if has(&["if", "idf"]) || starts("identifiant fiscal") {
        Field::TaxId
    } else if has(&["cnss"]) {
        Field::Cnss
    } else if starts("raison sociale")
        || h == "nom"
        || starts("nom de l")
        || starts("denomination")
        || h == "entreprise"
        || h == "membre"
        || h == "societe"
        || h == "organisme"
    {
        Field::Name
    } else if starts("forme jur")
        || starts("statut juridique")
        || h == "forme"
        || starts("nature juridique")
    {
        Field::LegalForm
    } else if starts("categorie de cotisation") || starts("cotisation") || starts("bareme") {
        Field::FeeCategory
    } else if starts("categorie")
        || starts("college")
        || h == "type"
        || starts("type de membre")
        || h == "statut"
    {
        Field::Category
    } else if starts("activite") || starts("nature") || has(&["industriel", "industrielle"]) {
        Field::Activity
    } else if starts("secteur") || starts("filiere") {
        Field::Sector
    } else if has(&["ville", "localite", "commune"]) {
        Field::City
    } else if starts("taille") {
        Field::Size
    } else if has(&["email", "mail", "courriel"])
        || starts("e mail")
        || starts("adresse electronique")
    {
        Field::Email
    } else if has(&["telephone", "tel", "gsm", "portable", "mobile"]) {
        Field::Phone
    } else if starts("date d adhesion")
        || starts("adhesion")
        || starts("date adhesion")
        || starts("membre depuis")
    {
        Field::Joined
    } else if starts("fonction") || starts("poste") || starts("qualite") {
        Field::Function
    } else if starts("contact")
        || starts("responsable")
        || starts("representant")
        || starts("interlocuteur")
        || starts("nom du contact")
        || starts("personne")
    {
        Field::ContactName
    } else {
        Field::Ignore
    }
}

/// One field per column; a field already taken by an earlier column is not
/// given twice (the later column is ignored).
pub fn guess_mapping(headers: &[String]) -> Vec<Field> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let f = guess_field(h);
            if f != Field::Ignore && taken.contains(&f) {
                Field::Ignore
            } else {
                taken.push(f);
                f
            }
        })
        .collect()
}

/// The member category a sheet's word means; `None` when not understood
/// or empty (an empty cell is never taken for a category).
pub fn parse_category(word: &str) -> Option<MemberCategory> {
    let w = normalise(word);
    if w.is_empty() {
        return None;
    }
    if let Some(c) = MemberCategory::ALL
        .into_iter()
        .find(|c| normalise(c.label()) == w)
    {
        return Some(c);
    }
    let has = |p: &str| w.contains(p);
    Some(
        if has("potentiel")
            || has("interess")
            || has("prospect")
            || has("candidat")
            || has("sympathis")
        {
            MemberCategory::InterestedCompany
        } else if has("formation")
            || has("recherche")
            || has("universit")
            || has("ecole")
            || has("institut")
            || has("centre technique")
            || has("innovation")
            || has("laboratoire")
        {
            MemberCategory::TrainingResearch
        } else if has("association")
            || has("public")
            || has("administration")
            || has("collectivite")
            || has("chambre")
            || has("federation")
            || has("autre")
            || has("institution")
        {
            MemberCategory::OtherRepresentative
        } else if has("entreprise")
            || has("engage")
            || has("membre")
            || has("societe")
            || has("adherent")
            || has("industriel")
            || has("start")
            || has("pme")
        {
            MemberCategory::EngagedCompany
        } else {
            return None;
        },
    )
}

/// What the category column accepts, for the message of a word not
/// understood.
pub const ACCEPTED_CATEGORIES: &str = "Entreprise engagée (ou « Membre », « Adhérent »), \
     Formation et recherche (« Université », « École », « Laboratoire »), \
     Autre représentant (« Association », « Chambre », « Administration ») \
     ou Entreprise potentiellement intéressée (« Prospect », « Sympathisant »)";

/// Whether a category cell says only that the row is a member (« Membre
/// actif », « Adhérent », « Membre fondateur »), not whether it is a firm:
/// read as an engaged company unless the name says an institution.
pub fn says_only_membership(word: &str) -> bool {
    let w = normalise(word);
    let firm = ["entreprise", "societe", "industri", "start", "pme"];
    parse_category(word) == Some(MemberCategory::EngagedCompany)
        && normalise(MemberCategory::EngagedCompany.label()) != w
        && !firm.iter().any(|f| w.contains(f))
}

/// The activity a sheet's word means; `None` when not understood or empty
/// (an empty cell is never taken for « Autre »).
pub fn parse_activity(word: &str) -> Option<Activity> {
    let w = normalise(word);
    let has = |p: &str| w.contains(p);
    // The app's own labels first (a register copied out and pasted back):
    // « Autre (ni industrielle, ni technologique, …) » names the others.
    if let Some(a) = Activity::ALL
        .into_iter()
        .find(|a| normalise(a.label()) == w)
    {
        return Some(a);
    }
    if w.is_empty() {
        None
    } else if w.starts_with("autre") || has("ni industri") {
        Some(Activity::Other)
    } else if has("techno") || has("numerique") || has("digital") || has("tic") {
        Some(Activity::Technological)
    } else if has("specifique") {
        Some(Activity::Specific)
    } else if has("industri") || has("manufactur") || has("production") || w == "oui" || w == "x" {
        Some(Activity::Industrial)
    } else if has("autre") || has("service") || has("commerce") || w == "non" || has("aucun") {
        Some(Activity::Other)
    } else {
        // The words people use: a sector or a trade (« R&D », « Formation »).
        super::classify::activity_word(word)
    }
}

/// The size a sheet's word means (unknown words leave it unspecified).
pub fn parse_size(word: &str) -> CompanySize {
    let w = normalise(word);
    if w.contains("start") {
        CompanySize::Startup
    } else if w.contains("tpe") || w.contains("tres petite") || w.contains("micro") {
        CompanySize::Tpe
    } else if w.contains("pme") || w.contains("petite") || w.contains("moyenne") {
        CompanySize::Pme
    } else if w.contains("grand") || w == "ge" {
        CompanySize::Large
    } else {
        CompanySize::Unspecified
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_words_do_not_say_firm() {
        for w in [
            "Membre actif",
            "Adhérent",
            "Membre fondateur",
            "membre engagé",
        ] {
            assert!(says_only_membership(w), "{w}");
        }
        for w in [
            "Entreprise engagée",
            "Société membre",
            "Industriel",
            "Université",
            "Prospect",
            "",
        ] {
            assert!(!says_only_membership(w), "{w}");
        }
    }

    #[test]
    fn headers_as_secretaries_spell_them() {
        for (header, field) in [
            ("Forme jur.", Field::LegalForm),
            ("Dénomination sociale", Field::Name),
            ("Secteur / filière", Field::Sector),
            ("Localité", Field::City),
            ("N° ICE", Field::Ice),
            ("Tél.", Field::Phone),
            ("Courriel", Field::Email),
            ("Membre depuis", Field::Joined),
            ("N°", Field::Ignore),
        ] {
            assert_eq!(guess_field(header), field, "{header}");
        }
    }

    #[test]
    fn headers_are_guessed() {
        let headers: Vec<String> = [
            "Raison sociale",
            "Catégorie",
            "Secteur d'activité",
            "Ville",
            "ICE",
            "N° RC",
            "Identifiant fiscal",
            "Taille",
            "E-mail",
            "Téléphone",
            "Nom du contact",
            "Cotisation",
            "Divers",
            "Nom",
        ]
        .map(String::from)
        .to_vec();
        let m = guess_mapping(&headers);
        assert_eq!(
            m,
            [
                Field::Name,
                Field::Category,
                Field::Sector,
                Field::City,
                Field::Ice,
                Field::Rc,
                Field::TaxId,
                Field::Size,
                Field::Email,
                Field::Phone,
                Field::ContactName,
                Field::FeeCategory,
                Field::Ignore,
                Field::Ignore
            ]
        );
    }

    #[test]
    fn words_are_mapped() {
        assert_eq!(
            parse_category("Entreprise engagée"),
            Some(MemberCategory::EngagedCompany)
        );
        assert_eq!(
            parse_category("Potentiellement intéressée"),
            Some(MemberCategory::InterestedCompany)
        );
        assert_eq!(
            parse_category("Université"),
            Some(MemberCategory::TrainingResearch)
        );
        assert_eq!(
            parse_category("Organisme public"),
            Some(MemberCategory::OtherRepresentative)
        );
        assert_eq!(parse_category("xyz"), None);
        assert_eq!(parse_category(" "), None);
        assert_eq!(parse_activity(""), None);
        assert_eq!(
            parse_activity("Technologique"),
            Some(Activity::Technological)
        );
        assert_eq!(parse_activity("INDUSTRIELLE"), Some(Activity::Industrial));
        assert_eq!(parse_activity("services"), Some(Activity::Other));
        assert_eq!(parse_size("Grande entreprise"), CompanySize::Large);
        assert_eq!(parse_size("PME"), CompanySize::Pme);
        assert_eq!(Field::from_key("Téléphone"), Some(Field::Phone));
    }

    #[cfg(test)]
    mod own_labels {
        use super::*;

        /// A register copied out of the app and pasted back keeps every
        /// member's activity and category (« Autre (ni … technologique …) » is
        /// not technological).
        #[test]
        fn the_apps_own_labels_read_back_as_themselves() {
            for a in Activity::ALL {
                assert_eq!(parse_activity(a.label()), Some(a), "{}", a.label());
            }
            for c in MemberCategory::ALL {
                assert_eq!(parse_category(c.label()), Some(c), "{}", c.label());
            }
        }
    }
}

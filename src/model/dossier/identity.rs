//! Section 1.1: the cluster's identity card and its key people.

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    /// « M. » or « Mme », for the titles printed with the name (« Vice-
    /// présidente »); `None` in files of earlier versions and when not said.
    pub civility: Option<Civility>,
    pub name: String,
    pub organisation: String,
    pub function: String,
    pub phone: String,
    pub email: String,
}

impl Person {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.organisation.trim().is_empty()
            && self.function.trim().is_empty()
            && self.phone.trim().is_empty()
            && self.email.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Identity {
    /// Dénomination : nom officiel du cluster.
    pub name: String,
    pub acronym: String,
    pub legal_form: String,
    pub creation_date: Option<Date>,
    /// Siège : adresse.
    pub address: String,
    pub city: String,
    pub president: Person,
    pub vice_president: Person,
    pub treasurer: Person,
    /// Directeur du cluster (optionnel : contacts « Président et/ou Directeur »).
    pub director: Person,
    /// Secteur principal.
    pub sector: String,
    /// The cluster's web site (format 4), optional.
    pub website: String,
    /// Activités principales et thématiques.
    pub activities: String,
    pub sector_importance: String,
    pub strategic_justification: String,
    /// Périmètre géographique du noyau central (entreprises adhérentes).
    pub core_territory: String,
    /// Périmètre de l'agglomération productive (champ des coopérations futures).
    pub productive_area: String,
    /// Historique : genèse du cluster.
    pub genesis: String,
    /// Historique : ancrage territorial.
    pub territorial_anchoring: String,
    /// Historique : initiatives communes déjà engagées.
    pub joint_initiatives: String,
}

impl Default for Identity {
    fn default() -> Self {
        Self {
            name: String::new(),
            acronym: String::new(),
            legal_form: "Association régie par le dahir du 15 novembre 1958 (loi n° 75-00)"
                .to_string(),
            creation_date: None,
            address: String::new(),
            city: String::new(),
            president: Person::default(),
            vice_president: Person::default(),
            treasurer: Person::default(),
            director: Person::default(),
            sector: String::new(),
            website: String::new(),
            activities: String::new(),
            sector_importance: String::new(),
            strategic_justification: String::new(),
            core_territory: String::new(),
            productive_area: String::new(),
            genesis: String::new(),
            territorial_anchoring: String::new(),
            joint_initiatives: String::new(),
        }
    }
}

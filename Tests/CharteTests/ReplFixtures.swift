import Charte

/// A small valid charter shared by the REPL, completion and session tests.
let replCharterText = """
etablissement "Collège Exemple"

calendrier "2026-2027" {
  rentree 2026-09-01
  fin_annee 2027-07-03
}

role direction "Équipe de direction"
role documentaliste "Professeur-documentaliste" { personnes "Mme Martin" }
role gestionnaire "Gestionnaire"
externe editeurs "Éditeurs"

objet ressource "Ressource numérique" {
  categorie: manuel | documentaire | outil
  licence: flottante | nominative
  abonnement: booleen
  discipline: texte
}

action attribuer_licence "Attribuer des licences dans le GAR" sur ressource
action commander "Commander" sur ressource
action piloter "Piloter la politique numérique"

etape gerer "Gérer le fonds" {
  tache licences_manuels "Attribuer les licences des manuels" {
    responsable gestionnaire
    consulte editeurs
    informe direction, documentaliste
    action attribuer_licence si categorie == manuel
    echeance rentree + 2 semaines
  }
  tache commandes "Commander les ressources" {
    responsable gestionnaire
    aide documentaliste
    action commander
  }
  tache pilotage "Piloter" {
    responsable direction
    action piloter
  }
}

interdit documentaliste attribuer_licence si licence == flottante
"""

/// The fixture charter, checked.
let replCharter: Charter? = CharterLoader.check(text: replCharterText, name: "college.charte").checked?.model

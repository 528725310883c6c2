#!/usr/bin/env python3
"""Writes rules/journal-2026-2027.csv: the example journal of rules/etablissement-exemple.charte.

A realistic 2026-2027 school year of a collège (zone B), as its staff would log it in a
spreadsheet exported "CSV UTF-8 (séparateur point-virgule)": UTF-8 with a BOM, CRLF line ends,
French dates. It contains licence assignments in the GAR by the right and the wrong people,
student arrivals and departures with the licence changes that follow, technical problems,
choices and orders, and a few deadlines met late or missed, plus the typing slips a real
journal has (a misspelt actor, a plural value, an impossible date).

Deterministic: no clock, no random module (a fixed linear congruential generator picks the
small variations), so running it twice gives the same bytes.

Usage: python3 scripts/journal-exemple.py [SORTIE]   (default: rules/journal-2026-2027.csv)
"""
import datetime
import os
import sys

COLUMNS = ["date", "acteur", "action", "tache", "categorie", "licence", "abonnement",
           "discipline", "mouvement", "origine", "nature", "numero", "montant", "commentaire"]


class Generator:
    """A tiny deterministic generator (Numerical Recipes LCG)."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1664525 + 1013904223) % (1 << 32)
        return (self.state >> 8) % n

    def pick(self, items):
        return items[self.below(len(items))]


rng = Generator(2026)
rows = []


def d(text):
    return datetime.date.fromisoformat(text)


def add(date, actor="", action="", task="", **attributes):
    if isinstance(date, str) and "/" not in date:  # a date written by hand stays as typed
        date = d(date)
    row = {"date": date, "acteur": actor, "action": action, "tache": task}
    row.update(attributes)
    rows.append(row)


# ---------------------------------------------------------------- en amont (prérentrée)
add("2026-08-31", "direction", "piloter", "partage_roles",
    commentaire="Lettres de mission : référent numérique, administrateur ENT, responsables d'affectation GAR")
add("2026-09-09", "admin_ent", "", "controle_annuaire",
    commentaire="Compte test élève : toutes les divisions et groupes présents dans le médiacentre")

# ---------------------------------------------------------------- rentrée : licences dans le GAR
disciplines = ["Mathématiques", "Français", "Histoire-géographie", "SVT", "Physique-chimie", "Anglais"]
levels = ["6e", "5e", "4e", "3e"]
day = d("2026-09-02")
count = 0
for level in levels:
    for discipline in disciplines[:4]:
        licence = "nominative" if rng.below(4) else "flottante"
        add(day, "gestionnaire", "attribuer_licence", "", categorie="manuel", licence=licence,
            abonnement="oui", discipline=f"{discipline} {level}")
        count += 1
        if count % 5 == 0:
            day += datetime.timedelta(days=1)
add("2026-09-08", "documentaliste", "attribuer_licence", "", categorie="manuel", licence="nominative",
    abonnement="oui", discipline="Anglais 6e", commentaire="Le gestionnaire était en formation")
add("2026-09-08", "gestionaire", "attribuer_licence", "", categorie="manuel", licence="nominative",
    abonnement="oui", discipline="Anglais 5e")
add("2026-09-09", "gestionnaire", "attribuer_licence", "", categorie="manuels", licence="nominative",
    abonnement="oui", discipline="Espagnol 4e")
add("2026-09-10", "gestionnaire", "attribuer_licence", "", categorie="", licence="nominative",
    abonnement="oui", discipline="Espagnol 3e", commentaire="Catégorie non renseignée dans le tableau")
add("2026-09-11", "gestionnaire", "attribuer_licence", "", categorie="outil", licence="flottante",
    abonnement="non", discipline="Technologie", commentaire="Outil de création en ligne")
add("2026-09-14", "admin_ent", "attribuer_licence", "", categorie="manuel", licence="nominative",
    abonnement="oui", discipline="Physique-chimie 3e", commentaire="Avec le gestionnaire, console GAR")
add("2026-09-16", "gestionnaire", "attribuer_licence", "licences_manuels", categorie="manuel",
    licence="nominative", abonnement="oui", discipline="Anglais 5e")
add("31/09/2026", "gestionnaire", "suivre_abonnements", "", categorie="manuel", abonnement="oui")

resources = [("documentaire", "Eduthèque"), ("documentaire", "Encyclopédie en ligne"),
             ("documentaire", "Presse en ligne"), ("outil", "Outil de cartes mentales"),
             ("outil", "Banque de ressources BRNE"), ("documentaire", "Portail Canopé"),
             ("outil", "Mur collaboratif"), ("documentaire", "Dictionnaires en ligne")]
for index, (category, name) in enumerate(resources):
    date = d("2026-09-07") + datetime.timedelta(days=index * 3)
    add(date, "documentaliste", "attribuer_licence", "licences_ressources" if index == len(resources) - 1 else "",
        categorie=category, licence="flottante" if category == "outil" else "nominative",
        abonnement="oui" if index % 3 == 2 else "non", discipline=name)
add("2026-09-15", "referent_numerique", "attribuer_licence", "", categorie="outil", licence="flottante",
    abonnement="non", discipline="Mur collaboratif", commentaire="Pour dépanner ; voir avec la documentaliste")
add("2026-09-18", "coordinateurs", "attribuer_licence", "", categorie="manuel", licence="nominative",
    abonnement="oui", discipline="Mathématiques 4e", commentaire="Coordonnateur de mathématiques")

# Mise à disposition : faite avant la fin des attributions (hors ordre).
add("2026-09-21", "documentaliste", "diffuser_ressources", "", categorie="documentaire", discipline="Portail documentaire")
add("2026-09-25", "documentaliste", "diffuser_ressources", "mise_a_disposition", categorie="outil",
    discipline="Médiacentre de l'ENT")
add("2026-10-01", "direction", "piloter", "pilotage_global", commentaire="Conseil numérique du 1er octobre")

# ---------------------------------------------------------------- commandes
add("2026-10-06", "coordinateurs", "commander", "", categorie="manuel", abonnement="oui",
    discipline="SVT 5e", commentaire="Commande passée directement à l'éditeur")
for index, discipline in enumerate(["Mathématiques 6e", "Français 5e", "SVT 4e"]):
    add(d("2026-10-12") + datetime.timedelta(days=index), "gestionnaire", "commander",
        "commandes_complementaires" if index == 2 else "", categorie="manuel", licence="nominative",
        abonnement="oui", discipline=discipline, commentaire="Écart entre effectifs prévus et constatés")
for index, (category, discipline) in enumerate([("documentaire", "Presse en ligne"), ("outil", "Mur collaboratif"),
                                                ("manuel", "Anglais 3e")]):
    add(d("2026-12-01") + datetime.timedelta(days=index), "gestionnaire", "commander",
        "commandes_fin_exercice" if index == 2 else "", categorie=category, abonnement="oui", discipline=discipline)
for date in ["2026-11-16", "2026-12-14", "2027-03-08"]:
    add(date, "gestionnaire", "suivre_abonnements", "", categorie=rng.pick(["manuel", "documentaire"]), abonnement="oui")

# ---------------------------------------------------------------- mouvements d'élèves
# (date, mouvement, retard du signalement, retard du gestionnaire, retard de la documentaliste,
#  qui réaffecte les manuels); None: jamais fait.
movements = [
    ("2026-09-07", "arrivee", 1, 2, 3, "gestionnaire"),
    ("2026-09-14", "depart", 2, 3, 4, "gestionnaire"),
    ("2026-09-21", "arrivee", 1, 4, 2, "admin_ent"),
    ("2026-10-05", "arrivee", 4, 5, 5, "gestionnaire"),
    ("2026-10-12", "depart", 2, 3, 3, "gestionnaire"),
    ("2026-11-09", "arrivee", 1, 2, 4, "documentaliste"),
    ("2026-11-23", "depart", 3, 7, 2, "gestionnaire"),
    ("2026-12-07", "arrivee", 2, 3, 3, "gestionnaire"),
    ("2027-01-11", "depart", 1, 2, 6, "coordinateurs"),
    ("2027-01-25", "arrivee", 2, 4, 3, "gestionnaire"),
    ("2027-02-08", "arrivee", 1, 3, 2, "gestionnaire"),
    ("2027-03-15", "depart", 3, 5, 4, "gestionnaire"),
    ("2027-03-29", "arrivee", 2, 2, 3, "admin_ent"),
    ("2027-04-12", "depart", 1, 4, 5, "gestionnaire"),
    ("2027-05-12", "depart", 2, 3, None, "gestionnaire"),
    ("2027-05-18", "arrivee", 1, 3, 8, "gestionnaire"),
    ("2027-06-07", "depart", 2, 3, 4, "gestionnaire"),
    ("2027-06-14", "arrivee", 3, 4, 5, "gestionnaire"),
]
for date_text, movement, signal, manuals, others, who in movements:
    date = d(date_text)
    word = "Arrivée" if movement == "arrivee" else "Départ"
    add(date, "", "mouvement_eleve", "", mouvement=movement, commentaire=f"{word} d'un élève de {rng.pick(levels)}")
    add(date + datetime.timedelta(days=signal), "direction", "signaler_mouvement", "signalement_mouvements",
        mouvement=movement, commentaire="Message à la documentaliste, au gestionnaire et à l'administrateur ENT")
    if manuals is not None:
        for index in range(2):
            add(date + datetime.timedelta(days=manuals), who, "attribuer_licence",
                "changements_licences_manuels" if index == 0 else "", categorie="manuel", licence="nominative",
                abonnement="oui", discipline=disciplines[rng.below(4)] + " " + rng.pick(levels),
                commentaire="Récupération des exemplaires après départ" if movement == "depart" else "Affectation à l'arrivant")
    if others is not None:
        add(date + datetime.timedelta(days=others), "documentaliste", "attribuer_licence",
            "changements_licences_ressources", categorie=rng.pick(["documentaire", "outil"]), licence="nominative",
            abonnement="non", discipline=rng.pick([name for _, name in resources]))

# Balayage mensuel de la console d'affectation : licences récupérées après les départs.
for month in ["2026-10-30", "2026-11-27", "2026-12-18", "2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30", "2027-05-28"]:
    add(month, "gestionnaire", "attribuer_licence", "", categorie="manuel", licence="nominative", abonnement="oui",
        discipline="Tous niveaux", commentaire="Récupération des exemplaires après départ (balayage mensuel)")

# ---------------------------------------------------------------- problèmes techniques
problems = [
    ("2026-09-08", "coordinateurs", "gar", "Manuel absent du médiacentre"),
    ("2026-09-09", "admin_ent", "gar", "Ressource non poussée par le distributeur"),
    ("2026-09-10", "support_gar", "gar", ""),
    ("2026-09-22", "documentaliste", "ent", "Médiacentre vide pour une classe"),
    ("2026-09-23", "admin_ent", "ent", "Groupes EDT non importés"),
    ("2026-10-08", "coordinateurs", "editeur", "Exercices interactifs inaccessibles"),
    ("2026-10-09", "gestionnaire", "editeur", "Ticket ouvert chez l'éditeur"),
    ("2026-10-13", "editeurs", "editeur", ""),
    ("2026-11-17", "referent_numerique", "gar", "Doublon de ressource"),
    ("2026-11-18", "admin_ent", "gar", ""),
    ("2026-12-01", "direction", "ent", "Signalé en conseil numérique"),
    ("2027-01-12", "coordinateurs", "editeur", "Licences bloquées"),
    ("2027-01-13", "admin_ent", "editeur", "Traité par l'administrateur de l'ENT"),
    ("2027-01-14", "gestionnaire", "editeur", ""),
    ("2027-03-02", "documentaliste", "gar", "Ressource non visible"),
    ("2027-03-03", "support_gar", "gar", ""),
    ("2027-04-06", "coordinateurs", "ent", "Mot de passe élève"),
    ("2027-04-06", "admin_ent", "ent", ""),
    ("2027-05-11", "referent_numerique", "editeur", "Ressource lente"),
    ("2027-05-14", "gestionnaire", "editeur", ""),
]
reporters = {"coordinateurs", "documentaliste", "referent_numerique", "direction"}
for date, actor, origin, comment in problems:
    action = "signaler_probleme" if actor in reporters else "traiter_probleme"
    add(date, actor, action, "", origine=origin, commentaire=comment)

# ---------------------------------------------------------------- accompagner les usages
add("2026-11-12", "coordinateurs", "", "besoins_formation_disciplines", commentaire="Relevé des conseils d'enseignement")
add("2026-11-19", "referent_numerique", "remonter_besoins_formation", "", commentaire="Vers la DANE")
add("2026-11-26", "referent_numerique", "remonter_besoins_formation", "prise_en_main")
for index in range(12):
    date = d("2026-10-01") + datetime.timedelta(days=index * 17)
    if index % 2 == 0:
        add(date, "documentaliste", "accompagner_usages", "", categorie="documentaire",
            discipline=rng.pick(disciplines))
    else:
        add(date, "referent_numerique", "accompagner_usages", "", categorie=rng.pick(["outil", "manuel"]),
            discipline=rng.pick(disciplines))
add("2026-12-10", "documentaliste", "accompagner_usages", "", categorie="outil", discipline="Mur collaboratif")
add("2026-12-08", "documentaliste", "", "politique_documentaire", commentaire="Politique documentaire votée ; volet numérique")

# ---------------------------------------------------------------- connaître et choisir l'offre
for index in range(6):
    add(d("2026-11-20") + datetime.timedelta(days=index * 10), "documentaliste", "identifier_ressources",
        "gisements_documentaires" if index == 5 else "", categorie=rng.pick(["documentaire", "manuel"]))
for index in range(5):
    add(d("2026-11-25") + datetime.timedelta(days=index * 16), "referent_numerique", "identifier_ressources",
        "gisements_outils" if index == 4 else "", categorie="outil")
add("2026-12-03", "referent_numerique", "identifier_ressources", "", categorie="documentaire",
    commentaire="En collaboration avec la documentaliste")
for index, category in enumerate(["manuel", "documentaire", "manuel", "documentaire"]):
    add(d("2027-01-26") + datetime.timedelta(days=index * 3), "documentaliste", "presenter_ressources",
        "presentation_documentaliste" if index == 3 else "", categorie=category)
add("2027-02-02", "referent_numerique", "presenter_ressources", "", categorie="outil")
add("2027-02-03", "referent_numerique", "presenter_ressources", "", categorie="manuel",
    commentaire="Présentation des manuels numériques en conseil pédagogique")
add("2027-02-05", "referent_numerique", "presenter_ressources", "presentation_referent", categorie="outil")
for index in range(8):
    add(d("2027-01-18") + datetime.timedelta(days=index * 3), "coordinateurs", "tester_ressources", "",
        categorie=rng.pick(["manuel", "documentaire", "outil"]), discipline=disciplines[index % 6])
for index in range(4):
    add("2027-02-11", "coordinateurs", "valider_choix", "choix_disciplines" if index == 3 else "",
        categorie=rng.pick(["documentaire", "outil"]), abonnement="non", discipline=disciplines[index])
add("2027-02-11", "coordinateurs", "valider_choix", "", categorie="manuel", abonnement="oui",
    discipline="SVT", commentaire="Validé en conseil d'enseignement")
for index in range(3):
    add(d("2027-02-24") + datetime.timedelta(days=index * 7), "referent_numerique", "conseiller_acquisition",
        "conseil_acquisition" if index == 2 else "", categorie=rng.pick(["manuel", "outil"]),
        licence=rng.pick(["flottante", "nominative"]), abonnement="oui")
for index in range(3):
    add("2027-03-18", "direction", "valider_choix", "validation_abonnements" if index == 2 else "",
        categorie=rng.pick(["manuel", "outil"]), abonnement="oui", discipline=disciplines[index])

# ---------------------------------------------------------------- acquérir pour la rentrée 2027
for index in range(4):
    add(d("2027-03-22") + datetime.timedelta(days=index * 2 + (index == 3) * 2), "coordinateurs", "demander_abonnement",
        "souhaits_abonnement" if index == 3 else "", categorie=rng.pick(["manuel", "documentaire"]),
        licence="nominative", abonnement="oui", discipline=disciplines[index])
for index in range(5):
    add(d("2027-05-25") + datetime.timedelta(days=index * 2), "gestionnaire", "commander",
        "commandes_editeurs" if index == 4 else "", categorie=rng.pick(["manuel", "documentaire", "outil"]),
        licence="nominative", abonnement="oui", discipline=disciplines[index])

# ---------------------------------------------------------------- bons de commande
# Au-delà de 4 000 €, la direction signe le bon avant que le gestionnaire ne l'engage : BC-2026-031
# est en règle, BC-2026-032 est engagé sans signature (le journal le signale), BC-2026-033
# reste sous le seuil et le gestionnaire le signe lui-même.
add("2026-11-30", "direction", "signer_bon", "", numero="BC-2026-031", montant="5 400,00 €")
add("2026-12-01", "gestionnaire", "engager_bon", "", numero="BC-2026-031", montant="5 400,00 €")
add("2026-12-02", "gestionnaire", "engager_bon", "commandes_fin_exercice", numero="BC-2026-032", montant="6 120,00 €",
    commentaire="Engagé avant la signature du principal")
add("2026-12-02", "gestionnaire", "signer_bon", "", numero="BC-2026-033", montant="1 250,00 €")
add("2026-12-03", "gestionnaire", "engager_bon", "", numero="BC-2026-033", montant="1 250,00 €")

# ---------------------------------------------------------------- évaluer
add("2027-05-27", "coordinateurs", "", "remontee_usages", commentaire="Synthèse des usages par discipline")
add("2027-06-08", "direction", "", "bilan_usages", commentaire="Bilan présenté au conseil pédagogique")
add("2027-06-07", "referent_numerique", "remplir_enquete", "", nature="etic")
add("2027-06-09", "direction", "remplir_enquete", "enquete_etic", nature="etic")
add("2027-06-09", "gestionnaire", "remplir_enquete", "", nature="etic", commentaire="Volet équipement")
add("2027-06-10", "documentaliste", "remplir_enquete", "enquetes_ressources", nature="ressources")
add("2027-06-11", "referent_numerique", "remplir_enquete", "enquetes_usages", nature="usages")
add("2027-06-30", "documentaliste", "", "developpement_usages", commentaire="Plan d'actions pour 2027-2028")

# ---------------------------------------------------------------- écriture
def cell(value):
    text = str(value)
    if any(c in text for c in ';"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def date_text(value):
    return value.strftime("%d/%m/%Y") if isinstance(value, datetime.date) else value


# A note written on two lines in the spreadsheet (Alt+Entrée).
rows.append({"date": d("2027-01-04"), "acteur": "direction", "action": "piloter",
             "commentaire": "Rentrée de janvier :\nfaire le point sur les licences"})
ordered = sorted(enumerate(rows), key=lambda item: (item[1]["date"] if isinstance(item[1]["date"], datetime.date)
                                                    else d("2026-09-30"), item[0]))
output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "rules", "journal-2026-2027.csv")
lines = [";".join(COLUMNS)]
for _, row in ordered:
    lines.append(";".join(cell(date_text(row.get(column, ""))) if column == "date" else cell(row.get(column, ""))
                          for column in COLUMNS))
with open(output, "wb") as handle:
    handle.write(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
print(f"{output}: {len(lines) - 1} lignes")

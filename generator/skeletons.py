"""Commented skeletons for `python -m generator new KIND ID`, in French.

Every example value a volunteer must replace is one of ``PLACEHOLDERS``: `check` refuses a
file that still holds one (``checks.placeholders``), so that an unedited skeleton is never
published. The event's organizer is a placeholder id too, never another association's.
"""

from __future__ import annotations

from datetime import date

from .models.recurrence import WEEKDAYS

# The example values of the skeletons: `check` refuses them (checks/placeholders.py).
ORGANIZATION = "Nom de l'organisation"
ADDRESS = "Rue de l'Exemple 1, 5590 Ciney"
PHONE = "083 99 00 00"
EMAIL = "contact@exemple.example"
YOUR_ACTOR = "identifiant-de-votre-association"
PLACEHOLDERS = frozenset(
    {
        ORGANIZATION,
        ADDRESS,
        PHONE,
        EMAIL,
        YOUR_ACTOR,
        "Ce que fait l'organisation, en une phrase de 200 caractères au plus.",
        "Un paragraphe pour présenter l'organisation.",
        "Nom de l'organisation qui vérifie",
        "Titre de l'événement",
        "L'événement en une phrase.",
        "Salle du village",
        "Nom de la tournée",
        "La tournée en une phrase.",
        "Titre de l'avis",
        "Le texte de l'avis.",
    }
)

FOLDERS = {"actor": "actors", "event": "events", "place": "places", "circuit": "circuits", "notice": "notices"}


def _head(kind: str, entity_id: str) -> str:
    return (
        f"# yaml-language-server: $schema=../../schemas/{kind}.json\n"
        f"# Fiche créée avec `python -m generator new {kind} {entity_id}`.\n"
        "# Remplacez chaque exemple par la vraie information, puis lancez `python -m generator check`.\n"
        "# Les lignes qui commencent par # sont des commentaires : elles ne sont pas publiées.\n"
        f"id: {entity_id}                       # identique au nom du fichier\n"
    )


def skeleton(kind: str, entity_id: str, today: date, commune: str, village: str, actor: str, place: str) -> str:
    head = _head(kind, entity_id)
    if kind == "actor":
        return (
            head
            + f"""name: Nom de l'organisation
kind: association                  # public-service, association, health, education, culture,
                                   # volunteer-network, business, other
themes: [lien-social]              # au moins un thème (voir la liste sur le site, page Contribuer)
audiences: [all]                   # all (tout public) seul, ou des publics précis : [seniors, carers]
summary: Ce que fait l'organisation, en une phrase de 200 caractères au plus.
description: |                     # facultatif : paragraphes, listes, liens https://
  Un paragraphe pour présenter l'organisation.
area: [{commune}]                  # communes desservies, ou [all]
locations:                         # lieux d'accueil (retirez ce bloc s'il n'y en a pas)
  - address: Rue de l'Exemple 1, 5590 Ciney
    commune: {commune}
    village: {village}             # facultatif
    hours: "Mo-Fr 09:00-12:00; PH off"   # horaires au format OpenStreetMap
    wheelchair: unknown            # yes, no, limited, unknown
contact:                           # au moins un moyen de contact
  phone: 083 99 00 00
  email: contact@exemple.example
access:
  cost: free                       # free, paid ou mixed (alors cost_note est obligatoire)
  modes: [walk-in]                 # walk-in, appointment, registration, referral
languages: [fr]
verified:
  by: Nom de l'organisation qui vérifie
  on: {today.isoformat()}                   # date de la dernière vérification
  how: pull-request                # phone, email, visit, pull-request, campaign
"""
        )
    if kind == "event":
        return (
            head
            + f"""title: Titre de l'événement
type: cafe                         # meeting, cafe, workshop, knowledge, leisure, permanence,
                                   # training, discussion, sport, festive, info-session, other
organizers: [{YOUR_ACTOR}]  # identifiant de votre association (nom de son fichier)
audiences: [all]
summary: L'événement en une phrase.
place: {place}                     # identifiant d'un lieu de data/places/ (ou un bloc location:)
start: {today.isoformat()} 14:00            # première fois : AAAA-MM-JJ HH:MM (heure locale)
end: 16:00                         # heure de fin le même jour
# repeat: FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630   # répétition : ici le 2e mardi de chaque mois
# skip: [public-holidays]          # dates sautées : jours fériés et/ou AAAA-MM-JJ
# cancelled:                       # dates annulées, annoncées comme telles
#   - {{date: AAAA-MM-JJ, reason: Raison de l'annulation}}
cost: free
"""
        )
    if kind == "place":
        return (
            head
            + f"""name: Salle du village
address: Rue de l'Exemple 1, 5590 Ciney
commune: {commune}
village: {village}
# geo: [50.2950, 5.0990]           # [latitude, longitude], pour la carte
wheelchair: unknown                # yes, no, limited, unknown
"""
        )
    if kind == "circuit":
        return (
            head
            + f"""name: Nom de la tournée
type: grocery                      # grocery, library, health, social, other
operator: {YOUR_ACTOR}  # identifiant de votre association, qui fait la tournée
summary: La tournée en une phrase.
repeat: FREQ=WEEKLY;BYDAY={WEEKDAYS[today.weekday()]}               # quand elle passe
start: {today.isoformat()}                  # premier jour (un jour où elle passe)
skip: [public-holidays]
stops:                             # dans l'ordre ; heures toujours croissantes
  - village: {village}
    where: Place de l'Église
    arrive: 09:00
    leave: 09:45
"""
        )
    return (
        head
        + f"""title: Titre de l'avis
level: info                        # info, warning, alert
from: {today.isoformat()}                   # premier jour d'affichage
until: {today.isoformat()}                  # dernier jour d'affichage (inclus)
body: |
  Le texte de l'avis.
communes: [all]                    # communes concernées, ou [all]
"""
    )

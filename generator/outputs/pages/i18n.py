"""The words of the interface in each site language, and dates and times written out.

French first, English beside it; Dutch and German fall back to English until someone
translates them (the territory's first language picks the set). Vocabulary labels live in
``models.vocabularies``; this module owns the rest: headings, buttons, sentences, day and
month names, and the way a time is written ("8 h 30" in French, "8:30" in English).
"""

from __future__ import annotations

from datetime import date, datetime

from ...calendar_words import MONTHS, WEEKDAYS
from ...calendar_words import clock as clock
from ...calendar_words import long_date as long_date
from ...models.vocabularies import VOCABULARIES
from .html import typo

DAYS = WEEKDAYS

LABELS: dict[str, dict[str, str]] = {
    "home": {"fr": "Accueil", "en": "Home"},
    "type_actor": {"fr": "Acteur", "en": "Organisation"},
    "type_event": {"fr": "Activité", "en": "Activity"},
    "type_route": {"fr": "Tournée", "en": "Mobile route"},
    "type_commune": {"fr": "Commune", "en": "Municipality"},
    "type_place": {"fr": "Lieu", "en": "Place"},
    "type_need": {"fr": "Besoin", "en": "Need"},
    "type_service": {"fr": "Service", "en": "Service"},
    "directory": {"fr": "Qui peut m'aider ?", "en": "Who can help me?"},
    "actors": {"fr": "Acteurs", "en": "Organisations"},
    "agenda": {"fr": "Agenda", "en": "Agenda"},
    "routes": {"fr": "Tournées", "en": "Mobile routes"},
    "communes": {"fr": "Communes", "en": "Municipalities"},
    "map": {"fr": "Carte", "en": "Map"},
    "search": {"fr": "Rechercher", "en": "Search"},
    "places": {"fr": "Lieux", "en": "Places"},
    "notices": {"fr": "Avis", "en": "Notices"},
    "needs": {"fr": "Je cherche…", "en": "I am looking for…"},
    "this_week": {"fr": "Les prochains jours", "en": "The coming days"},
    "agenda_page_over": {
        "fr": "Les dates de cette page sont passées : voyez les mois suivants ci-dessous.",
        "en": "The dates of this page are over: see the following months below.",
    },
    "month_over": {"fr": "Ce mois est terminé.", "en": "This month is over."},
    "no_notice": {"fr": "Aucun avis en cours.", "en": "No current notice."},
    "notice_ended": {"fr": "Cet avis a pris fin le", "en": "This notice ended on"},
    "updated": {"fr": "Mis à jour le", "en": "Updated on"},
    "printed": {"fr": "Imprimé le", "en": "Printed on"},
    "offline_copy": {
        "fr": "Hors connexion : vous lisez la copie de cette page gardée sur cet appareil (voir sa date ci-dessus).",
        "en": "Offline: you are reading the copy of this page kept on this device (see its date above).",
    },
    "stale": {
        "fr": "Attention : cette page n'a pas été mise à jour depuis plus d'une semaine. Des informations ont pu changer.",
        "en": "Careful: this page has not been updated for more than a week. Some information may have changed.",
    },
    "footer_made_with": {"fr": "Site réalisé avec", "en": "Made with"},
    "helpline_call": {"fr": "Vous ne savez pas à qui vous adresser ? Appelez", "en": "Not sure who to ask? Call"},
    "free_call": {"fr": "appel gratuit", "en": "free call"},
    "summary": {"fr": "En bref", "en": "In short"},
    "services": {"fr": "Services", "en": "Services"},
    "audiences": {"fr": "Pour qui ?", "en": "For whom?"},
    "themes": {"fr": "Thèmes", "en": "Themes"},
    "kind": {"fr": "Type", "en": "Kind"},
    "access": {"fr": "Accès", "en": "Access"},
    "cost": {"fr": "Coût", "en": "Cost"},
    "conditions": {"fr": "Conditions", "en": "Conditions"},
    "languages": {"fr": "Langues parlées", "en": "Languages spoken"},
    "where_when": {"fr": "Où et quand ?", "en": "Where and when?"},
    "contact": {"fr": "Contact", "en": "Contact"},
    "phone": {"fr": "Téléphone", "en": "Phone"},
    "email": {"fr": "E-mail", "en": "E-mail"},
    "website": {"fr": "Site web", "en": "Website"},
    "hours": {"fr": "Heures d'ouverture", "en": "Opening hours"},
    "no_hours": {
        "fr": "Heures d'ouverture non précisées : téléphonez avant de venir.",
        "en": "Opening hours not given: call before coming.",
    },
    "events_organized": {"fr": "Ses activités", "en": "Its activities"},
    "routes_operated": {"fr": "Ses tournées", "en": "Its routes"},
    "verified": {"fr": "Informations vérifiées le", "en": "Information checked on"},
    "by": {"fr": "par", "en": "by"},
    "suggest_edit": {"fr": "Proposer une modification", "en": "Suggest a change"},
    "edit_file": {"fr": "modifier le fichier texte", "en": "edit the text file"},
    "report_error": {"fr": "Signaler une erreur par e-mail", "en": "Report an error by e-mail"},
    "report_error_subject": {"fr": "Erreur à corriger", "en": "Error to correct"},
    "page": {"fr": "Page", "en": "Page"},
    "file": {"fr": "Fichier", "en": "File"},
    "closed_from": {"fr": "Fermeture", "en": "Closed"},
    "area": {"fr": "Communes desservies", "en": "Municipalities served"},
    "whole_territory_actors": {"fr": "Et pour tout le territoire", "en": "And for the whole territory"},
    "whole_territory": {"fr": "tout le territoire", "en": "the whole territory"},
    "show_map": {"fr": "Afficher la carte", "en": "Show the map"},
    "map_note": {
        "fr": "La carte charge des images depuis un serveur de cartes extérieur.",
        "en": "The map loads images from an outside map server.",
    },
    "osm_link": {"fr": "Voir sur OpenStreetMap", "en": "See on OpenStreetMap"},
    "subscribe": {"fr": "S'abonner au calendrier", "en": "Subscribe to the calendar"},
    "subscribe_webcal": {
        "fr": "Ajouter à mon agenda (téléphone, Outlook, Apple)",
        "en": "Add to my calendar (phone, Outlook, Apple)",
    },
    "subscribe_google": {"fr": "Ajouter à Google Agenda", "en": "Add to Google Calendar"},
    "subscribe_outlook": {"fr": "Ajouter à Outlook", "en": "Add to Outlook"},
    "qr_of": {"fr": "Code QR de l'adresse", "en": "QR code of the address"},
    "qr_caption": {
        "fr": "Scannez ce code avec un téléphone pour ouvrir l'adresse du calendrier.",
        "en": "Scan this code with a phone to open the calendar's address.",
    },
    "feeds_by_type": {"fr": "Calendriers par type d'activité", "en": "Calendars by kind of activity"},
    "feeds_by_audience": {"fr": "Calendriers par public", "en": "Calendars by audience"},
    "subscribe_copy": {"fr": "Copier l'adresse", "en": "Copy the address"},
    "subscribe_url": {"fr": "Adresse du calendrier", "en": "Calendar address"},
    "subscribe_note": {
        "fr": "Google Agenda ne met à jour les abonnements que toutes les 12 à 24 heures.",
        "en": "Google Calendar refreshes subscriptions only every 12 to 24 hours.",
    },
    "add_to_calendar": {"fr": "Ajouter à mon agenda (.ics)", "en": "Add to my calendar (.ics)"},
    "leaflet": {"fr": "Dépliant à imprimer (PDF)", "en": "Printable leaflet (PDF)"},
    "poster": {"fr": "Affiche des horaires à imprimer (PDF)", "en": "Printable timetable (PDF)"},
    "booklet": {"fr": "Tout le répertoire à imprimer (PDF)", "en": "The whole directory, printable (PDF)"},
    "upcoming_dates": {"fr": "Prochaines dates", "en": "Next dates"},
    "no_upcoming": {"fr": "Aucune date à venir.", "en": "No upcoming date."},
    "place": {"fr": "Lieu", "en": "Place"},
    "organizers": {"fr": "Organisé par", "en": "Organised by"},
    "operator": {"fr": "Tournée assurée par", "en": "Route run by"},
    "registration": {"fr": "Inscription", "en": "Registration"},
    "registration_required": {"fr": "Inscription obligatoire", "en": "Registration required"},
    "registration_optional": {"fr": "Inscription souhaitée", "en": "Registration welcome"},
    "deadline": {"fr": "avant le", "en": "before"},
    "register_online": {"fr": "S'inscrire en ligne", "en": "Register online"},
    "cancelled": {"fr": "Annulé", "en": "Cancelled"},
    "postponed": {"fr": "Reporté", "en": "Postponed"},
    "moved": {"fr": "Modifié", "en": "Changed"},
    "timetable": {"fr": "Horaires des arrêts", "en": "Stop timetable"},
    "village": {"fr": "Village", "en": "Village"},
    "where": {"fr": "Où ?", "en": "Where?"},
    "time": {"fr": "Heure", "en": "Time"},
    "next_runs": {"fr": "Prochains passages", "en": "Next runs"},
    "stops": {"fr": "Les arrêts", "en": "The stops"},
    "stops_in": {"fr": "Passages de tournées dans la commune", "en": "Mobile services in the municipality"},
    "actors_serving": {"fr": "Qui peut vous aider dans la commune ?", "en": "Who can help in this municipality?"},
    "events_in": {"fr": "Activités dans la commune", "en": "Activities in the municipality"},
    "feeds": {"fr": "Calendriers à suivre", "en": "Calendars to follow"},
    "filters": {"fr": "Affiner", "en": "Filter"},
    "all_communes": {"fr": "Toutes les communes", "en": "All municipalities"},
    "all_villages": {"fr": "Tous les villages", "en": "All villages"},
    "all_themes": {"fr": "Tous les thèmes", "en": "All themes"},
    "all_audiences": {"fr": "Tous les publics", "en": "All audiences"},
    "all_kinds": {"fr": "Tous les types", "en": "All kinds"},
    "commune": {"fr": "Commune", "en": "Municipality"},
    "theme": {"fr": "Thème", "en": "Theme"},
    "audience": {"fr": "Public", "en": "Audience"},
    "type": {"fr": "Type", "en": "Type"},
    "open_now": {"fr": "Ouvert maintenant", "en": "Open now"},
    "open_today": {"fr": "Ouvert aujourd'hui", "en": "Open today"},
    "results": {"fr": "résultat(s)", "en": "result(s)"},
    "reset": {"fr": "Tout afficher", "en": "Show all"},
    "browse_by_commune": {"fr": "Par commune", "en": "By municipality"},
    "browse_by_theme": {"fr": "Par thème", "en": "By theme"},
    "browse_by_audience": {"fr": "Par public", "en": "By audience"},
    "all_actors": {"fr": "Tous les acteurs", "en": "All organisations"},
    "actors_count": {"fr": "acteurs", "en": "organisations"},
    "later": {"fr": "Plus tard", "en": "Later"},
    "month_agenda": {"fr": "Agenda du mois", "en": "Agenda for the month"},
    "next_weeks": {"fr": "Les quatre prochaines semaines", "en": "The next four weeks"},
    "every_event": {"fr": "Tout l'agenda", "en": "The whole agenda"},
    "route_day": {"fr": "arrêts", "en": "stops"},
    "see_route": {"fr": "voir les horaires", "en": "see the timetable"},
    "search_label": {"fr": "Que cherchez-vous ?", "en": "What are you looking for?"},
    "search_button": {"fr": "Rechercher", "en": "Search"},
    "search_hint": {
        "fr": "Avec vos mots : « j'ai faim », « dormir ce soir », « garde d'enfants », « payer mes factures »… Les accents ne sont pas nécessaires.",
        "en": "In your own words: “food bank”, “somewhere to sleep”, “childcare”, “debt advice”…",
    },
    "search_nojs": {
        "fr": "La recherche se fait dans votre navigateur et a besoin de JavaScript, qui est coupé : vos mots n'ont pas pu être lus. Choisissez plutôt ce que vous cherchez, ou parcourez le répertoire par thème, par commune ou par public.",
        "en": "Search runs in your browser and needs JavaScript, which is off: your words could not be read. Choose what you are looking for instead, or browse the directory by theme, municipality or audience.",
    },
    "search_no_sure_answer": {"fr": "Pas de réponse sûre pour", "en": "No sure answer for"},
    "search_ask_helpline": {
        "fr": "Une personne peut vous orienter : appelez le numéro d'information sociale, ou regardez les besoins les plus proches ci-dessous.",
        "en": "Someone can point you in the right direction: call the social information line, or see the closest needs below.",
    },
    "search_close_needs": {"fr": "Les besoins les plus proches", "en": "The closest needs"},
    "search_unknown": {"fr": "Mots sans réponse :", "en": "Words with no answer:"},
    "search_next": {"fr": "prochaine fois", "en": "next"},
    "search_gone": {"fr": "passé ou annulé", "en": "past or cancelled"},
    "my_commune": {"fr": "Ma commune", "en": "My municipality"},
    "nearest_first": {"fr": "Les plus proches de", "en": "Nearest to"},
    "any_commune": {"fr": "Toutes", "en": "All"},
    "any_kind": {"fr": "Tout", "en": "Everything"},
    "kind_needs": {"fr": "Besoins", "en": "Needs"},
    "kind_actors": {"fr": "Acteurs et services", "en": "Organisations and services"},
    "kind_events": {"fr": "Activités", "en": "Activities"},
    "kind_routes": {"fr": "Tournées", "en": "Mobile routes"},
    "kind_places": {"fr": "Lieux", "en": "Places"},
    "kind_communes": {"fr": "Communes", "en": "Municipalities"},
    "search_none": {"fr": "Aucun résultat.", "en": "No result."},
    "territory_map": {"fr": "Carte du territoire", "en": "Map of the territory"},
    "map_points": {"fr": "Les lieux de la carte, en liste", "en": "The places on the map, as a list"},
    "wheelchair": {"fr": "Accessibilité", "en": "Accessibility"},
    "notice_more": {"fr": "En savoir plus", "en": "Read more"},
    "active_notices": {"fr": "Avis en cours", "en": "Current notices"},
    "concerns": {"fr": "Concerne", "en": "Concerns"},
    "related_actors": {"fr": "Acteurs concernés", "en": "Related organisations"},
    "all_day": {"fr": "toute la journée", "en": "all day"},
    "today": {"fr": "aujourd'hui", "en": "today"},
    "nothing_this_week": {"fr": "Rien d'annoncé cette semaine.", "en": "Nothing announced this week."},
    "villages": {"fr": "Villages", "en": "Villages"},
    "open_data": {"fr": "Données ouvertes", "en": "Open data"},
    "upcoming_here": {"fr": "Activités à venir dans ce lieu", "en": "Upcoming activities here"},
    "status_open": {"fr": "Ouvert maintenant", "en": "Open now"},
    "status_closed": {"fr": "Fermé maintenant", "en": "Closed now"},
    "closes_at": {"fr": "ferme à", "en": "closes at"},
    "opens_at": {"fr": "ouvre à", "en": "opens at"},
    "opens_on": {"fr": "ouvre", "en": "opens"},
    "next_day": {"fr": "le lendemain", "en": "the next day"},
    "need_pages": {"fr": "Trouver de l'aide selon votre besoin", "en": "Find help for your need"},
    "actors_for_need": {"fr": "Qui peut vous aider ?", "en": "Who can help?"},
    "events_for_need": {"fr": "Activités à venir", "en": "Upcoming activities"},
    "nojs_filters": {
        "fr": "Les filtres ont besoin de JavaScript ; sans lui, utilisez les listes par commune, thème ou public ci-dessous.",
        "en": "Filters need JavaScript; without it, use the lists by municipality, theme or audience below.",
    },
}


def label(key: str, lang: str) -> str:
    entry = LABELS[key]
    return typo(entry.get(lang) or entry["en"], lang)


def colon(lang: str) -> str:
    """ " : " with French spacing (a narrow no-break space before the colon)."""
    return "\u202f: " if lang == "fr" else ": "


def term(vocabulary: str, value: str, lang: str) -> str:
    """The label of a vocabulary value in ``lang`` (French when no translation)."""
    found = VOCABULARIES[vocabulary].get(value)
    return found.label(lang) if found is not None else value


# The languages the interface has words for (labels, dates, hours).
UI_LANGUAGES = ("fr", "en")


def _set(lang: str) -> str:
    return "fr" if lang == "fr" else "en"


def day_name(day: date, lang: str) -> str:
    return DAYS[_set(lang)][day.weekday()]


def upper_first(words: str) -> str:
    """ "lundi 23 novembre" → "Lundi 23 novembre" (``str.capitalize`` would lower the rest)."""
    return words[:1].upper() + words[1:]


def month_title(year: int, month: int, lang: str) -> str:
    name = MONTHS[_set(lang)][month - 1]
    return f"{name.capitalize()} {year}"


def span(start: date | datetime, end: date | datetime | None, lang: str) -> str:
    """The time part of an occurrence: "de 9 h 30 à 11 h", "à 14 h", "toute la journée"."""
    if not isinstance(start, datetime):
        return label("all_day", lang)
    if isinstance(end, datetime) and end.date() == start.date():
        if _set(lang) == "fr":
            return f"de {clock(start.time(), lang)} à {clock(end.time(), lang)}"
        return f"{clock(start.time(), lang)}–{clock(end.time(), lang)}"
    if isinstance(end, datetime):
        until = long_date(end.date(), lang, year=False)
        if _set(lang) == "fr":
            return f"de {clock(start.time(), lang)} au {until} à {clock(end.time(), lang)}"
        return f"{clock(start.time(), lang)} to {until} {clock(end.time(), lang)}"
    return ("à " if _set(lang) == "fr" else "at ") + clock(start.time(), lang)

"""The words of the printed leaflets: dates, times, rules and fixed labels, in French or English.

Owns every sentence the leaflets print that does not come from the data, so that the Typst
templates hold layout only. Dates are spelled out (« mardi 1er décembre 2026 ») because a
leaflet is read by people who may not read ``2026-12-01``. Other languages fall back to
French until their labels are written here.
"""

from __future__ import annotations

from datetime import date, datetime, time

from ...calendar_words import MONTHS, WEEKDAYS, clock, day_of_month, long_date
from ...models.recurrence import Recurrence

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "guide": "Aide, services et activités près de chez vous",
        "directory": "Répertoire de l'action sociale",
        "helpline_call": "Une question ? Un seul numéro :",
        "edition": "Édition du {date}",
        "verify": "Vérifiez les changements : ce document date du {date}. Horaires et dates peuvent changer ; "
        "en cas de doute, téléphonez avant de vous déplacer.",
        "contents": "Sommaire",
        "services": "Les services, par besoin",
        "see_also": "Voir aussi : ",
        "agenda": "Agenda des deux prochains mois",
        "agenda_period": "Du {first} au {last}, dans la commune.",
        "agenda_empty": "Aucune activité n'est annoncée dans la commune pour ces deux mois.",
        "activities": "Les activités de l'agenda en détail",
        "routes": "Les tournées dans vos villages",
        "routes_empty": "Aucune tournée ne s'arrête dans la commune.",
        "more": "Pour en savoir plus",
        "qr_commune": "Tout sur {commune}, toujours à jour",
        "qr_feed": "L'agenda de {commune} dans le calendrier de votre téléphone",
        "qr_route": "La tournée, toujours à jour",
        "qr_route_feed": "Les passages dans le calendrier de votre téléphone",
        "qr_directory": "Le répertoire, toujours à jour",
        "notes": "Mes notes",
        "page": "page",
        "phone": "Téléphone : ",
        "email": "E-mail : ",
        "hours": "Horaires : ",
        "languages": "Langues parlées : ",
        "services_list": "Services : ",
        "closed": "Fermé du {first} au {last}",
        "cancelled": "ANNULÉ",
        "postponed": "REPORTÉ",
        "moved": "CHANGEMENT",
        "info": "Renseignements : ",
        "registration": "Inscription obligatoire : ",
        "registration_optional": "Inscription conseillée : ",
        "by": "Organisé par ",
        "next_runs": "Prochains passages : ",
        "no_run": "Pas de passage",
        "on_day": "le ",
        "no_run_holidays": "Pas de passage les jours fériés.",
        "no_cancelled": "Aucun passage annulé n'est annoncé pour les mois à venir.",
        "route_contact": "Renseignements et commandes : ",
        "time": "Heure",
        "village": "Village",
        "stop": "Arrêt",
        "period": "du {first} au {last}",
        "period_open": "depuis le {first}",
        "index_themes": "Index par thème",
        "index_communes": "Index par commune",
        "whole_territory": "Tout le territoire",
        "area": "Pour : ",
        "operator": "Avec ",
        "qr_alt": "Code QR vers {url}",
    },
    "en": {
        "guide": "Help, services and activities near you",
        "directory": "Social action directory",
        "helpline_call": "A question? One number:",
        "edition": "Edition of {date}",
        "verify": "Check for changes: this document dates from {date}. Hours and dates may change; "
        "if in doubt, call before you go.",
        "contents": "Contents",
        "services": "Services, by need",
        "see_also": "See also: ",
        "agenda": "What's on in the next two months",
        "agenda_period": "From {first} to {last}, in the municipality.",
        "agenda_empty": "No activity is announced in the municipality for these two months.",
        "activities": "The activities in detail",
        "routes": "Mobile services in your villages",
        "routes_empty": "No mobile service stops in the municipality.",
        "more": "Find out more",
        "qr_commune": "All about {commune}, always up to date",
        "qr_feed": "{commune}'s events in your phone's calendar",
        "qr_route": "The route, always up to date",
        "qr_route_feed": "The stops in your phone's calendar",
        "qr_directory": "The directory, always up to date",
        "notes": "My notes",
        "page": "page",
        "phone": "Phone: ",
        "email": "E-mail: ",
        "hours": "Hours: ",
        "languages": "Languages spoken: ",
        "services_list": "Services: ",
        "closed": "Closed from {first} to {last}",
        "cancelled": "CANCELLED",
        "postponed": "POSTPONED",
        "moved": "CHANGED",
        "info": "Information: ",
        "registration": "Registration required: ",
        "registration_optional": "Registration advised: ",
        "by": "Organised by ",
        "next_runs": "Next stops: ",
        "no_run": "No stop",
        "on_day": "on ",
        "no_run_holidays": "No stop on public holidays.",
        "no_cancelled": "No cancelled run is announced for the coming months.",
        "route_contact": "Information and orders: ",
        "time": "Time",
        "village": "Village",
        "stop": "Stop",
        "period": "from {first} to {last}",
        "period_open": "since {first}",
        "index_themes": "Index by theme",
        "index_communes": "Index by municipality",
        "whole_territory": "The whole territory",
        "area": "For: ",
        "operator": "By ",
        "qr_alt": "QR code to {url}",
    },
}


class Words:
    """Dates, times and labels in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LABELS else "fr"

    def __call__(self, key: str, **values: str) -> str:
        return LABELS[self.lang][key].format(**values)

    def day_of_month(self, day: date) -> str:
        return day_of_month(day, self.lang)

    def long_date(self, day: date, *, weekday: bool = True, year: bool = True) -> str:
        """« mardi 1er décembre 2026 », as the pages say it (``calendar_words``)."""
        return long_date(day, self.lang, weekday=weekday, year=year, space=" ")

    def month_year(self, day: date) -> str:
        return f"{MONTHS[self.lang][day.month - 1]} {day.year}"

    def clock(self, moment: time | datetime) -> str:
        """« 9 h 30 », « 14 h », as the pages say it (``calendar_words``)."""
        return clock(time(moment.hour, moment.minute), self.lang)

    def span(self, start: time | datetime, end: time | datetime | None) -> str:
        """« de 9 h 30 à 11 h », or « à 9 h 30 » without an end."""
        if end is None:
            return f"à {self.clock(start)}" if self.lang == "fr" else f"at {self.clock(start)}"
        if self.lang == "fr":
            return f"de {self.clock(start)} à {self.clock(end)}"
        return f"{self.clock(start)} to {self.clock(end)}"

    def short_span(self, start: time | datetime, end: time | datetime) -> str:
        """« 9 h 30 – 11 h », for timetables."""
        return f"{self.clock(start)} – {self.clock(end)}"

    def days_list(self, days: list[date]) -> str:
        """« 1er, 8 et 15 décembre ; 5 janvier 2027 »: dates grouped by month."""
        groups: list[list[date]] = []
        for day in sorted(days):
            if groups and (groups[-1][0].year, groups[-1][0].month) == (day.year, day.month):
                groups[-1].append(day)
            else:
                groups.append([day])
        parts = []
        for group in groups:
            numbers = [self.day_of_month(d) for d in group]
            joined = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + self.and_() + numbers[-1]
            parts.append(f"{joined} {MONTHS[self.lang][group[0].month - 1]}")
        return " ; ".join(parts) if self.lang == "fr" else "; ".join(parts)

    def weekdays(self, days: list[date]) -> str:
        """The weekday(s) of a route's runs: « le mardi », « le mardi ou le vendredi »; empty
        when they are more than two (the dates of the next runs then say their weekdays)."""
        names = [WEEKDAYS[self.lang][n] for n in sorted({day.weekday() for day in days})]
        if not names or len(names) > 2:
            return ""
        if self.lang == "fr":
            return " ou ".join(f"le {name}" for name in names)
        return "on " + " or ".join(names)

    def and_(self) -> str:
        return " et " if self.lang == "fr" else " and "

    def join(self, parts: list[str]) -> str:
        if len(parts) <= 1:
            return "".join(parts)
        return ", ".join(parts[:-1]) + self.and_() + parts[-1]

    def rule(self, recurrence: Recurrence) -> str | None:
        """A route's rhythm in words (« chaque mardi », « un mercredi sur deux », « le 1er
        samedi du mois »), or None when the dates say it better than a sentence would."""
        days = WEEKDAYS[self.lang]
        if recurrence.bymonthday or recurrence.bymonth or not recurrence.byday:
            return None
        if recurrence.freq == "WEEKLY" and all(n == 0 for n, _ in recurrence.byday):
            names = [days[d] for _, d in recurrence.byday]
            if recurrence.interval == 1:
                if self.lang == "fr":
                    return "chaque " + self.join(names)
                return "every " + self.join(names)
            if recurrence.interval == 2:
                if self.lang == "fr":
                    return "un " + self.join(names) + " sur deux"
                return "every other " + self.join(names)
            return None
        if recurrence.freq == "MONTHLY" and recurrence.interval == 1 and len(recurrence.byday) == 1:
            ordinal, day = recurrence.byday[0]
            if ordinal == 0:
                return None
            if self.lang == "fr":
                nth = "dernier" if ordinal == -1 else ("1er" if ordinal == 1 else f"{ordinal}e")
                return f"le {nth} {days[day]} du mois"
            nth = "last" if ordinal == -1 else f"{ordinal}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(ordinal, 'th') }"
            return f"the {nth} {days[day]} of the month"
        return None

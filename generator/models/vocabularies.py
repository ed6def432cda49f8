"""The closed lists partners choose from, with their labels in every site language.

Values are fixed by the public contract (CONTRACT.md §1): new values may be added, none
renamed. Labels and descriptions are ours; French first, English beside it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary with its labels by language."""

    value: str
    labels: dict[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["fr"]


def _terms(rows: list[tuple[str, str, str]]) -> dict[str, Term]:
    return {value: Term(value, {"fr": fr, "en": en}) for value, fr, en in rows}


ACTOR_KINDS = _terms(
    [
        ("public-service", "service public", "public service"),
        ("association", "association", "association"),
        ("health", "santé", "health"),
        ("education", "enseignement", "education"),
        ("culture", "culture", "culture"),
        ("volunteer-network", "réseau de bénévoles", "volunteer network"),
        ("business", "entreprise, commerce", "business"),
        ("other", "autre", "other"),
    ]
)

THEMES = _terms(
    [
        ("aide-sociale", "aide sociale", "social assistance"),
        ("alimentation", "alimentation", "food"),
        ("logement", "logement", "housing"),
        ("energie", "énergie", "energy"),
        ("sante", "santé", "health"),
        ("sante-mentale", "santé mentale", "mental health"),
        ("handicap", "handicap", "disability"),
        ("parentalite", "parentalité", "parenting"),
        ("petite-enfance", "petite enfance", "early childhood"),
        ("jeunesse", "jeunesse", "youth"),
        ("emploi", "emploi", "employment"),
        ("formation", "formation", "training"),
        ("numerique", "numérique", "digital"),
        ("mobilite", "mobilité", "mobility"),
        ("lien-social", "lien social", "social ties"),
        ("culture-loisirs", "culture et loisirs", "culture and leisure"),
        ("sport", "sport", "sport"),
        ("acces-aux-droits", "accès aux droits", "access to rights"),
        ("budget-dettes", "budget et dettes", "budget and debt"),
        ("violences", "violences", "violence"),
        ("assuetudes", "assuétudes", "addictions"),
        ("sans-abrisme", "sans-abrisme", "homelessness"),
        ("migration", "migration", "migration"),
        ("transmission-savoirs", "transmission de savoirs", "knowledge sharing"),
        ("benevolat", "bénévolat", "volunteering"),
    ]
)

AUDIENCES = _terms(
    [
        ("all", "tout public", "everyone"),
        ("children", "enfants", "children"),
        ("youth", "jeunes", "young people"),
        ("families", "familles", "families"),
        ("seniors", "aînés", "seniors"),
        ("carers", "aidants proches", "carers"),
        ("disabled", "personnes en situation de handicap", "people with disabilities"),
        ("homeless", "personnes sans abri", "homeless people"),
        ("migrants", "personnes migrantes", "migrants"),
        ("jobseekers", "demandeurs d'emploi", "jobseekers"),
        ("students", "étudiants", "students"),
        ("women", "femmes", "women"),
        ("newcomers", "nouveaux habitants", "newcomers"),
        ("volunteers", "bénévoles", "volunteers"),
        ("professionals", "professionnels du réseau", "network professionals"),
    ]
)

EVENT_TYPES = _terms(
    [
        ("meeting", "réunion de coordination", "coordination meeting"),
        ("cafe", "café rencontre", "meet-up café"),
        ("workshop", "atelier", "workshop"),
        ("knowledge", "transmission de savoirs", "knowledge sharing"),
        ("leisure", "loisirs", "leisure"),
        ("permanence", "permanence", "office hours"),
        ("training", "formation", "training"),
        ("discussion", "groupe de parole, forum", "discussion group"),
        ("sport", "sport", "sport"),
        ("festive", "fête, événement", "festivity"),
        ("info-session", "séance d'information", "information session"),
        ("other", "autre", "other"),
    ]
)

CIRCUIT_TYPES = _terms(
    [
        ("grocery", "épicerie itinérante", "mobile grocery"),
        ("library", "bibliobus", "mobile library"),
        ("health", "santé mobile", "mobile health"),
        ("social", "permanence mobile", "mobile social desk"),
        ("other", "autre", "other"),
    ]
)

ACCESS_MODES = _terms(
    [
        ("walk-in", "sans rendez-vous", "walk-in"),
        ("appointment", "sur rendez-vous", "by appointment"),
        ("registration", "sur inscription", "registration required"),
        ("referral", "sur orientation", "by referral"),
    ]
)

COSTS = _terms(
    [
        ("free", "gratuit", "free"),
        ("paid", "payant", "paid"),
        ("mixed", "selon les cas", "depends"),
    ]
)

WHEELCHAIR = _terms(
    [
        ("yes", "accessible en fauteuil roulant", "wheelchair accessible"),
        ("no", "non accessible en fauteuil roulant", "not wheelchair accessible"),
        ("limited", "accès limité en fauteuil roulant", "limited wheelchair access"),
        ("unknown", "accessibilité inconnue", "accessibility unknown"),
    ]
)

VERIFICATION_METHODS = _terms(
    [
        ("phone", "par téléphone", "by phone"),
        ("email", "par e-mail", "by e-mail"),
        ("visit", "sur place", "on site"),
        ("pull-request", "par proposition de modification", "by pull request"),
        ("campaign", "lors d'une campagne de mise à jour", "during an update campaign"),
    ]
)

NOTICE_LEVELS = _terms(
    [
        ("info", "information", "information"),
        ("warning", "attention", "warning"),
        ("alert", "alerte", "alert"),
    ]
)

EVENT_STATUSES = _terms(
    [
        ("scheduled", "prévu", "scheduled"),
        ("cancelled", "annulé", "cancelled"),
        ("postponed", "reporté", "postponed"),
    ]
)

# ISO 639-1 codes, plus ISO 639-3 for Walloon and the sign languages of Belgium and France.
LANGUAGES = _terms(
    [
        ("fr", "français", "French"),
        ("nl", "néerlandais", "Dutch"),
        ("de", "allemand", "German"),
        ("en", "anglais", "English"),
        ("wa", "wallon", "Walloon"),
        ("ar", "arabe", "Arabic"),
        ("es", "espagnol", "Spanish"),
        ("it", "italien", "Italian"),
        ("pt", "portugais", "Portuguese"),
        ("pl", "polonais", "Polish"),
        ("ro", "roumain", "Romanian"),
        ("tr", "turc", "Turkish"),
        ("ru", "russe", "Russian"),
        ("uk", "ukrainien", "Ukrainian"),
        ("fa", "persan", "Persian"),
        ("ps", "pachto", "Pashto"),
        ("so", "somali", "Somali"),
        ("ti", "tigrigna", "Tigrinya"),
        ("sq", "albanais", "Albanian"),
        ("zh", "chinois", "Chinese"),
        ("ln", "lingala", "Lingala"),
        ("sw", "swahili", "Swahili"),
        ("br", "breton", "Breton"),
        ("oc", "occitan", "Occitan"),
        ("eu", "basque", "Basque"),
        ("co", "corse", "Corsican"),
        ("lb", "luxembourgeois", "Luxembourgish"),
        ("sfb", "langue des signes de Belgique francophone (LSFB)", "French Belgian Sign Language"),
        ("fsl", "langue des signes française (LSF)", "French Sign Language"),
        ("vgt", "langue des signes flamande (VGT)", "Flemish Sign Language"),
    ]
)

# The languages the site itself can be shown in (UI labels exist for these).
SITE_LANGUAGES = ("fr", "en", "nl", "de")

VOCABULARIES: dict[str, dict[str, Term]] = {
    "kind": ACTOR_KINDS,
    "theme": THEMES,
    "audience": AUDIENCES,
    "event-type": EVENT_TYPES,
    "circuit-type": CIRCUIT_TYPES,
    "access-mode": ACCESS_MODES,
    "cost": COSTS,
    "wheelchair": WHEELCHAIR,
    "verification": VERIFICATION_METHODS,
    "notice-level": NOTICE_LEVELS,
    "status": EVENT_STATUSES,
    "language": LANGUAGES,
}

VOCABULARY_NAMES = {
    "kind": {"fr": "type d'acteur", "en": "actor kind"},
    "theme": {"fr": "thème", "en": "theme"},
    "audience": {"fr": "public", "en": "audience"},
    "event-type": {"fr": "type d'événement", "en": "event type"},
    "circuit-type": {"fr": "type de tournée", "en": "route type"},
    "access-mode": {"fr": "mode d'accès", "en": "access mode"},
    "cost": {"fr": "coût", "en": "cost"},
    "wheelchair": {"fr": "niveau d'accès en fauteuil", "en": "wheelchair access"},
    "verification": {"fr": "moyen de vérification", "en": "verification method"},
    "notice-level": {"fr": "niveau d'avis", "en": "notice level"},
    "status": {"fr": "statut", "en": "status"},
    "language": {"fr": "code de langue", "en": "language"},
}

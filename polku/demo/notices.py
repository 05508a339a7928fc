"""Privacy notice texts of the demo projects, version 1, in Finnish, Swedish and English.

These are demo content stored in the database (as a coordinator would write them), not interface
strings, so they are written out per language here rather than passed through gettext.
"""

from __future__ import annotations

LANGUAGES = ("fi", "sv", "en")

_TITLES = {
    "fi": "Tietosuojaseloste – {project}",
    "sv": "Dataskyddsbeskrivning – {project}",
    "en": "Privacy notice – {project}",
}

_BODIES = {
    "fi": (
        "Rekisterinpitäjä: {controller}.\n\n"
        "Käsittelemme henkilötietojasi, jotta voit osallistua hankkeeseen {project} ja jotta voimme "
        "raportoida rahoittajalle. Käsittelyn peruste on suostumuksesi ja rahoittajan asettama "
        "raportointivelvoite.\n\n"
        "Keräämme yhteystietosi, osaamistasi ja tavoitteitasi koskevat tiedot sekä rahoittajan "
        "edellyttämät aloitustiedot. Arkaluonteiset tiedot ovat vapaaehtoisia, ja voit aina valita "
        'vaihtoehdon "en halua vastata".\n\n'
        "Tietojasi näkee vain se osatoteuttaja, jonka kautta osallistut. Rahoittaja ja arvioijat näkevät "
        "vain koottuja lukuja. Säilytämme tietoja rahoittajan edellyttämän ajan, jonka jälkeen ne "
        "anonymisoidaan.\n\n"
        "Sinulla on oikeus saada pääsy tietoihisi, oikaista ne, saada ne itsellesi ja peruuttaa "
        "suostumuksesi. Voit tehdä valituksen tietosuojavaltuutetulle."
    ),
    "sv": (
        "Personuppgiftsansvarig: {controller}.\n\n"
        "Vi behandlar dina personuppgifter för att du ska kunna delta i projektet {project} och för att "
        "vi ska kunna rapportera till finansiären. Grunden för behandlingen är ditt samtycke och "
        "finansiärens rapporteringskrav.\n\n"
        "Vi samlar in dina kontaktuppgifter, uppgifter om din kompetens och dina mål samt de "
        "startuppgifter som finansiären kräver. Känsliga uppgifter är frivilliga och du kan alltid välja "
        '"vill inte svara".\n\n'
        "Dina uppgifter ses bara av den delgenomförare som du deltar genom. Finansiären och utvärderarna "
        "ser endast sammanställda siffror. Vi sparar uppgifterna så länge finansiären kräver och "
        "anonymiserar dem därefter.\n\n"
        "Du har rätt att få tillgång till dina uppgifter, rätta dem, få ut dem och återkalla ditt "
        "samtycke. Du kan lämna klagomål till dataombudsmannen."
    ),
    "en": (
        "Controller: {controller}.\n\n"
        "We process your personal data so that you can take part in the project {project} and so that we "
        "can report to the funder. The legal basis is your consent and the funder's reporting "
        "obligation.\n\n"
        "We collect your contact details, your skills and goals, and the entry data the funder requires. "
        'Sensitive items are optional and you can always choose "prefer not to answer".\n\n'
        "Only the partner through which you take part sees your data. The funder and evaluators see "
        "aggregated figures only. We keep the data for as long as the funder requires and then anonymise "
        "it.\n\n"
        "You have the right to access, correct and receive your data and to withdraw your consent. You "
        "can lodge a complaint with the Data Protection Ombudsman."
    ),
}


def notice(*, language: str, project: str, controller: str) -> dict[str, str]:
    """Title and body of the version-1 notice of `project` in `language`."""
    return {
        "title": _TITLES[language].format(project=project)[:200],
        "body": _BODIES[language].format(project=project, controller=controller),
    }
